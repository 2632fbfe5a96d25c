import Testing

@testable import SomaLanguage

@Suite("Parser: statements")
struct ParserStatementTests {
  @Test(
    "parses assignments to names, elements, fields and tuples",
    arguments: [
      ("x = 1", "(= x 1)"), ("x[i] = v", "(= (index x i) v)"),
      ("A[:, 0] = 0", "(= (index A (slice _ _ _) 0) 0)"), ("r.lr = 0.1", "(= (. r lr) 0.1)"),
      ("r.w[0] = 1", "(= (index (. r w) 0) 1)"), ("a, b = f(x)", "(= (tuple a b) (call f x))"),
      ("a, b = b, a", "(= (tuple a b) (tuple b a))"),
      ("(a, b), c = t", "(= (tuple (tuple a b) c) t)"), ("a, = t", "(= (tuple a) t)"),
    ])
  func assignments(text: String, expected: String) {
    #expect(dump(text) == expected)
  }

  @Test(
    "parses compound assignments",
    arguments: [
      ("x += 1", "(+= x 1)"), ("x -= 1", "(-= x 1)"), ("x *= 2", "(*= x 2)"),
      ("x /= 2", "(/= x 2)"), ("w[i] -= lr * g", "(-= (index w i) (* lr g))"),
      ("r.n += 1", "(+= (. r n) 1)"),
    ])
  func compoundAssignments(text: String, expected: String) {
    #expect(dump(text) == expected)
  }

  @Test(
    "parses one-line function definitions, with default values",
    arguments: [
      ("f(x) = x^2", "(function f (x) (^ x 2))"), ("f() = 1", "(function f () 1)"),
      ("loss(w, b, lr=0.1) = w * lr", "(function loss (w b lr=0.1) (* w lr))"),
      ("f(x) = y -> x + y", "(function f (x) (lambda (y) (+ x y)))"),
      (
        "polar(x, y) = norm(x, y), atan2(y, x)",
        "(function polar (x y) (tuple (call norm x y) (call atan2 y x)))"
      ),
      ("f(x) =\n  x + 1", "(function f (x) (+ x 1))"),
    ])
  func oneLineFunctions(text: String, expected: String) {
    #expect(dump(text) == expected)
  }

  @Test("parses block functions with return")
  func blockFunctions() {
    let text = """
      function step(x, lr=0.1)
        y = x - lr
        return y
      end
      function nothing()
        return
      end
      """
    #expect(
      dump(text) == """
        (function step (x lr=0.1) (block (= y (- x lr)) (return y)))
        (function nothing () (block (return)))
        """)
    #expect(
      dump("function f(x) return x, 2 end") == "(function f (x) (block (return (tuple x 2))))")
  }

  @Test("parses if with elif and else")
  func ifStatements() {
    let text = """
      if x > 0
        s = 1
      elif x < 0
        s = -1
      else
        s = 0
      end
      """
    #expect(
      dump(text)
        == "(if ((> x 0) (block (= s 1))) ((< x 0) (block (= s (- 1)))) (else (block (= s 0))))")
    #expect(dump("if a; b; end") == "(if (a (block b)))")
    #expect(dump("if a\nend") == "(if (a (block)))")
  }

  @Test("parses for and while loops with break and continue")
  func loops() {
    let text = """
      for i in range(10)
        if i == 3
          continue
        end
        total += i
      end
      while true
        break
      end
      for i, x in enumerate(xs); end
      """
    #expect(
      dump(text) == """
        (for i (call range 10) (block (if ((== i 3) (block (continue)))) (+= total i)))
        (while true (block (break)))
        (for (tuple i x) (call enumerate xs) (block))
        """)
  }

  @Test("separates statements by newlines or semicolons")
  func separators() {
    #expect(dump("a = 1; b = 2\nc") == "(= a 1)\n(= b 2)\nc")
    #expect(dump(";;a;;\n\n;b;") == "a\nb")
    #expect(dump("") == "")
    #expect(dump("# only a comment") == "")
  }

  @Test("a statement-level comma list is a tuple")
  func bareTuple() {
    #expect(dump("a, b") == "(tuple a b)")
  }

  @Test("block functions reset the loop context; break inside them needs its own loop")
  func loopContext() {
    #expect(
      dump("for i in xs\n function f()\n  while true; break; end\n end\nend")
        == "(for i xs (block (function f () (block (while true (block (break)))))))")
    #expect(syntaxError("for i in xs\n function f()\n  break\n end\nend") != nil)
  }

  @Test("every statement records its source range, blocks up to their end")
  func statementRanges() throws {
    let program = try Parser.parse("x = 1\nif a\n  b\nend  # done")
    #expect(program.statements[0].range.start == SourceLocation(line: 1, column: 1, offset: 0))
    #expect(program.statements[0].range.end.offset == 5)
    #expect(program.statements[1].range.start.line == 2)
    #expect(program.statements[1].range.end == SourceLocation(line: 4, column: 4, offset: 18))
  }

  @Test("reads a lecture-style training loop")
  func trainingLoop() {
    let text = """
      # Fit a line by gradient descent.
      params = {w: 0.0, b: 0.0}
      loss(p) = mean((p.w * xs + p.b - ys)^2)
      for epoch in range(100)
        g = grad(loss)(params)
        params.w -= 0.1 * g.w
        params.b -= 0.1 * g.b
        if epoch % 10 == 0
          print("epoch", epoch, loss(params))
        end
      end
      """
    #expect(
      dump(text) == """
        (= params (record (w 0) (b 0)))
        (function loss (p) (call mean (^ (- (+ (* (. p w) xs) (. p b)) ys) 2)))
        (for epoch (call range 100) (block (= g (call (call grad loss) params)) \
        (-= (. params w) (* 0.1 (. g w))) (-= (. params b) (* 0.1 (. g b))) \
        (if ((== (% epoch 10) 0) (block (call print "epoch" epoch (call loss params)))))))
        """)
  }
}
