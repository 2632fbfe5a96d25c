import Foundation

/// Log-sum-exp and the softmax family, computed without overflow.
///
/// `exp` overflows for arguments above about 709, so every function here first
/// subtracts the largest element m of each slot: log Σ exp(xᵢ) = m + log Σ exp(xᵢ - m),
/// where every exp(xᵢ - m) <= 1 and the largest is exactly 1, so the sum cannot
/// underflow to 0 either.
extension Tensor {
  /// log(Σ exp(x)) over all elements or along `axis`, computed stably.
  ///
  /// A slot whose elements are all -infinity, or that is empty, gives -infinity (the
  /// log of a zero sum) rather than NaN.
  ///
  /// ```swift
  /// try Tensor([1000, 1000]).logSumExp()  // 1000 + log 2, not infinity
  /// ```
  ///
  /// - Throws: `TensorError.axisOutOfRange` for an axis outside `-rank..<rank`.
  public func logSumExp(axis: Int? = nil, keepDims: Bool = false) throws -> Tensor {
    let layout = try ReductionLayout(
      shape: shape, axis: axis, keepDims: keepDims, operation: "logSumExp")
    return layout.result(logSumExps(layout))
  }

  /// exp(x) / Σ exp(x) along `axis` (the last by default), computed stably.
  ///
  /// Each slot along `axis` becomes a probability distribution: non-negative and
  /// summing to 1. A slot whose elements are all -infinity has no distribution and
  /// gives NaN, as in PyTorch.
  ///
  /// - Throws: `TensorError.axisOutOfRange`; a number (rank 0) has no axis to
  ///   normalise along.
  public func softmax(axis: Int = -1) throws -> Tensor {
    let layout = try ReductionLayout(
      shape: shape, axis: axis, keepDims: true, operation: "softmax")
    // exp(xᵢ - m) / Σ exp(x - m) with m the largest element: the same ratio, and every
    // exponential is at most 1.
    let exponentials = mapSlots(layout, centres: maxima(layout)) { x, largest in
      Foundation.exp(x - largest)
    }
    let powers = Tensor(unchecked: shape, scalars: exponentials)
    let totals = powers.sums(layout) { x, _ in x }
    return Tensor(unchecked: shape, scalars: powers.mapSlots(layout, centres: totals, /))
  }

  /// log(softmax(x)) = x - logSumExp(x) along `axis` (the last by default).
  ///
  /// Computed directly rather than as the log of `softmax`, which would give
  /// -infinity wherever the probability underflows to 0. A slot whose elements are
  /// all -infinity gives NaN, as in PyTorch.
  ///
  /// - Throws: `TensorError.axisOutOfRange`; a number (rank 0) has no axis.
  public func logSoftmax(axis: Int = -1) throws -> Tensor {
    let layout = try ReductionLayout(
      shape: shape, axis: axis, keepDims: true, operation: "logSoftmax")
    let values = mapSlots(layout, centres: logSumExps(layout)) { x, total in x - total }
    return Tensor(unchecked: shape, scalars: values)
  }

  /// The log-sum-exp of each slot of `layout`.
  func logSumExps(_ layout: ReductionLayout) -> [Double] {
    let shifts = maxima(layout)
    let totals = sums(layout, centres: shifts) { x, largest in Foundation.exp(x - largest) }
    return Swift.zip(shifts, totals).map { largest, sum in
      // An infinite maximum is the answer: +inf dominates, and -inf means every term is
      // exp(-inf) = 0. Shifting by it would give inf - inf = NaN instead.
      largest.isInfinite ? largest : largest + Foundation.log(sum)
    }
  }
}
