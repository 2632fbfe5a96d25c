import SomaAutodiff
import SomaTensor

/// Reading builtin arguments as the Swift types the runtime takes, with errors that
/// name the function and the parameter.
extension Value {
  /// The argument as a tensor; a plain number becomes a rank-0 tensor.
  func tensor(_ function: String, _ parameter: String) throws -> TrackedTensor {
    guard let tensor = trackedTensor else {
      throw RuntimeError.wrongType(
        context: "\(function)()'s argument '\(parameter)'", expected: "a number or tensor",
        got: typeName)
    }
    return tensor
  }

  /// The argument as a plain number.
  func number(_ function: String, _ parameter: String) throws -> Double {
    guard let number = trackedTensor?.value.scalar, trackedTensor?.value.rank == 0 else {
      throw RuntimeError.wrongType(
        context: "\(function)()'s argument '\(parameter)'", expected: "a number",
        got: typeDescription)
    }
    return number
  }

  /// The argument as a whole number.
  func integer(_ function: String, _ parameter: String) throws -> Int {
    try integer(context: "\(function)()'s argument '\(parameter)'")
  }

  /// The argument as a whole number, or `nil` when it was left as `none`.
  func optionalInteger(_ function: String, _ parameter: String) throws -> Int? {
    if case .nothing = self { return nil }
    return try integer(function, parameter)
  }

  /// The argument as a number, or `nil` when it was left as `none`.
  func optionalNumber(_ function: String, _ parameter: String) throws -> Double? {
    if case .nothing = self { return nil }
    return try number(function, parameter)
  }

  /// The argument as `true` or `false`.
  func boolean(_ function: String, _ parameter: String) throws -> Bool {
    guard case .boolean(let flag) = self else {
      throw RuntimeError.wrongType(
        context: "\(function)()'s argument '\(parameter)'", expected: "true or false",
        got: typeName)
    }
    return flag
  }

  /// The argument as a function.
  func function(_ function: String, _ parameter: String) throws -> FunctionValue {
    guard case .function(let callable) = self else {
      throw RuntimeError.wrongType(
        context: "\(function)()'s argument '\(parameter)'", expected: "a function",
        got: typeName)
    }
    return callable
  }

  /// A list of whole numbers, from a tuple of numbers or a vector: a shape or axes.
  ///
  /// A variadic argument arrives as a tuple; when that tuple holds exactly one tuple or
  /// vector, its items are used, so `zeros(2, 3)`, `zeros((2, 3))` and
  /// `zeros(shape(x))` all work.
  func integers(_ function: String, _ parameter: String) throws -> [Int] {
    switch self {
    case .tuple(let items):
      if items.count == 1, case .tuple = items[0] {
        return try items[0].integers(function, parameter)
      }
      if items.count == 1, case .tensor(let t) = items[0], t.value.rank == 1 {
        return try items[0].integers(function, parameter)
      }
      return try items.map { try $0.integer(function, parameter) }
    case .tensor(let tensor) where tensor.value.rank == 1:
      return try tensor.value.scalars.map { try Value.number($0).integer(function, parameter) }
    default:
      return [try integer(function, parameter)]
    }
  }

  /// A list of tensors from a tuple, or the rows of a tensor.
  func tensors(_ function: String, _ parameter: String) throws -> [TrackedTensor] {
    switch self {
    case .tuple(let items):
      return try items.map { try $0.tensor(function, parameter) }
    default:
      throw RuntimeError.wrongType(
        context: "\(function)()'s argument '\(parameter)'", expected: "a tuple of tensors",
        got: typeName)
    }
  }
}
