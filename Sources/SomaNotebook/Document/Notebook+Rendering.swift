extension Notebook {
  /// Sets the output shown after cell `number`, or removes its output block.
  ///
  /// The text is stored as `Cell.output` holds it: carriage returns at line ends and one
  /// final newline are dropped. Empty text, like `nil`, means no output block. Setting a
  /// cell's existing output again keeps its block byte for byte.
  ///
  /// - Precondition: `number` is a cell number of this notebook, `1...cells.count`.
  public mutating func setOutput(_ output: String?, forCell number: Int) {
    precondition(cells.indices.contains(number - 1), "no cell \(number) in this notebook")
    cells[number - 1].output = output.flatMap(Notebook.normalizedOutput)
  }

  /// The notebook as Markdown, with each cell's current output.
  ///
  /// Parsing a file and rendering it without changing any output gives the file back
  /// byte for byte.
  public var text: String {
    var result = String(prose[0])
    for (index, cell) in cells.enumerated() {
      let layout = layouts[index]
      result += layout.body
      result += Notebook.tail(of: layout, output: cell.output)
      result += prose[index + 1]
    }
    return result
  }

  /// Output text the way an output block holds it, or `nil` when there is nothing to show.
  static func normalizedOutput(_ output: String) -> String? {
    var lines = splitLines(output).map { line in
      line.utf8.last == .carriageReturn ? line.trimmingTrailingCarriageReturns() : line
    }
    if lines.last?.isEmpty == true { lines.removeLast() }
    let text = lines.joined(separator: "\n")
    return text.isEmpty && lines.count <= 1 ? nil : text
  }

  /// What follows a cell's closing fence up to the next prose: the fence's line break,
  /// and the output block, if `output` is not `nil`.
  private static func tail(of layout: Layout, output: String?) -> String {
    let block = layout.block
    if output == block?.text {
      guard let block else { return String(layout.closingTerminator) }
      return String(layout.closingTerminator + block.separator + block.body + block.finalTerminator)
    }
    guard let output else {
      // Removing the block. If it ended the file without a line break, the cell now
      // ends the file, and loses its line break the same way.
      let blockEndedFile = block?.finalTerminator.isEmpty ?? false
      return blockEndedFile ? "" : String(layout.closingTerminator)
    }
    let ending = layout.lineEnding
    if let block {
      return String(layout.closingTerminator + block.separator)
        + outputBlock(output, lineEnding: ending, finalTerminator: block.finalTerminator)
    }
    // A new block after a blank line; at the end of the file it ends without a break too.
    return String(ending + ending)
      + outputBlock(output, lineEnding: ending, finalTerminator: layout.closingTerminator)
  }

  /// An output block for `output`, its last line ending with `finalTerminator`.
  private static func outputBlock(
    _ output: String, lineEnding: Substring, finalTerminator: Substring
  ) -> String {
    let fence = String(repeating: "`", count: max(3, longestBacktickRun(in: output) + 1))
    var block = fence + "output" + lineEnding
    for line in splitLines(output) {
      block += line + lineEnding
    }
    return block + fence + finalTerminator
  }

  /// The text's lines, split at every `\n`; a `\r` before it stays in the line.
  ///
  /// Splitting by `Character` would not do: `"\r\n"` is one `Character`.
  private static func splitLines(_ text: String) -> [Substring] {
    text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(
      Substring.init)
  }

  /// The length of the longest run of consecutive backticks in `text`.
  private static func longestBacktickRun(in text: String) -> Int {
    var longest = 0
    var current = 0
    for byte in text.utf8 {
      current = byte == .backtick ? current + 1 : 0
      longest = max(longest, current)
    }
    return longest
  }
}

extension Substring {
  /// The text without carriage returns at its end.
  fileprivate func trimmingTrailingCarriageReturns() -> Substring {
    var end = utf8.endIndex
    while end > utf8.startIndex && utf8[utf8.index(before: end)] == .carriageReturn {
      end = utf8.index(before: end)
    }
    return self[startIndex..<end]
  }
}
