/// Tensors made from a shape alone: constants, identities and ranges.
extension Tensor {
  /// A tensor of zeros.
  ///
  /// - Throws: `TensorError.invalidShape` or `TensorError.tooLarge` for a bad shape.
  public static func zeros(_ shape: [Int]) throws -> Tensor {
    try Tensor(repeating: 0, shape: shape, operation: "zeros")
  }

  /// A tensor of ones.
  ///
  /// - Throws: `TensorError.invalidShape` or `TensorError.tooLarge` for a bad shape.
  public static func ones(_ shape: [Int]) throws -> Tensor {
    try Tensor(repeating: 1, shape: shape, operation: "ones")
  }

  /// Zeros with the shape of `other`; cannot fail, since that shape is already valid.
  public init(zerosLike other: Tensor) {
    self.init(unchecked: other.shape, scalars: Array(repeating: 0, count: other.count))
  }

  /// Ones with the shape of `other`.
  public init(onesLike other: Tensor) {
    self.init(unchecked: other.shape, scalars: Array(repeating: 1, count: other.count))
  }

  /// A tensor with every element set to `value`.
  ///
  /// - Throws: `TensorError.invalidShape` or `TensorError.tooLarge` for a bad shape.
  public static func full(_ shape: [Int], value: Double) throws -> Tensor {
    try Tensor(repeating: value, shape: shape)
  }

  /// The n×n identity matrix: ones on the diagonal, zeros elsewhere.
  ///
  /// - Throws: `TensorError.invalidShape` for a negative `n`.
  public static func eye(_ n: Int) throws -> Tensor {
    try eye(rows: n, columns: n)
  }

  /// A rows×columns matrix with ones on the main diagonal and zeros elsewhere.
  ///
  /// - Throws: `TensorError.invalidShape` or `TensorError.tooLarge` for bad sizes.
  public static func eye(rows: Int, columns: Int) throws -> Tensor {
    try validate(shape: [rows, columns], operation: "eye")
    var scalars = [Double](repeating: 0, count: rows * columns)
    for index in 0..<Swift.min(rows, columns) { scalars[index * columns + index] = 1 }
    return Tensor(unchecked: [rows, columns], scalars: scalars)
  }

  /// The numbers from `start` up to but excluding `stop` in steps of `step`.
  ///
  /// As in NumPy's `arange`, there are ⌈(stop - start) / step⌉ elements (none when
  /// that is not positive), element i being `start + i·step`. A fractional step can
  /// make the count differ by one from what decimal arithmetic suggests (NumPy's
  /// caveat too); `linspace` avoids this.
  ///
  /// ```swift
  /// try Tensor.arange(stop: 4)                         // [0, 1, 2, 3]
  /// try Tensor.arange(start: 1, stop: 0, step: -0.25)  // [1, 0.75, 0.5, 0.25]
  /// ```
  ///
  /// - Throws: `TensorError.invalidArgument` for a zero or non-finite step, non-finite
  ///   ends, or a range with more than `maximumElementCount` elements.
  public static func arange(start: Double = 0, stop: Double, step: Double = 1) throws -> Tensor {
    guard start.isFinite, stop.isFinite, step.isFinite, step != 0 else {
      throw TensorError.invalidArgument(
        operation: "arange",
        message: "needs finite start and stop and a finite nonzero step, but got start "
          + "\(formatNumber(start)), stop \(formatNumber(stop)), step \(formatNumber(step))")
    }
    let exactCount = ((stop - start) / step).rounded(.up)
    guard exactCount <= Double(maximumElementCount) else {
      throw TensorError.invalidArgument(
        operation: "arange",
        message: "from \(formatNumber(start)) to \(formatNumber(stop)) in steps of "
          + "\(formatNumber(step)) gives \(formatNumber(exactCount)) elements, "
          + "more than the \(maximumElementCount) a tensor may hold")
    }
    let count = exactCount > 0 ? Int(exactCount) : 0
    return Tensor(unchecked: [count], scalars: (0..<count).map { start + Double($0) * step })
  }

  /// `count` evenly spaced numbers from `start` to `stop`, both included.
  ///
  /// As in NumPy's `linspace`, element i is `start + i·(stop - start)/(count - 1)`,
  /// and the last is exactly `stop`. A count of 1 gives `[start]`; 0 gives an empty
  /// tensor.
  ///
  /// - Throws: `TensorError.invalidArgument` for a negative count or non-finite ends,
  ///   `TensorError.tooLarge` for a count above `maximumElementCount`.
  public static func linspace(start: Double, stop: Double, count: Int) throws -> Tensor {
    guard count >= 0, start.isFinite, stop.isFinite else {
      throw TensorError.invalidArgument(
        operation: "linspace",
        message:
          "needs finite start and stop and a count >= 0, but got start \(formatNumber(start)), "
          + "stop \(formatNumber(stop)), count \(count)")
    }
    try validate(shape: [count], operation: "linspace")
    let step = (stop - start) / Double(Swift.max(count - 1, 1))
    var scalars = (0..<count).map { start + Double($0) * step }
    if count > 1 { scalars[count - 1] = stop }
    return Tensor(unchecked: [count], scalars: scalars)
  }
}

