/// NumPy's broadcasting rules and the elementwise loops built on them.
///
/// Two shapes broadcast when, aligned from their last axis, each pair of sizes is
/// equal or one of them is 1; a missing leading axis counts as size 1.
extension Tensor {
  /// The shape that `lhs` and `rhs` broadcast to.
  ///
  /// - Throws: `TensorError.broadcastMismatch` naming `operation` and both shapes.
  public static func broadcastShape(
    _ lhs: [Int], _ rhs: [Int], operation: String
  ) throws -> [Int] {
    let rank = Swift.max(lhs.count, rhs.count)
    var result = [Int](repeating: 1, count: rank)
    for axis in 0..<rank {
      let left = axis < rank - lhs.count ? 1 : lhs[axis - (rank - lhs.count)]
      let right = axis < rank - rhs.count ? 1 : rhs[axis - (rank - rhs.count)]
      guard left == right || left == 1 || right == 1 else {
        throw TensorError.broadcastMismatch(operation: operation, lhs: lhs, rhs: rhs)
      }
      result[axis] = left == 1 ? right : left
    }
    return result
  }

  /// Row-major strides of `shape` as seen from a broadcast `target` shape: axes that
  /// are missing or of size 1 get stride 0, so one element is reused along them.
  static func broadcastStrides(of shape: [Int], into target: [Int]) -> [Int] {
    var strides = [Int](repeating: 0, count: target.count)
    var step = 1
    for axis in stride(from: shape.count - 1, through: 0, by: -1) {
      let targetAxis = axis + target.count - shape.count
      strides[targetAxis] = shape[axis] == 1 ? 0 : step
      step *= shape[axis]
    }
    return strides
  }

  /// This tensor repeated along broadcast axes to `target`.
  ///
  /// - Throws: `TensorError.broadcastMismatch` when the shapes are incompatible.
  public func broadcast(to target: [Int]) throws -> Tensor {
    let result = try Self.broadcastShape(shape, target, operation: "broadcast")
    guard result == target else {
      throw TensorError.broadcastMismatch(operation: "broadcast", lhs: shape, rhs: target)
    }
    if shape == target { return self }
    return try zip(Tensor(repeating: 0, shape: target), operation: "broadcast") { value, _ in
      value
    }
  }

  /// Applies `transform` to every element.
  public func map(_ transform: (Double) -> Double) -> Tensor {
    // Writing into uninitialised storage skips `Array.map`'s per-element capacity
    // checks, which matters for the elementwise functions on large tensors.
    let result = [Double](unsafeUninitializedCapacity: count) { buffer, initialised in
      scalars.withUnsafeBufferPointer { source in
        for index in 0..<source.count { buffer[index] = transform(source[index]) }
      }
      initialised = count
    }
    return Tensor(unchecked: shape, scalars: result)
  }

  /// Combines two tensors element by element after broadcasting them to a common shape.
  ///
  /// - Throws: `TensorError.broadcastMismatch` naming `operation` when the shapes differ
  ///   in a way broadcasting cannot reconcile.
  public func zip(
    _ other: Tensor, operation: String, _ combine: (Double, Double) -> Double
  ) throws -> Tensor {
    if shape == other.shape {
      let result = [Double](unsafeUninitializedCapacity: count) { buffer, initialised in
        scalars.withUnsafeBufferPointer { left in
          other.scalars.withUnsafeBufferPointer { right in
            for index in 0..<left.count { buffer[index] = combine(left[index], right[index]) }
          }
        }
        initialised = count
      }
      return Tensor(unchecked: shape, scalars: result)
    }
    let resultShape = try Self.broadcastShape(shape, other.shape, operation: operation)
    if other.count == 1 && resultShape == shape {
      let right = other.scalars[0]
      return map { combine($0, right) }
    }
    if count == 1 && resultShape == other.shape {
      let left = scalars[0]
      return other.map { combine(left, $0) }
    }
    return Self.broadcastingZip(self, other, into: resultShape, combine)
  }

  /// The general broadcasting loop: walks the result in row-major order, keeping one
  /// offset per operand and advancing each by its (possibly zero) stride.
  private static func broadcastingZip(
    _ lhs: Tensor, _ rhs: Tensor, into shape: [Int], _ combine: (Double, Double) -> Double
  ) -> Tensor {
    let total = shape.reduce(1, *)
    guard total > 0 else { return Tensor(unchecked: shape, scalars: []) }
    let leftStrides = broadcastStrides(of: lhs.shape, into: shape)
    let rightStrides = broadcastStrides(of: rhs.shape, into: shape)
    let last = shape.count - 1
    let (rowLength, leftStep, rightStep) = (shape[last], leftStrides[last], rightStrides[last])
    var counter = [Int](repeating: 0, count: shape.count)
    // Uninitialised storage keeps the inner loops free of capacity checks.
    let result = [Double](unsafeUninitializedCapacity: total) { buffer, initialised in
      lhs.scalars.withUnsafeBufferPointer { left in
        rhs.scalars.withUnsafeBufferPointer { right in
          var leftOffset = 0
          var rightOffset = 0
          var written = 0
          while written < total {
            let (l, r, out) = (leftOffset, rightOffset, written)
            // The common row patterns get loops of their own, which the compiler can
            // vectorise: both operands contiguous, or one repeating a single element.
            // Offsets stay below each operand's element count, so wrapping arithmetic
            // cannot overflow.
            switch (leftStep, rightStep) {
            case (1, 1):
              for i in 0..<rowLength { buffer[out &+ i] = combine(left[l &+ i], right[r &+ i]) }
            case (1, 0):
              let value = right[r]
              for i in 0..<rowLength { buffer[out &+ i] = combine(left[l &+ i], value) }
            case (0, 1):
              let value = left[l]
              for i in 0..<rowLength { buffer[out &+ i] = combine(value, right[r &+ i]) }
            default:
              for i in 0..<rowLength {
                buffer[out &+ i] = combine(left[l &+ i &* leftStep], right[r &+ i &* rightStep])
              }
            }
            written += rowLength
            // Advance the odometer over all axes but the last.
            var axis = last - 1
            while axis >= 0 {
              counter[axis] += 1
              leftOffset += leftStrides[axis]
              rightOffset += rightStrides[axis]
              if counter[axis] < shape[axis] { break }
              leftOffset -= leftStrides[axis] * shape[axis]
              rightOffset -= rightStrides[axis] * shape[axis]
              counter[axis] = 0
              axis -= 1
            }
          }
        }
      }
      initialised = total
    }
    return Tensor(unchecked: shape, scalars: result)
  }
}

extension Tensor {
  /// Sums this tensor down to `target`, a shape that broadcasts to this tensor's shape.
  ///
  /// This undoes broadcasting: every element is added into the element of `target`
  /// it was copied from. Gradients use it to return to an input's shape.
  ///
  /// - Throws: `TensorError.broadcastMismatch` when `target` does not broadcast here.
  public func summed(toShape target: [Int]) throws -> Tensor {
    if target == shape { return self }
    guard try Self.broadcastShape(target, shape, operation: "sum to shape") == shape else {
      throw TensorError.broadcastMismatch(operation: "sum to shape", lhs: shape, rhs: target)
    }
    // Reduce with the row-wise kernels of `sum`: first the leading axes `target` lacks,
    // then the axes where it has size 1.
    var result = self
    for _ in 0..<(shape.count - target.count) { result = try result.sum(axis: 0) }
    for axis in target.indices where target[axis] == 1 && result.shape[axis] != 1 {
      result = try result.sum(axis: axis, keepDims: true)
    }
    return result
  }
}
