import SomaNotebook
import Testing

@Suite("Writing outputs into notebooks")
struct NotebookRenderingTests {
  /// The text after setting cell 1's output.
  func rendered(_ text: String, output: String?) throws -> String {
    var notebook = try Notebook(parsing: text)
    notebook.setOutput(output, forCell: 1)
    return notebook.text
  }

  @Test("a new block follows its cell after one blank line")
  func insertion() throws {
    let text = "Intro\n```soma\n1 + 2\n```\nOutro\n"
    #expect(
      try rendered(text, output: "3")
        == "Intro\n```soma\n1 + 2\n```\n\n```output\n3\n```\nOutro\n")
  }

  @Test("a new block uses CRLF when the cell's closing fence ends with CRLF")
  func insertionCRLF() throws {
    let text = "Intro\n```soma\n1\r\n```\r\nOutro\n"
    #expect(
      try rendered(text, output: "a\nb")
        == "Intro\n```soma\n1\r\n```\r\n\r\n```output\r\na\r\nb\r\n```\r\nOutro\n")
  }

  @Test("a cell that ends the file without a newline gets a block that does the same")
  func insertionAtEndWithoutNewline() throws {
    #expect(
      try rendered("```soma\n1\n```", output: "1") == "```soma\n1\n```\n\n```output\n1\n```")
    #expect(
      try rendered("```soma\r\n1\r\n```", output: "1")
        == "```soma\r\n1\r\n```\r\n\r\n```output\r\n1\r\n```")
  }

  @Test("replacing a block keeps the blank lines before it and the text after it")
  func replacement() throws {
    let text = "```soma\nx\n```\n  \n\n\t\n```output\nold\n```\nafter\n"
    #expect(
      try rendered(text, output: "new") == "```soma\nx\n```\n  \n\n\t\n```output\nnew\n```\nafter\n"
    )
  }

  @Test("a replaced block that ended the file without a newline still does")
  func replacementAtEnd() throws {
    #expect(
      try rendered("```soma\n```\n\n~~~output\nold\n~~~", output: "new")
        == "```soma\n```\n\n```output\nnew\n```")
  }

  @Test("removing a block removes the blank lines before it too")
  func removal() throws {
    let text = "```soma\nx\n```\n\n\n```output\nold\n```\nafter\n"
    #expect(try rendered(text, output: nil) == "```soma\nx\n```\nafter\n")
    #expect(try rendered(text, output: "") == "```soma\nx\n```\nafter\n")
  }

  @Test("removing a block that ended the file without a newline leaves the cell last")
  func removalAtEnd() throws {
    #expect(try rendered("```soma\n```\n\n```output\nold\n```", output: nil) == "```soma\n```")
    #expect(try rendered("```soma\n```\n\n```output\nold\n```\n", output: nil) == "```soma\n```\n")
  }

  @Test(
    "inserting an output and removing it again restores the text exactly",
    arguments: [
      "```soma\n```\n", "```soma\n```", "```soma\r\n```\r\n\r\nText\r\n", "```soma\n```\nText",
      "```soma\n```\n\n\n", "# T\n\n~~~soma\n~~~\n<!-- c -->\n",
    ])
  func insertThenRemove(text: String) throws {
    let inserted = try rendered(text, output: "out")
    #expect(try rendered(inserted, output: nil) == text)
  }

  @Test("the fence is longer than any run of backticks in the output")
  func fenceLength() throws {
    let text = "```soma\n```\n"
    #expect(try rendered(text, output: "a `` b") == "```soma\n```\n\n```output\na `` b\n```\n")
    #expect(
      try rendered(text, output: "```\n`````x")
        == "```soma\n```\n\n``````output\n```\n`````x\n``````\n")
  }

  @Test("output containing a fence line cannot end its block early")
  func fenceInOutput() throws {
    var notebook = try Notebook(parsing: "```soma\n```\n")
    notebook.setOutput("```\n~~~\n```soma\n````", forCell: 1)
    let reparsed = try Notebook(parsing: notebook.text)
    #expect(reparsed.cells.count == 1)
    #expect(reparsed.cells[0].output == "```\n~~~\n```soma\n````")
  }

  @Test(
    "output text drops carriage returns at line ends and one final newline",
    arguments: [
      ("a\n", "a"), ("a\r\nb\r\n", "a\nb"), ("a\n\n", "a\n"), ("\n\n", "\n"), ("a\rb", "a\rb"),
      ("a\r\r\n", "a"),
    ])
  func normalization(output: String, expected: String) throws {
    var notebook = try Notebook(parsing: "```soma\n```\n")
    notebook.setOutput(output, forCell: 1)
    #expect(notebook.cells[0].output == expected)
    #expect(try Notebook(parsing: notebook.text).cells[0].output == expected)
  }

  @Test("empty output, or a single newline, means no block", arguments: ["", "\n", "\r\n"])
  func emptyOutputs(output: String) throws {
    var notebook = try Notebook(parsing: "```soma\n```\n")
    notebook.setOutput(output, forCell: 1)
    #expect(notebook.cells[0].output == nil)
    #expect(notebook.text == "```soma\n```\n")
  }

  @Test("an unchanged output keeps its block byte for byte, however it was written")
  func unchangedBlockKept() throws {
    let text = "```soma\n```\n\n  ~~~~ output \n  same\r\n  ~~~~~   \nafter"
    #expect(try rendered(text, output: "same\n") == text)
  }

  @Test("only the cells whose output changed are touched")
  func otherCellsUntouched() throws {
    let text = "```soma\n```\n~~~output\na\n~~~\n```soma\n```\n\n```output\nb\n```\n"
    var notebook = try Notebook(parsing: text)
    notebook.setOutput("c", forCell: 2)
    #expect(notebook.text == "```soma\n```\n~~~output\na\n~~~\n```soma\n```\n\n```output\nc\n```\n")
    #expect(notebook.cells.map(\.output) == ["a", "c"])
  }
}

@Suite("Notebook examples and scale")
struct NotebookScaleTests {
  @Test("the example in Notebook's documentation gives what it says")
  func documentedExample() throws {
    var notebook = try Notebook(parsing: "Add:\n\n```soma\n1 + 2\n```\n")
    notebook.setOutput("3", forCell: 1)
    #expect(notebook.text == "Add:\n\n```soma\n1 + 2\n```\n\n```output\n3\n```\n")
  }

  @Test("a 10,000-line notebook round-trips and takes new outputs in every cell")
  func largeNotebook() throws {
    let section = "## Part\n\nSome prose  \r\n\n```soma\nprint x\n```\n\n```output\nold\n```\n\n"
    let text = String(repeating: section, count: 1000)
    var notebook = try Notebook(parsing: text)
    #expect(notebook.text == text)
    #expect(notebook.cells.count == 1000)
    for cell in notebook.cells { notebook.setOutput("new \(cell.number)", forCell: cell.number) }
    let rendered = try Notebook(parsing: notebook.text)
    #expect(rendered.cells.map(\.output) == (1...1000).map { "new \($0)" })
  }
}
