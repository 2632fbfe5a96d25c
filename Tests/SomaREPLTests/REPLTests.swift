import Foundation
import SomaLanguage
import SomaNotebook
import Testing

@testable import SomaREPL

/// A line reader that plays back scripted input, for testing the loop without a terminal.
final class ScriptedReader: LineReader {
  private var lines: [LineInput]
  private(set) var prompts: [String] = []
  private(set) var history: [String] = []

  init(_ lines: [LineInput]) {
    self.lines = lines
  }

  func readLine(prompt: String) -> LineInput {
    prompts.append(prompt)
    return lines.isEmpty ? .endOfInput : lines.removeFirst()
  }

  func addToHistory(_ entry: String) {
    history.append(entry)
  }

  var hasPendingInput: Bool { false }
}

@Suite("The REPL loop")
struct REPLTests {
  /// Runs the loop over `lines` and returns what it wrote to output and to errors.
  private func run(_ lines: [String], session: Session = Session { _ in }) -> (
    output: String, errors: String, reader: ScriptedReader
  ) {
    var output = ""
    var errors = ""
    let reader = ScriptedReader(lines.map(LineInput.line))
    session.output = { output += $0 }
    let repl = REPL(
      reader: reader, session: session, colored: false, write: { output += $0 },
      writeError: { errors += $0 })
    repl.run()
    return (output, errors, reader)
  }

  @Test("an expression shows its value and ans keeps it; errors keep the session")
  func valuesAndErrors() {
    let result = run(["x = 2", "x * 21", "ans + 1", "undefined_name", "x"])
    #expect(result.output.hasSuffix("42\n43\n2\n"))
    #expect(result.errors.contains("<repl>:1:1: error: unknown name 'undefined_name'"))
  }

  @Test("a block typed over several lines continues with the continuation prompt")
  func multiline() {
    let result = run(["function f(x)", "  return x + 1", "end", "f(1)"])
    #expect(result.output.hasSuffix("2\n"))
    #expect(result.reader.prompts.prefix(3) == ["soma> ", "  ... ", "  ... "])
    #expect(result.reader.history.first == "function f(x)\n  return x + 1\nend")
  }

  @Test("commands: :vars lists variables with shapes, :reset forgets them, ?name helps")
  func commands() {
    let result = run(["w = zeros(2, 3)", ":vars", ":reset", ":vars", "?sum", ":nonsense"])
    #expect(result.output.contains("w  tensor (2, 3)"))
    #expect(result.output.contains("session reset\nno variables yet\n"))
    #expect(result.output.contains("sum(x, axis=none, keepdims=false)"))
    #expect(result.output.contains("example: sum([[1, 2], [3, 4]], axis=0)"))
    #expect(result.errors.contains("unknown command :nonsense"))
  }

  @Test("a transcript pasted from a handout runs only its inputs")
  func pastedTranscript() {
    let result = run(["soma> y = 5\nsoma> y + 1\n6\nsoma> print(\"ok\")\nok"])
    #expect(result.output.hasSuffix("6\nok\n"))
    #expect(result.errors.isEmpty)
  }

  @Test("completion covers names, record fields and commands")
  func completions() {
    let session = Session { _ in }
    let repl = REPL(
      reader: ScriptedReader([]), session: session, colored: false, write: { _ in },
      writeError: { _ in })
    try? session.run(Source("config = {lr: 0.1, layers: 2}\nlinear = 1"))
    #expect(repl.completions(for: "linsp") == ["linspace"])
    #expect(repl.completions(for: "lin").contains("linear"))
    #expect(repl.completions(for: "config.l") == ["config.lr", "config.layers"])
    #expect(repl.completions(for: ":sa") == [":save"])
  }

  @Test(":save writes a new notebook that nbrun reproduces, and never overwrites a file")
  func saveAndLoad() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("soma-repl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("session.md").path

    let saved = run([
      "a = [1, 2]", "print(sum(a))", "missing + 1", ":save \(path)", ":save \(path)",
    ])
    #expect(saved.output.contains("saved 3 cells to \(path)"))
    #expect(saved.errors.contains("already exists"))
    let text = try NotebookFile.read(path: path)
    #expect(text.contains("```soma error\nmissing + 1\n```"))
    let notebook = try Notebook(parsing: text)
    let (rerun, failures) = NotebookRunner().run(
      notebook, named: "session.md", in: Session { _ in })
    #expect(failures.isEmpty)
    #expect(rerun.text == text)

    let loaded = run([":load \(path)", "a * 10"])
    #expect(loaded.output.hasSuffix("3\n[10, 20]\n"))
  }
}
