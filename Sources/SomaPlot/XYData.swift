/// The drawable points of x-y data and the axes that fit them.
///
/// Shared by line and scatter plots: it filters out points no axis can show,
/// counts them, and builds nice axes around the rest (or the options' limits).
struct XYData {
  let skipped: SkippedPoints
  private let logx: Bool
  private let logy: Bool
  private let xExtent: (lower: Double, upper: Double)?
  private let yExtent: (lower: Double, upper: Double)?

  init(_ sets: [([Double], [Double])], options: PlotOptions) {
    logx = options.logx
    logy = options.logy
    var skipped = SkippedPoints()
    var xs: [Double] = []
    var ys: [Double] = []
    for (setX, setY) in sets {
      for (x, y) in zip(setX, setY) where skipped.accept(x, y, logx: logx, logy: logy) {
        xs.append(x)
        ys.append(y)
      }
    }
    self.skipped = skipped
    xExtent = extent(xs)
    yExtent = extent(ys)
  }

  /// Whether a point can be drawn on these axes at all.
  func accepts(_ x: Double, _ y: Double) -> Bool {
    var scratch = SkippedPoints()
    return scratch.accept(x, y, logx: logx, logy: logy)
  }

  /// Axes around the drawable points; 0 to 1 (or 1 to 10 on a log axis) when none.
  func layout(options: PlotOptions) throws(PlotError) -> Layout {
    let yRange = yExtent ?? (logy ? (1, 10) : (0, 1))
    let y = try AxisGuide.numeric(
      lower: yRange.lower, upper: yRange.upper, limits: options.ylim, logarithmic: logy,
      maxTicks: Self.yTickCount(options.height), axis: "y")
    let xRange = xExtent ?? (logx ? (1, 10) : (0, 1))
    return try Layout(options: options, y: y) { (count: Int) throws(PlotError) in
      try AxisGuide.numeric(
        lower: xRange.lower, upper: xRange.upper, limits: options.xlim, logarithmic: logx,
        maxTicks: count, axis: "x")
    }
  }

  /// At most one tick every four rows, and at least three ticks.
  static func yTickCount(_ height: Int) -> Int { max(3, height / 4 + 1) }
}
