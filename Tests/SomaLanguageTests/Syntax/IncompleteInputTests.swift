import Testing

@testable import SomaLanguage

@Suite("Parser: incomplete input for the REPL")
struct IncompleteInputTests {
  @Test(
    "input continues while a block, a bracket or an operator waits for more",
    arguments: [
      "if x > 0", "if x > 0\n  y = 1", "if x\n y\nelse", "for i in range(10)", "while true\n",
      "function f(x)\n  return x", "function f(x", "f(1,", "f(1, 2", "x = [1, 2,\n", "{a: 1",
      "x = (", "x = 1 +", "x = 1 +\n", "a and", "x =", "g = x ->", "y = not",
      "for i in xs\n  if i > 2\n    break\n  end", "A[1:", "x = 2 *  # comment",
    ])
  func incomplete(text: String) {
    #expect(Parser.isIncomplete(text))
  }

  @Test(
    "complete input, and input with a real mistake, runs at once",
    arguments: [
      "", "x = 1", "if x\n y\nend", "f(1, 2)", "x = 1 + 2", "# just a comment",
      "x = = 1", "f(1, 2]", "\"unterminated", "end", "return 1", "x = 1 $", "1 = 2",
      "if x y", "for 1 in xs", "t = 1,",
    ])
  func complete(text: String) {
    #expect(!Parser.isIncomplete(text))
  }
}
