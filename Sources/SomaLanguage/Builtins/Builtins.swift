import SomaAutodiff
import SomaTensor

/// The functions every Soma session starts with.
///
/// Each builtin has a signature (so calls are checked in one place), a one-sentence
/// summary and an example for `help`. They are grouped by concern in the
/// `Builtins+*.swift` files and made afresh for each session.
enum Builtins {
  /// Every builtin, in the order `help` lists them.
  static func all() -> [FunctionValue] {
    core() + creation() + elementwise() + reductions() + shapes() + linearAlgebra()
      + transforms() + plots()
  }

  /// Makes one builtin.
  static func define(
    _ name: String, _ parameters: [Signature.Parameter], variadic: String? = nil,
    _ summary: String, example: String, numberFunction: ((Double) -> Double)? = nil,
    _ body: @escaping (_ arguments: [Value], _ runtime: Runtime) throws -> Value
  ) -> FunctionValue {
    FunctionValue(
      name: name, signature: Signature(parameters, variadic: variadic),
      documentation: Documentation(summary: summary, example: example), isBuiltin: true,
      numberFunction: numberFunction, body: body)
  }

  /// A builtin of two tensors, named `a` and `b` in its signature.
  static func binary(
    _ name: String, _ summary: String, _ example: String,
    _ combine: @escaping (TrackedTensor, TrackedTensor) throws -> TrackedTensor
  ) -> FunctionValue {
    define(name, [required("a"), required("b")], summary, example: example) { arguments, _ in
      .wrap(try combine(try arguments[0].tensor(name, "a"), try arguments[1].tensor(name, "b")))
    }
  }

  /// A required parameter.
  static func required(_ name: String) -> Signature.Parameter {
    Signature.Parameter(name)
  }

  /// An optional parameter with its default.
  static func optional(_ name: String, _ value: Value) -> Signature.Parameter {
    Signature.Parameter(name, default: value)
  }
}
