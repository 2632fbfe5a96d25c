extension Diagnostic {
  /// The columns between tab stops when a source line with tabs is shown.
  public static let tabWidth = 4

  /// The diagnostic as text: a `place:line:column: error: message` header, the
  /// source line, and a caret line with `^` under the start of the range and `~`
  /// under the rest of it on that line.
  ///
  /// Tabs in the source line are expanded to the next multiple of
  /// `Diagnostic.tabWidth` columns, and wide characters (CJK, emoji) take two
  /// columns, so the carets line up in a terminal. A note follows in the same
  /// form, or as a bare `note: message` line when it has no range.
  ///
  /// - Parameters:
  ///   - source: The text the range refers to; its name is the place shown.
  ///   - colored: Whether to add ANSI colours, for a terminal where NO_COLOR
  ///     is unset.
  /// - Returns: The lines of the diagnostic, each ended by a newline.
  public func rendered(in source: Source, colored: Bool = false) -> String {
    let style = RenderStyle(colored: colored)
    var text = Self.renderedMessage(
      severity: severity, message: message, range: range, source: source, style: style)
    if let note {
      if let noteRange = note.range {
        text += Self.renderedMessage(
          severity: .note, message: note.message, range: noteRange, source: source,
          style: style)
      } else {
        text += style.severity(.note, "note:") + " " + note.message + "\n"
      }
    }
    return text
  }

  private static func renderedMessage(
    severity: Severity, message: String, range: SourceRange, source: Source,
    style: RenderStyle
  ) -> String {
    let place = "\(source.name):\(range.start.line):\(range.start.column):"
    var text = style.bold(place) + " " + style.severity(severity, severity.rawValue + ":")
    text += " " + style.bold(message) + "\n"
    let line = source.line(range.start.line)
    let (shownLine, carets) = excerpt(line: line, range: range, source: source)
    text += shownLine + "\n" + style.caret(carets) + "\n"
    return text
  }

  /// The source line with tabs expanded, and the caret line under it.
  private static func excerpt(
    line: Substring, range: SourceRange, source: Source
  ) -> (line: String, carets: String) {
    let lineStart = source.offset(ofLine: range.start.line)
    let spanStart = range.start.offset - lineStart
    let spanEnd =
      range.end.line == range.start.line ? range.end.offset - lineStart : line.utf8.count
    var shown = ""
    var carets = ""
    var column = 0
    var offset = 0
    var placedCaret = false
    for character in line {
      let width =
        character == "\t" ? tabWidth - column % tabWidth : displayWidth(of: character)
      shown += character == "\t" ? String(repeating: " ", count: width) : String(character)
      let characterEnd = offset + character.utf8.count
      if characterEnd <= spanStart {
        carets += String(repeating: " ", count: width)
      } else if !placedCaret {
        carets += "^" + String(repeating: spanEnd > characterEnd ? "~" : " ", count: width - 1)
        placedCaret = true
      } else if offset < spanEnd {
        carets += String(repeating: "~", count: width)
      }
      column += width
      offset = characterEnd
    }
    if !placedCaret {
      carets += "^"
    }
    while carets.last == " " {
      carets.removeLast()
    }
    return (shown, carets)
  }

  /// How many terminal columns a character takes: two for East Asian wide
  /// characters and emoji, none for control characters, one otherwise.
  static func displayWidth(of character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    let value = first.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) {
      return 0
    }
    if value < 0x1100 {
      return 1
    }
    return wideRanges.contains { $0.contains(value) } ? 2 : 1
  }

  /// The East Asian wide and fullwidth blocks and the common emoji blocks.
  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
    0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
    0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
  ]
}

/// ANSI styling for rendered diagnostics, or none.
private struct RenderStyle {
  let colored: Bool

  func bold(_ text: String) -> String {
    colored ? "\u{1B}[1m\(text)\u{1B}[0m" : text
  }

  func severity(_ severity: Diagnostic.Severity, _ text: String) -> String {
    guard colored else { return text }
    switch severity {
    case .error: return "\u{1B}[1;31m\(text)\u{1B}[0m"
    case .warning: return "\u{1B}[1;35m\(text)\u{1B}[0m"
    case .note: return "\u{1B}[1;36m\(text)\u{1B}[0m"
    }
  }

  func caret(_ text: String) -> String {
    colored ? "\u{1B}[1;32m\(text)\u{1B}[0m" : text
  }
}
