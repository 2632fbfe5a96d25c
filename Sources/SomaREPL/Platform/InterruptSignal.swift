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
public enum InterruptSignal {
  private static let raised = Atomic<Bool>(false)

  /// Routes SIGINT to the flag from now on.
  public static func install() {
    signal(SIGINT) { _ in InterruptSignal.raised.store(true, ordering: .relaxed) }
  }

  /// Whether Ctrl-C was pressed since the flag was last cleared; leaves it as it is.
  public static var isRaised: Bool { raised.load(ordering: .relaxed) }

  /// Clears the flag and says whether it had been raised.
  public static func consume() -> Bool {
    raised.exchange(false, ordering: .relaxed)
  }
}
