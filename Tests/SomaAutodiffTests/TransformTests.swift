import SomaAutodiff
import SomaTensor
import Testing

@Suite("Gradient transforms")
struct TransformTests {
  @Test("d/dx x² = 2x, by the power rule")
  func squareHasSlopeTwoX() throws {
    let slope = try gradient(of: { x in try x * x }, at: TrackedTensor(3))
    #expect(slope.value.scalar == 6)
  }

  @Test("nested transforms keep their perturbations apart (Siskind and Pearlmutter's test)")
  func nestedTransformsDoNotConfuse() throws {
    // f(x) = x · (d/dy (x + y) at y = 1) = x · 1, so f'(1) = 1, not 2.
    let outer = try gradient(
      of: { x in
        let inner = try gradient(of: { y in try x + y }, at: TrackedTensor(1))
        return try x * inner
      }, at: TrackedTensor(1))
    #expect(outer.value.scalar == 1)
  }

  @Test("an inner gradient that depends on a captured outer input is differentiated")
  func innerGradientDependsOnOuterInput() throws {
    // d/dy (x·y) = x, so f(x) = x · x and f'(3) = 6.
    let outer = try gradient(
      of: { x in
        let inner = try gradient(of: { y in try x * y }, at: x)
        return try x * inner
      }, at: TrackedTensor(3))
    #expect(outer.value.scalar == 6)
  }

  @Test("third derivative of x⁴ at 2 is 24·2 = 48, by repeated grad")
  func gradOfGradOfGrad() throws {
    let fourth = { (x: TrackedTensor) in try x * x * x * x }
    let third = try gradient(of: grad(grad(fourth)), at: TrackedTensor(2))
    #expect(third.value.scalar == 48)
  }

  @Test("a constant function has zero gradient of its input's shape")
  func constantFunctionHasZeroGradient() throws {
    let x = TrackedTensor(try GradientCheck.random([2, 3]))
    let slope = try gradient(of: { _ in TrackedTensor(5) }, at: x)
    #expect(slope.value == Tensor(zerosLike: x.value))
  }

  @Test("grad rejects a function with several outputs")
  func gradRejectsVectorOutput() throws {
    #expect(throws: AutodiffError.nonScalarOutput(shape: [3])) {
      try gradient(of: { x in x }, at: TrackedTensor(Tensor([1, 2, 3])))
    }
  }

  @Test("argument indices beyond the arguments are an error")
  func badArgumentIndex() throws {
    #expect(throws: AutodiffError.argumentIndexOutOfRange(index: 2, count: 1)) {
      try valueAndGradient(of: { $0[0] }, at: [TrackedTensor(1)], withRespectTo: [2])
    }
  }

  @Test("a 200,000-step chain is differentiated and freed without overflowing the stack")
  func deepChainsNeedNoRecursion() throws {
    let slope = try gradient(
      of: { x in
        var y = x
        for _ in 0..<200_000 { y = try y + TrackedTensor(0) }
        return y
      }, at: TrackedTensor(1))
    #expect(slope.value.scalar == 1)
  }
}

@Suite("Arithmetic gradients against finite differences")
struct ArithmeticGradientTests {
  static let shapes: [([Int], [Int])] = [([], []), ([3], [3]), ([2, 3], [3]), ([2, 1], [1, 4])]

  @Test("+, -, *, / with broadcasting, first and second order", arguments: shapes)
  func arithmetic(shapes: ([Int], [Int])) throws {
    let a = try GradientCheck.random(shapes.0, seed: 3)
    let b = try GradientCheck.random(shapes.1, in: 0.5...2, seed: 4)
    let operations: [([TrackedTensor]) throws -> TrackedTensor] = [
      { try $0[0] + $0[1] }, { try $0[0] - $0[1] }, { try $0[0] * $0[1] },
      { try $0[0] / $0[1] }, { try -$0[0] * $0[1] * $0[1] },
    ]
    for operation in operations {
      try GradientCheck.expectGradientsMatch(operation, at: [a, b])
      try GradientCheck.expectHessianMatches(operation, at: [a, b])
    }
  }
}
