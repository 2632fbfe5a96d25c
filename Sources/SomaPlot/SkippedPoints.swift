/// Tallies of the points a plot could not draw, written as notes under it.
struct SkippedPoints {
  var notFinite = 0
  var notPositive = 0
  var outsideLimits = 0

  /// Sorts out a point that cannot be drawn, counting why; `true` if it can be drawn.
  mutating func accept(_ x: Double, _ y: Double, logx: Bool, logy: Bool) -> Bool {
    guard x.isFinite, y.isFinite else {
      notFinite += 1
      return false
    }
    guard (!logx || x > 0) && (!logy || y > 0) else {
      notPositive += 1
      return false
    }
    return true
  }

  /// Whether a drawable point falls outside the axes; counts it if so.
  mutating func countIfOutside(_ point: Point?) {
    guard let point else { return }
    if !point.isInsideArea { outsideLimits += 1 }
  }

  /// One plain sentence per reason, such as `2 points not shown: NaN or infinite`.
  func notes(noun: String = "point") -> [String] {
    var notes: [String] = []
    for (count, reason) in [
      (notFinite, "NaN or infinite"), (notPositive, "zero or negative on a log axis"),
      (outsideLimits, "outside the axis limits"),
    ] where count > 0 {
      notes.append("\(count) \(noun)\(count == 1 ? "" : "s") not shown: \(reason)")
    }
    return notes
  }
}
