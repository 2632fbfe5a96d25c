import SomaTensor

/// Comparisons and choosing by a mask.
///
/// A comparison is flat wherever it is defined, so its result is a constant with no
/// gradient; `select` passes gradients to the two values it chooses between, but
/// never to its condition.
extension TrackedTensor {
  /// 1 where `lhs[i] <comparison> rhs[i]` holds and 0 elsewhere, with broadcasting.
  ///
  /// Not differentiable: the result is a constant.
  ///
  /// - Throws: `TensorError.broadcastMismatch` when the shapes do not broadcast.
  public static func compare(
    _ lhs: TrackedTensor, _ comparison: Comparison, _ rhs: TrackedTensor
  ) throws -> TrackedTensor {
    TrackedTensor(try Tensor.compare(lhs.value, comparison, rhs.value))
  }

  /// `whereTrue` where `condition` is nonzero and `whereFalse` elsewhere, with all
  /// three broadcast to one shape (NumPy's `where`).
  ///
  /// Each chosen element's gradient goes to the value it came from; the other value
  /// gets 0 there. The condition gets no gradient.
  ///
  /// - Throws: `TensorError.broadcastMismatch` when the shapes do not broadcast.
  public static func select(
    _ condition: TrackedTensor, _ whereTrue: TrackedTensor, _ whereFalse: TrackedTensor
  ) throws -> TrackedTensor {
    let mask = condition.detached
    let result = try Tensor.select(mask.value, whereTrue.value, whereFalse.value)
    return .record(result, operation: "select", inputs: [whereTrue, whereFalse]) { context in
      let zero = TrackedTensor(0)
      let (yes, no) = (context.inputs[0], context.inputs[1])
      return [
        context.needsGradient[0]
          ? try select(mask, context.cotangent, zero).summed(toShape: yes.shape) : nil,
        context.needsGradient[1]
          ? try select(mask, zero, context.cotangent).summed(toShape: no.shape) : nil,
      ]
    }
  }
}
