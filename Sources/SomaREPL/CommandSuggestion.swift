/// The command among `names` that `typed` most likely meant, if any: one that `typed`
/// begins, else the nearest within two edits, counting a swap of neighbouring letters
/// (`:vras` for `:vars`) as one edit.
func closestCommand(to typed: String, among names: [String]) -> String? {
  guard !typed.isEmpty else { return nil }
  if let completed = names.first(where: { $0.hasPrefix(typed) || typed.hasPrefix($0) }) {
    return completed
  }
  let nearest = names.map { (name: $0, distance: editDistance(typed, $0)) }
    .min { $0.distance < $1.distance }
  guard let nearest, nearest.distance <= 2 else { return nil }
  return nearest.name
}

/// The fewest insertions, deletions, substitutions and swaps of adjacent characters
/// that turn `a` into `b` (the optimal string alignment distance).
private func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  // distances[i][j]: the distance between the first i characters of a and first j of b.
  var distances = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
  for i in 0...a.count { distances[i][0] = i }
  for j in 0...b.count { distances[0][j] = j }
  for i in stride(from: 1, through: a.count, by: 1) {
    for j in stride(from: 1, through: b.count, by: 1) {
      let substitution = distances[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
      var best = min(distances[i - 1][j] + 1, distances[i][j - 1] + 1, substitution)
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
        best = min(best, distances[i - 2][j - 2] + 1)
      }
      distances[i][j] = best
    }
  }
  return distances[a.count][b.count]
}
