import Foundation
import SomaTensor

/// Draws a histogram: the values counted into equally wide bins, one bar per bin.
///
/// The bins span the finite values (or `options.xlim`); with `options.logx` they
/// are equally wide in log10 of the values. The x axis ends exactly at the outer
/// bin edges. The count axis starts at 0 and has whole-number ticks (1 to the
/// largest count with `logy`, where empty bins are not drawn). A note under the
/// plot states the bins, and others count the values left out. Equal values get a
/// range widened around them, as a constant series does.
///
/// - Parameter bins: the number of bins, 1 to 1000.
/// - Throws: `PlotError` for no values, a bad bin count or bad options.
public func histogram(values: [Double], bins: Int = 10, options: PlotOptions = PlotOptions())
  throws(PlotError) -> String
{
  let options = try options.validated()
  guard !values.isEmpty else { throw PlotError.emptyData(plot: "hist") }
  guard (1...PlotError.maximumBins).contains(bins) else { throw PlotError.invalidBinCount(bins) }

  var skipped = SkippedPoints()
  let shown = values.filter { skipped.accept($0, 1, logx: options.logx, logy: false) }
  let bounds = binRange(shown, options: options)
  let edges = binEdges(bounds, bins: bins, logarithmic: options.logx)
  var counts = Array(repeating: 0, count: bins)
  for value in shown {
    guard let bin = binIndex(value, edges: edges) else {
      skipped.outsideLimits += 1
      continue
    }
    counts[bin] += 1
  }

  let largest = Double(counts.max() ?? 0)
  let y = try AxisGuide.numeric(
    lower: options.logy ? 1 : 0, upper: max(largest, 1), limits: options.ylim,
    logarithmic: options.logy, maxTicks: XYData.yTickCount(options.height), integers: true,
    axis: "count")
  let layout = try Layout(options: options, y: y) { (count: Int) throws(PlotError) in
    try AxisGuide.numeric(
      lower: bounds.lower, upper: bounds.upper, limits: AxisLimits(bounds.lower, bounds.upper),
      logarithmic: options.logx, maxTicks: count, axis: "x")
  }

  var canvas = layout.canvas()
  let width = Double(layout.areaWidth)
  for (bin, count) in counts.enumerated() where count > 0 {
    let top = layout.y.position(Double(count)) ?? 0
    let first = Int((Double(bin) / Double(bins) * width).rounded())
    let last = max(first, Int((Double(bin + 1) / Double(bins) * width).rounded()) - 1)
    for column in first...min(last, layout.areaWidth - 1) {
      canvas.verticalBar(column: column, top: top, unicode: options.charset == .unicode)
    }
  }
  let summary = binSummary(bins: bins, edges: edges, logarithmic: options.logx)
  return layout.render(area: canvas.rows, notes: [summary] + skipped.notes(noun: "value"))
}

/// The span the bins cover: the limits, or the values' range widened if it is empty.
private func binRange(_ values: [Double], options: PlotOptions) -> (lower: Double, upper: Double) {
  if let limits = options.xlim { return (limits.lower, limits.upper) }
  guard let (lower, upper) = extent(values) else { return options.logx ? (1, 10) : (0, 1) }
  if options.logx { return lower == upper ? (lower / 2, lower * 2) : (lower, upper) }
  // The same widening as the x axis gets, so the bins span exactly the axis.
  return NiceScale.widened(lower, upper)
}

/// `bins + 1` edges, equally spaced in the value or, on a log axis, in its log10.
private func binEdges(_ bounds: (lower: Double, upper: Double), bins: Int, logarithmic: Bool)
  -> [Double]
{
  (0...bins).map { index in
    let fraction = Double(index) / Double(bins)
    if logarithmic {
      let low = log10(bounds.lower)
      return pow(10, low + fraction * (log10(bounds.upper) - low))
    }
    return index == bins ? bounds.upper : bounds.lower + fraction * (bounds.upper - bounds.lower)
  }
}

/// The bin holding `value` (the last bin includes its upper edge), or `nil` outside.
private func binIndex(_ value: Double, edges: [Double]) -> Int? {
  guard let first = edges.first, let last = edges.last, value >= first, value <= last else {
    return nil
  }
  // Binary search keeping edges[low] <= value < edges[high], or value at the end.
  var low = 0
  var high = edges.count - 1
  while high - low > 1 {
    let middle = (low + high) / 2
    if edges[middle] <= value {
      low = middle
    } else {
      high = middle
    }
  }
  return low
}

/// A note such as `10 bins of width 0.5 from -2.5 to 2.5`.
private func binSummary(bins: Int, edges: [Double], logarithmic: Bool) -> String {
  var formatter = TensorFormatter()
  formatter.precision = 4
  let lower = formatter.format(edges.first ?? 0)
  let upper = formatter.format(edges.last ?? 0)
  let noun = bins == 1 ? "bin" : "bins"
  if logarithmic { return "\(bins) \(noun), equally wide in log10, from \(lower) to \(upper)" }
  let width = formatter.format(((edges.last ?? 0) - (edges.first ?? 0)) / Double(bins))
  return "\(bins) \(noun) of width \(width) from \(lower) to \(upper)"
}
