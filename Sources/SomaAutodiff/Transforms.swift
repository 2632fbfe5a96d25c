import SomaTensor

/// Function transforms in the style of JAX: `gradient`, `jacobian`, `hessian`.
///
/// Each call differentiates with respect to fresh copies of its inputs, so transforms
/// nest to any depth without confusing one level's inputs with another's: inside
/// `gradient(of: f, at: x)`, an enclosing transform still sees how the result
/// depends on its own inputs, including through `x` and through values `f` captures.

/// The value of `function` at `inputs` and its gradients with respect to the inputs at
/// `argumentIndices` (all of them when `nil`).
///
/// - Parameters:
///   - function: must return a tensor with exactly one element.
///   - inputs: the arguments; they may themselves be tracked by an enclosing transform.
///   - argumentIndices: which arguments to differentiate for, 0-based.
/// - Returns: the value and one gradient per chosen argument, each shaped like it.
/// - Throws: `AutodiffError.nonScalarOutput`, `AutodiffError.argumentIndexOutOfRange`,
///   or any error `function` throws.
public func valueAndGradient(
  of function: ([TrackedTensor]) throws -> TrackedTensor,
  at inputs: [TrackedTensor],
  withRespectTo argumentIndices: [Int]? = nil
) throws -> (value: TrackedTensor, gradients: [TrackedTensor]) {
  let (arguments, leaves) = try substituteLeaves(in: inputs, at: argumentIndices)
  return try Backpropagation.withTransform { createGraph in
    let value = try function(arguments)
    guard value.value.count == 1 else {
      throw AutodiffError.nonScalarOutput(shape: value.shape)
    }
    let gradients = try Backpropagation.gradients(
      of: value, withRespectTo: leaves, seed: Tensor(onesLike: value.value),
      createGraph: createGraph)
    return (value, gradients)
  }
}

/// The gradient of a one-argument function at `input`.
///
/// ```swift
/// let slope = try gradient(of: { x in x * x }, at: TrackedTensor(3))  // 6
/// ```
public func gradient(
  of function: (TrackedTensor) throws -> TrackedTensor, at input: TrackedTensor
) throws -> TrackedTensor {
  try valueAndGradient(of: { try function($0[0]) }, at: [input]).gradients[0]
}

/// The gradient transform: `grad(f)` is the function `x ↦ ∇f(x)`.
public func grad(
  _ function: @escaping (TrackedTensor) throws -> TrackedTensor
) -> (TrackedTensor) throws -> TrackedTensor {
  { input in try gradient(of: function, at: input) }
}

/// The Jacobians of `function` at `inputs`, one per argument in `argumentIndices`.
///
/// For a result of shape `R` and an argument of shape `A`, the Jacobian has shape
/// `R + A`: entry `[r..., a...]` is ∂result[r...]/∂argument[a...]. It takes one
/// backward pass per element of the result.
public func jacobians(
  of function: ([TrackedTensor]) throws -> TrackedTensor,
  at inputs: [TrackedTensor],
  withRespectTo argumentIndices: [Int]? = nil
) throws -> [TrackedTensor] {
  let (arguments, leaves) = try substituteLeaves(in: inputs, at: argumentIndices)
  return try Backpropagation.withTransform { createGraph in
    let value = try function(arguments)
    var rows: [[TrackedTensor]] = Array(repeating: [], count: leaves.count)
    for element in 0..<value.value.count {
      var seed = Tensor(zerosLike: value.value)
      seed.setScalar(1, atOffset: element)
      let gradients = try Backpropagation.gradients(
        of: value, withRespectTo: leaves, seed: seed, createGraph: createGraph)
      for (index, gradient) in gradients.enumerated() { rows[index].append(gradient) }
    }
    return try zip(leaves, rows).map { leaf, row in
      let shape = value.shape + leaf.value.shape
      if row.isEmpty { return TrackedTensor(try Tensor.zeros(shape)) }
      return try TrackedTensor.stack(row, axis: 0).reshaped(to: shape)
    }
  }
}

/// The Jacobian of a one-argument function at `input`, of shape `result + input` shapes.
public func jacobian(
  of function: (TrackedTensor) throws -> TrackedTensor, at input: TrackedTensor
) throws -> TrackedTensor {
  try jacobians(of: { try function($0[0]) }, at: [input])[0]
}

/// The Hessian of a scalar function at `input`: the Jacobian of its gradient, of shape
/// `input.shape + input.shape`.
public func hessian(
  of function: @escaping (TrackedTensor) throws -> TrackedTensor, at input: TrackedTensor
) throws -> TrackedTensor {
  try jacobian(of: grad(function), at: input)
}

/// The arguments with each chosen one replaced by a fresh leaf, and those leaves.
///
/// - Throws: `AutodiffError.argumentIndexOutOfRange` for an index with no argument.
private func substituteLeaves(
  in inputs: [TrackedTensor], at argumentIndices: [Int]?
) throws -> (arguments: [TrackedTensor], leaves: [GraphNode]) {
  var arguments = inputs
  var leaves: [GraphNode] = []
  for index in argumentIndices ?? Array(inputs.indices) {
    guard inputs.indices.contains(index) else {
      throw AutodiffError.argumentIndexOutOfRange(index: index, count: inputs.count)
    }
    let leaf = Backpropagation.makeLeaf(inputs[index])
    leaves.append(leaf)
    arguments[index] = TrackedTensor(value: inputs[index].value, node: leaf)
  }
  return (arguments, leaves)
}

/// How many graph nodes the backward passes of all gradients so far have processed, for
/// traces of how much work differentiation does.
public var processedGraphNodes: Int {
  Backpropagation.processedNodes.load(ordering: .relaxed)
}
