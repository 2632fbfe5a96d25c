/// Times a workload the same way the peer scripts do, so ratios compare like with like.
enum Stopwatch {
  /// The least total time a measurement runs for, in seconds.
  static let minimumTotal = 0.3

  /// The fastest of repeated runs of `body`, in seconds, after one warm-up run.
  ///
  /// Runs at least three times and until `minimumTotal` seconds have passed; the
  /// minimum is the least noisy estimate on a shared machine.
  static func bestTime(_ body: () throws -> Void) rethrows -> Double {
    try body()
    var best = Double.infinity
    var total = 0.0
    var runs = 0
    let clock = ContinuousClock()
    while total < minimumTotal || runs < 3 {
      let elapsed = try clock.measure(body)
      let seconds =
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      best = min(best, seconds)
      total += seconds
      runs += 1
    }
    return best
  }
}
