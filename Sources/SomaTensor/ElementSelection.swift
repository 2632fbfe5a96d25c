/// Which element of a source tensor each element of a result is read from.
///
/// Indexing, `take` and axis permutations all move elements without changing them.
/// A selection records that movement once, as one source offset per result element,
/// so that reading (`gather`) and its adjoint, adding back (`scatterAdd`), use the
/// very same map and always agree.
public struct ElementSelection: Sendable, Equatable {
  /// The shape of the tensors the selection reads from.
  public let sourceShape: [Int]

  /// The shape of the selected elements.
  public let shape: [Int]

  /// For each result element in row-major order, its row-major offset in the source.
  let offsets: [Int]

  /// Creates a selection from its offsets, which must fit both shapes.
  init(sourceShape: [Int], shape: [Int], offsets: [Int]) {
    precondition(offsets.count == shape.reduce(1, *), "selection offsets do not fit its shape")
    self.sourceShape = sourceShape
    self.shape = shape
    self.offsets = offsets
  }

  /// The selected elements of `source`, arranged in `shape`.
  ///
  /// - Throws: `TensorError.incompatibleShapes` when `source` is not of `sourceShape`.
  public func gather(from source: Tensor) throws -> Tensor {
    try check(source.shape, against: sourceShape, operation: "gather from")
    let scalars = source.scalars.withUnsafeBufferPointer { buffer in
      offsets.map { buffer[$0] }
    }
    return Tensor(unchecked: shape, scalars: scalars)
  }

  /// Zeros of `sourceShape` with each element of `values` added at its source offset.
  ///
  /// A source element selected several times receives the sum of all its values; this
  /// is the adjoint of `gather(from:)`.
  ///
  /// - Throws: `TensorError.incompatibleShapes` when `values` is not of `shape`.
  public func scatterAdd(_ values: Tensor) throws -> Tensor {
    try check(values.shape, against: shape, operation: "scatter-add")
    var result = [Double](repeating: 0, count: sourceShape.reduce(1, *))
    result.withUnsafeMutableBufferPointer { target in
      values.scalars.withUnsafeBufferPointer { source in
        for (index, offset) in offsets.enumerated() { target[offset] += source[index] }
      }
    }
    return Tensor(unchecked: sourceShape, scalars: result)
  }

  /// `base` with the selected elements overwritten by `values`.
  ///
  /// `values` is broadcast to `shape`; like NumPy, it may also carry extra leading
  /// axes of size 1. When an element is selected twice, the later value wins.
  ///
  /// - Throws: `TensorError.incompatibleShapes` when `base` is not of `sourceShape`,
  ///   `TensorError.broadcastMismatch` when `values` does not broadcast to `shape`.
  public func replace(in base: Tensor, with values: Tensor) throws -> Tensor {
    try check(base.shape, against: sourceShape, operation: "assign into")
    let fitted = try broadcastValues(values).broadcast(to: shape)
    var result = base.scalars
    result.withUnsafeMutableBufferPointer { target in
      for (index, offset) in offsets.enumerated() { target[offset] = fitted.scalars[index] }
    }
    return Tensor(unchecked: sourceShape, scalars: result)
  }

  /// The shape that `values` is treated as having before broadcasting to `shape`: its
  /// own shape without the leading size-1 axes that `shape` has no room for.
  ///
  /// - Throws: `TensorError.broadcastMismatch` when `values` cannot be assigned.
  public func assignableShape(of values: [Int]) throws -> [Int] {
    var trimmed = values[...]
    while trimmed.count > shape.count, trimmed.first == 1 { trimmed = trimmed.dropFirst() }
    let fitted = Array(trimmed)
    let common = try? Tensor.broadcastShape(fitted, shape, operation: "index assignment")
    guard common == shape else {
      throw TensorError.broadcastMismatch(
        operation: "index assignment", lhs: values, rhs: shape)
    }
    return fitted
  }

  /// `values` reshaped to its assignable shape.
  private func broadcastValues(_ values: Tensor) throws -> Tensor {
    try values.reshaped(to: assignableShape(of: values.shape))
  }

  /// Throws when a tensor handed to the selection has the wrong shape.
  private func check(_ actual: [Int], against expected: [Int], operation: String) throws {
    guard actual == expected else {
      throw TensorError.incompatibleShapes(
        operation: operation, lhs: actual, rhs: expected,
        reason: "the selection was made for shape \(formatShape(expected))")
    }
  }

  /// Every sum `base + steps[0][i₀] + steps[1][i₁] + …`, the last index varying fastest.
  ///
  /// `steps[k]` lists the offset contributions along result axis `k`, so the sums are
  /// the source offsets of the result's elements in row-major order.
  static func combinedOffsets(_ steps: [[Int]], base: Int = 0) -> [Int] {
    var offsets = [base]
    for axisSteps in steps {
      var next: [Int] = []
      next.reserveCapacity(offsets.count * axisSteps.count)
      for base in offsets {
        for step in axisSteps { next.append(base + step) }
      }
      offsets = next
    }
    return offsets
  }

  /// The offset contributions `0, stride, 2·stride, …` of a whole axis.
  static func wholeAxis(size: Int, stride: Int) -> [Int] {
    (0..<size).map { $0 * stride }
  }

  /// Row-major strides of `shape`: how far apart neighbours along each axis are.
  static func strides(of shape: [Int]) -> [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var step = 1
    for axis in stride(from: shape.count - 1, through: 0, by: -1) {
      strides[axis] = step
      step *= shape[axis]
    }
    return strides
  }
}
