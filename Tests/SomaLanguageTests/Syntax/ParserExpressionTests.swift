import Testing

@testable import SomaLanguage

@Suite("Parser: expressions")
struct ParserExpressionTests {
  @Test(
    "parses literals",
    arguments: [
      ("3", "3"), ("0.25", "0.25"), ("1e-3", "0.001"), ("\"hi\\n\"", "\"hi\\n\""),
      ("true", "true"), ("false", "false"), ("x", "x"),
    ])
  func literals(text: String, expected: String) {
    #expect(dump(text) == expected)
  }

  @Test(
    "parses nested tensor literals whose elements are any expressions",
    arguments: [
      ("[1, 2, 3]", "(tensor 1 2 3)"),
      ("[[1, 2], [3, 4]]", "(tensor (tensor 1 2) (tensor 3 4))"),
      ("[]", "(tensor)"),
      ("[a + 1, f(b),]", "(tensor (+ a 1) (call f b))"),
      ("[\n  [1, 2],\n  [3, 4]\n]", "(tensor (tensor 1 2) (tensor 3 4))"),
    ])
  func tensors(text: String, expected: String) {
    #expect(dump(text) == expected)
  }

  @Test(
    "parses tuples, including the empty and the one-element tuple",
    arguments: [
      ("()", "(tuple)"), ("(a,)", "(tuple a)"), ("(a, b)", "(tuple a b)"),
      ("(a, b,)", "(tuple a b)"), ("(a)", "a"), ("((a, b), c)", "(tuple (tuple a b) c)"),
    ])
  func tuples(text: String, expected: String) {
    #expect(dump(text) == expected)
  }

  @Test(
    "parses records and field access",
    arguments: [
      ("{lr: 0.1, epochs: 10}", "(record (lr 0.1) (epochs 10))"),
      ("{}", "(record)"),
      ("{w: [1, 2], inner: {b: 0},}", "(record (w (tensor 1 2)) (inner (record (b 0))))"),
      ("r.lr", "(. r lr)"),
      ("model.layer.w", "(. (. model layer) w)"),
    ])
  func records(text: String, expected: String) {
    #expect(dump(text) == expected)
  }

  @Test(
    "parses calls with positional and keyword arguments",
    arguments: [
      ("f()", "(call f)"), ("f(x, y)", "(call f x y)"),
      ("f(x, key=value)", "(call f x key=value)"),
      ("grad(f, argnums=(0, 1))(p)", "(call (call grad f argnums=(tuple 0 1)) p)"),
      ("f(a == b)", "(call f (== a b))"),
      ("r.f(x)", "(call (. r f) x)"),
    ])
  func calls(text: String, expected: String) {
    #expect(dump(text) == expected)
  }

  @Test(
    "parses indexing with indices and slices",
    arguments: [
      ("x[0]", "(index x 0)"), ("x[-1]", "(index x (- 1))"), ("A[i, j]", "(index A i j)"),
      ("A[:, 0]", "(index A (slice _ _ _) 0)"), ("x[1:3]", "(index x (slice 1 3 _))"),
      ("x[::2]", "(index x (slice _ _ 2))"), ("x[1:]", "(index x (slice 1 _ _))"),
      ("x[:n-1]", "(index x (slice _ (- n 1) _))"), ("x[a:b:c]", "(index x (slice a b c))"),
      ("x[::-1]", "(index x (slice _ _ (- 1)))"), ("A[0][1]", "(index (index A 0) 1)"),
    ])
  func indexing(text: String, expected: String) {
    #expect(dump(text) == expected)
  }

  @Test(
    "parses anonymous functions with zero, one and several parameters",
    arguments: [
      ("x -> x^2", "(lambda (x) (^ x 2))"), ("(x) -> x", "(lambda (x) x)"),
      ("(x, y) -> x * y", "(lambda (x y) (* x y))"), ("() -> 3", "(lambda () 3)"),
      ("x -> y -> x + y", "(lambda (x) (lambda (y) (+ x y)))"),
      ("map(x -> x + 1, xs)", "(call map (lambda (x) (+ x 1)) xs)"),
      ("(x -> x)(3)", "(call (lambda (x) x) 3)"),
    ])
  func lambdas(text: String, expected: String) {
    #expect(dump(text) == expected)
  }

  @Test("parses chained comparisons as one chain")
  func comparisonChains() {
    #expect(dump("0 <= x < 1") == "(chain 0 <= x < 1)")
    #expect(dump("a == b != c") == "(chain a == b != c)")
    #expect(dump("(a < b) < c") == "(< (< a b) c)")
  }

  @Test("every expression node records its source range")
  func expressionRanges() throws {
    let expression = try Parser.parseExpression("f(a, 2)[0] + -x")
    #expect(expression.range.start.offset == 0)
    #expect(expression.range.end.offset == 15)
    guard case .binary(_, let left, let right) = expression.kind else {
      Issue.record("expected a binary expression")
      return
    }
    #expect(left.range.end.offset == 10)
    #expect(right.range.start.offset == 13)
    guard case .index(let call, let subscripts) = left.kind else {
      Issue.record("expected indexing")
      return
    }
    #expect(call.range.end.offset == 7)
    #expect(subscripts[0].range.start.offset == 8)
  }

  @Test("arguments, fields and parameters span their label and value")
  func compositeRanges() throws {
    let call = try Parser.parseExpression("f(x, key=10)")
    guard case .call(_, let arguments) = call.kind else {
      Issue.record("expected a call")
      return
    }
    #expect(arguments[1].range.start.offset == 5)
    #expect(arguments[1].range.end.offset == 11)
    let record = try Parser.parseExpression("{lr: 0.1}")
    guard case .record(let fields) = record.kind else {
      Issue.record("expected a record")
      return
    }
    #expect(fields[0].range.start.offset == 1)
    #expect(fields[0].range.end.offset == 8)
    let lambda = try Parser.parseExpression("(a, b) -> a")
    guard case .lambda(let function) = lambda.kind else {
      Issue.record("expected a lambda")
      return
    }
    #expect(function.parameters[1].range.start.offset == 4)
  }

  @Test("a parenthesised expression's range includes the parentheses")
  func parenthesisedRange() throws {
    let expression = try Parser.parseExpression("(a + b)")
    #expect(expression.range.start.offset == 0)
    #expect(expression.range.end.offset == 7)
  }

  @Test("parseExpression rejects anything after the expression")
  func singleExpression() {
    #expect(throws: SyntaxError.self) { try Parser.parseExpression("a b") }
    #expect(throws: SyntaxError.self) { try Parser.parseExpression("x = 1") }
  }
}
