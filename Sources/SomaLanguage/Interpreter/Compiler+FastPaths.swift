/// Plain-number and boolean fast paths.
///
/// Scalar loops (a neuron model, an optimiser written by hand) spend their time in
/// arithmetic, comparisons and `exp`-like builtins on plain numbers. For such
/// expressions the compiler makes a second closure that works on `Double` and `Bool`
/// directly, never building a `Value`. It answers `nil` as soon as it meets anything
/// else (a tensor inside `grad`, a string, an unassigned variable, a builtin the user
/// has replaced), and the general closure then runs the expression from the start.
///
/// Running an expression twice is safe because a fast path only ever reads variables
/// and calls pure builtins: it has no effects to repeat. Errors, with their source
/// ranges, always come from the general closure.
///
/// Each operation's general closure compiles its operands with fast paths of their
/// own, so a mixed expression such as `t * exp(x)` still computes `exp(x)` quickly.
/// Compiling therefore walks an expression once per level of nesting, which the
/// parser's limit of 256 levels keeps small.
extension Compiler {
  /// Computes an expression made only of plain numbers; `nil` when it meets another
  /// kind of value.
  typealias NumberEvaluate = (Frame) -> Double?
  /// Decides a condition made of number comparisons and booleans; `nil` when it meets
  /// another kind of value.
  typealias TruthEvaluate = (Frame) -> Bool?

  /// An expression's closure that tries its fast path before `general`, when the
  /// expression is an operation that has one (literals and names need none).
  func withFastPath(_ expression: Expression, _ general: @escaping Evaluate) -> Evaluate {
    switch expression.kind {
    case .unary, .binary, .call: break
    default: return general
    }
    if let number = compileNumber(expression) {
      return { frame in
        if let value = number(frame) { return .number(value) }
        return try general(frame)
      }
    }
    if let truth = compileTruth(expression) {
      return { frame in
        if let flag = truth(frame) { return .boolean(flag) }
        return try general(frame)
      }
    }
    return general
  }

  /// The plain-number path of `expression`, or `nil` when its shape has none.
  func compileNumber(_ expression: Expression) -> NumberEvaluate? {
    switch expression.kind {
    case .number(let value):
      return { _ in value }
    case .name(let name):
      return numberRead(name)
    case .unary(.negate, let operand):
      guard let evaluate = compileNumber(operand) else { return nil }
      return { frame in evaluate(frame).map { -$0 } }
    case .unary(.plus, let operand):
      return compileNumber(operand)
    case .binary(let operation, let lhs, let rhs):
      switch operation {
      case .add: return numberPair(lhs, rhs, NumberArithmetic<Addition>())
      case .subtract: return numberPair(lhs, rhs, NumberArithmetic<Subtraction>())
      case .multiply: return numberPair(lhs, rhs, NumberArithmetic<Multiplication>())
      case .divide: return numberPair(lhs, rhs, NumberArithmetic<Division>())
      case .power: return numberPair(lhs, rhs, NumberArithmetic<Power>())
      default: return nil
      }
    case .call(let callee, let arguments):
      return numberCall(callee, arguments)
    default:
      return nil
    }
  }

  /// The boolean path of a condition, or `nil` when its shape has none.
  ///
  /// Only real booleans take it: `not 0` and `1 and x` go the general way, which
  /// also accepts numbers.
  func compileTruth(_ expression: Expression) -> TruthEvaluate? {
    switch expression.kind {
    case .boolean(let flag):
      return { _ in flag }
    case .name(let name):
      let read = valueRead(name)
      return { frame in
        if case .boolean(let flag)? = read(frame) { return flag }
        return nil
      }
    case .unary(.not, let operand):
      guard let evaluate = compileTruth(operand) else { return nil }
      return { frame in evaluate(frame).map { !$0 } }
    case .binary(let operation, let lhs, let rhs):
      switch operation {
      case .less: return numberPair(lhs, rhs, NumberComparison<Less>())
      case .lessEqual: return numberPair(lhs, rhs, NumberComparison<LessOrEqual>())
      case .greater: return numberPair(lhs, rhs, NumberComparison<Greater>())
      case .greaterEqual: return numberPair(lhs, rhs, NumberComparison<GreaterOrEqual>())
      case .and, .or: return truthLogical(stopsOn: operation == .or, lhs, rhs)
      default: return nil
      }
    default:
      return nil
    }
  }