/// Random tensors, drawn in row-major order from a `RandomGenerator`.
///
/// The variants without a generator draw from the global one (`GlobalRandom`), so
/// reseeding it with `GlobalRandom.seed` reproduces them exactly on every platform.
extension Tensor {
  /// Numbers drawn uniformly from [low, high), using the global generator.
  ///
  /// - Throws: `TensorError.invalidShape`, `TensorError.tooLarge` for a bad shape, or
  ///   `TensorError.invalidArgument` unless low <= high, both finite.
  public static func uniform(_ shape: [Int], low: Double = 0, high: Double = 1) throws -> Tensor {
    try checkUniform(shape, low: low, high: high)
    return GlobalRandom.withGenerator { generator in
      drawUniform(shape, low: low, high: high, using: &generator)
    }
  }

  /// Numbers drawn uniformly from [low, high), using `generator`.
  ///
  /// - Throws: `TensorError.invalidShape`, `TensorError.tooLarge` for a bad shape, or
  ///   `TensorError.invalidArgument` unless low <= high, both finite.
  public static func uniform(
    _ shape: [Int], low: Double = 0, high: Double = 1, using generator: inout RandomGenerator
  ) throws -> Tensor {
    try checkUniform(shape, low: low, high: high)
    return drawUniform(shape, low: low, high: high, using: &generator)
  }

  /// Normally distributed numbers, using the global generator.
  ///
  /// - Throws: `TensorError.invalidShape`, `TensorError.tooLarge` for a bad shape, or
  ///   `TensorError.invalidArgument` for a non-finite mean or a standard deviation that
  ///   is negative or not finite.
  public static func normal(
    _ shape: [Int], mean: Double = 0, standardDeviation: Double = 1
  ) throws -> Tensor {
    try checkNormal(shape, mean: mean, standardDeviation: standardDeviation)
    return GlobalRandom.withGenerator { generator in
      drawNormal(shape, mean: mean, standardDeviation: standardDeviation, using: &generator)
    }
  }

  /// Normally distributed numbers, using `generator`.
  ///
  /// - Throws: `TensorError.invalidShape`, `TensorError.tooLarge` for a bad shape, or
  ///   `TensorError.invalidArgument` for a non-finite mean or a standard deviation that
  ///   is negative or not finite.
  public static func normal(
    _ shape: [Int], mean: Double = 0, standardDeviation: Double = 1,
    using generator: inout RandomGenerator
  ) throws -> Tensor {
    try checkNormal(shape, mean: mean, standardDeviation: standardDeviation)
    return drawNormal(shape, mean: mean, standardDeviation: standardDeviation, using: &generator)
  }

  private static func checkUniform(_ shape: [Int], low: Double, high: Double) throws {
    try validate(shape: shape, operation: "uniform")
    guard low.isFinite, high.isFinite, low <= high else {
      throw TensorError.invalidArgument(
        operation: "uniform",
        message: "needs finite low <= high, but got low \(formatNumber(low)), high "
          + formatNumber(high))
    }
  }

  private static func checkNormal(_ shape: [Int], mean: Double, standardDeviation: Double) throws {
    try validate(shape: shape, operation: "normal")
    guard mean.isFinite, standardDeviation.isFinite, standardDeviation >= 0 else {
      throw TensorError.invalidArgument(
        operation: "normal",
        message: "needs a finite mean and a finite standard deviation >= 0, but got mean "
          + "\(formatNumber(mean)), standard deviation \(formatNumber(standardDeviation))")
    }
  }

  private static func drawUniform(
    _ shape: [Int], low: Double, high: Double, using generator: inout RandomGenerator
  ) -> Tensor {
    let count = shape.reduce(1, *)
    let width = high - low
    let scalars = [Double](unsafeUninitializedCapacity: count) { buffer, initialised in
      for index in 0..<count { buffer[index] = low + width * generator.nextUniform() }
      initialised = count
    }
    return Tensor(unchecked: shape, scalars: scalars)
  }

  private static func drawNormal(
    _ shape: [Int], mean: Double, standardDeviation: Double,
    using generator: inout RandomGenerator
  ) -> Tensor {
    let count = shape.reduce(1, *)
    let scalars = [Double](unsafeUninitializedCapacity: count) { buffer, initialised in
      for index in 0..<count {
        buffer[index] = mean + standardDeviation * generator.nextNormal()
      }
      initialised = count
    }
    return Tensor(unchecked: shape, scalars: scalars)
  }
}
