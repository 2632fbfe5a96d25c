import SomaTensor

/// Matrix products, solves, inverses and determinants with their pullbacks.
///
/// Every pullback is built from these same differentiable operations, so second
/// derivatives (Hessians) work through them. Throughout, G is the cotangent of the
/// result and ᵀ swaps the last two axes.
extension TrackedTensor {
  /// The matrix product with NumPy's `matmul` semantics (see `Tensor.matmul`).
  ///
  /// A vector operand is first reshaped to a row (left) or column (right) matrix and
  /// the added axis removed again, so its gradient flows through those reshapes.
  /// `transposingLeft` and `transposingRight` multiply by an operand's
  /// `matrixTransposed()` without copying it.
  ///
  /// - Throws: as `Tensor.matmul`.
  public static func matmul(
    _ lhs: TrackedTensor, _ rhs: TrackedTensor, transposingLeft: Bool = false,
    transposingRight: Bool = false
  ) throws -> TrackedTensor {
    guard lhs.value.rank == 1 || rhs.value.rank == 1 else {
      return try matrixProduct(
        lhs, rhs, transposingLeft: transposingLeft, transposingRight: transposingRight)
    }
    // Check the operands first, so a mismatch is reported with the caller's shapes.
    let shape = try Tensor.matmulShape(
      try transposedShape(lhs.shape, transposingLeft),
      try transposedShape(rhs.shape, transposingRight))
    let left = lhs.value.rank == 1 ? try lhs.reshaped(to: [1, -1]) : lhs
    let right = rhs.value.rank == 1 ? try rhs.reshaped(to: [-1, 1]) : rhs
    return try matrixProduct(
      left, right, transposingLeft: transposingLeft, transposingRight: transposingRight
    ).reshaped(to: shape)
  }

  /// C = op(A)·op(B) for operands with at least two axes each, where op transposes an
  /// operand when its flag is set.
  ///
  /// Without transposes, cᵢⱼ = Σₚ aᵢₚ bₚⱼ, so ∂L/∂aᵢₚ = Σⱼ gᵢⱼ bₚⱼ, that is gA = G·Bᵀ,
  /// and likewise gB = Aᵀ·G. With C = Aᵀ·B the gradient of Aᵀ is G·Bᵀ, so
  /// gA = (G·Bᵀ)ᵀ = B·Gᵀ; the other cases follow the same way:
  ///
  ///     C        gA       gB
  ///     A·B      G·Bᵀ     Aᵀ·G
  ///     Aᵀ·B     B·Gᵀ     A·G
  ///     A·Bᵀ     G·B      Gᵀ·A
  ///     Aᵀ·Bᵀ    Bᵀ·Gᵀ    Gᵀ·Aᵀ
  ///
  /// Each gradient is again one product with transposed operands, so no pullback
  /// copies a transpose. Batch axes that were broadcast are summed back to each
  /// input's shape.
  private static func matrixProduct(
    _ lhs: TrackedTensor, _ rhs: TrackedTensor, transposingLeft: Bool,
    transposingRight: Bool
  ) throws -> TrackedTensor {
    let value = try Tensor.matmul(
      lhs.value, rhs.value, transposingLeft: transposingLeft,
      transposingRight: transposingRight)
    return .record(value, operation: "matmul", inputs: [lhs, rhs]) { context in
      let (a, b, g) = (context.inputs[0], context.inputs[1], context.cotangent)
      let (tA, tB) = (transposingLeft, transposingRight)
      var gradients: [TrackedTensor?] = [nil, nil]
      if context.needsGradient[0] {
        let gradient =
          tA
          ? try matrixProduct(b, g, transposingLeft: tB, transposingRight: true)
          : try matrixProduct(g, b, transposingLeft: false, transposingRight: !tB)
        gradients[0] = try gradient.summed(toShape: a.shape)
      }
      if context.needsGradient[1] {
        let gradient =
          tB
          ? try matrixProduct(g, a, transposingLeft: true, transposingRight: tA)
          : try matrixProduct(a, g, transposingLeft: !tA, transposingRight: false)
        gradients[1] = try gradient.summed(toShape: b.shape)
      }
      return gradients
    }
  }

  /// The dot product of two vectors of one length: ∂(a·b)/∂a = b, ∂(a·b)/∂b = a.
  public static func dot(_ lhs: TrackedTensor, _ rhs: TrackedTensor) throws -> TrackedTensor {
    let value = try Tensor.dot(lhs.value, rhs.value)
    return .record(value, operation: "dot", inputs: [lhs, rhs]) { context in
      let (a, b, g) = (context.inputs[0], context.inputs[1], context.cotangent)
      return [
        context.needsGradient[0] ? try g * b : nil,
        context.needsGradient[1] ? try g * a : nil,
      ]
    }
  }

