import Foundation
import Testing

@testable import SomaLanguage

/// Golden files: every `Tests/Fixtures/Syntax/NAME.soma` against `NAME.expected`.
///
/// Set `SOMA_BLESS=1` to rewrite the expected files from the current parser.
@Suite("Syntax fixtures")
struct SyntaxFixtureTests {
  private static let directory = GoldenFile.directory("Syntax")

  /// The fixture programs, by file name without extension.
  static var names: [String] { GoldenFile.names(in: "Syntax", withExtension: "soma") }

  @Test("the fixture directory holds programs")
  func fixturesExist() {
    #expect(Self.names.count >= 8)
  }

  @Test("each fixture parses to its expected tree or diagnostic", arguments: names)
  func fixture(name: String) throws {
    let program = Self.directory.appendingPathComponent(name + ".soma")
    let expectedFile = Self.directory.appendingPathComponent(name + ".expected")
    let text = try String(contentsOf: program, encoding: .utf8)
    let source = Source(text, name: name + ".soma")
    let actual: String
    do {
      actual = try Parser.parse(source).description + "\n"
    } catch {
      actual = error.diagnostic.rendered(in: source)
    }
    try GoldenFile.expect(actual, matches: expectedFile)
  }
}
