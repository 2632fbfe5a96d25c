import Testing

/// Ctrl-C and Ctrl-D in the REPL: cancelling a line, stopping a computation, leaving.
@Suite("soma REPL: Ctrl-C and Ctrl-D")
struct REPLInterruptTests {
  let home: ScratchDirectory

  init() throws {
    home = try ScratchDirectory()
  }

  static let controlC = "\u{3}"

  @Test("Ctrl-C on a half-typed line drops it and shows a fresh prompt")
  func cancelsHalfTypedLine() throws {
    let repl = try REPLDriver(home: home)

    let start = repl.terminal.position
    repl.type("1 + ")
    // Wait for the echo: Ctrl-C discards keys the program has not read yet.
    try repl.waitFor("1 + ", after: start)
    repl.type(Self.controlC)
    let cancelled = try repl.waitFor("^C", after: start)
    try repl.waitFor(REPLDriver.prompt, after: cancelled)

    // Were "1 + " still there, this would be 43.
    #expect(try repl.enter("6 * 7") == "42\n")
  }

  @Test("Ctrl-C in the middle of a multi-line entry drops the whole entry")
  func cancelsUnfinishedBlock() throws {
    let repl = try REPLDriver(home: home)
    try repl.enter("function f(a)", nextPrompt: REPLDriver.continuationPrompt)

    let start = repl.terminal.position
    repl.type(Self.controlC)
    let cancelled = try repl.waitFor("^C", after: start)
    try repl.waitFor(REPLDriver.prompt, after: cancelled)

    #expect(try repl.enter("6 * 7") == "42\n")
    #expect(try repl.enter("f").contains("error: unknown name 'f'"))
  }

  @Test("Ctrl-C stops a running loop with an interrupted error; variables survive")
  func interruptsRunningLoop() throws {
    let repl = try REPLDriver(home: home)
    let continuation = REPLDriver.continuationPrompt
    try repl.enter("kept = [1, 2]")
    try repl.enter("n = 0")
    try repl.enter("while true", nextPrompt: continuation)
    try repl.enter("n += 1", nextPrompt: continuation)
    try repl.enter("if n == 1000; print(\"looping\"); end", nextPrompt: continuation)

    let start = repl.terminal.position
    repl.type("end\r")
    // The loop has certainly started once it printed; only then press Ctrl-C.
    try repl.waitFor("looping", after: start)
    repl.type(Self.controlC)
    let stopped = try repl.waitFor("error: interrupted", after: start)
    try repl.waitFor(REPLDriver.prompt, after: stopped)

    #expect(repl.shown(since: start).contains("\n<repl>:1:1: error: interrupted\nwhile true\n"))
    // At least 1000: the Ctrl-C may land right after the print, before n grows again.
    #expect(try repl.enter("n >= 1000") == "true\n")
    #expect(try repl.enter("kept") == "[1, 2]\n")
  }

  @Test("Ctrl-D on an empty line quits with status 0")
  func quitsOnControlD() throws {
    let repl = try REPLDriver(home: home)
    try repl.enter("x = 1")

    let start = repl.terminal.position
    repl.type("\u{4}")

    #expect(try repl.terminal.waitForExit() == 0)
    // One new line after the prompt, not a blank line as well.
    #expect(REPLDriver.plain(repl.terminal.output(from: start, to: repl.terminal.position)) == "\n")
  }
}
