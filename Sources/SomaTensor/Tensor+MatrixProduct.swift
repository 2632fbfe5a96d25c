/// Matrix products with NumPy's `matmul` semantics, and the products built on them.
extension Tensor {
  /// The matrix product `lhs @ rhs`, following NumPy's `matmul`.
  ///
  /// - Two matrices: (m, k) @ (k, n) gives (m, n).
  /// - A vector on the left is treated as a row (1, k), on the right as a column
  ///   (k, 1); the added axis is removed from the result, so vector @ vector is the
  ///   dot product, a number.
  /// - Axes before the last two are batch axes: they broadcast against each other and
  ///   one product is computed per batch element, so (5, 2, 3) @ (3, 4) gives (5, 2, 4).
  ///
  /// `transposingLeft` multiplies by `lhs.matrixTransposed()` instead of `lhs`, and
  /// `transposingRight` likewise for `rhs`, without building the transposed copy.
  ///
  /// ```swift
  /// let a = try Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
  /// try Tensor.matmul(a, Tensor([1, 1]))  // [3, 7]
  /// try Tensor.matmul(a, a, transposingLeft: true)  // [[10, 14], [14, 20]]
  /// ```
  ///
  /// - Parameter backend: the implementation to use; `nil` lets
  ///   `MatrixBackend.preferred(multiplyAdds:)` choose by size.
  /// - Throws: `TensorError.matrixProductMismatch` when an operand is a number, the inner
  ///   dimensions differ or the batch axes do not broadcast; `TensorError.invalidArgument`
  ///   when an operand with fewer than two axes is to be transposed, or when `.blas` is
  ///   requested on a machine without BLAS.
  public static func matmul(
    _ lhs: Tensor, _ rhs: Tensor, transposingLeft: Bool = false,
    transposingRight: Bool = false, using backend: MatrixBackend? = nil
  ) throws -> Tensor {
    if backend == .blas && !MatrixBackend.isBLASAvailable {
      throw TensorError.invalidArgument(
        operation: "matmul",
        message: "the BLAS backend was requested, but no BLAS library was found")
    }
    // The shapes the product sees, with any transposition applied.
    let lhsShape = try productShape(of: lhs, transposing: transposingLeft)
    let rhsShape = try productShape(of: rhs, transposing: transposingRight)
    let shape = try matmulShape(lhsShape, rhsShape)
    let left = lhs.rank == 1 ? [1] + lhsShape : lhsShape
    let right = rhs.rank == 1 ? rhsShape + [1] : rhsShape
    let (m, k, n) = (left[left.count - 2], left[left.count - 1], right[right.count - 1])
    let backend = backend ?? MatrixBackend.preferred(multiplyAdds: Double(m * n) * Double(k))
    let count = shape.reduce(1, *)
    guard count > 0 && k > 0 else {
      return Tensor(unchecked: shape, scalars: [Double](repeating: 0, count: count))
    }

    let (leftBatch, rightBatch) = (Array(left.dropLast(2)), Array(right.dropLast(2)))
    let batch = try broadcastShape(leftBatch, rightBatch, operation: "matmul")
    let pairs = batchPairs(leftBatch, rightBatch, into: batch)
    // The kernel overwrites every element of the result, so it starts uninitialised.
    let result = [Double](unsafeUninitializedCapacity: count) { c, initialised in
      lhs.scalars.withUnsafeBufferPointer { a in
        rhs.scalars.withUnsafeBufferPointer { b in
          guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else {
            preconditionFailure("a non-empty product has empty operands")
          }
          for (index, pair) in pairs.enumerated() {
            backend.multiply(
              m: m, n: n, k: k, a + pair.lhs * m * k, transposingA: transposingLeft,
              b + pair.rhs * k * n, transposingB: transposingRight, into: c + index * m * n)
          }
        }
      }
      initialised = count
    }
    return Tensor(unchecked: shape, scalars: result)
  }

  /// The shape `operand` has in a product, with its last two axes swapped when it is
  /// `transposing`.
  ///
  /// - Throws: `TensorError.invalidArgument` when a vector is to be transposed.
  private static func productShape(of operand: Tensor, transposing: Bool) throws -> [Int] {
    guard transposing else { return operand.shape }
    guard operand.rank >= 2 else {
      throw TensorError.invalidArgument(
        operation: "matmul",
        message: "can only transpose an operand with at least 2 axes, but got shape "
          + "\(formatShape(operand.shape))")
    }
    var shape = operand.shape
    shape.swapAt(operand.rank - 2, operand.rank - 1)
    return shape
  }

