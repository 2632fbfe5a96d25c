extension Parser {
  /// Parses statements up to the end of the input.
  ///
  /// - Throws: `SyntaxError` for the first mistake.
  public mutating func parseProgram() throws(SyntaxError) -> Program {
    var statements: [Statement] = []
    while true {
      skipSeparators()
      if check(.endOfInput) {
        return Program(statements: statements)
      }
      statements.append(try parseStatement())
      try expectStatementEnd(terminators: [])
    }
  }

  /// Parses the statements of a block up to one of `terminators`, which it
  /// leaves for the caller; `opener` is the keyword that began the block.
  mutating func parseBlock(opener: Token, terminators: [Keyword]) throws(SyntaxError)
    -> [Statement]
  {
    try enterNesting()
    defer { leaveNesting() }
    var statements: [Statement] = []
    while true {
      skipSeparators()
      if case .keyword(let keyword) = current.kind, terminators.contains(keyword) {
        return statements
      }
      if check(.endOfInput) {
        throw blockNeverClosed(opener)
      }
      statements.append(try parseStatement())
      try expectStatementEnd(terminators: terminators)
    }
  }

  private func blockNeverClosed(_ opener: Token) -> SyntaxError {
    guard case .keyword(let keyword) = opener.kind else {
      preconditionFailure("a block opener is always a keyword")
    }
    return .unclosedBlock(keyword, range: opener.range)
  }

  /// Checks that a statement ended: a line break, `;`, the end of the input,
  /// or a keyword that ends the enclosing block.
  private mutating func expectStatementEnd(terminators: [Keyword]) throws(SyntaxError) {
    switch current.kind {
    case .newline, .semicolon, .endOfInput:
      return
    case .keyword(let keyword) where terminators.contains(keyword):
      return
    case .keyword(let keyword) where [.end, .elif, .else].contains(keyword):
      throw .misplacedKeyword(keyword, range: current.range)
    default:
      throw unexpected("a new line or ';' after the statement")
    }
  }

  /// Whether the current token ends a statement, as after a bare `return`.
  private var atStatementEnd: Bool {
    switch current.kind {
    case .newline, .semicolon, .endOfInput, .keyword(.end), .keyword(.elif),
      .keyword(.else):
      return true
    default:
      return false
    }
  }

  mutating func parseStatement() throws(SyntaxError) -> Statement {
    let token = current
    switch token.kind {
    case .keyword(.if):
      return try parseIf()
    case .keyword(.while):
      return try parseWhile()
    case .keyword(.for):
      return try parseFor()
    case .keyword(.function):
      return try parseFunction()
    case .keyword(.return):
      return try parseReturn()
    case .keyword(.break), .keyword(.continue):
      return try parseLoopControl()
    case .keyword(let keyword) where [.end, .elif, .else].contains(keyword):
      throw .misplacedKeyword(keyword, range: token.range)
    case .identifier("def"):
      if case .identifier = peekKind(), peekKind(2) == .leftParen {
        throw .foreignSyntax(.def, range: token.range)
      }
      return try parseSimpleStatement()
    default:
      return try parseSimpleStatement()
    }
  }

  /// `return` or `return value`, inside a block function only.
  private mutating func parseReturn() throws(SyntaxError) -> Statement {
    let token = advance()
    guard functionDepth > 0 else { throw .misplacedKeyword(.return, range: token.range) }
    if atStatementEnd {
      return Statement(.returnStatement(nil), range: token.range)
    }
    let value = try parseExpressionList()
    return Statement(.returnStatement(value), range: token.range.joined(with: value.range))
  }

  /// `break` or `continue`, inside a loop only.
  private mutating func parseLoopControl() throws(SyntaxError) -> Statement {
    let token = advance()
    let isBreak = token.kind == .keyword(.break)
    guard loopDepth > 0 else {
      throw .misplacedKeyword(isBreak ? .break : .continue, range: token.range)
    }
    return Statement(isBreak ? .breakStatement : .continueStatement, range: token.range)
  }

  /// After the condition of `if`, `elif`, `while` or the header of `for`, a
  /// line break or `;` must come before the body.
  private mutating func expectHeaderEnd(opener: Token, _ expected: String)
    throws(SyntaxError)
  {
    switch current.kind {
    case .newline, .semicolon:
      return
    case .endOfInput:
      throw blockNeverClosed(opener)
    case .colon:
      throw .foreignSyntax(.colonAfterHeader, range: current.range)
    default:
      throw unexpected(expected)
    }
  }

  /// Stops Python's `else:` and `def f(x):` with a message about Soma's blocks.
  private func rejectColon() throws(SyntaxError) {
    if check(.colon) {
      throw .foreignSyntax(.colonAfterHeader, range: current.range)
    }
  }

  private mutating func parseIf() throws(SyntaxError) -> Statement {
    let opener = advance()
    var branches: [ConditionalBranch] = []
    repeat {
      branches.append(try parseBranch(opener: opener))
    } while match(.keyword(.elif)) != nil
    let elseBody = check(.keyword(.else)) ? try parseElse(opener: opener) : nil
    let end = advance()
    return Statement(
      .ifStatement(branches, elseBody: elseBody), range: opener.range.joined(with: end.range))
  }

  /// The condition and body after `if` or `elif`.
  private mutating func parseBranch(opener: Token) throws(SyntaxError) -> ConditionalBranch {
    let condition = try parseExpression()
    try expectHeaderEnd(opener: opener, "a new line after the condition")
    let body = try parseBlock(opener: opener, terminators: [.elif, .else, .end])
    return ConditionalBranch(condition: condition, body: body)
  }

  /// `else` and its body, up to the `end` of the `if`.
  private mutating func parseElse(opener: Token) throws(SyntaxError) -> [Statement] {
    let elseToken = advance()
    try rejectColon()
    if check(.keyword(.if)), current.range.start.line == elseToken.range.start.line {
      throw .foreignSyntax(.elseIf, range: elseToken.range.joined(with: current.range))
    }
    return try parseBlock(opener: opener, terminators: [.end])
  }

  private mutating func parseWhile() throws(SyntaxError) -> Statement {
    let opener = advance()
    let condition = try parseExpression()
    try expectHeaderEnd(opener: opener, "a new line after the condition")
    let body = try parseLoopBody(opener: opener)
    let end = advance()
    return Statement(
      .whileLoop(condition, body: body), range: opener.range.joined(with: end.range))
  }

  private mutating func parseFor() throws(SyntaxError) -> Statement {
    let opener = advance()
    var variables: [AssignmentTarget] = []
    repeat {
      let name = try expectIdentifier("a loop variable name")
      variables.append(AssignmentTarget(.name(name.name), range: name.range))
    } while match(.comma) != nil
    let target =
      variables.count == 1
      ? variables[0]
      : AssignmentTarget(
        .tuple(variables), range: variables[0].range.joined(with: afterPrevious))
    try expect(.keyword(.in), "'in' after the loop variable")
    let sequence = try parseExpression()
    try expectHeaderEnd(opener: opener, "a new line after the loop header")
    let body = try parseLoopBody(opener: opener)
    let end = advance()
    return Statement(
      .forLoop(target, sequence, body: body), range: opener.range.joined(with: end.range))
  }

  private mutating func parseLoopBody(opener: Token) throws(SyntaxError) -> [Statement] {
    loopDepth += 1
    defer { loopDepth -= 1 }
    return try parseBlock(opener: opener, terminators: [.end])
  }

  /// Parses a block function, `function name(a, b=1) ... end`.
  private mutating func parseFunction() throws(SyntaxError) -> Statement {
    let opener = advance()
    let name = try expectIdentifier("a function name after 'function'")
    let open = try expect(.leftParen, "'(' after the function name")
    var parameters: [Parameter] = []
    while !check(.rightParen) {
      let parameterName = try expectIdentifier("a parameter name")
      var defaultValue: Expression?
      if match(.equal) != nil {
        defaultValue = try parseExpression()
      }
      parameters.append(Parameter(name: parameterName, defaultValue: defaultValue))
      if match(.comma) == nil {
        break
      }
    }
    try expectClosing(.rightParen, opener: open)
    try rejectColon()
    try validate(parameters)
    let savedLoopDepth = loopDepth
    loopDepth = 0
    functionDepth += 1
    defer {
      loopDepth = savedLoopDepth
      functionDepth -= 1
    }
    let body = try parseBlock(opener: opener, terminators: [.end])
    let end = advance()
    let function = FunctionDeclaration(parameters: parameters, body: .block(body))
    return Statement(
      .functionDefinition(name, function), range: opener.range.joined(with: end.range))
  }
}
