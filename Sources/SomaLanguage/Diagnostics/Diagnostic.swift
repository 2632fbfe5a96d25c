/// A message about a place in a source text, ready to be rendered for a student.
///
/// Every error Soma reports about a program, syntax errors now and runtime
/// errors later, becomes a `Diagnostic`, and `rendered(in:colored:)` is the one
/// place that turns it into text.
public struct Diagnostic: Hashable, Sendable {
  /// How serious a diagnostic is.
  public enum Severity: String, Hashable, Sendable {
    case error
    case warning
    case note
  }

  /// A second message that helps with the first, optionally pointing elsewhere.
  public struct Note: Hashable, Sendable {
    /// The text of the note, written like a diagnostic message.
    public var message: String
    /// The place the note is about, such as where an unclosed bracket opened.
    public var range: SourceRange?

    /// Creates a note, with a place to point at or none.
    public init(_ message: String, range: SourceRange? = nil) {
      self.message = message
      self.range = range
    }
  }

  /// How serious the diagnostic is.
  public var severity: Severity
  /// The message: lowercase start, no final period, with the actual values.
  public var message: String
  /// The span the message is about; its start is the reported line and column.
  public var range: SourceRange
  /// An optional hint or a pointer to a related place.
  public var note: Note?

  /// Creates a diagnostic.
  public init(
    _ severity: Severity = .error, message: String, range: SourceRange, note: Note? = nil
  ) {
    self.severity = severity
    self.message = message
    self.range = range
    self.note = note
  }
}
