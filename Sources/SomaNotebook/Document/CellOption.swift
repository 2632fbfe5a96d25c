/// A word after `soma` in a cell's info string that changes how the cell is run.
public enum CellOption: String, CaseIterable, Hashable, Sendable {
  /// Run the cell but show no output: any output block is removed.
  case hide
  /// Do not run the cell; an existing output block is kept untouched.
  case norun
  /// The cell is expected to fail; its error message is its output.
  case error

  /// The option a misspelt word most likely meant, when one is close enough.
  ///
  /// Close enough means at most two single-letter edits, and fewer edits than letters.
  static func closest(to word: String) -> CellOption? {
    let scored = allCases.map { ($0, editDistance(Array(word), Array($0.rawValue))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= 2 && best.1 < word.count ? best.0 : nil
  }
}

/// The Levenshtein distance: insertions, deletions and substitutions to turn `a` into `b`.
private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
  var previous = Array(0...b.count)
  for (i, x) in a.enumerated() {
    var current = [i + 1]
    for (j, y) in b.enumerated() {
      current.append(Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
    }
    previous = current
  }
  return previous[b.count]
}
