import SomaAutodiff
import SomaTensor
import Testing

/// Gradients of `matmul` with transposed operands, against finite differences to first
/// and second order and against the product of explicit transposes.
@Suite("Transposed matrix product gradients")
struct TransposedMatrixProductGradientTests {
  /// Stored operand shapes and flags; each flag's operand is stored transposed, so
  /// the products are (2, 3) @ (3, 4) and its batched and vector variants.
  static let cases: [([Int], [Int], Bool, Bool)] = [
    ([2, 3], [3, 4], false, false), ([3, 2], [3, 4], true, false),
    ([2, 3], [4, 3], false, true), ([3, 2], [4, 3], true, true),
    ([2, 1, 3, 2], [3, 4, 3], true, true), ([2, 3, 2], [3, 4], true, false),
    ([3, 2], [3], true, false), ([3], [4, 3], false, true), ([2, 3], [2, 4, 3], false, true),
  ]

  @Test("transposed products differentiate to first and second order", arguments: cases)
  func derivatives(stored: ([Int], [Int], Bool, Bool)) throws {
    let (left, right, transposingLeft, transposingRight) = stored
    let a = try GradientCheck.random(left, seed: 21)
    let b = try GradientCheck.random(right, seed: 22)
    let product = { (inputs: [TrackedTensor]) in
      try TrackedTensor.matmul(
        inputs[0], inputs[1], transposingLeft: transposingLeft,
        transposingRight: transposingRight)
    }
    try GradientCheck.expectGradientsMatch(product, at: [a, b])
    try GradientCheck.expectHessianMatches(product, at: [a, b])
  }

  @Test("gradients equal those through explicit transposes", arguments: cases)
  func matchesExplicitTransposes(stored: ([Int], [Int], Bool, Bool)) throws {
    let (left, right, transposingLeft, transposingRight) = stored
    let a = try GradientCheck.random(left, seed: 23)
    let b = try GradientCheck.random(right, seed: 24)
    // Squaring makes the loss depend on the product nonlinearly, so the cotangent
    // reaching the product is not constant.
    let inPlace = try valueAndGradient(
      of: { inputs in
        let c = try TrackedTensor.matmul(
          inputs[0], inputs[1], transposingLeft: transposingLeft,
          transposingRight: transposingRight)
        return try (c * c).sum()
      }, at: [a, b].map(TrackedTensor.init)
    ).gradients
    let explicit = try valueAndGradient(
      of: { inputs in
        let c = try TrackedTensor.matmul(
          transposingLeft ? inputs[0].matrixTransposed() : inputs[0],
          transposingRight ? inputs[1].matrixTransposed() : inputs[1])
        return try (c * c).sum()
      }, at: [a, b].map(TrackedTensor.init)
    ).gradients
    for (actual, expected) in zip(inPlace, explicit) {
      #expect(actual.shape == expected.shape)
      let difference = zip(actual.value.scalars, expected.value.scalars)
        .reduce(0) { max($0, abs($1.0 - $1.1)) }
      #expect(difference <= 1e-12)
    }
  }
}
