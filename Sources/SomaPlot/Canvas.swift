/// A grid of character cells that points and line segments are drawn on.
///
/// Positions are fractions of the plotting area, 0 to 1 from left to right and
/// from bottom to top. In braille mode each cell holds 2 × 4 dots, giving twice
/// the horizontal and four times the vertical resolution; dots then replace the
/// marker characters.
struct Canvas {
  let width: Int
  let height: Int
  let braille: Bool
  private var cells: [[Character]]
  private var dots: [[UInt8]]

  init(width: Int, height: Int, braille: Bool = false) {
    self.width = width
    self.height = height
    self.braille = braille
    cells = Array(repeating: Array(repeating: " ", count: width), count: height)
    dots = Array(repeating: Array(repeating: 0, count: width), count: height)
  }

  private var dotColumns: Int { braille ? width * 2 : width }
  private var dotRows: Int { braille ? height * 4 : height }

  /// The rows of the finished picture, top first.
  var rows: [[Character]] {
    guard braille else { return cells }
    return (0..<height).map { row in
      (0..<width).map { column in
        let bits = dots[row][column]
        guard bits != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits)) else {
          return cells[row][column]
        }
        return Character(scalar)
      }
    }
  }

  /// Writes a character into a cell; cells outside the grid are ignored.
  mutating func set(column: Int, row: Int, _ character: Character) {
    guard (0..<width).contains(column), (0..<height).contains(row) else { return }
    cells[row][column] = character
  }

  /// Reads a cell's character.
  func character(column: Int, row: Int) -> Character { cells[row][column] }

  /// Marks one point; points outside the area are not drawn.
  ///
  /// Returns whether the point was inside.
  @discardableResult
  mutating func mark(_ point: Point, with marker: Character) -> Bool {
    guard let (column, row) = dot(point) else { return false }
    setDot(column: column, row: row, marker)
    return true
  }

  /// Draws the straight segment between two points, clipped to the area.
  mutating func line(from start: Point, to end: Point, with marker: Character) {
    guard let (clippedStart, clippedEnd) = Self.clip(start, end) else { return }
    guard let (x0, y0) = dot(clippedStart), let (x1, y1) = dot(clippedEnd) else { return }
    // Bresenham's algorithm: step along the longer axis, carrying the error term of
    // the shorter one so every dot is the nearest to the ideal line.
    let dx = abs(x1 - x0)
    let dy = -abs(y1 - y0)
    let stepX = x0 < x1 ? 1 : -1
    let stepY = y0 < y1 ? 1 : -1
    var error = dx + dy
    var x = x0
    var y = y0
    while true {
      setDot(column: x, row: y, marker)
      if x == x1 && y == y1 { break }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x += stepX
      }
      if doubled <= dx {
        error += dx
        y += stepY
      }
    }
  }

  /// The dot nearest to a point, or `nil` outside the area.
  private func dot(_ point: Point) -> (Int, Int)? {
    guard point.isInsideArea else { return nil }
    let column = (point.x * Double(dotColumns - 1)).rounded()
    let row = ((1 - point.y) * Double(dotRows - 1)).rounded()
    return (Int(column), Int(row))
  }

  private mutating func setDot(column: Int, row: Int, _ marker: Character) {
    guard braille else {
      set(column: column, row: row, marker)
      return
    }
    // Braille dot numbering: the left column holds dots 1, 2, 3, 7 from the top,
    // the right column dots 4, 5, 6, 8; dot k is bit k - 1 of the code point.
    let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
    dots[row / 4][column / 2] |= bits[row % 4][column % 2]
  }

  /// The part of a segment inside the unit square (Liang–Barsky clipping), or `nil`.
  private static func clip(_ start: Point, _ end: Point) -> (Point, Point)? {
    let dx = end.x - start.x
    let dy = end.y - start.y
    var enter = 0.0
    var leave = 1.0
    let edges = [(-dx, start.x), (dx, 1 - start.x), (-dy, start.y), (dy, 1 - start.y)]
    for (direction, distance) in edges {
      if direction == 0 {
        if distance < 0 { return nil }
        continue
      }
      let t = distance / direction
      if direction < 0 {
        enter = max(enter, t)
      } else {
        leave = min(leave, t)
      }
    }
    guard enter <= leave else { return nil }
    let first = Point(x: start.x + enter * dx, y: start.y + enter * dy)
    let second = Point(x: start.x + leave * dx, y: start.y + leave * dy)
    return (first, second)
  }
}

/// A position in the plotting area, each coordinate 0 to 1.
struct Point: Equatable {
  var x: Double
  var y: Double

  /// Whether the point is in the area, forgiving a rounding error's worth (1e-9)
  /// so that a value on an axis end is drawn.
  var isInsideArea: Bool {
    let slack = 1e-9
    return x >= -slack && x <= 1 + slack && y >= -slack && y <= 1 + slack
  }
}
