import SomaNotebook
import Testing

@Suite("Unified diffs")
struct UnifiedDiffTests {
  /// Lines "1" to "n", each ending with a newline.
  static func numbered(_ n: Int) -> [String] { (1...n).map { "\($0)\n" } }

  @Test("equal texts have an empty diff")
  func equal() {
    #expect(unifiedDiff(old: "a\nb", new: "a\nb", name: "x.md") == "")
    #expect(unifiedDiff(old: "", new: "", name: "x.md") == "")
  }

  @Test("one changed line shows with three lines of context each side, as diff -u prints it")
  func oneChange() {
    var new = Self.numbered(10)
    new[4] = "five\n"
    let expected = """
      --- x.md
      +++ x.md
      @@ -2,7 +2,7 @@
       2
       3
       4
      -5
      +five
       6
       7
       8

      """
    #expect(
      unifiedDiff(old: Self.numbered(10).joined(), new: new.joined(), name: "x.md") == expected)
  }

  @Test("changes more than six lines apart get separate hunks; closer ones share one")
  func hunks() {
    let old = Self.numbered(20)
    var far = old
    far[1] = "b\n"
    far[17] = "r\n"
    let farDiff = unifiedDiff(old: old.joined(), new: far.joined(), name: "f")
    #expect(
      farDiff.split(separator: "\n").filter { $0.hasPrefix("@@") } == [
        "@@ -1,5 +1,5 @@", "@@ -15,6 +15,6 @@",
      ])
    var near = old
    near[1] = "b\n"
    near[8] = "i\n"
    let nearDiff = unifiedDiff(old: old.joined(), new: near.joined(), name: "f")
    #expect(nearDiff.split(separator: "\n").filter { $0.hasPrefix("@@") } == ["@@ -1,12 +1,12 @@"])
  }

  @Test("an empty side is written as start,0 with the line before it")
  func emptySides() {
    #expect(
      unifiedDiff(old: "", new: "a\nb\n", name: "n") == "--- n\n+++ n\n@@ -0,0 +1,2 @@\n+a\n+b\n")
    #expect(unifiedDiff(old: "a\n", new: "", name: "n") == "--- n\n+++ n\n@@ -1 +0,0 @@\n-a\n")
  }

  @Test("a last line without a newline is marked")
  func noFinalNewline() {
    #expect(
      unifiedDiff(old: "a\nb", new: "a\nb\n", name: "n")
        == "--- n\n+++ n\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
  }

  @Test("a change of line ending is a change")
  func lineEndings() {
    #expect(
      unifiedDiff(old: "a\r\n", new: "a\n", name: "n") == "--- n\n+++ n\n@@ -1 +1 @@\n-a\r\n+a\n")
  }

  @Test("an output block inserted into a notebook reads as added lines")
  func insertedBlock() throws {
    let old = "```soma\nprint 1\n```\n"
    let new = "```soma\nprint 1\n```\n\n```output\n1\n```\n"
    let expected = """
      --- nb.md
      +++ nb.md
      @@ -1,3 +1,7 @@
       ```soma
       print 1
       ```
      +
      +```output
      +1
      +```

      """
    #expect(unifiedDiff(old: old, new: new, name: "nb.md") == expected)
  }

  /// A deterministic pseudo-random sequence (a 64-bit linear congruential generator,
  /// Knuth's MMIX constants), so failures reproduce.
  struct Sequence {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  /// The length of a longest common subsequence, by the textbook dynamic program.
  static func lcsLength(_ a: [String], _ b: [String]) -> Int {
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    return table[0][0]
  }

  @Test("random edits: the diff applies back and changes no more lines than the LCS needs")
  func randomEdits() throws {
    var random = Sequence(state: 42)
    for _ in 0..<300 {
      let alphabet = ["a\n", "b\n", "c\n", "d\r\n", "e"]
      let old = (0..<random.next(15)).map { _ in alphabet[random.next(4)] }
      let new = (0..<random.next(15)).map { _ in alphabet[random.next(4)] }
      let oldText = old.joined()
      let newText = new.joined()
      let diff = unifiedDiff(old: oldText, new: newText, name: "r")
      #expect(applyUnifiedDiff(diff, to: oldText) == newText, "\(old) -> \(new)\n\(diff)")
      // Split by scalar: "\r\n" is one Character and would hide a line break.
      let lines = diff.unicodeScalars.split(separator: "\n").map(Substring.init)
      let changed = lines.dropFirst(2).filter {
        $0.hasPrefix("-") || $0.hasPrefix("+")
      }
      #expect(changed.count == old.count + new.count - 2 * Self.lcsLength(old, new))
    }
  }

  @Test("a large notebook with scattered changes diffs correctly, beyond the search limit too")
  func large() throws {
    let old = Self.numbered(10_000)
    var few = old
    for index in stride(from: 5, to: 10_000, by: 997) { few[index] = "changed \(index)\n" }
    let fewDiff = unifiedDiff(old: old.joined(), new: few.joined(), name: "l")
    #expect(applyUnifiedDiff(fewDiff, to: old.joined()) == few.joined())
    #expect(fewDiff.split(separator: "\n").filter { $0.hasPrefix("@@") }.count == 11)

    let many = old.enumerated().map { $0.offset % 3 == 0 ? "x\($0.element)" : $0.element }
    let manyDiff = unifiedDiff(old: old.joined(), new: many.joined(), name: "l")
    #expect(applyUnifiedDiff(manyDiff, to: old.joined()) == many.joined())
  }
}
