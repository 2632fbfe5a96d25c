import SomaTensor

/// Differentiable reductions, each next to its pullback.
///
/// A reduction's cotangent has the result's shape. Reshaped to the shape with the
/// reduced axis kept as size 1, it broadcasts back over the elements each result
/// came from. Pullbacks use only `TrackedTensor` operations, so they can themselves
/// be differentiated; masks that depend only on which element is largest, or on
/// where a result is zero, are constants, as they do not change under small moves.
extension TrackedTensor {
  /// The sum over all elements or along `axis`; every summand receives the
  /// cotangent of its sum, since ∂(Σ xᵢ)/∂xⱼ = 1.
  public func sum(axis: Int? = nil, keepDims: Bool = false) throws -> TrackedTensor {
    let result = try value.sum(axis: axis, keepDims: keepDims)
    let (source, kept) = try (shape, keptShape(axis: axis, operation: "sum"))
    return .record(result, operation: "sum", inputs: [self]) { context in
      [try context.cotangent.reshaped(to: kept).broadcast(to: source)]
    }
  }

  /// The mean over all elements or along `axis`; each of the n elements receives
  /// 1/n of its mean's cotangent.
  ///
  /// - Throws: as `Tensor.mean`, including `TensorError.emptyReduction`.
  public func mean(axis: Int? = nil, keepDims: Bool = false) throws -> TrackedTensor {
    let result = try value.mean(axis: axis, keepDims: keepDims)
    let (source, kept) = try (shape, keptShape(axis: axis, operation: "mean"))
    let share = TrackedTensor(1 / Double(reducedCount(axis: axis)))
    return .record(result, operation: "mean", inputs: [self]) { context in
      [try (context.cotangent.reshaped(to: kept) * share).broadcast(to: source)]
    }
  }

  /// The largest element over all elements or along `axis`.
  ///
  /// Gradient convention: when several elements tie for the largest, they share the
  /// cotangent equally (each of k tied elements gets 1/k), as PyTorch's `amax` does;
  /// the others get 0. Away from ties this is the ordinary derivative.
  public func max(axis: Int? = nil, keepDims: Bool = false) throws -> TrackedTensor {
    let result = try value.max(axis: axis, keepDims: keepDims)
    return try extremum(result, axis: axis, operation: "max")
  }

  /// The smallest element over all elements or along `axis`.
  ///
  /// Gradient convention: tied smallest elements share the cotangent equally, as
  /// for `max`.
  public func min(axis: Int? = nil, keepDims: Bool = false) throws -> TrackedTensor {
    let result = try value.min(axis: axis, keepDims: keepDims)
    return try extremum(result, axis: axis, operation: "min")
  }

  /// The position of the largest element, as `Tensor.argmax`; a constant, since a
  /// position does not change under small moves and has no useful derivative.
  public func argmax(axis: Int? = nil, keepDims: Bool = false) throws -> TrackedTensor {
    TrackedTensor(try value.argmax(axis: axis, keepDims: keepDims))
  }

  /// The position of the smallest element, as `Tensor.argmin`; a constant.
  public func argmin(axis: Int? = nil, keepDims: Bool = false) throws -> TrackedTensor {
    TrackedTensor(try value.argmin(axis: axis, keepDims: keepDims))
  }

  /// The variance over all elements or along `axis`, dividing by n - `correction`
  /// (0 by default, NumPy's `ddof=0`).
  ///
  /// With mean m and divisor d = n - correction, var = Σ (xᵢ - m)² / d and
  /// ∂var/∂xⱼ = 2(xⱼ - m)/d - (2/(n·d)) Σ (xᵢ - m) = 2(xⱼ - m)/d, as the deviations
  /// from the mean sum to zero.
  ///
  /// - Throws: as `Tensor.variance`.
  public func variance(
    axis: Int? = nil, keepDims: Bool = false, correction: Int = 0
  ) throws -> TrackedTensor {
    let result = try value.variance(axis: axis, keepDims: keepDims, correction: correction)
    let kept = try keptShape(axis: axis, operation: "variance")
    let scale = TrackedTensor(2 / Double(reducedCount(axis: axis) - correction))
    return .record(result, operation: "variance", inputs: [self]) { context in
      let x = context.inputs[0]
      let deviations = try x - x.mean(axis: axis, keepDims: true)
      return [try deviations * (context.cotangent.reshaped(to: kept) * scale)]
    }
  }

