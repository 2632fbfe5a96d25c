extension Canvas {
  /// Fills a column from the bottom row up to the row of `top` (a fraction).
  ///
  /// In ASCII the bar covers whole cells up to and including the row a point at
  /// `top` would land on, so a bar ending on a tick value ends on the tick's row.
  /// In Unicode its height is measured in eighths of a cell with the blocks ▁ to █,
  /// up to the top edge of that row. A bar of height 0 draws nothing.
  mutating func verticalBar(column: Int, top: Double, unicode: Bool) {
    guard top > 0 else { return }
    let cells = min(1, top) * Double(height - 1) + 1
    if unicode {
      let blocks = Self.cells(eighths: Int((cells * 8).rounded()), Self.verticalBlocks)
      for (row, block) in blocks.enumerated() {
        set(column: column, row: height - 1 - row, block)
      }
    } else {
      for row in 0..<Int(cells.rounded()) { set(column: column, row: height - 1 - row, "#") }
    }
  }

  /// Fills a row between two fractions along it, the bar of a bar chart.
  ///
  /// Bars grow from `base` (where zero is) to `end`; in Unicode a bar growing
  /// rightwards ends in eighth blocks ▏ to █, otherwise in whole cells.
  mutating func horizontalBar(row: Int, base: Double, end: Double, unicode: Bool) {
    guard end != base else { return }
    let scale = Double(width - 1)
    if unicode && end > base {
      let start = Int((base * scale).rounded())
      let cells = (min(1, end) - base) * scale + 1
      let blocks = Self.cells(eighths: Int((cells * 8).rounded()), Self.horizontalBlocks)
      for (offset, block) in blocks.enumerated() {
        set(column: start + offset, row: row, block)
      }
      return
    }
    let first = Int((min(base, end) * scale).rounded())
    let last = Int((max(base, end) * scale).rounded())
    for column in max(0, first)...max(0, min(width - 1, last)) {
      set(column: column, row: row, unicode ? "█" : "#")
    }
  }

  /// `eighths / 8` full blocks then one partial block, from a table of 9 blocks.
  private static func cells(eighths: Int, _ blocks: [Character]) -> [Character] {
    let full = Array(repeating: blocks[8], count: max(0, eighths / 8))
    return eighths % 8 > 0 ? full + [blocks[eighths % 8]] : full
  }

  /// Index k holds a block k eighths tall (index 0 unused).
  private static let verticalBlocks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
  /// Index k holds a block k eighths wide, from the left (index 0 unused).
  private static let horizontalBlocks: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
}
