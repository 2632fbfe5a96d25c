import Testing

@testable import SomaLanguage

@Suite("Source")
struct SourceTests {
  @Test("splits lines on \\n and drops a \\r before it")
  func lines() {
    let source = Source("a = 1\r\nb\n\nlast")
    #expect(source.lineCount == 4)
    #expect(source.line(1) == "a = 1")
    #expect(source.line(2) == "b")
    #expect(source.line(3) == "")
    #expect(source.line(4) == "last")
    #expect(source.line(0) == "")
    #expect(source.line(5) == "")
  }

  @Test("finds the line and character column of a UTF-8 offset")
  func locations() {
    let source = Source("ab\nπ = 3\n")
    #expect(source.location(atOffset: 0) == SourceLocation(line: 1, column: 1, offset: 0))
    #expect(source.location(atOffset: 2) == SourceLocation(line: 1, column: 3, offset: 2))
    #expect(source.location(atOffset: 3) == SourceLocation(line: 2, column: 1, offset: 3))
    // "π" takes two UTF-8 bytes but one column.
    #expect(source.location(atOffset: 6) == SourceLocation(line: 2, column: 3, offset: 6))
    #expect(source.location(atOffset: 99) == SourceLocation(line: 3, column: 1, offset: 10))
  }

  @Test("an offset inside a multi-byte character counts that character as not yet begun")
  func offsetInsideCharacter() {
    // "é" is bytes 0 and 1; offset 1 falls inside it.
    #expect(Source("éx").location(atOffset: 1).column == 1)
  }

  @Test("lexer locations agree with Source.location(atOffset:)")
  func lexerAgrees() throws {
    let source = Source("α = [1,\n\t  2]  # ü\nβ += \"ß\" ; γ(x)")
    for token in try Lexer.tokenize(source) {
      #expect(source.location(atOffset: token.range.start.offset) == token.range.start)
      #expect(source.location(atOffset: token.range.end.offset) == token.range.end)
    }
  }
}
