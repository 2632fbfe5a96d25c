/// A point in a source text: its line, its column and its byte offset.
///
/// Lines and columns start at 1 and are what a student sees in an editor; the
/// column counts characters, so a combining accent or a tab is one step like any
/// letter. The offset counts UTF-8 code units from the start of the source and
/// is what tools use to slice the text.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The 1-based line number within the source.
  public var line: Int
  /// The 1-based column within the line, counted in characters.
  public var column: Int
  /// The 0-based offset from the start of the source, in UTF-8 code units.
  public var offset: Int

  /// Creates a location from its line, column and offset.
  public init(line: Int, column: Int, offset: Int) {
    self.line = line
    self.column = column
    self.offset = offset
  }

  /// The very start of a source text.
  public static let start = SourceLocation(line: 1, column: 1, offset: 0)

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    lhs.offset < rhs.offset
  }

  public var description: String { "\(line):\(column)" }
}

/// A span of source text, from `start` up to but not including `end`.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
  /// The first character of the span.
  public var start: SourceLocation
  /// The location just after the last character of the span.
  public var end: SourceLocation

  /// Creates the span from `start` up to `end`.
  public init(start: SourceLocation, end: SourceLocation) {
    self.start = start
    self.end = max(start, end)
  }

  /// An empty span at `location`, such as the end of the input.
  public init(at location: SourceLocation) {
    self.init(start: location, end: location)
  }

  /// The smallest span that covers both this span and `other`.
  public func joined(with other: SourceRange) -> SourceRange {
    SourceRange(start: min(start, other.start), end: max(end, other.end))
  }

  /// Whether the span covers no characters.
  public var isEmpty: Bool { start.offset == end.offset }

  public var description: String { "\(start)-\(end)" }
}
