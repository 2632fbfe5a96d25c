import SomaNotebook

/// Applies a unified diff to the text it was made from, to check that diffs are right.
///
/// Handles exactly what `unifiedDiff` prints; returns `nil` when a hunk does not match.
func applyUnifiedDiff(_ diff: String, to old: String) -> String? {
  let oldLines = linesKeepingBreaks(old)
  var diffLines = linesKeepingBreaks(diff)[...]
  guard diffLines.count >= 2 || diff.isEmpty else { return nil }
  diffLines = diffLines.dropFirst(diff.isEmpty ? 0 : 2)
  var result: [Substring] = []
  var position = 0
  while let header = diffLines.first {
    diffLines = diffLines.dropFirst()
    // "@@ -start,count +start,count @@": only the old start matters to apply it.
    guard header.hasPrefix("@@ -"),
      let range = header.dropFirst(4).split(separator: " ").first,
      let start = Int(range.split(separator: ",")[0])
    else { return nil }
    let count = range.contains(",") ? Int(range.split(separator: ",")[1]) ?? 0 : 1
    let first = count == 0 ? start : start - 1
    guard first >= position else { return nil }
    result += oldLines[position..<first]
    position = first
    while let line = diffLines.first, !line.hasPrefix("@@") {
      diffLines = diffLines.dropFirst()
      var body = line.dropFirst()
      if diffLines.first?.hasPrefix("\\ No newline") == true {
        diffLines = diffLines.dropFirst()
        body = body.dropLast()  // The break that was added after a last line without one.
      }
      switch line.first {
      case " ", "-":
        guard position < oldLines.count, oldLines[position] == body else { return nil }
        position += 1
        if line.first == " " { result.append(body) }
      case "+": result.append(body)
      default: return nil
      }
    }
  }
  result += oldLines[position...]
  return result.joined()
}

/// Splits text after each `\n`, keeping the breaks in the lines.
private func linesKeepingBreaks(_ text: String) -> [Substring] {
  var lines: [Substring] = []
  var start = text.startIndex
  for index in text.unicodeScalars.indices where text.unicodeScalars[index] == "\n" {
    let next = text.unicodeScalars.index(after: index)
    lines.append(text[start..<next])
    start = next
  }
  if start < text.endIndex { lines.append(text[start...]) }
  return lines
}
