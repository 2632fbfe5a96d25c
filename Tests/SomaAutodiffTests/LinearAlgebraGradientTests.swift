import SomaAutodiff
import SomaTensor
import Testing

/// Gradients of the linear-algebra operations against central finite differences, to
/// first and second order, in matrix, vector and batched forms.
@Suite("Linear algebra gradients")
struct LinearAlgebraGradientTests {
  /// Checks first and second derivatives of `function` at `inputs`.
  private func expectDerivativesMatch(
    _ function: @escaping ([TrackedTensor]) throws -> TrackedTensor, at inputs: [Tensor],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try GradientCheck.expectGradientsMatch(function, at: inputs, sourceLocation: sourceLocation)
    try GradientCheck.expectHessianMatches(function, at: inputs, sourceLocation: sourceLocation)
  }

  /// A random n×n matrix plus 3·I, or a batch of them: the diagonal dominates, so the
  /// matrix is far from singular and finite differences stay accurate.
  private func wellConditioned(_ batch: [Int], size n: Int, seed: UInt64) throws -> Tensor {
    let noise = try GradientCheck.random(batch + [n, n], in: -1...1, seed: seed)
    var identity = try Tensor.zeros([n, n])
    for i in 0..<n { identity.setScalar(3, atOffset: i * n + i) }
    return try noise + identity
  }

  @Test(
    "matmul differentiates for matrices, vectors and broadcast batches",
    arguments: [
      ([2, 3], [3, 2]), ([3], [3, 2]), ([2, 3], [3]), ([3], [3]), ([2, 1, 2, 2], [3, 2, 2]),
      ([2], [2, 2, 3]), ([2, 2, 3], [3]), ([1, 2, 3], [2, 3, 1]),
    ])
  func matmulGradients(shapes: ([Int], [Int])) throws {
    let a = try GradientCheck.random(shapes.0, seed: 1)
    let b = try GradientCheck.random(shapes.1, seed: 2)
    try expectDerivativesMatch({ try TrackedTensor.matmul($0[0], $0[1]) }, at: [a, b])
  }

  @Test("dot and outer differentiate, outer also for inputs it flattens")
  func dotAndOuterGradients() throws {
    let u = try GradientCheck.random([3], seed: 3)
    let v = try GradientCheck.random([3], seed: 4)
    try expectDerivativesMatch({ try TrackedTensor.dot($0[0], $0[1]) }, at: [u, v])
    try expectDerivativesMatch({ try TrackedTensor.outer($0[0], $0[1]) }, at: [u, v])
    let matrix = try GradientCheck.random([2, 2], seed: 5)
    try expectDerivativesMatch({ try TrackedTensor.outer($0[0], $0[1]) }, at: [matrix, u])
  }

  @Test("matrixTransposed differentiates for a matrix and a batch")
  func transposeGradients() throws {
    for shape in [[2, 3], [2, 2, 3]] {
      let a = try GradientCheck.random(shape, seed: 6)
      try expectDerivativesMatch({ try $0[0].matrixTransposed() }, at: [a])
    }
  }

  @Test(
    "solve differentiates in A and B, with vector, matrix and broadcast right-hand sides",
    arguments: [([Int](), [3]), ([], [3, 2]), ([2], [3, 2]), ([2], [3]), ([], [2, 3, 1])])
  func solveGradients(shapes: ([Int], [Int])) throws {
    let a = try wellConditioned(shapes.0, size: 3, seed: 7)
    let b = try GradientCheck.random(shapes.1, seed: 8)
    try expectDerivativesMatch({ try TrackedTensor.solve($0[0], $0[1]) }, at: [a, b])
  }

  @Test("inverse differentiates for a matrix and a batch", arguments: [[Int](), [2]])
  func inverseGradients(batch: [Int]) throws {
    let a = try wellConditioned(batch, size: 3, seed: 9)
    try expectDerivativesMatch({ try $0[0].inverse() }, at: [a])
  }

  @Test("determinant differentiates for a matrix and a batch", arguments: [[Int](), [2]])
  func determinantGradients(batch: [Int]) throws {
    let a = try wellConditioned(batch, size: 3, seed: 10)
    try expectDerivativesMatch({ try $0[0].determinant() }, at: [a])
  }

  @Test("the gradient of det is the cofactor matrix and its Hessian is constant for 2×2")
  func determinantDerivativesByHand() throws {
    // det [[a, b], [c, d]] = ad − bc: gradient [[d, −c], [−b, a]]; the only nonzero
    // second derivatives are ∂²/∂a∂d = 1 and ∂²/∂b∂c = −1.
    let a = try Tensor(shape: [2, 2], scalars: [2, 3, 5, 7])
    let slope = try gradient(of: { try $0.determinant() }, at: TrackedTensor(a))
    expectClose(slope.value, try Tensor(shape: [2, 2], scalars: [7, -5, -3, 2]), tolerance: 1e-12)
    let curvature = try hessian(of: { try $0.determinant() }, at: TrackedTensor(a))
    var expected = try Tensor.zeros([2, 2, 2, 2])
    // Offsets of (a, d) and (d, a) are 0·4 + 3 and 3·4 + 0; of (b, c) and (c, b), 1·4 + 2
    // and 2·4 + 1.
    expected.setScalar(1, atOffset: 3)
    expected.setScalar(1, atOffset: 12)
    expected.setScalar(-1, atOffset: 6)
    expected.setScalar(-1, atOffset: 9)
    expectClose(curvature.value, expected, tolerance: 1e-12)
  }

  @Test("errors name the caller's shapes, not the reshaped ones")
  func trackedErrors() throws {
    let error = #expect(throws: TensorError.self) {
      try TrackedTensor.matmul(TrackedTensor(Tensor([1, 2])), TrackedTensor(Tensor([1, 2, 3])))
    }
    #expect(
      error?.description
        == "cannot multiply shapes (2,) and (3,) with @: inner dimensions 2 and 3 differ")
  }
}
