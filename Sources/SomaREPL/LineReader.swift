/// What one attempt to read a line of input produced.
public enum LineInput: Equatable, Sendable {
  /// A line the user entered, without its newline.
  case line(String)
  /// The user pressed Ctrl-C: the line was abandoned.
  case interrupted
  /// The input ended (Ctrl-D on an empty line, or the end of a piped file).
  case endOfInput
}

/// Reads lines typed by a person, with editing, history and completion.
///
/// The REPL talks only to this protocol; `ReadlineLineReader` implements it with
/// GNU readline, and tests can substitute a scripted reader.
public protocol LineReader: AnyObject {
  /// Shows `prompt` and reads one line.
  func readLine(prompt: String) -> LineInput

  /// Remembers a finished entry so the user can recall it with the arrow keys or Ctrl-R.
  func addToHistory(_ entry: String)

  /// Whether more typed or pasted input is already waiting to be read.
  var hasPendingInput: Bool { get }
}
