/// Solving linear systems, inverses and determinants, through LU factorisation.
///
/// Each works on a square matrix or on a batch of them (axes before the last two),
/// like NumPy's `linalg` functions. See `LUFactorization` for when a matrix counts
/// as singular.
extension Tensor {
  /// The solution X of A·X = B, for square A.
  ///
  /// `b` may be a vector (length n, giving a vector X) or a matrix (n, k), giving one
  /// solution per column. Batch axes of `a` and of a matrix `b` broadcast; a vector `b`
  /// is used for every matrix of the batch.
  ///
  /// - Throws: `TensorError.notSquare` when `a` is not a (batch of) square matrices,
  ///   `TensorError.incompatibleShapes` when `b` has the wrong number of rows or the
  ///   batch axes do not broadcast, `TensorError.singularMatrix` when A is singular.
  public static func solve(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    let n = try squareSize(of: a, operation: "solve")
    guard b.rank >= 1 else {
      throw TensorError.incompatibleShapes(
        operation: "solve with", lhs: a.shape, rhs: b.shape,
        reason: "the right-hand side must be a vector or a matrix, not a number")
    }
    let right = b.rank == 1 ? b.shape + [1] : b.shape
    let (rows, columns) = (right[right.count - 2], right[right.count - 1])
    guard rows == n else {
      throw TensorError.incompatibleShapes(
        operation: "solve with", lhs: a.shape, rhs: b.shape,
        reason: "the right-hand side needs \(n) rows, but has \(rows)")
    }
    let (leftBatch, rightBatch) = (Array(a.shape.dropLast(2)), Array(right.dropLast(2)))
    guard let batch = try? broadcastShape(leftBatch, rightBatch, operation: "solve") else {
      throw TensorError.incompatibleShapes(
        operation: "solve with", lhs: a.shape, rhs: b.shape,
        reason: "batch dimensions \(formatShape(leftBatch)) and \(formatShape(rightBatch)) "
          + "do not broadcast")
    }

    let shape = batch + (b.rank == 1 ? [n] : [n, columns])
    try validate(shape: shape, operation: "solve")

    let pairs = batchPairs(leftBatch, rightBatch, into: batch)
    var result: [Double] = []
    result.reserveCapacity(pairs.count * n * columns)
    for pair in pairs {
      let lu = LUFactorization(a.scalars[pair.lhs * n * n..<(pair.lhs + 1) * n * n], size: n)
      guard !lu.isSingular else { throw TensorError.singularMatrix(operation: "solve") }
      let start = pair.rhs * n * columns
      var solution = Array(b.scalars[start..<start + n * columns])
      lu.solve(&solution, columns: columns)
      result += solution
    }
    return Tensor(unchecked: shape, scalars: result)
  }

  /// The inverse of a square matrix, or of each matrix in a batch.
  ///
  /// - Throws: `TensorError.notSquare` for other shapes, `TensorError.singularMatrix`
  ///   when a matrix has no inverse.
  public func inverse() throws -> Tensor {
    let n = try Self.squareSize(of: self, operation: "inverse")
    var identity = [Double](repeating: 0, count: n * n)
    for i in 0..<n { identity[i * n + i] = 1 }
    var result: [Double] = []
    result.reserveCapacity(count)
    for start in stride(from: 0, to: count, by: Swift.max(1, n * n)) {
      let lu = LUFactorization(scalars[start..<start + n * n], size: n)
      guard !lu.isSingular else { throw TensorError.singularMatrix(operation: "inverse") }
      var inverse = identity
      lu.solve(&inverse, columns: n)
      result += inverse
    }
    return Tensor(unchecked: shape, scalars: result)
  }

  /// The determinant of a square matrix (a number), or of each matrix in a batch.
  ///
  /// A singular matrix has determinant exactly 0, not an error; this includes matrices
  /// that are singular only up to rounding (see `LUFactorization`). A 0×0 matrix has
  /// determinant 1, the empty product.
  ///
  /// - Throws: `TensorError.notSquare` for other shapes.
  public func determinant() throws -> Tensor {
    let n = try Self.squareSize(of: self, operation: "determinant")
    let batchShape = Array(shape.dropLast(2))
    let matrices = batchShape.reduce(1, *)
    let values = (0..<matrices).map { index in
      LUFactorization(scalars[index * n * n..<(index + 1) * n * n], size: n).determinant
    }
    return Tensor(unchecked: batchShape, scalars: values)
  }

  /// The order n of a tensor of shape (..., n, n).
  ///
  /// - Throws: `TensorError.notSquare` naming `operation` for any other shape.
  private static func squareSize(of tensor: Tensor, operation: String) throws -> Int {
    let shape = tensor.shape
    guard shape.count >= 2 && shape[shape.count - 1] == shape[shape.count - 2] else {
      throw TensorError.notSquare(operation: operation, shape: shape)
    }
    return shape[shape.count - 1]
  }
}
