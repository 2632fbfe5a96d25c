/// Joining tensors along an axis, and the inverse operations of taking a band of one
/// axis out (`narrowed`) and surrounding it with zeros (`padded`).
extension Tensor {
  /// Checks `axis` against `rank`, allowing negative axes, and returns it as 0-based.
  ///
  /// - Throws: `TensorError.axisOutOfRange` naming `operation`.
  public static func normalize(axis: Int, rank: Int, operation: String) throws -> Int {
    let resolved = axis < 0 ? axis + rank : axis
    guard resolved >= 0 && resolved < rank else {
      throw TensorError.axisOutOfRange(operation: operation, axis: axis, rank: rank)
    }
    return resolved
  }

  /// The tensors joined along an existing axis; all other sizes must agree.
  ///
  /// - Throws: `TensorError.invalidArgument` for an empty list,
  ///   `TensorError.incompatibleShapes` when sizes off the axis differ.
  public static func concatenate(_ tensors: [Tensor], axis: Int) throws -> Tensor {
    guard let first = tensors.first else {
      throw TensorError.invalidArgument(operation: "concat", message: "needs at least one tensor")
    }
    let axis = try normalize(axis: axis, rank: first.rank, operation: "concat")
    for tensor in tensors {
      var expected = first.shape
      var actual = tensor.shape
      guard actual.count == expected.count else {
        throw TensorError.incompatibleShapes(
          operation: "concat", lhs: first.shape, rhs: tensor.shape,
          reason: "they have different numbers of axes")
      }
      expected[axis] = 0
      actual[axis] = 0
      guard actual == expected else {
        throw TensorError.incompatibleShapes(
          operation: "concat", lhs: first.shape, rhs: tensor.shape,
          reason: "sizes must agree on every axis except axis \(axis)")
      }
    }
    var shape = first.shape
    shape[axis] = tensors.reduce(0) { $0 + $1.shape[axis] }
    let outer = first.shape[..<axis].reduce(1, *)
    var scalars: [Double] = []
    scalars.reserveCapacity(shape.reduce(1, *))
    for block in 0..<outer {
      for tensor in tensors {
        let length = tensor.shape[axis...].reduce(1, *)
        scalars.append(contentsOf: tensor.scalars[block * length..<(block + 1) * length])
      }
    }
    return Tensor(unchecked: shape, scalars: scalars)
  }

  /// The tensors, all of one shape, stacked along a new axis.
  ///
  /// - Throws: `TensorError.invalidArgument` for an empty list,
  ///   `TensorError.incompatibleShapes` when shapes differ.
  public static func stack(_ tensors: [Tensor], axis: Int) throws -> Tensor {
    guard let first = tensors.first else {
      throw TensorError.invalidArgument(operation: "stack", message: "needs at least one tensor")
    }
    let axis = try normalize(axis: axis, rank: first.rank + 1, operation: "stack")
    for tensor in tensors where tensor.shape != first.shape {
      throw TensorError.incompatibleShapes(
        operation: "stack", lhs: first.shape, rhs: tensor.shape,
        reason: "all tensors must have the same shape")
    }
    var expanded = first.shape
    expanded.insert(1, at: axis)
    return try concatenate(tensors.map { try $0.reshaped(to: expanded) }, axis: axis)
  }

  /// The elements at positions `start..<start + length` along `axis`.
  ///
  /// - Throws: `TensorError.axisOutOfRange`, or `TensorError.invalidArgument` when the
  ///   band does not lie inside the axis.
  public func narrowed(alongAxis axis: Int, start: Int, length: Int) throws -> Tensor {
    let axis = try Self.normalize(axis: axis, rank: rank, operation: "narrow")
    guard start >= 0, length >= 0, start + length <= shape[axis] else {
      throw TensorError.invalidArgument(
        operation: "narrow",
        message: "positions \(start)..<\(start + length) do not fit axis \(axis) of size "
          + "\(shape[axis])")
    }
    var resultShape = shape
    resultShape[axis] = length
    let inner = shape[(axis + 1)...].reduce(1, *)
    let outer = shape[..<axis].reduce(1, *)
    var result: [Double] = []
    result.reserveCapacity(resultShape.reduce(1, *))
    for block in 0..<outer {
      let base = (block * shape[axis] + start) * inner
      result.append(contentsOf: scalars[base..<base + length * inner])
    }
    return Tensor(unchecked: resultShape, scalars: result)
  }

  /// This tensor with `before` and `after` slices of zeros added along `axis`.
  ///
  /// - Throws: `TensorError.axisOutOfRange`, or `TensorError.invalidArgument` for
  ///   negative padding.
  public func padded(alongAxis axis: Int, before: Int, after: Int) throws -> Tensor {
    let axis = try Self.normalize(axis: axis, rank: rank, operation: "pad")
    guard before >= 0, after >= 0 else {
      throw TensorError.invalidArgument(operation: "pad", message: "padding must be >= 0")
    }
    var pieces: [Tensor] = []
    for size in [before, after] {
      var pieceShape = shape
      pieceShape[axis] = size
      pieces.append(try Tensor.zeros(pieceShape))
    }
    return try Self.concatenate([pieces[0], self, pieces[1]], axis: axis)
  }
}
