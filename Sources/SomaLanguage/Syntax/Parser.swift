/// Builds the syntax tree of a Soma program from its tokens.
///
/// A recursive-descent parser: statements in `Parser+Statements.swift`,
/// assignments and function headers in `Parser+Assignments.swift`, operators in
/// `Parser+Expressions.swift` and literals, brackets, calls and indexing in
/// `Parser+Primary.swift`. Every node gets the source range it was read from.
///
/// The grammar, with `NL` for a line break or `;` and `{ }` for repetition:
///
///     program    = { statement NL }
///     statement  = "if" expr NL block { "elif" expr NL block } [ "else" block ] "end"
///                | "for" name { "," name } "in" expr NL block "end"
///                | "while" expr NL block "end"
///                | "function" name "(" [ parameters ] ")" block "end"
///                | "return" [ exprs ] | "break" | "continue"
///                | name "(" [ parameters ] ")" "=" exprs          one-line function
///                | exprs ( "=" | "+=" | "-=" | "*=" | "/=" ) exprs
///                | exprs
///     parameters = name [ "=" expr ] { "," name [ "=" expr ] }
///     exprs      = expr { "," expr } [ "," ]                      two or more: a tuple
///     expr       = ( name | "(" [ name { "," name } ] ")" ) "->" expr | or
///     or         = and { "or" and }
///     and        = not { "and" not }
///     not        = "not" not | comparison
///     comparison = sum { ( "==" | "!=" | "<" | "<=" | ">" | ">=" ) sum }
///     sum        = product { ( "+" | "-" ) product }
///     product    = unary { ( "*" | "/" | "%" | "@" ) unary }
///     unary      = ( "-" | "+" ) unary | power
///     power      = postfix [ "^" unary ]                          right-associative
///     postfix    = primary { "(" [ arguments ] ")" | "[" subscripts "]" | "." name }
///     arguments  = [ name "=" ] expr { "," [ name "=" ] expr }   keywords last
///     subscripts = subscript { "," subscript }
///     subscript  = expr | [ expr ] ":" [ expr ] [ ":" [ expr ] ]
///     primary    = number | string | "true" | "false" | name | "(" expr ")"
///                | "(" ")" | "(" expr "," [ expr { "," expr } ] ")"       tuples
///                | "[" [ expr { "," expr } ] "]"                          tensors
///                | "{" [ name ":" expr { "," name ":" expr } ] "}"        records
///
/// Comparisons chain: `0 <= x < n` means `0 <= x and x < n`. Brackets allow a
/// trailing comma; line breaks inside brackets and after a binary operator do
/// not end a statement. Where `not` or a sign appears after a tighter operator,
/// as in `a * -b`, it applies to the operand at that tighter level.
///
/// The parser stops at the first mistake and throws it as a `SyntaxError`.
/// The depth of the syntax tree is limited to `maximumNestingDepth`, so that
/// deeply nested input ends in an error instead of overflowing the stack.
public struct Parser {
  /// The deepest nesting of brackets, operators and blocks the parser accepts.
  public static let maximumNestingDepth = 256

  /// The stack, in bytes, that nesting must leave free for the parser's caller.
  static let stackReserve: UInt = 256 * 1024

  /// The source being parsed.
  public let source: Source
  var tokens: [Token]
  var position = 0
  var depth = 0
  var functionDepth = 0
  var loopDepth = 0
  /// The lowest stack address of the thread that created the parser.
  let stackFloor: UInt?

  /// Creates a parser over the tokens of `source`.
  ///
  /// Use the parser on the thread that created it: it measures that thread's
  /// stack to stop deep nesting before the stack runs out.
  ///
  /// - Throws: `SyntaxError` if the text cannot be split into tokens.
  public init(source: Source) throws(SyntaxError) {
    self.source = source
    stackFloor = StackSpace.currentThreadFloor()
    tokens = try Lexer.tokenize(source)
  }

  /// Parses a whole program, script, notebook cell or REPL entry.
  ///
  /// - Throws: `SyntaxError` for the first mistake in the text.
  public static func parse(_ source: Source) throws(SyntaxError) -> Program {
    var parser = try Parser(source: source)
    return try parser.parseProgram()
  }

  /// Parses a whole program given as text; `name` is the place errors name.
  ///
  /// ```swift
  /// let program = try Parser.parse("y = -2^2", name: "<repl>")
  /// print(program)  // (= y (- (^ 2 2)))
  /// ```
  ///
  /// - Throws: `SyntaxError` for the first mistake in the text.
  public static func parse(_ text: String, name: String = "<input>") throws(SyntaxError)
    -> Program
  {
    try parse(Source(text, name: name))
  }

