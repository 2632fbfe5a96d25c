import Foundation
import SomaNotebook

/// The Markdown corpus under Tests/Fixtures/Notebooks: each `NAME.md` input and the
/// `NAME.expected.md` it becomes after `FakeRunner.run`.
enum Fixtures {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/Notebooks").path

  /// Whether golden files should be rewritten instead of compared (`SOMA_BLESS=1`).
  static let blessing = ProcessInfo.processInfo.environment["SOMA_BLESS"] == "1"

  /// The names of the input files, without `.md`, sorted.
  static let inputs: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".md") && !$0.hasSuffix(".expected.md") }
      .map { String($0.dropLast(".md".count)) }
      .sorted()
  }()

  static func inputPath(_ name: String) -> String { "\(directory)/\(name).md" }
  static func expectedPath(_ name: String) -> String { "\(directory)/\(name).expected.md" }
}
