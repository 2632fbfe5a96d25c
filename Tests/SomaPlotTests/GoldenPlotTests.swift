import Foundation
import SomaPlot
import Testing

/// Compares every plot case with its golden file in Tests/Fixtures/Plots.
///
/// Run with `SOMA_BLESS=1` in the environment to rewrite the golden files from the
/// current output after an intended change; review the diff before committing.
@Suite("Golden text plots")
struct GoldenPlotTests {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/Plots")

  @Test("every plot case matches its golden file", arguments: PlotCases.all)
  func matchesGoldenFile(_ plotCase: PlotCase) throws {
    let text: String
    do {
      text = try plotCase.draw()
    } catch {
      text = "error: \(error)\n"
    }
    let file = Self.directory.appendingPathComponent(plotCase.name + ".txt")
    if ProcessInfo.processInfo.environment["SOMA_BLESS"] == "1" {
      try FileManager.default.createDirectory(
        at: Self.directory, withIntermediateDirectories: true)
      try text.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      Issue.record("no golden file \(file.path); run with SOMA_BLESS=1 to create it")
      return
    }
    #expect(text == expected, "\(plotCase.name) differs from its golden file")
  }

  @Test("no line is wider than the requested width, and ASCII plots are pure ASCII")
  func widthAndCharacters() {
    for plotCase in PlotCases.all {
      guard let text = try? plotCase.draw() else { continue }
      for line in text.split(separator: "\n") {
        #expect(line.count <= plotCase.width, "\(plotCase.name): \(line)")
      }
      if !plotCase.unicode {
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(plotCase.name)")
      }
    }
  }
}

/// One named plot to compare with `<name>.txt`.
struct PlotCase: CustomTestStringConvertible, Sendable {
  let name: String
  let width: Int
  /// Whether the plot uses Unicode characters; all others must be pure ASCII.
  let unicode: Bool
  let draw: @Sendable () throws -> String

  init(
    _ name: String, width: Int = 72, unicode: Bool = false,
    _ draw: @escaping @Sendable () throws -> String
  ) {
    self.name = name
    self.width = width
    self.unicode = unicode
    self.draw = draw
  }

  var testDescription: String { name }
}
