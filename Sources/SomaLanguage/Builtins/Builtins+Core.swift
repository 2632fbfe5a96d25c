import SomaAutodiff
import SomaTensor

extension Builtins {
  /// Printing, sizes, ranges, the random seed and help.
  static func core() -> [FunctionValue] {
    [
      define(
        "print", [required("values")], variadic: "values",
        "writes its arguments separated by spaces, then a new line",
        example: "print(\"loss\", 0.25)"
      ) { arguments, runtime in
        guard case .tuple(let values) = arguments[0] else { return .nothing }
        runtime.write(values.map(runtime.formatter.printed).joined(separator: " ") + "\n")
        return .nothing
      },
      define(
        "len", [required("x")], "the number of items of a tuple or record, rows of a tensor",
        example: "len([[1, 2], [3, 4], [5, 6]])   # 3"
      ) { arguments, _ in
        switch arguments[0] {
        case .tuple(let items): return .number(Double(items.count))
        case .record(let record): return .number(Double(record.names.count))
        case .string(let text): return .number(Double(text.count))
        default: return .number(Double(try arguments[0].iterationCount()))
        }
      },
      define(
        "shape", [required("x")], "the size of each axis of a tensor, as a tuple",
        example: "shape(zeros(2, 3))   # (2, 3)"
      ) { arguments, _ in
        let tensor = try arguments[0].tensor("shape", "x")
        return .tuple(tensor.shape.map { .number(Double($0)) })
      },
      range,
      define(
        "seed", [required("n")],
        "restarts the random numbers of uniform and normal from seed n, for reproducible runs",
        example: "seed(42); uniform(3)"
      ) { arguments, runtime in
        let value = try arguments[0].integer("seed", "n")
        guard value >= 0 else {
          throw RuntimeError.invalidArgument(function: "seed", message: "the seed must be >= 0")
        }
        runtime.random = RandomGenerator(seed: UInt64(value))
        return .nothing
      },
      define(
        "help", [required("function")], "shows how to call a function, with an example",
        example: "help(sum)"
      ) { arguments, runtime in
        let function = try arguments[0].function("help", "function")
        runtime.write(helpText(for: function) + "\n")
        return .nothing
      },
    ]
  }

  /// The builtin `range`; `for` loops over it count without making a tensor.
  static var range: FunctionValue {
    define(
      "range", [required("start"), optional("stop", .nothing), optional("step", .number(1))],
      "the whole numbers from start up to, not including, stop (start is 0 when only stop "
        + "is given)",
      example: "range(5)   # [0, 1, 2, 3, 4]"
    ) { arguments, _ in
      let (start, stop, step) = try rangeBounds(arguments)
      return .tensor(
        TrackedTensor(
          try Tensor.arange(start: Double(start), stop: Double(stop), step: Double(step))))
    }
  }

  /// The start, stop and step of `range` called with `values` (one to three numbers,
  /// or the three bound parameters).
  static func rangeBounds(_ values: [Value]) throws -> (Int, Int, Int) {
    var numbers = try values.compactMap { value -> Int? in
      if case .nothing = value { return nil }
      return try value.integer("range", "bounds")
    }
    if values.count == 3, case .nothing = values[1] { numbers = [0, numbers[0], numbers[1]] }
    switch numbers.count {
    case 1: return (0, numbers[0], 1)
    case 2: return (numbers[0], numbers[1], 1)
    default:
      guard numbers[2] != 0 else {
        throw RuntimeError.invalidArgument(function: "range", message: "the step cannot be 0")
      }
      return (numbers[0], numbers[1], numbers[2])
    }
  }

  /// The help of a function: its signature, summary and example.
  static func helpText(for function: FunctionValue) -> String {
    let signature = function.signature.description(name: function.name)
    guard let documentation = function.documentation else {
      return "\(signature)\n  a function defined in this session"
    }
    return "\(signature)\n  \(documentation.summary)\n  example: \(documentation.example)"
  }
}
