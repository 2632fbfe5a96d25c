import SomaLanguage
import SomaTensor

/// The read-eval-print loop: reads entries, runs them in one session, shows results
/// and errors, and understands a few `:commands`.
///
/// Input comes from a `LineReader` and output goes to two closures, so the loop is
/// the same on a terminal and in tests.
public final class REPL {
  /// The prompt for a new entry.
  public static let prompt = "soma> "
  /// The prompt for the following lines of an entry that is not finished yet.
  public static let continuationPrompt = "  ... "

  private let reader: LineReader
  private let session: Session
  let write: (String) -> Void
  let writeError: (String) -> Void
  private let colored: Bool
  private var commands: [Command] = []
  /// Whether the last line read came from a pasted transcript, so that the output
  /// lines pasted with it are skipped.
  private var readingTranscript = false
  private var finished = false
  /// The code entries run so far, for `:save`.
  var transcript: [TranscriptEntry] = []

  /// Creates a loop over `session`, reading from `reader`.
  ///
  /// - Parameters:
  ///   - write: receives results and printed output.
  ///   - writeError: receives error messages.
  ///   - colored: whether diagnostics may use ANSI colour.
  public init(
    reader: LineReader, session: Session, colored: Bool,
    write: @escaping (String) -> Void, writeError: @escaping (String) -> Void
  ) {
    self.reader = reader
    self.session = session
    self.colored = colored
    self.write = write
    self.writeError = writeError
    commands = REPL.makeCommands()
  }

  /// Reads and runs entries until `:quit` or the end of input.
  public func run() {
    write("Soma \(SomaVersion.current): type :help for help, :quit or Ctrl-D to leave\n")
    while !finished, let entry = readEntry() {
      handle(entry)
    }
  }

  /// Reads one complete entry, asking for more lines while a block or bracket is open;
  /// `nil` at the end of input.
  func readEntry() -> String? {
    var lines: [String] = []
    while true {
      let prompt = lines.isEmpty ? Self.prompt : Self.continuationPrompt
      // Input already waiting before the prompt shows was pasted, not typed.
      let pasted = reader.hasPendingInput
      switch reader.readLine(prompt: prompt) {
      case .endOfInput:
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
      case .interrupted:
        lines.removeAll()
        readingTranscript = false
      case .line(let line):
        guard let input = transcriptInput(line, pasted: pasted) else { continue }
        lines.append(input)
        let text = lines.joined(separator: "\n")
        if text.hasPrefix(":") || text.hasPrefix("?") || !Parser.isIncomplete(text) {
          return text
        }
      }
    }
  }

  /// The input part of a line: the line itself, the text after a pasted prompt, or
  /// `nil` for an output line pasted along with a transcript.
  ///
  /// After a line with a prompt, the lines pasted with it that have none are output.
  /// A bracketed paste arrives as one line holding several; it is a transcript when
  /// any of its lines has a prompt, and then only those lines are kept.
  ///
  /// - Parameter pasted: whether the line was already waiting when its prompt showed.
  func transcriptInput(_ line: String, pasted: Bool) -> String? {
    let parts = line.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 1 else {
      readingTranscript = false
      guard parts.contains(where: { Self.promptedInput($0) != nil }) else { return line }
      let inputs = parts.compactMap(Self.promptedInput)
      return inputs.isEmpty ? nil : inputs.joined(separator: "\n")
    }
    if let input = Self.promptedInput(line) {
      readingTranscript = true
      return input
    }
    if readingTranscript && pasted { return nil }
    readingTranscript = false
    return line
  }

  /// The text after a prompt at the start of `line`, or `nil` when it has none.
  ///
  /// A prompt alone counts without its trailing space, which handouts often drop.
  static func promptedInput(_ line: String) -> String? {
    for prompt in [prompt, continuationPrompt] {
      if line.hasPrefix(prompt) { return String(line.dropFirst(prompt.count)) }
      if line == prompt.dropLast() { return "" }
    }
    return nil
  }

  /// Runs one entry: a command, a help request or Soma code.
  func handle(_ entry: String) {
    let trimmed = entry.trimmingWhitespace()
    guard !trimmed.isEmpty else { return }
    reader.addToHistory(entry)
    if trimmed.hasPrefix("?") {
      showHelp(for: String(trimmed.dropFirst()).trimmingWhitespace())
    } else if trimmed.hasPrefix(":") {
      runCommand(trimmed)
    } else {
      evaluate(Source(entry, name: "<repl>"))
    }
  }

  /// Runs Soma code in the session, showing its results or its error.
  ///
  /// Entries that ran to the end, with or without an error, are kept for `:save`.
  func evaluate(_ source: Source, showResults: Bool = true) {
    do {
      try session.run(source, showResults: showResults)
      transcript.append(TranscriptEntry(code: source.text, failed: false))
    } catch let error as SomaError {
      var interrupted = false
      if case .runtime(let located) = error, case .interrupted = located.error {
        interrupted = true
      }
      // The terminal echoed Ctrl-C as ^C; the message starts on the next line.
      if interrupted { write("\n") }
      writeError(error.rendered(colored: colored) + "\n")
      if interrupted { return }
      transcript.append(TranscriptEntry(code: source.text, failed: true))
    } catch {
      writeError("error: \(error)\n")
    }
  }

