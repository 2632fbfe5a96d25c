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
        advance()
        let field = try expectIdentifier("a field name after '.'")
        expression = Expression(
          .field(expression, field), range: expression.range.joined(with: field.range))
      default:
        return expression
      }
      try enterNesting()
      links += 1
    }
  }

  private mutating func parsePrimary() throws(SyntaxError) -> Expression {
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
    case .leftParen:
      return try parseParenthesized()
    case .leftBracket:
      let open = advance()
      let elements = try parseExpressions(closing: .rightBracket, opener: open)
      return Expression(.tensor(elements), range: open.range.joined(with: afterPrevious))
    case .leftBrace:
      return try parseRecord()
    default:
      throw unexpected("an expression")
    }
  }

  /// Comma-separated elements up to the bracket that closes `opener`; a
  /// trailing comma is allowed.
  private mutating func parseList<Element>(
    closing: Token.Kind, opener: Token,
    element: (inout Parser) throws(SyntaxError) -> Element
  ) throws(SyntaxError) -> [Element] {
    var elements: [Element] = []
    while !check(closing) {
      elements.append(try element(&self))
      if match(.comma) == nil {
        break
      }
    }
    try expectClosing(closing, opener: opener)
    return elements
  }

  /// Comma-separated expressions up to the bracket that closes `opener`.
  private mutating func parseExpressions(closing: Token.Kind, opener: Token)
    throws(SyntaxError) -> [Expression]
  {
    try parseList(closing: closing, opener: opener) {
      (parser: inout Parser) throws(SyntaxError) in try parser.parseExpression()
    }
  }

  /// `(expr)` groups; `()`, `(a,)` and `(a, b)` are tuples.
  private mutating func parseParenthesized() throws(SyntaxError) -> Expression {
    let open = advance()
    if let close = match(.rightParen) {
      return Expression(.tuple([]), range: open.range.joined(with: close.range))
    }
    let first = try parseExpression()
    if let close = match(.rightParen) {
      return Expression(first.kind, range: open.range.joined(with: close.range))
    }
    guard match(.comma) != nil else { throw unclosed(open) }
    let rest = try parseExpressions(closing: .rightParen, opener: open)
    return Expression(.tuple([first] + rest), range: open.range.joined(with: afterPrevious))
  }

  /// Parses a record literal, `{name: value, ...}`.
  private mutating func parseRecord() throws(SyntaxError) -> Expression {
    let open = advance()
    let fields = try parseList(closing: .rightBrace, opener: open) {
      (parser: inout Parser) throws(SyntaxError) -> RecordField in
      let name = try parser.expectIdentifier("a field name")
      try parser.expect(.colon, "':' after the field name")
      return RecordField(name: name, value: try parser.parseExpression())
    }
    var seen: [String: SourceRange] = [:]
    for field in fields {
      if let previous = seen[field.name.name] {
        throw .duplicateName(
          field.name.name, kind: .recordField, range: field.name.range, previous: previous)
      }
      seen[field.name.name] = field.name.range
    }
    return Expression(.record(fields), range: open.range.joined(with: afterPrevious))
  }

  /// `callee(a, b, key=value)`; keyword arguments come after positional ones.
  private mutating func parseCall(_ callee: Expression) throws(SyntaxError) -> Expression {
    let open = advance()
    var seenLabels: [String: SourceRange] = [:]
    let arguments = try parseList(closing: .rightParen, opener: open) {
      (parser: inout Parser) throws(SyntaxError) -> Argument in
      if case .identifier(let name) = parser.current.kind, parser.peekKind() == .equal {
        let label = Identifier(name, range: parser.advance().range)
        parser.advance()
        if let previous = seenLabels[name] {
          throw .duplicateName(
            name, kind: .keywordArgument, range: label.range, previous: previous)
        }
        seenLabels[name] = label.range
        return Argument(label: label, value: try parser.parseExpression())
      }
      let value = try parser.parseExpression()
      guard seenLabels.isEmpty else {
        throw .positionalAfterKeywordArgument(range: value.range)
      }
      return Argument(value: value)
    }
    return Expression(
      .call(callee, arguments), range: callee.range.joined(with: afterPrevious))
  }

  /// `base[i, j]` with slices `a:b:c` whose parts may be left out.
  private mutating func parseIndex(_ base: Expression) throws(SyntaxError) -> Expression {
    let open = advance()
    if check(.rightBracket) {
      throw unexpected("an index")
    }
    let subscripts = try parseList(closing: .rightBracket, opener: open) {
      (parser: inout Parser) throws(SyntaxError) in try parser.parseSubscript()
    }
    return Expression(
      .index(base, subscripts), range: base.range.joined(with: afterPrevious))
  }

  private mutating func parseSubscript() throws(SyntaxError) -> Subscript {
    let start = current.range
    var first: Expression?
    if !check(.colon) {
      let position = try parseExpression()
      guard check(.colon) else {
        return Subscript(.index(position), range: position.range)
      }
      first = position
    }
    advance()
    let stop = try parseSliceBound()
    var step: Expression?
    if match(.colon) != nil {
      step = try parseSliceBound()
    }
    let range = start.joined(with: afterPrevious)
    return Subscript(.slice(start: first, stop: stop, step: step), range: range)
  }

  /// A slice bound, or nil where it is left out.
  private mutating func parseSliceBound() throws(SyntaxError) -> Expression? {
    switch current.kind {
    case .colon, .comma, .rightBracket: return nil
    default: return try parseExpression()
    }
  }
}
