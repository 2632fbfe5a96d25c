import SomaTensor

/// What can go wrong when differentiating, beyond errors of the operations themselves.
public enum AutodiffError: Error, Equatable, CustomStringConvertible {
  /// `grad` was applied to a function whose result is not a single number.
  case nonScalarOutput(shape: [Int])
  /// An argument index outside the function's arguments.
  case argumentIndexOutOfRange(index: Int, count: Int)

  public var description: String {
    switch self {
    case .nonScalarOutput(let shape):
      return "grad needs a function that returns a single number, but it returned shape "
        + "\(formatShape(shape)); use jacobian for functions with several outputs"
    case .argumentIndexOutOfRange(let index, let count):
      return "cannot differentiate with respect to argument \(index): the function was "
        + "given \(count) argument\(count == 1 ? "" : "s")"
    }
  }
}
