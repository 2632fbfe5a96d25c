import SomaAutodiff
import SomaTensor
import Testing

/// Checks gradients against central finite differences.
///
/// For f: Rⁿ → R, ∂f/∂xᵢ ≈ (f(x + h·eᵢ) - f(x - h·eᵢ)) / 2h with error O(h²).
/// A function with a non-scalar result is reduced to one number by a fixed random
/// weighting, `sum(w ⊙ f(x))`, so every output element takes part in the check.
enum GradientCheck {
  /// Step for first differences: near the cube root of machine epsilon, which balances
  /// the O(h²) truncation error against rounding error.
  static let step = 1e-5

  /// A deterministic random tensor with values in `range`.
  static func random(
    _ shape: [Int], in range: ClosedRange<Double> = -2...2, seed: UInt64 = 1
  ) throws -> Tensor {
    var generator = RandomGenerator(seed: seed)
    let count = shape.reduce(1, *)
    let scalars = (0..<count).map { _ in
      range.lowerBound + (range.upperBound - range.lowerBound) * generator.nextUniform()
    }
    return try Tensor(shape: shape, scalars: scalars)
  }

  /// Reduces `function`'s result to a scalar with fixed weights.
  static func scalarized(
    _ function: @escaping ([TrackedTensor]) throws -> TrackedTensor, at inputs: [Tensor]
  ) throws -> ([TrackedTensor]) throws -> TrackedTensor {
    let resultShape = try function(inputs.map(TrackedTensor.init)).shape
    let weights = TrackedTensor(try random(resultShape, in: 0.5...1.5, seed: 99))
    return { arguments in try (function(arguments) * weights).summed(toShape: []) }
  }

  /// Central differences of a scalar function with respect to input `index`.
  static func numericGradient(
    _ function: ([TrackedTensor]) throws -> TrackedTensor, at inputs: [Tensor], index: Int,
    step: Double = step
  ) throws -> Tensor {
    var gradient = Tensor(zerosLike: inputs[index])
    for offset in 0..<inputs[index].count {
      var plus = inputs
      var minus = inputs
      plus[index].setScalar(inputs[index].scalars[offset] + step, atOffset: offset)
      minus[index].setScalar(inputs[index].scalars[offset] - step, atOffset: offset)
      let high = try function(plus.map(TrackedTensor.init)).value.scalars[0]
      let low = try function(minus.map(TrackedTensor.init)).value.scalars[0]
      gradient.setScalar((high - low) / (2 * step), atOffset: offset)
    }
    return gradient
  }

  /// Expects reverse-mode gradients of `function` to match finite differences for
  /// every input, within `tolerance` relative to the larger magnitude (or absolute
  /// below 1).
  static func expectGradientsMatch(
    _ function: @escaping ([TrackedTensor]) throws -> TrackedTensor, at inputs: [Tensor],
    tolerance: Double = 1e-6, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let scalar = try scalarized(function, at: inputs)
    let analytic = try valueAndGradient(of: scalar, at: inputs.map(TrackedTensor.init))
    for index in inputs.indices {
      let numeric = try numericGradient(scalar, at: inputs, index: index)
      expectClose(
        analytic.gradients[index].value, numeric, tolerance: tolerance,
        sourceLocation: sourceLocation)
    }
  }

  /// Expects the Hessian of every input's block (the second derivatives) to match
  /// central differences of the reverse-mode gradient.
  static func expectHessianMatches(
    _ function: @escaping ([TrackedTensor]) throws -> TrackedTensor, at inputs: [Tensor],
    tolerance: Double = 1e-5, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let scalar = try scalarized(function, at: inputs)
    for index in inputs.indices {
      let analytic = try jacobians(
        of: { arguments in
          try valueAndGradient(of: scalar, at: arguments, withRespectTo: [index]).gradients[0]
        }, at: inputs.map(TrackedTensor.init), withRespectTo: [index])[0]
      var columns: [Tensor] = []
      for offset in 0..<inputs[index].count {
        var plus = inputs
        var minus = inputs
        plus[index].setScalar(inputs[index].scalars[offset] + step, atOffset: offset)
        minus[index].setScalar(inputs[index].scalars[offset] - step, atOffset: offset)
        let high = try valueAndGradient(
          of: scalar, at: plus.map(TrackedTensor.init), withRespectTo: [index]
        ).gradients[0].value
        let low = try valueAndGradient(
          of: scalar, at: minus.map(TrackedTensor.init), withRespectTo: [index]
        ).gradients[0].value
        columns.append(try (high - low) / Tensor(2 * step))
      }
      let shape = inputs[index].shape
      // columns[j] = ∂g/∂x_j; stacking on the last axis gives H[i, j] = ∂g_i/∂x_j.
      let numeric = try Tensor.stack(
        columns.map { try $0.reshaped(to: [-1]) }, axis: 1
      ).reshaped(to: shape + shape)
      expectClose(analytic.value, numeric, tolerance: tolerance, sourceLocation: sourceLocation)
    }
  }
}

/// Expects two tensors of the same shape to agree elementwise within `tolerance`,
/// relative to the larger magnitude once that exceeds 1.
func expectClose(
  _ actual: Tensor, _ expected: Tensor, tolerance: Double = 1e-9,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.shape == expected.shape, sourceLocation: sourceLocation)
  guard actual.shape == expected.shape else { return }
  for (a, e) in zip(actual.scalars, expected.scalars) {
    let scale = max(1, abs(a), abs(e))
    #expect(
      abs(a - e) <= tolerance * scale || (a.isNaN && e.isNaN) || a == e,
      "\(actual.scalars) differs from \(expected.scalars)", sourceLocation: sourceLocation)
    if !(abs(a - e) <= tolerance * scale || (a.isNaN && e.isNaN) || a == e) { return }
  }
}
