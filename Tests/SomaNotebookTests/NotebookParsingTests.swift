import SomaNotebook
import Testing

@Suite("Finding cells and outputs in Markdown")
struct NotebookParsingTests {
  @Test("cells are numbered from 1 and know their opening line, code and options")
  func cellFields() throws {
    let text = "# Title\n\n```soma\nlet x = 1\nx + 1\n```\n\nText\n\n```soma hide norun\n```\n"
    let notebook = try Notebook(parsing: text)
    #expect(notebook.cells.map(\.number) == [1, 2])
    #expect(notebook.cells.map(\.line) == [3, 10])
    #expect(notebook.cells[0].code == "let x = 1\nx + 1")
    #expect(notebook.cells[0].options.isEmpty)
    #expect(notebook.cells[1].code == "")
    #expect(notebook.cells[1].options == [.hide, .norun])
  }

  @Test("code loses carriage returns; tabs and trailing spaces stay")
  func codeWithCRLF() throws {
    let notebook = try Notebook(parsing: "```soma\r\n\tx = 1  \r\ny\r\n```\r\n")
    #expect(notebook.cells[0].code == "\tx = 1  \ny")
  }

  @Test("an indented fence strips as many spaces from its code lines, as CommonMark does")
  func indentedFence() throws {
    let notebook = try Notebook(parsing: "  ```soma\n    a\n b\nc\n  ```\n")
    #expect(notebook.cells[0].code == "  a\nb\nc")
  }

  @Test(
    "only an info string whose first word is exactly soma makes a cell",
    arguments: ["```Soma", "```somatic", "```soma{.x}", "```python soma", "    ```soma", "```"])
  func notCells(opening: String) throws {
    let fence = opening.trimmingPrefix(" ").prefix { $0 == "`" }
    let notebook = try Notebook(parsing: "\(opening)\nprint 1\n\(fence)\n")
    #expect(notebook.cells.isEmpty)
  }

  @Test("a space between the fence and soma still makes a cell, as CommonMark trims it")
  func spaceBeforeTag() throws {
    let notebook = try Notebook(parsing: "``` soma  \nx\n```\n~~~\tsoma\t\ny\n~~~\n")
    #expect(notebook.cells.count == 2)
  }

  @Test("a block closes only on the same character, at least as long, with nothing after")
  func closingRules() throws {
    let text = "````soma\n```\n~~~~\n```` x\n`````\n"
    let notebook = try Notebook(parsing: text)
    #expect(notebook.cells[0].code == "```\n~~~~\n```` x")
  }

  @Test("an output block is attached only across blank lines, and exactly `output`")
  func outputAttachment() throws {
    let text = """
      ```soma
      a
      ```

      \t
      ```output
      shown
      ```

      ```soma
      b
      ```
      ```output extra
      not an output
      ```

      ```soma
      c
      ```
      ```output
      right after
      ```

      """
    let notebook = try Notebook(parsing: text)
    #expect(notebook.cells.map(\.output) == ["shown", nil, "right after"])
  }

  @Test("an empty output block has empty output, which differs from no block")
  func emptyBlock() throws {
    let notebook = try Notebook(parsing: "```soma\n```\n\n```output\n```\n")
    #expect(notebook.cells[0].output == "")
  }

  @Test("an indented output block's lines lose the fence's indentation")
  func indentedOutput() throws {
    let notebook = try Notebook(parsing: "```soma\n```\n  ```output\n  1\n   2\n  ```\n")
    #expect(notebook.cells[0].output == "1\n 2")
  }

  @Test("front matter without a closing line is not front matter")
  func unclosedFrontMatter() throws {
    let notebook = try Notebook(parsing: "---\ntitle: x\n```soma\n1\n```\n")
    #expect(notebook.cells.count == 1)
  }

  @Test("front matter must start on the first line")
  func laterDashes() throws {
    let notebook = try Notebook(parsing: "text\n---\n```soma\n1\n```\n---\n")
    #expect(notebook.cells.count == 1)
  }

  @Test("an unclosed HTML comment hides every fence after it, as CommonMark reads it")
  func unclosedComment() throws {
    let notebook = try Notebook(parsing: "<!-- open\n```soma\n1\n```\n```python\n")
    #expect(notebook.cells.isEmpty)
  }

  @Test("a comment opened in the middle of a line is inline: the fence after it counts")
  func inlineComment() throws {
    let notebook = try Notebook(parsing: "Text <!-- inline\n```soma\n1\n```\n-->\n")
    #expect(notebook.cells.count == 1)
  }

  @Test("a backtick fence whose info string holds a backtick is not a fence")
  func backtickInInfo() throws {
    let notebook = try Notebook(parsing: "```soma `x`\nprint\n")
    #expect(notebook.cells.isEmpty)
  }

  @Test("a lone carriage return is not a line break")
  func loneCarriageReturn() throws {
    let text = "a\rb\n```soma\r\rx\n```\n"
    let notebook = try Notebook(parsing: text)
    #expect(notebook.cells.isEmpty)
    #expect(notebook.text == text)
  }

  @Test("an empty file has no cells and renders empty")
  func emptyFile() throws {
    let notebook = try Notebook(parsing: "")
    #expect(notebook.cells.isEmpty)
    #expect(notebook.text == "")
  }
}
