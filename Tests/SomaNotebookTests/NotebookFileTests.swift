import Foundation
import Testing

@testable import SomaNotebook

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("Reading and writing notebook files")
struct NotebookFileTests {
  static let original: [UInt8] = Array("# Original\r\n\r\nkept  \n\u{1F9EA}".utf8)

  @Test("reading keeps every byte, CRLF and a missing final newline included")
  func readExact() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.file("a.md", bytes: Self.original)
    #expect(Array(try NotebookFile.read(path: path).utf8) == Self.original)
  }

  @Test("a missing file is fileNotFound")
  func readMissing() throws {
    let directory = try TemporaryDirectory()
    #expect(throws: NotebookError.fileNotFound(path: "\(directory.path)/none.md")) {
      try NotebookFile.read(path: "\(directory.path)/none.md")
    }
  }

  @Test("a directory is unreadable")
  func readDirectory() throws {
    let directory = try TemporaryDirectory()
    #expect(throws: NotebookError.unreadableFile(path: directory.path, reason: "is a directory")) {
      try NotebookFile.read(path: directory.path)
    }
  }

  @Test("bytes that are not UTF-8 are invalidUTF8, naming the line of the first bad byte")
  func readInvalidUTF8() throws {
    let directory = try TemporaryDirectory()
    let bytes: [UInt8] = Array("ok\r\nfine \u{E9}\n".utf8) + [0x61, 0xC3, 0x28, 0x0A, 0xFF]
    let path = try directory.file("bad.md", bytes: bytes)
    #expect(throws: NotebookError.invalidUTF8(path: path, line: 3)) {
      try NotebookFile.read(path: path)
    }
  }

  @Test("a truncated multi-byte character at the end is invalid too")
  func readTruncated() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.file("cut.md", bytes: Array("\u{1F9EA}".utf8.dropLast()))
    #expect(throws: NotebookError.invalidUTF8(path: path, line: 1)) {
      try NotebookFile.read(path: path)
    }
  }

  @Test("writing replaces the file, keeps its permissions and reports that it wrote")
  func writeReplaces() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.file("a.md", bytes: Self.original)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
    #expect(try NotebookFile.writeAtomically("new\r\ntext", to: path))
    #expect(contents(of: path) == Array("new\r\ntext".utf8))
    #expect(try permissions(of: path) == 0o640)
    #expect(try directory.names() == ["a.md"])
  }

  @Test(
    "writing as root keeps the file's owner and group",
    .enabled(if: getuid() == 0, "only root can give a file to someone else"))
  func writeKeepsOwner() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.file("a.md", bytes: Self.original)
    #expect(chown(path, 1234, 5678) == 0)
    #expect(try NotebookFile.writeAtomically("new", to: path))
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect(attributes[.ownerAccountID] as? Int == 1234)
    #expect(attributes[.groupOwnerAccountID] as? Int == 5678)
  }

  @Test("writing the same contents touches nothing and reports so")
  func writeUnchanged() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.file("a.md", bytes: Self.original)
    let before = try inode(of: path)
    let text = try NotebookFile.read(path: path)
    #expect(try NotebookFile.writeAtomically(text, to: path) == false)
    #expect(try inode(of: path) == before)
  }

  @Test("writing a missing file creates it")
  func writeCreates() throws {
    let directory = try TemporaryDirectory()
    let path = "\(directory.path)/new.md"
    #expect(try NotebookFile.writeAtomically("", to: path))
    #expect(contents(of: path) == [])
  }

  @Test("writing through a symbolic link replaces the file it points to")
  func writeThroughLink() throws {
    let directory = try TemporaryDirectory()
    let target = try directory.file("target.md", bytes: Self.original)
    let link = "\(directory.path)/link.md"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    #expect(try NotebookFile.writeAtomically("through", to: link))
    #expect(contents(of: target) == Array("through".utf8))
    let destination = try FileManager.default.destinationOfSymbolicLink(atPath: link)
    #expect(destination == target)
  }

  @Test("a file whose parent is a regular file cannot be written")
  func writeUnderFile() throws {
    let directory = try TemporaryDirectory()
    let parent = try directory.file("plain", bytes: Self.original)
    #expect(throws: NotebookError.self) {
      try NotebookFile.writeAtomically("x", to: "\(parent)/a.md")
    }
    #expect(contents(of: parent) == Self.original)
  }

  @Test(
    "a temporary file that cannot be created leaves the original intact",
    arguments: ["missing-directory", "plain/sub"])
  func temporaryFileFails(temporary: String) throws {
    let directory = try TemporaryDirectory()
    let path = try directory.file("a.md", bytes: Self.original)
    _ = try directory.file("plain", bytes: [])
    let writer = AtomicFileWriter(temporaryDirectory: "\(directory.path)/\(temporary)")
    #expect(throws: NotebookError.self) { try writer.write(Array("new".utf8), to: path) }
    #expect(contents(of: path) == Self.original)
    #expect(try directory.names() == ["a.md", "plain"])
  }

  @Test("a disk that fills up halfway leaves the original intact and no temporary file")
  func diskFull() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.file("a.md", bytes: Self.original)
    var writer = AtomicFileWriter()
    var calls = 0
    writer.writeBytes = { descriptor, buffer in
      calls += 1
      if calls == 1 { return write(descriptor, buffer.baseAddress, buffer.count / 2) }
      errno = ENOSPC
      return -1
    }
    let error = #expect(throws: NotebookError.self) {
      try writer.write(Array(repeating: 65, count: 1000), to: path)
    }
    #expect(error == .unwritableFile(path: path, reason: "no space left on device"))
    #expect(calls == 2)
    #expect(contents(of: path) == Self.original)
    #expect(try directory.names() == ["a.md"])
  }

  @Test("an interrupted or short write is retried until every byte is written")
  func shortWrites() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.file("a.md", bytes: Self.original)
    var writer = AtomicFileWriter()
    var interrupted = false
    writer.writeBytes = { descriptor, buffer in
      if !interrupted {
        interrupted = true
        errno = EINTR
        return -1
      }
      return write(descriptor, buffer.baseAddress, min(buffer.count, 7))
    }
    let text = Array(String(repeating: "line\r\n", count: 50).utf8)
    #expect(try writer.write(text, to: path))
    #expect(contents(of: path) == text)
  }

  /// A directory on another file system than the temporary directory, if there is one.
  static func otherFileSystem() -> String? {
    var here = stat()
    var there = stat()
    let other = "/dev/shm"
    let temporary = FileManager.default.temporaryDirectory.path
    guard stat(temporary, &here) == 0, stat(other, &there) == 0 else { return nil }
    return here.st_dev == there.st_dev ? nil : other
  }

  @Test(
    "a rename that fails, across file systems, leaves the original intact",
    .enabled(if: otherFileSystem() != nil, "needs /dev/shm on another file system"))
  func renameFails() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.file("a.md", bytes: Self.original)
    let other = try #require(Self.otherFileSystem())
    let before = Set(try FileManager.default.contentsOfDirectory(atPath: other))
    let writer = AtomicFileWriter(temporaryDirectory: other)
    #expect(throws: NotebookError.self) { try writer.write(Array("new".utf8), to: path) }
    #expect(contents(of: path) == Self.original)
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: other)) == before)
  }

  @Test(
    "a read-only directory refuses the write and leaves the original intact",
    .enabled(if: getuid() != 0, "root writes into read-only directories anyway"))
  func readOnlyDirectory() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.file("a.md", bytes: Self.original)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
    defer {
      try? FileManager.default.setAttributes(
        [.posixPermissions: 0o755], ofItemAtPath: directory.path)
    }
    #expect(throws: NotebookError.self) { try NotebookFile.writeAtomically("new", to: path) }
    #expect(contents(of: path) == Self.original)
  }
}
