/// What can go wrong reading, parsing or writing a notebook, with the details to explain it.
///
/// Errors are data; `description` renders each as one plain sentence for a student. Line
/// numbers count from 1. Whenever one of these is thrown the file on disk is left as it was.
public enum NotebookError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A fenced code block, of any language, that is never closed.
  case unclosedFence(line: Int, fence: String)
  /// A `soma` cell whose info string has a word that is not a cell option.
  case unknownCellOption(cell: Int, line: Int, option: String)
  /// The file's bytes are not UTF-8 text; `line` is where the first bad byte sits.
  case invalidUTF8(path: String, line: Int)
  /// No file at the path.
  case fileNotFound(path: String)
  /// The file exists but could not be read; `reason` is the system's explanation.
  case unreadableFile(path: String, reason: String)
  /// The file could not be written; the original, if any, is unchanged.
  case unwritableFile(path: String, reason: String)

  /// The 1-based line of the notebook the error points at, when it points at one.
  public var line: Int? {
    switch self {
    case .unclosedFence(let line, _), .unknownCellOption(_, let line, _),
      .invalidUTF8(_, let line):
      return line
    case .fileNotFound, .unreadableFile, .unwritableFile:
      return nil
    }
  }

  public var description: String {
    switch self {
    case .unclosedFence(let line, let fence):
      return "the code block opened on line \(line) by \(fence) is never closed; "
        + "end it with a line of \(closingFence(for: fence))"
    case .unknownCellOption(let cell, let line, let option):
      let known = CellOption.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
      let suggestion = CellOption.closest(to: option).map { "did you mean '\($0.rawValue)'? " }
      return "cell \(cell) (line \(line)) has an unknown option '\(option)'; "
        + (suggestion ?? "") + "the known options are \(known)"
    case .invalidUTF8(let path, let line):
      return "\(path) is not UTF-8 text: line \(line) holds bytes that are not UTF-8; "
        + "save the file with UTF-8 encoding"
    case .fileNotFound(let path):
      return "there is no file at \(path)"
    case .unreadableFile(let path, let reason):
      return "cannot read \(path): \(reason)"
    case .unwritableFile(let path, let reason):
      return "cannot write \(path): \(reason); the file was left unchanged"
    }
  }
}

/// The shortest line that closes a block opened by `fence`: its run of backticks or tildes.
private func closingFence(for fence: String) -> String {
  let trimmed = fence.drop { $0 == " " }
  guard let character = trimmed.first else { return fence }
  return String(trimmed.prefix { $0 == character })
}
