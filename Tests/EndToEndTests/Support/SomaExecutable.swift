import Foundation

/// Where the `soma` program under test is, and the environment it runs in.
enum SomaExecutable {
  /// The path of the built `soma`.
  static let path = path(of: "soma")

  /// The path of a built program of the package: next to the test bundle (SwiftPM puts
  /// executables and test bundles in the same directory), else in `.build/debug`.
  static func path(of program: String) -> String {
    let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    let candidates = [
      bundle.deletingLastPathComponent().appendingPathComponent(program).path,
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent(program).path,
      packageRoot.appendingPathComponent(".build/debug/\(program)").path,
    ]
    let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    return found ?? candidates[candidates.count - 1]
  }

  /// The package's root directory, found from this file's place in Tests/.
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // Support
      .deletingLastPathComponent()  // EndToEndTests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()
  }

  /// A fixed, minimal environment with `home` as the home and data directory, so that
  /// history never touches the real home and nothing from the user's setup leaks in:
  /// no inputrc, no colour, a plain xterm.
  static func environment(home: URL, colored: Bool = false) -> [String: String] {
    var environment = [
      "HOME": home.path,
      "XDG_DATA_HOME": home.appendingPathComponent("data").path,
      "TERM": "xterm",
      "INPUTRC": "/dev/null",
      "PATH": "/usr/bin:/bin",
      "LANG": "C.UTF-8",
    ]
    if !colored { environment["NO_COLOR"] = "1" }
    return environment
  }
}

/// A fresh temporary directory, removed with everything in it when released.
final class ScratchDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("soma-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// Writes `text` to the file `name` in the directory and returns its URL.
  @discardableResult
  func write(_ text: String, to name: String) throws -> URL {
    let file = url.appendingPathComponent(name)
    try Data(text.utf8).write(to: file)
    return file
  }
}
