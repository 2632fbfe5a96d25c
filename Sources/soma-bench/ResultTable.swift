import Foundation

/// One measured comparison: Soma's time, a reference time, their ratio and its target.
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
  /// The ratio the issue asks for, if any.
  let target: Double?

  enum RatioKind {
    /// reference time / Soma time: Soma's throughput as a multiple of the reference's.
    case throughput
    /// Soma time / reference time: how many times longer Soma takes.
    case slowdown
  }

  var ratio: Double {
    switch kind {
    case .throughput: return referenceSeconds / somaSeconds
    case .slowdown: return somaSeconds / referenceSeconds
    }
  }

  /// Whether the ratio meets its target; `nil` when there is none.
  var meetsTarget: Bool? {
    guard let target else { return nil }
    switch kind {
    case .throughput: return ratio >= target
    case .slowdown: return ratio <= target
    }
  }
}

/// Prints comparisons as an aligned plain-text table.
enum ResultTable {
  static func render(_ rows: [Comparison]) -> String {
    let header = ["benchmark", "soma", "reference", "ratio", "target", ""]
    let body = rows.map { row -> [String] in
      let sign = row.kind == .throughput ? ">=" : "<="
      return [
        row.name, milliseconds(row.somaSeconds),
        "\(milliseconds(row.referenceSeconds)) \(row.reference)",
        String(format: "%.2f", row.ratio) + (row.kind == .throughput ? "x thru" : "x time"),
        row.target.map { "\(sign) " + String(format: "%.2f", $0) } ?? "",
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
