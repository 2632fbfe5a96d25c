import SomaAutodiff
import SomaTensor

/// A value of the Soma language.
///
/// Plain numbers stay unboxed (`number`), so scalar loops never touch the tensor
/// machinery; a number becomes a tensor only when it meets one, or when a gradient
/// transform tracks it. Untracked rank-0 results of tensor operations turn back into
/// plain numbers (see `Value.wrap`).
public enum Value {
  /// A plain number.
  case number(Double)
  /// `true` or `false`.
  case boolean(Bool)
  /// Text, such as a plot title.
  case string(String)
  /// A tensor, possibly tracked by a running gradient transform.
  case tensor(TrackedTensor)
  /// A fixed-length group of values: `(a, b)`.
  case tuple([Value])
  /// Named fields: `{lr: 0.1, epochs: 10}`.
  case record(Record)
  /// A function: built in, defined by the user, or made by a transform such as `grad`.
  case function(FunctionValue)
  /// The result of statements and of functions that return nothing; never shown.
  case nothing

  /// The value of a tensor operation's result: a plain number when it is an untracked
  /// rank-0 tensor, a tensor otherwise.
  public static func wrap(_ tensor: TrackedTensor) -> Value {
    if !tensor.isTracked && tensor.value.rank == 0 { return .number(tensor.value.scalars[0]) }
    return .tensor(tensor)
  }

  /// Wraps an untracked tensor the same way.
  public static func wrap(_ tensor: Tensor) -> Value {
    wrap(TrackedTensor(tensor))
  }

  /// What kind of value this is, as a student would name it in an error message.
  public var typeName: String {
    switch self {
    case .number: return "number"
    case .boolean: return "boolean"
    case .string: return "string"
    case .tensor(let t): return t.value.rank == 0 ? "number" : "tensor"
    case .tuple: return "tuple"
    case .record: return "record"
    case .function: return "function"
    case .nothing: return "nothing"
    }
  }

  /// A short description of the type with its shape, for `:vars`: `tensor (2, 3)`.
  public var typeDescription: String {
    switch self {
    case .tensor(let t) where t.value.rank > 0: return "tensor \(formatShape(t.shape))"
    case .tuple(let items): return "tuple of \(items.count)"
    case .record(let record): return "record {\(record.names.joined(separator: ", "))}"
    default: return typeName
    }
  }
}

/// An ordered set of named values, as written in `{lr: 0.1, epochs: 10}`.
public struct Record {
  /// The field names in the order they were written.
  public private(set) var names: [String]
  /// The values, in the order of `names`.
  public private(set) var values: [Value]

  /// Creates a record from name-value pairs; a repeated name keeps its last value.
  public init(_ fields: [(String, Value)] = []) {
    names = []
    values = []
    for (name, value) in fields { self[name] = value }
  }

  /// The value of a field, or `nil` when there is no such field.
  public subscript(name: String) -> Value? {
    get { names.firstIndex(of: name).map { values[$0] } }
    set {
      if let index = names.firstIndex(of: name) {
        if let newValue {
          values[index] = newValue
        } else {
          names.remove(at: index)
          values.remove(at: index)
        }
      } else if let newValue {
        names.append(name)
        values.append(newValue)
      }
    }
  }
}
