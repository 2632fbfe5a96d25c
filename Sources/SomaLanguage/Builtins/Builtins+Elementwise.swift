import Foundation
import SomaAutodiff
import SomaTensor

extension Builtins {
  /// Functions applied element by element, and the two- and three-argument ones that
  /// broadcast their arguments.
  static func elementwise() -> [FunctionValue] {
    [
      unary(
        "abs", "the absolute value |x|", "abs([-2, 3])", { $0.abs() }, number: { $0.magnitude }),
      unary("sign", "-1, 0 or 1 by the sign of x", "sign([-2, 0, 3])", { $0.sign() }),
      unary("exp", "e raised to x", "exp(1)", { $0.exp() }, number: Foundation.exp),
      unary("log", "the natural logarithm", "log(exp(2))", { $0.log() }, number: Foundation.log),
      unary("log1p", "log(1 + x), accurate for small x", "log1p(1e-10)", { $0.log1p() }),
      unary("sqrt", "the square root", "sqrt(2)", { $0.sqrt() }, number: { $0.squareRoot() }),
      unary("square", "x times x", "square([1, 2, 3])", { $0.square() }, number: { $0 * $0 }),
      unary("sin", "the sine (x in radians)", "sin(pi / 2)", { $0.sin() }, number: Foundation.sin),
      unary("cos", "the cosine (x in radians)", "cos(0)", { $0.cos() }, number: Foundation.cos),
      unary(
        "tanh", "the hyperbolic tangent, between -1 and 1", "tanh(0.5)", { $0.tanh() },
        number: Foundation.tanh),
      unary(
        "sigmoid", "1 / (1 + exp(-x)), between 0 and 1", "sigmoid(0)   # 0.5", { $0.sigmoid() }),
      unary(
        "relu", "max(0, x): the rectified linear unit", "relu([-1, 2])   # [0, 2]",
        { $0.relu() }),
      unary("softplus", "log(1 + exp(x)), a smooth relu", "softplus(0)", { $0.softplus() }),
      define(
        "leaky_relu", [required("x"), optional("alpha", .number(0.01))],
        "x where x > 0, alpha·x elsewhere", example: "leaky_relu([-1, 2], alpha=0.1)"
      ) { arguments, _ in
        let alpha = try arguments[1].number("leaky_relu", "alpha")
        return .wrap(try arguments[0].tensor("leaky_relu", "x").leakyRelu(alpha: alpha))
      },
      define(
        "clamp", [required("x"), optional("min", .nothing), optional("max", .nothing)],
        "x limited to the range [min, max]", example: "clamp([-2, 0.5, 3], min=0, max=1)"
      ) { arguments, _ in
        let low = try arguments[1].optionalNumber("clamp", "min")
        let high = try arguments[2].optionalNumber("clamp", "max")
        return .wrap(try arguments[0].tensor("clamp", "x").clamped(min: low, max: high))
      },
      binary("pow", "x raised to the power y, the same as x ^ y", "pow(2, [1, 2, 3])") {
        try TrackedTensor.pow($0, $1)
      },
      binary("maximum", "the larger of x and y, element by element", "maximum([1, 5], 3)") {
        try TrackedTensor.maximum($0, $1)
      },
      binary("minimum", "the smaller of x and y, element by element", "minimum([1, 5], 3)") {
        try TrackedTensor.minimum($0, $1)
      },
      define(
        "where", [required("condition"), required("x"), required("y")],
        "x where condition is true (non-zero), y elsewhere",
        example: "where([1, 0, 1], [1, 2, 3], 0)   # [1, 0, 3]"
      ) { arguments, _ in
        let condition: TrackedTensor
        if case .boolean(let flag) = arguments[0] {
          condition = TrackedTensor(flag ? 1 : 0)
        } else {
          condition = try arguments[0].tensor("where", "condition")
        }
        return .wrap(
          try TrackedTensor.select(
            condition, try arguments[1].tensor("where", "x"), try arguments[2].tensor("where", "y"))
        )
      },
    ]
  }

  /// A one-argument elementwise builtin; `number`, when given, computes a plain number
  /// directly (with the same formula as the tensor version, checked by the tests).
  private static func unary(
    _ name: String, _ summary: String, _ example: String,
    _ tensor: @escaping (TrackedTensor) throws -> TrackedTensor,
    number: ((Double) -> Double)? = nil
  ) -> FunctionValue {
    define(name, [required("x")], summary, example: example, numberFunction: number) {
      arguments, _ in
      if let number, case .number(let x) = arguments[0] { return .number(number(x)) }
      return .wrap(try tensor(try arguments[0].tensor(name, "x")))
    }
  }

}
