import Foundation
import SomaNotebook
import Testing

/// Every file of the Markdown corpus, checked for round trips, goldens and idempotence.
///
/// Round trips are byte-exact. `SOMA_BLESS=1 swift test --filter CorpusTests` rewrites
/// the golden `NAME.expected.md` files after an intended change.
@Suite("Notebook corpus")
struct CorpusTests {
  @Test("the corpus covers the tricky cases")
  func corpusSize() {
    #expect(Fixtures.inputs.count >= 12)
  }

  @Test(
    "parsing and rendering without changes gives the file back byte for byte",
    arguments: Fixtures.inputs)
  func roundTrip(name: String) throws {
    let text = try NotebookFile.read(path: Fixtures.inputPath(name))
    let notebook = try Notebook(parsing: text)
    #expect(Array(notebook.text.utf8) == Array(text.utf8))
  }

  @Test("setting every cell's existing output again changes no byte", arguments: Fixtures.inputs)
  func sameOutputsRoundTrip(name: String) throws {
    let text = try NotebookFile.read(path: Fixtures.inputPath(name))
    var notebook = try Notebook(parsing: text)
    for cell in notebook.cells { notebook.setOutput(cell.output, forCell: cell.number) }
    #expect(Array(notebook.text.utf8) == Array(text.utf8))
  }

  @Test("running a fixture gives its golden .expected.md", arguments: Fixtures.inputs)
  func golden(name: String) throws {
    var notebook = try Notebook(parsing: try NotebookFile.read(path: Fixtures.inputPath(name)))
    FakeRunner.run(&notebook)
    if Fixtures.blessing {
      try NotebookFile.writeAtomically(notebook.text, to: Fixtures.expectedPath(name))
      return
    }
    let expected = try NotebookFile.read(path: Fixtures.expectedPath(name))
    let diff = unifiedDiff(old: expected, new: notebook.text, name: "\(name).expected.md")
    #expect(Array(notebook.text.utf8) == Array(expected.utf8), "\(diff)")
  }

  @Test("running a run notebook again changes nothing", arguments: Fixtures.inputs)
  func idempotence(name: String) throws {
    var first = try Notebook(parsing: try NotebookFile.read(path: Fixtures.inputPath(name)))
    FakeRunner.run(&first)
    var second = try Notebook(parsing: first.text)
    FakeRunner.run(&second)
    #expect(Array(second.text.utf8) == Array(first.text.utf8))
    #expect(second.cells.map(\.output) == first.cells.map(\.output))
  }
}
