/// Bands of values at nice round boundaries, each drawn with a shade character.
///
/// Used by heatmaps: the value range is cut at nice numbers into at most as many
/// bands as the ramp has characters, and the bands take characters spread evenly
/// from light to dark, so the legend reads in round numbers.
struct ShadeScale {
  /// ASCII shades from light to dark.
  static let asciiRamp: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]
  /// Unicode shades from light to dark.
  static let unicodeRamp: [Character] = [" ", "░", "▒", "▓", "█"]

  let scale: NiceScale
  let shades: [Character]

  /// Bands covering `lower...upper`, with at most `ramp.count` bands.
  init(lower: Double, upper: Double, ramp: [Character]) throws(PlotError) {
    let scale = try NiceScale(covering: lower, upper, maxTicks: ramp.count + 1, axis: "value")
    let bands = max(1, scale.ticks.count - 1)
    self.scale = scale
    self.shades = (0..<bands).map { band in
      guard bands > 1 else { return ramp[ramp.count / 2] }
      let spread = Double(band * (ramp.count - 1)) / Double(bands - 1)
      return ramp[min(ramp.count - 1, Int(spread.rounded()))]
    }
  }

  /// The band holding `value`; values on a boundary belong to the band above it.
  func band(of value: Double) -> Int {
    let fraction = scale.fraction(of: value) ?? 0
    return max(0, min(shades.count - 1, Int((fraction * Double(shades.count)).rounded(.down))))
  }

  func shade(of value: Double) -> Character { shades[band(of: value)] }

  /// Two lines showing each band's shade between `|` marks, boundary values below.
  ///
  /// For example:
  ///
  ///     shades: |    |....|::::|
  ///             0   0.1  0.2  0.3
  func legend(indent: Int, width: Int) -> [String] {
    let title = "shades: "
    let overhang = (scale.labels.last?.count ?? 0) / 2
    let room = width - indent - title.count - 1 - overhang
    let longest = scale.labels.map(\.count).max() ?? 1
    let bandWidth = max(1, min(max(longest + 1, 4), room / max(1, shades.count) - 1))
    var bar = "|"
    for shade in shades {
      bar += String(repeating: shade, count: bandWidth) + "|"
    }
    var labels: [Character] = []
    for (index, label) in scale.labels.enumerated() {
      let centre = indent + title.count + index * (bandWidth + 1)
      let start = max(0, centre - (label.count - 1) / 2)
      guard start >= labels.count + (labels.isEmpty ? 0 : 1) else { continue }
      labels += Array(repeating: " ", count: start - labels.count) + Array(label)
    }
    let pad = String(repeating: " ", count: indent)
    return [pad + title + bar, String(labels)]
  }
}
