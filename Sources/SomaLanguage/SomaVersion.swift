/// The version of Soma, shown by `--version` and the REPL banner.
public enum SomaVersion {
  /// The current release.
  public static let current = "0.1.0"
}
