/// A mistake in the text of a Soma program, found before anything runs.
///
/// Each case carries the range to point at and the typed details of the
/// mistake; `SyntaxError+Messages.swift` turns them into words, and
/// `diagnostic` into a `Diagnostic` for the one renderer.
public indirect enum SyntaxError: Error, Hashable, Sendable {
  /// A character that no token starts with, such as `$` or `'`.
  case unexpectedCharacter(Character, range: SourceRange)
  /// A string whose closing quote is missing on its line.
  case unterminatedString(range: SourceRange)
  /// A backslash escape other than `\n`, `\t`, `\"` and `\\`.
  case invalidEscape(String, range: SourceRange)
  /// A number that is malformed (`1e`, `12abc`) or too large for a double.
  case invalidNumber(String, problem: NumberProblem, range: SourceRange)
  /// A token where the grammar needs something else; `expected` describes it.
  case unexpectedToken(found: Token.Kind, expected: String, range: SourceRange)
  /// The input ended where the grammar needs more; the REPL asks for another line.
  case unexpectedEndOfInput(expected: String, range: SourceRange)
  /// A bracket whose closing partner is missing; `found` is what came instead.
  ///
  /// When the input ended (`found` is `.endOfInput`) the range is the opening
  /// bracket itself; otherwise it is the token found, and `openedAt` the bracket.
  case unclosedBracket(
    opening: Token.Kind, openedAt: SourceRange, found: Token.Kind, range: SourceRange)
  /// A block (`if`, `for`, `while`, `function`) that the input ends inside;
  /// the range is the keyword that opened it.
  case unclosedBlock(Keyword, range: SourceRange)
  /// An assignment to something that cannot hold a value, such as `1 = x`.
  case invalidAssignmentTarget(what: String, range: SourceRange)
  /// A compound assignment such as `a, b += 1` to several targets at once.
  case compoundAssignmentToSeveralTargets(operator: String, range: SourceRange)
  /// A function parameter that is not a plain name, such as `f(x + 1) = 2`.
  case invalidParameter(what: String, range: SourceRange)
  /// A parameter without a default value after one with a default value.
  case missingDefaultValue(parameter: String, range: SourceRange)
  /// A positional argument after a keyword argument, as in `f(a=1, 2)`.
  case positionalAfterKeywordArgument(range: SourceRange)
  /// A name given twice where names must differ: parameters, fields, keywords.
  case duplicateName(String, kind: NameKind, range: SourceRange, previous: SourceRange)
  /// `return` outside a function, `break` or `continue` outside a loop, or
  /// `end`, `elif`, `else` without a block to belong to.
  case misplacedKeyword(Keyword, range: SourceRange)
  /// Brackets, operators or blocks nested deeper than the parser's limit, or
  /// deeper than the stack of the parsing thread allows.
  case nestedTooDeeply(limit: Int, range: SourceRange)
  /// A habit from Python that Soma writes differently, such as `**` for `^`.
  case foreignSyntax(ForeignSyntax, range: SourceRange)

  /// What is wrong with an invalid number.
  public enum NumberProblem: Hashable, Sendable {
    /// The spelling is not a number, such as `1e` or `3x`.
    case malformed
    /// The value does not fit in a double, such as `1e999`.
    case tooLarge
  }

  /// Python spellings that students often carry over.
  public enum ForeignSyntax: Hashable, Sendable {
    /// `if x:`, a colon after a block header.
    case colonAfterHeader
    /// `else if` where Soma has `elif`.
    case elseIf
    /// `a ** b` where Soma has `a ^ b`.
    case doubleStar
    /// `def f(x)` where Soma has `function f(x)`.
    case def
  }

  /// Where a name must be unique.
  public enum NameKind: String, Hashable, Sendable {
    case parameter
    case keywordArgument = "keyword argument"
    case recordField = "field"
  }

  /// The span the error points at.
  public var range: SourceRange {
    switch self {
    case .unexpectedCharacter(_, let range), .unterminatedString(let range),
      .invalidEscape(_, let range), .invalidNumber(_, _, let range),
      .unexpectedToken(_, _, let range), .unexpectedEndOfInput(_, let range),
      .unclosedBracket(_, _, _, let range), .unclosedBlock(_, let range),
      .invalidAssignmentTarget(_, let range),
      .compoundAssignmentToSeveralTargets(_, let range), .invalidParameter(_, let range),
      .missingDefaultValue(_, let range), .positionalAfterKeywordArgument(let range),
      .duplicateName(_, _, let range, _), .misplacedKeyword(_, let range),
      .nestedTooDeeply(_, let range), .foreignSyntax(_, let range):
      return range
    }
  }

  /// Whether the text stopped short of complete, so the REPL should read more.
  ///
  /// That is when a block or bracket is still open, or the last line ended
  /// with an operator.
  public var needsMoreInput: Bool {
    switch self {
    case .unexpectedEndOfInput, .unclosedBlock:
      return true
    case .unclosedBracket(_, _, let found, _):
      return found == .endOfInput
    default:
      return false
    }
  }
}
