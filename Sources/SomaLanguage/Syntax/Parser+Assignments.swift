extension Parser {
  /// An expression statement, an assignment, a compound assignment or a
  /// one-line function definition `f(x, y) = expr`.
  ///
  /// The left side is parsed as an expression first and turned into a target
  /// once `=` shows that it is one.
  mutating func parseSimpleStatement() throws(SyntaxError) -> Statement {
    let left = try parseExpressionList()
    switch current.kind {
    case .equal:
      advance()
      if case .call(let callee, let arguments) = left.kind,
        case .name(let name) = callee.kind
      {
        return try parseFunctionDefinition(
          name: Identifier(name, range: callee.range), arguments: arguments, start: left)
      }
      let target = try assignmentTarget(from: left)
      let value = try parseExpressionList()
      return Statement(.assignment(target, value), range: left.range.joined(with: value.range))
    case .plusEqual, .minusEqual, .starEqual, .slashEqual:
      let operatorToken = advance()
      if case .tuple = left.kind {
        throw .compoundAssignmentToSeveralTargets(
          operator: operatorToken.kind.spelling, range: operatorToken.range)
      }
      let operation = compoundOperator(operatorToken.kind)
      let target = try assignmentTarget(from: left)
      let value = try parseExpressionList()
      return Statement(
        .compoundAssignment(target, operation, value), range: left.range.joined(with: value.range))
    default:
      return Statement(.expression(left), range: left.range)
    }
  }

  /// One expression, or several separated by commas as a tuple: `a, b = b, a`.
  mutating func parseExpressionList() throws(SyntaxError) -> Expression {
    let first = try parseExpression()
    guard check(.comma) else { return first }
    var elements = [first]
    while match(.comma) != nil, !atEndOfExpressionList {
      elements.append(try parseExpression())
    }
    return Expression(
      .tuple(elements), range: first.range.joined(with: afterPrevious))
  }

  /// Whether a trailing comma ended the list, as in `t = 1,` or `a, = pair`.
  private var atEndOfExpressionList: Bool {
    switch current.kind {
    case .newline, .semicolon, .endOfInput, .equal, .plusEqual, .minusEqual, .starEqual,
      .slashEqual, .keyword(.end), .keyword(.else), .keyword(.elif):
      return true
    default:
      return false
    }
  }

  private func compoundOperator(_ kind: Token.Kind) -> BinaryOperator {
    switch kind {
    case .plusEqual: return .add
    case .minusEqual: return .subtract
    case .starEqual: return .multiply
    default: return .divide
    }
  }

  private mutating func parseFunctionDefinition(
    name: Identifier, arguments: [Argument], start: Expression
  ) throws(SyntaxError) -> Statement {
    var parameters: [Parameter] = []
    for argument in arguments {
      if let label = argument.label {
        parameters.append(Parameter(name: label, defaultValue: argument.value))
      } else if case .name(let parameterName) = argument.value.kind {
        parameters.append(Parameter(name: Identifier(parameterName, range: argument.value.range)))
      } else {
        throw .invalidParameter(what: describe(argument.value), range: argument.value.range)
      }
    }
    try validate(parameters)
    let body = try parseExpressionList()
    let function = FunctionDeclaration(parameters: parameters, body: .expression(body))
    return Statement(
      .functionDefinition(name, function), range: start.range.joined(with: body.range))
  }

  /// Rejects a repeated parameter name and a parameter without a default after
  /// one with a default.
  func validate(_ parameters: [Parameter]) throws(SyntaxError) {
    var seen: [String: SourceRange] = [:]
    var sawDefault = false
    for parameter in parameters {
      let name = parameter.name
      if let previous = seen[name.name] {
        throw .duplicateName(name.name, kind: .parameter, range: name.range, previous: previous)
      }
      seen[name.name] = name.range
      if parameter.defaultValue != nil {
        sawDefault = true
      } else if sawDefault {
        throw .missingDefaultValue(parameter: name.name, range: name.range)
      }
    }
  }

  /// The target an expression stands for on the left of `=`.
  func assignmentTarget(from expression: Expression) throws(SyntaxError) -> AssignmentTarget {
    switch expression.kind {
    case .name(let name):
      return AssignmentTarget(.name(name), range: expression.range)
    case .index(let base, let subscripts):
      guard isPlace(base) else {
        throw .invalidAssignmentTarget(
          what: "an element of \(describe(base))", range: expression.range)
      }
      return AssignmentTarget(.index(base, subscripts), range: expression.range)
    case .field(let base, let field):
      guard isPlace(base) else {
        throw .invalidAssignmentTarget(
          what: "a field of \(describe(base))", range: expression.range)
      }
      return AssignmentTarget(.field(base, field), range: expression.range)
    case .tuple(let elements) where !elements.isEmpty:
      var targets: [AssignmentTarget] = []
      for element in elements {
        targets.append(try assignmentTarget(from: element))
      }
      return AssignmentTarget(.tuple(targets), range: expression.range)
    default:
      throw .invalidAssignmentTarget(what: describe(expression), range: expression.range)
    }
  }

  /// Whether an expression names storage that can be changed in place.
  private func isPlace(_ expression: Expression) -> Bool {
    switch expression.kind {
    case .name: return true
    case .index(let base, _), .field(let base, _): return isPlace(base)
    default: return false
    }
  }

  /// How an expression is named in an error message: "a number", "a call".
  func describe(_ expression: Expression) -> String {
    switch expression.kind {
    case .number: return "a number"
    case .string: return "a string"
    case .boolean(let value): return "'\(value)'"
    case .name(let name): return "'\(name)'"
    case .tensor: return "a tensor literal"
    case .tuple(let elements): return elements.isEmpty ? "an empty tuple" : "a tuple"
    case .record: return "a record literal"
    case .unary(let operation, _): return "the result of '\(operation.rawValue)'"
    case .binary(let operation, _, _): return "the result of '\(operation.rawValue)'"
    case .comparisonChain: return "a comparison"
    case .call: return "a function call"
    case .index: return "an indexing expression"
    case .field: return "a field access"
    case .lambda: return "an anonymous function"
    }
  }
}
