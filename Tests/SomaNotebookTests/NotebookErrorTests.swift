import SomaNotebook
import Testing

@Suite("Notebook errors")
struct NotebookErrorTests {
  @Test("an unclosed fence of any language names the line that opened it")
  func unclosedFence() {
    #expect(throws: NotebookError.unclosedFence(line: 3, fence: "```python")) {
      try Notebook(parsing: "Text\n\n  ```python  \nprint(1)\n``\n")
    }
    #expect(throws: NotebookError.unclosedFence(line: 1, fence: "~~~~soma")) {
      try Notebook(parsing: "~~~~soma\n1\n~~~\n")
    }
  }

  @Test("an unclosed output block after a cell is an error too")
  func unclosedOutput() {
    #expect(throws: NotebookError.unclosedFence(line: 5, fence: "````output")) {
      try Notebook(parsing: "```soma\n1\n```\n\n````output\n1\n```\n")
    }
  }

  @Test("an unknown option names the cell, its line and the option")
  func unknownOption() {
    #expect(throws: NotebookError.unknownCellOption(cell: 2, line: 5, option: "hidden")) {
      try Notebook(parsing: "```soma\n```\n\n\n```soma hide hidden\n```\n")
    }
  }

  @Test("an option's case matters")
  func optionCase() {
    #expect(throws: NotebookError.unknownCellOption(cell: 1, line: 1, option: "HIDE")) {
      try Notebook(parsing: "```soma HIDE\n```\n")
    }
  }

  @Test(
    "each error reads as one plain sentence with its details",
    arguments: [
      (
        NotebookError.unclosedFence(line: 3, fence: "````python"),
        "the code block opened on line 3 by ````python is never closed; "
          + "end it with a line of ````"
      ),
      (
        .unknownCellOption(cell: 2, line: 14, option: "hidden"),
        "cell 2 (line 14) has an unknown option 'hidden'; did you mean 'hide'? "
          + "the known options are 'hide', 'norun', 'error'"
      ),
      (
        .unknownCellOption(cell: 1, line: 1, option: "fast"),
        "cell 1 (line 1) has an unknown option 'fast'; "
          + "the known options are 'hide', 'norun', 'error'"
      ),
      (
        .invalidUTF8(path: "a.md", line: 7),
        "a.md is not UTF-8 text: line 7 holds bytes that are not UTF-8; "
          + "save the file with UTF-8 encoding"
      ),
      (.fileNotFound(path: "b.md"), "there is no file at b.md"),
      (
        .unreadableFile(path: "c.md", reason: "permission denied"),
        "cannot read c.md: permission denied"
      ),
      (
        .unwritableFile(path: "d.md", reason: "no space left on device"),
        "cannot write d.md: no space left on device; the file was left unchanged"
      ),
    ])
  func descriptions(error: NotebookError, expected: String) {
    #expect(error.description == expected)
  }

  @Test("errors in the text carry their line; file errors do not")
  func lines() {
    #expect(NotebookError.unclosedFence(line: 4, fence: "```").line == 4)
    #expect(NotebookError.unknownCellOption(cell: 1, line: 9, option: "x").line == 9)
    #expect(NotebookError.invalidUTF8(path: "a", line: 2).line == 2)
    #expect(NotebookError.fileNotFound(path: "a").line == nil)
  }
}
