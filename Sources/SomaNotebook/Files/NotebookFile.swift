#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading notebooks from disk and writing them back safely.
public enum NotebookFile {
  /// Reads a file as UTF-8 text.
  ///
  /// - Throws: `NotebookError.fileNotFound`, `.unreadableFile` (a directory, no
  ///   permission, an I/O error) or `.invalidUTF8`, naming the first line with a bad byte.
  public static func read(path: String) throws(NotebookError) -> String {
    let bytes = try readBytes(path: path)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw .invalidUTF8(path: path, line: lineOfFirstInvalidByte(in: bytes))
    }
    return text
  }

  /// Replaces a file's contents with `text`, all at once or not at all.
  ///
  /// The text goes to a new file in the same directory, which is flushed to disk, given
  /// the original's permissions and renamed over the original, so a reader sees either
  /// the old file or the new one, never a mix, and a failure never truncates the
  /// original. A path that is a symbolic link writes the file it points to. A file with
  /// these contents already is not touched. A missing file is created.
  ///
  /// - Returns: Whether the file was written (`false` when it already held `text`).
  /// - Throws: `NotebookError.unwritableFile` with the system's reason; the original file
  ///   is then unchanged and no temporary file is left behind.
  @discardableResult
  public static func writeAtomically(_ text: String, to path: String) throws(NotebookError)
    -> Bool
  {
    try AtomicFileWriter().write(Array(text.utf8), to: path)
  }

  /// The whole contents of a file.
  static func readBytes(path: String) throws(NotebookError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      if errno == ENOENT { throw .fileNotFound(path: path) }
      throw .unreadableFile(path: path, reason: systemReason())
    }
    defer { close(descriptor) }
    guard let bytes = readAll(from: descriptor) else {
      throw .unreadableFile(path: path, reason: systemReason())
    }
    return bytes
  }

  /// The 1-based line holding the first byte that is not part of valid UTF-8.
  static func lineOfFirstInvalidByte(in bytes: [UInt8]) -> Int {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var line = 1
    while case .valid(let scalar) = parser.parseScalar(from: &iterator) {
      if scalar.count == 1 && scalar.first == .newline { line += 1 }
    }
    return line
  }
}

/// The message for the last failed system call, starting lowercase like Soma's messages.
func systemReason() -> String {
  let message = String(cString: strerror(errno))
  return message.prefix(1).lowercased() + message.dropFirst()
}

/// Everything left to read from an open file, or `nil` when reading fails (see `errno`).
private func readAll(from descriptor: Int32) -> [UInt8]? {
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    if count == 0 { return bytes }
    if count < 0 {
      if errno == EINTR { continue }
      return nil
    }
    bytes += chunk[..<count]
  }
}
