import SomaTensor

/// Elementwise functions of one value, with their pullbacks.
///
/// Each derivative is written with `TrackedTensor` operations, so it can itself be
/// differentiated. Where a function has a kink the derivative there is a
/// convention, chosen to match PyTorch and stated on each function; masks that pick
/// a branch are constants, as they are flat almost everywhere.
extension TrackedTensor {
  /// The absolute value of every element.
  ///
  /// Derivative sign(x), so 0 at the kink x = 0 (as PyTorch).
  public func abs() -> TrackedTensor {
    .record(value.abs(), operation: "abs", inputs: [self]) { context in
      [try context.cotangent * TrackedTensor(context.inputs[0].value.sign())]
    }
  }

  /// The sign of every element: -1, 0 or 1.
  ///
  /// Not differentiable: it is flat except at 0, so the result is a constant and
  /// contributes a zero gradient.
  public func sign() -> TrackedTensor {
    TrackedTensor(value.sign())
  }

  /// e raised to every element; its derivative is the result itself.
  public func exp() -> TrackedTensor {
    .record(value.exp(), operation: "exp", inputs: [self]) { context in
      [try context.cotangent * context.output]
    }
  }

  /// The natural logarithm of every element; derivative 1/x.
  public func log() -> TrackedTensor {
    .record(value.log(), operation: "log", inputs: [self]) { context in
      [try context.cotangent / context.inputs[0]]
    }
  }

  /// log(1 + x) for every element; derivative 1/(1 + x).
  public func log1p() -> TrackedTensor {
    .record(value.log1p(), operation: "log1p", inputs: [self]) { context in
      [try context.cotangent / (TrackedTensor(1) + context.inputs[0])]
    }
  }

  /// The square root of every element.
  ///
  /// Derivative 1/(2√x), reusing the result; at x = 0 it is +inf, the true limit.
  public func sqrt() -> TrackedTensor {
    .record(value.sqrt(), operation: "sqrt", inputs: [self]) { context in
      [try context.cotangent / (TrackedTensor(2) * context.output)]
    }
  }

  /// Every element multiplied by itself; derivative 2x.
  public func square() -> TrackedTensor {
    .record(value.square(), operation: "square", inputs: [self]) { context in
      [try context.cotangent * TrackedTensor(2) * context.inputs[0]]
    }
  }

  /// The sine of every element; derivative cos x.
  public func sin() -> TrackedTensor {
    .record(value.sin(), operation: "sin", inputs: [self]) { context in
      [try context.cotangent * context.inputs[0].cos()]
    }
  }

  /// The cosine of every element; derivative -sin x.
  public func cos() -> TrackedTensor {
    .record(value.cos(), operation: "cos", inputs: [self]) { context in
      [try -(context.cotangent * context.inputs[0].sin())]
    }
  }

  /// The hyperbolic tangent of every element.
  ///
  /// With t = tanh x, the derivative is 1 - t², computed from the result.
  public func tanh() -> TrackedTensor {
    .record(value.tanh(), operation: "tanh", inputs: [self]) { context in
      let t = context.output
      return [try context.cotangent * (TrackedTensor(1) - t * t)]
    }
  }

  /// The logistic function 1 / (1 + e^-x) of every element, stable for large |x|.
  ///
  /// With s = sigmoid x, the derivative is s(1 - s), computed from the result.
  public func sigmoid() -> TrackedTensor {
    .record(value.sigmoid(), operation: "sigmoid", inputs: [self]) { context in
      let s = context.output
      return [try context.cotangent * s * (TrackedTensor(1) - s)]
    }
  }

  /// max(x, 0) for every element.
  ///
  /// Derivative 1 where x > 0 and 0 elsewhere, including at the kink x = 0
  /// (as PyTorch).
  public func relu() -> TrackedTensor {
    .record(value.relu(), operation: "relu", inputs: [self]) { context in
      // The result is nonzero exactly where x > 0, so it serves as the mask itself and
      // the gradient is built in one pass, without a separate tensor of 0s and 1s.
      [try Self.select(context.output, context.cotangent, TrackedTensor(0))]
    }
  }

  /// x where x > 0, and `alpha`·x elsewhere.
  ///
  /// Derivative 1 where x > 0 and `alpha` elsewhere, including at the kink x = 0
  /// (as PyTorch).
  ///
  /// - Parameter alpha: the slope for negative inputs; 0.01 by default, as in PyTorch.
  public func leakyRelu(alpha: Double = 0.01) -> TrackedTensor {
    .record(value.leakyRelu(alpha: alpha), operation: "leaky relu", inputs: [self]) { context in
      let slope = context.inputs[0].value.map { $0 > 0 ? 1 : alpha }
      return [try context.cotangent * TrackedTensor(slope)]
    }
  }

  /// log(1 + e^x) for every element, stable for large |x|; its derivative is sigmoid x.
  public func softplus() -> TrackedTensor {
    .record(value.softplus(), operation: "softplus", inputs: [self]) { context in
      [try context.cotangent * context.inputs[0].sigmoid()]
    }
  }

  /// Every element limited to `min...max`; either bound may be `nil`.
  ///
  /// The gradient passes (derivative 1) where min <= x <= max, bounds included as
  /// in PyTorch, and is 0 outside.
  ///
  /// - Throws: `TensorError.invalidArgument` when a bound is NaN or `min` > `max`.
  public func clamped(min lower: Double? = nil, max upper: Double? = nil) throws -> TrackedTensor {
    let result = try value.clamped(min: lower, max: upper)
    let (low, high) = (lower ?? -.infinity, upper ?? .infinity)
    return .record(result, operation: "clamp", inputs: [self]) { context in
      let inside = context.inputs[0].value.map { low <= $0 && $0 <= high ? 1 : 0 }
      return [try context.cotangent * TrackedTensor(inside)]
    }
  }
}
