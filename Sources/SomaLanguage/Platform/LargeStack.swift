import Foundation

/// Runs work on a thread with a large stack.
///
/// The interpreter calls itself once per nested Soma call and expression, so deep but
/// legitimate recursion needs more stack than a main thread's usual 8 MiB. The memory
/// is only reserved; pages are touched as the stack actually grows.
public enum LargeStack {
  /// The stack size of the thread: 1 GiB, enough for `Session.maximumCallDepth` calls.
  public static let size = 1 << 30

  /// Runs `body` on a thread with a `size`-byte stack and waits for its result.
  public static func run<Result: Sendable>(_ body: @escaping @Sendable () -> Result) -> Result {
    let box = ResultBox<Result>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      box.value = body()
      done.signal()
    }
    thread.stackSize = size
    thread.start()
    done.wait()
    guard let value = box.value else { preconditionFailure("large-stack thread gave no result") }
    return value
  }
}

/// Carries a result from the worker thread; the semaphore orders the write before
/// the read.
private final class ResultBox<Value>: @unchecked Sendable {
  var value: Value?
}