  /// `and` and `or` on booleans: the right side runs only when it decides the result,
  /// as in the general path.
  private func truthLogical(stopsOn: Bool, _ lhs: Expression, _ rhs: Expression)
    -> TruthEvaluate?
  {
    guard let left = compileTruth(lhs), let right = compileTruth(rhs) else { return nil }
    return { frame in
      guard let flag = left(frame) else { return nil }
      return flag == stopsOn ? flag : right(frame)
    }
  }

  /// Reads a variable wherever it lives; `nil` when it has no value.
  private func valueRead(_ name: String) -> (Frame) -> Value? {
    switch locate(name) {
    case .local(0, let slot):
      return { frame in frame.slots[slot] }
    case .local(let depth, let slot):
      return { frame in frame.ancestor(depth).slots[slot] }
    case .global(let slot):
      let globals = self.globals
      return { _ in globals.values[slot] }
    }
  }

  private func numberRead(_ name: String) -> NumberEvaluate {
    if case .local(0, let slot) = locate(name) {
      return { frame in LocalNumber(slot: slot).number(frame) }
    }
    let read = valueRead(name)
    return { frame in
      if case .number(let value)? = read(frame) { return value }
      return nil
    }
  }

  /// `f(x)` where `f` is a global holding an elementwise builtin such as `exp`.
  ///
  /// The builtin found when compiling is checked again at every call, by identity, so
  /// a program that assigns something else to `exp` gets the general path. The closure
  /// keeps the builtin alive, so no other function can take over its identity.
  private func numberCall(_ callee: Expression, _ arguments: [Argument]) -> NumberEvaluate? {
    guard case .name(let name) = callee.kind, case .global(let slot) = locate(name),
      arguments.count == 1, arguments[0].label == nil,
      case .function(let builtin)? = globals.values[slot], builtin.isBuiltin,
      let function = builtin.numberFunction,
      let argument = compileNumber(arguments[0].value)
    else { return nil }
    let globals = self.globals
    let identity = ObjectIdentifier(builtin)
    return { frame in
      withExtendedLifetime(builtin) {
        guard globals.functionIdentities[slot] == identity, let x = argument(frame) else {
          return nil
        }
        return function(x)
      }
    }
  }

  /// A plain-number operand: literals and the current call's variables are read
  /// inline by the operator's closure, anything else through its own fast path.
  private enum NumberOperand {
    case constant(Double)
    case local(slot: Int)
    case computed(NumberEvaluate)
  }

  private func numberOperand(_ expression: Expression) -> NumberOperand? {
    switch expression.kind {
    case .number(let value):
      return .constant(value)
    case .name(let name):
      if case .local(0, let slot) = locate(name) { return .local(slot: slot) }
    default:
      break
    }
    return compileNumber(expression).map(NumberOperand.computed)
  }

  /// Builds an arithmetic operator's closure for the operands' sources.
  private func numberPair(_ lhs: Expression, _ rhs: Expression, _ builder: some NumberClosure)
    -> NumberEvaluate?
  {
    guard let left = numberOperand(lhs), let right = numberOperand(rhs) else { return nil }
    switch left {
    case .constant(let value): return numberPair(ConstantNumber(value: value), right, builder)
    case .local(let slot): return numberPair(LocalNumber(slot: slot), right, builder)
    case .computed(let evaluate):
      return numberPair(ComputedNumber(evaluate: evaluate), right, builder)
    }
  }

  private func numberPair(
    _ lhs: some NumberSource, _ rhs: NumberOperand, _ builder: some NumberClosure
  ) -> NumberEvaluate {
    switch rhs {
    case .constant(let value): return builder.make(lhs, ConstantNumber(value: value))
    case .local(let slot): return builder.make(lhs, LocalNumber(slot: slot))
    case .computed(let evaluate): return builder.make(lhs, ComputedNumber(evaluate: evaluate))
    }
  }

