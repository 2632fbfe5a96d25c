import SomaTensor

/// Draws a horizontal bar chart: one labelled bar per value, growing from zero.
///
/// Bars run sideways so that long labels fit on the left; each label is followed
/// by its value. Negative values grow to the left of the zero line. The rows
/// are spread over `options.height` when there is room, one row per bar otherwise;
/// `logy` does not apply and `logx` needs positive values.
///
/// ```swift
/// print(try barChart(labels: ["cat", "dog"], values: [3, 5]))
/// ```
///
/// - Throws: `PlotError` for no bars, labels and values of different lengths, or bad
///   options.
public func barChart(labels: [String], values: [Double], options: PlotOptions = PlotOptions())
  throws(PlotError) -> String
{
  var options = try options.validated()
  guard !values.isEmpty else { throw PlotError.emptyData(plot: "bar") }
  guard labels.count == values.count else {
    throw PlotError.lengthMismatch(
      plot: "bar", first: "labels", firstCount: labels.count, second: "values",
      secondCount: values.count)
  }
  var skipped = SkippedPoints()
  let shown = values.filter { skipped.accept($0, 1, logx: options.logx, logy: false) }
  let bounds = extent(options.logx ? shown : shown + [0]) ?? (options.logx ? (1, 10) : (0, 1))

  // Each bar gets a row and, when the height allows, a blank row between bars.
  let spacing = values.count * 2 - 1 <= options.height ? 2 : 1
  options.height = values.count * spacing - (spacing - 1)
  let y = AxisGuide(ticks: rowLabels(labels, values), position: { _ in nil })
  let rowTicks = labels.indices.map { index in
    let fraction = options.height == 1 ? 1 : Double(index * spacing) / Double(options.height - 1)
    return AxisGuide.Tick(fraction: 1 - fraction, label: y.ticks[index].label)
  }
  let layout = try Layout(options: options, y: AxisGuide(ticks: rowTicks, position: y.position)) {
    (count: Int) throws(PlotError) in
    try AxisGuide.numeric(
      lower: bounds.lower, upper: bounds.upper, limits: options.xlim, logarithmic: options.logx,
      maxTicks: count, axis: "x")
  }

  var canvas = layout.canvas()
  let zero = options.logx ? 0 : layout.x.position(0) ?? 0
  for (index, value) in values.enumerated() {
    guard let end = layout.x.position(value) else { continue }
    skipped.countIfOutside(Point(x: end, y: 0.5))
    canvas.horizontalBar(
      row: index * spacing, base: max(0, min(1, zero)), end: max(0, min(1, end)),
      unicode: options.charset == .unicode)
  }
  return layout.render(area: canvas.rows, notes: skipped.notes(noun: "bar"))
}

/// Each label followed by its value, labels left-aligned and values right-aligned.
private func rowLabels(_ labels: [String], _ values: [Double]) -> [AxisGuide.Tick] {
  var formatter = TensorFormatter()
  formatter.precision = 4
  let texts = values.map(formatter.format)
  let labelWidth = labels.map(\.count).max() ?? 0
  let valueWidth = texts.map(\.count).max() ?? 0
  return zip(labels, texts).map { label, text in
    let gap = String(repeating: " ", count: labelWidth - label.count + 2 + valueWidth - text.count)
    return AxisGuide.Tick(fraction: 0, label: label + gap + text)
  }
}
