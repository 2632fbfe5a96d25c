/// Where the compiler finds a variable: a slot of a call frame, or a global.
enum VariableLocation {
  /// Slot `slot` of the frame `depth` functions out from the current one.
  case local(depth: Int, slot: Int)
  /// Slot `slot` of the session's globals.
  case global(slot: Int)
}

/// The variables of one function being compiled.
///
/// As in Python, a name assigned anywhere in a function's body is local to the whole
/// function; other names are looked up in the enclosing functions, then among globals.
final class Scope {
  let parent: Scope?
  private(set) var slots: [String: Int] = [:]

  /// Creates the scope of a function with `parameters` whose body is `body`.
  init(parent: Scope?, parameters: [String], body: FunctionDeclaration.Body) {
    self.parent = parent
    for name in parameters { declare(name) }
    if case .block(let statements) = body { collectAssignments(in: statements) }
  }

  var slotCount: Int { slots.count }

  /// The slot of a local variable, if `name` is local here.
  func slot(of name: String) -> Int? { slots[name] }

  private func declare(_ name: String) {
    if slots[name] == nil { slots[name] = slots.count }
  }

  private func collectAssignments(in statements: [Statement]) {
    for statement in statements {
      switch statement.kind {
      case .assignment(let target, _), .compoundAssignment(let target, _, _):
        collectNames(in: target)
      case .functionDefinition(let name, _):
        declare(name.name)
      case .forLoop(let target, _, let body):
        collectNames(in: target)
        collectAssignments(in: body)
      case .whileLoop(_, let body):
        collectAssignments(in: body)
      case .ifStatement(let branches, let elseBody):
        for branch in branches { collectAssignments(in: branch.body) }
        collectAssignments(in: elseBody ?? [])
      case .expression, .breakStatement, .continueStatement, .returnStatement:
        break
      }
    }
  }

  /// Every name a target assigns, including the variable behind `x[i] = ...`.
  private func collectNames(in target: AssignmentTarget) {
    switch target.kind {
    case .name(let name):
      declare(name)
    case .tuple(let targets):
      for target in targets { collectNames(in: target) }
    case .index(let base, _), .field(let base, _):
      if let name = base.rootName { declare(name) }
    }
  }
}

extension Expression {
  /// The variable an element or field chain starts from: `x` in `x.w[0]`.
  var rootName: String? {
    switch kind {
    case .name(let name): return name
    case .index(let base, _), .field(let base, _): return base.rootName
    default: return nil
    }
  }
}