  /// The shape of `matmul(lhs, rhs)` for operands of these shapes, without computing it.
  ///
  /// - Throws: the `TensorError` that `matmul` would throw for these shapes.
  public static func matmulShape(_ lhs: [Int], _ rhs: [Int]) throws -> [Int] {
    guard !lhs.isEmpty && !rhs.isEmpty else {
      throw TensorError.matrixProductMismatch(
        lhs: lhs, rhs: rhs, reason: "a number has no axes; use * to scale")
    }
    let left = lhs.count == 1 ? [1] + lhs : lhs
    let right = rhs.count == 1 ? rhs + [1] : rhs
    let (k, innerRight) = (left[left.count - 1], right[right.count - 2])
    guard k == innerRight else {
      throw TensorError.matrixProductMismatch(
        lhs: lhs, rhs: rhs, reason: "inner dimensions \(k) and \(innerRight) differ")
    }
    let (leftBatch, rightBatch) = (Array(left.dropLast(2)), Array(right.dropLast(2)))
    guard let batch = try? broadcastShape(leftBatch, rightBatch, operation: "matmul") else {
      throw TensorError.matrixProductMismatch(
        lhs: lhs, rhs: rhs,
        reason: "batch dimensions \(formatShape(leftBatch)) and \(formatShape(rightBatch)) "
          + "do not broadcast")
    }

    var shape = batch + [left[left.count - 2], right[right.count - 1]]
    if rhs.count == 1 { shape.removeLast() }
    if lhs.count == 1 { shape.remove(at: shape.count - (rhs.count == 1 ? 1 : 2)) }
    try validate(shape: shape, operation: "matmul")
    return shape
  }

  /// For each element of the broadcast batch shape `shape`, in row-major order, which
  /// matrix of each operand it uses, counted in whole matrices.
  static func batchPairs(
    _ lhsBatch: [Int], _ rhsBatch: [Int], into shape: [Int]
  ) -> [(lhs: Int, rhs: Int)] {
    let leftStrides = broadcastStrides(of: lhsBatch, into: shape)
    let rightStrides = broadcastStrides(of: rhsBatch, into: shape)
    let count = shape.reduce(1, *)
    var pairs: [(lhs: Int, rhs: Int)] = []
    pairs.reserveCapacity(count)
    var counter = [Int](repeating: 0, count: shape.count)
    for _ in 0..<count {
      var pair = (lhs: 0, rhs: 0)
      for axis in shape.indices {
        pair.lhs += counter[axis] * leftStrides[axis]
        pair.rhs += counter[axis] * rightStrides[axis]
      }
      pairs.append(pair)
      var axis = shape.count - 1
      while axis >= 0 {
        counter[axis] += 1
        if counter[axis] < shape[axis] { break }
        counter[axis] = 0
        axis -= 1
      }
    }
    return pairs
  }

  /// The dot product of two vectors of the same length.
  ///
  /// - Throws: `TensorError.invalidArgument` when either operand is not a vector,
  ///   `TensorError.incompatibleShapes` when the lengths differ.
  public static func dot(_ lhs: Tensor, _ rhs: Tensor) throws -> Tensor {
    try checkDotOperands(lhs.shape, rhs.shape)
    return try matmul(lhs, rhs)
  }

  /// Checks that `dot` was given two vectors of one length.
  static func checkDotOperands(_ lhs: [Int], _ rhs: [Int]) throws {
    guard lhs.count == 1 && rhs.count == 1 else {
      throw TensorError.invalidArgument(
        operation: "dot",
        message: "needs two vectors, but got shapes \(formatShape(lhs)) and "
          + "\(formatShape(rhs)); use matmul for matrices")
    }
    guard lhs == rhs else {
      throw TensorError.incompatibleShapes(
        operation: "take the dot product of", lhs: lhs, rhs: rhs,
        reason: "lengths \(lhs[0]) and \(rhs[0]) differ")
    }
  }

  /// The outer product: element (i, j) is `lhs[i] · rhs[j]`.
  ///
  /// As in NumPy, operands of any rank are first flattened, so the result is always a
  /// matrix of shape (lhs.count, rhs.count).
  ///
  /// - Throws: `TensorError.tooLarge` when the result would be too big.
  public static func outer(_ lhs: Tensor, _ rhs: Tensor) throws -> Tensor {
    try validate(shape: [lhs.count, rhs.count], operation: "outer")
    return try lhs.reshaped(to: [-1, 1]) * rhs.reshaped(to: [1, -1])
  }

  /// This tensor with its last two axes swapped: the transpose of a matrix, or of each
  /// matrix in a batch.
  ///
  /// - Throws: `TensorError.invalidArgument` for a tensor with fewer than two axes.
  public func matrixTransposed() throws -> Tensor {
    guard rank >= 2 else {
      throw TensorError.invalidArgument(
        operation: "matrix transpose",
        message: "needs at least 2 axes, but got shape \(formatShape(shape))")
    }
    let (rows, columns) = (shape[rank - 2], shape[rank - 1])
    var newShape = shape
    newShape.swapAt(rank - 2, rank - 1)
    var result = [Double](repeating: 0, count: count)
    let size = rows * columns
    for matrix in 0..<(size == 0 ? 0 : count / size) {
      let base = matrix * size
      for row in 0..<rows {
        for column in 0..<columns {
          result[base + column * rows + row] = scalars[base + row * columns + column]
        }
      }
    }
    return Tensor(unchecked: newShape, scalars: result)
  }
}