  /// Builds the closure of an assignment of an operation for the operands' sources.
  private func numberPair(
    _ lhs: Expression, _ rhs: Expression, _ builder: some AssignmentClosure
  ) -> Execute? {
    guard let left = numberOperand(lhs), let right = numberOperand(rhs) else { return nil }
    switch left {
    case .constant(let value): return numberPair(ConstantNumber(value: value), right, builder)
    case .local(let slot): return numberPair(LocalNumber(slot: slot), right, builder)
    case .computed(let evaluate):
      return numberPair(ComputedNumber(evaluate: evaluate), right, builder)
    }
  }

  private func numberPair(
    _ lhs: some NumberSource, _ rhs: NumberOperand, _ builder: some AssignmentClosure
  ) -> Execute {
    switch rhs {
    case .constant(let value): return builder.make(lhs, ConstantNumber(value: value))
    case .local(let slot): return builder.make(lhs, LocalNumber(slot: slot))
    case .computed(let evaluate): return builder.make(lhs, ComputedNumber(evaluate: evaluate))
    }
  }

  /// `x = a op b` for an arithmetic operator, as one closure.
  func numberAssignment(
    _ operation: BinaryOperator, _ lhs: Expression, _ rhs: Expression, slot: Int,
    general: @escaping Execute
  ) -> Execute? {
    switch operation {
    case .add: return numberPair(lhs, rhs, NumberAssignment<Addition>(slot: slot, general: general))
    case .subtract:
      return numberPair(lhs, rhs, NumberAssignment<Subtraction>(slot: slot, general: general))
    case .multiply:
      return numberPair(lhs, rhs, NumberAssignment<Multiplication>(slot: slot, general: general))
    case .divide:
      return numberPair(lhs, rhs, NumberAssignment<Division>(slot: slot, general: general))
    case .power:
      return numberPair(lhs, rhs, NumberAssignment<Power>(slot: slot, general: general))
    default: return nil
    }
  }

  /// Builds a comparison's closure for the operands' sources.
  private func numberPair(_ lhs: Expression, _ rhs: Expression, _ builder: some TruthClosure)
    -> TruthEvaluate?
  {
    guard let left = numberOperand(lhs), let right = numberOperand(rhs) else { return nil }
    switch left {
    case .constant(let value): return numberPair(ConstantNumber(value: value), right, builder)
    case .local(let slot): return numberPair(LocalNumber(slot: slot), right, builder)
    case .computed(let evaluate):
      return numberPair(ComputedNumber(evaluate: evaluate), right, builder)
    }
  }

  private func numberPair(
    _ lhs: some NumberSource, _ rhs: NumberOperand, _ builder: some TruthClosure
  ) -> TruthEvaluate {
    switch rhs {
    case .constant(let value): return builder.make(lhs, ConstantNumber(value: value))
    case .local(let slot): return builder.make(lhs, LocalNumber(slot: slot))
    case .computed(let evaluate): return builder.make(lhs, ComputedNumber(evaluate: evaluate))
    }
  }
}

extension Compiler {
  /// `x = expression` into a variable of the current call, when the expression has a
  /// fast path: the plain number or boolean is stored directly, and `general` runs the
  /// whole statement only when the fast path gives up.
  func compileFastAssignment(
    _ target: AssignmentTarget, _ value: Expression, general: @escaping Execute
  ) -> Execute? {
    guard case .name(let name) = target.kind, case .local(0, let slot) = locate(name)
    else { return nil }
    if case .binary(let operation, let lhs, let rhs) = value.kind,
      let assign = numberAssignment(operation, lhs, rhs, slot: slot, general: general)
    {
      return assign
    }
    if let number = compileNumber(value) {
      return { frame in
        guard let result = number(frame) else { return try general(frame) }
        frame.store(result, at: slot)
        return .next
      }
    }
    if let truth = compileTruth(value) {
      return { frame in
        guard let result = truth(frame) else { return try general(frame) }
        frame.slots[slot] = .boolean(result)
        return .next
      }
    }
    return nil
  }
}
