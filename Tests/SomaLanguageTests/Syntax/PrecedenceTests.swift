import Testing

@testable import SomaLanguage

/// Expected trees follow the precedence table in Parser+Expressions.swift:
/// or < and < not < comparisons < + - < * / % @ < unary - + < ^ < postfix.
@Suite("Parser: precedence")
struct PrecedenceTests {
  @Test(
    "operators bind in the documented order",
    arguments: [
      ("-2^2", "(- (^ 2 2))"),
      ("a + b * c @ d", "(+ a (@ (* b c) d))"),
      ("not a == b", "(not (== a b))"),
      ("2^-1", "(^ 2 (- 1))"),
      ("2^3^2", "(^ 2 (^ 3 2))"),
      ("-a * b", "(* (- a) b)"),
      ("a * -b", "(* a (- b))"),
      ("a - b - c", "(- (- a b) c)"),
      ("a / b * c", "(* (/ a b) c)"),
      ("a @ b * c", "(* (@ a b) c)"),
      ("a % b + c", "(+ (% a b) c)"),
      ("a or b and c", "(or a (and b c))"),
      ("not a and b", "(and (not a) b)"),
      ("not not a", "(not (not a))"),
      ("a + b < c * d", "(< (+ a b) (* c d))"),
      ("a < b or c", "(or (< a b) c)"),
      ("x.w^2", "(^ (. x w) 2)"),
      ("-x[0]", "(- (index x 0))"),
      ("f(x)^2", "(^ (call f x) 2)"),
      ("- -x", "(- (- x))"),
      ("+x - -y", "(- (+ x) (- y))"),
      ("2^-x^2", "(^ 2 (- (^ x 2)))"),
      ("(a + b) * c", "(* (+ a b) c)"),
      ("x -> x + 1 == 2", "(lambda (x) (== (+ x 1) 2))"),
    ])
  func precedence(text: String, expected: String) {
    #expect(dump(text) == expected)
  }
}
