import SomaTensor

/// What can stop a plot from being drawn, with the details needed to explain it.
///
/// Errors are data; `description` renders them as one plain sentence for a student.
/// Bad points (NaN, infinities, values <= 0 on a log axis) are not errors: they are
/// skipped and counted in a note under the plot.
public enum PlotError: Error, Equatable, CustomStringConvertible {
  /// The plot was given no data at all.
  case emptyData(plot: String)
  /// Two lists that pair up element by element have different lengths.
  case lengthMismatch(
    plot: String, first: String, firstCount: Int, second: String, secondCount: Int)
  /// Axis limits that are reversed, equal or not finite.
  case invalidLimits(axis: String, lower: Double, upper: Double)
  /// Limits of a logarithmic axis that include zero or negative values.
  case nonPositiveLogLimits(axis: String, lower: Double, upper: Double)
  /// A width or height outside the supported range.
  case invalidSize(width: Int, height: Int)
  /// A histogram asked for fewer than one bin or an absurd number of them.
  case invalidBinCount(Int)
  /// A matrix whose rows have different lengths.
  case raggedMatrix(plot: String, row: Int, count: Int, expected: Int)
  /// A tensor that is not a matrix (rank 2) where one is needed.
  case notAMatrix(plot: String, shape: [Int])
  /// More series, classes or paths than there are distinct markers.
  case tooManySeries(plot: String, count: Int, maximum: Int)
  /// Grid coordinates that do not increase strictly.
  case unsortedGrid(plot: String, axis: String)
  /// Values so far apart that their difference overflows.
  case rangeTooLarge(axis: String)

  public var description: String {
    switch self {
    case .emptyData(let plot):
      return "nothing to plot: \(plot) was given no data"
    case .lengthMismatch(let plot, let first, let firstCount, let second, let secondCount):
      return "\(plot): \(first) has \(firstCount) values but \(second) has \(secondCount); "
        + "they must have the same length"
    case .invalidLimits(let axis, let lower, let upper):
      return "\(axis) must go from a smaller to a larger finite number, "
        + "but got (\(number(lower)), \(number(upper)))"
    case .nonPositiveLogLimits(let axis, let lower, let upper):
      return "\(axis) of a log axis must be above zero, "
        + "but got (\(number(lower)), \(number(upper)))"
    case .invalidSize(let width, let height):
      return "a plot needs a width from \(PlotOptions.minimumWidth) to "
        + "\(PlotOptions.maximumWidth) and a height from \(PlotOptions.minimumHeight) to "
        + "\(PlotOptions.maximumHeight), but got width \(width) and height \(height)"
    case .invalidBinCount(let bins):
      return "hist needs from 1 to \(Self.maximumBins) bins, but got \(bins)"
    case .raggedMatrix(let plot, let row, let count, let expected):
      return "\(plot): row \(row) has \(count) values but row 0 has \(expected); "
        + "every row must have the same length"
    case .notAMatrix(let plot, let shape):
      return "\(plot) needs a matrix (rank 2), but got shape \(formatShape(shape))"
    case .tooManySeries(let plot, let count, let maximum):
      return "\(plot) can tell at most \(maximum) series apart, but got \(count)"
    case .unsortedGrid(let plot, let axis):
      return "\(plot): the \(axis) coordinates of the grid must increase strictly"
    case .rangeTooLarge(let axis):
      return "the \(axis) values are too far apart to draw on one axis"
    }
  }

  /// The most bins a histogram may have.
  static let maximumBins = 1000

  private func number(_ value: Double) -> String { TensorFormatter().format(value) }
}
