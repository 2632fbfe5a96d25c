import CReadline

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A `LineReader` over GNU readline: Emacs-style editing, persistent history, Ctrl-R
/// search and tab completion.
///
/// Readline is driven through its callback interface, one character at a time, so
/// that Ctrl-C (see `InterruptSignal`) can abandon a half-typed line and show a fresh
/// prompt instead of ending the program.
public final class ReadlineLineReader: LineReader {
  private let historyFile: String?

  /// The most entries the history file keeps.
  public static let historyLimit: Int32 = 1000

  /// Creates the reader, loading history from `historyFile` if given.
  ///
  /// - Parameter completer: given the word before the cursor, returns the words that
  ///   could complete it (names, or `record.field` forms).
  public init(historyFile: String?, completer: @escaping (String) -> [String]) {
    self.historyFile = historyFile
    ReadlineCallbacks.completer = completer
    soma_readline_configure(
      ReadlineCallbacks.programName, ReadlineCallbacks.wordBreaks, ReadlineCallbacks.complete)
    using_history()
    if let historyFile { read_history(historyFile) }
  }

  public func readLine(prompt: String) -> LineInput {
    // A Ctrl-C pressed before the prompt was meant for the computation before it (one
    // long builtin call cannot be stopped midway); it must not cancel the next line.
    if InterruptSignal.consume() { print() }
    ReadlineCallbacks.result = nil
    rl_callback_handler_install(prompt, ReadlineCallbacks.lineFinished)
    defer { rl_callback_handler_remove() }
    while true {
      if InterruptSignal.consume() {
        abandonLine()
        return .interrupted
      }
      // Wait for a key or for Ctrl-C, which makes the wake-up descriptor readable.
      var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
      if let wakeUp = InterruptSignal.wakeUpDescriptor {
        descriptors.append(pollfd(fd: wakeUp, events: Int16(POLLIN), revents: 0))
      }
      let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
      if ready < 0 { continue }  // EINTR: a signal arrived; the loop checks for Ctrl-C
      if descriptors.count > 1 && descriptors[1].revents != 0 {
        InterruptSignal.drainWakeUps()
        continue
      }
      guard descriptors[0].revents != 0 else { continue }
      rl_callback_read_char()
      if let result = ReadlineCallbacks.result { return result }
    }
  }

  public func addToHistory(_ entry: String) {
    add_history(entry)
    guard let historyFile else { return }
    if access(historyFile, F_OK) != 0 {
      write_history(historyFile)
    } else {
      append_history(1, historyFile)
    }
    history_truncate_file(historyFile, Self.historyLimit)
  }

  public var hasPendingInput: Bool {
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 0) > 0
  }

  /// Clears readline's half-typed line after Ctrl-C and moves to a new line.
  private func abandonLine() {
    soma_readline_abandon_line()
    print("^C")
  }
}

/// State for readline's C callbacks, which cannot carry a Swift context.
///
/// Readline is one process-wide instance used from the REPL's thread only, which is
/// why this mutable state is safe despite being global.
private enum ReadlineCallbacks {
  nonisolated(unsafe) static var result: LineInput?
  nonisolated(unsafe) static var completer: (String) -> [String] = { _ in [] }
  nonisolated(unsafe) static var candidates: [String] = []
  /// `:` when the word being completed is a command's name at the start of the line.
  nonisolated(unsafe) static var commandPrefix = ""
  nonisolated(unsafe) static let programName = strdup("soma")
  /// Characters that end a completable word; `.` is absent so `record.field` completes.
  nonisolated(unsafe) static let wordBreaks = strdup(" \t\n\"\\'`@$><=;|&{([,+-*/^:")

  static let lineFinished: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { line in
    // Removing the handler here, not only after `rl_callback_read_char` returns, stops
    // readline from showing the prompt again, which output would then overwrite.
    rl_callback_handler_remove()
    guard let line else {
      // With bracketed paste on, readline itself ends the line at Ctrl-D.
      let pasteMode = rl_variable_value("enable-bracketed-paste").map { String(cString: $0) }
      if pasteMode != "on" { print() }
      result = .endOfInput
      return
    }
    result = .line(String(cString: line))
    free(line)
  }

  static let complete:
    @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<
      UnsafeMutablePointer<CChar>?
    >? = { text, start, _ in
      soma_readline_completion_done()
      guard let text else { return nil }
      // `:` breaks words (for slices), so a command's name arrives without it.
      commandPrefix = ""
      if start == 1, let first = rl_copy_text(0, 1) {
        if String(cString: first) == ":" { commandPrefix = ":" }
        free(first)
      }
      return rl_completion_matches(text, nextCandidate)
    }

  static let nextCandidate:
    @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<
      CChar
    >? = { text, state in
      if state == 0 {
        let word = commandPrefix + (text.map { String(cString: $0) } ?? "")
        candidates = completer(word).map { String($0.dropFirst(commandPrefix.count)) }
          .reversed()
      }
      guard let next = candidates.popLast() else { return nil }
      return strdup(next)
    }
}
