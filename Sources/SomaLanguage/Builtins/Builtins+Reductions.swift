import SomaAutodiff
import SomaTensor

extension Builtins {
  /// Reductions over all elements or along one axis, and the softmax family.
  static func reductions() -> [FunctionValue] {
    [
      reduction("sum", "the sum of the elements", "sum([[1, 2], [3, 4]], axis=0)   # [4, 6]") {
        try $0.sum(axis: $1, keepDims: $2)
      },
      reduction("mean", "the arithmetic mean", "mean([1, 2, 3, 4])   # 2.5") {
        try $0.mean(axis: $1, keepDims: $2)
      },
      reduction("max", "the largest element", "max([[1, 5], [3, 2]], axis=1)   # [5, 3]") {
        try $0.max(axis: $1, keepDims: $2)
      },
      reduction("min", "the smallest element", "min([3, 1, 2])   # 1") {
        try $0.min(axis: $1, keepDims: $2)
      },
      reduction(
        "argmax", "the position of the largest element (the first, on ties)",
        "argmax([3, 7, 7])   # 1"
      ) { try $0.argmax(axis: $1, keepDims: $2) },
      reduction(
        "argmin", "the position of the smallest element (the first, on ties)",
        "argmin([3, 1, 2])   # 1"
      ) { try $0.argmin(axis: $1, keepDims: $2) },
      reduction("norm", "the Euclidean length sqrt(sum(x^2))", "norm([3, 4])   # 5") {
        try $0.norm(axis: $1, keepDims: $2)
      },
      reduction(
        "logsumexp", "log(sum(exp(x))), computed without overflow",
        "logsumexp([1000, 1000])   # 1000.69314718"
      ) { try $0.logSumExp(axis: $1, keepDims: $2) },
      spread(
        "var", "the variance: the mean squared distance from the mean (divided by n - correction)",
        "var([1, 2, 3, 4])   # 1.25"
      ) { try $0.variance(axis: $1, keepDims: $2, correction: $3) },
      spread(
        "std", "the standard deviation: the square root of var",
        "std([1, 2, 3, 4], correction=1)"
      ) { try $0.standardDeviation(axis: $1, keepDims: $2, correction: $3) },
      define(
        "softmax", [required("x"), optional("axis", .number(-1))],
        "exp(x) / sum(exp(x)) along an axis: positive numbers that add up to 1",
        example: "softmax([1, 2, 3])"
      ) { arguments, _ in
        let axis = try arguments[1].integer("softmax", "axis")
        return .wrap(try arguments[0].tensor("softmax", "x").softmax(axis: axis))
      },
      define(
        "log_softmax", [required("x"), optional("axis", .number(-1))],
        "log(softmax(x)), computed without overflow", example: "log_softmax([1, 2, 3])"
      ) { arguments, _ in
        let axis = try arguments[1].integer("log_softmax", "axis")
        return .wrap(try arguments[0].tensor("log_softmax", "x").logSoftmax(axis: axis))
      },
    ]
  }

  /// The parameters every reduction takes.
  private static var reductionParameters: [Signature.Parameter] {
    [required("x"), optional("axis", .nothing), optional("keepdims", .boolean(false))]
  }

  private static func reduction(
    _ name: String, _ summary: String, _ example: String,
    _ reduce: @escaping (TrackedTensor, Int?, Bool) throws -> TrackedTensor
  ) -> FunctionValue {
    define(
      name, reductionParameters, summary + ", over all elements or along axis", example: example
    ) { arguments, _ in
      let axis = try arguments[1].optionalInteger(name, "axis")
      let keepDims = try arguments[2].boolean(name, "keepdims")
      return .wrap(try reduce(try arguments[0].tensor(name, "x"), axis, keepDims))
    }
  }

  private static func spread(
    _ name: String, _ summary: String, _ example: String,
    _ reduce: @escaping (TrackedTensor, Int?, Bool, Int) throws -> TrackedTensor
  ) -> FunctionValue {
    define(
      name, reductionParameters + [optional("correction", .number(0))],
      summary + ", over all elements or along axis", example: example
    ) { arguments, _ in
      let axis = try arguments[1].optionalInteger(name, "axis")
      let keepDims = try arguments[2].boolean(name, "keepdims")
      let correction = try arguments[3].integer(name, "correction")
      return .wrap(try reduce(try arguments[0].tensor(name, "x"), axis, keepDims, correction))
    }
  }
}
