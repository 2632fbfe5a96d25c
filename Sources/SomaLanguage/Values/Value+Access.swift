import SomaAutodiff
import SomaTensor

/// Reading values as conditions, indices, sequences and containers.
extension Value {
  /// The value as a condition: a boolean, or a single number where non-zero is true.
  ///
  /// - Throws: `RuntimeError.wrongType` naming `context` (`if`, `while`, `and`, ...).
  func isTrue(context: String) throws -> Bool {
    switch self {
    case .boolean(let flag): return flag
    case .number(let number): return number != 0
    case .tensor(let tensor) where tensor.value.count == 1: return tensor.value.scalars[0] != 0
    default:
      throw RuntimeError.wrongType(
        context: "'\(context)'", expected: "true or false", got: typeDescription)
    }
  }

  /// The value as a whole number, for indices, counts and axes.
  ///
  /// - Throws: `RuntimeError.wrongType` naming `context` for anything else.
  func integer(context: String) throws -> Int {
    guard let number = trackedTensor?.value.scalar, number.rounded() == number,
      abs(number) < 1e15
    else {
      throw RuntimeError.wrongType(context: context, expected: "a whole number", got: describe)
    }
    return Int(number)
  }

  /// `typeName`, or the number itself for a non-whole number, for error messages.
  private var describe: String {
    if let number = trackedTensor?.value.scalar {
      return "number \(ValueFormatter.plain.inline(.number(number)))"
    }
    return typeDescription
  }

  /// `value[i, j]`: an element or slice of a tensor, or an item of a tuple.
  func element(at indices: [TensorIndex]) throws -> Value {
    switch self {
    case .tensor(let tensor):
      return .wrap(try tensor.indexed(by: indices))
    case .number:
      throw RuntimeError.wrongType(
        context: "indexing", expected: "a tensor or tuple", got: "number")
    case .tuple(let items):
      guard indices.count == 1, case .at(let index) = indices[0] else {
        throw RuntimeError.invalidArgument(
          function: "index", message: "a tuple takes one whole-number index")
      }
      let resolved = index < 0 ? index + items.count : index
      guard items.indices.contains(resolved) else {
        throw RuntimeError.tensor(.indexOutOfRange(index: index, axis: 0, size: items.count))
      }
      return items[resolved]
    default:
      throw RuntimeError.wrongType(
        context: "indexing", expected: "a tensor or tuple", got: typeName)
    }
  }

  /// `value[i, j] = new`: a copy of this tensor with the indexed elements replaced.
  func replacing(_ indices: [TensorIndex], with newValue: Value) throws -> Value {
    guard case .tensor(let tensor) = self else {
      throw RuntimeError.wrongType(
        context: "assigning to elements", expected: "a tensor", got: typeName)
    }
    guard let replacement = newValue.trackedTensor else {
      throw RuntimeError.wrongType(
        context: "assigning to elements", expected: "a number or tensor", got: newValue.typeName)
    }
    return .wrap(try tensor.replacing(indices, with: replacement))
  }

  /// `record.name`.
  func field(_ name: String) throws -> Value {
    guard case .record(let record) = self else {
      throw RuntimeError.wrongType(
        context: "reading field '\(name)'", expected: "a record", got: typeName)
    }
    guard let value = record[name] else {
      throw RuntimeError.noSuchField(
        field: name, available: record.names,
        suggestion: closestName(to: name, among: record.names))
    }
    return value
  }

  /// The items of a tuple, or the rows of a tensor, to unpack into `count` names.
  func unpacked(count: Int) throws -> [Value] {
    let available = try iterationCount()
    guard available == count else {
      throw RuntimeError.destructuringMismatch(expected: count, got: available)
    }
    return try (0..<count).map(item(at:))
  }

  /// How many times `for` runs over this value: items of a tuple, rows of a tensor.
  func iterationCount() throws -> Int {
    switch self {
    case .tuple(let items): return items.count
    case .tensor(let tensor) where tensor.value.rank > 0: return tensor.shape[0]
    default:
      throw RuntimeError.wrongType(
        context: "'for'", expected: "a tensor or tuple to loop over", got: typeName)
    }
  }

  /// The item `position` of a tuple, or row `position` of a tensor.
  func item(at position: Int) throws -> Value {
    switch self {
    case .tuple(let items):
      return items[position]
    case .tensor(let tensor) where !tensor.isTracked && tensor.value.rank == 1:
      return .number(tensor.value.scalars[position])
    default:
      return try element(at: [.at(position)])
    }
  }

  /// A list literal `[a, b, ...]`: numbers or tensors of one shape are stacked into a
  /// tensor; a list holding anything else, such as `["relu", "sigmoid"]`, is a tuple.
  ///
  /// - Throws: `RuntimeError.raggedTensorLiteral` for tensors of different shapes.
  static func tensorLiteral(_ elements: [Value]) throws -> Value {
    guard elements.allSatisfy(\.isNumeric) else { return .tuple(elements) }
    if elements.isEmpty { return .tensor(TrackedTensor(try Tensor.zeros([0]))) }
    var numbers: [Double] = []
    numbers.reserveCapacity(elements.count)
    for element in elements {
      guard case .number(let number) = element else { break }
      numbers.append(number)
    }
    if numbers.count == elements.count { return .tensor(TrackedTensor(Tensor(numbers))) }
    let parts = elements.compactMap(\.trackedTensor)
    let shapes = parts.map(\.shape)
    if let different = shapes.first(where: { $0 != shapes[0] }) {
      throw RuntimeError.raggedTensorLiteral(first: shapes[0], other: different)
    }
    return .tensor(try TrackedTensor.stack(parts, axis: 0))
  }
}
