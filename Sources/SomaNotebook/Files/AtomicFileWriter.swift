#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a file through a temporary file and a rename, so the original is replaced
/// whole or not at all.
///
/// Its two settings exist so tests can make a write fail partway.
struct AtomicFileWriter {
  /// Where the temporary file goes; `nil` means next to the file being written, the
  /// only place from which the final rename is guaranteed to work.
  var temporaryDirectory: String?
  /// Writes bytes to a descriptor the way `write(2)` does: a count, or -1 and `errno`.
  var writeBytes: (Int32, UnsafeRawBufferPointer) -> Int = systemWrite

  /// Replaces the file at `path` with `bytes` unless it holds them already.
  ///
  /// - Returns: Whether the file was written.
  func write(_ bytes: [UInt8], to path: String) throws(NotebookError) -> Bool {
    let target = resolvingSymbolicLinks(path)
    var original = stat()
    let exists = stat(target, &original) == 0
    if exists {
      guard let existing = try? NotebookFile.readBytes(path: target) else {
        throw .unwritableFile(path: path, reason: "its current contents cannot be read")
      }
      if existing == bytes { return false }
    }
    let directory = temporaryDirectory ?? parentDirectory(of: target)
    let (descriptor, temporary) = try createTemporaryFile(in: directory, for: path)
    do throws(NotebookError) {
      try fill(descriptor, with: bytes, path: path)
      if exists {
        // The owner is kept when the system allows it (as root, or when nothing changes);
        // otherwise the file now belongs to whoever wrote it, as with any editor that saves
        // by renaming. Changing the owner may clear set-user-ID bits, so it comes first.
        _ = fchown(descriptor, original.st_uid, original.st_gid)
        guard fchmod(descriptor, original.st_mode & 0o7777) == 0 else {
          throw .unwritableFile(path: path, reason: systemReason())
        }
      }
      guard fsync(descriptor) == 0 else {
        throw .unwritableFile(path: path, reason: systemReason())
      }
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    guard close(descriptor) == 0, rename(temporary, target) == 0 else {
      let reason = systemReason()
      unlink(temporary)
      throw .unwritableFile(path: path, reason: reason)
    }
    syncDirectory(parentDirectory(of: target))
    return true
  }

  /// Writes all of `bytes`, retrying short and interrupted writes.
  private func fill(_ descriptor: Int32, with bytes: [UInt8], path: String)
    throws(NotebookError)
  {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        writeBytes(descriptor, UnsafeRawBufferPointer(rebasing: buffer[written...]))
      }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { throw .unwritableFile(path: path, reason: systemReason()) }
      written += count
    }
  }

  /// Creates a new, empty file with a fresh name in `directory`, open for writing.
  private func createTemporaryFile(in directory: String, for path: String)
    throws(NotebookError) -> (Int32, String)
  {
    let name = path.split(separator: "/").last.map(String.init) ?? "notebook"
    while true {
      let suffix = String(UInt32.random(in: .min ... .max), radix: 16)
      let temporary = "\(directory)/.\(name).\(suffix).tmp"
      // 0o666 before the umask, as for any new file; an existing file's mode comes later.
      let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if descriptor >= 0 { return (descriptor, temporary) }
      if errno != EEXIST {
        throw .unwritableFile(
          path: path, reason: "cannot create a temporary file in \(directory): \(systemReason())")
      }
    }
  }
}

/// The file a path finally names, following symbolic links; the path itself when it
/// names nothing yet.
private func resolvingSymbolicLinks(_ path: String) -> String {
  guard let resolved = realpath(path, nil) else { return path }
  defer { free(resolved) }
  return String(cString: resolved)
}

/// The directory holding `path`.
private func parentDirectory(of path: String) -> String {
  guard let slash = path.lastIndex(of: "/") else { return "." }
  return slash == path.startIndex ? "/" : String(path[..<slash])
}

/// Flushes a directory so a rename in it survives a crash; failing here loses nothing
/// already written, so it is not an error.
private func syncDirectory(_ directory: String) {
  let descriptor = open(directory, O_RDONLY | O_CLOEXEC)
  guard descriptor >= 0 else { return }
  fsync(descriptor)
  close(descriptor)
}

/// `write(2)`, under a name the writer's own `write` method does not hide.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Int {
  write(descriptor, buffer.baseAddress, buffer.count)
}
