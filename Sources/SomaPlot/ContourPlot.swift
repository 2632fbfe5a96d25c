import SomaTensor

/// Draws contour lines of a function sampled on a grid, with optional paths on top.
///
/// `grid[i][j]` is the function's value at (`xs[j]`, `ys[i]`), so row 0 is the
/// bottom. Between samples the function is interpolated bilinearly. The range
/// of values in view is cut at nice round numbers into at most `levels` lines (1 to 9,
/// the finest nice step that fits); every cell where the level band changes towards its right or lower neighbour is
/// drawn with that level's character (`. : - = + * # % @`, low to high) and a
/// legend lists each character's level. Lines rather than shaded bands keep the
/// picture light, so paths stay visible.
///
/// Each path (an optimiser's iterates, say) is drawn with its own letter: its
/// points with `O`, `X`, `V`, ... and the segments between them with the lower
/// case `o`, `x`, `v`, ...; `options.labels` names the paths in the legend.
/// Grid values that are NaN or infinite leave gaps and are counted in a note,
/// as are path points that cannot be drawn. Log axes do not apply.
///
/// - Throws: `PlotError` for an empty or misshapen grid, coordinates that do not
///   increase, more than six paths, or bad options.
public func contourPlot(
  grid: [[Double]], xs: [Double], ys: [Double], levels: Int = 10,
  paths: [[(x: Double, y: Double)]] = [], options: PlotOptions = PlotOptions()
) throws(PlotError) -> String {
  let options = try options.validated()
  let data = try GridData(xs: xs, ys: ys, values: grid, plot: "contour")
  guard paths.count <= ContourLines.pathMarkers.count else {
    throw PlotError.tooManySeries(
      plot: "contour", count: paths.count, maximum: ContourLines.pathMarkers.count)
  }
  let layout = try data.layout(options: options)
  let centres = data.cellCentres(layout)
  let field = centres.ys.map { y in centres.xs.map { x in data.value(atX: x, y: y) } }
  // Levels fit the values in view, so zooming in with limits gives finer levels.
  let (lower, upper) = extent(field.joined().filter(\.isFinite)) ?? (0, 1)
  let lines = try ContourLines(lower: lower, upper: upper, levels: levels)

  var canvas = layout.canvas()
  lines.draw(field, on: &canvas)
  var skipped = SkippedPoints()
  var legend: [String] = []
  for (index, path) in paths.enumerated() {
    let (point, segment) = ContourLines.pathMarkers[index]
    drawPath(path, layout: layout, point: point, segment: segment, on: &canvas, skipped: &skipped)
    legend.append("\(point) \(Markers.label(index, labels: options.labels, prefix: "path"))")
  }
  var notes = skipped.notes(noun: "path point")
  let notFinite = grid.joined().count { !$0.isFinite }
  if notFinite > 0 {
    notes.insert(
      "\(notFinite) grid value\(notFinite == 1 ? " is" : "s are") NaN or infinite", at: 0)
  }
  var extra = lines.legend(indent: layout.leftMargin, width: options.width)
  if lower == upper {
    var formatter = TensorFormatter()
    formatter.precision = 4
    let pad = String(repeating: " ", count: layout.leftMargin)
    extra = [pad + "levels: none, every value is \(formatter.format(lower))"]
  }
  return layout.render(area: canvas.rows, legend: legend, extra: extra, notes: notes)
}

/// Draws one path: segments first, then its points on top of them.
private func drawPath(
  _ path: [(x: Double, y: Double)], layout: Layout, point: Character, segment: Character,
  on canvas: inout Canvas, skipped: inout SkippedPoints
) {
  var previous: Point?
  var shown: [Point] = []
  for step in path {
    guard skipped.accept(step.x, step.y, logx: false, logy: false),
      let position = layout.point(step.x, step.y)
    else {
      previous = nil
      continue
    }
    skipped.countIfOutside(position)
    if let previous { canvas.line(from: previous, to: position, with: segment) }
    shown.append(position)
    previous = position
  }
  for position in shown { canvas.mark(position, with: point) }
}

/// The levels of a contour plot and the characters of their lines.
struct ContourLines {
  /// Line characters from the lowest level to the highest.
  static let ramp: [Character] = [".", ":", "-", "=", "+", "*", "#", "%", "@"]
  /// Point and segment characters of each path.
  static let pathMarkers: [(Character, Character)] = [
    ("O", "o"), ("X", "x"), ("V", "v"), ("S", "s"), ("Z", "z"), ("W", "w"),
  ]

  /// Bands between nice round levels; the lines lie on the inner boundaries.
  let bands: ShadeScale

  init(lower: Double, upper: Double, levels: Int) throws(PlotError) {
    let count = max(1, min(Self.ramp.count, levels))
    bands = try ShadeScale(
      lower: lower, upper: upper, ramp: [" "] + Array(Self.ramp.prefix(count)))
  }

  /// The character of the line at boundary `level` (1 to bands - 1).
  private func character(level: Int) -> Character { bands.shades[level] }

  /// Marks the cells where the band changes towards the right or lower neighbour.
  func draw(_ field: [[Double]], on canvas: inout Canvas) {
    let band = field.map { row in row.map { $0.isFinite ? bands.band(of: $0) : nil } }
    for row in band.indices {
      for column in band[row].indices {
        guard let here = band[row][column] else { continue }
        let right = column + 1 < band[row].count ? band[row][column + 1] : nil
        let below = row + 1 < band.count ? band[row + 1][column] : nil
        guard let other = [right, below].compactMap({ $0 }).first(where: { $0 != here })
        else { continue }
        canvas.set(column: column, row: row, character(level: min(here, other) + 1))
      }
    }
  }

  /// `levels: . 0.2   : 0.4   ...`, wrapped to the width under the first entry.
  func legend(indent: Int, width: Int) -> [String] {
    let title = String(repeating: " ", count: indent) + "levels: "
    let entries = (1..<max(1, bands.shades.count)).map { level in
      "\(character(level: level)) \(bands.scale.labels[level])"
    }
    var lines: [String] = []
    var line = title
    for entry in entries {
      let fresh = line.count == title.count
      if !fresh && line.count + 3 + entry.count > width {
        lines.append(line)
        line = String(repeating: " ", count: title.count)
      }
      line += (line.count == title.count ? "" : "   ") + entry
    }
    return entries.isEmpty ? [] : lines + [line]
  }
}
