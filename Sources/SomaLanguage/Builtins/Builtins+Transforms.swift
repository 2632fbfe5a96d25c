import SomaAutodiff
import SomaTensor

extension Builtins {
  /// `grad`, `value_and_grad`, `jacobian` and `hessian`: functions that take a function
  /// and return a new one.
  static func transforms() -> [FunctionValue] {
    let argnums = optional("argnums", .number(0))
    return [
      define(
        "grad", [required("f"), argnums],
        "the gradient of f, a function returning one number, as a new function; argnums "
          + "picks the arguments (a position or a tuple of positions, from 0)",
        example: "grad(x -> x^2)(3)   # 6"
      ) { arguments, _ in
        try transform(arguments, name: "grad") { result in result.gradients }
      },
      define(
        "value_and_grad", [required("f"), argnums],
        "like grad, but the new function returns (value, gradient)",
        example: "value_and_grad(x -> x^2)(3)   # (9, 6)"
      ) { arguments, _ in
        try transform(arguments, name: "value_and_grad") { result in
          .tuple([result.value, result.gradients])
        }
      },
      define(
        "jacobian", [required("f"), argnums],
        "the matrix of derivatives of every output of f with respect to every input",
        example: "jacobian(x -> 2 * x)([1, 2])   # [[2, 0], [0, 2]]"
      ) { arguments, _ in
        try jacobianTransform(arguments, name: "jacobian") { .function($0) }
      },
      define(
        "hessian", [required("f"), argnums],
        "the matrix of second derivatives of f, a function returning one number",
        example: "hessian(x -> x[0]^2 * x[1])([1, 2])"
      ) { arguments, _ in
        try jacobianTransform(arguments, name: "hessian") { function in
          try transform([.function(function), arguments[1]], name: "grad") { $0.gradients }
        }
      },
    ]
  }

  /// What one evaluation of a gradient transform found.
  struct GradientResult {
    let value: Value
    let gradients: Value
  }

  /// Makes the function `grad(f)` (or a relative): it flattens the chosen arguments
  /// into tensors, differentiates `f` with respect to them, and rebuilds the gradients
  /// in the shape of the arguments.
  private static func transform(
    _ arguments: [Value], name: String, result: @escaping (GradientResult) -> Value
  ) throws -> Value {
    let function = try arguments[0].function(name, "f")
    let (positions, single) = try argumentPositions(arguments[1], name: name)
    let signature = Signature([required("arguments")], variadic: "arguments")
    return .function(
      FunctionValue(name: "\(name)(\(function.name))", signature: signature) { bound, runtime in
        guard case .tuple(let values) = bound[0] else { return .nothing }
        let chosen = try DifferentiableArguments(values, positions: positions, function: name)
        let outcome = try valueAndGradient(
          of: { leaves in
            let output = try function.call(chosen.substituting(leaves), context: runtime)
            return try scalarOutput(output, name: name)
          }, at: chosen.leaves)
        let gradients = chosen.rebuild(outcome.gradients)
        return result(
          GradientResult(
            value: .wrap(outcome.value), gradients: single ? gradients[0] : .tuple(gradients)))
      })
  }

  /// Makes `jacobian(f)`, or `hessian(f)` as the Jacobian of `grad(f)`: the function to
  /// take the Jacobian of is `inner(f)`.
  private static func jacobianTransform(
    _ arguments: [Value], name: String, of inner: @escaping (FunctionValue) throws -> Value
  ) throws -> Value {
    let original = try arguments[0].function(name, "f")
    let function = try inner(original).function(name, "f")
    let (positions, single) = try argumentPositions(arguments[1], name: name)
    let signature = Signature([required("arguments")], variadic: "arguments")
    return .function(
      FunctionValue(name: "\(name)(\(original.name))", signature: signature) { bound, runtime in
        guard case .tuple(let values) = bound[0] else { return .nothing }
        let chosen = try DifferentiableArguments(values, positions: positions, function: name)
        let jacobians = try SomaAutodiff.jacobians(
          of: { leaves in
            let output = try function.call(chosen.substituting(leaves), context: runtime)
            return try output.tensor(name, "the function's result")
          }, at: chosen.leaves)
        let rebuilt = chosen.rebuild(jacobians)
        return single ? rebuilt[0] : .tuple(rebuilt)
      })
  }

  /// The argument positions `argnums` names, and whether it named a single one.
  private static func argumentPositions(_ argnums: Value, name: String) throws -> ([Int], Bool) {
    if case .tuple = argnums { return (try argnums.integers(name, "argnums"), false) }
    return ([try argnums.integer(name, "argnums")], true)
  }

  /// The function's result as the one number a gradient is taken of.
  private static func scalarOutput(_ output: Value, name: String) throws -> TrackedTensor {
    guard let tensor = output.trackedTensor else {
      throw RuntimeError.gradientOfNonNumber(type: output.typeName)
    }
    guard tensor.value.count == 1 else {
      throw RuntimeError.autodiff(.nonScalarOutput(shape: tensor.shape))
    }
    return tensor
  }
}

/// The arguments of a differentiated call, with the chosen ones taken apart into the
/// tensors at their leaves: a number, a tensor, or a tuple or record holding them.
struct DifferentiableArguments {
  private let values: [Value]
  private let positions: [Int]
  /// The tensors being differentiated for, in order.
  let leaves: [TrackedTensor]

  init(_ values: [Value], positions: [Int], function: String) throws {
    self.values = values
    self.positions = positions
    var leaves: [TrackedTensor] = []
    for position in positions {
      guard values.indices.contains(position) else {
        throw RuntimeError.autodiff(
          .argumentIndexOutOfRange(index: position, count: values.count))
      }
      try Self.collect(values[position], into: &leaves, function: function)
    }
    self.leaves = leaves
  }

  /// The arguments with the chosen ones' leaves replaced by `leaves`, in order.
  func substituting(_ leaves: [TrackedTensor]) -> [Value] {
    var remaining = leaves[...]
    var result = values
    for position in positions {
      result[position] = Self.replace(values[position], from: &remaining)
    }
    return result
  }

  /// One value per chosen argument, shaped like it, holding `leaves` (gradients).
  func rebuild(_ leaves: [TrackedTensor]) -> [Value] {
    var remaining = leaves[...]
    return positions.map { Self.replace(values[$0], from: &remaining) }
  }

  private static func collect(
    _ value: Value, into leaves: inout [TrackedTensor], function: String
  ) throws {
    switch value {
    case .number, .tensor:
      if let tensor = value.trackedTensor { leaves.append(tensor) }
    case .tuple(let items):
      for item in items { try collect(item, into: &leaves, function: function) }
    case .record(let record):
      for item in record.values { try collect(item, into: &leaves, function: function) }
    default:
      throw RuntimeError.wrongType(
        context: "\(function) differentiating",
        expected: "numbers, tensors, or tuples and records of them", got: value.typeName)
    }
  }

  private static func replace(_ value: Value, from leaves: inout ArraySlice<TrackedTensor>)
    -> Value
  {
    switch value {
    case .number, .tensor:
      return leaves.popFirst().map(Value.wrap) ?? value
    case .tuple(let items):
      return .tuple(items.map { replace($0, from: &leaves) })
    case .record(let record):
      return .record(
        Record(zip(record.names, record.values).map { ($0, replace($1, from: &leaves)) }))
    default:
      return value
    }
  }
}
