import Foundation

/// Runs a peer implementation (a Python script under Tests/Benchmarks) and reads the
/// JSON object of timings it prints.
struct PeerScript {
  /// The script's file name inside Tests/Benchmarks.
  let fileName: String

  /// Where the peer scripts live, found from this source file's place in the checkout.
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Tests/Benchmarks")

  /// Runs the script with `arguments` and returns its JSON output as a dictionary.
  ///
  /// OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are removed for the peer only: they slow a
  /// current NumPy on this workplace's machines, and the peer should run at its best.
  func run(_ arguments: [String]) throws -> [String: Any] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["python3", Self.directory.appendingPathComponent(fileName).path]
      + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["OPENBLAS_CORETYPE"] = nil
    environment["OPENBLAS_L2_SIZE"] = nil
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    else {
      throw BenchmarkError.peerFailed(script: fileName, status: process.terminationStatus)
    }
    return object
  }
}

/// Why a benchmark run could not complete.
enum BenchmarkError: Error, CustomStringConvertible {
  case peerFailed(script: String, status: Int32)
  case somaFailed(message: String)
  case resultsDiffer(benchmark: String, soma: String, peer: String)

  var description: String {
    switch self {
    case .peerFailed(let script, let status):
      return "the peer script \(script) failed (exit status \(status))"
    case .somaFailed(let message):
      return "the Soma side of a benchmark failed: \(message)"
    case .resultsDiffer(let benchmark, let soma, let peer):
      return "\(benchmark): Soma computed \(soma) but the peer computed \(peer)"
    }
  }
}
