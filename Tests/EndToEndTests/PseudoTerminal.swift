#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A program running on a pseudo-terminal, driven like a person at a keyboard.
///
/// The program gets the terminal as its controlling terminal, so it sees a real
/// tty (readline, window size) and Ctrl-C typed here reaches it as SIGINT. The
/// program is killed when the terminal is released, so a failing test leaves no
/// process behind.
final class PseudoTerminal {
  private let master: Int32
  private let processID: pid_t
  private var buffer: [UInt8] = []
  /// The exit status once `waitForExit` has collected it.
  private var exitStatus: Int32?

  /// Everything the program has written so far, as text.
  var output: String { String(decoding: buffer, as: UTF8.self) }

  /// `POSIX_SPAWN_SETSID`, which Swift's Glibc module hides (it needs _GNU_SOURCE).
  #if os(Linux)
    private static let newSession: Int32 = 0x80
  #else
    private static let newSession = Int32(POSIX_SPAWN_SETSID)
  #endif

  /// How many bytes the program has written so far: a position for `waitFor`.
  var position: Int { buffer.count }

  /// Starts `executable` with `arguments` and `environment` on a new terminal.
  init(executable: String, arguments: [String], environment: [String: String]) throws {
    let (master, slavePath) = try Self.openTerminal()
    self.master = master

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // A new session, so that opening the terminal below makes it the controlling one;
    // SIGINT at its default action and unblocked, whatever the test runner did with it.
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var defaultSignals = sigset_t()
    sigemptyset(&defaultSignals)
    sigaddset(&defaultSignals, SIGINT)
    sigaddset(&defaultSignals, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
    posix_spawnattr_setflags(
      &attributes, Int16(Self.newSession | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard status == 0 else {
      close(master)
      throw PseudoTerminalError.cannotStart(executable, status)
    }
    processID = pid
  }

  /// Opens a 100 x 40 terminal; returns the master's descriptor and the slave's path.
  private static func openTerminal() throws -> (master: Int32, slavePath: String) {
    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(ws_row: 40, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else {
      throw PseudoTerminalError.cannotOpen
    }
    // Closed on exec, so that programs started by tests running in parallel do not
    // hold each other's terminals open. The child opens the slave anew by its path.
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
    defer { close(slave) }
    var name = [CChar](repeating: 0, count: 256)
    guard ttyname_r(slave, &name, name.count) == 0 else {
      close(master)
      throw PseudoTerminalError.cannotOpen
    }
    let nameBytes = name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return (master, String(decoding: nameBytes, as: UTF8.self))
  }

  deinit {
    if exitStatus == nil {
      kill(processID, SIGKILL)
      var status: Int32 = 0
      while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
    }
    close(master)
  }

  /// Types `text` as keystrokes (use "\r" for Enter, "\u{3}" for Ctrl-C, "\t" for Tab).
  func type(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
      if written > 0 {
        bytes = bytes.dropFirst(written)
      } else if written < 0 && errno != EINTR && errno != EAGAIN {
        return
      }
    }
  }

  /// Waits until the output contains `text` after `position`, returning the position
  /// just past it.
  ///
  /// - Throws: `PseudoTerminalError.timedOut` with the output so far.
  @discardableResult
  func waitFor(_ text: String, after position: Int = 0, seconds: Double = 30) throws -> Int {
    let needle = Array(text.utf8)
    let deadline = monotonicSeconds() + seconds
    while true {
      if let found = find(needle, from: position) { return found + needle.count }
      let remaining = deadline - monotonicSeconds()
      guard remaining > 0 else { throw PseudoTerminalError.timedOut(waitingFor: text, output) }
      readAvailable(timeout: min(remaining, 0.1))
    }
  }

  /// The output between two positions, as text.
  func output(from start: Int, to end: Int) -> String {
    String(decoding: buffer[start..<min(end, buffer.count)], as: UTF8.self)
  }

  /// Waits for the program to exit and returns its exit status, or -1 when a signal
  /// ended it.
  func waitForExit(seconds: Double = 30) throws -> Int32 {
    if let exitStatus { return exitStatus }
    let deadline = monotonicSeconds() + seconds
    var status: Int32 = 0
    while waitpid(processID, &status, WNOHANG) == 0 {
      guard monotonicSeconds() < deadline else {
        throw PseudoTerminalError.timedOut(waitingFor: "exit", output)
      }
      readAvailable(timeout: 0.05)
    }
    readAvailable(timeout: 0.05)
    let result = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    exitStatus = result
    return result
  }

  private func readAvailable(timeout: Double) {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, Int32(timeout * 1000)) > 0 else { return }
    var chunk = [UInt8](repeating: 0, count: 4096)
    let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
    if count > 0 {
      buffer += chunk[..<count]
    } else {
      // The program closed the terminal (it exited): nothing more will come, so wait
      // out the timeout instead of spinning on the hang-up.
      usleep(useconds_t(timeout * 1_000_000))
    }
  }

  private func find(_ needle: [UInt8], from start: Int) -> Int? {
    guard start + needle.count <= buffer.count else { return nil }
    var index = start
    while index + needle.count <= buffer.count {
      if buffer[index..<index + needle.count].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }

  private func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
  }
}

enum PseudoTerminalError: Error, CustomStringConvertible {
  case cannotOpen
  case cannotStart(String, Int32)
  case timedOut(waitingFor: String, String)

  var description: String {
    switch self {
    case .cannotOpen: return "could not open a pseudo-terminal"
    case .cannotStart(let path, let status): return "could not start \(path) (error \(status))"
    case .timedOut(let text, let output):
      return "timed out waiting for \(text.debugDescription); output so far:\n"
        + output.debugDescription
    }
  }
}
