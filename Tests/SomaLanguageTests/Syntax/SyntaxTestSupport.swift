@testable import SomaLanguage

/// The S-expression dump of a program, or the error's description if it fails.
func dump(_ text: String) -> String {
  do {
    return try Parser.parse(text).description
  } catch {
    return "error: \(error)"
  }
}

/// The rendered diagnostic for text that must fail to parse, or a marker if it parses.
func renderedError(_ text: String, name: String = "test.soma") -> String {
  let source = Source(text, name: name)
  do {
    _ = try Parser.parse(source)
    return "no error"
  } catch {
    return error.diagnostic.rendered(in: source)
  }
}

/// The syntax error for text that must fail to parse.
func syntaxError(_ text: String) -> SyntaxError? {
  do {
    _ = try Parser.parse(text)
    return nil
  } catch {
    return error
  }
}
