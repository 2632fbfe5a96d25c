import Foundation
import Testing

@testable import SomaLanguage

/// Golden files: every `Tests/Fixtures/Syntax/NAME.soma` against `NAME.expected`.
///
/// Set `SOMA_BLESS=1` to rewrite the expected files from the current parser.
@Suite("Syntax fixtures")
struct SyntaxFixtureTests {
  private static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures/Syntax")

  /// The fixture programs, by file name without extension.
  static var names: [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return files.filter { $0.hasSuffix(".soma") }.map { String($0.dropLast(5)) }.sorted()
  }

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
    if ProcessInfo.processInfo.environment["SOMA_BLESS"] == "1" {
      try actual.write(to: expectedFile, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: expectedFile, encoding: .utf8)
    #expect(actual == expected, "re-bless with SOMA_BLESS=1 after an intended change")
  }
}
