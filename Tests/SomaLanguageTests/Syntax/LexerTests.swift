import Testing

@testable import SomaLanguage

@Suite("Lexer")
struct LexerTests {
  /// The token kinds of `text`, without the final end of input.
  private func kinds(_ text: String) throws -> [Token.Kind] {
    try Lexer.tokenize(Source(text)).map(\.kind).dropLast()
  }

  @Test("reads integers, decimals, exponents and digit separators")
  func numbers() throws {
    #expect(
      try kinds("3 0.5 1e-3 2.5E+2 1_000 007") == [
        .number(3), .number(0.5), .number(0.001), .number(250), .number(1000), .number(7),
      ])
  }

  @Test("a number followed by a dot and a name is a field access, not a fraction")
  func numberThenField() throws {
    #expect(try kinds("1.e") == [.number(1), .dot, .identifier("e")])
  }

  @Test("resolves the string escapes \\n, \\t, \\\" and \\\\")
  func stringEscapes() throws {
    #expect(try kinds(#""a\nb\tc\"d\\e""#) == [.string("a\nb\tc\"d\\e")])
    #expect(try kinds(#""""#) == [.string("")])
    #expect(try kinds("\"héllo ✓\"") == [.string("héllo ✓")])
  }

  @Test("tells keywords from names, including Unicode names")
  func keywordsAndNames() throws {
    #expect(
      try kinds("if iffy end_ α_1 not and or") == [
        .keyword(.if), .identifier("iffy"), .identifier("end_"), .identifier("α_1"),
        .keyword(.not), .keyword(.and), .keyword(.or),
      ])
  }

  @Test("reads one- and two-character operators greedily")
  func operators() throws {
    #expect(
      try kinds("+ - * / % @ ^ == != < <= > >= = += -= *= /= -> , : ; .") == [
        .plus, .minus, .star, .slash, .percent, .at, .caret, .equalEqual, .notEqual, .less,
        .lessEqual, .greater, .greaterEqual, .equal, .plusEqual, .minusEqual, .starEqual,
        .slashEqual, .arrow, .comma, .colon, .semicolon, .dot,
      ])
    #expect(try kinds("a<=-b") == [.identifier("a"), .lessEqual, .minus, .identifier("b")])
  }

  @Test("skips comments and merges blank lines into one line break")
  func commentsAndBlankLines() throws {
    #expect(
      try kinds("a # first\n\n\n# only a comment\nb") == [
        .identifier("a"), .newline, .identifier("b"),
      ])
    #expect(try kinds("\n\n# nothing\n") == [])
  }

  @Test("ignores line breaks inside brackets")
  func newlinesInsideBrackets() throws {
    #expect(
      try kinds("f(1,\n2)\n[3\n]") == [
        .identifier("f"), .leftParen, .number(1), .comma, .number(2), .rightParen, .newline,
        .leftBracket, .number(3), .rightBracket,
      ])
  }

  @Test("a line ending in a binary operator continues on the next line")
  func trailingOperatorContinues() throws {
    #expect(
      try kinds("a +\n  b and\n c\nd") == [
        .identifier("a"), .plus, .identifier("b"), .keyword(.and), .identifier("c"),
        .newline, .identifier("d"),
      ])
  }

  @Test("treats \\r\\n line endings like \\n")
  func windowsLineEndings() throws {
    #expect(try kinds("a\r\nb") == [.identifier("a"), .newline, .identifier("b")])
  }

  @Test("records line, column and UTF-8 offset of every token")
  func tokenRanges() throws {
    let tokens = try Lexer.tokenize(Source("x = 1\n  éa += \"ü\""))
    let starts = tokens.map { [$0.range.start.line, $0.range.start.column, $0.range.start.offset] }
    // Offsets count UTF-8 bytes: "é" and "ü" take two bytes each, one column each.
    #expect(
      starts == [
        [1, 1, 0], [1, 3, 2], [1, 5, 4], [1, 6, 5], [2, 3, 8], [2, 6, 12], [2, 9, 15],
        [2, 12, 19],
      ])
    #expect(tokens[4].range.end == SourceLocation(line: 2, column: 5, offset: 11))
  }

  @Test("a combining accent does not count as a column")
  func combiningMarks() throws {
    // "e\u{301}" is one character, é, written as two scalars.
    let tokens = try Lexer.tokenize(Source("e\u{301} = 1"))
    #expect(tokens[0].kind == .identifier("e\u{301}"))
    #expect(tokens[1].range.start.column == 3)
    #expect(tokens[1].range.start.offset == 4)
  }

  @Test(
    "rejects malformed and overflowing numbers as one token",
    arguments: [
      ("1e", SyntaxError.NumberProblem.malformed), ("1e+", .malformed), ("12abc", .malformed),
      ("1.2.3", .malformed), ("3x", .malformed), ("1e999", .tooLarge),
    ])
  func invalidNumbers(spelling: String, problem: SyntaxError.NumberProblem) {
    #expect(throws: SyntaxError.self) { try Lexer.tokenize(Source(spelling)) }
    do {
      _ = try Lexer.tokenize(Source(spelling + " + 1"))
      Issue.record("expected an error for \(spelling)")
    } catch {
      guard case .invalidNumber(let text, let found, let range) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(text == spelling)
      #expect(found == problem)
      #expect(range.end.offset == spelling.utf8.count)
    }
  }
}
