/// Where a binary operator's operand comes from, as a type: the compiler makes one
/// closure per combination of operand sources, so reading a constant or a local
/// variable is inlined into the operator's code instead of being a closure call.
protocol OperandSource {
  func fetch(_ frame: Frame) throws -> Value
}

/// A literal.
struct ConstantOperand: OperandSource {
  let value: Value

  @inline(__always)
  func fetch(_ frame: Frame) throws -> Value { value }
}

/// A variable of the current call.
struct LocalOperand: OperandSource {
  let slot: Int
  let name: String
  let range: SourceRange
  let compiler: Compiler

  @inline(__always)
  func fetch(_ frame: Frame) throws -> Value {
    guard let value = frame.slots[slot] else {
      throw compiler.unassigned(name, range: range, isLocal: true)
    }
    return value
  }
}

/// Any other expression, evaluated by its compiled closure.
struct ComputedOperand: OperandSource {
  let evaluate: Compiler.Evaluate

  @inline(__always)
  func fetch(_ frame: Frame) throws -> Value { try evaluate(frame) }
}

/// Makes the closure of one binary operator for given operand sources.
protocol BinaryClosure {
  func make<Left: OperandSource, Right: OperandSource>(_ lhs: Left, _ rhs: Right)
    -> Compiler.Evaluate
}

/// An arithmetic operator or comparison: plain numbers directly, anything else through
/// `Value.apply`.
struct NumberOperatorClosure<Operation: NumberOperation>: BinaryClosure {
  let compiler: Compiler
  let range: SourceRange

  func make<Left: OperandSource, Right: OperandSource>(_ lhs: Left, _ rhs: Right)
    -> Compiler.Evaluate
  {
    let (compiler, range) = (self.compiler, self.range)
    return { frame in
      let left = try lhs.fetch(frame)
      let right = try rhs.fetch(frame)
      if case .number(let a) = left, case .number(let b) = right {
        return Operation.value(a, b)
      }
      return try compiler.located(range) { try Value.apply(Operation.symbol, left, right) }
    }
  }
}
