import Testing

/// Pasting a transcript copied from a handout, prompts and output lines included:
/// only the inputs run.
@Suite("soma REPL: pasted transcripts")
struct REPLTranscriptTests {
  let home: ScratchDirectory

  init() throws {
    home = try ScratchDirectory()
  }

  /// A transcript whose output lines would change `ans` (`42`) or fail (`done`) if
  /// they ran as code; run properly, it leaves `ans` at 3 and shows no error.
  static let transcript = """
    soma> a = [1, 2]
    soma> sum(a)
    3
    soma> print(40 + 2)
    42
    soma> function twice(v)
      ...   return 2 * v
      ... end
    soma> print("done")
    done

    """

  @Test("a bracketed paste of a transcript runs only its inputs")
  func runsInputsOfBracketedPaste() throws {
    let repl = try REPLDriver(home: home)

    let start = repl.terminal.position
    repl.type("\u{1B}[200~" + Self.transcript + "\u{1B}[201~")
    try repl.waitFor("done", after: start)
    let enterPressed = repl.terminal.position
    repl.type("\r")
    let answered = try repl.waitFor("done\r\n", after: enterPressed)
    try repl.waitFor(REPLDriver.prompt, after: answered)

    #expect(try repl.enter("ans") == "3\n")
    #expect(try repl.enter("twice(a)") == "[2, 4]\n")
    #expect(!repl.shown(since: start).contains("error"))
  }

  @Test("a transcript pasted line by line runs only its inputs")
  func runsInputsOfLineByLinePaste() throws {
    let repl = try REPLDriver(home: home)

    let start = repl.terminal.position
    repl.type(Self.transcript)
    let printed = try repl.waitFor("done\r\n", after: start)
    // The pasted "done" line is echoed after the real output; then the prompt returns.
    let echoed = try repl.waitFor("done", after: printed)
    try repl.waitFor(REPLDriver.prompt, after: echoed)

    #expect(try repl.enter("ans") == "3\n")
    #expect(try repl.enter("twice(a)") == "[2, 4]\n")
    #expect(!repl.shown(since: start).contains("error"))
  }

  @Test("a line typed after a pasted transcript runs, even one that looks like output")
  func runsTypedLineAfterTranscript() throws {
    let repl = try REPLDriver(home: home)
    let start = repl.terminal.position
    repl.type("soma> b = 5\n")
    try repl.waitFor(REPLDriver.prompt, after: try repl.waitFor("b = 5", after: start))

    #expect(try repl.enter("b + 1") == "6\n")
  }

  @Test("pasted code without prompts runs as it is")
  func runsPastedCode() throws {
    let repl = try REPLDriver(home: home)

    let start = repl.terminal.position
    repl.type("\u{1B}[200~c = 4\nc * 2\u{1B}[201~")
    try repl.waitFor("c * 2", after: start)
    let enterPressed = repl.terminal.position
    repl.type("\r")
    let answered = try repl.waitFor("8\r\n", after: enterPressed)
    try repl.waitFor(REPLDriver.prompt, after: answered)

    #expect(try repl.enter("ans") == "8\n")
    #expect(!repl.shown(since: start).contains("error"))
  }
}
