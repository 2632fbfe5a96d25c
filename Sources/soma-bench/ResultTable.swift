import Foundation

/// One measured comparison: Soma's time, a reference time, their ratio and its target;
/// or, for an `absolute` measurement, Soma's time alone against a time limit.
struct Comparison {
  /// What was measured, such as "matmul 1024 (BLAS)".
  let name: String
  /// Soma's best time in seconds.
  let somaSeconds: Double
  /// The reference's best time in seconds.
  let referenceSeconds: Double
  /// What the reference is: "numpy", or "forward" for a ratio to Soma itself.
  let reference: String
  /// How the ratio is read.
  let kind: RatioKind
  /// The ratio the issue asks for, if any; for `absolute`, the limit in seconds.
  let target: Double?

  enum RatioKind {
    /// reference time / Soma time: Soma's throughput as a multiple of the reference's.
    case throughput
    /// Soma time / reference time: how many times longer Soma takes.
    case slowdown
    /// Soma's time on its own, held to a limit in seconds; there is no reference.
    case absolute
  }

  /// The ratio; for `absolute`, Soma's time in seconds.
  var ratio: Double {
    switch kind {
    case .throughput: return referenceSeconds / somaSeconds
    case .slowdown: return somaSeconds / referenceSeconds
    case .absolute: return somaSeconds
    }
  }

  /// Whether the ratio meets its target; `nil` when there is none.
  var meetsTarget: Bool? {
    guard let target else { return nil }
    switch kind {
    case .throughput: return ratio >= target
    case .slowdown: return ratio <= target
    case .absolute: return ratio < target
    }
  }
}

/// Prints comparisons as an aligned plain-text table.
enum ResultTable {
  static func render(_ rows: [Comparison]) -> String {
    let header = ["benchmark", "soma", "reference", "ratio", "target", ""]
    let body = rows.map { row -> [String] in
      [
        row.name, milliseconds(row.somaSeconds),
        row.kind == .absolute ? "" : "\(milliseconds(row.referenceSeconds)) \(row.reference)",
        ratioText(row), row.target.map { targetText($0, row.kind) } ?? "",
        row.meetsTarget.map { $0 ? "ok" : "MISSED" } ?? "",
      ]
    }
    let table = [header] + body
    let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
    return table.map { cells in
      zip(cells, widths).map { cell, width in
        cell + String(repeating: " ", count: width - cell.count)
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }.joined(separator: "\n")
  }

  private static func ratioText(_ row: Comparison) -> String {
    switch row.kind {
    case .throughput: return String(format: "%.2fx thru", row.ratio)
    case .slowdown: return String(format: "%.2fx time", row.ratio)
    case .absolute: return "-"
    }
  }

  private static func targetText(_ target: Double, _ kind: Comparison.RatioKind) -> String {
    switch kind {
    case .throughput: return String(format: ">= %.2f", target)
    case .slowdown: return String(format: "<= %.2f", target)
    case .absolute: return String(format: "< %.0f ms", target * 1000)
    }
  }

  private static func milliseconds(_ seconds: Double) -> String {
    String(format: "%.3f ms", seconds * 1000)
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
