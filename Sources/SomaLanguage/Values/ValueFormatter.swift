import SomaTensor

/// Turns values into the text the REPL, `print` and notebooks show.
///
/// Numbers and tensors use `TensorFormatter` (NumPy's style, the same text on every
/// platform). Nested values indent their continuation lines under their opening
/// bracket, so a record of matrices stays readable.
public struct ValueFormatter: Sendable {
  /// How numbers and tensors are written.
  public var tensorFormatter: TensorFormatter

  /// A formatter with the default number style.
  public static let plain = ValueFormatter()

  /// Creates a formatter that writes tensors with `tensorFormatter`.
  public init(tensorFormatter: TensorFormatter = TensorFormatter()) {
    self.tensorFormatter = tensorFormatter
  }

  /// The value as the REPL shows a result: strings in quotes.
  public func display(_ value: Value) -> String {
    format(value, quoteStrings: true)
  }

  /// The value as `print` writes it: strings as they are.
  public func printed(_ value: Value) -> String {
    format(value, quoteStrings: false)
  }

  /// A one-line form for signatures and messages.
  func inline(_ value: Value) -> String {
    switch value {
    case .nothing: return "none"
    default:
      return display(value).split(separator: "\n").map {
        $0.trimmingLeadingSpaces()
      }.joined(separator: " ")
    }
  }

  private func format(_ value: Value, quoteStrings: Bool) -> String {
    switch value {
    case .number(let number): return tensorFormatter.format(number)
    case .boolean(let flag): return flag ? "true" : "false"
    case .string(let text): return quoteStrings ? quoted(text) : text
    case .tensor(let tensor): return tensorFormatter.format(tensor.value)
    case .nothing: return ""
    case .function(let function):
      return "<function \(function.signature.description(name: function.name))>"
    case .tuple(let items):
      let parts = items.map { format($0, quoteStrings: true) }
      let body = joined(parts, prefixes: Array(repeating: "", count: parts.count))
      return "(" + body + (items.count == 1 ? ",)" : ")")
    case .record(let record):
      let parts = record.values.map { format($0, quoteStrings: true) }
      return "{" + joined(parts, prefixes: record.names.map { "\($0): " }) + "}"
    }
  }

  /// Joins `prefix + part` items with ", ", or one per line (aligned under the opening
  /// bracket) when any part spans several lines.
  private func joined(_ parts: [String], prefixes: [String]) -> String {
    let multiline = parts.contains { $0.contains("\n") }
    let items = zip(prefixes, parts).map { prefix, part in
      let indent = String(repeating: " ", count: prefix.count + 1)
      return prefix + part.replacingNewlines(with: "\n" + indent)
    }
    return items.joined(separator: multiline ? ",\n " : ", ")
  }

  private func quoted(_ text: String) -> String {
    var result = "\""
    for character in text {
      switch character {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      default: result.append(character)
      }
    }
    return result + "\""
  }
}

extension StringProtocol {
  fileprivate func trimmingLeadingSpaces() -> Substring {
    let text = Substring(self)
    return text.drop { $0 == " " }
  }

  fileprivate func replacingNewlines(with replacement: String) -> String {
    split(separator: "\n", omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
