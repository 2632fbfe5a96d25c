/// One line of a Markdown file: its text and the line break that ended it.
///
/// Keeping the break (`\n`, `\r\n`, or none on a last line) lets the file be written
/// back byte for byte.
struct SourceLine: Sendable {
  /// The line without its break.
  let text: Substring
  /// `"\n"`, `"\r\n"`, or `""` for a last line without a break.
  let terminator: Substring

  /// The line exactly as it stood in the file.
  var raw: Substring { text.base[text.startIndex..<terminator.endIndex] }

  /// Whether the line holds nothing but spaces and tabs (CommonMark's blank line).
  var isBlank: Bool { text.utf8.allSatisfy { $0 == .space || $0 == .tab } }

  /// Splits text into lines at `\n`, keeping a `\r` just before it in the break.
  ///
  /// A lone `\r` is not a line break: it stays inside the line's text.
  static func split(_ text: String) -> [SourceLine] {
    var lines: [SourceLine] = []
    let utf8 = text.utf8
    var start = utf8.startIndex
    while let newline = utf8[start...].firstIndex(of: .newline) {
      var end = newline
      if end > start, utf8[utf8.index(before: end)] == .carriageReturn {
        end = utf8.index(before: end)
      }
      let next = utf8.index(after: newline)
      lines.append(SourceLine(text: text[start..<end], terminator: text[end..<next]))
      start = next
    }
    if start != utf8.endIndex {
      lines.append(SourceLine(text: text[start...], terminator: text[utf8.endIndex...]))
    }
    return lines
  }
}

extension UInt8 {
  static let space = UInt8(ascii: " ")
  static let tab = UInt8(ascii: "\t")
  static let newline = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
  static let backtick = UInt8(ascii: "`")
  static let tilde = UInt8(ascii: "~")
}
