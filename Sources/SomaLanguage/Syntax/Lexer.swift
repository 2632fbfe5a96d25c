/// Turns Soma source text into tokens.
///
/// Line breaks are tokens because they end statements, except in three places
/// where a statement obviously goes on: inside `()`, `[]` or `{}`, and after a
/// token that needs something to its right (a binary operator, `=`, `+=` and
/// the like, `->`, `.` or `not`). A trailing `,` outside brackets does not
/// continue the line: `t = 1,` is a one-element tuple. Comments run from `#`
/// to the end of the line. Several line breaks in a row become one token.
public struct Lexer {
  /// The source being read.
  public let source: Source
  private let scalars: [Unicode.Scalar]
  private var index = 0
  private var location = SourceLocation.start
  private var tokens: [Token] = []
  private var openBrackets = 0

  /// Creates a lexer over `source`.
  public init(source: Source) {
    self.source = source
    scalars = Array(source.text.unicodeScalars)
  }

  /// All tokens of the source, ending with one `.endOfInput` token.
  ///
  /// - Throws: `SyntaxError` for a character Soma does not use, a string
  ///   without its closing quote or with an unknown escape, or a malformed number.
  public static func tokenize(_ source: Source) throws(SyntaxError) -> [Token] {
    var lexer = Lexer(source: source)
    return try lexer.tokenize()
  }

  /// All tokens of the source, ending with one `.endOfInput` token.
  ///
  /// - Throws: `SyntaxError` for the first text that is not a valid token.
  public mutating func tokenize() throws(SyntaxError) -> [Token] {
    while let scalar = peek() {
      let start = location
      switch scalar {
      case " ", "\t", "\r":
        advance()
      case "#":
        while let next = peek(), next != "\n" {
          advance()
        }
      case "\n":
        advance()
        addNewline(at: start)
      case "0"..."9":
        try lexNumber()
      case "\"":
        try lexString()
      default:
        if Lexer.isIdentifierStart(scalar) {
          lexIdentifier()
        } else {
          try lexSymbol()
        }
      }
    }
    // The end of input is placed just after the last token, so that "the input
    // ended" points at the end of the code rather than at a trailing blank line.
    let lastCode = tokens.last { $0.kind != .newline }
    tokens.append(Token(.endOfInput, range: SourceRange(at: lastCode?.range.end ?? location)))
    return tokens
  }

  // MARK: - Reading characters

  func peek(_ distance: Int = 0) -> Unicode.Scalar? {
    index + distance < scalars.count ? scalars[index + distance] : nil
  }

  /// Steps over one scalar, keeping line, column and UTF-8 offset up to date.
  ///
  /// A scalar that extends the previous character (a combining accent, a
  /// variation selector) does not move the column, so columns count characters.
  mutating func advance() {
    let scalar = scalars[index]
    index += 1
    location.offset += UTF8.width(scalar)
    if scalar == "\n" {
      location.line += 1
      location.column = 1
    } else if scalar.isASCII || !scalar.properties.isGraphemeExtend {
      location.column += 1
    }
  }

  var currentLocation: SourceLocation { location }

  mutating func add(_ kind: Token.Kind, from start: SourceLocation) {
    tokens.append(Token(kind, range: SourceRange(start: start, end: location)))
    switch kind {
    case .leftParen, .leftBracket, .leftBrace:
      openBrackets += 1
    case .rightParen, .rightBracket, .rightBrace:
      openBrackets = max(0, openBrackets - 1)
    default:
      break
    }
  }

  /// Adds a line break unless the statement clearly goes on.
  private mutating func addNewline(at start: SourceLocation) {
    guard openBrackets == 0, let last = tokens.last?.kind else { return }
    if last == .newline || last == .semicolon || Lexer.continuesLine(last) {
      return
    }
    tokens.append(Token(.newline, range: SourceRange(start: start, end: location)))
  }

  /// Whether a token at the end of a line asks for more on the next line.
  static func continuesLine(_ kind: Token.Kind) -> Bool {
    switch kind {
    case .plus, .minus, .star, .slash, .percent, .at, .caret, .equalEqual, .notEqual,
      .less, .lessEqual, .greater, .greaterEqual, .equal, .plusEqual, .minusEqual,
      .starEqual, .slashEqual, .arrow, .dot, .keyword(.and), .keyword(.or),
      .keyword(.not):
      return true
    default:
      return false
    }
  }

  // MARK: - Names and symbols

  /// Names start with a letter of any script or `_`, so `α` and `η` work.
  static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      return scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
    return scalar.properties.isAlphabetic
  }

  /// After the first letter, names may also hold digits and combining marks.
  static func isIdentifierContinuation(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      return isIdentifierStart(scalar) || ("0"..."9").contains(scalar)
    }
    return scalar.properties.isAlphabetic || scalar.properties.isGraphemeExtend
  }

  private mutating func lexIdentifier() {
    let start = location
    var name = ""
    while let scalar = peek(), Lexer.isIdentifierContinuation(scalar) {
      name.unicodeScalars.append(scalar)
      advance()
    }
    if let keyword = Keyword(rawValue: name) {
      add(.keyword(keyword), from: start)
    } else {
      add(.identifier(name), from: start)
    }
  }

  private mutating func lexSymbol() throws(SyntaxError) {
    let start = location
    let first = scalars[index]
    if let second = peek(1), let kind = Lexer.twoCharacterSymbol(first, second) {
      advance()
      advance()
      add(kind, from: start)
      return
    }
    guard let kind = Lexer.oneCharacterSymbol(first) else {
      let character = Character(first)
      advance()
      throw .unexpectedCharacter(character, range: SourceRange(start: start, end: location))
    }
    advance()
    add(kind, from: start)
  }

  private static func twoCharacterSymbol(_ first: Unicode.Scalar, _ second: Unicode.Scalar)
    -> Token.Kind?
  {
    switch (first, second) {
    case ("=", "="): return .equalEqual
    case ("!", "="): return .notEqual
    case ("<", "="): return .lessEqual
    case (">", "="): return .greaterEqual
    case ("+", "="): return .plusEqual
    case ("-", "="): return .minusEqual
    case ("*", "="): return .starEqual
    case ("/", "="): return .slashEqual
    case ("-", ">"): return .arrow
    default: return nil
    }
  }

  private static func oneCharacterSymbol(_ scalar: Unicode.Scalar) -> Token.Kind? {
    switch scalar {
    case "+": return .plus
    case "-": return .minus
    case "*": return .star
    case "/": return .slash
    case "%": return .percent
    case "@": return .at
    case "^": return .caret
    case "<": return .less
    case ">": return .greater
    case "=": return .equal
    case ",": return .comma
    case ":": return .colon
    case ";": return .semicolon
    case ".": return .dot
    case "(": return .leftParen
    case ")": return .rightParen
    case "[": return .leftBracket
    case "]": return .rightBracket
    case "{": return .leftBrace
    case "}": return .rightBrace
    default: return nil
    }
  }
}

extension UTF8 {
  /// The number of UTF-8 code units that encode `scalar`.
  static func width(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.value {
    case ..<0x80: return 1
    case ..<0x800: return 2
    case ..<0x1_0000: return 3
    default: return 4
    }
  }
}
