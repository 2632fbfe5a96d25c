/// A way to compare two numbers, for `Tensor.compare`.
public enum Comparison: String, Sendable, CaseIterable {
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case equal = "=="
  case notEqual = "!="
}

/// Elementwise comparisons, which give masks of 0 and 1, and choosing by a mask.
extension Tensor {
  /// 1 where `lhs[i] <comparison> rhs[i]` holds and 0 elsewhere, with broadcasting.
  ///
  /// Comparisons follow IEEE 754: NaN is unequal to everything, itself included, so
  /// only `.notEqual` is 1 when either side is NaN.
  ///
  /// ```swift
  /// try Tensor.compare(Tensor([1, 2, 3]), .greater, Tensor(2))  // [0, 0, 1]
  /// ```
  ///
  /// - Throws: `TensorError.broadcastMismatch` when the shapes do not broadcast.
  public static func compare(
    _ lhs: Tensor, _ comparison: Comparison, _ rhs: Tensor
  ) throws -> Tensor {
    let name = comparison.rawValue
    // One loop per case keeps the comparison out of the inner loop.
    switch comparison {
    case .less: return try lhs.zip(rhs, operation: name) { $0 < $1 ? 1 : 0 }
    case .lessOrEqual: return try lhs.zip(rhs, operation: name) { $0 <= $1 ? 1 : 0 }
    case .greater: return try lhs.zip(rhs, operation: name) { $0 > $1 ? 1 : 0 }
    case .greaterOrEqual: return try lhs.zip(rhs, operation: name) { $0 >= $1 ? 1 : 0 }
    case .equal: return try lhs.zip(rhs, operation: name) { $0 == $1 ? 1 : 0 }
    case .notEqual: return try lhs.zip(rhs, operation: name) { $0 != $1 ? 1 : 0 }
    }
  }

  /// `whereTrue` where `condition` is nonzero and `whereFalse` elsewhere, like NumPy's
  /// `where`; all three broadcast to one shape.
  ///
  /// A NaN condition counts as nonzero, so it picks `whereTrue`, as in NumPy.
  ///
  /// ```swift
  /// let x = Tensor([-1, 2])
  /// try Tensor.select(Tensor.compare(x, .greater, Tensor(0)), x, Tensor(0))  // [0, 2]
  /// ```
  ///
  /// - Throws: `TensorError.broadcastMismatch` when the shapes do not broadcast.
  public static func select(
    _ condition: Tensor, _ whereTrue: Tensor, _ whereFalse: Tensor
  ) throws -> Tensor {
    let values = try broadcastShape(whereTrue.shape, whereFalse.shape, operation: "select")
    let shape = try broadcastShape(condition.shape, values, operation: "select")
    // A single fill value on one side (as when masking a gradient) takes a loop that
    // the compiler vectorises, like the one for three operands of one shape.
    if condition.shape == shape && whereFalse.count == 1 && whereTrue.shape == shape {
      let fill = whereFalse.scalars[0]
      return try condition.zip(whereTrue, operation: "select") { $0 != 0 ? $1 : fill }
    }
    if condition.shape == shape && whereTrue.count == 1 && whereFalse.shape == shape {
      let fill = whereTrue.scalars[0]
      return try condition.zip(whereFalse, operation: "select") { $0 != 0 ? fill : $1 }
    }
    let operands = [condition, whereTrue, whereFalse]
    guard operands.allSatisfy({ $0.shape == shape }) else {
      return broadcastingSelect(condition, whereTrue, whereFalse, into: shape)
    }
    let result = [Double](unsafeUninitializedCapacity: condition.count) { buffer, initialised in
      condition.scalars.withUnsafeBufferPointer { test in
        whereTrue.scalars.withUnsafeBufferPointer { yes in
          whereFalse.scalars.withUnsafeBufferPointer { no in
            for index in 0..<test.count {
              buffer[index] = test[index] != 0 ? yes[index] : no[index]
            }
          }
        }
      }
      initialised = condition.count
    }
    return Tensor(unchecked: shape, scalars: result)
  }

  /// `select` for operands of different shapes: walks the result in row-major order
  /// with one offset per operand, each advancing by its (possibly zero) stride.
  private static func broadcastingSelect(
    _ condition: Tensor, _ whereTrue: Tensor, _ whereFalse: Tensor, into shape: [Int]
  ) -> Tensor {
    let total = shape.reduce(1, *)
    guard total > 0 else { return Tensor(unchecked: shape, scalars: []) }
    let strides = [condition, whereTrue, whereFalse].map {
      broadcastStrides(of: $0.shape, into: shape)
    }
    let last = shape.count - 1
    let (testStep, yesStep, noStep) = (strides[0][last], strides[1][last], strides[2][last])
    var counter = [Int](repeating: 0, count: shape.count)
    var offsets = (test: 0, yes: 0, no: 0)
    let result = [Double](unsafeUninitializedCapacity: total) { buffer, initialised in
      condition.scalars.withUnsafeBufferPointer { test in
        whereTrue.scalars.withUnsafeBufferPointer { yes in
          whereFalse.scalars.withUnsafeBufferPointer { no in
            var written = 0
            while written < total {
              var (t, y, n) = offsets
              for _ in 0..<shape[last] {
                buffer[written] = test[t] != 0 ? yes[y] : no[n]
                written += 1
                t += testStep
                y += yesStep
                n += noStep
              }
              // Advance the odometer over all axes but the last.
              var axis = last - 1
              while axis >= 0 {
                counter[axis] += 1
                offsets.test += strides[0][axis]
                offsets.yes += strides[1][axis]
                offsets.no += strides[2][axis]
                if counter[axis] < shape[axis] { break }
                offsets.test -= strides[0][axis] * shape[axis]
                offsets.yes -= strides[1][axis] * shape[axis]
                offsets.no -= strides[2][axis] * shape[axis]
                counter[axis] = 0
                axis -= 1
              }
            }
          }
        }
      }
      initialised = total
    }
    return Tensor(unchecked: shape, scalars: result)
  }
}
