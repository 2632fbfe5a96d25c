import Foundation
import SomaLanguage

/// Workloads of the interpreter itself: a scalar loop against CPython, and start-up.
enum ScalarBenchmarks {
  /// Euler steps of the Hodgkin-Huxley simulation.
  static let steps = 100_000

  /// The Hodgkin-Huxley neuron run by `hodgkin_huxley.soma` in a session, against the
  /// same loop in CPython; both must end at the same potential with the same spikes.
  ///
  /// - Throws: `BenchmarkError` when the script fails or the results differ.
  static func hodgkinHuxley() throws -> Comparison {
    let file = PeerScript.directory.appendingPathComponent("hodgkin_huxley.soma")
    let session = Session { _ in }
    let call = Source("result = simulate(\(steps))", name: "soma-bench")
    do {
      try session.run(
        Source(try String(contentsOf: file, encoding: .utf8), name: file.lastPathComponent),
        showResults: false)
      let seconds = try Stopwatch.bestTime { try session.run(call, showResults: false) }
      let soma = try results(session["result"])
      let peer = try PeerScript(fileName: "hodgkin_huxley.py").run(["\(steps)"])
      // The potential is read from its text: JSONSerialization may be off by an ulp.
      let potential = (peer["v_text"] as? String).flatMap { Double($0) } ?? .nan
      let python = (potential, peer["spikes"] as? Int ?? -1)
      guard soma == python else {
        throw BenchmarkError.resultsDiffer(
          benchmark: "Hodgkin-Huxley", soma: "\(soma)", peer: "\(python)")
      }
      return Comparison(
        name: "Hodgkin-Huxley 1e5 steps", somaSeconds: seconds,
        referenceSeconds: peer["seconds"] as? Double ?? .nan,
        reference: "python \(peer["python"] as? String ?? "")", kind: .throughput, target: 2)
    } catch let error as SomaError {
      throw BenchmarkError.somaFailed(message: error.rendered())
    }
  }

  /// The potential and spike count in the `(V, spikes)` tuple `simulate` returns.
  private static func results(_ value: Value?) throws -> (Double, Int) {
    guard case .tuple(let items)? = value, items.count == 2,
      case .number(let potential) = items[0], case .number(let spikes) = items[1]
    else {
      throw BenchmarkError.somaFailed(message: "simulate did not return (V, spikes)")
    }
    return (potential, Int(spikes))
  }

  /// The wall-clock time of `soma -e 1` as a new process, best of ten: what a student
  /// waits for before the REPL can answer.
  ///
  /// - Throws: `BenchmarkError` when the `soma` executable next to this one is missing
  ///   or fails.
  static func startup() throws -> Comparison {
    let executable = URL(fileURLWithPath: CommandLine.arguments[0])
      .resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("soma")
    guard FileManager.default.isExecutableFile(atPath: executable.path) else {
      throw BenchmarkError.somaFailed(message: "no soma executable at \(executable.path)")
    }
    var best = Double.infinity
    let clock = ContinuousClock()
    for _ in 0..<10 {
      let process = Process()
      process.executableURL = executable
      process.arguments = ["-e", "1"]
      process.standardOutput = FileHandle.nullDevice
      let elapsed = try clock.measure {
        try process.run()
        process.waitUntilExit()
      }
      guard process.terminationStatus == 0 else {
        throw BenchmarkError.somaFailed(
          message: "soma -e 1 failed (exit status \(process.terminationStatus))")
      }
      let seconds =
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      best = min(best, seconds)
    }
    return Comparison(
      name: "REPL start-up (soma -e 1)", somaSeconds: best, referenceSeconds: .nan,
      reference: "", kind: .absolute, target: 0.1)
  }
}
