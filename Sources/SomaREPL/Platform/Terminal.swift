#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Facts about the terminal the program runs in.
public enum Terminal {
  /// Whether standard input is a terminal (rather than a file or a pipe).
  public static var isInteractiveInput: Bool { isatty(STDIN_FILENO) != 0 }

  /// The width of the terminal in columns: the window size when standard output is a
  /// terminal, else `$COLUMNS`, else 80.
  public static var width: Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 {
      return Int(size.ws_col)
    }
    if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 {
      return columns
    }
    return 80
  }

  /// Where Soma keeps per-user files such as the REPL history, created on demand.
  ///
  /// `$XDG_DATA_HOME/soma`, else `~/.local/share/soma` (on macOS,
  /// `~/Library/Application Support/soma`). `nil` when there is no home directory.
  public static func dataDirectory() -> String? {
    var base: String
    if let xdg = getenv("XDG_DATA_HOME").map({ String(cString: $0) }), !xdg.isEmpty {
      base = xdg
    } else if let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty {
      #if canImport(Darwin)
        base = home + "/Library/Application Support"
      #else
        base = home + "/.local/share"
      #endif
    } else {
      return nil
    }
    let directory = base + "/soma"
    for path in [base, directory] where access(path, F_OK) != 0 {
      guard mkdir(path, 0o755) == 0 || errno == EEXIST else { return nil }
    }
    return directory
  }
}
