import Foundation
import Testing

/// `nbrun` run as a program, on notebooks in a scratch directory and on the notebooks
/// of the repository.
@Suite("nbrun on the command line")
struct NotebookCommandTests {
  private let notebook = "# Title\n\nProse stays.\n\n```soma\nx = 2\nx * 21\n```\n"
  private let expected =
    "# Title\n\nProse stays.\n\n```soma\nx = 2\nx * 21\n```\n\n```output\n42\n```\n"

  private func nbrun(_ arguments: [String], in directory: ScratchDirectory) throws
    -> CommandLineRun
  {
    try CommandLineRun(arguments, in: directory, program: "nbrun")
  }

  @Test("nbrun writes outputs into the file; a second run changes nothing")
  func writesOutputs() throws {
    let directory = try ScratchDirectory()
    let file = try directory.write(notebook, to: "n.md")
    let first = try nbrun([file.path], in: directory)
    #expect(first.status == 0)
    #expect(try String(contentsOf: file, encoding: .utf8) == expected)
    let modified = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate]
    let second = try nbrun([file.path], in: directory)
    #expect(second.status == 0)
    #expect(try String(contentsOf: file, encoding: .utf8) == expected)
    #expect(
      try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        == modified as? Date)
  }

  @Test("--check fails with a diff when outputs would change, and writes nothing")
  func check() throws {
    let directory = try ScratchDirectory()
    let file = try directory.write(notebook, to: "n.md")
    let stale = try nbrun(["--check", file.path], in: directory)
    #expect(stale.status == 1)
    #expect(stale.standardOutput.contains("+```output\n+42\n+```"))
    #expect(try String(contentsOf: file, encoding: .utf8) == notebook)
    try directory.write(expected, to: "n.md")
    #expect(try nbrun(["--check", file.path], in: directory).status == 0)
  }

  @Test("--stdout prints the result and leaves the file alone")
  func standardOutput() throws {
    let directory = try ScratchDirectory()
    let file = try directory.write(notebook, to: "n.md")
    let run = try nbrun(["--stdout", file.path], in: directory)
    #expect(run.status == 0)
    #expect(run.standardOutput == expected)
    #expect(try String(contentsOf: file, encoding: .utf8) == notebook)
  }

  @Test("a failing cell is reported with its cell and line, later cells still run")
  func failingCell() throws {
    let directory = try ScratchDirectory()
    let file = try directory.write("```soma\n1 +\n```\n\n```soma\n5\n```\n", to: "bad.md")
    let run = try nbrun([file.path], in: directory)
    #expect(run.status == 1)
    #expect(run.standardError.contains("\(file.path): cell 1 (line 2):"))
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("bad.md, cell 1:1:4: error:"))
    #expect(text.hasSuffix("```soma\n5\n```\n\n```output\n5\n```\n"))
  }

  @Test("malformed notebooks are errors that leave the file untouched")
  func malformed() throws {
    let directory = try ScratchDirectory()
    let unclosed = try directory.write("Prose\n\n```soma\n1\n", to: "unclosed.md")
    let run = try nbrun([unclosed.path], in: directory)
    #expect(run.status == 1)
    #expect(run.standardError.contains("unclosed.md:3:"))
    #expect(try String(contentsOf: unclosed, encoding: .utf8) == "Prose\n\n```soma\n1\n")

    let binary = directory.url.appendingPathComponent("binary.md")
    try Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]).write(to: binary)
    #expect(try nbrun([binary.path], in: directory).status == 1)
    #expect(try Data(contentsOf: binary) == Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]))

    let missing = try nbrun(["missing.md"], in: directory)
    #expect(missing.status == 1)
    #expect(missing.standardError.contains("missing.md"))
  }

  @Test("usage errors exit with status 2; --help and --version with 0")
  func usage() throws {
    let directory = try ScratchDirectory()
    #expect(try nbrun([], in: directory).status == 2)
    #expect(try nbrun(["--frobnicate", "x.md"], in: directory).status == 2)
    #expect(try nbrun(["--timeout", "soon", "x.md"], in: directory).status == 2)
    let help = try nbrun(["--help"], in: directory)
    #expect(help.status == 0)
    #expect(help.standardOutput.contains("--check"))
    #expect(try nbrun(["--version"], in: directory).status == 0)
  }

  @Test("every notebook in notebooks/ passes nbrun --check")
  func repositoryNotebooks() throws {
    let directory = try ScratchDirectory()
    let notebooks = SomaExecutable.packageRoot.appendingPathComponent("notebooks")
    let files = try FileManager.default.contentsOfDirectory(atPath: notebooks.path)
      .filter { $0.hasSuffix(".md") }.sorted()
      .map { notebooks.appendingPathComponent($0).path }
    #expect(!files.isEmpty)
    let run = try nbrun(["--check", "--quiet"] + files, in: directory)
    #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
  }
}
