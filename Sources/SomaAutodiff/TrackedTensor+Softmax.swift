import SomaTensor

/// Differentiable log-sum-exp, softmax and log-softmax, each next to its pullback.
///
/// The three share one derivative: with y = softmax(x) along an axis,
/// ∂yᵢ/∂xⱼ = yᵢ(δᵢⱼ - yⱼ), and ∂ logSumExp(x)/∂xⱼ = yⱼ.
extension TrackedTensor {
  /// log(Σ exp(x)) over all elements or along `axis`, computed stably; its gradient
  /// is the softmax over the same elements.
  ///
  /// Limitation: where every element of a slot is -infinity the value is -infinity,
  /// but the gradient is NaN, since the softmax of such a slot is undefined.
  public func logSumExp(axis: Int? = nil, keepDims: Bool = false) throws -> TrackedTensor {
    let result = try value.logSumExp(axis: axis, keepDims: keepDims)
    let (source, kept) = try (shape, keptShape(axis: axis, operation: "logSumExp"))
    return .record(result, operation: "logSumExp", inputs: [self]) { context in
      let x = context.inputs[0]
      // Over all elements, the softmax is taken over the flattened value.
      let weights =
        if let axis {
          try x.softmax(axis: axis)
        } else {
          try x.reshaped(to: [-1]).softmax(axis: 0).reshaped(to: source)
        }
      return [try weights * context.cotangent.reshaped(to: kept)]
    }
  }

  /// exp(x) / Σ exp(x) along `axis` (the last by default), computed stably.
  ///
  /// For a cotangent g, the pullback is Σᵢ gᵢ yᵢ(δᵢⱼ - yⱼ) = yⱼ (gⱼ - Σᵢ gᵢ yᵢ),
  /// which needs only the result y and a sum along the axis.
  public func softmax(axis: Int = -1) throws -> TrackedTensor {
    let result = try value.softmax(axis: axis)
    return .record(result, operation: "softmax", inputs: [self]) { context in
      let (y, g) = (context.output, context.cotangent)
      return [try y * (g - (g * y).sum(axis: axis, keepDims: true))]
    }
  }

  /// x - logSumExp(x) along `axis` (the last by default), computed stably.
  ///
  /// With zᵢ = xᵢ - logSumExp(x), ∂zᵢ/∂xⱼ = δᵢⱼ - yⱼ where y = softmax(x), so the
  /// pullback of a cotangent g is gⱼ - yⱼ Σᵢ gᵢ.
  public func logSoftmax(axis: Int = -1) throws -> TrackedTensor {
    let result = try value.logSoftmax(axis: axis)
    return .record(result, operation: "logSoftmax", inputs: [self]) { context in
      let (x, g) = (context.inputs[0], context.cotangent)
      return [try g - x.softmax(axis: axis) * g.sum(axis: axis, keepDims: true)]
    }
  }
}
