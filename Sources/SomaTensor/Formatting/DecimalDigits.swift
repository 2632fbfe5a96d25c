/// A finite double as a decimal digit string, for printing numbers identically on
/// every platform.
///
/// It starts from Swift's own shortest round-trip representation (the same text on
/// every platform, unlike C's printf) and rounds that decimal string, half away from
/// zero, so no binary arithmetic can introduce platform differences.
struct DecimalDigits: Equatable {
  /// Whether the number is below zero (a rounded-away -0 counts as zero).
  var isNegative: Bool
  /// Significant digits, most significant first, without leading or trailing zeros;
  /// empty for zero.
  var digits: [UInt8]
  /// The power of ten of the first digit: the value is d₀.d₁d₂… × 10^exponent.
  var exponent: Int

  /// Reads a finite double; `nil` for NaN and infinities.
  init?(_ value: Double) {
    guard value.isFinite else { return nil }
    var text = Substring(value.magnitude.description)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(text[text.index(after: e)...]) ?? 0
      text = text[..<e]
    }
    let point = text.firstIndex(of: ".") ?? text.endIndex
    let integerDigits = text.distance(from: text.startIndex, to: point)
    var all = text.compactMap { $0.wholeNumberValue.map(UInt8.init) }
    var position = integerDigits - 1 + exponent
    while let first = all.first, first == 0 {
      all.removeFirst()
      position -= 1
    }
    while let last = all.last, last == 0 { all.removeLast() }
    self.init(isNegative: value < 0 && !all.isEmpty, digits: all, exponent: position)
  }

  init(isNegative: Bool, digits: [UInt8], exponent: Int) {
    self.isNegative = isNegative && !digits.isEmpty
    self.digits = digits
    self.exponent = digits.isEmpty ? 0 : exponent
  }

  /// Rounded to keep only digits at 10^-fractionDigits and above.
  func rounded(fractionDigits: Int) -> DecimalDigits {
    rounded(keeping: exponent + fractionDigits + 1)
  }

  /// Rounded to at most `count` significant digits.
  func rounded(significantDigits count: Int) -> DecimalDigits {
    rounded(keeping: count)
  }

  /// How many digits follow the decimal point in fixed notation.
  var fractionDigits: Int { max(0, digits.count - 1 - exponent) }

  /// How many digits follow the point of the mantissa in scientific notation.
  var mantissaFractionDigits: Int { max(0, digits.count - 1) }

  /// Keeps the first `keep` digits, rounding half away from zero on the next one.
  private func rounded(keeping keep: Int) -> DecimalDigits {
    guard keep < digits.count else { return self }
    guard keep >= 0 else { return DecimalDigits(isNegative: false, digits: [], exponent: 0) }
    var kept = Array(digits[..<keep])
    var exponent = self.exponent
    if digits[keep] >= 5 {
      var index = kept.count - 1
      while index >= 0 && kept[index] == 9 {
        kept[index] = 0
        index -= 1
      }
      if index >= 0 {
        kept[index] += 1
      } else {
        kept.insert(1, at: 0)
        exponent += 1
      }
    }
    while let last = kept.last, last == 0 { kept.removeLast() }
    return DecimalDigits(isNegative: isNegative, digits: kept, exponent: exponent)
  }

  /// Fixed notation with exactly `fractionDigits` digits after the point (none: no point).
  func fixed(fractionDigits: Int) -> String {
    var integerPart = ""
    if exponent >= 0 {
      for power in stride(from: exponent, through: 0, by: -1) { integerPart += digit(at: power) }
    } else {
      integerPart = "0"
    }
    var text = (isNegative ? "-" : "") + integerPart
    if fractionDigits > 0 {
      text += "."
      for power in stride(from: -1, through: -fractionDigits, by: -1) { text += digit(at: power) }
    }
    return text
  }

  /// Scientific notation `d.ddde±XX` with `mantissaDigits` digits after the point.
  func scientific(mantissaDigits: Int) -> String {
    var text = (isNegative ? "-" : "") + digit(at: exponent)
    if mantissaDigits > 0 {
      text += "."
      for offset in 1...mantissaDigits { text += digit(at: exponent - offset) }
    }
    let magnitude = abs(exponent)
    return text + (exponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
  }

  private func digit(at power: Int) -> String {
    let index = exponent - power
    return index >= 0 && index < digits.count ? String(digits[index]) : "0"
  }
}
