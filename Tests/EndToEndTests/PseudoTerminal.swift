#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A program running on a pseudo-terminal, driven like a person at a keyboard.
///
/// The program gets the terminal as its controlling terminal, so it sees a real
/// tty (readline, window size) and Ctrl-C typed here reaches it as SIGINT.
final class PseudoTerminal {
  private let master: Int32
  private let processID: pid_t
  private var buffer: [UInt8] = []

  /// Everything the program has written so far, as text.
  var output: String { String(decoding: buffer, as: UTF8.self) }

  /// Starts `executable` with `arguments` and `environment` on a new terminal.
  init(executable: String, arguments: [String], environment: [String: String]) throws {
    master = posix_openpt(O_RDWR | O_NOCTTY)
    guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0,
      let name = ptsname(master)
    else { throw PseudoTerminalError.cannotOpen }
    let slavePath = String(cString: name)
    var size = winsize(ws_row: 40, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // A new session, so that opening the terminal below makes it the controlling one.
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSID))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    posix_spawn_file_actions_addclose(&actions, master)

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard status == 0 else { throw PseudoTerminalError.cannotStart(executable, status) }
    processID = pid
  }

  deinit {
    kill(processID, SIGKILL)
    var status: Int32 = 0
    waitpid(processID, &status, 0)
    close(master)
  }

  /// Types `text` as keystrokes (use "\r" for Enter, "\u{3}" for Ctrl-C, "\t" for Tab).
  func type(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }

  /// Waits until the output contains `text` after `position`, returning the position
  /// just past it.
  ///
  /// - Throws: `PseudoTerminalError.timedOut` with the output so far.
  @discardableResult
  func waitFor(_ text: String, after position: Int = 0, seconds: Double = 20) throws -> Int {
    let needle = Array(text.utf8)
    let deadline = monotonicSeconds() + seconds
    while true {
      if let found = find(needle, from: position) { return found + needle.count }
      let remaining = deadline - monotonicSeconds()
      guard remaining > 0 else { throw PseudoTerminalError.timedOut(waitingFor: text, output) }
      readAvailable(timeout: min(remaining, 0.1))
    }
  }

  /// Waits for the program to exit and returns its exit status.
  func waitForExit(seconds: Double = 20) throws -> Int32 {
    let deadline = monotonicSeconds() + seconds
    var status: Int32 = 0
    while waitpid(processID, &status, WNOHANG) == 0 {
      guard monotonicSeconds() < deadline else {
        throw PseudoTerminalError.timedOut(waitingFor: "exit", output)
      }
      readAvailable(timeout: 0.05)
    }
    readAvailable(timeout: 0.05)
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
  }

  private func readAvailable(timeout: Double) {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, Int32(timeout * 1000)) > 0 else { return }
    var chunk = [UInt8](repeating: 0, count: 4096)
    let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
    if count > 0 { buffer += chunk[..<count] }
  }

  private func find(_ needle: [UInt8], from start: Int) -> Int? {
    guard needle.count <= buffer.count else { return nil }
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
      return "timed out waiting for \(text.debugDescription); output so far:\n\(output)"
    }
  }
}
