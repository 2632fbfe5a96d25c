/// Exact decimal arithmetic for tick values, so labels and positions come out the
/// same on every platform.
///
/// A tick is an integer mantissa times a power of ten, `n × 10^e`. Labels are
/// written from the integer's digits, never from binary floating point, and the
/// only floating-point operations are single correctly rounded IEEE steps.
enum DecimalText {
  /// 10^k; exact for |k| <= 22, correctly rounded division below that.
  static func powerOfTen(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<min(abs(exponent), 400) { result *= 10 }
    return exponent >= 0 ? result : 1 / result
  }

  /// The value `mantissa × 10^exponent` as a double.
  static func value(mantissa: Int, exponent: Int) -> Double {
    exponent >= 0
      ? Double(mantissa) * powerOfTen(exponent) : Double(mantissa) / powerOfTen(-exponent)
  }

  /// The power of ten of the leading digit of a positive finite number, floor(log10(x)).
  ///
  /// Read from Swift's shortest round-trip text, which is the same on every
  /// platform, instead of a libm logarithm that may differ in the last bit.
  static func exponent(of x: Double) -> Int {
    let text = x.magnitude.description
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(text[text.index(after: e)...]) ?? 0
      mantissa = text[..<e]
    }
    let integerPart = mantissa.prefix { $0 != "." }
    if let first = integerPart.firstIndex(where: { $0 != "0" }) {
      return exponent + integerPart.distance(from: first, to: integerPart.endIndex) - 1
    }
    let fraction = mantissa.drop { $0 != "." }.dropFirst()
    return exponent - fraction.prefix { $0 == "0" }.count - 1
  }

  /// `mantissa × 10^exponent` in fixed notation with `decimals` digits after the point.
  ///
  /// `decimals` must be at least `-exponent`, so no digit is lost.
  static func fixed(mantissa: Int, exponent: Int, decimals: Int) -> String {
    var digits = String(mantissa.magnitude)
    if mantissa == 0 {
      return decimals > 0 ? "0." + String(repeating: "0", count: decimals) : "0"
    }
    if exponent >= 0 {
      digits += String(repeating: "0", count: exponent)
    } else {
      let shift = -exponent
      if digits.count <= shift {
        digits = String(repeating: "0", count: shift + 1 - digits.count) + digits
      }
    }
    let fractionCount = max(0, -exponent)
    var integerPart = String(digits.dropLast(fractionCount))
    var fractionPart = String(digits.suffix(fractionCount))
    fractionPart += String(repeating: "0", count: max(0, decimals - fractionCount))
    if integerPart.isEmpty { integerPart = "0" }
    let sign = mantissa < 0 ? "-" : ""
    return sign + integerPart + (fractionPart.isEmpty ? "" : "." + fractionPart)
  }

  /// `mantissa × 10^exponent` as `d.dde±XX` with `decimals` digits after the point.
  static func scientific(mantissa: Int, exponent: Int, decimals: Int) -> String {
    guard mantissa != 0 else { return "0" }
    let (digits, power) = significantDigits(mantissa: mantissa, exponent: exponent)
    let padded = digits + String(repeating: "0", count: max(0, decimals + 1 - digits.count))
    let lead = String(padded.prefix(1))
    let rest = String(padded.dropFirst().prefix(decimals))
    let sign = mantissa < 0 ? "-" : ""
    let magnitude = abs(power)
    let exponentText = (power < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
    return sign + lead + (rest.isEmpty ? "" : "." + rest) + exponentText
  }

  /// The digits of |mantissa| without trailing zeros, and the power of ten of the first.
  static func significantDigits(mantissa: Int, exponent: Int) -> (digits: String, power: Int) {
    var digits = String(mantissa.magnitude)
    var shift = 0
    while digits.count > 1, digits.hasSuffix("0") {
      digits.removeLast()
      shift += 1
    }
    return (digits, exponent + shift + digits.count - 1)
  }
}
