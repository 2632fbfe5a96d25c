/// Building selections for basic indexing and `take`.
extension ElementSelection {
  /// The selection made by basic indexing of a tensor of `shape`.
  ///
  /// Axes not reached by `indices` are taken whole.
  ///
  /// - Throws: `TensorError.invalidArgument` for too many indices or a zero step,
  ///   `TensorError.indexOutOfRange` for an integer index outside its axis.
  public init(indexing shape: [Int], by indices: [TensorIndex]) throws {
    let used = indices.filter { $0 != .newAxis }.count
    guard used <= shape.count else {
      throw TensorError.invalidArgument(
        operation: "index",
        message: "too many indices for a tensor of shape \(formatShape(shape)): it has "
          + "\(shape.count) \(shape.count == 1 ? "axis" : "axes"), but \(used) "
          + "\(used == 1 ? "was" : "were") given")
    }
    let strides = Self.strides(of: shape)
    let padded = indices + Array(repeating: TensorIndex.all, count: shape.count - used)
    var resultShape: [Int] = []
    var steps: [[Int]] = []
    var base = 0
    var axis = 0
    for index in padded {
      switch index {
      case .newAxis:
        resultShape.append(1)
        steps.append([0])
      case .at(let position):
        let resolved = try Tensor.resolve(index: position, axis: axis, size: shape[axis])
        base += resolved * strides[axis]
        axis += 1
      case .range(let start, let end, let step):
        let positions = try TensorIndex.positions(
          start: start, end: end, step: step, size: shape[axis])
        resultShape.append(positions.count)
        steps.append(positions.map { $0 * strides[axis] })
        axis += 1
      }
    }
    self.init(
      sourceShape: shape, shape: resultShape,
      offsets: Self.combinedOffsets(steps, base: base))
  }

  /// The selection made by NumPy's `take`: whole slices along `axis` at `indices`.
  ///
  /// The result has shape `shape[..<axis] + indices.shape + shape[(axis + 1)...]`.
  ///
  /// - Throws: `TensorError.axisOutOfRange`, `TensorError.invalidArgument` for an
  ///   index that is not a whole number, `TensorError.indexOutOfRange` for one
  ///   outside the axis (negative indices count from the end).
  public init(taking indices: Tensor, alongAxis axis: Int, of shape: [Int]) throws {
    let axis = try Tensor.normalize(axis: axis, rank: shape.count, operation: "take")
    let size = shape[axis]
    let resultShape = shape[..<axis] + indices.shape + shape[(axis + 1)...]
    try Tensor.validate(shape: Array(resultShape), operation: "take")
    let strides = Self.strides(of: shape)
    let positions = try indices.scalars.map { value in
      let index = try Tensor.wholeNumber(value, operation: "take")
      return try Tensor.resolve(index: index, axis: axis, size: size) * strides[axis]
    }
    var steps = (0..<axis).map { Self.wholeAxis(size: shape[$0], stride: strides[$0]) }
    steps.append(positions)
    for inner in (axis + 1)..<shape.count {
      steps.append(Self.wholeAxis(size: shape[inner], stride: strides[inner]))
    }
    self.init(
      sourceShape: shape, shape: Array(resultShape), offsets: Self.combinedOffsets(steps))
  }
}

/// Reading and writing parts of a tensor: basic indexing, `take` and `oneHot`.
extension Tensor {
  /// The part of this tensor picked out by a NumPy-style basic index.
  ///
  /// ```swift
  /// // x has shape [3, 4]; this is x[-1, ::2] in NumPy.
  /// try x.indexed(by: [.at(-1), .range(start: nil, end: nil, step: 2)])  // shape [2]
  /// ```
  ///
  /// - Throws: `TensorError.indexOutOfRange` for an integer index outside its axis,
  ///   `TensorError.invalidArgument` for too many indices or a zero step.
  public func indexed(by indices: [TensorIndex]) throws -> Tensor {
    try ElementSelection(indexing: shape, by: indices).gather(from: self)
  }

  /// This tensor with the part picked out by `indices` replaced by `values`.
  ///
  /// `values` is broadcast to the shape of that part, so `x[1:3] = 0` is
  /// `x.replacing([.range(start: 1, end: 3, step: nil)], with: Tensor(0))`.
  ///
  /// - Throws: the errors of `indexed(by:)`, and `TensorError.broadcastMismatch`
  ///   when `values` does not broadcast to the indexed part.
  public func replacing(_ indices: [TensorIndex], with values: Tensor) throws -> Tensor {
    try ElementSelection(indexing: shape, by: indices).replace(in: self, with: values)
  }

  /// The slices along `axis` at each of `indices`, with NumPy's `take` semantics.
  ///
  /// The result has shape `shape[..<axis] + indices.shape + shape[(axis + 1)...]`;
  /// an index may repeat and may be negative.
  ///
  /// - Throws: `TensorError.axisOutOfRange`, `TensorError.invalidArgument` for an
  ///   index that is not a whole number, `TensorError.indexOutOfRange` for one
  ///   outside the axis.
  public func take(_ indices: Tensor, axis: Int) throws -> Tensor {
    try ElementSelection(taking: indices, alongAxis: axis, of: shape).gather(from: self)
  }

  /// One-hot vectors: for each class index, a vector of `classes` zeros with a 1 there.
  ///
  /// The result has shape `indices.shape + [classes]`.
  ///
  /// - Throws: `TensorError.invalidArgument` for a negative `classes` or an index
  ///   that is not a whole number in `0..<classes`.
  public static func oneHot(_ indices: Tensor, classes: Int) throws -> Tensor {
    guard classes >= 0 else {
      throw TensorError.invalidArgument(
        operation: "oneHot", message: "the number of classes must be >= 0, but got \(classes)")
    }
    let shape = indices.shape + [classes]
    try validate(shape: shape, operation: "oneHot")
    var scalars = [Double](repeating: 0, count: shape.reduce(1, *))
    for (position, value) in indices.scalars.enumerated() {
      let index = try wholeNumber(value, operation: "oneHot")
      guard index >= 0 && index < classes else {
        throw TensorError.invalidArgument(
          operation: "oneHot", message: "class index \(index) is not in 0..<\(classes)")
      }
      scalars[position * classes + index] = 1
    }
    return Tensor(unchecked: shape, scalars: scalars)
  }

  /// An index stored as a `Double`, checked to be a whole number.
  ///
  /// Whole numbers beyond the range of `Int` become `Int.max` or `Int.min`, which any
  /// later range check rejects.
  ///
  /// - Throws: `TensorError.invalidArgument` for a fraction, infinity or NaN.
  static func wholeNumber(_ value: Double, operation: String) throws -> Int {
    guard value.isFinite, value.rounded(.towardZero) == value else {
      throw TensorError.invalidArgument(
        operation: operation,
        message: "indices must be whole numbers, but got \(formatNumber(value))")
    }
    return Int(exactly: value) ?? (value > 0 ? Int.max : Int.min)
  }
}
