/// Draws the decision regions of a 2-D classifier, with the data points on top.
///
/// `regions[i][j]` is the class predicted at (`xs[j]`, `ys[i]`), so row 0 is the
/// bottom; each cell of the plot takes the prediction of its nearest grid point.
/// Regions are shaded per class (` `, `.`, `:`, `-`, `~`, ...), and the points are
/// drawn with their class's marker (`o`, `x`, `+`, ...), so a point whose marker
/// disagrees with the shade around it is misclassified. The legend pairs every
/// class's marker with its shade, named by `options.labels` in ascending class
/// order. Points that cannot be drawn are counted in a note. Log axes do not apply.
///
/// - Throws: `PlotError` for an empty or misshapen grid, coordinates that do not
///   increase, point lists of different lengths, more than ten classes, or bad
///   options.
public func decisionBoundary(
  regions: [[Int]], xs: [Double], ys: [Double], x: [Double] = [], y: [Double] = [],
  classes: [Int] = [], options: PlotOptions = PlotOptions()
) throws(PlotError) -> String {
  let options = try options.validated()
  let data = try GridData(xs: xs, ys: ys, values: regions, plot: "boundary")
  guard x.count == y.count else {
    throw PlotError.lengthMismatch(
      plot: "boundary", first: "x", firstCount: x.count, second: "y", secondCount: y.count)
  }
  guard classes.count == x.count else {
    throw PlotError.lengthMismatch(
      plot: "boundary", first: "classes", firstCount: classes.count, second: "x",
      secondCount: x.count)
  }
  let groups = try ClassMarkers(Array(regions.joined()) + classes, plot: "boundary")
  let layout = try data.layout(options: options)
  let centres = data.cellCentres(layout)

  var canvas = layout.canvas()
  for (row, yValue) in centres.ys.enumerated() {
    let gridRow = GridData<Int>.nearest(yValue, in: ys)
    for (column, xValue) in centres.xs.enumerated() {
      let predicted = regions[gridRow][GridData<Int>.nearest(xValue, in: xs)]
      canvas.set(column: column, row: row, regionShades[groups.index(of: predicted)])
    }
  }
  var skipped = SkippedPoints()
  for index in x.indices {
    guard skipped.accept(x[index], y[index], logx: false, logy: false),
      let point = layout.point(x[index], y[index])
    else { continue }
    skipped.countIfOutside(point)
    canvas.mark(point, with: groups.marker(for: classes[index]))
  }
  let legend = zip(groups.legend(options.labels), regionShades).map { entry, shade in
    "\(entry) [\(shade)]"
  }
  return layout.render(area: canvas.rows, legend: legend, notes: skipped.notes())
}

/// Light shades for the regions of classes in ascending order, none of them a
/// class marker.
private let regionShades: [Character] = [" ", ".", ":", "-", "~", "'", ",", "`", "^", "\""]
