import Testing

@testable import SomaLanguage

/// The plain-number and boolean fast paths must give way to the general path whenever
/// a value is not a plain number or boolean, with the same results and errors.
@Suite("Interpreter fast paths")
struct FastPathTests {
  /// Runs `code` as one script and returns what it printed, or the rendered error.
  private func run(_ code: String) -> String {
    var output = ""
    let session = Session { output += $0 }
    do {
      try session.run(Source(code, name: "test.soma"), showResults: false)
    } catch let error as SomaError {
      output += error.rendered()
    } catch {
      output += "unexpected error \(error)"
    }
    return output
  }

  @Test("a scalar function with exp, powers and locals differentiates through grad")
  func gradientThroughScalarCode() {
    // f(x) = exp(2x) + x^3, so f'(x) = 2 exp(2x) + 3x^2; at x = 0.5 that is
    // 2e + 0.75 = 6.186563656918091 (e = 2.718281828459045).
    let output = run(
      """
      function f(x)
        y = 2 * x
        z = exp(y) + x^3
        return z
      end
      print(grad(f)(0.5))
      """)
    #expect(output.hasPrefix("6.18656"))
  }

  @Test("a builtin replaced after a function was compiled is no longer used")
  func replacedBuiltin() {
    let output = run(
      """
      function f(x)
        y = exp(x) + 1
        return y
      end
      print(f(0))
      exp = x -> 10 * x
      print(f(2))
      """)
    #expect(output == "2\n21\n")
  }

  @Test("an operation on a value that is not a number reports its own place")
  func errorInsideFastExpression() {
    let output = run(
      """
      function f(a)
        b = 2 * (a + 1)
        return b
      end
      f("text")
      """)
    #expect(output.contains("test.soma:2:11: error: cannot use + on a string and a number"))
  }

  @Test("reading a local before it has a value still fails at the name")
  func unassignedLocal() {
    let output = run(
      """
      function f()
        if false
          y = 1
        end
        z = y + 1
        return z
      end
      f()
      """)
    #expect(output.contains("test.soma:5:7: error: 'y' is used before it is given a value"))
  }

  @Test("conditions and logic on numbers take the general path, which accepts them")
  func numbersAsConditions() {
    let output = run(
      """
      a = not 0
      b = 2 and true
      flag = 3 > 2 and not false
      if 1
        print(a, b, flag)
      end
      """)
    #expect(output == "true true true\n")
  }

  @Test("compound assignment of a local tensor keeps working")
  func compoundAssignmentOnTensor() {
    let output = run(
      """
      function f()
        x = [1, 2]
        x += 1
        x *= x
        return x
      end
      print(f())
      """)
    #expect(output == "[4, 9]\n")
  }
}
