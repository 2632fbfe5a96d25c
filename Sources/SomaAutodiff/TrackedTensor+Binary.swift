import SomaTensor

/// `pow`, `maximum` and `minimum` with their pullbacks.
///
/// Inputs may have been broadcast, so each input's cotangent is summed back to the
/// input's own shape.
extension TrackedTensor {
  /// `base` raised to `exponent`, element by element, with broadcasting.
  ///
  /// The partial derivatives are ∂(x^y)/∂x = y·x^(y-1) and ∂(x^y)/∂y = x^y·log x.
  /// At x = 0 the formulas meet 0·inf and 0·log 0; there the finite limits are used
  /// instead of NaN: ∂/∂x is 0 when y = 0 (x⁰ is constant), and ∂/∂y is 0 when
  /// y >= 0 (as PyTorch). So x² has slope 0 at 0, while √x = x^0.5 has slope +inf.
  /// A negative base gives a NaN ∂/∂y, as log x is not real there.
  ///
  /// - Throws: `TensorError.broadcastMismatch` when the shapes do not broadcast.
  public static func pow(
    _ base: TrackedTensor, _ exponent: TrackedTensor
  ) throws -> TrackedTensor {
    let result = try Tensor.pow(base.value, exponent.value)
    return .record(result, operation: "pow", inputs: [base, exponent]) { context in
      let (x, y) = (context.inputs[0], context.inputs[1])
      let zeroBase = try Tensor.compare(x.value, .equal, Tensor(0))
      let cotangent = context.cotangent
      var gradients: [TrackedTensor?] = [nil, nil]
      if context.needsGradient[0] {
        // Where x = y = 0, take x^0 = 1 in place of x^(y-1) = inf: y times it is then
        // 0, the limit, and its own derivatives stay finite as well.
        let bothZero = try zeroBase * Tensor.compare(y.value, .equal, Tensor(0))
        let power = try select(TrackedTensor(bothZero), TrackedTensor(1), y) - TrackedTensor(1)
        let slope = try cotangent * y * TrackedTensor.pow(x, power)
        gradients[0] = try slope.summed(toShape: x.shape)
      }
      if context.needsGradient[1] {
        // Where x = 0 and y >= 0, take log 1 = 0 in place of log 0 = -inf, giving the
        // limit 0 of x^y·log x instead of 0·(-inf).
        let settled = try zeroBase * Tensor.compare(y.value, .greaterOrEqual, Tensor(0))
        let safeBase = try select(TrackedTensor(settled), TrackedTensor(1), x)
        let slope = try cotangent * context.output * safeBase.log()
        gradients[1] = try slope.summed(toShape: y.shape)
      }
      return gradients
    }
  }

  /// The larger of each pair of elements, with broadcasting.
  ///
  /// The gradient goes to the larger element; at a tie it is split evenly, half to
  /// each (as PyTorch's `torch.maximum`).
  ///
  /// - Throws: `TensorError.broadcastMismatch` when the shapes do not broadcast.
  public static func maximum(_ lhs: TrackedTensor, _ rhs: TrackedTensor) throws -> TrackedTensor {
    let result = try Tensor.maximum(lhs.value, rhs.value)
    return .record(result, operation: "maximum", inputs: [lhs, rhs]) { context in
      try extremumPullback(context, winner: .greater)
    }
  }

  /// The smaller of each pair of elements, with broadcasting.
  ///
  /// The gradient goes to the smaller element; at a tie it is split evenly, half to
  /// each (as PyTorch's `torch.minimum`).
  ///
  /// - Throws: `TensorError.broadcastMismatch` when the shapes do not broadcast.
  public static func minimum(_ lhs: TrackedTensor, _ rhs: TrackedTensor) throws -> TrackedTensor {
    let result = try Tensor.minimum(lhs.value, rhs.value)
    return .record(result, operation: "minimum", inputs: [lhs, rhs]) { context in
      try extremumPullback(context, winner: .less)
    }
  }

  /// Sends the cotangent to whichever input is chosen by `winner` (1 for the left
  /// input winning, a half each for a tie); constant masks, as the choice is flat.
  private static func extremumPullback(
    _ context: PullbackContext, winner: Comparison
  ) throws -> [TrackedTensor?] {
    let (a, b) = (context.inputs[0], context.inputs[1])
    let tie = try Tensor.compare(a.value, .equal, b.value) * Tensor(0.5)
    let shares = [
      try Tensor.compare(a.value, winner, b.value) + tie,
      try Tensor.compare(b.value, winner, a.value) + tie,
    ]
    return try [a, b].indices.map { index -> TrackedTensor? in
      guard context.needsGradient[index] else { return nil }
      let share = try context.cotangent * TrackedTensor(shares[index])
      return try share.summed(toShape: context.inputs[index].shape)
    }
  }
}
