/// The name among `candidates` closest to `name`, if it is close enough to be a likely
/// typo: at most one edit per three characters, and never more than three edits.
public func closestName(to name: String, among candidates: some Sequence<String>) -> String? {
  let limit = min(3, max(1, name.count / 3))
  var best: (name: String, distance: Int)?
  for candidate in candidates where candidate != name {
    let distance = editDistance(name, candidate)
    if distance <= limit && distance < (best?.distance ?? .max) {
      best = (candidate, distance)
    }
  }
  return best?.name
}

/// The fewest insertions, deletions, substitutions and swaps of adjacent characters
/// that turn `a` into `b` (the optimal string alignment distance), so that a typo such
/// as `lienar` is one edit from `linear`.
public func editDistance(_ a: String, _ b: String) -> Int {
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
