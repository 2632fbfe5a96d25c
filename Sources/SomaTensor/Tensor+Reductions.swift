/// Reductions: sum, mean, extremes and their positions, spread and length, over all
/// elements or along one axis.
///
/// Every reduction takes `axis: nil` for all elements (the result is a number) or one
/// axis, negative counting from the end. With `keepDims: true` the reduced axis stays
/// with size 1 (all axes do for `axis: nil`), so the result broadcasts against the input.
extension Tensor {
  /// The sum of the elements, over all of them or along `axis`.
  ///
  /// The sum of no elements is 0.
  ///
  /// ```swift
  /// let m = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
  /// try m.sum()         // 21
  /// try m.sum(axis: 0)  // [5, 7, 9]
  /// ```
  ///
  /// - Throws: `TensorError.axisOutOfRange` for an axis outside `-rank..<rank`.
  public func sum(axis: Int? = nil, keepDims: Bool = false) throws -> Tensor {
    let layout = try ReductionLayout(shape: shape, axis: axis, keepDims: keepDims, operation: "sum")
    return layout.result(fold(layout, initial: 0, +))
  }

  /// The arithmetic mean, over all elements or along `axis`.
  ///
  /// - Throws: `TensorError.axisOutOfRange` for a bad axis, and
  ///   `TensorError.emptyReduction` when the reduced axis (or the tensor) is empty.
  public func mean(axis: Int? = nil, keepDims: Bool = false) throws -> Tensor {
    let layout = try ReductionLayout(
      shape: shape, axis: axis, keepDims: keepDims, operation: "mean", needsElements: true)
    return layout.result(means(layout))
  }

  /// The largest element, over all elements or along `axis`; NaN wins, as in NumPy.
  ///
  /// - Throws: `TensorError.axisOutOfRange` for a bad axis, and
  ///   `TensorError.emptyReduction` when the reduced axis (or the tensor) is empty.
  public func max(axis: Int? = nil, keepDims: Bool = false) throws -> Tensor {
    let layout = try ReductionLayout(
      shape: shape, axis: axis, keepDims: keepDims, operation: "max", needsElements: true)
    // `x > best` is false for NaN, so a NaN is let in explicitly and then never beaten.
    return layout.result(fold(layout, initial: -.infinity) { $1 > $0 || $1.isNaN ? $1 : $0 })
  }

  /// The smallest element, over all elements or along `axis`; NaN wins, as in NumPy.
  ///
  /// - Throws: `TensorError.axisOutOfRange` for a bad axis, and
  ///   `TensorError.emptyReduction` when the reduced axis (or the tensor) is empty.
  public func min(axis: Int? = nil, keepDims: Bool = false) throws -> Tensor {
    let layout = try ReductionLayout(
      shape: shape, axis: axis, keepDims: keepDims, operation: "min", needsElements: true)
    return layout.result(fold(layout, initial: .infinity) { $1 < $0 || $1.isNaN ? $1 : $0 })
  }

  /// The position of the largest element, as a `Double`, along `axis`.
  ///
  /// With `axis: nil` the position is the row-major offset into the whole tensor.
  /// On ties the first position wins, and a NaN counts as the largest, as in NumPy.
  ///
  /// ```swift
  /// try Tensor([1, 3, 3, 2]).argmax()  // 1
  /// ```
  ///
  /// - Throws: `TensorError.axisOutOfRange` for a bad axis, and
  ///   `TensorError.emptyReduction` when the reduced axis (or the tensor) is empty.
  public func argmax(axis: Int? = nil, keepDims: Bool = false) throws -> Tensor {
    let layout = try ReductionLayout(
      shape: shape, axis: axis, keepDims: keepDims, operation: "argmax", needsElements: true)
    return layout.result(positions(layout) { $0 > $1 })
  }

  /// The position of the smallest element, as a `Double`, along `axis`.
  ///
  /// With `axis: nil` the position is the row-major offset into the whole tensor.
  /// On ties the first position wins, and a NaN counts as the smallest, as in NumPy.
  ///
  /// - Throws: `TensorError.axisOutOfRange` for a bad axis, and
  ///   `TensorError.emptyReduction` when the reduced axis (or the tensor) is empty.
  public func argmin(axis: Int? = nil, keepDims: Bool = false) throws -> Tensor {
    let layout = try ReductionLayout(
      shape: shape, axis: axis, keepDims: keepDims, operation: "argmin", needsElements: true)
    return layout.result(positions(layout) { $0 < $1 })
  }

