import Foundation
import Testing

@testable import SomaLanguage

/// Golden files for the interpreter: every `Tests/Fixtures/Language/NAME.soma` runs in
/// one session, as REPL entries separated by `#---` lines, and its output (results,
/// printed text and rendered errors) must match `NAME.expected`.
///
/// Each expected file was read and its numbers checked by hand or against NumPy when
/// it was first blessed; the comments in the programs say where they come from.
@Suite("Program fixtures")
struct ProgramFixtureTests {
  static var names: [String] { GoldenFile.names(in: "Language", withExtension: "soma") }

  @Test("the fixture directory holds programs")
  func fixturesExist() {
    #expect(Self.names.count >= 7)
  }

  @Test("each program prints its expected output", arguments: names)
  func program(name: String) throws {
    let directory = GoldenFile.directory("Language")
    let text = try String(
      contentsOf: directory.appendingPathComponent(name + ".soma"), encoding: .utf8)
    try GoldenFile.expect(
      Self.run(text, name: name + ".soma"),
      matches: directory.appendingPathComponent(name + ".expected"))
  }

  /// Runs the entries of `text` in one session and returns everything they wrote.
  static func run(_ text: String, name: String) -> String {
    var output = ""
    let session = Session { output += $0 }
    for entry in text.components(separatedBy: "\n#---\n") {
      do {
        try session.run(Source(entry, name: name))
      } catch let error as SomaError {
        output += error.rendered() + "\n"
      } catch {
        output += "unexpected error: \(error)\n"
      }
    }
    return output
  }
}
