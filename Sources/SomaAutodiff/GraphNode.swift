import SomaTensor
import Synchronization

/// What a pullback is told: the cotangent of an operation's result, the operation's
/// inputs and result, and which inputs need a gradient at all.
///
/// When a backward pass builds a graph of its own (for higher derivatives), `inputs`
/// and `output` are tracked and the pullback's arithmetic is recorded; otherwise they
/// are constants and the pullback runs on plain tensors.
public struct PullbackContext {
  /// The gradient of the final result with respect to this operation's result.
  public let cotangent: TrackedTensor
  /// The operation's inputs, in the order they were recorded.
  public let inputs: [TrackedTensor]
  /// The operation's result.
  public let output: TrackedTensor
  /// For each input, whether its gradient is wanted; a pullback may skip the others.
  public let needsGradient: [Bool]
}

/// Maps a result's cotangent to its inputs' cotangents, one per input (`nil` for none).
///
/// Every cotangent must have its input's shape. Pullbacks are written with
/// `TrackedTensor` operations, so the backward pass is itself differentiable.
public typealias Pullback = (PullbackContext) throws -> [TrackedTensor?]

/// One recorded operation in a computation graph.
///
/// Nodes point only to their inputs, so a graph is freed as soon as its result is
/// no longer referenced; nothing is kept on a global tape.
public final class GraphNode: @unchecked Sendable {
  // Unchecked: every stored property is immutable after `init`, except that `deinit`
  // empties `inputs` while no other reference to the node exists.

  /// Creation order: a node can only depend on nodes created before it, which lets a
  /// backward pass stop early at nodes older than the inputs it differentiates for.
  let id: UInt64
  /// A short name of the operation, for traces.
  let operation: String
  /// The inputs the operation was applied to.
  private(set) var inputs: [TrackedTensor]
  /// The operation's result.
  let value: Tensor
  let pullback: Pullback

  private static let counter = Atomic<UInt64>(0)

  init(operation: String, inputs: [TrackedTensor], value: Tensor, pullback: @escaping Pullback) {
    self.id = Self.counter.wrappingAdd(1, ordering: .relaxed).newValue
    self.operation = operation
    self.inputs = inputs
    self.value = value
    self.pullback = pullback
  }

  /// Frees long chains without recursion: releasing the last reference to a node of a
  /// 100,000-step loop would otherwise recurse once per step and overflow the stack.
  deinit {
    var pending = inputs.compactMap(\.node)
    inputs.removeAll()
    while var next = pending.popLast() {
      if isKnownUniquelyReferenced(&next) {
        pending.append(contentsOf: next.inputs.compactMap(\.node))
        next.inputs.removeAll()
      }
    }
  }
}
