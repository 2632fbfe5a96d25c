import Testing

@testable import SomaPlot

/// Expected ticks are worked out by hand from the rule: the smallest step of 1, 2
/// or 5 × 10^k whose ticks (covering or inside the range) number at most maxTicks.
@Suite("Nice tick scales")
struct NiceScaleTests {
  @Test("0 to 1 gets steps of 0.2, one decimal on every label")
  func unitRange() throws {
    let scale = try NiceScale(covering: 0, 1)
    #expect(scale.labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    // Each tick is computed as n / 10, the double nearest to the decimal, not as
    // 3 * 0.2 = 0.6000000000000001.
    #expect(scale.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
    #expect(scale.lower == 0 && scale.upper == 1)
  }

  @Test("3.2 to 9.7 is covered by 2 to 10 in steps of 2 (steps of 1 need 8 ticks)")
  func offsetRange() throws {
    let scale = try NiceScale(covering: 3.2, 9.7)
    #expect(scale.labels == ["2", "4", "6", "8", "10"])
    #expect(scale.lower == 2 && scale.upper == 10)
  }

  @Test("a negative range keeps its signs and rounds outwards")
  func negativeRange() throws {
    let scale = try NiceScale(covering: -7.5, -2.2)
    #expect(scale.labels == ["-8", "-6", "-4", "-2"])
  }

  @Test("a range around zero labels zero with the axis's decimals")
  func symmetricRange() throws {
    let scale = try NiceScale(covering: -1, 1, maxTicks: 5)
    #expect(scale.labels == ["-1.0", "-0.5", "0.0", "0.5", "1.0"])
  }

  @Test("0.1 to 0.3 survives 0.3 / 0.05 = 5.999999999999999")
  func roundingNoise() throws {
    let scale = try NiceScale(covering: 0.1, 0.3)
    #expect(scale.labels == ["0.10", "0.15", "0.20", "0.25", "0.30"])
  }

  @Test("tiny magnitudes switch the whole axis to scientific notation")
  func tinyMagnitudes() throws {
    let scale = try NiceScale(covering: 0, 3e-7)
    #expect(scale.labels == ["0", "1e-07", "2e-07", "3e-07"])
  }

  @Test("huge magnitudes share one mantissa length in scientific notation")
  func hugeMagnitudes() throws {
    let scale = try NiceScale(covering: 0, 2.5e9)
    #expect(scale.labels == ["0", "5.0e+08", "1.0e+09", "1.5e+09", "2.0e+09", "2.5e+09"])
  }

  @Test("a constant value is widened by 10% either side: 5 becomes 4.5 to 5.5")
  func constantValue() throws {
    let scale = try NiceScale(covering: 5, 5)
    #expect(scale.labels == ["4.5", "5.0", "5.5"])
  }

  @Test("a constant zero is widened to -1 to 1")
  func constantZero() throws {
    let scale = try NiceScale(covering: 0, 0)
    #expect(scale.lower == -1 && scale.upper == 1)
  }

  @Test("a scale within limits ends at the limits with nice ticks inside")
  func withinLimits() throws {
    let scale = try NiceScale(within: 0.13, 0.87)
    #expect(scale.labels == ["0.2", "0.4", "0.6", "0.8"])
    #expect(scale.lower == 0.13 && scale.upper == 0.87)
  }

  @Test("an integer scale never steps below 1")
  func integerSteps() throws {
    let scale = try NiceScale(covering: 0, 3, maxTicks: 11, integers: true)
    #expect(scale.labels == ["0", "1", "2", "3"])
  }

  @Test("a log scale spans whole decades, every second one when there are many")
  func logarithmic() {
    let scale = NiceScale(logarithmicFrom: 0.003, to: 250, exact: false)
    #expect(scale.labels == ["0.001", "0.1", "10", "1000"])
    #expect(scale.lower == 0.001 && scale.upper == 1000)
    let wide = NiceScale(logarithmicFrom: 1, to: 1e8, exact: false)
    #expect(wide.labels == ["1", "100", "10000", "1e+06", "1e+08"])
  }

  @Test("positions along a log axis are fractions of its decades")
  func logarithmicFraction() throws {
    let scale = NiceScale(logarithmicFrom: 1, to: 100, exact: false)
    #expect(scale.fraction(of: 10) == 0.5)
    #expect(scale.fraction(of: 0) == nil)
    #expect(scale.fraction(of: -1) == nil)
  }

  @Test("ranges too wide for a double, or not numbers, throw instead of trapping")
  func overflowingRange() {
    #expect(throws: PlotError.rangeTooLarge(axis: "y")) {
      try NiceScale(covering: -1e308, 1e308, axis: "y")
    }
    #expect(throws: PlotError.rangeTooLarge(axis: "axis")) {
      try NiceScale(covering: .nan, 1)
    }
  }
}

@Suite("Exact decimal text for tick labels")
struct DecimalTextTests {
  @Test(
    "the exponent is floor(log10(x)) read from the shortest decimal text",
    arguments: [
      (1.0, 0), (9.99, 0), (10, 1), (0.01, -2), (0.0099, -3), (1e-5, -5), (1.5e20, 20),
      (5e-324, -324),
    ])
  func exponent(value: Double, expected: Int) {
    #expect(DecimalText.exponent(of: value) == expected)
  }

  @Test("fixed notation pads to the requested decimals without losing digits")
  func fixed() {
    #expect(DecimalText.fixed(mantissa: -5, exponent: -2, decimals: 2) == "-0.05")
    #expect(DecimalText.fixed(mantissa: 12, exponent: 1, decimals: 0) == "120")
    #expect(DecimalText.fixed(mantissa: 0, exponent: -1, decimals: 1) == "0.0")
    #expect(DecimalText.fixed(mantissa: 15, exponent: -1, decimals: 2) == "1.50")
  }

  @Test("scientific notation writes a two-digit exponent with its sign")
  func scientific() {
    #expect(DecimalText.scientific(mantissa: 25, exponent: 8, decimals: 1) == "2.5e+09")
    #expect(DecimalText.scientific(mantissa: -3, exponent: -7, decimals: 0) == "-3e-07")
    #expect(DecimalText.scientific(mantissa: 10, exponent: 8, decimals: 1) == "1.0e+09")
  }
}
