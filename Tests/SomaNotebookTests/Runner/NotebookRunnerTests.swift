import Foundation
import SomaLanguage
import Testing

@testable import SomaNotebook

@Suite("Running notebook cells")
struct NotebookRunnerTests {
  /// Runs `text` as a notebook in a fresh session.
  private func run(
    _ text: String, named name: String = "test.md", runner: NotebookRunner = NotebookRunner()
  ) throws -> (text: String, failures: [CellFailure]) {
    let (notebook, failures) = runner.run(
      try Notebook(parsing: text), named: name, in: Session { _ in })
    return (notebook.text, failures)
  }

  @Test("a cell's printed text and shown values become its output block, in order")
  func outputsInOrder() throws {
    let result = try run("```soma\nprint(\"a\")\n1 + 1\nprint(\"b\")\n```\n")
    #expect(
      result.text == "```soma\nprint(\"a\")\n1 + 1\nprint(\"b\")\n```\n\n```output\na\n2\nb\n```\n")
    #expect(result.failures.isEmpty)
  }

  @Test("cells share one session, in order")
  func sharedSession() throws {
    let result = try run("```soma\nx = 2\n```\n\n```soma\nx * 10\n```\n")
    #expect(result.text.hasSuffix("```soma\nx * 10\n```\n\n```output\n20\n```\n"))
  }

  @Test("an unexpected error is the cell's output and a failure naming cell and file line")
  func unexpectedError() throws {
    let text = "Prose\n\n```soma\n1 + 1\nmissing_name\n```\n\n```soma\n3\n```\n"
    let result = try run(text)
    #expect(
      result.failures == [CellFailure(cell: 1, line: 5, message: "unknown name 'missing_name'")])
    #expect(
      result.text.contains("```output\n2\ntest.md, cell 1:2:1: error: unknown name 'missing_name'"))
    // Later cells still run.
    #expect(result.text.hasSuffix("```soma\n3\n```\n\n```output\n3\n```\n"))
    #expect(
      result.failures[0].description(file: "notes/test.md")
        == "notes/test.md: cell 1 (line 5): unknown name 'missing_name'")
  }

  @Test("stopping at the first failure leaves later cells as they were")
  func stopAtFirstFailure() throws {
    let text = "```soma\nmissing\n```\n\n```soma\n3\n```\n"
    let result = try run(text, runner: NotebookRunner(stopsAtFirstFailure: true))
    #expect(result.text.hasSuffix("```soma\n3\n```\n"))
  }

  @Test("an error cell that fails is fine; one that does not fail is a failure")
  func expectedErrors() throws {
    let failing = try run("```soma error\n[1, 2] + [1, 2, 3]\n```\n")
    #expect(failing.failures.isEmpty)
    #expect(failing.text.contains("error: cannot broadcast shapes (2,) and (3,) in +"))
    let passing = try run("```soma error\n1\n```\n")
    #expect(
      passing.failures == [
        CellFailure(
          cell: 1, line: 1, message: "the cell is marked 'error' but ran without an error")
      ])
  }

  @Test("hide runs without output; norun keeps its block and does not run")
  func hideAndNorun() throws {
    let text =
      "```soma hide\nx = 5\nx\n```\n\n```soma norun\ny = undefined\n```\n\n```output\nkept\n```\n\n```soma\nx\n```\n"
    let result = try run(text)
    #expect(result.failures.isEmpty)
    #expect(
      result.text
        == "```soma hide\nx = 5\nx\n```\n\n```soma norun\ny = undefined\n```\n\n```output\nkept\n```\n\n```soma\nx\n```\n\n```output\n5\n```\n"
    )
  }

  @Test("a runaway cell is stopped by the time limit")
  func timeLimit() throws {
    let result = try run("```soma\nwhile true\nend\n```\n", runner: NotebookRunner(timeLimit: 0.2))
    #expect(result.failures.count == 1)
    #expect(result.failures.first?.message == "stopped after the time limit of 0.2 seconds")
  }

  @Test("random numbers are the same on every run: each notebook starts from one seed")
  func deterministic() throws {
    let text = "```soma\nnormal(3)\n```\n"
    #expect(try run(text).text == run(text).text)
  }

  @Test("every notebook in notebooks/ is up to date (what nbrun --check verifies)")
  func notebooksAreUpToDate() throws {
    let directory = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("notebooks")
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".md") }.sorted()
    #expect(!files.isEmpty)
    for file in files {
      let original = try NotebookFile.read(path: directory.appendingPathComponent(file).path)
      let result = try run(original, named: file)
      #expect(result.failures.isEmpty, "\(file): \(result.failures)")
      #expect(
        result.text == original,
        "\(file) is out of date:\n\(unifiedDiff(old: original, new: result.text, name: file))")
    }
  }
}
