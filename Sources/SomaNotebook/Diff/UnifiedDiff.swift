/// A unified diff (as `diff -u` prints it) from `old` to `new`, or `""` when they are equal.
///
/// Lines are compared with their line breaks, so a change from LF to CRLF shows. Each
/// hunk has up to three lines of context, and hunks closer than that merge. A last line
/// without a line break is followed by `\ No newline at end of file`.
///
/// - Parameter name: The file name shown in the `---` and `+++` headers.
public func unifiedDiff(old: String, new: String, name: String) -> String {
  let oldLines = SourceLine.split(old)
  let newLines = SourceLine.split(new)
  let edits = LineEdit.script(from: oldLines.map(\.raw), to: newLines.map(\.raw))
  guard edits.contains(where: { !$0.isKeep }) else { return "" }

  var oldBefore = [0]
  var newBefore = [0]
  for edit in edits {
    oldBefore.append(oldBefore[oldBefore.count - 1] + (edit.consumesOld ? 1 : 0))
    newBefore.append(newBefore[newBefore.count - 1] + (edit.consumesNew ? 1 : 0))
  }

  var result = "--- \(name)\n+++ \(name)\n"
  for hunk in hunkRanges(of: edits, context: 3) {
    let oldRange = hunkHeaderRange(
      start: oldBefore[hunk.lowerBound], end: oldBefore[hunk.upperBound])
    let newRange = hunkHeaderRange(
      start: newBefore[hunk.lowerBound], end: newBefore[hunk.upperBound])
    result += "@@ -\(oldRange) +\(newRange) @@\n"
    for edit in edits[hunk] {
      switch edit {
      case .keep(let index, _): result += diffLine(" ", oldLines[index])
      case .delete(let index): result += diffLine("-", oldLines[index])
      case .insert(let index): result += diffLine("+", newLines[index])
      }
    }
  }
  return result
}

/// The stretches of `edits` to print: every change with up to `context` kept lines
/// around it, overlapping stretches merged.
private func hunkRanges(of edits: [LineEdit], context: Int) -> [Range<Int>] {
  var ranges: [Range<Int>] = []
  for index in edits.indices where !edits[index].isKeep {
    let lower = max(0, index - context)
    let upper = min(edits.count, index + context + 1)
    if let last = ranges.last, lower <= last.upperBound {
      ranges[ranges.count - 1] = last.lowerBound..<upper
    } else {
      ranges.append(lower..<upper)
    }
  }
  return ranges
}

/// A hunk header's `start,count` for lines `start..<end` (0-based) of one side.
///
/// As in `diff -u`, a count of 1 is left out and an empty range names the line before it.
private func hunkHeaderRange(start: Int, end: Int) -> String {
  switch end - start {
  case 0: return "\(start),0"
  case 1: return "\(start + 1)"
  default: return "\(start + 1),\(end - start)"
  }
}

/// One line of a hunk: its marker, the line as it stood, and a note if it has no break.
private func diffLine(_ marker: String, _ line: SourceLine) -> String {
  let text = marker + line.raw
  return line.terminator.isEmpty ? text + "\n\\ No newline at end of file\n" : text
}
