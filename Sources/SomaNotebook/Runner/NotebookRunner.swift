import SomaLanguage

/// Runs the code cells of a notebook, in order, in one session, and collects what
/// each cell printed as its new output.
///
/// Cell options decide what happens: `norun` cells are skipped and keep their old
/// output, `hide` cells run but show nothing, and `error` cells must fail, their error
/// message being their output. Any other failure is reported as a `CellFailure`, and
/// later cells still run unless `stopsAtFirstFailure` is set.
public struct NotebookRunner {
  /// Seconds a cell may run before it is stopped with an error.
  public var timeLimit: Double
  /// Whether to skip the cells after the first failure (their outputs stay as they were).
  public var stopsAtFirstFailure: Bool

  /// Creates a runner; the default time limit is generous, for slow machines.
  public init(timeLimit: Double = 120, stopsAtFirstFailure: Bool = false) {
    self.timeLimit = timeLimit
    self.stopsAtFirstFailure = stopsAtFirstFailure
  }

  /// Runs every cell of `notebook` in `session` and returns the notebook with the new
  /// outputs, and the failures.
  ///
  /// - Parameter name: the notebook's file name, used in error places such as
  ///   `intro.md, cell 3:2:5`.
  public func run(_ notebook: Notebook, named name: String, in session: Session) -> (
    notebook: Notebook, failures: [CellFailure]
  ) {
    var result = notebook
    var failures: [CellFailure] = []
    let savedOutput = session.output
    defer { session.output = savedOutput }
    for cell in notebook.cells where !cell.options.contains(.norun) {
      if stopsAtFirstFailure && !failures.isEmpty { break }
      var printed = ""
      session.output = { printed += $0 }
      do {
        try session.run(cell.source(in: name), timeLimit: timeLimit)
        if cell.options.contains(.error) {
          failures.append(
            CellFailure(
              cell: cell.number, line: cell.line,
              message: "the cell is marked 'error' but ran without an error"))
        }
      } catch let error as SomaError {
        printed += error.rendered() + "\n"
        if !cell.options.contains(.error) {
          failures.append(
            CellFailure(cell: cell.number, line: cell.line + error.line, message: error.message))
        }
      } catch {
        printed += "error: \(error)\n"
        failures.append(CellFailure(cell: cell.number, line: cell.line, message: "\(error)"))
      }
      result.setOutput(cell.options.contains(.hide) ? nil : printed, forCell: cell.number)
    }
    return (result, failures)
  }
}

/// A cell that failed when it should not have, or did not fail when marked `error`.
public struct CellFailure: Equatable, Sendable {
  /// The cell's number, counting from 1.
  public let cell: Int
  /// The line in the notebook file where the problem is.
  public let line: Int
  /// What went wrong.
  public let message: String

  /// The failure as `nbrun` reports it: `FILE: cell N (line L): message`.
  public func description(file: String) -> String {
    "\(file): cell \(cell) (line \(line)): \(message)"
  }
}

extension Notebook.Cell {
  /// The cell's code as a source whose place in diagnostics is `file.md, cell N`.
  public func source(in file: String) -> Source {
    Source(code, name: "\(file), cell \(number)")
  }
}
