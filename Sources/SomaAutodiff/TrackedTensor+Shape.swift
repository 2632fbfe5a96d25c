import SomaTensor

/// Reordering, removing and inserting axes, with their pullbacks.
///
/// Each of these moves elements without changing them, so each pullback moves the
/// cotangent back with the inverse rearrangement.
extension TrackedTensor {
  /// This value with its axes reversed; the pullback reverses them again.
  public func transposed() -> TrackedTensor {
    .record(value.transposed(), operation: "transpose", inputs: [self]) {
      [$0.cotangent.transposed()]
    }
  }

  /// This value with axis `k` of the result taken from `axes[k]`; the pullback
  /// permutes by the inverse permutation.
  public func permuted(_ axes: [Int]) throws -> TrackedTensor {
    let result = try value.permuted(axes)
    let inverse = Tensor.inverse(
      permutation: try Tensor.normalize(permutation: axes, rank: value.rank))
    return .record(result, operation: "permute", inputs: [self]) {
      [try $0.cotangent.permuted(inverse)]
    }
  }

  /// This value with two axes exchanged; exchanging them again is the pullback.
  public func swappingAxes(_ first: Int, _ second: Int) throws -> TrackedTensor {
    let result = try value.swappingAxes(first, second)
    return .record(result, operation: "swap axes", inputs: [self]) {
      [try $0.cotangent.swappingAxes(first, second)]
    }
  }

  /// This value without size-1 axes (all, or only `axis`); the pullback restores them.
  public func squeezed(axis: Int? = nil) throws -> TrackedTensor {
    let source = shape
    return .record(try value.squeezed(axis: axis), operation: "squeeze", inputs: [self]) {
      [try $0.cotangent.reshaped(to: source)]
    }
  }

  /// This value with a new size-1 axis at `axis`; the pullback removes it again.
  public func unsqueezed(axis: Int) throws -> TrackedTensor {
    let result = try value.unsqueezed(axis: axis)
    let inserted = try Tensor.normalize(axis: axis, rank: value.rank + 1, operation: "unsqueeze")
    return .record(result, operation: "unsqueeze", inputs: [self]) {
      [try $0.cotangent.squeezed(axis: inserted)]
    }
  }

  /// The elements as a vector; the pullback reshapes the cotangent back.
  public func flattened() -> TrackedTensor {
    let source = shape
    return .record(value.flattened(), operation: "flatten", inputs: [self]) {
      [try $0.cotangent.reshaped(to: source)]
    }
  }
}
