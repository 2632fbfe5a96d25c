/// The markers given to series, classes and paths in turn.
enum Markers {
  /// Series markers of line plots, in order.
  static let series: [Character] = ["*", "+", "o", "x", "#", "@", "%", "&", "=", "$"]
  /// Class markers of scatter plots and decision boundaries: round and cross first.
  static let classes: [Character] = ["o", "x", "+", "*", "#", "@", "%", "&", "=", "$"]

  /// The default name of the n-th series when no label is given.
  static func label(_ index: Int, labels: [String]?, prefix: String) -> String {
    if let labels, index < labels.count { return labels[index] }
    return "\(prefix) \(index + 1)"
  }
}

/// The markers of integer class labels, in ascending order of the labels.
struct ClassMarkers {
  let classes: [Int]

  init(_ labels: [Int], plot: String) throws(PlotError) {
    classes = Array(Set(labels)).sorted()
    guard classes.count <= Markers.classes.count else {
      throw PlotError.tooManySeries(
        plot: plot, count: classes.count, maximum: Markers.classes.count)
    }
  }

  var count: Int { classes.count }

  func index(of label: Int) -> Int { classes.firstIndex(of: label) ?? 0 }

  func marker(for label: Int?) -> Character {
    Markers.classes[label.map(index(of:)) ?? 0]
  }

  /// `o class 0` entries, or the given names in class order.
  func legend(_ names: [String]?) -> [String] {
    let shown = classes.isEmpty ? [0] : classes
    return shown.enumerated().map { index, label in
      let name = names.flatMap { index < $0.count ? $0[index] : nil } ?? "class \(label)"
      return "\(Markers.classes[index]) \(name)"
    }
  }
}
