/// The prefix operators.
public enum UnaryOperator: String, Hashable, Sendable {
  /// `-x`
  case negate = "-"
  /// `+x`, which leaves a number as it is.
  case plus = "+"
  /// `not x`
  case not = "not"
}

/// The infix operators, spelled as in the source.
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
  case or
  case and
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessEqual = "<="
  case greater = ">"
  case greaterEqual = ">="
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case remainder = "%"
  case matrixMultiply = "@"
  case power = "^"

  /// Whether the operator compares two values.
  public var isComparison: Bool {
    switch self {
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
    default: return false
    }
  }
}
