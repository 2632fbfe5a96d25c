import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-C as a flag instead of the end of the process.
///
/// While installed, SIGINT only raises the flag; the line reader abandons the line
/// being typed and the interpreter stops a running computation when it sees it.
///
/// The kernel may deliver SIGINT to any thread, not necessarily the one waiting for
/// a key, so the handler also writes a byte to a pipe: a thread waiting in `poll` on
/// `wakeUpDescriptor` wakes up at once, with no window in which the signal is missed.
public enum InterruptSignal {
  private static let raised = Atomic<Bool>(false)
  /// The read and write ends of the wake-up pipe; -1 until `install` made it.
  private static let wakeUpReader = Atomic<Int32>(-1)
  private static let wakeUpWriter = Atomic<Int32>(-1)

  /// Routes SIGINT to the flag from now on.
  public static func install() {
    var ends: [Int32] = [-1, -1]
    if wakeUpReader.load(ordering: .relaxed) < 0 && pipe(&ends) == 0 {
      for end in ends {
        _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
      }
      wakeUpReader.store(ends[0], ordering: .relaxed)
      wakeUpWriter.store(ends[1], ordering: .relaxed)
    }
    raised.store(false, ordering: .relaxed)
    signal(SIGINT) { _ in
      InterruptSignal.raised.store(true, ordering: .relaxed)
      let writer = InterruptSignal.wakeUpWriter.load(ordering: .relaxed)
      guard writer >= 0 else { return }
      // Only async-signal-safe calls here; errno is kept for the interrupted code.
      let savedError = errno
      var byte: UInt8 = 1
      _ = write(writer, &byte, 1)
      errno = savedError
    }
  }

  /// A descriptor that becomes readable when Ctrl-C is pressed, to `poll` on next to
  /// the input; `nil` before `install`.
  public static var wakeUpDescriptor: Int32? {
    let reader = wakeUpReader.load(ordering: .relaxed)
    return reader >= 0 ? reader : nil
  }

  /// Clears the flag and says whether it had been raised.
  ///
  /// Cheap when the flag is down (one atomic load), as the interpreter calls it at
  /// every loop step.
  public static func consume() -> Bool {
    guard raised.load(ordering: .relaxed) else { return false }
    drainWakeUps()
    return raised.exchange(false, ordering: .relaxed)
  }

  /// Empties the wake-up pipe, so that `poll` waits again until the next Ctrl-C.
  public static func drainWakeUps() {
    let reader = wakeUpReader.load(ordering: .relaxed)
    guard reader >= 0 else { return }
    var bytes = [UInt8](repeating: 0, count: 64)
    while bytes.withUnsafeMutableBytes({ read(reader, $0.baseAddress, $0.count) }) > 0 {}
  }
}
