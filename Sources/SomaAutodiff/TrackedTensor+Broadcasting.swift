import SomaTensor

/// Broadcasting and its adjoint, summing back to a shape.
///
/// The two are each other's pullbacks: copying a value to many places sends the sum
/// of their cotangents back, and summing sends one cotangent to every summand.
extension TrackedTensor {
  /// This value repeated along broadcast axes to `target`.
  public func broadcast(to target: [Int]) throws -> TrackedTensor {
    if shape == target { return self }
    let source = shape
    return .record(try value.broadcast(to: target), operation: "broadcast", inputs: [self]) {
      [try $0.cotangent.summed(toShape: source)]
    }
  }

  /// This value summed down to `target`, a shape that broadcasts to this one.
  public func summed(toShape target: [Int]) throws -> TrackedTensor {
    if shape == target { return self }
    let source = shape
    return .record(try value.summed(toShape: target), operation: "sum to shape", inputs: [self]) {
      [try $0.cotangent.broadcast(to: source)]
    }
  }
}