  /// Parses text that must hold exactly one expression, such as `:time expr`.
  ///
  /// - Throws: `SyntaxError` for a mistake, or for anything after the expression.
  public static func parseExpression(_ text: String, name: String = "<input>")
    throws(SyntaxError) -> Expression
  {
    var parser = try Parser(source: Source(text, name: name))
    parser.skipSeparators()
    let expression = try parser.parseExpression()
    parser.skipSeparators()
    guard parser.check(.endOfInput) else {
      throw parser.unexpected("the end of the expression")
    }
    return expression
  }

  /// Whether `text` stops in the middle of something, so that the REPL should
  /// read another line before running it.
  ///
  /// That is the case while a block (`if`, `for`, `while`, `function`) waits
  /// for its `end`, while a bracket is open, and when the last line ends with a
  /// binary operator, `=` or `->`. Text with any other mistake is complete:
  /// running it reports the mistake at once.
  public static func isIncomplete(_ text: String) -> Bool {
    do {
      _ = try parse(text)
      return false
    } catch {
      return error.needsMoreInput
    }
  }

  // MARK: - Moving through the tokens

  var current: Token { tokens[position] }

  /// The kind of the token `distance` places ahead, or `.endOfInput` past the end.
  func peekKind(_ distance: Int = 1) -> Token.Kind {
    tokens[min(position + distance, tokens.count - 1)].kind
  }

  /// An empty range just after the last token consumed, to close a span.
  var afterPrevious: SourceRange {
    SourceRange(at: tokens[max(position - 1, 0)].range.end)
  }

  /// Consumes the current token; the final `.endOfInput` is never passed.
  @discardableResult
  mutating func advance() -> Token {
    let token = tokens[position]
    if position < tokens.count - 1 {
      position += 1
    }
    return token
  }

  func check(_ kind: Token.Kind) -> Bool {
    current.kind == kind
  }

  /// Consumes the current token if it is of `kind`.
  mutating func match(_ kind: Token.Kind) -> Token? {
    check(kind) ? advance() : nil
  }

  /// Consumes a token of `kind`, or throws; `expected` describes it for the message.
  @discardableResult
  mutating func expect(_ kind: Token.Kind, _ expected: String) throws(SyntaxError) -> Token {
    guard let token = match(kind) else { throw unexpected(expected) }
    return token
  }

  /// Consumes the bracket that closes `opener`, or throws an error that points
  /// at both the problem and the opening bracket.
  @discardableResult
  mutating func expectClosing(_ kind: Token.Kind, opener: Token) throws(SyntaxError) -> Token {
    guard let token = match(kind) else { throw unclosed(opener) }
    return token
  }

  /// The error for a bracket `opener` that is not closed where expected.
  func unclosed(_ opener: Token) -> SyntaxError {
    .unclosedBracket(
      opening: opener.kind, openedAt: opener.range, found: current.kind,
      range: check(.endOfInput) ? opener.range : current.range)
  }

  /// The error for finding the current token where `expected` should be.
  func unexpected(_ expected: String) -> SyntaxError {
    if check(.endOfInput) {
      return .unexpectedEndOfInput(expected: expected, range: current.range)
    }
    return .unexpectedToken(found: current.kind, expected: expected, range: current.range)
  }

  /// Consumes a name, or throws with `expected` describing it.
  mutating func expectIdentifier(_ expected: String) throws(SyntaxError) -> Identifier {
    guard case .identifier(let name) = current.kind else { throw unexpected(expected) }
    return Identifier(name, range: advance().range)
  }

  /// Skips line breaks and semicolons between statements.
  mutating func skipSeparators() {
    while check(.newline) || check(.semicolon) {
      advance()
    }
  }

  // MARK: - Nesting

  /// Goes one level deeper into the syntax tree; pair with `leaveNesting()`.
  ///
  /// - Throws: `SyntaxError.nestedTooDeeply` past `maximumNestingDepth`, or
  ///   earlier when the thread's stack is close to running out.
  mutating func enterNesting() throws(SyntaxError) {
    depth += 1
    let stackLeft = stackFloor.map { StackSpace.currentAddress() &- $0 } ?? UInt.max
    guard depth <= Parser.maximumNestingDepth, stackLeft > Parser.stackReserve else {
      throw .nestedTooDeeply(limit: Parser.maximumNestingDepth, range: current.range)
    }
  }

  mutating func leaveNesting(_ levels: Int = 1) {
    depth -= levels
  }
}
