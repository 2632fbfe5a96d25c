import Foundation

/// Tick marks at nice round numbers for one axis, after Heckbert's "nice numbers"
/// (Graphics Gems, 1990): steps of 1, 2 or 5 times a power of ten.
///
/// Heckbert rounds the range and then the step, which can leave much of an axis
/// empty (data 0 to 6 drawn on 0 to 10); here the step is instead the smallest
/// nice number that needs at most `maxTicks` ticks, the tightest nice fit.
/// A linear scale has evenly spaced ticks whose labels share one number of
/// decimals (`0.0, 0.5, 1.0`), switching together to scientific notation for very
/// large or small magnitudes. A logarithmic scale puts its ticks on powers of ten.
///
/// ```swift
/// let scale = try NiceScale(covering: 0.03, 0.97)
/// scale.labels  // ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]
/// ```
public struct NiceScale: Equatable, Sendable {
  /// The value at the start of the axis.
  public let lower: Double
  /// The value at the end of the axis.
  public let upper: Double
  /// The tick values, ascending.
  public let ticks: [Double]
  /// The tick labels, one per tick.
  public let labels: [String]
  /// Whether values map to the axis through their logarithm.
  public let isLogarithmic: Bool

  /// A linear scale whose ends are the nice ticks just outside `lower...upper`.
  ///
  /// Equal ends are widened around their value (by 10% of it, or by 1 around 0),
  /// so a constant series still gets an axis.
  ///
  /// - Parameters:
  ///   - maxTicks: the most ticks wanted (at least 3 are allowed).
  ///   - integers: whether steps below 1 are forbidden (for counts).
  /// - Throws: `PlotError.rangeTooLarge` when the ends or their distance reach 1e300.
  public init(
    covering lower: Double, _ upper: Double, maxTicks: Int = 6, integers: Bool = false,
    axis: String = "axis"
  ) throws(PlotError) {
    let (low, high) = Self.widened(lower, upper)
    let step = try Self.step(
      low, high, maxTicks: max(3, maxTicks), integers: integers, loose: true, axis: axis)
    let first = Self.index(low, step, rounding: .down)
    let last = max(Self.index(high, step, rounding: .up), first + 1)
    self.init(step: step, indices: first..<(last + 1), lower: nil, upper: nil)
  }

  /// A linear scale that ends exactly at `lower` and `upper`, with at most
  /// `maxTicks` nice ticks inside (possibly none, for a very narrow range).
  ///
  /// - Throws: `PlotError.rangeTooLarge` when the ends or their distance reach 1e300.
  public init(
    within lower: Double, _ upper: Double, maxTicks: Int = 6, integers: Bool = false,
    axis: String = "axis"
  ) throws(PlotError) {
    let (low, high) = Self.widened(lower, upper)
    let step = try Self.step(
      low, high, maxTicks: max(1, maxTicks), integers: integers, loose: false, axis: axis)
    let first = Self.index(low, step, rounding: .up)
    let last = Self.index(high, step, rounding: .down)
    self.init(step: step, indices: first..<max(first, last + 1), lower: low, upper: high)
  }

  /// A logarithmic scale with ticks on powers of ten.
  ///
  /// Without `exact`, the ends are the powers of ten just outside the positive
  /// range `lower...upper`; with it, the ends are `lower` and `upper` themselves.
  public init(logarithmicFrom lower: Double, to upper: Double, maxTicks: Int = 6, exact: Bool) {
    let low = DecimalText.exponent(of: lower)
    var high = DecimalText.exponent(of: upper)
    if DecimalText.powerOfTen(high) < upper { high += 1 }
    if high <= low { high = low + 1 }
    let stride = max(1, (high - low + maxTicks - 2) / max(1, maxTicks - 1))
    let first = exact && DecimalText.powerOfTen(low) < lower ? low + 1 : low
    var exponents = Array(Swift.stride(from: first, through: high, by: stride))
    if exact { exponents = exponents.filter { DecimalText.powerOfTen($0) <= upper } }
    if !exact, let last = exponents.last, last < high { exponents.append(last + stride) }
    self.ticks = exponents.map(DecimalText.powerOfTen)
    self.labels = exponents.map { power in
      (-4...5).contains(power)
        ? DecimalText.fixed(mantissa: 1, exponent: power, decimals: max(0, -power))
        : DecimalText.scientific(mantissa: 1, exponent: power, decimals: 0)
    }
    self.lower = exact ? lower : (ticks.first ?? lower)
    self.upper = exact ? upper : (ticks.last ?? upper)
    self.isLogarithmic = true
  }

