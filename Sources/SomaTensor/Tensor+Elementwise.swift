import Foundation

/// Elementwise functions of one tensor, and `pow`, `maximum` and `minimum` of two.
///
/// The functions follow IEEE 754 as the platform maths library does: `log` of a
/// negative number is NaN, `log(0)` is -inf, `sqrt(-1)` is NaN, and NaN inputs give
/// NaN outputs, so no input makes these functions throw or trap.
extension Tensor {
  /// The absolute value of every element.
  public func abs() -> Tensor {
    map { $0.magnitude }
  }

  /// The sign of every element: -1, 0 or 1 (NaN stays NaN, and -0 gives 0).
  public func sign() -> Tensor {
    map { $0 > 0 ? 1 : ($0 < 0 ? -1 : ($0.isNaN ? $0 : 0)) }
  }

  /// e raised to every element.
  public func exp() -> Tensor {
    map { Foundation.exp($0) }
  }

  /// The natural logarithm of every element (-inf at 0, NaN below 0).
  public func log() -> Tensor {
    map { Foundation.log($0) }
  }

  /// log(1 + x) for every element, accurate even when x is tiny.
  public func log1p() -> Tensor {
    map { Foundation.log1p($0) }
  }

  /// The square root of every element (NaN below 0).
  public func sqrt() -> Tensor {
    map { $0.squareRoot() }
  }

  /// Every element multiplied by itself.
  public func square() -> Tensor {
    map { $0 * $0 }
  }

  /// The sine of every element, in radians.
  public func sin() -> Tensor {
    map { Foundation.sin($0) }
  }

  /// The cosine of every element, in radians.
  public func cos() -> Tensor {
    map { Foundation.cos($0) }
  }

  /// The hyperbolic tangent of every element, between -1 and 1.
  public func tanh() -> Tensor {
    map { Foundation.tanh($0) }
  }

  /// The logistic function 1 / (1 + e^-x) of every element.
  ///
  /// Computed without overflow for any input: for x < 0 it uses the equal form
  /// e^x / (1 + e^x), whose exponential cannot overflow, so `sigmoid(-1000)` is 0
  /// rather than 1 / inf computed from an overflowed e^1000.
  public func sigmoid() -> Tensor {
    map(Self.sigmoid)
  }

  /// The logistic function of one number, stable for large |x|.
  static func sigmoid(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
    let e = Foundation.exp(x)
    return e / (1 + e)
  }

  /// max(x, 0) for every element.
  public func relu() -> Tensor {
    map { $0 > 0 ? $0 : 0 }
  }

  /// x where x > 0, and `alpha`·x elsewhere.
  ///
  /// - Parameter alpha: the slope for negative inputs; 0.01 by default, as in PyTorch.
  public func leakyRelu(alpha: Double = 0.01) -> Tensor {
    map { $0 > 0 ? $0 : alpha * $0 }
  }

  /// log(1 + e^x) for every element, a smooth version of `relu`.
  ///
  /// Computed as max(x, 0) + log1p(e^-|x|), which equals log(1 + e^x) but never
  /// evaluates an exponential above 1: `softplus(1000)` is 1000, not inf.
  public func softplus() -> Tensor {
    map { Swift.max($0, 0) + Foundation.log1p(Foundation.exp(-$0.magnitude)) }
  }

  /// Every element limited to the closed range `min...max`; either bound may be `nil`.
  ///
  /// NaN elements stay NaN.
  ///
  /// - Throws: `TensorError.invalidArgument` when a bound is NaN or `min` > `max`.
  public func clamped(min lower: Double? = nil, max upper: Double? = nil) throws -> Tensor {
    let low = lower ?? -.infinity
    let high = upper ?? .infinity
    guard low <= high else {
      let describe = { (bound: Double?) in bound.map(formatNumber) ?? "none" }
      let bounds = "min \(describe(lower)), max \(describe(upper))"
      throw TensorError.invalidArgument(
        operation: "clamp", message: "needs min <= max and no NaN bound, but got \(bounds)")
    }
    return map { $0 < low ? low : ($0 > high ? high : $0) }
  }
}

/// Elementwise functions of two tensors, with NumPy broadcasting.
extension Tensor {
  /// `base` raised to `exponent`, element by element, as the C `pow` function.
  ///
  /// A negative base with a non-integer exponent gives NaN; 0 to a negative power
  /// gives inf; anything to the power 0 is 1.
  ///
  /// - Throws: `TensorError.broadcastMismatch` when the shapes do not broadcast.
  public static func pow(_ base: Tensor, _ exponent: Tensor) throws -> Tensor {
    try base.zip(exponent, operation: "pow") { Foundation.pow($0, $1) }
  }

  /// The larger of each pair of elements; NaN if either is NaN (as NumPy's `maximum`).
  ///
  /// - Throws: `TensorError.broadcastMismatch` when the shapes do not broadcast.
  public static func maximum(_ lhs: Tensor, _ rhs: Tensor) throws -> Tensor {
    try lhs.zip(rhs, operation: "maximum") { $0.isNaN || $0 > $1 ? $0 : $1 }
  }

  /// The smaller of each pair of elements; NaN if either is NaN (as NumPy's `minimum`).
  ///
  /// - Throws: `TensorError.broadcastMismatch` when the shapes do not broadcast.
  public static func minimum(_ lhs: Tensor, _ rhs: Tensor) throws -> Tensor {
    try lhs.zip(rhs, operation: "minimum") { $0.isNaN || $0 < $1 ? $0 : $1 }
  }
}
