/// A line that opens or closes a fenced code block (CommonMark): up to three spaces,
/// then three or more backticks or tildes, then an info string.
///
/// The line is read byte by byte, not by `Character`, so a combining mark after the
/// fence cannot merge with the last backtick and hide the fence.
struct Fence: Sendable {
  /// `` ` `` or `~`, as a byte.
  let character: UInt8
  /// How many fence characters the line has.
  let length: Int
  /// How many spaces come before the fence; as many are removed from each code line.
  let indent: Int
  /// The words after the fence, such as `soma hide`, without surrounding whitespace.
  let info: Substring

  /// Reads a fence from a line, or `nil` when the line is not one.
  init?(_ line: Substring) {
    let bytes = line.utf8
    let indent = bytes.prefix { $0 == .space }.count
    guard indent <= 3 else { return nil }
    let runStart = bytes.index(bytes.startIndex, offsetBy: indent)
    guard runStart != bytes.endIndex else { return nil }
    let character = bytes[runStart]
    guard character == .backtick || character == .tilde else { return nil }
    let run = bytes[runStart...].prefix { $0 == character }
    guard run.count >= 3 else { return nil }
    let info = line[run.endIndex...].trimmingSpacesAndTabs()
    // A backtick fence's info string may not hold backticks: that would be inline code.
    if character == .backtick && info.utf8.contains(.backtick) { return nil }
    self.character = character
    self.length = run.count
    self.indent = indent
    self.info = info
  }

  /// Whether `line` closes a block opened by this fence: the same character, at least
  /// as many of them, and nothing but spaces or tabs after.
  func isClosed(by line: Substring) -> Bool {
    guard let closing = Fence(line) else { return false }
    return closing.character == character && closing.length >= length && closing.info.isEmpty
  }

  /// The first word of the info string: the block's language or tag.
  var tag: Substring { info.prefix { $0 != " " && $0 != "\t" } }

  /// The words after the tag.
  var options: [Substring] {
    info.dropFirst(tag.count).split(whereSeparator: { $0 == " " || $0 == "\t" })
  }
}

extension Substring {
  /// The text without leading and trailing spaces and tabs.
  func trimmingSpacesAndTabs() -> Substring {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return self[endIndex...] }
    return self[first...last]
  }
}
