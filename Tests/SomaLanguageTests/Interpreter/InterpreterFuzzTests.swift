import SomaTensor
import Testing

@testable import SomaLanguage

/// Mutated programs must each run to a value or end in a Soma error: never a crash, a
/// trap or a hang (each run has a short time limit, as a notebook cell does).
@Suite("Interpreter fuzzing")
struct InterpreterFuzzTests {
  /// Runnable programs that exercise values, operators, calls, loops and gradients.
  static let seeds = [
    "x = [1, 2, 3]\ny = x * 2 + 1\nsum(y[1:]) / len(x)",
    "A = [[1, 2], [3, 4]]\nb = [1, -1]\nsolve(A, b) @ A\ntranspose(A)[0, -1]",
    "f(t) = t^3 - 2 * t\ng = grad(f)\n(g(2), grad(g)(2), hessian(p -> sum(p^2))([1, 2]))",
    "r = {lr: 0.1, w: [0.5, -0.5]}\nr.w[0] = r.w[1] * r.lr\nr",
    "total = 0\nfor i in range(5)\n  if i % 2 == 0\n    continue\n  end\n  total += i\nend\ntotal",
    "function fact(n)\n  if n <= 1\n    return 1\n  end\n  return n * fact(n - 1)\nend\nfact(6)",
    "n = 0\nwhile n < 4\n  n += 1\nend\nmax([n, 2]) + argmax([1, 3, 2])",
    "z = linspace(-1, 1, 5)\n(relu(z), softmax(z), mean(sigmoid(z)), one_hot([0, 2], 3))",
    "a, b = (1, 2)\nt = (a, b, \"s\")\nt[-1] + \"!\"",
    "v = reshape(range(6), 2, 3)\nconcat((v, v), axis=1)[:, ::2]",
  ]

  @Test("10,000 mutated programs end in a value or a Soma error")
  func fuzz() {
    var random = RandomGenerator(seed: 3_141_592)
    var values = 0
    var errors = 0
    for round in 0..<10_000 {
      let seed = Self.seeds.randomElement(using: &random) ?? ""
      let text =
        round.isMultiple(of: 2)
        ? ParserFuzzTests.mutateCharacters(seed, &random)
        : ParserFuzzTests.mutateTokens(seed, &random)
      let session = Session { _ in }
      do {
        try session.run(Source(text, name: "fuzz"), timeLimit: 0.05)
        values += 1
      } catch {
        errors += 1
      }
    }
    // Both outcomes must be common, or the mutations are not exploring the interpreter.
    #expect(values > 200)
    #expect(errors > 5_000)
  }
}
