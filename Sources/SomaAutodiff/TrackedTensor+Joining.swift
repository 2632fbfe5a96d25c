import SomaTensor

/// Reshaping, joining and cutting along an axis, with their pullbacks.
extension TrackedTensor {
  /// The same elements under a new shape (one size may be -1); the pullback reshapes back.
  public func reshaped(to newShape: [Int]) throws -> TrackedTensor {
    let source = shape
    return .record(try value.reshaped(to: newShape), operation: "reshape", inputs: [self]) {
      [try $0.cotangent.reshaped(to: source)]
    }
  }

  /// The values joined along an existing axis; each input's cotangent is its band of
  /// the result's cotangent.
  public static func concatenate(_ parts: [TrackedTensor], axis: Int) throws -> TrackedTensor {
    let value = try Tensor.concatenate(parts.map(\.value), axis: axis)
    let axis = try Tensor.normalize(axis: axis, rank: value.rank, operation: "concat")
    let lengths = parts.map { $0.shape[axis] }
    return .record(value, operation: "concat", inputs: parts) { context in
      var start = 0
      return try lengths.enumerated().map { index, length in
        defer { start += length }
        guard context.needsGradient[index] else { return nil }
        return try context.cotangent.narrowed(alongAxis: axis, start: start, length: length)
      }
    }
  }

  /// The values, all of one shape, stacked along a new axis.
  public static func stack(_ parts: [TrackedTensor], axis: Int) throws -> TrackedTensor {
    guard let first = parts.first else {
      throw TensorError.invalidArgument(operation: "stack", message: "needs at least one tensor")
    }
    let axis = try Tensor.normalize(axis: axis, rank: first.value.rank + 1, operation: "stack")
    var expanded = first.shape
    expanded.insert(1, at: axis)
    for part in parts where part.shape != first.shape {
      throw TensorError.incompatibleShapes(
        operation: "stack", lhs: first.shape, rhs: part.shape,
        reason: "all tensors must have the same shape")
    }
    return try concatenate(parts.map { try $0.reshaped(to: expanded) }, axis: axis)
  }

  /// The band `start..<start + length` of `axis`; the pullback pads the cotangent with
  /// zeros back to this value's size.
  public func narrowed(alongAxis axis: Int, start: Int, length: Int) throws -> TrackedTensor {
    let size = try shape[Tensor.normalize(axis: axis, rank: value.rank, operation: "narrow")]
    let result = try value.narrowed(alongAxis: axis, start: start, length: length)
    return .record(result, operation: "narrow", inputs: [self]) {
      [try $0.cotangent.padded(alongAxis: axis, before: start, after: size - start - length)]
    }
  }

  /// This value with zeros around it along `axis`; the pullback cuts the band back out.
  public func padded(alongAxis axis: Int, before: Int, after: Int) throws -> TrackedTensor {
    let result = try value.padded(alongAxis: axis, before: before, after: after)
    let length = shape[try Tensor.normalize(axis: axis, rank: value.rank, operation: "pad")]
    return .record(result, operation: "pad", inputs: [self]) {
      [try $0.cotangent.narrowed(alongAxis: axis, start: before, length: length)]
    }
  }
}
