/// A Soma notebook: a Markdown file whose `soma` code blocks are cells, each followed by
/// the output it printed.
///
/// The format, read the way CommonMark reads fenced code blocks:
///
/// - A *code cell* is a fenced code block (three or more backticks or tildes, indented
///   by at most three spaces) whose info string's first word is exactly `soma`. The
///   words after it are cell options (see `CellOption`): `hide`, `norun` and `error`.
///   Any other word is an error.
/// - A cell's *output* is the fenced block whose info string is exactly `output` that
///   follows the cell, separated from it by nothing but blank lines. An `output` block
///   anywhere else is prose.
/// - Everything else is *prose* and is kept byte for byte: line endings (LF, CRLF, even
///   mixed), trailing spaces, tabs, a missing final newline, other languages' code
///   blocks (a ```` ```soma ```` line inside a ```` ````markdown ```` block is not a
///   cell), HTML comments (a fence inside `<!-- ... -->` is not a fence) and YAML front
///   matter (a first line `---` up to the next `---` or `...` line; without that
///   closing line there is no front matter).
/// - A new output block gets a backtick fence longer than any run of backticks in the
///   output (at least three), the info string `output`, and one blank line between it
///   and its cell. New lines use the cell's line ending: CRLF when the cell's closing
///   fence ends with CRLF, otherwise LF (when the closing fence ends the file, the
///   opening fence's line ending). A replaced block keeps the blank lines before it, and
///   a block whose output did not change is kept byte for byte, fence and all.
/// - A file that does not end with a newline still does not after an output block is
///   inserted, replaced or removed.
///
/// Output text is kept as lines joined by `"\n"`, without a final newline; an empty
/// output means no output block.
///
/// Limitation: only fences at the top level are cells. A fence inside a list item, a
/// block quote or an HTML block other than a comment is read as a top-level fence or as
/// prose, according to its indentation, not as CommonMark would nest it.
///
/// ```swift
/// var notebook = try Notebook(parsing: "Add:\n\n```soma\n1 + 2\n```\n")
/// notebook.setOutput("3", forCell: 1)
/// notebook.text  // "Add:\n\n```soma\n1 + 2\n```\n\n```output\n3\n```\n"
/// ```
public struct Notebook: Equatable, Sendable {
  /// A code cell: a `soma` fenced block and the output shown after it.
  public struct Cell: Equatable, Sendable {
    /// The cell's position among the notebook's cells, counting from 1.
    public let number: Int
    /// The line of the cell's opening fence, counting from 1.
    public let line: Int
    /// The code between the fences: lines joined by `"\n"`, carriage returns removed.
    public let code: String
    /// The words after `soma` in the cell's info string.
    public let options: Set<CellOption>
    /// The text of the output block after the cell, or `nil` when there is none.
    public internal(set) var output: String?
  }

  /// Where a cell's pieces sit in the original text.
  struct Layout: Equatable, Sendable {
    /// The opening fence, the code and the closing fence, without the last line break.
    var body: Substring
    /// The closing fence's line break, empty when the fence ends the file.
    var closingTerminator: Substring
    /// The line break new lines get: see the format notes on `Notebook`.
    var lineEnding: Substring
    /// The output block that followed the cell in the original text.
    var block: OutputBlock?
  }

  /// An output block as it stood in the original text.
  struct OutputBlock: Equatable, Sendable {
    /// The blank lines between the cell and the block.
    var separator: Substring
    /// The block's fences and contents, without the last line break.
    var body: Substring
    /// The block's closing fence's line break, empty when the block ends the file.
    var finalTerminator: Substring
    /// The block's contents, as `Cell.output` holds them.
    var text: String
  }

  /// The notebook's code cells, in order.
  public internal(set) var cells: [Cell]
  /// The prose before, between and after the cells: one more piece than there are cells.
  let prose: [Substring]
  /// Each cell's place in the original text, in the order of `cells`.
  let layouts: [Layout]

  init(cells: [Cell], prose: [Substring], layouts: [Layout]) {
    precondition(prose.count == cells.count + 1 && layouts.count == cells.count)
    self.cells = cells
    self.prose = prose
    self.layouts = layouts
  }
}
