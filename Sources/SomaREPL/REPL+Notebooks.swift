import Foundation
import SomaLanguage
import SomaNotebook

/// One code entry of a REPL session, as `:save` writes it.
struct TranscriptEntry {
  let code: String
  /// Whether it ended in an error, so the saved cell is marked `error`.
  let failed: Bool
}

extension REPL {
  /// `:load FILE`: runs a notebook's cells, or a script, in the live session.
  func load(_ path: String) {
    guard !path.isEmpty else {
      writeError("error: :load needs a file, as in :load notebooks/language-tour.md\n")
      return
    }
    let name = (path as NSString).lastPathComponent
    do {
      let text = try NotebookFile.read(path: path)
      guard path.hasSuffix(".md") else {
        evaluate(Source(text, name: path), showResults: false)
        return
      }
      let notebook = try Notebook(parsing: text)
      for cell in notebook.cells where !cell.options.contains(.norun) {
        evaluate(cell.source(in: name))
      }
    } catch {
      writeError("error: \(path): \(error)\n")
    }
  }

  /// `:save FILE.md`: writes the session's code entries as a notebook, with the outputs
  /// `nbrun` gives them.
  ///
  /// The entries are run again in a fresh session, the way `nbrun` will run the file,
  /// so the saved outputs are exactly what `nbrun --check` expects. An existing file is
  /// never overwritten.
  func save(to path: String) {
    guard path.hasSuffix(".md") else {
      writeError("error: :save needs a file name ending in .md, as in :save session.md\n")
      return
    }
    guard !FileManager.default.fileExists(atPath: path) else {
      writeError("error: \(path) already exists; :save writes only new files\n")
      return
    }
    var text = "# Soma session\n"
    for entry in transcript {
      let code = entry.code
      let fence = String(repeating: "`", count: max(3, longestBacktickRun(in: code) + 1))
      text += "\n\(fence)soma\(entry.failed ? " error" : "")\n\(code)\n\(fence)\n"
    }
    do {
      let notebook = try Notebook(parsing: text)
      let name = (path as NSString).lastPathComponent
      let (filled, failures) = NotebookRunner().run(notebook, named: name, in: Session { _ in })
      try NotebookFile.writeAtomically(filled.text, to: path)
      write("saved \(transcript.count) cell\(transcript.count == 1 ? "" : "s") to \(path)\n")
      for failure in failures {
        writeError("warning: \(failure.description(file: path)) when run afresh\n")
      }
    } catch {
      writeError("error: \(path): \(error)\n")
    }
  }

  private func longestBacktickRun(in text: String) -> Int {
    var longest = 0
    var current = 0
    for character in text {
      current = character == "`" ? current + 1 : 0
      longest = max(longest, current)
    }
    return longest
  }
}
