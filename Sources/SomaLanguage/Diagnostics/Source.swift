/// A named source text, such as a script, one REPL entry or one notebook cell.
///
/// The name is the place shown in diagnostics: `script.soma`, `<repl>` or
/// `notebook.md, cell 3`. Line numbers are counted within this text, so a cell's
/// first line is line 1 whatever its position in the notebook.
public struct Source: Sendable {
  /// The place shown in diagnostics.
  public let name: String
  /// The whole text.
  public let text: String
  /// The UTF-8 offset at which each line starts; the first entry is 0.
  private let lineStarts: [Int]

  /// Creates a source from its text and the place name diagnostics show.
  public init(_ text: String, name: String = "<input>") {
    self.name = name
    self.text = text
    var starts = [0]
    var offset = 0
    for byte in text.utf8 {
      offset += 1
      if byte == UInt8(ascii: "\n") {
        starts.append(offset)
      }
    }
    lineStarts = starts
  }

  /// The number of lines; a text without a final newline still counts its last line.
  public var lineCount: Int { lineStarts.count }

  /// The text of line `number` (1-based) without its line break.
  ///
  /// A number outside the text gives an empty line, so that a diagnostic about a
  /// damaged range still renders.
  public func line(_ number: Int) -> Substring {
    guard number >= 1, number <= lineStarts.count else { return "" }
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
    var end =
      number < lineStarts.count
      ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number] - 1)
      : utf8.endIndex
    if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") {
      end = utf8.index(before: end)
    }
    return text[start..<end]
  }

  /// The UTF-8 offset at which line `number` (1-based) starts.
  public func offset(ofLine number: Int) -> Int {
    lineStarts[min(max(number, 1), lineStarts.count) - 1]
  }

  /// The line and column of a UTF-8 offset into the text.
  ///
  /// The column counts the characters (grapheme clusters) before the offset on
  /// its line, plus one.
  public func location(atOffset offset: Int) -> SourceLocation {
    let clamped = min(max(offset, 0), text.utf8.count)
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= clamped {
        low = middle
      } else {
        high = middle - 1
      }
    }
    let utf8 = text.utf8
    let lineStart = utf8.index(utf8.startIndex, offsetBy: lineStarts[low])
    let position = utf8.index(utf8.startIndex, offsetBy: clamped)
    let column = text[lineStart..<position].count + 1
    return SourceLocation(line: low + 1, column: column, offset: clamped)
  }
}
