import Testing

@testable import SomaPlot

@Suite("Drawing on a character canvas")
struct CanvasTests {
  /// The (column, row) of every cell holding `marker`.
  func marked(_ canvas: Canvas, _ marker: Character) -> [(Int, Int)] {
    canvas.rows.enumerated().flatMap { row, cells in
      cells.enumerated().filter { $0.element == marker }.map { ($0.offset, row) }
    }
  }

  @Test("a steep line has no gaps: consecutive rows hold neighbouring cells")
  func continuousLine() {
    var canvas = Canvas(width: 5, height: 10)
    canvas.line(from: Point(x: 0, y: 0), to: Point(x: 1, y: 1), with: "*")
    let cells = marked(canvas, "*")
    #expect(Set(cells.map(\.1)) == Set(0..<10))
    for row in 0..<9 {
      let here = cells.filter { $0.1 == row }.map(\.0)
      let next = cells.filter { $0.1 == row + 1 }.map(\.0)
      #expect(here.contains { a in next.contains { abs(a - $0) <= 1 } })
    }
  }

  @Test("a segment leaving the area is clipped at its edge, not dropped")
  func clippedLine() {
    var canvas = Canvas(width: 11, height: 3)
    canvas.line(from: Point(x: -1, y: 0.5), to: Point(x: 0.5, y: 0.5), with: "-")
    #expect(marked(canvas, "-").map(\.0) == Array(0...5))
    #expect(marked(canvas, "-").allSatisfy { $0.1 == 1 })
  }

  @Test("a segment far outside draws nothing and takes no time")
  func farOutside() {
    var canvas = Canvas(width: 10, height: 3)
    canvas.line(from: Point(x: 1e15, y: 2), to: Point(x: -1e15, y: 3), with: "x")
    #expect(marked(canvas, "x").isEmpty)
  }

  @Test("braille packs 2 × 4 dots per cell: a full cell is U+28FF")
  func brailleDots() {
    var canvas = Canvas(width: 1, height: 1, braille: true)
    canvas.line(from: Point(x: 0, y: 0), to: Point(x: 0, y: 1), with: "*")
    canvas.line(from: Point(x: 1, y: 0), to: Point(x: 1, y: 1), with: "*")
    #expect(canvas.rows == [["⣿"]])
  }
}
