/// What a session reports about its own work when asked: traces for people curious
/// about how Soma reads and runs their code, silent by default.
///
/// The programs turn topics on with the environment variable `SOMA_TRACE`, a comma-
/// separated list such as `SOMA_TRACE=parser,timings`, and send traces to standard error.
public enum TraceTopic: String, CaseIterable, Sendable {
  /// The syntax tree of each entry, cell or script, as an S-expression.
  case parser
  /// The graph nodes processed by backward passes during each run.
  case tape
  /// How long parsing, compiling and running took.
  case timings

  /// The topics named in a `SOMA_TRACE` value; unknown names are ignored.
  public static func parse(_ value: String?) -> Set<TraceTopic> {
    guard let value else { return [] }
    if value == "all" { return Set(allCases) }
    return Set(value.split(separator: ",").compactMap { TraceTopic(rawValue: String($0)) })
  }
}

/// A duration in milliseconds to three decimals, such as `12.345 ms`.
public func formatMilliseconds(_ duration: Duration) -> String {
  let milliseconds =
    Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) * 1e-15
  return formatNumber((milliseconds * 1000).rounded() / 1000) + " ms"
}