  /// The outer product of the flattened operands: cᵢⱼ = aᵢ·bⱼ.
  ///
  /// ∂L/∂aᵢ = Σⱼ gᵢⱼ bⱼ, that is gA = G·b, and ∂L/∂bⱼ = Σᵢ aᵢ gᵢⱼ, that is gB = a·G,
  /// each reshaped back to its operand's shape.
  public static func outer(_ lhs: TrackedTensor, _ rhs: TrackedTensor) throws -> TrackedTensor {
    let value = try Tensor.outer(lhs.value, rhs.value)
    return .record(value, operation: "outer", inputs: [lhs, rhs]) { context in
      let (a, b, g) = (context.inputs[0], context.inputs[1], context.cotangent)
      return [
        context.needsGradient[0]
          ? try matmul(g, b.reshaped(to: [-1])).reshaped(to: a.shape) : nil,
        context.needsGradient[1]
          ? try matmul(a.reshaped(to: [-1]), g).reshaped(to: b.shape) : nil,
      ]
    }
  }

  /// This value with its last two axes swapped; the pullback swaps them back.
  public func matrixTransposed() throws -> TrackedTensor {
    .record(try value.matrixTransposed(), operation: "matrix transpose", inputs: [self]) {
      [try $0.cotangent.matrixTransposed()]
    }
  }

  /// The solution X of A·X = B (see `Tensor.solve`).
  ///
  /// A vector B is reshaped to a column first. Differentiating A·X = B gives
  /// dA·X + A·dX = dB, so dX = A⁻¹(dB − dA·X) and, for a loss L,
  /// gB = A⁻ᵀ·G = solve(Aᵀ, G) and gA = −gB·Xᵀ.
  public static func solve(_ a: TrackedTensor, _ b: TrackedTensor) throws -> TrackedTensor {
    let value = try Tensor.solve(a.value, b.value)
    guard b.value.rank == 1 else { return try matrixSolve(a, b, value: value) }
    let column = try b.reshaped(to: [-1, 1])
    let solution = try matrixSolve(a, column, value: value.reshaped(to: value.shape + [1]))
    return try solution.reshaped(to: value.shape)
  }

  /// `solve` for a matrix B, whose result `value` is already known.
  private static func matrixSolve(
    _ a: TrackedTensor, _ b: TrackedTensor, value: Tensor
  ) throws -> TrackedTensor {
    .record(value, operation: "solve", inputs: [a, b]) { context in
      let (a, b, x) = (context.inputs[0], context.inputs[1], context.output)
      let gradientB = try solve(a.matrixTransposed(), context.cotangent)
      return [
        context.needsGradient[0]
          ? try (-matmul(gradientB, x.matrixTransposed())).summed(toShape: a.shape) : nil,
        context.needsGradient[1] ? try gradientB.summed(toShape: b.shape) : nil,
      ]
    }
  }

  /// The inverse Y = A⁻¹ of a square matrix or of each matrix in a batch.
  ///
  /// From A·Y = I, dA·Y + A·dY = 0, so dY = −Y·dA·Y and gA = −Yᵀ·G·Yᵀ.
  public func inverse() throws -> TrackedTensor {
    .record(try value.inverse(), operation: "inverse", inputs: [self]) { context in
      let inverseTransposed = try context.output.matrixTransposed()
      return [
        try -Self.matmul(Self.matmul(inverseTransposed, context.cotangent), inverseTransposed)
      ]
    }
  }

  /// The determinant of a square matrix or of each matrix in a batch.
  ///
  /// Jacobi's formula: d(det A) = det A · tr(A⁻¹·dA), so gA = G·det A·A⁻ᵀ.
  ///
  /// Limitation: the pullback inverts A, so differentiating at a singular matrix throws
  /// `TensorError.singularMatrix`, although the gradient (the adjugate) exists there.
  public func determinant() throws -> TrackedTensor {
    let batchShape = Array(shape.dropLast(2))
    return .record(try value.determinant(), operation: "determinant", inputs: [self]) {
      context in
      let scale = try (context.cotangent * context.output).reshaped(to: batchShape + [1, 1])
      return [try scale * context.inputs[0].inverse().matrixTransposed()]
    }
  }
}

/// `shape` with its last two axes swapped when `transposing`.
///
/// - Throws: `TensorError.invalidArgument` for an operand with fewer than two axes.
private func transposedShape(_ shape: [Int], _ transposing: Bool) throws -> [Int] {
  guard transposing else { return shape }
  guard shape.count >= 2 else {
    throw TensorError.invalidArgument(
      operation: "matmul",
      message: "can only transpose an operand with at least 2 axes, but got shape "
        + formatShape(shape))
  }
  var swapped = shape
  swapped.swapAt(shape.count - 1, shape.count - 2)
  return swapped
}
