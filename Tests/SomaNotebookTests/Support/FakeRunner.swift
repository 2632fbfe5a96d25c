import SomaNotebook

/// Stands in for the interpreter so document tests need no language: in a cell,
/// `print TEXT` prints TEXT, and `fail MESSAGE` stops the cell with that error.
enum FakeRunner {
  /// What a cell would show: its printed lines, then `error: MESSAGE` if it failed.
  static func output(of cell: Notebook.Cell) -> String? {
    var printed: [Substring] = []
    for line in cell.code.split(separator: "\n") {
      let words = line.drop { $0 == " " || $0 == "\t" }
      if words.hasPrefix("print ") {
        printed.append(words.dropFirst("print ".count))
      } else if words.hasPrefix("fail ") {
        printed.append("error: " + words.dropFirst("fail ".count))
        break
      }
    }
    return printed.joined(separator: "\n")
  }

  /// Sets every cell's output as `nbrun` would: `norun` keeps it, `hide` removes it.
  static func run(_ notebook: inout Notebook) {
    for cell in notebook.cells where !cell.options.contains(.norun) {
      let output = cell.options.contains(.hide) ? nil : output(of: cell)
      notebook.setOutput(output, forCell: cell.number)
    }
  }
}
