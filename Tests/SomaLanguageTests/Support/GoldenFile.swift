import Foundation
import Testing

/// Compares output with a golden file kept under Tests/Fixtures.
///
/// Run the tests with `SOMA_BLESS=1` to rewrite the golden files from the current
/// output after an intended change, then read the diff before committing.
enum GoldenFile {
  /// Tests/Fixtures/`folder`.
  static func directory(_ folder: String) -> URL {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures").appendingPathComponent(folder)
  }

  /// The base names of the files in `folder` ending in `.extension`, sorted.
  static func names(in folder: String, withExtension fileExtension: String) -> [String] {
    let suffix = "." + fileExtension
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory(folder).path)) ?? []
    return files.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) }.sorted()
  }

  /// Expects `actual` to equal the contents of `file`, or rewrites the file when blessing.
  static func expect(
    _ actual: String, matches file: URL, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    if ProcessInfo.processInfo.environment["SOMA_BLESS"] == "1" {
      try actual.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(
      actual == expected, "\(file.lastPathComponent) differs; re-bless with SOMA_BLESS=1",
      sourceLocation: sourceLocation)
  }
}
