import SomaTensor

/// The arithmetic operators with their pullbacks.
///
/// Inputs may have been broadcast, so each input's cotangent is summed back to the
/// input's own shape.
extension TrackedTensor {
  /// Elementwise sum: ∂(a + b)/∂a = ∂(a + b)/∂b = 1.
  public static func + (lhs: TrackedTensor, rhs: TrackedTensor) throws -> TrackedTensor {
    let (left, right) = (lhs.shape, rhs.shape)
    return .record(try lhs.value + rhs.value, operation: "+", inputs: [lhs, rhs]) { context in
      [
        try context.cotangent.summed(toShape: left),
        try context.cotangent.summed(toShape: right),
      ]
    }
  }

  /// Elementwise difference: ∂(a - b)/∂a = 1, ∂(a - b)/∂b = -1.
  public static func - (lhs: TrackedTensor, rhs: TrackedTensor) throws -> TrackedTensor {
    let (left, right) = (lhs.shape, rhs.shape)
    return .record(try lhs.value - rhs.value, operation: "-", inputs: [lhs, rhs]) { context in
      [
        try context.cotangent.summed(toShape: left),
        try (-context.cotangent).summed(toShape: right),
      ]
    }
  }

  /// Elementwise product: ∂(a·b)/∂a = b, ∂(a·b)/∂b = a.
  public static func * (lhs: TrackedTensor, rhs: TrackedTensor) throws -> TrackedTensor {
    return .record(try lhs.value * rhs.value, operation: "*", inputs: [lhs, rhs]) { context in
      let (a, b) = (context.inputs[0], context.inputs[1])
      return [
        context.needsGradient[0] ? try (context.cotangent * b).summed(toShape: a.shape) : nil,
        context.needsGradient[1] ? try (context.cotangent * a).summed(toShape: b.shape) : nil,
      ]
    }
  }

  /// Elementwise quotient: ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = -a/b² = -(a/b)/b.
  public static func / (lhs: TrackedTensor, rhs: TrackedTensor) throws -> TrackedTensor {
    return .record(try lhs.value / rhs.value, operation: "/", inputs: [lhs, rhs]) { context in
      let (a, b) = (context.inputs[0], context.inputs[1])
      let scaled = try context.cotangent / b
      return [
        context.needsGradient[0] ? try scaled.summed(toShape: a.shape) : nil,
        context.needsGradient[1]
          ? try (-(scaled * context.output)).summed(toShape: b.shape) : nil,
      ]
    }
  }

  /// Elementwise negation.
  public static prefix func - (operand: TrackedTensor) -> TrackedTensor {
    .record(-operand.value, operation: "neg", inputs: [operand]) { [-$0.cotangent] }
  }
}
