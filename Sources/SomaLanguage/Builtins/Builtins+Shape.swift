import SomaAutodiff
import SomaTensor

extension Builtins {
  /// Rearranging, joining and picking elements.
  static func shapes() -> [FunctionValue] {
    [
      define(
        "reshape", [required("x"), required("shape")], variadic: "shape",
        "the same elements arranged in a new shape; one size may be -1 to be worked out",
        example: "reshape(range(6), 2, 3)"
      ) { arguments, _ in
        let shape = try arguments[1].integers("reshape", "shape")
        return .wrap(try arguments[0].tensor("reshape", "x").reshaped(to: shape))
      },
      define(
        "transpose", [required("x"), required("axes")], variadic: "axes",
        "the axes in reverse order (a matrix's rows become columns), or in the order given",
        example: "transpose([[1, 2, 3]])"
      ) { arguments, _ in
        let tensor = try arguments[0].tensor("transpose", "x")
        let axes = try arguments[1].integers("transpose", "axes")
        return .wrap(axes.isEmpty ? tensor.transposed() : try tensor.permuted(axes))
      },
      define(
        "permute", [required("x"), required("axes")], variadic: "axes",
        "the axes in the order given: permute(x, 2, 0, 1) makes the last axis the first",
        example: "shape(permute(zeros(2, 3, 4), 2, 0, 1))   # (4, 2, 3)"
      ) { arguments, _ in
        let axes = try arguments[1].integers("permute", "axes")
        return .wrap(try arguments[0].tensor("permute", "x").permuted(axes))
      },
      define(
        "squeeze", [required("x"), optional("axis", .nothing)],
        "removes axes of size 1 (all of them, or the one given)",
        example: "shape(squeeze(zeros(1, 3, 1)))   # (3,)"
      ) { arguments, _ in
        let axis = try arguments[1].optionalInteger("squeeze", "axis")
        return .wrap(try arguments[0].tensor("squeeze", "x").squeezed(axis: axis))
      },
      define(
        "unsqueeze", [required("x"), required("axis")], "inserts an axis of size 1 at axis",
        example: "shape(unsqueeze([1, 2, 3], 0))   # (1, 3)"
      ) { arguments, _ in
        let axis = try arguments[1].integer("unsqueeze", "axis")
        return .wrap(try arguments[0].tensor("unsqueeze", "x").unsqueezed(axis: axis))
      },
      define(
        "flatten", [required("x")], "the elements as one long vector, row by row",
        example: "flatten([[1, 2], [3, 4]])"
      ) { arguments, _ in
        .wrap(try arguments[0].tensor("flatten", "x").flattened())
      },
      define(
        "concat", [required("tensors"), optional("axis", .number(0))],
        "joins a tuple of tensors along an existing axis",
        example: "concat(([1, 2], [3]))   # [1, 2, 3]"
      ) { arguments, _ in
        let parts = try arguments[0].tensors("concat", "tensors")
        let axis = try arguments[1].integer("concat", "axis")
        return .wrap(try TrackedTensor.concatenate(parts, axis: axis))
      },
      define(
        "stack", [required("tensors"), optional("axis", .number(0))],
        "joins a tuple of same-shaped tensors along a new axis",
        example: "stack(([1, 2], [3, 4]))   # [[1, 2], [3, 4]]"
      ) { arguments, _ in
        let parts = try arguments[0].tensors("stack", "tensors")
        let axis = try arguments[1].integer("stack", "axis")
        return .wrap(try TrackedTensor.stack(parts, axis: axis))
      },
      define(
        "gather", [required("x"), required("indices"), optional("axis", .number(0))],
        "the entries of x at whole-number positions along axis (like NumPy's take)",
        example: "gather([10, 20, 30], [2, 0, 2])   # [30, 10, 30]"
      ) { arguments, _ in
        let indices = try arguments[1].tensor("gather", "indices")
        let axis = try arguments[2].integer("gather", "axis")
        return .wrap(try arguments[0].tensor("gather", "x").take(indices, axis: axis))
      },
      define(
        "one_hot", [required("labels"), required("classes")],
        "rows of zeros with a 1 at each label's position",
        example: "one_hot([0, 2], 3)   # [[1, 0, 0], [0, 0, 1]]"
      ) { arguments, _ in
        let labels = try arguments[0].tensor("one_hot", "labels")
        let classes = try arguments[1].integer("one_hot", "classes")
        return .wrap(try TrackedTensor.oneHot(labels, classes: classes))
      },
    ]
  }
}
