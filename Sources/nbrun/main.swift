import Foundation
import SomaLanguage
import SomaNotebook

// nbrun: runs the code cells of Markdown notebooks and writes their outputs back into
// the files. Exit status: 0 success, 1 a failing cell, a malformed notebook or (with
// --check) an output that would change, 2 a usage error.

let usage = """
  usage: nbrun [options] NOTEBOOK.md...

  Runs every ```soma cell of each notebook in order, in a fresh session with a fixed
  random seed, and writes each cell's output into the ```output block after it. Prose
  is never changed; a file is rewritten (atomically) only when an output changed.

  options:
    --check            do not write; print a diff and fail when any output would change
    --stdout           write the resulting notebook to standard output, not to the file
    --stop-on-error    skip the remaining cells of a notebook after a failing cell
    --timeout SECONDS  stop a cell that runs longer than this (default 120)
    -q, --quiet        no progress messages
    -h, --help         show this help
    --version          show Soma's version

  cell options, written after soma in a cell's fence (```soma hide):
    hide    run the cell but show no output
    norun   show the cell but do not run it; its output block is kept as it is
    error   the cell is expected to fail; its error message is its output
  """

struct Options {
  var check = false
  var toStandardOutput = false
  var stopAtFirstError = false
  var timeout = 120.0
  var quiet = false
  var files: [String] = []
}

func writeOut(_ text: String) {
  FileHandle.standardOutput.write(Data(text.utf8))
}

func writeError(_ text: String) {
  FileHandle.standardError.write(Data(text.utf8))
}

func usageError(_ message: String) -> Never {
  writeError("nbrun: \(message)\n\(usage)\n")
  exit(2)
}

func parseOptions(_ arguments: [String]) -> Options {
  var options = Options()
  var remaining = arguments[...]
  while let argument = remaining.popFirst() {
    switch argument {
    case "-h", "--help":
      writeOut(usage + "\n")
      exit(0)
    case "--version":
      writeOut("nbrun \(SomaVersion.current)\n")
      exit(0)
    case "--check": options.check = true
    case "--stdout": options.toStandardOutput = true
    case "--stop-on-error": options.stopAtFirstError = true
    case "-q", "--quiet": options.quiet = true
    case "--timeout":
      guard let value = remaining.popFirst().flatMap(Double.init), value > 0 else {
        usageError("--timeout needs a number of seconds greater than 0")
      }
      options.timeout = value
    default:
      guard !argument.hasPrefix("-") || argument == "-" else {
        usageError("unknown option \(argument)")
      }
      options.files.append(argument)
    }
  }
  guard !options.files.isEmpty else { usageError("no notebook given") }
  if options.check && options.toStandardOutput {
    usageError("--check and --stdout cannot be used together")
  }
  return options
}

/// Runs one notebook; returns whether it succeeded.
func process(_ path: String, options: Options) -> Bool {
  let original: String
  let notebook: Notebook
  do {
    original = try NotebookFile.read(path: path)
    notebook = try Notebook(parsing: original)
  } catch {
    let place = error.line.map { "\(path):\($0)" } ?? path
    writeError("nbrun: \(place): \(error)\n")
    return false
  }
  let name = (path as NSString).lastPathComponent
  let runner = NotebookRunner(
    timeLimit: options.timeout, stopsAtFirstFailure: options.stopAtFirstError)
  let session = Session { _ in }
  session.trace = TraceTopic.parse(ProcessInfo.processInfo.environment["SOMA_TRACE"])
  session.traceOutput = writeError
  let (result, failures) = runner.run(notebook, named: name, in: session)
  for failure in failures {
    writeError(failure.description(file: path) + "\n")
  }
  let text = result.text
  if options.toStandardOutput {
    writeOut(text)
  } else if options.check {
    guard text == original else {
      writeOut(unifiedDiff(old: original, new: text, name: path))
      writeError("nbrun: \(path): outputs would change (see the diff above)\n")
      return false
    }
  } else {
    do {
      try NotebookFile.writeAtomically(text, to: path)
    } catch {
      writeError("nbrun: \(path): \(error)\n")
      return false
    }
  }
  return failures.isEmpty
}

let options = parseOptions(Array(CommandLine.arguments.dropFirst()))
let succeeded = LargeStack.run { () -> Bool in
  var allSucceeded = true
  for (index, path) in options.files.enumerated() {
    if !options.quiet && options.files.count > 1 {
      writeError("nbrun: [\(index + 1)/\(options.files.count)] \(path)\n")
    }
    allSucceeded = process(path, options: options) && allSucceeded
  }
  return allSucceeded
}
exit(succeeded ? 0 : 1)
