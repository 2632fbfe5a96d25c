extension Parser {
  /// A primary expression followed by any calls `f(x)`, indexing `A[i]` and
  /// field accesses `r.lr`.
  mutating func parsePostfix() throws(SyntaxError) -> Expression {
    var expression = try parsePrimary()
    var links = 0
    defer { leaveNesting(links) }
    while true {
      switch current.kind {
      case .leftParen:
        expression = try parseCall(expression)
      case .leftBracket:
        expression = try parseIndex(expression)
      case .dot:
        expression = try parseField(of: expression)
      default:
        return expression
      }
      try enterNesting()
      links += 1
    }
  }

  private mutating func parseField(of base: Expression) throws(SyntaxError) -> Expression {
    advance()
    let field = try expectIdentifier("a field name after '.'")
    return Expression(.field(base, field), range: base.range.joined(with: field.range))
  }

  private mutating func parsePrimary() throws(SyntaxError) -> Expression {
    switch current.kind {
    case .leftParen: return try parseParenthesized()
    case .leftBracket: return try parseTensorLiteral()
    case .leftBrace: return try parseRecord()
    default: return try parseAtom()
    }
  }

  /// A literal or a name.
  private mutating func parseAtom() throws(SyntaxError) -> Expression {
    let token = current
    switch token.kind {
    case .number(let value):
      advance()
      return Expression(.number(value), range: token.range)
    case .string(let text):
      advance()
      return Expression(.string(text), range: token.range)
    case .keyword(.true), .keyword(.false):
      advance()
      return Expression(.boolean(token.kind == .keyword(.true)), range: token.range)
    case .identifier(let name):
      advance()
      return Expression(.name(name), range: token.range)
    default:
      throw unexpected("an expression")
    }
  }

  /// `[a, b, c]`, whose elements may themselves be tensor literals.
  private mutating func parseTensorLiteral() throws(SyntaxError) -> Expression {
    let open = advance()
    let elements = try parseExpressions(closing: .rightBracket, opener: open)
    return Expression(.tensor(elements), range: open.range.joined(with: afterPrevious))
  }

  /// Comma-separated expressions up to the bracket that closes `opener`, with
  /// an optional trailing comma.
  private mutating func parseExpressions(closing: Token.Kind, opener: Token)
    throws(SyntaxError) -> [Expression]
  {
    var elements: [Expression] = []
    while !check(closing) {
      elements.append(try parseExpression())
      if match(.comma) == nil {
        break
      }
    }
    try expectClosing(closing, opener: opener)
    return elements
  }

  /// `(expr)` groups; `()`, `(a,)` and `(a, b)` are tuples.
  private mutating func parseParenthesized() throws(SyntaxError) -> Expression {
    let open = advance()
    if check(.rightParen) {
      return Expression(.tuple([]), range: open.range.joined(with: advance().range))
    }
    let first = try parseExpression()
    if check(.rightParen) {
      return Expression(first.kind, range: open.range.joined(with: advance().range))
    }
    return try parseTuple(open: open, first: first)
  }

  /// The rest of a tuple after `(first`: a comma, more elements and `)`.
  private mutating func parseTuple(open: Token, first: Expression) throws(SyntaxError)
    -> Expression
  {
    guard match(.comma) != nil else { throw unclosed(open) }
    let rest = try parseExpressions(closing: .rightParen, opener: open)
    return Expression(.tuple([first] + rest), range: open.range.joined(with: afterPrevious))
  }

  /// Parses a record literal, `{name: value, ...}`; field names must differ.
  private mutating func parseRecord() throws(SyntaxError) -> Expression {
    let open = advance()
    var fields: [RecordField] = []
    var seen: [String: SourceRange] = [:]
    while !check(.rightBrace) {
      let field = try parseRecordField()
      if let previous = seen[field.name.name] {
        throw .duplicateName(
          field.name.name, kind: .recordField, range: field.name.range, previous: previous)
      }
      seen[field.name.name] = field.name.range
      fields.append(field)
      if match(.comma) == nil {
        break
      }
    }
    try expectClosing(.rightBrace, opener: open)
    return Expression(.record(fields), range: open.range.joined(with: afterPrevious))
  }

  private mutating func parseRecordField() throws(SyntaxError) -> RecordField {
    let name = try expectIdentifier("a field name")
    try expect(.colon, "':' after the field name")
    return RecordField(name: name, value: try parseExpression())
  }

  /// `callee(a, b, key=value)`; keyword arguments come after positional ones
  /// and each keyword is given once.
  private mutating func parseCall(_ callee: Expression) throws(SyntaxError) -> Expression {
    let open = advance()
    var arguments: [Argument] = []
    var seenLabels: [String: SourceRange] = [:]
    while !check(.rightParen) {
      let argument = try parseArgument()
      if let label = argument.label {
        if let previous = seenLabels[label.name] {
          throw .duplicateName(
            label.name, kind: .keywordArgument, range: label.range, previous: previous)
        }
        seenLabels[label.name] = label.range
      } else if !seenLabels.isEmpty {
        throw .positionalAfterKeywordArgument(range: argument.value.range)
      }
      arguments.append(argument)
      if match(.comma) == nil {
        break
      }
    }
    try expectClosing(.rightParen, opener: open)
    return Expression(
      .call(callee, arguments), range: callee.range.joined(with: afterPrevious))
  }

  /// `value` or `name=value`.
  private mutating func parseArgument() throws(SyntaxError) -> Argument {
    guard case .identifier(let name) = current.kind, peekKind() == .equal else {
      return Argument(value: try parseExpression())
    }
    let label = Identifier(name, range: advance().range)
    advance()
    return Argument(label: label, value: try parseExpression())
  }

  /// `base[i, j]` with slices `a:b:c` whose parts may be left out.
  private mutating func parseIndex(_ base: Expression) throws(SyntaxError) -> Expression {
    let open = advance()
    if check(.rightBracket) {
      throw unexpected("an index")
    }
    var subscripts: [Subscript] = []
    while !check(.rightBracket) {
      subscripts.append(try parseSubscript())
      if match(.comma) == nil {
        break
      }
    }
    try expectClosing(.rightBracket, opener: open)
    return Expression(
      .index(base, subscripts), range: base.range.joined(with: afterPrevious))
  }

  private mutating func parseSubscript() throws(SyntaxError) -> Subscript {
    if check(.colon) {
      return try parseSlice(start: nil, from: current.range)
    }
    let position = try parseExpression()
    if check(.colon) {
      return try parseSlice(start: position, from: position.range)
    }
    return Subscript(.index(position), range: position.range)
  }

  /// The rest of a slice from its first `:`, given the start bound if written.
  private mutating func parseSlice(start: Expression?, from range: SourceRange)
    throws(SyntaxError) -> Subscript
  {
    advance()
    let stop = try parseSliceBound()
    var step: Expression?
    if match(.colon) != nil {
      step = try parseSliceBound()
    }
    let slice = Subscript.Kind.slice(start: start, stop: stop, step: step)
    return Subscript(slice, range: range.joined(with: afterPrevious))
  }

  /// A slice bound, or nil where it is left out.
  private mutating func parseSliceBound() throws(SyntaxError) -> Expression? {
    switch current.kind {
    case .colon, .comma, .rightBracket: return nil
    default: return try parseExpression()
    }
  }
}
