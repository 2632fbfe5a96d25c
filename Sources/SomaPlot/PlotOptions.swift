/// Settings shared by every plot kind: labels, size, axis limits and log axes.
///
/// `width` counts every column of the output, tick labels and frame included;
/// `height` counts the rows of the plotting area between the frame lines. The
/// defaults suit a notebook file; a REPL passes the terminal width instead.
///
/// ```swift
/// var options = PlotOptions(title: "training loss", xlabel: "epoch")
/// options.logy = true
/// ```
public struct PlotOptions: Equatable, Sendable {
  /// The characters a plot may use.
  public enum Charset: Equatable, Sendable {
    /// Plain ASCII, aligned in every Markdown viewer and font.
    case ascii
    /// Box-drawing frames, braille dots for single-series lines and scatters,
    /// eighth blocks for bars and histograms, and ` ░▒▓█` for heatmaps, for
    /// finer resolution in a terminal. Markers, contour lines and region shades
    /// stay ASCII, so series remain distinguishable.
    case unicode
  }

  /// A line centred above the plot.
  public var title: String?
  /// The name of the horizontal axis, centred below its tick labels.
  public var xlabel: String?
  /// The name of the vertical axis, written above its tick labels.
  public var ylabel: String?
  /// Total columns of the output.
  public var width: Int
  /// Rows of the plotting area.
  public var height: Int
  /// Fixed limits of the horizontal axis instead of the data's range.
  public var xlim: AxisLimits?
  /// Fixed limits of the vertical axis instead of the data's range.
  public var ylim: AxisLimits?
  /// Whether the horizontal axis is logarithmic.
  public var logx: Bool
  /// Whether the vertical axis is logarithmic.
  public var logy: Bool
  /// Legend names, in order: of the series of a line plot, the classes (ascending)
  /// of a scatter plot or decision boundary, or the paths of a contour plot.
  public var labels: [String]?
  /// ASCII (the default) or Unicode drawing characters.
  public var charset: Charset

  /// Creates options; every setting has a default.
  public init(
    title: String? = nil, xlabel: String? = nil, ylabel: String? = nil,
    width: Int = 72, height: Int = 20, xlim: AxisLimits? = nil, ylim: AxisLimits? = nil,
    logx: Bool = false, logy: Bool = false, labels: [String]? = nil,
    charset: Charset = .ascii
  ) {
    self.title = title
    self.xlabel = xlabel
    self.ylabel = ylabel
    self.width = width
    self.height = height
    self.xlim = xlim
    self.ylim = ylim
    self.logx = logx
    self.logy = logy
    self.labels = labels
    self.charset = charset
  }

  /// The narrowest plot that still has room for an axis.
  public static let minimumWidth = 30
  /// The shortest plotting area that still shows a bottom, middle and top.
  public static let minimumHeight = 3
  /// The widest plot, to keep a mistyped size from filling memory.
  public static let maximumWidth = 1000
  /// The tallest plotting area, to keep a mistyped size from filling memory.
  public static let maximumHeight = 500

  /// Checks the size and limits, throwing the first problem found.
  func validated() throws(PlotError) -> PlotOptions {
    guard (Self.minimumWidth...Self.maximumWidth).contains(width),
      (Self.minimumHeight...Self.maximumHeight).contains(height)
    else { throw PlotError.invalidSize(width: width, height: height) }
    try xlim?.validate(axis: "xlim", logarithmic: logx)
    try ylim?.validate(axis: "ylim", logarithmic: logy)
    return self
  }
}

/// The two ends of an axis, given by the caller.
///
/// Unlike a `ClosedRange`, it can hold reversed or non-finite ends, so a user's
/// mistake becomes a `PlotError` instead of a trap.
public struct AxisLimits: Equatable, Sendable {
  /// The value at the left or bottom end.
  public var lower: Double
  /// The value at the right or top end.
  public var upper: Double

  /// Creates limits from the two ends.
  public init(_ lower: Double, _ upper: Double) {
    self.lower = lower
    self.upper = upper
  }

  func validate(axis: String, logarithmic: Bool) throws(PlotError) {
    guard lower.isFinite, upper.isFinite, lower < upper else {
      throw PlotError.invalidLimits(axis: axis, lower: lower, upper: upper)
    }
    if logarithmic && lower <= 0 {
      throw PlotError.nonPositiveLogLimits(axis: axis, lower: lower, upper: upper)
    }
  }
}
