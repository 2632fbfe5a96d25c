import SomaAutodiff
import SomaTensor

extension Builtins {
  /// Tensors made from a shape: constants, identities, ranges and random draws.
  static func creation() -> [FunctionValue] {
    [
      define(
        "zeros", [required("shape")], variadic: "shape", "a tensor of zeros of the given shape",
        example: "zeros(2, 3)"
      ) { arguments, _ in
        .tensor(TrackedTensor(try Tensor.zeros(try arguments[0].integers("zeros", "shape"))))
      },
      define(
        "ones", [required("shape")], variadic: "shape", "a tensor of ones of the given shape",
        example: "ones(3)"
      ) { arguments, _ in
        .tensor(TrackedTensor(try Tensor.ones(try arguments[0].integers("ones", "shape"))))
      },
      define(
        "full", [required("shape"), required("value")],
        "a tensor of the given shape with every element set to value",
        example: "full((2, 2), 7)"
      ) { arguments, _ in
        let shape = try arguments[0].integers("full", "shape")
        let value = try arguments[1].number("full", "value")
        return .tensor(TrackedTensor(try Tensor.full(shape, value: value)))
      },
      define(
        "eye", [required("n")], "the n×n identity matrix", example: "eye(3)"
      ) { arguments, _ in
        .tensor(TrackedTensor(try Tensor.eye(try arguments[0].integer("eye", "n"))))
      },
      define(
        "arange", [required("start"), optional("stop", .nothing), optional("step", .number(1))],
        "numbers from start up to, not including, stop in steps of step (start is 0 when "
          + "only one bound is given)",
        example: "arange(0, 1, 0.25)   # [0.00, 0.25, 0.50, 0.75]"
      ) { arguments, _ in
        let first = try arguments[0].number("arange", "start")
        let step = try arguments[2].number("arange", "step")
        guard let stop = try arguments[1].optionalNumber("arange", "stop") else {
          return .tensor(TrackedTensor(try Tensor.arange(stop: first, step: step)))
        }
        return .tensor(TrackedTensor(try Tensor.arange(start: first, stop: stop, step: step)))
      },
      define(
        "linspace", [required("start"), required("stop"), optional("count", .number(50))],
        "count evenly spaced numbers from start to stop, both included",
        example: "linspace(0, 1, 5)   # [0.00, 0.25, 0.50, 0.75, 1.00]"
      ) { arguments, _ in
        .tensor(
          TrackedTensor(
            try Tensor.linspace(
              start: try arguments[0].number("linspace", "start"),
              stop: try arguments[1].number("linspace", "stop"),
              count: try arguments[2].integer("linspace", "count"))))
      },
      define(
        "uniform", [required("shape"), optional("low", .number(0)), optional("high", .number(1))],
        variadic: "shape",
        "random numbers drawn evenly from [low, high), from the session's seeded generator",
        example: "seed(0); uniform(2, 2, low=-1, high=1)"
      ) { arguments, runtime in
        let shape = try arguments[0].integers("uniform", "shape")
        let low = try arguments[1].number("uniform", "low")
        let high = try arguments[2].number("uniform", "high")
        return .wrap(try Tensor.uniform(shape, low: low, high: high, using: &runtime.random))
      },
      define(
        "normal", [required("shape"), optional("mean", .number(0)), optional("std", .number(1))],
        variadic: "shape",
        "random numbers from a normal distribution, from the session's seeded generator",
        example: "seed(0); normal(3, mean=0, std=0.1)"
      ) { arguments, runtime in
        let shape = try arguments[0].integers("normal", "shape")
        let mean = try arguments[1].number("normal", "mean")
        let spread = try arguments[2].number("normal", "std")
        return .wrap(
          try Tensor.normal(shape, mean: mean, standardDeviation: spread, using: &runtime.random))
      },
    ]
  }
}
