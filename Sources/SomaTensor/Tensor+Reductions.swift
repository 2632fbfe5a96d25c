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
    return layout.result(sums(layout) { x, _ in x })
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
    return layout.result(maxima(layout))
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
    let squares = sums(layout, centres: scales) { x, scale in
      let scaled = x / scale
      return scaled * scaled
    }
    let norms = Swift.zip(scales, squares).map { scale, sum in
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
    return sums(layout) { x, _ in x }.map { $0 / count }
  }

  /// The variance of each slot: the mean first, then the squared deviations from it.
  func variances(_ layout: ReductionLayout, correction: Int) -> [Double] {
    let divisor = Double(layout.size - correction)
    let centres = means(layout)
    let squares = sums(layout, centres: centres) { x, mean in
      let deviation = x - mean
      return deviation * deviation
    }
    return squares.map { $0 / divisor }
  }
}
