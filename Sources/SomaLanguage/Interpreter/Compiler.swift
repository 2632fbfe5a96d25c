import SomaAutodiff
import SomaTensor

/// Turns a syntax tree into nested Swift closures that run it.
///
/// Compiling once and running closures avoids re-inspecting the tree at every step:
/// variables are resolved to frame slots, operators to specialised closures with a
/// fast path for plain numbers. Each closure knows its source range, so errors name
/// the place they come from. It is a class so that the closures share one reference
/// to it rather than each carrying a copy of its fields.
final class Compiler {
  typealias Evaluate = (Frame) throws -> Value
  typealias Execute = (Frame) throws -> Flow

  /// The text being compiled, for locating errors.
  let source: Source
  let globals: Globals
  let runtime: Runtime
  /// The function being compiled, or `nil` at the top level.
  let scope: Scope?
  /// Whether top-level expression statements show their values.
  let showsResults: Bool
  /// Receives each shown value (the REPL also stores it in `ans`).
  let show: (Value) -> Void

  init(
    source: Source, globals: Globals, runtime: Runtime, scope: Scope?, showsResults: Bool,
    show: @escaping (Value) -> Void
  ) {
    self.source = source
    self.globals = globals
    self.runtime = runtime
    self.scope = scope
    self.showsResults = showsResults
    self.show = show
  }

  /// The same compiler for the body of a function with `scope`.
  func entering(_ scope: Scope) -> Compiler {
    Compiler(
      source: source, globals: globals, runtime: runtime, scope: scope, showsResults: false,
      show: show)
  }

  /// Where `name` lives, as seen from the code being compiled.
  func locate(_ name: String) -> VariableLocation {
    var depth = 0
    var current = scope
    while let scope = current {
      if let slot = scope.slot(of: name) { return .local(depth: depth, slot: slot) }
      current = scope.parent
      depth += 1
    }
    return .global(slot: globals.slot(for: name))
  }

  /// Runs `body`, attaching `range` to any runtime, tensor or autodiff error it throws
  /// that has no place yet.
  @inline(__always)
  func located<Result>(_ range: SourceRange, _ body: () throws -> Result) throws -> Result {
    do {
      return try body()
    } catch let error as RuntimeError {
      throw LocatedError(error: error, range: range, source: source)
    } catch let error as TensorError {
      throw LocatedError(error: .tensor(error), range: range, source: source)
    } catch let error as AutodiffError {
      throw LocatedError(error: .autodiff(error), range: range, source: source)
    }
  }

  /// The error for reading a variable that has no value.
  func unassigned(_ name: String, range: SourceRange, isLocal: Bool) -> LocatedError {
    let error: RuntimeError =
      isLocal
      ? .unassignedLocal(name)
      : .undefinedName(name, suggestion: closestName(to: name, among: globals.definedNames))
    return LocatedError(error: error, range: range, source: source)
  }
}

/// How a statement ended: normally, or by `break`, `continue` or `return`.
enum Flow {
  case next
  case breakLoop
  case continueLoop
  case returnValue(Value)

  /// What a loop whose body ended this way returns: `next` after `break`, the value
  /// after `return`; `nil` when the loop goes on.
  var loopExit: Flow? {
    switch self {
    case .breakLoop: return .next
    case .returnValue: return self
    case .next, .continueLoop: return nil
    }
  }
}
