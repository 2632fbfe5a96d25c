import SomaLanguage

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
