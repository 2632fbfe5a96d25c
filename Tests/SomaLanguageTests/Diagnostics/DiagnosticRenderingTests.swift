import Testing

@testable import SomaLanguage

@Suite("Diagnostic rendering")
struct DiagnosticRenderingTests {
  /// A range over `source` from one UTF-8 offset to another.
  private func range(_ source: Source, _ start: Int, _ end: Int) -> SourceRange {
    SourceRange(start: source.location(atOffset: start), end: source.location(atOffset: end))
  }

  @Test("shows place, line and column, the source line and carets under the span")
  func basicLayout() {
    let source = Source("x = 1\ny = x +* 2\n", name: "script.soma")
    let diagnostic = Diagnostic(message: "something is off", range: range(source, 10, 14))
    #expect(
      diagnostic.rendered(in: source) == """
        script.soma:2:5: error: something is off
        y = x +* 2
            ^~~~

        """)
  }

  @Test("uses the given place name, such as a notebook cell")
  func placeNames() {
    let source = Source("a\nb = c", name: "notebook.md, cell 3")
    let diagnostic = Diagnostic(message: "unknown name 'c'", range: range(source, 6, 7))
    #expect(diagnostic.rendered(in: source).hasPrefix("notebook.md, cell 3:2:5: error: "))
  }

  @Test("expands tabs to stops of four columns in both lines")
  func tabs() {
    let source = Source("\tx =\t\t7")
    // The line shows as "    x =     7" once tabs are expanded to stops at 4 and 8 and 12.
    let diagnostic = Diagnostic(message: "seven", range: range(source, 6, 7))
    #expect(
      diagnostic.rendered(in: source) == """
        <input>:1:7: error: seven
            x =     7
                    ^

        """)
  }

  @Test("counts a column per character, not per byte, and two for wide characters")
  func unicode() {
    let source = Source("s = \"héllo\" + 漢字 + x")
    // "é" is 2 bytes and 1 column; each of 漢字 is 3 bytes, 1 column and 2 terminal
    // columns, so x is column 20 but sits under terminal column 22.
    let start = "s = \"héllo\" + 漢字 + ".utf8.count
    let diagnostic = Diagnostic(message: "here", range: range(source, start, start + 1))
    #expect(
      diagnostic.rendered(in: source) == """
        <input>:1:20: error: here
        s = "héllo" + 漢字 + x
                             ^

        """)
    let wide = Diagnostic(message: "wide", range: range(source, 15, 21))
    #expect(
      wide.rendered(in: source) == """
        <input>:1:15: error: wide
        s = "héllo" + 漢字 + x
                      ^~~~

        """)
  }

  @Test("a span over several lines is underlined to the end of its first line")
  func multiLineSpan() {
    let source = Source("if x\n  y\nend")
    let diagnostic = Diagnostic(message: "block", range: range(source, 0, 12))
    #expect(
      diagnostic.rendered(in: source) == """
        <input>:1:1: error: block
        if x
        ^~~~

        """)
  }

  @Test("an empty span at the end of a line puts the caret after the last character")
  func emptySpanAtEnd() {
    let source = Source("x = (1 +")
    let diagnostic = Diagnostic(message: "more", range: range(source, 8, 8))
    #expect(
      diagnostic.rendered(in: source) == """
        <input>:1:9: error: more
        x = (1 +
                ^

        """)
  }

  @Test("renders a note with a place like a second diagnostic, and one without as a line")
  func notes() {
    let source = Source("f(a,\n  b]")
    let withPlace = Diagnostic(
      message: "mismatch", range: range(source, 8, 9),
      note: Diagnostic.Note("opened here", range: range(source, 1, 2)))
    #expect(
      withPlace.rendered(in: source) == """
        <input>:2:4: error: mismatch
          b]
           ^
        <input>:1:2: note: opened here
        f(a,
         ^

        """)
    let bare = Diagnostic(
      .warning, message: "odd", range: range(source, 0, 1), note: Diagnostic.Note("a hint"))
    #expect(
      bare.rendered(in: source) == """
        <input>:1:1: warning: odd
        f(a,
        ^
        note: a hint

        """)
  }

  @Test("adds ANSI colours only when asked")
  func colours() {
    let source = Source("x")
    let diagnostic = Diagnostic(message: "m", range: range(source, 0, 1))
    let plain = diagnostic.rendered(in: source)
    let coloured = diagnostic.rendered(in: source, colored: true)
    #expect(!plain.contains("\u{1B}["))
    #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[1;32m^\u{1B}[0m"))
  }

  @Test("a range past the text still renders")
  func damagedRange() {
    let source = Source("x")
    let far = SourceLocation(line: 9, column: 1, offset: 50)
    let diagnostic = Diagnostic(message: "lost", range: SourceRange(at: far))
    #expect(diagnostic.rendered(in: source) == "<input>:9:1: error: lost\n\n^\n")
  }
}
