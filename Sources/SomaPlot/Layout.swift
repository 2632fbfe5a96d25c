/// The arrangement of a plot: margins, the plotting area and both axes, and the
/// assembly of the finished text around a drawn area.
///
/// Every line is at most `options.width` columns (a title or legend entry longer
/// than the width is the exception), with trailing spaces removed.
struct Layout {
  let options: PlotOptions
  /// Columns left of the frame, holding the y tick labels and one space.
  let leftMargin: Int
  let areaWidth: Int
  let areaHeight: Int
  let x: AxisGuide
  let y: AxisGuide

  /// Fits the axes to the options' size: the y labels fix the left margin, then the
  /// x axis gets as many ticks as fit without their labels touching.
  ///
  /// - Parameters:
  ///   - makeX: builds the x axis for a wanted number of ticks.
  ///   - maximumAreaWidth: a narrower area for plots whose cells have a fixed size.
  init(
    options: PlotOptions, y: AxisGuide, maximumAreaWidth: Int? = nil,
    x makeX: (Int) throws(PlotError) -> AxisGuide
  ) throws(PlotError) {
    self.options = options
    self.y = y
    areaHeight = options.height
    let margin = (y.ticks.map(\.label.count).max() ?? 0) + 1
    leftMargin = margin
    let limit = maximumAreaWidth ?? options.width
    let fitted = { (x: AxisGuide) in min(limit, Self.areaWidth(options.width, margin, x)) }
    var target = max(2, (min(limit, options.width - margin)) / 8 + 1)
    var x = try makeX(target)
    var width = fitted(x)
    while target > 2 && !Self.labelsFit(x, width: width) {
      target -= 1
      x = try makeX(target)
      width = fitted(x)
    }
    self.x = x
    areaWidth = width
  }

  /// The widest plotting area the options leave room for, before the x labels are
  /// known (assuming a last label of up to 7 characters).
  static func availableWidth(_ options: PlotOptions, leftMargin: Int) -> Int {
    max(4, options.width - leftMargin - 2 - 3)
  }

  /// The area left after the margin, the two frame columns, and half of the last
  /// x label, which is centred under the right end.
  private static func areaWidth(_ total: Int, _ margin: Int, _ x: AxisGuide) -> Int {
    let overhang = (x.ticks.last?.label.count ?? 0) / 2
    return max(4, total - margin - 2 - overhang)
  }

  private static func labelsFit(_ x: AxisGuide, width: Int) -> Bool {
    let columns = x.ticks.map { column($0.fraction, width) }
    for index in x.ticks.indices.dropFirst() {
      let room = x.ticks[index - 1].label.count / 2 + (x.ticks[index].label.count + 1) / 2 + 2
      if columns[index] - columns[index - 1] < room { return false }
    }
    return true
  }

  static func column(_ fraction: Double, _ width: Int) -> Int {
    Int((fraction * Double(width - 1)).rounded())
  }

  static func row(_ fraction: Double, _ height: Int) -> Int {
    Int(((1 - fraction) * Double(height - 1)).rounded())
  }

  /// A blank canvas the size of the plotting area.
  func canvas(braille: Bool = false) -> Canvas {
    Canvas(width: areaWidth, height: areaHeight, braille: braille)
  }

  /// Turns a data point into an area position, or `nil` if an axis cannot show it.
  func point(_ xValue: Double, _ yValue: Double) -> Point? {
    guard let px = x.position(xValue), let py = y.position(yValue) else { return nil }
    return Point(x: px, y: py)
  }

  /// The finished plot: title, y label, framed area with ticks, x labels, x label,
  /// then the legend, any extra lines (such as a shade scale) and notes.
  func render(
    area: [[Character]], legend: [String] = [], extra: [String] = [], notes: [String] = []
  ) -> String {
    let frame = FrameCharacters(options.charset)
    let pad = String(repeating: " ", count: leftMargin)
    var lines: [String] = []
    if let title = options.title { lines.append(centred(title)) }
    if let ylabel = options.ylabel { lines.append(ylabel) }

    let horizontal = String(repeating: frame.horizontal, count: areaWidth)
    lines.append(pad + String(frame.topLeft) + horizontal + String(frame.topRight))
    var rowLabels: [Int: String] = [:]
    for tick in y.ticks { rowLabels[Self.row(tick.fraction, areaHeight)] = tick.label }
    for (index, row) in area.enumerated() {
      let label = rowLabels[index] ?? ""
      let left = String(repeating: " ", count: leftMargin - 1 - label.count) + label + " "
      let edge = rowLabels[index] == nil ? frame.vertical : frame.yTick
      lines.append(left + String(edge) + String(row) + String(frame.vertical))
    }

    var bottom = Array(repeating: frame.horizontal, count: areaWidth)
    // A tick in the first or last column would sit beside a corner and look like
    // a doubled corner; the corner marks that end well enough.
    for tick in x.ticks {
      let column = Self.column(tick.fraction, areaWidth)
      if column > 0 && column < areaWidth - 1 { bottom[column] = frame.xTick }
    }
    lines.append(pad + String(frame.bottomLeft) + String(bottom) + String(frame.bottomRight))
    lines.append(xTickLabels())
    if let xlabel = options.xlabel { lines.append(centred(xlabel)) }

    lines += wrapped(legend)
    lines += extra
    lines += notes.map { pad + $0 }
    return lines.map(trimmed).joined(separator: "\n") + "\n"
  }

  /// The x tick labels, each centred under its tick; one that would touch the
  /// previous label is left out.
  private func xTickLabels() -> String {
    var text: [Character] = []
    for tick in x.ticks {
      let centre = leftMargin + 1 + Self.column(tick.fraction, areaWidth)
      let start = max(0, centre - (tick.label.count - 1) / 2)
      guard start >= text.count + (text.isEmpty ? 0 : 1) else { continue }
      text += Array(repeating: " ", count: start - text.count) + Array(tick.label)
    }
    return String(text)
  }

  /// A line centred over the frame.
  private func centred(_ text: String) -> String {
    let span = areaWidth + 2
    let indent = leftMargin + max(0, (span - text.count) / 2)
    return String(repeating: " ", count: indent) + text
  }

  /// Legend entries three spaces apart, wrapped to the width, indented to the frame.
  private func wrapped(_ entries: [String]) -> [String] {
    guard !entries.isEmpty else { return [] }
    let pad = String(repeating: " ", count: leftMargin)
    var lines: [String] = []
    var line = ""
    for entry in entries {
      if !line.isEmpty && leftMargin + line.count + 3 + entry.count > options.width {
        lines.append(pad + line)
        line = ""
      }
      line += (line.isEmpty ? "" : "   ") + entry
    }
    lines.append(pad + line)
    return lines
  }

  private func trimmed(_ line: String) -> String {
    var line = Substring(line)
    while line.last == " " { line.removeLast() }
    return String(line)
  }
}

/// The characters of a plot's frame and tick marks.
struct FrameCharacters {
  let topLeft: Character
  let topRight: Character
  let bottomLeft: Character
  let bottomRight: Character
  let horizontal: Character
  let vertical: Character
  let yTick: Character
  let xTick: Character

  init(_ charset: PlotOptions.Charset) {
    switch charset {
    case .ascii:
      (topLeft, topRight, bottomLeft, bottomRight) = ("+", "+", "+", "+")
      (horizontal, vertical, yTick, xTick) = ("-", "|", "+", "+")
    case .unicode:
      (topLeft, topRight, bottomLeft, bottomRight) = ("┌", "┐", "└", "┘")
      (horizontal, vertical, yTick, xTick) = ("─", "│", "┤", "┬")
    }
  }
}
