/// What can go wrong in a tensor operation, with the details needed to explain it.
///
/// Errors are data; `description` renders them as one plain sentence for a student.
public enum TensorError: Error, Equatable, CustomStringConvertible {
  /// Two shapes cannot be broadcast together for an elementwise operation.
  case broadcastMismatch(operation: String, lhs: [Int], rhs: [Int])
  /// Two shapes do not fit an operation for a reason stated in `reason`.
  case incompatibleShapes(operation: String, lhs: [Int], rhs: [Int], reason: String)
  /// Two shapes that cannot be multiplied as matrices, for the reason in `reason`.
  case matrixProductMismatch(lhs: [Int], rhs: [Int], reason: String)
  /// A shape with a negative size.
  case invalidShape(operation: String, shape: [Int])
  /// A shape with more elements than a tensor may hold.
  case tooLarge(operation: String, shape: [Int])
  /// A list of elements whose length does not fit the shape.
  case scalarCountMismatch(shape: [Int], count: Int)
  /// A reshape to a shape with a different number of elements.
  case invalidReshape(from: [Int], to: [Int])
  /// An axis number outside `-rank..<rank`.
  case axisOutOfRange(operation: String, axis: Int, rank: Int)
  /// An index outside `-size..<size` along an axis.
  case indexOutOfRange(index: Int, axis: Int, size: Int)
  /// More or fewer indices than the tensor has axes.
  case wrongIndexCount(shape: [Int], given: Int)
  /// A reduction such as `max` over no elements.
  case emptyReduction(operation: String)
  /// An operation that needs a square matrix was given another shape.
  case notSquare(operation: String, shape: [Int])
  /// A matrix with no inverse, found during LU factorisation.
  case singularMatrix(operation: String)
  /// Any other bad argument; `message` says what was expected.
  case invalidArgument(operation: String, message: String)

  public var description: String {
    switch self {
    case .broadcastMismatch(let operation, let lhs, let rhs):
      return "cannot broadcast shapes \(formatShape(lhs)) and \(formatShape(rhs)) in \(operation)"
    case .incompatibleShapes(let operation, let lhs, let rhs, let reason):
      return "cannot \(operation) shapes \(formatShape(lhs)) and \(formatShape(rhs)): \(reason)"
    case .matrixProductMismatch(let lhs, let rhs, let reason):
      return "cannot multiply shapes \(formatShape(lhs)) and \(formatShape(rhs)) with @: \(reason)"
    case .invalidShape(let operation, let shape):
      return "\(operation) cannot make a tensor of shape \(formatShape(shape)): sizes must be >= 0"
    case .tooLarge(let operation, let shape):
      return "\(operation) cannot make a tensor of shape \(formatShape(shape)): "
        + "more than \(Tensor.maximumElementCount) elements"
    case .scalarCountMismatch(let shape, let count):
      return
        "shape \(formatShape(shape)) needs \(shape.reduce(1, *)) elements, but \(count) were given"
    case .invalidReshape(let from, let to):
      return "cannot reshape \(formatShape(from)) (\(from.reduce(1, *)) elements) into "
        + "\(formatShape(to)) (\(to.reduce(1, *)) elements)"
    case .axisOutOfRange(let operation, let axis, let rank):
      let valid = rank == 0 ? "a number has no axes" : "valid axes are \(-rank) to \(rank - 1)"
      return "\(operation): axis \(axis) is out of range for a tensor of rank \(rank); \(valid)"
    case .indexOutOfRange(let index, let axis, let size):
      return "index \(index) is out of range for axis \(axis) with size \(size)"
    case .wrongIndexCount(let shape, let given):
      return "a tensor of shape \(formatShape(shape)) needs \(shape.count) indices, but \(given) "
        + "were given"
    case .emptyReduction(let operation):
      return "\(operation) of an empty tensor has no value"
    case .notSquare(let operation, let shape):
      return "\(operation) needs a square matrix, but got shape \(formatShape(shape))"
    case .singularMatrix(let operation):
      return "\(operation): the matrix is singular (it has no inverse)"
    case .invalidArgument(let operation, let message):
      return "\(operation): \(message)"
    }
  }
}

/// Writes a shape the way NumPy does: `(2, 3)`, `(4,)` and `()`.
public func formatShape(_ shape: [Int]) -> String {
  shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
}

/// Writes a number as Soma prints it (`3`, `0.5`, `1e+12`), for use in messages.
public func formatNumber(_ number: Double) -> String {
  TensorFormatter().format(number)
}