  /// The standard deviation, the square root of `variance` with the same arguments.
  ///
  /// With s = √var, ∂s/∂xⱼ = (∂var/∂xⱼ) / (2s) = (xⱼ - m) / (d·s).
  ///
  /// Gradient convention: where s = 0 (all reduced elements equal) the derivative
  /// does not exist; the gradient there is 0 rather than NaN.
  ///
  /// - Throws: as `Tensor.standardDeviation`.
  public func standardDeviation(
    axis: Int? = nil, keepDims: Bool = false, correction: Int = 0
  ) throws -> TrackedTensor {
    let result = try value.standardDeviation(
      axis: axis, keepDims: keepDims, correction: correction)
    let kept = try keptShape(axis: axis, operation: "standardDeviation")
    let divisor = TrackedTensor(Double(reducedCount(axis: axis) - correction))
    return .record(result, operation: "standardDeviation", inputs: [self]) { context in
      let x = context.inputs[0]
      let deviations = try x - x.mean(axis: axis, keepDims: true)
      let slope = try context.cotangent.reshaped(to: kept) / divisor
      let spread = try context.output.reshaped(to: kept)
      return [try deviations * slope.dividedAwayFromZero(by: spread)]
    }
  }

  /// The Euclidean (L2) norm over all elements or along `axis`.
  ///
  /// With r = √(Σ xᵢ²), ∂r/∂xⱼ = xⱼ / r.
  ///
  /// Gradient convention: at the zero vector, where the norm has no derivative, the
  /// gradient is 0 (a valid subgradient) rather than NaN.
  public func norm(axis: Int? = nil, keepDims: Bool = false) throws -> TrackedTensor {
    let result = try value.norm(axis: axis, keepDims: keepDims)
    let kept = try keptShape(axis: axis, operation: "norm")
    return .record(result, operation: "norm", inputs: [self]) { context in
      let length = try context.output.reshaped(to: kept)
      let slope = try context.cotangent.reshaped(to: kept).dividedAwayFromZero(by: length)
      return [try context.inputs[0] * slope]
    }
  }

  /// `max` or `min` with the tie-sharing pullback: the cotangent goes to the elements
  /// equal to the result, split equally among them.
  private func extremum(
    _ result: Tensor, axis: Int?, operation: String
  ) throws -> TrackedTensor {
    let kept = try keptShape(axis: axis, operation: operation)
    return .record(result, operation: operation, inputs: [self]) { context in
      let input = context.inputs[0].value
      let extreme = try context.output.value.reshaped(to: kept)
      // A NaN result came from the NaN elements, so they are the ones that "tie".
      let hits = try input.zip(extreme, operation: operation) { x, best in
        x == best || (x.isNaN && best.isNaN) ? 1 : 0
      }
      let ties = try hits.sum(axis: axis, keepDims: true)
      let shares = try hits.zip(ties, operation: operation) { hit, count in
        count > 0 ? hit / count : 0
      }
      return [try context.cotangent.reshaped(to: kept) * TrackedTensor(shares)]
    }
  }

  /// This value's shape with the reduced axis (every axis for `nil`) set to size 1:
  /// the shape of a result with `keepDims: true`, which broadcasts against this one.
  func keptShape(axis: Int?, operation: String) throws -> [Int] {
    guard let axis else { return Array(repeating: 1, count: shape.count) }
    var kept = shape
    kept[try Tensor.normalize(axis: axis, rank: shape.count, operation: operation)] = 1
    return kept
  }

  /// How many elements reduce to each result element; `axis` must be valid.
  func reducedCount(axis: Int?) -> Int {
    guard let axis else { return value.count }
    return shape[axis < 0 ? axis + shape.count : axis]
  }

  /// This value divided by `divisor`, with 0 wherever `divisor` is 0.
  ///
  /// A differentiable "where": the zero entries of `divisor` are replaced by 1 before
  /// dividing and the matching quotients multiplied by 0, with both masks constant.
  /// Multiplying an infinite or NaN quotient by 0 would give NaN, which replacing the
  /// divisor first avoids.
  func dividedAwayFromZero(by divisor: TrackedTensor) throws -> TrackedTensor {
    let zeros = divisor.value.map { $0 == 0 ? 1 : 0 }
    let keep = TrackedTensor(zeros.map { 1 - $0 })
    return try self / (divisor + TrackedTensor(zeros)) * keep
  }
}
