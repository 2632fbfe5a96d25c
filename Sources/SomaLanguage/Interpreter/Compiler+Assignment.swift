import SomaAutodiff
import SomaTensor

extension Compiler {
  /// Stores a value into an assignment target.
  typealias Store = (Frame, Value) throws -> Void

  /// Compiles a target into a closure that stores into it.
  ///
  /// Tensors and records are values, so `x[i] = v` and `r.f = v` build an updated
  /// copy and store it back into the variable the chain starts from.
  func compileStore(_ target: AssignmentTarget) -> Store {
    let range = target.range
    switch target.kind {
    case .name(let name):
      switch locate(name) {
      case .local(0, let slot):
        return { frame, value in frame.slots[slot] = value }
      case .local(let depth, let slot):
        return { frame, value in frame.ancestor(depth).slots[slot] = value }
      case .global(let slot):
        let globals = self.globals
        return { _, value in globals.store(value, at: slot) }
      }
    case .tuple(let targets):
      let stores = targets.map(compileStore)
      return { [self] frame, value in
        let items = try located(range) { try value.unpacked(count: stores.count) }
        for (store, item) in zip(stores, items) { try store(frame, item) }
      }
    case .index(let base, let subscripts):
      let read = compile(base)
      let evaluateIndices = compileSubscripts(subscripts)
      let storeBase = compileStore(base.asTarget)
      return { [self] frame, value in
        let container = try read(frame)
        let positions = try evaluateIndices(frame)
        let updated = try located(range) { try container.replacing(positions, with: value) }
        try storeBase(frame, updated)
      }
    case .field(let base, let field):
      let read = compile(base)
      let storeBase = compileStore(base.asTarget)
      return { [self] frame, value in
        let container = try read(frame)
        guard case .record(var record) = container else {
          throw LocatedError(
            error: .wrongType(
              context: "setting field '\(field.name)'", expected: "a record",
              got: container.typeName), range: range, source: source)
        }
        record[field.name] = value
        try storeBase(frame, .record(record))
      }
    }
  }
}

extension AssignmentTarget {
  /// The target read as an expression, for `x += 1` and friends.
  var asExpression: Expression {
    switch kind {
    case .name(let name): return Expression(.name(name), range: range)
    case .index(let base, let subscripts): return Expression(.index(base, subscripts), range: range)
    case .field(let base, let field): return Expression(.field(base, field), range: range)
    case .tuple(let targets): return Expression(.tuple(targets.map(\.asExpression)), range: range)
    }
  }
}

extension Expression {
  /// The expression as an assignment target; the parser only accepts names, elements
  /// and fields as the base of an element or field assignment.
  var asTarget: AssignmentTarget {
    switch kind {
    case .index(let base, let subscripts):
      return AssignmentTarget(.index(base, subscripts), range: range)
    case .field(let base, let field): return AssignmentTarget(.field(base, field), range: range)
    case .name(let name): return AssignmentTarget(.name(name), range: range)
    default: preconditionFailure("the parser accepted an assignment into \(self)")
    }
  }
}
