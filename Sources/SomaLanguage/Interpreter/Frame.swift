/// The variables of one running function call.
///
/// Slots are numbered when the function is compiled, so reading a variable is one
/// memory access (the storage is a plain pointer: no copy-on-write or exclusivity
/// bookkeeping on the interpreter's hottest path). A function made inside another
/// keeps the outer call's frame as its `parent`, which is how closures see the
/// variables they were defined among.
final class Frame {
  /// The local variables; `nil` for one not assigned yet.
  let slots: UnsafeMutablePointer<Value?>
  private let slotCount: Int
  /// The frame of the function this one's function was defined in.
  let parent: Frame?

  init(slotCount: Int, parent: Frame?) {
    self.slotCount = slotCount
    slots = .allocate(capacity: Swift.max(slotCount, 1))
    slots.initialize(repeating: nil, count: Swift.max(slotCount, 1))
    self.parent = parent
  }

  deinit {
    slots.deinitialize(count: Swift.max(slotCount, 1))
    slots.deallocate()
  }

  /// The frame `depth` steps out along the chain of enclosing functions.
  @inline(__always)
  func ancestor(_ depth: Int) -> Frame {
    var frame = self
    for _ in 0..<depth {
      guard let parent = frame.parent else {
        preconditionFailure("variable resolved to a frame that does not exist")
      }
      frame = parent
    }
    return frame
  }
}

/// The variables of a session's top level, shared by every entry, cell and script it
/// runs; builtins start out here and may be shadowed.
final class Globals {
  private(set) var names: [String: Int] = [:]
  var values: [Value?] = []
  /// The names in the order they were first used, for completion and `:vars`.
  private(set) var order: [String] = []

  /// The slot for `name`, created empty on first use so code can refer to a global
  /// that a later entry defines.
  func slot(for name: String) -> Int {
    if let index = names[name] { return index }
    names[name] = values.count
    values.append(nil)
    order.append(name)
    return values.count - 1
  }

  /// The value of a global, if it has one.
  subscript(name: String) -> Value? {
    get { names[name].flatMap { values[$0] } }
    set { values[slot(for: name)] = newValue }
  }

  /// The names that currently hold a value.
  var definedNames: [String] { order.filter { self[$0] != nil } }
}