  private init(
    step: (mantissa: Int, exponent: Int), indices: Range<Int>,
    lower: Double?, upper: Double?
  ) {
    let mantissas = indices.map { $0 * step.mantissa }
    let values = mantissas.map { DecimalText.value(mantissa: $0, exponent: step.exponent) }
    self.ticks = values
    self.labels = Self.labels(mantissas, exponent: step.exponent)
    self.lower = lower ?? values.first ?? 0
    self.upper = upper ?? values.last ?? 1
    self.isLogarithmic = false
  }

  /// Where `value` sits along the axis, 0 at `lower` and 1 at `upper`; `nil` when a
  /// log axis cannot show it or it is not finite.
  public func fraction(of value: Double) -> Double? {
    guard value.isFinite else { return nil }
    if isLogarithmic {
      guard value > 0 else { return nil }
      return (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
    }
    return (value - lower) / (upper - lower)
  }

  /// Labels sharing one notation: fixed with the step's decimals for moderate
  /// magnitudes, scientific with a common mantissa length otherwise.
  private static func labels(_ mantissas: [Int], exponent: Int) -> [String] {
    let longest = mantissas.map { String($0.magnitude).count }.max() ?? 1
    if exponent >= -4 && longest + exponent <= 6 {
      let decimals = max(0, -exponent)
      return mantissas.map {
        DecimalText.fixed(mantissa: $0, exponent: exponent, decimals: decimals)
      }
    }
    let decimals =
      mantissas.filter { $0 != 0 }
      .map { DecimalText.significantDigits(mantissa: $0, exponent: exponent).digits.count - 1 }
      .max() ?? 0
    return mantissas.map {
      DecimalText.scientific(mantissa: $0, exponent: exponent, decimals: decimals)
    }
  }

  /// Equal or nearly equal ends moved apart, so the step is never zero; ranges
  /// narrower than 1e-250 count as equal, keeping every step a normal double.
  static func widened(_ lower: Double, _ upper: Double) -> (Double, Double) {
    let middle = lower / 2 + upper / 2
    guard upper - lower <= max(middle.magnitude * 1e-12, 1e-250) else { return (lower, upper) }
    let half = middle.magnitude < 1e-200 ? 1 : middle.magnitude / 10
    return (middle - half, middle + half)
  }

  /// The smallest step of 1, 2 or 5 times a power of ten with at most `maxTicks`
  /// ticks: covering the range (`loose`) or inside it.
  private static func step(
    _ lower: Double, _ upper: Double, maxTicks: Int, integers: Bool, loose: Bool, axis: String
  ) throws(PlotError) -> (mantissa: Int, exponent: Int) {
    let range = upper - lower
    guard range < 1e300, lower.magnitude < 1e300, upper.magnitude < 1e300 else {
      throw PlotError.rangeTooLarge(axis: axis)
    }
    // Start one decade below the step that would give exactly maxTicks intervals;
    // a loose scale needs at most 3 ticks once the step reaches the range, so the
    // search ends within a few decades.
    let start = DecimalText.exponent(of: range / Double(maxTicks)) - 1
    var candidate = (mantissa: 1, exponent: start)
    for exponent in start...(start + 4) {
      for mantissa in [1, 2, 5] where !(integers && exponent < 0) {
        candidate = (mantissa, exponent)
        let first = index(lower, candidate, rounding: loose ? .down : .up)
        let last = index(upper, candidate, rounding: loose ? .up : .down)
        if last - first + 1 <= maxTicks { return candidate }
      }
    }
    return candidate
  }

  private enum Rounding {
    case down
    case up
  }

  /// The multiple of `step` at or beyond `value`, forgiving rounding noise such as
  /// 0.3 / 0.1 = 2.9999999999999996.
  private static func index(
    _ value: Double, _ step: (mantissa: Int, exponent: Int), rounding: Rounding
  ) -> Int {
    let ratio = value / DecimalText.value(mantissa: step.mantissa, exponent: step.exponent)
    let tolerance = 1e-9 * max(1, ratio.magnitude)
    let rounded =
      rounding == .down
      ? (ratio + tolerance).rounded(.down)
      : (ratio - tolerance).rounded(.up)
    return Int(rounded)
  }
}
