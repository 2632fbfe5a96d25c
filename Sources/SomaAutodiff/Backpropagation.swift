import SomaTensor
import Synchronization

/// The reverse sweep: from a result back to chosen leaves of its graph.
enum Backpropagation {
  /// How many gradient transforms are running; a backward pass builds a differentiable
  /// graph only when another transform encloses it and may differentiate its result.
  private static let activeTransforms = Atomic<Int>(0)

  /// How many graph nodes backward passes have processed since the process started;
  /// traces report the difference over a run.
  static let processedNodes = Atomic<Int>(0)

  /// Runs `body` as one level of differentiation.
  ///
  /// - Parameter body: receives whether its backward passes must record a graph,
  ///   which is the case when an enclosing transform is running.
  static func withTransform<Result>(_ body: (_ createGraph: Bool) throws -> Result) rethrows
    -> Result
  {
    let depth = activeTransforms.wrappingAdd(1, ordering: .relaxed).newValue
    defer { activeTransforms.wrappingSubtract(1, ordering: .relaxed) }
    return try body(depth > 1)
  }

  /// A fresh node standing for `input` in one transform.
  ///
  /// The transform differentiates with respect to its own copy, never confusing it
  /// with the same value seen by an outer transform. Its pullback is the identity, which lets outer transforms see through it.
  static func makeLeaf(_ input: TrackedTensor) -> GraphNode {
    GraphNode(operation: "input", inputs: [input], value: input.value) { context in
      [context.cotangent]
    }
  }

  /// The gradients of `output` with respect to each of `leaves`, for cotangent `seed`.
  ///
  /// Leaves the output does not depend on get zero gradients.
  static func gradients(
    of output: TrackedTensor, withRespectTo leaves: [GraphNode], seed: Tensor, createGraph: Bool
  ) throws -> [TrackedTensor] {
    let zeros = { (leaf: GraphNode) in
      TrackedTensor(Tensor(zerosLike: leaf.value))
    }
    guard let root = output.node, let oldest = leaves.map(\.id).min() else {
      return leaves.map(zeros)
    }
    let leafIDs = Set(leaves.map(ObjectIdentifier.init))
    let order = relevantNodes(from: root, leaves: leafIDs, oldest: oldest)
    var cotangents: [ObjectIdentifier: TrackedTensor] = [
      ObjectIdentifier(root): TrackedTensor(seed)
    ]
    var results: [ObjectIdentifier: TrackedTensor] = [:]

    processedNodes.wrappingAdd(order.nodes.count, ordering: .relaxed)
    for node in order.nodes.reversed() {
      let id = ObjectIdentifier(node)
      guard let cotangent = cotangents.removeValue(forKey: id) else { continue }
      if leafIDs.contains(id) {
        results[id] = cotangent
        continue
      }
      let inputs = createGraph ? node.inputs : node.inputs.map(\.detached)
      let output =
        createGraph ? TrackedTensor(value: node.value, node: node) : TrackedTensor(node.value)
      let needs = node.inputs.map { input in
        input.node.map { order.relevant.contains(ObjectIdentifier($0)) } ?? false
      }
      let context = PullbackContext(
        cotangent: cotangent, inputs: inputs, output: output, needsGradient: needs)
      let inputCotangents = try node.pullback(context)
      for (index, inputCotangent) in inputCotangents.enumerated() where needs[index] {
        guard let inputCotangent, let inputNode = node.inputs[index].node else { continue }
        precondition(
          inputCotangent.shape == inputNode.value.shape,
          "pullback of \(node.operation) returned shape \(inputCotangent.shape) "
            + "for an input of shape \(inputNode.value.shape)")
        let key = ObjectIdentifier(inputNode)
        if let existing = cotangents[key] {
          cotangents[key] = try existing + inputCotangent
        } else {
          cotangents[key] = inputCotangent
        }
      }
    }
    return leaves.map { results[ObjectIdentifier($0)] ?? zeros($0) }
  }

  /// The nodes between `root` and the leaves, inputs before the operations using them.
  ///
  /// A node is relevant when it is a leaf or has a relevant input. The walk does not
  /// pass through leaves, nor into nodes older than the oldest leaf, which cannot
  /// depend on it. It uses an explicit stack, as graphs can be very deep.
  private static func relevantNodes(
    from root: GraphNode, leaves: Set<ObjectIdentifier>, oldest: UInt64
  ) -> (nodes: [GraphNode], relevant: Set<ObjectIdentifier>) {
    var order: [GraphNode] = []
    var relevant: Set<ObjectIdentifier> = []
    var visited: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
    var stack: [(node: GraphNode, nextInput: Int)] = [(root, 0)]

    while let (node, nextInput) = stack.last {
      let id = ObjectIdentifier(node)
      let isLeaf = leaves.contains(id)
      if !isLeaf && nextInput < node.inputs.count {
        stack[stack.count - 1].nextInput += 1
        if let input = node.inputs[nextInput].node, input.id >= oldest,
          visited.insert(ObjectIdentifier(input)).inserted
        {
          stack.append((input, 0))
        }
        continue
      }
      stack.removeLast()
      let dependsOnLeaf =
        isLeaf
        || node.inputs.contains { input in
          input.node.map { relevant.contains(ObjectIdentifier($0)) } ?? false
        }
      if dependsOnLeaf {
        relevant.insert(id)
        order.append(node)
      }
    }
    return (order, relevant)
  }
}
