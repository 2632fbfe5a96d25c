import SomaTensor

/// Draws a matrix as a grid of shaded cells, with a legend of what each shade means.
///
/// Row 0 is at the top and column 0 at the left, as the matrix prints. Values are
/// cut into bands at nice round numbers, at most 10 in ASCII (` .:-=+*#%@`) and 5
/// in Unicode (` ░▒▓█`); the shade scale under the plot gives each band's bounds.
/// Each matrix element fills a block of cells about twice as wide as tall; a
/// matrix larger than the area is sampled, each cell showing its nearest element.
/// NaN and infinite elements are drawn as `?` and counted in a note. The axes
/// show matrix indices, so limits and log axes do not apply.
///
/// - Throws: `PlotError` for an empty or ragged matrix, or bad options.
public func heatmap(matrix: [[Double]], options: PlotOptions = PlotOptions()) throws(PlotError)
  -> String
{
  let options = try options.validated()
  guard let first = matrix.first, !first.isEmpty else {
    throw PlotError.emptyData(plot: "heatmap")
  }
  for (index, row) in matrix.enumerated() where row.count != first.count {
    throw PlotError.raggedMatrix(
      plot: "heatmap", row: index, count: row.count, expected: first.count)
  }
  return try drawHeatmap(matrix, options: options)
}

/// Draws a rank-2 tensor as a heatmap; see `heatmap(matrix:options:)` for `[[Double]]`.
///
/// - Throws: `PlotError.notAMatrix` for other ranks, and the errors of the array form.
public func heatmap(matrix: Tensor, options: PlotOptions = PlotOptions()) throws(PlotError)
  -> String
{
  guard matrix.rank == 2 else { throw PlotError.notAMatrix(plot: "heatmap", shape: matrix.shape) }
  let columns = matrix.shape[1]
  let rows = (0..<matrix.shape[0]).map { row in
    Array(matrix.scalars[(row * columns)..<((row + 1) * columns)])
  }
  guard columns > 0, !rows.isEmpty else { throw PlotError.emptyData(plot: "heatmap") }
  return try heatmap(matrix: rows, options: options)
}

private func drawHeatmap(_ matrix: [[Double]], options: PlotOptions) throws(PlotError) -> String {
  var options = options
  let rowCount = matrix.count
  let columnCount = matrix[0].count
  let finite = matrix.joined().filter(\.isFinite)
  let notFinite = rowCount * columnCount - finite.count
  let (lower, upper) = extent(finite) ?? (0, 1)
  let ramp = options.charset == .unicode ? ShadeScale.unicodeRamp : ShadeScale.asciiRamp
  let shades = try ShadeScale(lower: lower, upper: upper, ramp: ramp)

  // Cells about twice as wide as tall look square in most fonts.
  let cellHeight = max(1, min(3, options.height / rowCount))
  options.height = min(options.height, rowCount * cellHeight)
  let y = indexAxis(count: rowCount, cells: options.height, maxTicks: 6, topDown: true)
  let margin = (y.ticks.map(\.label.count).max() ?? 0) + 1
  let room = Layout.availableWidth(options, leftMargin: margin)
  let cellWidth = max(1, min(2 * cellHeight, room / columnCount))
  let layout = try Layout(
    options: options, y: y, maximumAreaWidth: min(room, columnCount * cellWidth)
  ) { (count: Int) throws(PlotError) in
    indexAxis(
      count: columnCount, cells: min(room, columnCount * cellWidth), maxTicks: count,
      topDown: false)
  }

  // A constant matrix gets one mid-ramp shade and a one-line legend instead of
  // bands cut from its artificially widened range.
  let constant = lower == upper
  let middle: Character = options.charset == .unicode ? "▒" : "="
  var canvas = layout.canvas()
  for row in 0..<layout.areaHeight {
    let element = matrix[row * rowCount / layout.areaHeight]
    for column in 0..<layout.areaWidth {
      let value = element[column * columnCount / layout.areaWidth]
      let shade = constant ? middle : shades.shade(of: value)
      canvas.set(column: column, row: row, value.isFinite ? shade : "?")
    }
  }
  var notes: [String] = []
  if notFinite > 0 {
    let noun = notFinite == 1 ? "element is" : "elements are"
    notes.append("\(notFinite) \(noun) NaN or infinite, drawn as ?")
  }
  var legend = shades.legend(indent: layout.leftMargin, width: options.width)
  if constant {
    var formatter = TensorFormatter()
    formatter.precision = 4
    let pad = String(repeating: " ", count: layout.leftMargin)
    legend = [pad + "shades: \(middle) every value is \(formatter.format(lower))"]
  }
  return layout.render(area: canvas.rows, extra: legend, notes: notes)
}

/// An axis of matrix indices 0..<count spread over `cells` cells, ticks at nice
/// whole numbers placed at the centre of their index's block of cells.
func indexAxis(count: Int, cells: Int, maxTicks: Int, topDown: Bool) -> AxisGuide {
  let scale = try? NiceScale(within: 0, Double(count - 1), maxTicks: maxTicks, integers: true)
  let indices = (scale?.ticks ?? [0]).map { Int($0.rounded()) }.filter { (0..<count).contains($0) }
  let ticks = indices.map { index in
    // The centre of the block of cells that shows this index.
    let first = (index * cells + count - 1) / count
    let last = ((index + 1) * cells + count - 1) / count - 1
    let centre = Double((first + max(first, last)) / 2)
    let fraction = cells > 1 ? centre / Double(cells - 1) : 0
    return AxisGuide.Tick(fraction: topDown ? 1 - fraction : fraction, label: String(index))
  }
  return AxisGuide(ticks: ticks) { _ in nil }
}
