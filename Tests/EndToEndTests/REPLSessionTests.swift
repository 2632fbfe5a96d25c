import Testing

/// The REPL on a terminal: prompts, values, errors, multi-line entries and commands.
@Suite("soma REPL: entries and commands")
struct REPLSessionTests {
  let home: ScratchDirectory

  init() throws {
    home = try ScratchDirectory()
  }

  @Test("starts with a banner and a prompt, well within a few seconds")
  func startsWithBannerAndPrompt() throws {
    // The bound is deliberately loose: start-up speed is the benchmark's business;
    // this only catches a REPL that hangs or does slow work before its prompt.
    let terminal = try PseudoTerminal(
      executable: SomaExecutable.path, arguments: [],
      environment: SomaExecutable.environment(home: home.url))
    let afterPrompt = try terminal.waitFor(REPLDriver.prompt, seconds: 10)

    let shown = REPLDriver.plain(terminal.output(from: 0, to: afterPrompt))
    #expect(shown.hasPrefix("Soma "))
    #expect(shown.contains("type :help for help, :quit or Ctrl-D to leave\n"))
    #expect(shown.hasSuffix("\nsoma> "))
  }

  @Test("an expression shows its value, an assignment shows nothing, and ans holds it")
  func showsValuesAndKeepsAnswer() throws {
    let repl = try REPLDriver(home: home)

    #expect(try repl.enter("1 + 2") == "3\n")
    #expect(try repl.enter("x = [1, 2, 3]") == "")
    #expect(try repl.enter("x * 2") == "[2, 4, 6]\n")
    #expect(try repl.enter("ans + 1") == "[3, 5, 7]\n")
    #expect(try repl.enter("print(\"hello\")") == "hello\n")
  }

  @Test("a value is written on the line after the entry, not over a repeated prompt")
  func writesValueAfterEntry() throws {
    let repl = try REPLDriver(home: home)

    let start = repl.terminal.position
    repl.type("1 + 2\r")
    let answered = try repl.waitFor("3\r\n", after: start)

    let raw = repl.terminal.output(from: start, to: answered)
    #expect(!raw.contains(REPLDriver.prompt))
    #expect(REPLDriver.plain(raw) == "1 + 2\n3\n")
  }

  @Test("an error is shown with its place and caret, and the session keeps its variables")
  func errorKeepsSession() throws {
    let repl = try REPLDriver(home: home)
    try repl.enter("kept = 41")

    let answer = try repl.enter("y = kept + zz")

    let lines = answer.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("<repl>:1:12: error: ") == true)
    #expect(lines.dropFirst().first == "y = kept + zz")
    #expect(lines.dropFirst(2).first == "           ^~")
    #expect(try repl.enter("kept + 1") == "42\n")
  }

  @Test("a block typed over several lines continues with the ... prompt until end")
  func continuesMultiLineEntries() throws {
    let repl = try REPLDriver(home: home)
    let continuation = REPLDriver.continuationPrompt

    #expect(try repl.enter("function double(a)", nextPrompt: continuation) == "")
    #expect(try repl.enter("return 2 * a", nextPrompt: continuation) == "")
    #expect(try repl.enter("end") == "")
    #expect(try repl.enter("double(21)") == "42\n")
    #expect(try repl.enter("total = (1 +", nextPrompt: continuation) == "")
    #expect(try repl.enter("2)") == "")
    #expect(try repl.enter("total") == "3\n")
  }

  @Test(":help lists the commands and the builtins")
  func showsHelp() throws {
    let repl = try REPLDriver(home: home)

    let answer = try repl.enter(":help")

    for command in [":help", ":vars", ":time EXPR", ":reset", ":quit", "?NAME"] {
      #expect(answer.contains("  \(command) "))
    }
    #expect(answer.contains("linspace"))
  }

  @Test(":vars lists the user's variables with their types and shapes")
  func listsVariables() throws {
    let repl = try REPLDriver(home: home)
    #expect(try repl.enter(":vars") == "no variables yet\n")
    try repl.enter("weights = zeros(2, 3)")
    try repl.enter("config = {lr: 0.1, epochs: 10}")
    try repl.enter("rate = 0.5")
    try repl.enter("f(a) = a + 1")

    let answer = try repl.enter(":vars")

    #expect(
      answer
        == """
        weights  tensor (2, 3)
        config   record {lr, epochs}
        rate     number
        f        function

        """)
  }

  @Test(":time runs the code, shows its value and how long it took")
  func timesCode() throws {
    let repl = try REPLDriver(home: home)

    let answer = try repl.enter(":time sum(range(1000))")

    #expect(answer.wholeMatch(of: /499500\ntime: \d+(\.\d+)? ms\n/) != nil)
    #expect(try repl.enter(":time").contains(":time needs code to run"))
  }

  @Test(":reset forgets the variables but keeps the builtins")
  func resetsSession() throws {
    let repl = try REPLDriver(home: home)
    try repl.enter("forgotten = 5")

    #expect(try repl.enter(":reset") == "session reset\n")

    #expect(try repl.enter("forgotten").contains("error: unknown name 'forgotten'"))
    #expect(try repl.enter("sum([1, 2])") == "3\n")
  }

  @Test(":quit ends the session with status 0")
  func quits() throws {
    let repl = try REPLDriver(home: home)

    repl.type(":quit\r")

    #expect(try repl.terminal.waitForExit() == 0)
  }

  @Test("?sum shows the signature, a sentence and an example")
  func showsFunctionHelp() throws {
    let repl = try REPLDriver(home: home)

    let answer = try repl.enter("?sum")

    #expect(answer.hasPrefix("sum(x, axis="))
    #expect(answer.contains("example: sum("))
    #expect(try repl.enter("?linspce").contains("did you mean linspace?"))
  }

  @Test("an unknown :command suggests the closest one")
  func suggestsClosestCommand() throws {
    let repl = try REPLDriver(home: home)

    #expect(try repl.enter(":vras").contains("unknown command :vras; did you mean :vars?"))
    #expect(try repl.enter(":hel").contains("did you mean :help?"))
    #expect(try repl.enter(":rest").contains("did you mean :reset?"))
    #expect(!(try repl.enter(":zzzzzz")).contains("did you mean"))
  }

  @Test("errors are coloured on a terminal, and plain when NO_COLOR is set")
  func coloursErrorsOnTerminal() throws {
    let colored = try REPLDriver(home: home, colored: true)
    let plain = try REPLDriver(home: home)

    for (repl, expectsColour) in [(colored, true), (plain, false)] {
      let start = repl.terminal.position
      try repl.enter("1 + zz")
      let raw = repl.terminal.output(from: start, to: repl.terminal.position)
      #expect(raw.contains("\u{1B}[1m") == expectsColour)
      #expect(REPLDriver.plain(raw).contains("error: unknown name 'zz'"))
    }
  }
}
