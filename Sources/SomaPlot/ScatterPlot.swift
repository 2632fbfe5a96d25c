/// Draws points at (x, y), with a different marker for each class.
///
/// Classes are any integers; they get markers `o x + * # ...` in ascending order,
/// and the legend names them `class N` or by `options.labels` in the same order.
/// Without classes every point is `o` (braille dots in Unicode mode). Points that
/// cannot be drawn are counted in a note under the plot.
///
/// ```swift
/// print(try scatterPlot(x: [1, 2, 3], y: [2, 1, 3], classes: [0, 1, 1]))
/// ```
///
/// - Throws: `PlotError` for empty data, lists of different lengths, more than ten
///   classes, or bad options.
public func scatterPlot(
  x: [Double], y: [Double], classes: [Int]? = nil, options: PlotOptions = PlotOptions()
) throws(PlotError) -> String {
  let options = try options.validated()
  guard !x.isEmpty || !y.isEmpty else { throw PlotError.emptyData(plot: "scatter") }
  guard x.count == y.count else {
    throw PlotError.lengthMismatch(
      plot: "scatter", first: "x", firstCount: x.count, second: "y", secondCount: y.count)
  }
  if let classes, classes.count != x.count {
    throw PlotError.lengthMismatch(
      plot: "scatter", first: "classes", firstCount: classes.count, second: "x",
      secondCount: x.count)
  }
  let groups = try ClassMarkers(classes ?? [], plot: "scatter")
  let drawn = XYData([(x, y)], options: options)
  let layout = try drawn.layout(options: options)
  let braille = options.charset == .unicode && groups.count <= 1
  var canvas = layout.canvas(braille: braille)
  var skipped = drawn.skipped
  for index in x.indices {
    guard drawn.accepts(x[index], y[index]), let point = layout.point(x[index], y[index])
    else { continue }
    skipped.countIfOutside(point)
    canvas.mark(point, with: groups.marker(for: classes?[index]))
  }
  let legend = classes == nil && options.labels == nil ? [] : groups.legend(options.labels)
  return layout.render(area: canvas.rows, legend: legend, notes: skipped.notes())
}
