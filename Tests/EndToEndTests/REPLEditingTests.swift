import Foundation
import Testing

/// The REPL's line editing through readline: history across sessions, Ctrl-R search
/// and tab completion.
@Suite("soma REPL: history and completion")
struct REPLEditingTests {
  let home: ScratchDirectory

  init() throws {
    home = try ScratchDirectory()
  }

  static let upArrow = "\u{1B}[A"
  static let controlD = "\u{4}"
  static let controlR = "\u{12}"

  @Test("an entry from an earlier session comes back with the Up arrow")
  func recallsHistoryOfEarlierSession() throws {
    let first = try REPLDriver(home: home)
    #expect(try first.enter("6 * 7") == "42\n")
    first.type(Self.controlD)
    #expect(try first.terminal.waitForExit() == 0)

    let history = home.url.appendingPathComponent("data/soma/history")
    let saved = try String(contentsOf: history, encoding: .utf8)
    #expect(saved.split(separator: "\n").contains("6 * 7"))

    let second = try REPLDriver(home: home)
    let start = second.terminal.position
    second.type(Self.upArrow)
    try second.waitFor("6 * 7", after: start)
    #expect(try second.enter("") == "42\n")
  }

  @Test("a multi-line entry comes back whole in a new session")
  func recallsMultiLineEntryOfEarlierSession() throws {
    let first = try REPLDriver(home: home)
    let continuation = REPLDriver.continuationPrompt
    try first.enter("function triple(a)", nextPrompt: continuation)
    try first.enter("return 3 * a", nextPrompt: continuation)
    try first.enter("end")
    first.type(Self.controlD)
    #expect(try first.terminal.waitForExit() == 0)

    let second = try REPLDriver(home: home)
    let start = second.terminal.position
    second.type(Self.upArrow)
    try second.waitFor("end", after: start)
    let enterPressed = second.terminal.position
    second.type("\r")
    try second.waitFor(REPLDriver.prompt, after: enterPressed)

    #expect(try second.enter("triple(5)") == "15\n")
  }

  @Test("Ctrl-R finds an earlier entry by a piece of it")
  func searchesHistoryBackwards() throws {
    let repl = try REPLDriver(home: home)
    #expect(try repl.enter("6 * 7") == "42\n")
    try repl.enter("1 + 1")
    try repl.enter("2 + 2")

    let start = repl.terminal.position
    repl.type(Self.controlR)
    try repl.waitFor("reverse-i-search", after: start)
    repl.type("6 *")
    // Readline shows the search text as it grows: "(reverse-i-search)`6 *': 6 * 7".
    try repl.waitFor("*':", after: start)
    let enterPressed = repl.terminal.position
    repl.type("\r")
    let answered = try repl.waitFor("42\r\n", after: enterPressed)
    try repl.waitFor(REPLDriver.prompt, after: answered)

    #expect(try repl.enter("ans") == "42\n")
  }

  @Test("Tab completes a builtin function's name")
  func completesBuiltinName() throws {
    let repl = try REPLDriver(home: home)

    let start = repl.terminal.position
    repl.type("linsp\t")
    try repl.waitFor("linspace", after: start)

    #expect(try repl.enter("(0, 1, 3)") == "[0.0, 0.5, 1.0]\n")
  }

  @Test("Tab completes a variable's name")
  func completesVariableName() throws {
    let repl = try REPLDriver(home: home)
    try repl.enter("learning_rate = 0.25")

    let start = repl.terminal.position
    repl.type("learn\t")
    try repl.waitFor("learning_rate", after: start)

    #expect(try repl.enter("* 4") == "1\n")
  }

  @Test("Tab completes a record's field after the dot")
  func completesRecordField() throws {
    let repl = try REPLDriver(home: home)
    try repl.enter("config = {lr: 0.1, epochs: 10}")

    let start = repl.terminal.position
    repl.type("config.l\t")
    try repl.waitFor("config.lr", after: start)

    #expect(try repl.enter("") == "0.1\n")
  }

  @Test("Tab completes a :command's name")
  func completesCommandName() throws {
    let repl = try REPLDriver(home: home)
    try repl.enter("x = 1")

    let start = repl.terminal.position
    repl.type(":res\t")
    try repl.waitFor(":reset", after: start)

    #expect(try repl.enter("") == "session reset\n")
  }
}
