import Foundation

/// What a finished run of `soma` left behind.
struct CommandLineRun {
  let status: Int32
  let standardOutput: String
  let standardError: String

  /// Runs `program` (`soma` unless given) with `arguments` in `directory`, without a
  /// terminal.
  ///
  /// Standard input is `input` (from a file, so it is not a terminal) or empty;
  /// standard output and error go to files, so a large output cannot block the program.
  ///
  /// - Throws: `CommandLineRunError.timedOut` when the program runs past `seconds`
  ///   (it is killed first).
  init(
    _ arguments: [String], input: String? = nil, in directory: ScratchDirectory,
    program: String = "soma", seconds: Double = 60
  ) throws {
    let files = directory.url.appendingPathComponent("run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
    let inputFile = try directory.write(input ?? "", to: files.lastPathComponent + "/input")
    let outputFile = files.appendingPathComponent("output")
    let errorFile = files.appendingPathComponent("error")
    for file in [outputFile, errorFile] {
      _ = FileManager.default.createFile(atPath: file.path, contents: nil)
    }
    let inputHandle = try FileHandle(forReadingFrom: inputFile)
    let outputHandle = try FileHandle(forWritingTo: outputFile)
    let errorHandle = try FileHandle(forWritingTo: errorFile)
    defer {
      for handle in [inputHandle, outputHandle, errorHandle] { try? handle.close() }
    }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: SomaExecutable.path(of: program))
    process.arguments = arguments
    process.environment = SomaExecutable.environment(home: directory.url)
    process.currentDirectoryURL = directory.url
    process.standardInput = inputHandle
    process.standardOutput = outputHandle
    process.standardError = errorHandle
    try process.run()

    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning && Date() < deadline {
      usleep(10_000)
    }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      throw CommandLineRunError.timedOut(arguments)
    }
    process.waitUntilExit()
    status = process.terminationStatus
    standardOutput = String(decoding: try Data(contentsOf: outputFile), as: UTF8.self)
    standardError = String(decoding: try Data(contentsOf: errorFile), as: UTF8.self)
  }
}

enum CommandLineRunError: Error, CustomStringConvertible {
  case timedOut([String])

  var description: String {
    switch self {
    case .timedOut(let arguments): return "soma \(arguments) did not finish in time"
    }
  }
}
