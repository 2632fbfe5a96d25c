/// One line of a line plot: paired x and y values, a name and a marker.
public struct Series: Equatable, Sendable {
  /// Horizontal positions, one per value of `y`.
  public var x: [Double]
  /// The values to draw.
  public var y: [Double]
  /// The name shown in the legend; `options.labels` or `series N` when `nil`.
  public var label: String?
  /// The character drawn for this series; the next unused default when `nil`.
  public var marker: Character?

  /// A series at the given x positions.
  public init(x: [Double], y: [Double], label: String? = nil, marker: Character? = nil) {
    self.x = x
    self.y = y
    self.label = label
    self.marker = marker
  }

  /// A series at the positions 0, 1, 2, ..., as `plot(y)` draws it.
  public init(y: [Double], label: String? = nil, marker: Character? = nil) {
    self.init(x: y.indices.map(Double.init), y: y, label: label, marker: marker)
  }
}

/// Draws one or more series as lines through their points.
///
/// Consecutive points are joined by straight segments drawn with the series'
/// marker; a point that cannot be drawn (NaN, infinite, or <= 0 on a log axis)
/// breaks the line and is counted in a note under the plot. A legend names the
/// series when there are several or any has a label. In Unicode mode a single
/// series is drawn in braille dots; several keep their markers, so they stay
/// distinguishable.
///
/// ```swift
/// let xs = (0...40).map { Double($0) / 4 }
/// print(try linePlot(series: [Series(x: xs, y: xs.map(sin), label: "sin")]))
/// ```
///
/// - Throws: `PlotError` for empty data, x and y of different lengths, more than
///   ten series, or bad options.
public func linePlot(series: [Series], options: PlotOptions = PlotOptions()) throws(PlotError)
  -> String
{
  let options = try options.validated()
  guard series.contains(where: { !$0.y.isEmpty }) else {
    throw PlotError.emptyData(plot: "plot")
  }
  for item in series where item.x.count != item.y.count {
    throw PlotError.lengthMismatch(
      plot: "plot", first: "x", firstCount: item.x.count, second: "y", secondCount: item.y.count)
  }
  guard series.count <= Markers.series.count else {
    throw PlotError.tooManySeries(plot: "plot", count: series.count, maximum: Markers.series.count)
  }
  let drawn = XYData(series.map { ($0.x, $0.y) }, options: options)
  let layout = try drawn.layout(options: options)
  let braille = options.charset == .unicode && series.count == 1
  var canvas = layout.canvas(braille: braille)
  var skipped = drawn.skipped
  var legend: [String] = []
  for (index, item) in series.enumerated() {
    let marker = item.marker ?? Markers.series[index]
    var previous: Point?
    for (xValue, yValue) in zip(item.x, item.y) {
      guard drawn.accepts(xValue, yValue), let point = layout.point(xValue, yValue) else {
        previous = nil
        continue
      }
      skipped.countIfOutside(point)
      if let previous {
        canvas.line(from: previous, to: point, with: marker)
      } else {
        canvas.mark(point, with: marker)
      }
      previous = point
    }
    let name = item.label ?? Markers.label(index, labels: options.labels, prefix: "series")
    legend.append("\(braille ? "⣿" : marker) \(name)")
  }
  let named = series.count > 1 || series.contains { $0.label != nil } || options.labels != nil
  return layout.render(area: canvas.rows, legend: named ? legend : [], notes: skipped.notes())
}