  private func runCommand(_ line: String) {
    let words = line.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
    let name = words.first ?? ""
    let argument = words.count > 1 ? words[1].trimmingWhitespace() : ""
    guard let command = commands.first(where: { $0.name == name }) else {
      let closest = closestCommand(to: name, among: commands.map(\.name))
      let suggestion = closest.map { "; did you mean :\($0)?" } ?? ""
      writeError("error: unknown command :\(name)\(suggestion) (type :help for the list)\n")
      return
    }
    command.run(self, argument)
  }

  /// Shows the help of one builtin or user function.
  func showHelp(for name: String) {
    guard let text = session.help(for: name) else {
      let known = session.names(startingWith: "").filter { session.help(for: $0) != nil }
      let suggestion = closestName(to: name, among: known).map { "; did you mean \($0)?" } ?? ""
      writeError("error: no function named '\(name)'\(suggestion)\n")
      return
    }
    write(text + "\n")
  }

  /// Words that could complete `prefix`: names, `record.field` forms and commands.
  public func completions(for prefix: String) -> [String] {
    if prefix.hasPrefix(":") {
      return commands.map { ":" + $0.name }.filter { $0.hasPrefix(prefix) }
    }
    if let dot = prefix.lastIndex(of: ".") {
      let path = prefix[..<dot].split(separator: ".").map(String.init)
      let partial = prefix[prefix.index(after: dot)...]
      guard let first = path.first, var value = session[first] else { return [] }
      for field in path.dropFirst() {
        guard case .record(let record) = value, let next = record[field] else { return [] }
        value = next
      }
      guard case .record(let record) = value else { return [] }
      return record.names.filter { $0.hasPrefix(partial) }.map { prefix[..<dot] + "." + $0 }
    }
    return session.names(startingWith: prefix)
  }

  // MARK: Commands

  /// A `:command` of the REPL.
  struct Command {
    let name: String
    let usage: String
    let summary: String
    let run: (REPL, String) -> Void
  }

  private static func makeCommands() -> [Command] {
    [
      Command(name: "help", usage: ":help", summary: "show this help") { repl, _ in
        repl.showGeneralHelp()
      },
      Command(
        name: "vars", usage: ":vars", summary: "list your variables with their types and shapes"
      ) {
        repl, _ in repl.listVariables()
      },
      Command(name: "time", usage: ":time EXPR", summary: "run code and say how long it took") {
        repl, code in repl.time(code)
      },
      Command(name: "reset", usage: ":reset", summary: "forget all variables and start afresh") {
        repl, _ in
        repl.session.reset()
        repl.transcript.removeAll()
        repl.write("session reset\n")
      },
      Command(
        name: "load", usage: ":load FILE",
        summary: "run a script (.soma) or a notebook's cells (.md) in this session"
      ) { repl, path in repl.load(path) },
      Command(
        name: "save", usage: ":save FILE.md",
        summary: "save this session's entries and outputs as a new notebook"
      ) { repl, path in repl.save(to: path) },
      Command(name: "quit", usage: ":quit", summary: "leave Soma (Ctrl-D works too)") { repl, _ in
        repl.finished = true
      },
    ]
  }

  private func showGeneralHelp() {
    var lines = ["Soma commands:"]
    let width = commands.map(\.usage.count).max() ?? 0
    for command in commands {
      lines.append("  " + command.usage.padded(to: width) + "  " + command.summary)
    }
    lines.append("  " + "?NAME".padded(to: width) + "  show how to use a function, e.g. ?grad")
    lines.append("")
    lines.append("Type Soma code to run it; the value of an expression is shown and kept in ans.")
    lines.append("Builtin functions:")
    lines.append(contentsOf: wrapped(session.builtinNames, width: 76).map { "  " + $0 })
    write(lines.joined(separator: "\n") + "\n")
  }

  private func listVariables() {
    let variables = session.userVariables()
    guard !variables.isEmpty else {
      write("no variables yet\n")
      return
    }
    let width = variables.map(\.name.count).max() ?? 0
    for variable in variables {
      write(variable.name.padded(to: width) + "  " + variable.description + "\n")
    }
  }

  private func time(_ code: String) {
    guard !code.isEmpty else {
      writeError("error: :time needs code to run, as in :time sum(range(1000))\n")
      return
    }
    let clock = ContinuousClock()
    let elapsed = clock.measure { evaluate(Source(code, name: "<repl>")) }
    write("time: \(formatMilliseconds(elapsed))\n")
  }

  private func wrapped(_ words: [String], width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in words {
      if !current.isEmpty && current.count + word.count + 2 > width {
        lines.append(current + ",")
        current = word
      } else {
        current += (current.isEmpty ? "" : ", ") + word
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }
}

extension String {
  fileprivate func padded(to width: Int) -> String {
    self + String(repeating: " ", count: Swift.max(0, width - count))
  }

  func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    return String(self.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
  }
}
