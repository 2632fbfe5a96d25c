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

  /// Stores a plain number into a slot.
  ///
  /// Overwriting a plain number needs no clean-up of the old value, so the common case
  /// of a scalar loop skips the general destruction of a `Value`.
  @inline(__always)
  func store(_ number: Double, at slot: Int) {
    let slot = slots + slot
    if case .number? = slot.pointee {
      slot.initialize(to: .number(number))
    } else {
      slot.pointee = .number(number)
    }
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
  /// The values; change them with `store(_:at:)`.
  private(set) var values: [Value?] = []
  /// For each slot, the identity of the function it holds, if it holds one: a call of
  /// a builtin such as `exp` compares it to know the name still means that builtin,
  /// which is cheaper than reading the value out.
  private(set) var functionIdentities: [ObjectIdentifier?] = []
  /// The names in the order they were first used, for completion and `:vars`.
  private(set) var order: [String] = []

  /// The slot for `name`, created empty on first use so code can refer to a global
  /// that a later entry defines.
  func slot(for name: String) -> Int {
    if let index = names[name] { return index }
    names[name] = values.count
    values.append(nil)
    functionIdentities.append(nil)
    order.append(name)
    return values.count - 1
  }

  /// Sets or clears the value in a slot.
  func store(_ value: Value?, at slot: Int) {
    values[slot] = value
    if case .function(let function)? = value {
      functionIdentities[slot] = ObjectIdentifier(function)
    } else {
      functionIdentities[slot] = nil
    }
  }

  /// Clears every slot, breaking the cycles between globals and the functions that
  /// refer to them.
  func clear() {
    for slot in values.indices { store(nil, at: slot) }
  }

  /// The value of a global, if it has one.
  subscript(name: String) -> Value? {
    get { names[name].flatMap { values[$0] } }
    set { store(newValue, at: slot(for: name)) }
  }

  /// The names that currently hold a value.
  var definedNames: [String] { order.filter { self[$0] != nil } }
}
