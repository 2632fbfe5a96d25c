import SomaPlot
import SomaTensor

/// What running code needs from its session: where output goes, how deep calls are,
/// and whether to stop (Ctrl-C or a time limit).
///
/// Builtins receive it too, so `print` writes where the session says and transforms
/// such as `grad` can call user functions.
public final class Runtime {
  /// Receives everything the program prints, in order.
  var write: (String) -> Void
  /// How values are turned into text.
  var formatter: ValueFormatter
  /// The plot settings calls start from: the notebook width and ASCII by default.
  var plotDefaults = PlotOptions()
  /// The session's own random numbers, so sessions never disturb each other's sequence.
  var random = RandomGenerator(seed: GlobalRandom.defaultSeed)
  /// The most nested calls before a program is stopped as runaway recursion.
  let maximumCallDepth: Int
  /// Nested calls running now.
  private(set) var callDepth = 0
  /// Returns true when the user asked to stop (Ctrl-C).
  var isInterrupted: () -> Bool = { false }
  /// When the current run must stop, if it has a time limit.
  var deadline: ContinuousClock.Instant?
  private var timeLimitSeconds = 0.0
  private var checksSinceClock = 0
  /// The lowest address of the running thread's stack, to stop recursion that would
  /// overflow it.
  private var stackFloor: UInt?

  /// The stack, in bytes, that nested calls must leave free.
  static let stackReserve: UInt = 512 * 1024

  init(write: @escaping (String) -> Void, formatter: ValueFormatter, maximumCallDepth: Int) {
    self.write = write
    self.formatter = formatter
    self.maximumCallDepth = maximumCallDepth
  }

  /// Sets or clears the time limit for the run that starts now.
  func startRun(timeLimit seconds: Double?) {
    callDepth = 0
    stackFloor = StackSpace.currentThreadFloor()
    if let seconds {
      timeLimitSeconds = seconds
      deadline = .now + .milliseconds(Int64(seconds * 1000))
    } else {
      deadline = nil
    }
  }

  /// Stops the program when the user pressed Ctrl-C or the time limit has passed.
  ///
  /// Called at every loop iteration and call; the clock is read only every 4096th
  /// time, as it costs more than the rest of the check.
  @inline(__always)
  func checkpoint() throws {
    if isInterrupted() { throw RuntimeError.interrupted }
    guard let deadline else { return }
    checksSinceClock &+= 1
    if checksSinceClock & 4095 == 0 && ContinuousClock.now > deadline {
      throw RuntimeError.timeLimitExceeded(seconds: timeLimitSeconds)
    }
  }

  /// Runs `body` as one more nested call, failing cleanly past the depth limit.
  @inline(__always)
  func call<Result>(_ body: () throws -> Result) throws -> Result {
    let stackLeft = stackFloor.map { StackSpace.currentAddress() &- $0 } ?? UInt.max
    guard callDepth < maximumCallDepth, stackLeft > Self.stackReserve else {
      throw RuntimeError.recursionTooDeep
    }
    callDepth += 1
    defer { callDepth -= 1 }
    try checkpoint()
    return try body()
  }
}

/// A runtime error together with the place in the source where it arose.
public struct LocatedError: Error {
  /// What went wrong.
  public let error: RuntimeError
  /// Where: the span of the operation, call or statement that failed.
  public let range: SourceRange
  /// The text the span refers to (a script, REPL entry or notebook cell).
  public let source: Source

  /// The error as a diagnostic for the renderer.
  public var diagnostic: Diagnostic {
    Diagnostic(.error, message: error.description, range: range)
  }
}
