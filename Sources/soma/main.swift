import Foundation
import SomaLanguage
import SomaREPL

// `soma`: the REPL on a terminal, or the runner of a script, of standard input, or of
// code given with -e. Exit status: 0 success, 1 a Soma error, 2 a usage error.

let usage = """
  usage: soma [FILE | -e CODE | -]

  Soma is an array language for exploring neural networks.

    soma            start the interactive REPL (reads a script from standard input
                    when it is not a terminal)
    soma FILE       run the script FILE
    soma -          run a script read from standard input
    soma -e CODE    run CODE and show the value of each expression

  options:
    -e CODE         evaluate CODE
    -h, --help      show this help
    --version       show Soma's version
  """

/// What the command line asks for.
enum Mode {
  case repl
  case script(path: String)
  case standardInput
  case code(String)
}

func writeOut(_ text: String) {
  FileHandle.standardOutput.write(Data(text.utf8))
}

func writeError(_ text: String) {
  FileHandle.standardError.write(Data(text.utf8))
}

func usageError(_ message: String) -> Never {
  writeError("soma: \(message)\n\(usage)\n")
  exit(2)
}

func parseArguments(_ arguments: [String]) -> Mode {
  var remaining = arguments[...]
  var mode: Mode?
  while let argument = remaining.popFirst() {
    switch argument {
    case "-h", "--help":
      writeOut(usage + "\n")
      exit(0)
    case "--version":
      writeOut("soma \(SomaVersion.current)\n")
      exit(0)
    case "-e":
      guard let code = remaining.popFirst() else { usageError("-e needs code to run") }
      guard mode == nil else { usageError("give either a file or -e CODE, not both") }
      mode = .code(code)
    case "-":
      guard mode == nil else { usageError("give one script at a time") }
      mode = .standardInput
    default:
      guard !argument.hasPrefix("-") else { usageError("unknown option \(argument)") }
      guard mode == nil else { usageError("give one script at a time") }
      mode = .script(path: argument)
    }
  }
  if let mode { return mode }
  return Terminal.isInteractiveInput ? .repl : .standardInput
}

/// Whether error messages may be coloured: on a terminal, unless NO_COLOR is set.
let colored =
  isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

/// A session writing to standard output, with the traces `SOMA_TRACE` asks for.
func makeSession() -> Session {
  let session = Session(write: writeOut)
  session.trace = TraceTopic.parse(ProcessInfo.processInfo.environment["SOMA_TRACE"])
  session.traceOutput = writeError
  return session
}

/// Runs source text as a script; returns the exit status.
func runScript(_ text: String, name: String, showResults: Bool) -> Int32 {
  let session = makeSession()
  do {
    try session.run(Source(text, name: name), showResults: showResults)
    return 0
  } catch let error as SomaError {
    writeError(error.rendered(colored: colored) + "\n")
    return 1
  } catch {
    writeError("soma: \(error)\n")
    return 1
  }
}

func readText(path: String) -> String {
  guard let data = FileManager.default.contents(atPath: path) else {
    let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "no such file"
    usageError("cannot open '\(path)': \(reason)")
  }
  guard let text = String(data: data, encoding: .utf8) else {
    usageError("'\(path)' is not a UTF-8 text file")
  }
  return text
}

func runREPL() -> Int32 {
  InterruptSignal.install()
  let session = makeSession()
  session.isInterrupted = { InterruptSignal.consume() }
  var formatter = session.formatter
  formatter.tensorFormatter.lineWidth = Terminal.width
  session.formatter = formatter
  session.plotWidth = max(Terminal.width - 1, 30)
  var repl: REPL?
  let reader = ReadlineLineReader(
    historyFile: Terminal.dataDirectory().map { $0 + "/history" },
    completer: { prefix in repl?.completions(for: prefix) ?? [] })
  repl = REPL(
    reader: reader, session: session, colored: colored, write: writeOut, writeError: writeError)
  repl?.run()
  return 0
}

let mode = parseArguments(Array(CommandLine.arguments.dropFirst()))
let status = LargeStack.run { () -> Int32 in
  switch mode {
  case .repl:
    return runREPL()
  case .script(let path):
    return runScript(readText(path: path), name: path, showResults: false)
  case .standardInput:
    let data = FileHandle.standardInput.readDataToEndOfFile()
    guard let text = String(data: data, encoding: .utf8) else {
      usageError("standard input is not UTF-8 text")
    }
    return runScript(text, name: "<stdin>", showResults: false)
  case .code(let code):
    return runScript(code, name: "<command line>", showResults: true)
  }
}
exit(status)