  /// The variance, the mean squared distance from the mean, over all elements or
  /// along `axis`.
  ///
  /// The sum of squared deviations is divided by `n - correction`, where `n` is the
  /// number of elements reduced. The default `correction: 0` is the population
  /// variance, NumPy's default (`ddof=0`); `correction: 1` is the unbiased sample
  /// variance (Bessel's correction, PyTorch's default). The mean is computed first
  /// and the deviations from it summed in a second pass, which avoids the
  /// cancellation of the one-pass formula `mean(x²) - mean(x)²`.
  ///
  /// - Throws: `TensorError.axisOutOfRange` for a bad axis,
  ///   `TensorError.emptyReduction` when the reduced axis (or the tensor) is empty,
  ///   and `TensorError.invalidArgument` unless `0 <= correction < n`.
  public func variance(
    axis: Int? = nil, keepDims: Bool = false, correction: Int = 0
  ) throws -> Tensor {
    let layout = try ReductionLayout(
      shape: shape, axis: axis, keepDims: keepDims, operation: "variance", needsElements: true)
    try layout.checkCorrection(correction, operation: "variance")
    return layout.result(variances(layout, correction: correction))
  }

  /// The standard deviation, the square root of `variance` with the same arguments.
  ///
  /// - Throws: as `variance`, naming `standardDeviation`.
  public func standardDeviation(
    axis: Int? = nil, keepDims: Bool = false, correction: Int = 0
  ) throws -> Tensor {
    let layout = try ReductionLayout(
      shape: shape, axis: axis, keepDims: keepDims, operation: "standardDeviation",
      needsElements: true)
    try layout.checkCorrection(correction, operation: "standardDeviation")
    return layout.result(variances(layout, correction: correction).map { $0.squareRoot() })
  }

  /// The Euclidean (L2) norm, the square root of the sum of squares, over all
  /// elements or along `axis`.
  ///
  /// The elements are scaled by their largest magnitude before squaring, so that
  /// squares of numbers beyond about 1e154 do not overflow and those below about
  /// 1e-154 do not vanish. The norm of no elements is 0.
  ///
  /// - Throws: `TensorError.axisOutOfRange` for an axis outside `-rank..<rank`.
  public func norm(axis: Int? = nil, keepDims: Bool = false) throws -> Tensor {
    let layout = try ReductionLayout(
      shape: shape, axis: axis, keepDims: keepDims, operation: "norm")
    let scales = fold(layout, initial: 0) { largest, x in
      let magnitude = Swift.abs(x)
      return magnitude > largest || magnitude.isNaN ? magnitude : largest
    }
    let sums = fold(layout, initial: 0, centres: scales) { total, x, scale in
      let scaled = x / scale
      return total + scaled * scaled
    }
    let norms = Swift.zip(scales, sums).map { scale, sum in
      // A zero (or infinite) scale needs no scaling, and dividing by it would give NaN.
      scale == 0 || scale.isInfinite ? scale : scale * sum.squareRoot()
    }
    return layout.result(norms)
  }
}

extension Tensor {
  /// The mean of each slot of `layout`, from a sum divided by the count.
  func means(_ layout: ReductionLayout) -> [Double] {
    let count = Double(layout.size)
    return fold(layout, initial: 0, +).map { $0 / count }
  }

  /// The variance of each slot: the mean first, then the squared deviations from it.
  func variances(_ layout: ReductionLayout, correction: Int) -> [Double] {
    let divisor = Double(layout.size - correction)
    let centres = means(layout)
    let squares = fold(layout, initial: 0, centres: centres) { total, x, mean in
      let deviation = x - mean
      return total + deviation * deviation
    }
    return squares.map { $0 / divisor }
  }

  /// Folds the elements of each slot of `layout` into one number.
  ///
  /// Walks the tensor in storage order: for each outer block, each position along
  /// the axis adds a contiguous row of `inner` elements into the block's row of
  /// accumulators, so no per-element index arithmetic is needed.
  func fold(
    _ layout: ReductionLayout, initial: Double, _ combine: (Double, Double) -> Double
  ) -> [Double] {
    var result = [Double](repeating: initial, count: layout.slotCount)
    let (size, inner) = (layout.size, layout.inner)
    scalars.withUnsafeBufferPointer { source in
      result.withUnsafeMutableBufferPointer { target in
        var offset = 0
        for block in 0..<layout.outer {
          let row = block * inner
          for _ in 0..<size {
            for index in 0..<inner {
              target[row + index] = combine(target[row + index], source[offset + index])
            }
            offset += inner
          }
        }
      }
    }
    return result
  }

