extension Notebook {
  /// Reads a notebook from Markdown text.
  ///
  /// - Throws: `NotebookError.unclosedFence` for a fenced block of any language that is
  ///   never closed, and `NotebookError.unknownCellOption` for a word after `soma` that
  ///   is not a `CellOption`.
  public init(parsing text: String) throws(NotebookError) {
    var parser = NotebookParser(text: text)
    try parser.parse()
    self.init(cells: parser.cells, prose: parser.prose, layouts: parser.layouts)
  }
}

/// Walks a Markdown file line by line, finding cells and their output blocks.
private struct NotebookParser {
  let text: String
  let lines: [SourceLine]
  var cells: [Notebook.Cell] = []
  var prose: [Substring] = []
  var layouts: [Notebook.Layout] = []

  init(text: String) {
    self.text = text
    self.lines = SourceLine.split(text)
  }

  /// The text of line `index` as Markdown sees it: a byte order mark is not content.
  func content(_ index: Int) -> Substring {
    let text = lines[index].text
    return index == 0 && text.first == "\u{FEFF}" ? text.dropFirst() : text
  }

  /// Where the text of line `index` starts; the end of the text past the last line.
  func offset(ofLine index: Int) -> String.Index {
    index < lines.count ? lines[index].text.startIndex : text.endIndex
  }

  mutating func parse() throws(NotebookError) {
    var proseStart = 0
    var index = endOfFrontMatter()
    while index < lines.count {
      if isCommentStart(content(index)) {
        index = endOfComment(from: index)
        continue
      }
      guard let fence = Fence(content(index)) else {
        index += 1
        continue
      }
      let closing = try closingLine(of: fence, openedAt: index)
      guard fence.tag == "soma" else {
        index = closing + 1
        continue
      }
      prose.append(text[offset(ofLine: proseStart)..<offset(ofLine: index)])
      index = try readCell(fence: fence, opening: index, closing: closing)
      proseStart = index
    }
    prose.append(text[offset(ofLine: proseStart)...])
  }

  /// Records the cell between `opening` and `closing` and its output block, if any.
  ///
  /// - Returns: The index of the first line after the cell and its output block.
  mutating func readCell(fence: Fence, opening: Int, closing: Int) throws(NotebookError) -> Int {
    let number = cells.count + 1
    var options: Set<CellOption> = []
    for word in fence.options {
      guard let option = CellOption(rawValue: String(word)) else {
        throw .unknownCellOption(cell: number, line: opening + 1, option: String(word))
      }
      options.insert(option)
    }
    let closingLine = lines[closing]
    let lineEnding =
      closingLine.terminator.isEmpty ? lines[opening].terminator : closingLine.terminator
    var layout = Notebook.Layout(
      body: text[lines[opening].text.startIndex..<closingLine.text.endIndex],
      closingTerminator: closingLine.terminator, lineEnding: lineEnding, block: nil)
    var next = closing + 1
    if let (block, end) = try outputBlock(after: closing) {
      layout.block = block
      next = end + 1
    }
    let code = contents(from: opening + 1, to: closing, indent: fence.indent)
    cells.append(
      Notebook.Cell(
        number: number, line: opening + 1, code: code, options: options,
        output: layout.block?.text))
    layouts.append(layout)
    return next
  }

  /// The output block after the cell closed on line `closing`, and its last line.
  func outputBlock(after closing: Int) throws(NotebookError) -> (Notebook.OutputBlock, Int)? {
    var start = closing + 1
    while start < lines.count && lines[start].isBlank { start += 1 }
    guard start < lines.count, let fence = Fence(content(start)), fence.info == "output"
    else { return nil }
    let end = try closingLine(of: fence, openedAt: start)
    let block = Notebook.OutputBlock(
      separator: text[offset(ofLine: closing + 1)..<offset(ofLine: start)],
      body: text[lines[start].text.startIndex..<lines[end].text.endIndex],
      finalTerminator: lines[end].terminator,
      text: contents(from: start + 1, to: end, indent: fence.indent))
    return (block, end)
  }

  /// The lines strictly between two fences joined by `"\n"`, each without up to `indent`
  /// leading spaces (as CommonMark strips an indented fence's contents).
  func contents(from first: Int, to end: Int, indent: Int) -> String {
    lines[first..<end].map { line in
      let bytes = line.text.utf8
      let spaces = min(indent, bytes.prefix { $0 == .space }.count)
      return line.text[bytes.index(bytes.startIndex, offsetBy: spaces)...]
    }.joined(separator: "\n")
  }

  /// The line that closes the block `fence` opens on line `opening`.
  func closingLine(of fence: Fence, openedAt opening: Int) throws(NotebookError) -> Int {
    var index = opening + 1
    while index < lines.count {
      if fence.isClosed(by: content(index)) { return index }
      index += 1
    }
    let shown = String(content(opening).trimmingSpacesAndTabs())
    throw .unclosedFence(line: opening + 1, fence: shown)
  }

  /// The first line after YAML front matter, or 0 when the file has none.
  func endOfFrontMatter() -> Int {
    guard !lines.isEmpty, content(0).trimmingTrailingSpaces() == "---" else { return 0 }
    for index in 1..<lines.count {
      let line = content(index).trimmingTrailingSpaces()
      if line == "---" || line == "..." { return index + 1 }
    }
    return 0
  }

  /// Whether a line starts an HTML comment block: up to three spaces, then `<!--`.
  func isCommentStart(_ line: Substring) -> Bool {
    let spaces = line.utf8.prefix { $0 == .space }.count
    return spaces <= 3 && line.utf8.dropFirst(spaces).starts(with: "<!--".utf8)
  }

  /// The line after the one holding `-->`; an unclosed comment runs to the end of the file.
  func endOfComment(from start: Int) -> Int {
    var index = start
    while index < lines.count {
      if content(index).utf8.contains("-->".utf8) { return index + 1 }
      index += 1
    }
    return lines.count
  }
}

extension Substring {
  /// The text without trailing spaces and tabs.
  fileprivate func trimmingTrailingSpaces() -> Substring {
    guard let last = lastIndex(where: { $0 != " " && $0 != "\t" }) else {
      return self[startIndex..<startIndex]
    }
    return self[...last]
  }
}
