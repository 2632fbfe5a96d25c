import Foundation
import SomaLanguage
import SomaNotebook

/// The overhead of `nbrun` itself: reading, parsing, updating and writing a notebook,
/// without running its cells.
enum NotebookBenchmarks {
  /// How many lines the generated notebook has.
  static let lineCount = 10_000

  /// A notebook of `lineCount` lines: prose paragraphs, cells and output blocks.
  static func generatedNotebook() -> String {
    var lines: [String] = []
    var cell = 0
    while lines.count < lineCount {
      cell += 1
      lines += [
        "## Section \(cell)", "", "Some prose about step \(cell), with `code` and *emphasis*.",
        "", "```soma", "x = \(cell)", "print(x * 2)", "```", "", "```output", "\(cell * 2)", "```",
        "",
      ]
    }
    return lines.prefix(lineCount).joined(separator: "\n") + "\n"
  }

  /// The rows of the `notebook` group.
  static func comparisons() throws -> [Comparison] {
    [
      Comparison(
        name: "nbrun overhead, 10k-line notebook", somaSeconds: try parseAndWrite(),
        referenceSeconds: .nan, reference: "", kind: .absolute, target: 0.05),
      Comparison(
        name: "nbrun notebooks/ (cells run)", somaSeconds: try runNotebooks(),
        referenceSeconds: .nan, reference: "", kind: .absolute, target: nil),
    ]
  }

  /// Best time of parse + update every output + atomic write of the generated notebook.
  static func parseAndWrite() throws -> Double {
    let text = generatedNotebook()
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("soma-bench-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("notebook.md").path
    try NotebookFile.writeAtomically(text, to: path)
    var generation = 0
    return try Stopwatch.bestTime {
      generation += 1
      var notebook = try Notebook(parsing: try NotebookFile.read(path: path))
      for cell in notebook.cells {
        notebook.setOutput("\(generation)", forCell: cell.number)
      }
      try NotebookFile.writeAtomically(notebook.text, to: path)
    }
  }

  /// Best time to run every notebook in notebooks/, cells included, without writing.
  static func runNotebooks() throws -> Double {
    let directory = PeerScript.directory.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("notebooks")
    let paths = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".md") }.map { directory.appendingPathComponent($0).path }
    let notebooks = try paths.map { try Notebook(parsing: try NotebookFile.read(path: $0)) }
    return Stopwatch.bestTime {
      for notebook in notebooks {
        _ = NotebookRunner().run(notebook, named: "bench.md", in: Session { _ in })
      }
    }
  }
}
