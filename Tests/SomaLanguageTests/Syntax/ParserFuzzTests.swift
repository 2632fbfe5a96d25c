import SomaTensor
import Testing

@testable import SomaLanguage

/// Random and mutated programs must each end in a syntax tree or a `SyntaxError`.
///
/// Never a crash, a trap or a hang. The generator is seeded, so a failure
/// reproduces exactly; the failing text is part of the issue recorded.
@Suite("Parser fuzzing")
struct ParserFuzzTests {
  /// Valid programs that together use every construct of the language.
  static let seeds = [
    "x = 1\ny = -2^2 + x * 3 @ [[1, 2], [3, 4]]",
    "a, b = b, a; t = (a,); e = ()",
    "r = {lr: 0.1, epochs: 10}\nr.lr *= 0.5\nprint(r.lr, \"done\\n\")",
    "f(x, y=2) = x^y\ng = (x, y) -> x - y\nh = () -> 1e-3\nk = z -> not z or true",
    "function step(w, lr=0.1)\n  g = grad(loss)(w)\n  return w - lr * g\nend",
    "if 0 <= x < 1\n  y = 1\nelif x >= 1 and x != 3\n  y = 2\nelse\n  y = 3\nend",
    "for i in range(10)\n  if i % 2 == 0; continue; end\n  while i > 5\n    break\n  end\nend",
    "A[:, 0] = x[1:3] + x[::2] - x[-1]\nB[i, j] += 1  # comment",
    "s = sum(A @ B.T, axis=0)\nloss(p) = mean((p.w * xs + p.b - ys)^2)",
    "m = [\n  [1, 2],\n  [3, 4],\n]\nv = m[0][1] /\n  2",
  ]

  /// Spellings the random programs are made of, including mistakes.
  static let vocabulary = [
    "x", "y", "f", "α", "1", "0.5", "1e-3", "1e", "\"s\"", "\"a\\n\"", "\"open", "true",
    "false", "+", "-", "*", "/", "%", "@", "^", "==", "!=", "<", "<=", ">", ">=", "=", "+=",
    "-=", "*=", "/=", "->", ",", ":", ";", ".", "(", ")", "[", "]", "{", "}", "\n", "\t",
    "# c\n", "and", "or", "not", "if", "elif", "else", "end", "for", "in", "while",
    "break", "continue", "function", "return", "$", "'", "!", "漢", "\u{301}", "\r\n",
  ]

  /// Characters inserted by character-level mutations.
  static let alphabet = Array("xyf01.e+-*/^@=<>!,:;()[]{}\"\\ \n\t#'$α漢\u{301}")

  @Test("20,000 random and mutated programs end in a tree or a syntax error")
  func fuzz() {
    var random = RandomGenerator(seed: 20_261_203)
    var trees = 0
    var errors = 0
    for round in 0..<20_000 {
      let text: String
      switch round % 4 {
      case 0: text = Self.randomTokens(&random)
      case 1, 2:
        text = Self.mutateCharacters(Self.seeds.randomElement(using: &random) ?? "", &random)
      default: text = Self.mutateTokens(Self.seeds.randomElement(using: &random) ?? "", &random)
      }
      if Self.check(text) {
        trees += 1
      } else {
        errors += 1
      }
    }
    // Both outcomes must be common, or the generator is not exploring the grammar.
    #expect(trees > 1000)
    #expect(errors > 1000)
  }

  @Test("the seed programs themselves parse")
  func seedsParse() {
    for seed in Self.seeds {
      #expect(throws: Never.self) { try Parser.parse(seed) }
    }
  }

  /// Parses `text`, renders any error and checks both results; true for a tree.
  private static func check(_ text: String) -> Bool {
    let source = Source(text, name: "fuzz")
    do {
      let program = try Parser.parse(source)
      _ = program.description
      return true
    } catch {
      // Plain checks rather than #expect keep 20,000 rounds fast.
      let rendered = error.diagnostic.rendered(in: source)
      let wellFormed =
        rendered.hasPrefix("fuzz:") && error.range.end.offset <= text.utf8.count
        && error.message.first?.isUppercase == false && error.message.last != "."
      if !wellFormed {
        Issue.record("badly formed error for \(text.debugDescription):\n\(rendered)")
      }
      return false
    }
  }

  private static func randomTokens(_ random: inout RandomGenerator) -> String {
    let count = Int.random(in: 1...40, using: &random)
    var text = ""
    for _ in 0..<count {
      text += vocabulary.randomElement(using: &random) ?? ""
      text += Bool.random(using: &random) ? " " : ""
    }
    return text
  }

  static func mutateCharacters(_ program: String, _ random: inout RandomGenerator)
    -> String
  {
    var characters = Array(program)
    for _ in 0..<Int.random(in: 1...4, using: &random) {
      guard !characters.isEmpty else { break }
      let i = Int.random(in: 0..<characters.count, using: &random)
      let j = min(characters.count, i + Int.random(in: 1...6, using: &random))
      switch Int.random(in: 0..<4, using: &random) {
      case 0: characters.removeSubrange(i..<j)
      case 1: characters.insert(contentsOf: characters[i..<j], at: i)
      case 2: characters.swapAt(i, Int.random(in: 0..<characters.count, using: &random))
      default: characters.insert(alphabet.randomElement(using: &random) ?? " ", at: i)
      }
    }
    return String(characters)
  }

  /// Splits a valid program into its token spellings and shuffles a few of them.
  static func mutateTokens(_ program: String, _ random: inout RandomGenerator)
    -> String
  {
    guard let tokens = try? Lexer.tokenize(Source(program)) else { return program }
    let utf8 = Array(program.utf8)
    var spellings = tokens.dropLast().map { token in
      token.kind == .newline
        ? "\n"
        : String(decoding: utf8[token.range.start.offset..<token.range.end.offset], as: UTF8.self)
    }
    for _ in 0..<Int.random(in: 1...3, using: &random) {
      guard !spellings.isEmpty else { break }
      let i = Int.random(in: 0..<spellings.count, using: &random)
      switch Int.random(in: 0..<4, using: &random) {
      case 0: spellings.remove(at: i)
      case 1: spellings.insert(spellings[i], at: i)
      case 2: spellings.swapAt(i, Int.random(in: 0..<spellings.count, using: &random))
      default: spellings.insert(vocabulary.randomElement(using: &random) ?? "", at: i)
      }
    }
    return spellings.joined(separator: " ")
  }
}
