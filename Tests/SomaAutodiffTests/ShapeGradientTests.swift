import SomaAutodiff
import SomaTensor
import Testing

/// First and second derivatives of the axis operations against central differences.
///
/// An axis operation is linear, so its own Hessian is zero. The second-order checks
/// multiply the rearranged value by the input (`op(x) * x`), which pairs different
/// elements of x: the Hessian is then non-zero and only right when the pullback
/// sends each cotangent back to the element it came from.
@Suite("Axis operation gradients against finite differences")
struct ShapeGradientTests {
  /// Checks `function` to first and second order at random inputs of `shapes`.
  private func check(
    _ shapes: [[Int]], _ function: @escaping ([TrackedTensor]) throws -> TrackedTensor,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let inputs = try shapes.enumerated().map { index, shape in
      try GradientCheck.random(shape, seed: UInt64(10 + index))
    }
    try GradientCheck.expectGradientsMatch(function, at: inputs, sourceLocation: sourceLocation)
    try GradientCheck.expectHessianMatches(function, at: inputs, sourceLocation: sourceLocation)
  }

  @Test("transposed: a square matrix times its transpose, a rank-3 tensor, a number")
  func transposed() throws {
    try check([[3, 3]]) { x in try x[0].transposed() * x[0] }
    try check([[2, 3, 2]]) { x in try x[0].transposed() * x[0].transposed() }
    try check([[]]) { x in try x[0].transposed() * x[0] }
    try check([[3]]) { x in try x[0].transposed() * x[0] }
  }

  @Test("permuted: (2, 1, 0) of a (2, 3, 2) tensor times the tensor, and (1, 2, 0)")
  func permuted() throws {
    try check([[2, 3, 2]]) { x in try x[0].permuted([2, 1, 0]) * x[0] }
    try check([[2, 3, 4]]) { x in
      let p = try x[0].permuted([1, -1, 0])
      return try p * p
    }
  }

  @Test("swappingAxes of the last two axes times the input, as in batched matmul gradients")
  func swappingAxes() throws {
    try check([[2, 3, 3]]) { x in try x[0].swappingAxes(-2, -1) * x[0] }
    try check([[2, 3]]) { x in
      let s = try x[0].swappingAxes(0, 1)
      return try s * s
    }
  }

  @Test("squeezed: all size-1 axes, one axis, and down to a number")
  func squeezed() throws {
    try check([[1, 3, 1], [3]]) { x in try x[0].squeezed() * x[1] * x[0].squeezed() }
    try check([[1, 3, 1], [1, 3]]) { x in try x[0].squeezed(axis: -1) * x[1] * x[0] }
    try check([[1, 1]]) { x in try x[0].squeezed() * x[0].squeezed() }
  }

  @Test("unsqueezed: a new middle axis broadcast against another input, and from a number")
  func unsqueezed() throws {
    try check([[2, 3], [4, 1]]) { x in
      let u = try x[0].unsqueezed(axis: 1)
      return try u * x[1] * u
    }
    try check([[]]) { x in try x[0].unsqueezed(axis: -1) * x[0] }
  }

  @Test("flattened: a matrix times a vector of its length, and a number")
  func flattened() throws {
    try check([[2, 3], [6]]) { x in try x[0].flattened() * x[1] * x[0].flattened() }
    try check([[]]) { x in try x[0].flattened() * x[0].flattened() }
  }

  @Test("errors of the tensor operations come through unchanged")
  func errorsPassThrough() throws {
    let x = TrackedTensor(try GradientCheck.random([2, 3]))
    #expect(throws: TensorError.axisOutOfRange(operation: "permute", axis: 2, rank: 2)) {
      try x.permuted([0, 2])
    }
    #expect(throws: TensorError.self) { try x.squeezed(axis: 0) }
    #expect(throws: TensorError.self) { try x.unsqueezed(axis: 3) }
  }
}
