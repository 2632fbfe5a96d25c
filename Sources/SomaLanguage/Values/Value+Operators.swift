import Foundation
import SomaAutodiff
import SomaTensor

/// The operators of the language on values.
///
/// Two plain numbers are combined directly, without allocating; anything involving a
/// tensor goes through the differentiable tensor operations, so gradients flow.
extension Value {
  /// Applies a binary operator.
  ///
  /// - Throws: `RuntimeError` for operand types the operator does not take, with the
  ///   tensor runtime's error for shapes that do not fit.
  @inline(__always)
  public static func apply(_ operation: BinaryOperator, _ lhs: Value, _ rhs: Value) throws
    -> Value
  {
    if case .number(let a) = lhs, case .number(let b) = rhs {
      switch operation {
      case .add: return .number(a + b)
      case .subtract: return .number(a - b)
      case .multiply: return .number(a * b)
      case .divide: return .number(a / b)
      case .power: return .number(Foundation.pow(a, b))
      case .remainder: return .number(remainder(a, b))
      case .equal: return .boolean(a == b)
      case .notEqual: return .boolean(a != b)
      case .less: return .boolean(a < b)
      case .lessEqual: return .boolean(a <= b)
      case .greater: return .boolean(a > b)
      case .greaterEqual: return .boolean(a >= b)
      case .matrixMultiply, .and, .or: break
      }
    }
    return try applyGeneral(operation, lhs, rhs)
  }

  /// `a % b` with the sign of `b`, as in Python and NumPy: `-1 % 3` is 2.
  @inline(__always)
  static func remainder(_ a: Double, _ b: Double) -> Double {
    let r = a.truncatingRemainder(dividingBy: b)
    return r != 0 && (r < 0) != (b < 0) ? r + b : r
  }

  private static func applyGeneral(_ operation: BinaryOperator, _ lhs: Value, _ rhs: Value)
    throws -> Value
  {
    switch (operation, lhs, rhs) {
    case (.equal, _, _) where !lhs.isNumeric || !rhs.isNumeric:
      return .boolean(try lhs.isIdentical(to: rhs))
    case (.notEqual, _, _) where !lhs.isNumeric || !rhs.isNumeric:
      return .boolean(!(try lhs.isIdentical(to: rhs)))
    case (.add, .string(let a), .string(let b)):
      return .string(a + b)
    default:
      break
    }
    guard let a = lhs.trackedTensor, let b = rhs.trackedTensor else {
      throw RuntimeError.unsupportedOperands(
        operation: operation.rawValue, lhs: lhs.typeName, rhs: rhs.typeName)
    }
    do {
      let result: TrackedTensor
      switch operation {
      case .add: result = try a + b
      case .subtract: result = try a - b
      case .multiply: result = try a * b
      case .divide: result = try a / b
      case .remainder:
        // a - floor(a / b)·b, with the floor a constant: ∂/∂a = 1, ∂/∂b = -floor(a / b).
        let quotient = TrackedTensor(try (a.value / b.value).map { $0.rounded(.down) })
        result = try a - quotient * b
      case .power: result = try TrackedTensor.pow(a, b)
      case .matrixMultiply: result = try TrackedTensor.matmul(a, b)
      case .equal: result = try TrackedTensor.compare(a, .equal, b)
      case .notEqual: result = try TrackedTensor.compare(a, .notEqual, b)
      case .less: result = try TrackedTensor.compare(a, .less, b)
      case .lessEqual: result = try TrackedTensor.compare(a, .lessOrEqual, b)
      case .greater: result = try TrackedTensor.compare(a, .greater, b)
      case .greaterEqual: result = try TrackedTensor.compare(a, .greaterOrEqual, b)
      case .and, .or:
        throw RuntimeError.unsupportedOperands(
          operation: operation.rawValue, lhs: lhs.typeName, rhs: rhs.typeName)
      }
      return wrapComparison(result, operation: operation)
    } catch let error as TensorError {
      throw RuntimeError.tensor(error)
    }
  }

  /// Comparing two single numbers (even tracked ones) gives a boolean, so that
  /// `if x > 0` works inside `grad`; comparing tensors gives a tensor of 0s and 1s.
  private static func wrapComparison(_ result: TrackedTensor, operation: BinaryOperator)
    -> Value
  {
    guard operation.isComparison else { return wrap(result) }
    if result.value.rank == 0 { return .boolean(result.value.scalars[0] != 0) }
    return .tensor(result.detached)
  }

  /// `-x`.
  public func negated() throws -> Value {
    switch self {
    case .number(let a): return .number(-a)
    case .tensor(let t): return .wrap(-t)
    default: throw RuntimeError.unsupportedOperand(operation: "-", operand: typeName)
    }
  }

  /// Whether this is a number or a tensor.
  var isNumeric: Bool {
    switch self {
    case .number, .tensor: return true
    default: return false
    }
  }

  /// The value as a tensor when it is a number or a tensor.
  public var trackedTensor: TrackedTensor? {
    switch self {
    case .number(let a): return TrackedTensor(a)
    case .tensor(let t): return t
    default: return nil
    }
  }

  /// Equality for non-numeric values: same type and same contents.
  func isIdentical(to other: Value) throws -> Bool {
    switch (self, other) {
    case (.boolean(let a), .boolean(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.nothing, .nothing): return true
    case (.function(let a), .function(let b)): return a === b
    case (.tuple(let a), .tuple(let b)):
      guard a.count == b.count else { return false }
      for (x, y) in zip(a, b) where !(try x.equals(y)) { return false }
      return true
    case (.record(let a), .record(let b)):
      guard a.names == b.names else { return false }
      for (x, y) in zip(a.values, b.values) where !(try x.equals(y)) { return false }
      return true
    default:
      return false
    }
  }

  /// Whole-value equality, as used inside tuples and records: tensors are equal when
  /// their shapes and all their elements are.
  func equals(_ other: Value) throws -> Bool {
    if let a = trackedTensor, let b = other.trackedTensor {
      return a.value == b.value
    }
    return try isIdentical(to: other)
  }
}
