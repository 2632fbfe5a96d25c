/// How tightly operators bind, from loosest to tightest.
///
/// `or` < `and` < `not` < comparisons < `+ -` < `* / % @` < unary `- +` < `^`
/// < postfix (call, index, field). Anonymous functions `->` are looser than all.
enum Precedence: Int, Comparable {
  case or = 1
  case and
  case not
  case comparison
  case additive
  case multiplicative
  case unary
  case power

  static func < (lhs: Precedence, rhs: Precedence) -> Bool {
    lhs.rawValue < rhs.rawValue
  }

  /// The next tighter level, for the right operand of a left-associative operator.
  var tighter: Precedence {
    Precedence(rawValue: rawValue + 1) ?? .power
  }
}

extension Parser {
  /// Parses one expression, including an anonymous function `x -> expr`.
  ///
  /// The functions on the path of nested brackets are kept small: a debug
  /// build gives every temporary its own stack slot, and smaller frames let
  /// more nesting fit before `enterNesting` stops it for lack of stack.
  mutating func parseExpression() throws(SyntaxError) -> Expression {
    try enterNesting()
    defer { leaveNesting() }
    let left = try parseBinary(.or)
    return check(.arrow) ? try parseLambda(parameters: left) : left
  }

  /// The rest of `params -> body` once `params` has been read as an expression.
  private mutating func parseLambda(parameters left: Expression) throws(SyntaxError)
    -> Expression
  {
    let parameters = try lambdaParameters(from: left)
    advance()
    let body = try parseExpression()
    let function = FunctionDeclaration(parameters: parameters, body: .expression(body))
    return Expression(.lambda(function), range: left.range.joined(with: body.range))
  }

  /// The parameters written before `->`: `x`, `(x)`, `(x, y)` or `()`.
  private func lambdaParameters(from expression: Expression) throws(SyntaxError)
    -> [Parameter]
  {
    let candidates: [Expression]
    if case .tuple(let elements) = expression.kind {
      candidates = elements
    } else {
      candidates = [expression]
    }
    var parameters: [Parameter] = []
    for candidate in candidates {
      guard case .name(let name) = candidate.kind else {
        throw .invalidParameter(what: describe(candidate), range: candidate.range)
      }
      parameters.append(Parameter(name: Identifier(name, range: candidate.range)))
    }
    try validate(parameters)
    return parameters
  }

  /// Parses operators that bind at least as tightly as `minimum`.
  ///
  /// This is precedence climbing: left-associative chains are loops, and `^`
  /// recurses to the right.
  ///
  /// Each link of a chain counts as one level of nesting, because it adds one
  /// level to the syntax tree that later passes walk recursively.
  mutating func parseBinary(_ minimum: Precedence) throws(SyntaxError) -> Expression {
    var left = try parsePrefix(minimum)
    var links = 0
    defer { leaveNesting(links) }
    while let (operation, precedence) = binaryOperator(current.kind), precedence >= minimum {
      try enterNesting()
      links += 1
      if precedence == .comparison {
        left = try parseComparisons(first: left)
      } else {
        left = try parseRightOperand(of: left, operation, precedence)
      }
    }
    return left
  }

  /// Consumes a binary operator and its right operand, and combines the two sides.
  private mutating func parseRightOperand(
    of left: Expression, _ operation: BinaryOperator, _ precedence: Precedence
  ) throws(SyntaxError) -> Expression {
    let operatorToken = advance()
    if operation == .multiply, check(.star), current.range.start == operatorToken.range.end {
      throw .foreignSyntax(.doubleStar, range: operatorToken.range.joined(with: current.range))
    }
    // `^` is right-associative and its right side may carry a sign: 2^-1.
    let right = try parseBinary(precedence == .power ? .unary : precedence.tighter)
    return Expression(
      .binary(operation, left, right), range: left.range.joined(with: right.range))
  }

  /// `-x`, `+x` and `not x`, each applying to everything that binds tighter.
  ///
  /// So `-2^2` is `-(2^2)` and `not a == b` is `not (a == b)`. A prefix operator
  /// where a tighter operand is expected, as in `a * -b`, still works: its own
  /// operand is then parsed at that tighter level.
  private mutating func parsePrefix(_ minimum: Precedence) throws(SyntaxError) -> Expression {
    let operation: UnaryOperator
    let level: Precedence
    switch current.kind {
    case .minus: (operation, level) = (.negate, .unary)
    case .plus: (operation, level) = (.plus, .unary)
    case .keyword(.not): (operation, level) = (.not, .not)
    default: return try parsePostfix()
    }
    let token = advance()
    try enterNesting()
    defer { leaveNesting() }
    let operand = try parseBinary(max(minimum, level))
    return Expression(.unary(operation, operand), range: token.range.joined(with: operand.range))
  }

  /// One comparison or a chain of them, `0 <= x < n`.
  private mutating func parseComparisons(first: Expression) throws(SyntaxError) -> Expression {
    var operands = [first]
    var operations: [BinaryOperator] = []
    while let (operation, precedence) = binaryOperator(current.kind), precedence == .comparison {
      advance()
      operations.append(operation)
      operands.append(try parseBinary(.additive))
    }
    let range = first.range.joined(with: operands[operands.count - 1].range)
    if operations.count == 1 {
      return Expression(.binary(operations[0], operands[0], operands[1]), range: range)
    }
    return Expression(.comparisonChain(operands, operations), range: range)
  }

  /// The binary operator a token stands for, with its precedence.
  private func binaryOperator(_ kind: Token.Kind) -> (BinaryOperator, Precedence)? {
    switch kind {
    case .keyword(.or): return (.or, .or)
    case .keyword(.and): return (.and, .and)
    case .equalEqual: return (.equal, .comparison)
    case .notEqual: return (.notEqual, .comparison)
    case .less: return (.less, .comparison)
    case .lessEqual: return (.lessEqual, .comparison)
    case .greater: return (.greater, .comparison)
    case .greaterEqual: return (.greaterEqual, .comparison)
    case .plus: return (.add, .additive)
    case .minus: return (.subtract, .additive)
    case .star: return (.multiply, .multiplicative)
    case .slash: return (.divide, .multiplicative)
    case .percent: return (.remainder, .multiplicative)
    case .at: return (.matrixMultiply, .multiplicative)
    case .caret: return (.power, .power)
    default: return nil
    }
  }
}
