/// Reordering, removing and inserting axes.
///
/// Squeezing, unsqueezing and flattening keep the row-major order of the elements and
/// only change the shape; transposing and permuting move elements.
extension Tensor {
  /// This tensor with its axes in reverse order, like NumPy's `.T`.
  ///
  /// A matrix becomes its transpose; a number or a vector is returned unchanged.
  public func transposed() -> Tensor {
    if rank < 2 { return self }
    return permutedUnchecked(Array((0..<rank).reversed()))
  }

  /// This tensor with its axes rearranged: axis `k` of the result is `axes[k]` here.
  ///
  /// `axes` must name every axis exactly once; negative axes count from the end.
  ///
  /// ```swift
  /// x.shape                         // [2, 3, 4]
  /// try x.permuted([2, 0, 1]).shape  // [4, 2, 3]
  /// ```
  ///
  /// - Throws: `TensorError.invalidArgument` when `axes` has the wrong length or
  ///   repeats an axis, `TensorError.axisOutOfRange` for an axis that does not exist.
  public func permuted(_ axes: [Int]) throws -> Tensor {
    let resolved = try Self.normalize(permutation: axes, rank: rank)
    return permutedUnchecked(resolved)
  }

  /// This tensor with two axes exchanged; `swappingAxes(-2, -1)` transposes the last two.
  ///
  /// - Throws: `TensorError.axisOutOfRange` for an axis that does not exist.
  public func swappingAxes(_ first: Int, _ second: Int) throws -> Tensor {
    let first = try Self.normalize(axis: first, rank: rank, operation: "swap axes")
    let second = try Self.normalize(axis: second, rank: rank, operation: "swap axes")
    var axes = Array(0..<rank)
    axes.swapAt(first, second)
    return permutedUnchecked(axes)
  }

  /// This tensor without axes of size 1: all of them, or only `axis` when given.
  ///
  /// - Throws: `TensorError.axisOutOfRange` for an axis that does not exist and
  ///   `TensorError.invalidArgument` when `axis` does not have size 1.
  public func squeezed(axis: Int? = nil) throws -> Tensor {
    guard let axis else {
      return Tensor(unchecked: shape.filter { $0 != 1 }, scalars: scalars)
    }
    let resolved = try Self.normalize(axis: axis, rank: rank, operation: "squeeze")
    guard shape[resolved] == 1 else {
      throw TensorError.invalidArgument(
        operation: "squeeze",
        message: "cannot remove axis \(axis) of size \(shape[resolved]) from shape "
          + "\(formatShape(shape)); only axes of size 1 can be removed")
    }
    var newShape = shape
    newShape.remove(at: resolved)
    return Tensor(unchecked: newShape, scalars: scalars)
  }

  /// This tensor with a new axis of size 1 inserted so that it becomes axis `axis`.
  ///
  /// `axis` lies in `-(rank + 1)...rank`; -1 appends the new axis at the end.
  ///
  /// - Throws: `TensorError.invalidArgument` for an axis outside that range.
  public func unsqueezed(axis: Int) throws -> Tensor {
    guard axis >= -(rank + 1) && axis <= rank else {
      throw TensorError.invalidArgument(
        operation: "unsqueeze",
        message: "axis \(axis) is out of range for a tensor of rank \(rank); a new axis "
          + "can be inserted at \(-(rank + 1)) to \(rank)")
    }
    var newShape = shape
    newShape.insert(1, at: axis < 0 ? axis + rank + 1 : axis)
    return Tensor(unchecked: newShape, scalars: scalars)
  }

  /// The elements as a vector in row-major order; a number becomes a vector of one.
  public func flattened() -> Tensor {
    Tensor(unchecked: [count], scalars: scalars)
  }

  /// Checks that `axes` names each of `0..<rank` once and returns it non-negative.
  ///
  /// - Throws: `TensorError.invalidArgument` or `TensorError.axisOutOfRange`.
  public static func normalize(permutation axes: [Int], rank: Int) throws -> [Int] {
    guard axes.count == rank else {
      throw TensorError.invalidArgument(
        operation: "permute",
        message: "a tensor of rank \(rank) needs \(rank) axes, but \(axes.count) "
          + "\(axes.count == 1 ? "was" : "were") given")
    }
    var seen = [Bool](repeating: false, count: rank)
    var resolved: [Int] = []
    for axis in axes {
      let axisIndex = try normalize(axis: axis, rank: rank, operation: "permute")
      guard !seen[axisIndex] else {
        throw TensorError.invalidArgument(
          operation: "permute",
          message: "axis \(axisIndex) appears more than once in \(axes)")
      }
      seen[axisIndex] = true
      resolved.append(axisIndex)
    }
    return resolved
  }

  /// The axes that undo the permutation `axes`: permuting by both restores the order.
  public static func inverse(permutation axes: [Int]) -> [Int] {
    var inverse = [Int](repeating: 0, count: axes.count)
    for (position, axis) in axes.enumerated() { inverse[axis] = position }
    return inverse
  }

  /// Moves elements so that result axis `k` is axis `axes[k]` here; `axes` is valid.
  private func permutedUnchecked(_ axes: [Int]) -> Tensor {
    if axes == Array(0..<rank) { return self }
    let strides = ElementSelection.strides(of: shape)
    let newShape = axes.map { shape[$0] }
    let steps = axes.map { ElementSelection.wholeAxis(size: shape[$0], stride: strides[$0]) }
    let offsets = ElementSelection.combinedOffsets(steps)
    let scalars = self.scalars.withUnsafeBufferPointer { buffer in offsets.map { buffer[$0] } }
    return Tensor(unchecked: newShape, scalars: scalars)
  }
}
