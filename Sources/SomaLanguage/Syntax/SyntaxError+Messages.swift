extension SyntaxError: CustomStringConvertible {
  /// The message for a student: lowercase start, no final period.
  public var message: String {
    switch self {
    case .unexpectedCharacter(let character, _):
      return "unexpected character '\(visible(character))'"
    case .unterminatedString:
      return "unterminated string: the closing '\"' is missing on this line"
    case .invalidEscape(let sequence, _):
      return "unknown escape sequence '\(sequence)' in string"
    case .invalidNumber(let spelling, .malformed, _):
      return "invalid number '\(spelling)'"
    case .invalidNumber(let spelling, .tooLarge, _):
      return "number '\(spelling)' is too large"
    case .unexpectedToken(let found, let expected, _):
      return "expected \(expected), found \(found)"
    case .unexpectedEndOfInput(let expected, _):
      return "expected \(expected), but the input ended"
    case .unclosedBracket(let opening, _, .endOfInput, _):
      return "'\(opening.spelling)' is never closed"
    case .unclosedBracket(let opening, _, let found, _):
      return "expected '\(closing(of: opening))' to close '\(opening.spelling)', found \(found)"
    case .unclosedBlock(let keyword, _):
      return "'\(keyword.rawValue)' is never closed with 'end'"
    case .invalidAssignmentTarget(let what, _):
      return "cannot assign to \(what)"
    case .compoundAssignmentToSeveralTargets(let operation, _):
      return "cannot use '\(operation)' with several targets at once"
    case .invalidParameter(let what, _):
      return "a function parameter must be a name, not \(what)"
    case .missingDefaultValue(let parameter, _):
      return "parameter '\(parameter)' needs a default value, "
        + "because a parameter before it has one"
    case .positionalAfterKeywordArgument:
      return "a positional argument cannot follow a keyword argument"
    case .duplicateName(let name, let kind, _, _):
      return "duplicate \(kind.rawValue) '\(name)'"
    case .misplacedKeyword(let keyword, _):
      return misplacedMessage(keyword)
    case .nestedTooDeeply:
      return "expression nested too deeply"
    case .foreignSyntax(.colonAfterHeader, _):
      return "blocks in Soma do not start with ':'"
    case .foreignSyntax(.elseIf, _):
      return "write 'elif' instead of 'else if'"
    case .foreignSyntax(.doubleStar, _):
      return "powers are written with '^' in Soma, not '**'"
    case .foreignSyntax(.def, _):
      return "functions are defined with 'function' in Soma, not 'def'"
    }
  }

  /// A hint or a pointer to a related place, when one helps.
  public var note: Diagnostic.Note? {
    switch self {
    case .unexpectedCharacter("'", _):
      return Diagnostic.Note("strings are written in double quotes, like \"text\"")
    case .unexpectedCharacter("!", _):
      return Diagnostic.Note("write 'not x' for negation and 'a != b' for inequality")
    case .unexpectedCharacter("&", _):
      return Diagnostic.Note("write 'and' to require both conditions")
    case .unexpectedCharacter("|", _):
      return Diagnostic.Note("write 'or' to require either condition")
    case .foreignSyntax(.colonAfterHeader, _):
      return Diagnostic.Note("put the body on the next line and close the block with 'end'")
    case .foreignSyntax(.def, _):
      return Diagnostic.Note(
        "write 'function name(x) ... end', or 'name(x) = expression' on one line")
    case .invalidEscape:
      return Diagnostic.Note("the escapes are \\n, \\t, \\\" and \\\\")
    case .unclosedBracket(_, _, .endOfInput, _):
      return nil
    case .unclosedBracket(let opening, let openedAt, _, _):
      return Diagnostic.Note("'\(opening.spelling)' opened here", range: openedAt)
    case .unclosedBlock:
      return Diagnostic.Note("add 'end' after the last statement of the block")
    case .nestedTooDeeply(let limit, _):
      return Diagnostic.Note(
        "at most \(limit) levels of brackets, operators and blocks fit; "
          + "give parts of the expression their own names")
    case .duplicateName(_, _, _, let previous):
      return Diagnostic.Note("first given here", range: previous)
    default:
      return nil
    }
  }

  /// The error as a diagnostic for `Diagnostic.rendered(in:colored:)`.
  public var diagnostic: Diagnostic {
    Diagnostic(.error, message: message, range: range, note: note)
  }

  /// `line:column: message`, for logs and test failures.
  public var description: String {
    "\(range.start): \(message)"
  }

  /// A character as it can be shown between quotes: invisible ones as `\u{...}`.
  private func visible(_ character: Character) -> String {
    let invisible = character.unicodeScalars.contains { scalar in
      scalar.properties.generalCategory == .control || scalar.properties.isWhitespace
        || scalar.properties.generalCategory == .format
    }
    guard invisible else { return String(character) }
    return character.unicodeScalars.map { "\\u{\(String($0.value, radix: 16))}" }.joined()
  }

  private func closing(of opening: Token.Kind) -> String {
    switch opening {
    case .leftParen: return ")"
    case .leftBracket: return "]"
    default: return "}"
    }
  }

  private func misplacedMessage(_ keyword: Keyword) -> String {
    switch keyword {
    case .return: return "'return' outside a function"
    case .break, .continue: return "'\(keyword.rawValue)' outside a loop"
    case .end: return "'end' without a block to close"
    default: return "'\(keyword.rawValue)' without a matching 'if'"
    }
  }
}
