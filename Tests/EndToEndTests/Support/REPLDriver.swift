import Foundation

/// `soma` with no arguments on a pseudo-terminal, that is the REPL, driven by typing.
///
/// Every wait is for output, never for time, with timeouts generous enough for a
/// loaded machine; the program is killed when the driver is released.
final class REPLDriver {
  static let prompt = "soma> "
  static let continuationPrompt = "  ... "

  let terminal: PseudoTerminal

  /// Starts the REPL with `home` as its home and data directory and waits for the
  /// first prompt.
  ///
  /// - Parameter colored: whether to leave NO_COLOR unset.
  init(home: ScratchDirectory, colored: Bool = false) throws {
    terminal = try PseudoTerminal(
      executable: SomaExecutable.path, arguments: [],
      environment: SomaExecutable.environment(home: home.url, colored: colored))
    try terminal.waitFor(Self.prompt)
  }

  /// Everything shown so far, without terminal control sequences.
  var transcript: String { Self.plain(terminal.output) }

  /// Types `line` and Enter, and returns what the REPL answered before showing
  /// `nextPrompt`, without control sequences and with `\n` line ends.
  @discardableResult
  func enter(_ line: String, nextPrompt: String = prompt) throws -> String {
    let start = terminal.position
    terminal.type(line + "\r")
    // Readline moves to a new line once Enter is read; the answer follows.
    let answerStart = try terminal.waitFor("\r\n", after: start)
    let end = try terminal.waitFor(nextPrompt, after: answerStart)
    return Self.plain(terminal.output(from: answerStart, to: end - nextPrompt.utf8.count))
  }

  /// Types `keys` as they are (no Enter added).
  func type(_ keys: String) {
    terminal.type(keys)
  }

  /// Waits for `text` to appear after `position` and returns the position past it.
  @discardableResult
  func waitFor(_ text: String, after position: Int) throws -> Int {
    try terminal.waitFor(text, after: position)
  }

  /// The output from `position` on, without control sequences.
  func shown(since position: Int) -> String {
    Self.plain(terminal.output(from: position, to: terminal.position))
  }

  /// `text` without ANSI control sequences and carriage returns.
  static func plain(_ text: String) -> String {
    var result = ""
    var characters = text.unicodeScalars.makeIterator()
    while let character = characters.next() {
      switch character {
      case "\u{1B}":
        // CSI: ESC [ parameters final byte; other escapes are ESC and one character.
        guard characters.next() == "[" else { continue }
        while let next = characters.next(), !(0x40...0x7E).contains(next.value) {}
      case "\r":
        continue
      default:
        result.unicodeScalars.append(character)
      }
    }
    return result
  }
}
