/// Turns numbers and tensors into text the way NumPy prints arrays: one number style
/// for the whole tensor, aligned columns, nested brackets, and `...` for large tensors.
///
/// The output is a pure function of the values and the settings, the same on every
/// platform. Numbers are rounded to `precision` decimals (so 0.1 + 0.2 shows as 0.3);
/// whole numbers print without a point; very large or small magnitudes switch the
/// whole tensor to scientific notation. Output uses commas, so it reads back as a
/// Soma tensor literal.
///
/// ```swift
/// TensorFormatter().format(try Tensor(shape: [2, 2], scalars: [1, 0.5, -2, 3]))
/// // [[ 1.0,  0.5],
/// //  [-2.0,  3.0]]
/// ```
public struct TensorFormatter: Sendable {
  /// Digits after the decimal point, at most, in fixed notation; significant digits
  /// after the first in scientific notation.
  public var precision = 8
  /// Tensors with more elements than this are summarised with `...`.
  public var summaryThreshold = 1000
  /// How many leading and trailing entries of each axis a summary keeps.
  public var edgeItems = 3
  /// Rows longer than this wrap onto continuation lines.
  public var lineWidth = 75

  /// Creates a formatter with NumPy's default settings.
  public init() {}

  /// One number on its own, such as `0.34`, `3`, `1.5e-10` or `nan`.
  public func format(_ number: Double) -> String {
    let style = NumberStyle(for: [number], precision: precision)
    return style.format(number)
  }

  /// A whole tensor; a rank-0 tensor prints as its number.
  public func format(_ tensor: Tensor) -> String {
    if tensor.rank == 0 { return format(tensor.scalars[0]) }
    let summarise = tensor.count > summaryThreshold
    let shown = summarise ? summarisedValues(tensor) : tensor.scalars
    let style = NumberStyle(for: shown, precision: precision)
    let width = shown.map { style.format($0).count }.max() ?? 0
    let layout = Layout(
      tensor: tensor, summarise: summarise, edgeItems: edgeItems, lineWidth: lineWidth
    ) { value in
      let text = style.format(value)
      return String(repeating: " ", count: width - text.count) + text
    }
    return layout.render()
  }

  /// The elements a summary will show, for choosing the number style from them alone.
  private func summarisedValues(_ tensor: Tensor) -> [Double] {
    var values: [Double] = []
    let layout = Layout(
      tensor: tensor, summarise: true, edgeItems: edgeItems, lineWidth: lineWidth
    ) { value in
      values.append(value)
      return ""
    }
    _ = layout.render()
    return values
  }
}

extension Tensor: CustomStringConvertible {
  /// The tensor as NumPy would print it, with `TensorFormatter`'s default settings.
  public var description: String { TensorFormatter().format(self) }
}

/// The notation shared by all numbers of one tensor.
private struct NumberStyle {
  private enum Notation {
    case integer
    case fixed(fractionDigits: Int)
    case scientific(mantissaDigits: Int)
  }

  private let notation: Notation
  private let precision: Int

  /// Chooses the notation: whole numbers below 1e16 print as integers, as NumPy prints
  /// integer arrays; otherwise NumPy's float rule: scientific when the largest magnitude
  /// reaches 1e8, the smallest non-zero one is below 1e-4, or they are more than 1e3
  /// apart, and fixed notation with the fewest decimals that show every value.
  init(for values: [Double], precision: Int) {
    self.precision = precision
    let magnitudes = values.filter(\.isFinite).map(\.magnitude).filter { $0 != 0 }
    let largest = magnitudes.max() ?? 0
    let smallest = magnitudes.min() ?? 0
    let finite = values.compactMap(DecimalDigits.init)
    if largest < 1e16 && magnitudes.allSatisfy({ $0.rounded() == $0 }) {
      notation = .integer
    } else if largest >= 1e8 || (smallest > 0 && (smallest < 1e-4 || largest / smallest > 1e3)) {
      let digits = finite.map { $0.rounded(significantDigits: precision + 1) }
      notation = .scientific(mantissaDigits: digits.map(\.mantissaFractionDigits).max() ?? 0)
    } else {
      let digits = finite.map { $0.rounded(fractionDigits: precision) }
      let fraction = digits.map(\.fractionDigits).max() ?? 0
      notation = fraction == 0 ? .integer : .fixed(fractionDigits: fraction)
    }
  }

  func format(_ value: Double) -> String {
    guard let digits = DecimalDigits(value) else {
      return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
    }
    switch notation {
    case .integer:
      return digits.rounded(fractionDigits: 0).fixed(fractionDigits: 0)
    case .fixed(let fractionDigits):
      return digits.rounded(fractionDigits: precision).fixed(fractionDigits: fractionDigits)
    case .scientific(let mantissaDigits):
      return digits.rounded(significantDigits: precision + 1)
        .scientific(mantissaDigits: mantissaDigits)
    }
  }
}

/// Nested brackets around formatted elements, with wrapping and summaries.
private struct Layout {
  let tensor: Tensor
  let summarise: Bool
  let edgeItems: Int
  let lineWidth: Int
  let element: (Double) -> String

  init(
    tensor: Tensor, summarise: Bool, edgeItems: Int, lineWidth: Int,
    element: @escaping (Double) -> String
  ) {
    self.tensor = tensor
    self.summarise = summarise
    self.edgeItems = edgeItems
    self.lineWidth = lineWidth
    self.element = element
  }

  func render() -> String {
    block(axis: 0, offset: 0)
  }

  /// Indices shown along an axis of `size`; `nil` marks the `...` gap.
  private func shownIndices(size: Int) -> [Int?] {
    guard summarise && size > 2 * edgeItems else { return Array(0..<size) }
    return Array(0..<edgeItems) + [nil] + Array((size - edgeItems)..<size)
  }

  /// The text of the sub-tensor starting at `offset` whose first axis is `axis`.
  private func block(axis: Int, offset: Int) -> String {
    let size = tensor.shape[axis]
    let stride = tensor.shape[(axis + 1)...].reduce(1, *)
    let indent = String(repeating: " ", count: axis + 1)
    if axis == tensor.rank - 1 {
      let items = shownIndices(size: size).map { index in
        index.map { element(tensor.scalars[offset + $0]) } ?? "..."
      }
      return "[" + wrap(items, indent: indent) + "]"
    }
    let separator = "," + String(repeating: "\n", count: tensor.rank - axis - 1) + indent
    let parts = shownIndices(size: size).map { index in
      index.map { block(axis: axis + 1, offset: offset + $0 * stride) } ?? "..."
    }
    return "[" + parts.joined(separator: separator) + "]"
  }

  /// Joins items with ", ", starting a new indented line before one would pass the width.
  private func wrap(_ items: [String], indent: String) -> String {
    var text = ""
    var lineLength = indent.count
    for (position, item) in items.enumerated() {
      let piece = position == 0 ? item : ", " + item
      if position > 0 && lineLength + piece.count + 1 > lineWidth {
        text += ",\n" + indent + item
        lineLength = indent.count + item.count
      } else {
        text += piece
        lineLength += piece.count
      }
    }
    return text
  }
}
