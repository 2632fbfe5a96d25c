/// Values sampled on a rectangular x-y grid: `values[i][j]` belongs to the point
/// (`xs[j]`, `ys[i]`), so row 0 is the bottom of the plot.
struct GridData<Value> {
  let xs: [Double]
  let ys: [Double]
  let values: [[Value]]

  /// Checks that the coordinates increase strictly and the rows fit them.
  init(xs: [Double], ys: [Double], values: [[Value]], plot: String) throws(PlotError) {
    guard !xs.isEmpty, !ys.isEmpty else { throw PlotError.emptyData(plot: plot) }
    guard values.count == ys.count else {
      throw PlotError.lengthMismatch(
        plot: plot, first: "the grid", firstCount: values.count, second: "ys",
        secondCount: ys.count)
    }
    for row in values where row.count != xs.count {
      throw PlotError.lengthMismatch(
        plot: plot, first: "a grid row", firstCount: row.count, second: "xs",
        secondCount: xs.count)
    }
    for (axis, coordinates) in [("x", xs), ("y", ys)] {
      let increasing = zip(coordinates, coordinates.dropFirst()).allSatisfy { $0 < $1 }
      guard increasing, coordinates.allSatisfy(\.isFinite) else {
        throw PlotError.unsortedGrid(plot: plot, axis: axis)
      }
    }
    self.xs = xs
    self.ys = ys
    self.values = values
  }

  /// Axes ending exactly at the grid's outer coordinates (or the options' limits).
  func layout(options: PlotOptions) throws(PlotError) -> Layout {
    var options = options
    options.logx = false
    options.logy = false
    let xLimits = options.xlim ?? Self.limits(xs)
    let y = try AxisGuide.numeric(
      lower: ys[0], upper: ys[ys.count - 1], limits: options.ylim ?? Self.limits(ys),
      logarithmic: false, maxTicks: XYData.yTickCount(options.height), axis: "y")
    return try Layout(options: options, y: y) { (count: Int) throws(PlotError) in
      try AxisGuide.numeric(
        lower: xLimits.lower, upper: xLimits.upper, limits: xLimits, logarithmic: false,
        maxTicks: count, axis: "x")
    }
  }

  /// The grid's span along one axis, widened around a single coordinate.
  private static func limits(_ coordinates: [Double]) -> AxisLimits {
    let lower = coordinates[0]
    let upper = coordinates[coordinates.count - 1]
    guard lower == upper else { return AxisLimits(lower, upper) }
    let half = lower == 0 ? 1 : lower.magnitude / 10
    return AxisLimits(lower - half, upper + half)
  }

  /// The data coordinates at the centre of each cell of the plotting area.
  func cellCentres(_ layout: Layout) -> (xs: [Double], ys: [Double]) {
    let xLimits = layout.options.xlim ?? Self.limits(xs)
    let yLimits = layout.options.ylim ?? Self.limits(ys)
    let columns = (0..<layout.areaWidth).map { column in
      interpolate(xLimits, Double(column) / Double(max(1, layout.areaWidth - 1)))
    }
    let rows = (0..<layout.areaHeight).map { row in
      interpolate(yLimits, 1 - Double(row) / Double(max(1, layout.areaHeight - 1)))
    }
    return (columns, rows)
  }

  private func interpolate(_ limits: AxisLimits, _ fraction: Double) -> Double {
    limits.lower + fraction * (limits.upper - limits.lower)
  }

  /// The index of the grid coordinate nearest to `value`.
  static func nearest(_ value: Double, in coordinates: [Double]) -> Int {
    let (below, _) = bracket(value, in: coordinates)
    guard below + 1 < coordinates.count else { return below }
    let closer = value - coordinates[below] <= coordinates[below + 1] - value
    return closer ? below : below + 1
  }

  /// The index `k` with coordinates[k] <= value < coordinates[k + 1], clamped to
  /// the grid, and how far between the two the value lies (0 to 1).
  static func bracket(_ value: Double, in coordinates: [Double]) -> (Int, Double) {
    guard coordinates.count > 1, value > coordinates[0] else { return (0, 0) }
    let last = coordinates.count - 1
    guard value < coordinates[last] else { return (last, 0) }
    var low = 0
    var high = last
    while high - low > 1 {
      let middle = (low + high) / 2
      if coordinates[middle] <= value {
        low = middle
      } else {
        high = middle
      }
    }
    let span = coordinates[low + 1] - coordinates[low]
    return (low, (value - coordinates[low]) / span)
  }
}

extension GridData where Value == Double {
  /// The value at (x, y) by bilinear interpolation between the four nearest samples.
  func value(atX x: Double, y: Double) -> Double {
    let (column, s) = Self.bracket(x, in: xs)
    let (row, t) = Self.bracket(y, in: ys)
    let right = min(column + 1, xs.count - 1)
    let up = min(row + 1, ys.count - 1)
    let bottom = values[row][column] * (1 - s) + values[row][right] * s
    let top = values[up][column] * (1 - s) + values[up][right] * s
    return bottom * (1 - t) + top * t
  }
}