  /// Folds each slot like `fold(_:initial:_:)`, also passing `combine` the slot's
  /// entry of `centres` (such as its mean).
  func fold(
    _ layout: ReductionLayout, initial: Double, centres: [Double],
    _ combine: (Double, Double, Double) -> Double
  ) -> [Double] {
    precondition(centres.count == layout.slotCount, "one centre per slot expected")
    var result = [Double](repeating: initial, count: layout.slotCount)
    let (size, inner) = (layout.size, layout.inner)
    scalars.withUnsafeBufferPointer { source in
      centres.withUnsafeBufferPointer { centre in
        result.withUnsafeMutableBufferPointer { target in
          var offset = 0
          for block in 0..<layout.outer {
            let row = block * inner
            for _ in 0..<size {
              for index in 0..<inner {
                let slot = row + index
                target[slot] = combine(target[slot], source[offset + index], centre[slot])
              }
              offset += inner
            }
          }
        }
      }
    }
    return result
  }

  /// Replaces every element by `transform(element, centre of its slot)`.
  func mapSlots(
    _ layout: ReductionLayout, centres: [Double], _ transform: (Double, Double) -> Double
  ) -> [Double] {
    precondition(centres.count == layout.slotCount, "one centre per slot expected")
    let (size, inner) = (layout.size, layout.inner)
    return [Double](unsafeUninitializedCapacity: count) { target, initialised in
      scalars.withUnsafeBufferPointer { source in
        centres.withUnsafeBufferPointer { centre in
          var offset = 0
          for block in 0..<layout.outer {
            let row = block * inner
            for _ in 0..<size {
              for index in 0..<inner {
                target[offset + index] = transform(source[offset + index], centre[row + index])
              }
              offset += inner
            }
          }
        }
      }
      initialised = count
    }
  }

  /// The first position along the axis of each slot whose element `beats` all others.
  ///
  /// A NaN beats every number and is beaten by nothing, as in NumPy's argmax and argmin.
  func positions(
    _ layout: ReductionLayout, _ beats: (Double, Double) -> Bool
  ) -> [Double] {
    let (size, inner) = (layout.size, layout.inner)
    var best = [Double](repeating: 0, count: layout.slotCount)
    var found = [Double](repeating: 0, count: layout.slotCount)
    scalars.withUnsafeBufferPointer { source in
      for block in 0..<layout.outer {
        let row = block * inner
        var offset = block * size * inner
        for index in 0..<inner { best[row + index] = source[offset + index] }
        for position in 1..<size {
          offset += inner
          for index in 0..<inner {
            let (candidate, current) = (source[offset + index], best[row + index])
            guard !current.isNaN, beats(candidate, current) || candidate.isNaN else { continue }
            best[row + index] = candidate
            found[row + index] = Double(position)
          }
        }
      }
    }
    return found
  }
}

/// How a reduction splits a tensor: `outer` blocks, each holding `size` rows (the
/// positions along the reduced axis) of `inner` contiguous elements.
///
/// Each of the `outer * inner` slots collects the `size` elements that reduce to one
/// result element; they lie `inner` apart in storage. Reducing over all elements is
/// one block of `count` rows of one element.
struct ReductionLayout {
  let outer: Int
  let size: Int
  let inner: Int
  /// The result's shape, with or without the reduced axis kept as size 1.
  let resultShape: [Int]

  /// The number of result elements.
  var slotCount: Int { outer * inner }

  /// Resolves `axis` for `shape`.
  ///
  /// - Parameter needsElements: whether the reduction has no value over nothing, so
  ///   that an empty reduced axis is an error.
  /// - Throws: `TensorError.axisOutOfRange`, or `TensorError.emptyReduction`.
  init(
    shape: [Int], axis: Int?, keepDims: Bool, operation: String, needsElements: Bool = false
  ) throws {
    if let axis {
      let axis = try Tensor.normalize(axis: axis, rank: shape.count, operation: operation)
      outer = shape[..<axis].reduce(1, *)
      size = shape[axis]
      inner = shape[(axis + 1)...].reduce(1, *)
      var kept = shape
      if keepDims { kept[axis] = 1 } else { kept.remove(at: axis) }
      resultShape = kept
    } else {
      outer = 1
      size = shape.reduce(1, *)
      inner = 1
      resultShape = keepDims ? Array(repeating: 1, count: shape.count) : []
    }
    // As in NumPy, an empty reduced axis is an error even when the result is empty.
    guard size > 0 || !needsElements else {
      throw TensorError.emptyReduction(operation: operation)
    }
  }

  /// Checks a variance correction against the number of elements per slot.
  func checkCorrection(_ correction: Int, operation: String) throws {
    guard correction >= 0 else {
      throw TensorError.invalidArgument(
        operation: operation, message: "correction must be >= 0, but it is \(correction)")
    }
    guard correction < size else {
      throw TensorError.invalidArgument(
        operation: operation,
        message: "correction \(correction) needs more than \(correction) elements along the "
          + "reduced axis, but there are \(size)")
    }
  }

  /// The result tensor holding one value per slot.
  func result(_ values: [Double]) -> Tensor {
    Tensor(unchecked: resultShape, scalars: values)
  }
}
