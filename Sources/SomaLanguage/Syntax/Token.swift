/// One word or symbol of a Soma program, with the span it was read from.
public struct Token: Hashable, Sendable {
  /// What the token is, with the value of a literal or the spelling of a name.
  public var kind: Kind
  /// Where the token stands in the source.
  public var range: SourceRange

  /// Creates a token of `kind` covering `range`.
  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  /// The kinds of token the lexer produces.
  public enum Kind: Hashable, Sendable {
    /// A number literal such as `3`, `0.5` or `1e-3`, with its value.
    case number(Double)
    /// A string literal, with its escapes already resolved.
    case string(String)
    /// A name such as `x` or `learning_rate`.
    case identifier(String)
    /// A reserved word such as `if` or `end`.
    case keyword(Keyword)
    case plus
    case minus
    case star
    case slash
    case percent
    case at
    case caret
    case equalEqual
    case notEqual
    case less
    case lessEqual
    case greater
    case greaterEqual
    case equal
    case plusEqual
    case minusEqual
    case starEqual
    case slashEqual
    case arrow
    case comma
    case colon
    case semicolon
    case dot
    case leftParen
    case rightParen
    case leftBracket
    case rightBracket
    case leftBrace
    case rightBrace
    /// The end of a line that ends a statement.
    case newline
    /// The end of the source text.
    case endOfInput
  }
}

/// The reserved words of Soma; none of them can be used as a name.
public enum Keyword: String, CaseIterable, Hashable, Sendable {
  case and
  case or
  case not
  case `true`
  case `false`
  case `if`
  case `elif`
  case `else`
  case end
  case `for`
  case `in`
  case `while`
  case `break`
  case `continue`
  case function
  case `return`
}

extension Token.Kind: CustomStringConvertible {
  /// How a token is named in an error message: `'+'`, `'end'`, `end of line`.
  public var description: String {
    switch self {
    case .number(let value): return "number \(formatNumber(value))"
    case .string: return "a string"
    case .identifier(let name): return "name '\(name)'"
    case .keyword(let keyword): return "'\(keyword.rawValue)'"
    case .newline: return "end of line"
    case .endOfInput: return "end of input"
    default: return "'\(spelling)'"
    }
  }

  /// The source spelling of a symbol or keyword, empty for the other kinds.
  public var spelling: String {
    switch self {
    case .number, .string, .identifier, .newline, .endOfInput: return ""
    case .keyword(let keyword): return keyword.rawValue
    case .plus: return "+"
    case .minus: return "-"
    case .star: return "*"
    case .slash: return "/"
    case .percent: return "%"
    case .at: return "@"
    case .caret: return "^"
    case .equalEqual: return "=="
    case .notEqual: return "!="
    case .less: return "<"
    case .lessEqual: return "<="
    case .greater: return ">"
    case .greaterEqual: return ">="
    case .equal: return "="
    case .plusEqual: return "+="
    case .minusEqual: return "-="
    case .starEqual: return "*="
    case .slashEqual: return "/="
    case .arrow: return "->"
    case .comma: return ","
    case .colon: return ":"
    case .semicolon: return ";"
    case .dot: return "."
    case .leftParen: return "("
    case .rightParen: return ")"
    case .leftBracket: return "["
    case .rightBracket: return "]"
    case .leftBrace: return "{"
    case .rightBrace: return "}"
    }
  }
}

/// A number as Soma shows it in messages and syntax dumps: integers without a
/// fraction (`3`), other values in Swift's shortest round-trip form (`0.001`).
func formatNumber(_ value: Double) -> String {
  if value == value.rounded(), abs(value) < 1e15 {
    return String(Int64(value))
  }
  return String(value)
}
