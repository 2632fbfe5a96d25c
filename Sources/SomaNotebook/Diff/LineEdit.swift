/// One step of turning one list of lines into another.
///
/// Keep a line, delete an old one, or insert a new one; indices count from 0 in the old
/// and new lists.
enum LineEdit: Equatable {
  case keep(Int, Int)
  case delete(Int)
  case insert(Int)

  var isKeep: Bool {
    if case .keep = self { return true }
    return false
  }

  /// Whether the step uses up a line of the old list.
  var consumesOld: Bool {
    if case .insert = self { return false }
    return true
  }

  /// Whether the step uses up a line of the new list.
  var consumesNew: Bool {
    if case .delete = self { return false }
    return true
  }

  /// The most edits the search below looks for; past it the differing middle is replaced
  /// wholesale, a correct but longer diff, since the search's memory grows as its square.
  static let searchLimit = 2000

  /// A shortest edit script from `old` to `new`, keeping a longest common subsequence.
  ///
  /// Common leading and trailing lines are matched first; the rest uses Myers' greedy
  /// search ("An O(ND) difference algorithm", 1986), which finds, for d = 0, 1, 2, ...,
  /// the furthest point each diagonal k = x - y reaches with d edits.
  static func script<Line: Equatable>(from old: [Line], to new: [Line]) -> [LineEdit] {
    var prefix = 0
    while prefix < min(old.count, new.count) && old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < min(old.count, new.count) - prefix
      && old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
    {
      suffix += 1
    }
    let oldMiddle = old[prefix..<(old.count - suffix)]
    let newMiddle = new[prefix..<(new.count - suffix)]

    var edits = (0..<prefix).map { LineEdit.keep($0, $0) }
    edits +=
      middleScript(oldMiddle, newMiddle)
      ?? oldMiddle.indices.map { .delete($0) } + newMiddle.indices.map { .insert($0) }
    edits += (0..<suffix).map { .keep(old.count - suffix + $0, new.count - suffix + $0) }
    return edits
  }

  /// Myers' search over two slices, or `nil` when it needs more than `searchLimit` edits.
  private static func middleScript<Line: Equatable>(
    _ old: ArraySlice<Line>, _ new: ArraySlice<Line>
  ) -> [LineEdit]? {
    let n = old.count
    let m = new.count
    let limit = min(n + m, searchLimit)
    // furthest[k + offset] is the furthest x reached on diagonal k; trace[d] keeps the
    // diagonals -d-1...d+1 as they stood before step d, for walking back.
    let offset = limit + 1
    var furthest = [Int](repeating: 0, count: 2 * limit + 3)
    var trace: [[Int]] = []
    for d in 0...limit {
      trace.append(Array(furthest[(offset - d - 1)...(offset + d + 1)]))
      for k in stride(from: -d, through: d, by: 2) {
        let down = k == -d || (k != d && furthest[offset + k - 1] < furthest[offset + k + 1])
        var x = down ? furthest[offset + k + 1] : furthest[offset + k - 1] + 1
        var y = x - k
        while x < n && y < m && old[old.startIndex + x] == new[new.startIndex + y] {
          x += 1
          y += 1
        }
        furthest[offset + k] = x
        if x >= n && y >= m {
          return walkBack(
            trace: trace, n: n, m: m, oldStart: old.startIndex,
            newStart: new.startIndex)
        }
      }
    }
    return nil
  }

  /// Rebuilds the edits from the end point back to the start, using each step's diagonals.
  private static func walkBack(trace: [[Int]], n: Int, m: Int, oldStart: Int, newStart: Int)
    -> [LineEdit]
  {
    var edits: [LineEdit] = []
    var x = n
    var y = m
    for d in stride(from: trace.count - 1, through: 0, by: -1) {
      // trace[d] holds diagonals -d-1...d+1, so diagonal k sits at k + d + 1.
      let furthest = trace[d]
      let k = x - y
      let down = k == -d || (k != d && furthest[k - 1 + d + 1] < furthest[k + 1 + d + 1])
      let previousK = down ? k + 1 : k - 1
      let previousX = furthest[previousK + d + 1]
      let previousY = previousX - previousK
      while x > previousX && y > previousY && x > 0 && y > 0 {
        x -= 1
        y -= 1
        edits.append(.keep(oldStart + x, newStart + y))
      }
      if d > 0 {
        edits.append(down ? .insert(newStart + previousY) : .delete(oldStart + previousX))
        x = previousX
        y = previousY
      }
    }
    return edits.reversed()
  }
}
