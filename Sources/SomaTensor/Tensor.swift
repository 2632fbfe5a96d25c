/// An n-dimensional array of `Double` values stored contiguously in row-major order.
///
/// A tensor is a value: copies share storage until one of them is written to
/// (copy-on-write, inherited from `Array`). A plain number is a rank-0 tensor
/// with shape `[]` and one scalar.
///
/// ```swift
/// let m = try Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
/// m.shape    // [2, 2]
/// try m.element(at: [1, 0])    // 3.0
/// ```
public struct Tensor: Sendable, Equatable {
  /// The size of each axis, outermost first.
  public internal(set) var shape: [Int]

  /// The elements in row-major order; `scalars.count` is the product of `shape`.
  public internal(set) var scalars: [Double]

  /// Creates a tensor from a shape and its elements in row-major order.
  ///
  /// - Throws: `TensorError.invalidShape` for a negative size and
  ///   `TensorError.scalarCountMismatch` when the count does not match the shape.
  public init(shape: [Int], scalars: [Double]) throws {
    try Self.validate(shape: shape, operation: "tensor")
    let expected = shape.reduce(1, *)
    guard expected == scalars.count else {
      throw TensorError.scalarCountMismatch(shape: shape, count: scalars.count)
    }
    self.shape = shape
    self.scalars = scalars
  }

  /// Creates a tensor without checking that `scalars` fits `shape`; for the runtime's own use.
  init(unchecked shape: [Int], scalars: [Double]) {
    precondition(shape.reduce(1, *) == scalars.count, "internal shape bookkeeping error")
    self.shape = shape
    self.scalars = scalars
  }

  /// Creates a rank-0 tensor holding one number.
  public init(_ scalar: Double) {
    self.shape = []
    self.scalars = [scalar]
  }

  /// Creates a rank-1 tensor from a list of numbers.
  public init(_ vector: [Double]) {
    self.shape = [vector.count]
    self.scalars = vector
  }

  /// Creates a tensor of the given shape with every element set to `value`.
  public init(repeating value: Double, shape: [Int]) throws {
    try self.init(repeating: value, shape: shape, operation: "full")
  }

  /// The same, naming `operation` in errors.
  init(repeating value: Double, shape: [Int], operation: String) throws {
    try Self.validate(shape: shape, operation: operation)
    self.init(unchecked: shape, scalars: Array(repeating: value, count: shape.reduce(1, *)))
  }

  /// The number of axes: 0 for a number, 1 for a vector, 2 for a matrix.
  public var rank: Int { shape.count }

  /// The number of elements.
  public var count: Int { scalars.count }

  /// The single element of a tensor with exactly one element, or `nil`.
  public var scalar: Double? { scalars.count == 1 ? scalars[0] : nil }

  /// The element at a full set of indices (0-based, negative counting from the end).
  ///
  /// - Throws: `TensorError.indexOutOfRange` or `TensorError.wrongIndexCount`.
  public func element(at indices: [Int]) throws -> Double {
    guard indices.count == rank else {
      throw TensorError.wrongIndexCount(shape: shape, given: indices.count)
    }
    var offset = 0
    for (axis, index) in indices.enumerated() {
      let resolved = try Self.resolve(index: index, axis: axis, size: shape[axis])
      offset = offset * shape[axis] + resolved
    }
    return scalars[offset]
  }

  /// Turns a possibly negative index into an offset along an axis, or throws.
  static func resolve(index: Int, axis: Int, size: Int) throws -> Int {
    let resolved = index < 0 ? index + size : index
    guard resolved >= 0 && resolved < size else {
      throw TensorError.indexOutOfRange(index: index, axis: axis, size: size)
    }
    return resolved
  }

  /// Checks that every size is non-negative and the element count fits in memory.
  static func validate(shape: [Int], operation: String) throws {
    var count = 1
    for size in shape {
      guard size >= 0 else { throw TensorError.invalidShape(operation: operation, shape: shape) }
      let (product, overflow) = count.multipliedReportingOverflow(by: size)
      guard !overflow, product <= maximumElementCount else {
        throw TensorError.tooLarge(operation: operation, shape: shape)
      }
      count = product
    }
  }

  /// The most elements one tensor may hold (2^28 doubles, 2 GiB), so that a typo such as
  /// `zeros(1e6, 1e6)` fails with a clear error instead of exhausting memory.
  public static let maximumElementCount = 1 << 28
}
