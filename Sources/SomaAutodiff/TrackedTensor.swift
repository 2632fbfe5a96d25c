import SomaTensor

/// A tensor that may take part in a computation being differentiated.
///
/// A constant has no `node`. A tracked tensor remembers, through its node, the
/// operation that produced it and that operation's inputs, so a backward pass
/// can walk from a result to the inputs a gradient is wanted for. Operations on
/// constants only record nothing and cost no more than the plain `Tensor` ones.
public struct TrackedTensor: Sendable {
  /// The tensor's current value.
  public let value: Tensor

  /// The graph node that produced this value, or `nil` for a constant.
  public let node: GraphNode?

  /// Wraps a tensor as a constant: gradients do not flow into it.
  public init(_ value: Tensor) {
    self.value = value
    self.node = nil
  }

  /// Wraps a number as a rank-0 constant.
  public init(_ scalar: Double) {
    self.init(Tensor(scalar))
  }

  init(value: Tensor, node: GraphNode) {
    self.value = value
    self.node = node
  }

  /// Whether gradients can flow through this value.
  public var isTracked: Bool { node != nil }

  /// The shape of the value.
  public var shape: [Int] { value.shape }

  /// The same value with its history forgotten.
  public var detached: TrackedTensor { TrackedTensor(value) }

  /// Wraps the result of an operation, recording it on the graph when any input is tracked.
  ///
  /// - Parameters:
  ///   - value: the operation's result.
  ///   - operation: a short name for traces and error messages.
  ///   - inputs: the operation's differentiable inputs, in the order `pullback` answers.
  ///   - pullback: maps the result's cotangent to one cotangent per input.
  static func record(
    _ value: Tensor, operation: String, inputs: [TrackedTensor], pullback: @escaping Pullback
  ) -> TrackedTensor {
    guard inputs.contains(where: \.isTracked) else { return TrackedTensor(value) }
    let node = GraphNode(operation: operation, inputs: inputs, value: value, pullback: pullback)
    return TrackedTensor(value: value, node: node)
  }
}
