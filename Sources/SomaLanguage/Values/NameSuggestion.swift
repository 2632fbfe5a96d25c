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

/// The Levenshtein distance: the fewest insertions, deletions and substitutions that
/// turn `a` into `b`.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  guard !a.isEmpty else { return b.count }
  var previous = Array(0...b.count)
  for i in 1...a.count {
    var current = [i] + Array(repeating: 0, count: b.count)
    for j in stride(from: 1, through: b.count, by: 1) {
      let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
      current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
    }
    previous = current
  }
  return previous[b.count]
}
