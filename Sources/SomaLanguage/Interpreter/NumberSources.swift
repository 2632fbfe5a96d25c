/// Where a plain-number operator's operand comes from, as a type, so that the closure
/// made for each combination reads constants and local variables inline.
///
/// `number` returns `nil` as soon as a value is not a plain number (a tensor, a
/// boolean, an unassigned variable); the caller then runs the general code.
protocol NumberSource {
  func number(_ frame: Frame) -> Double?
}

/// A number literal.
struct ConstantNumber: NumberSource {
  let value: Double

  @inline(__always)
  func number(_ frame: Frame) -> Double? { value }
}

/// A variable of the current call.
struct LocalNumber: NumberSource {
  let slot: Int

  @inline(__always)
  func number(_ frame: Frame) -> Double? {
    if case .number(let value)? = frame.slots[slot] { return value }
    return nil
  }
}

/// Any other expression with a plain-number path.
struct ComputedNumber: NumberSource {
  let evaluate: Compiler.NumberEvaluate

  @inline(__always)
  func number(_ frame: Frame) -> Double? { evaluate(frame) }
}

/// Makes the plain-number closure of one arithmetic operator for given operand sources.
///
/// Arithmetic and comparisons have a protocol each, rather than one with an associated
/// result type, so that the closures keep their concrete type and are called without
/// a conversion thunk.
protocol NumberClosure {
  func make<Left: NumberSource, Right: NumberSource>(_ lhs: Left, _ rhs: Right)
    -> Compiler.NumberEvaluate
}

/// Makes the closure of one comparison of plain numbers for given operand sources.
protocol TruthClosure {
  func make<Left: NumberSource, Right: NumberSource>(_ lhs: Left, _ rhs: Right)
    -> Compiler.TruthEvaluate
}

/// `+ - * / ^` on two plain numbers.
struct NumberArithmetic<Operation: ArithmeticOperation>: NumberClosure {
  func make<Left: NumberSource, Right: NumberSource>(_ lhs: Left, _ rhs: Right)
    -> Compiler.NumberEvaluate
  {
    { frame in
      guard let a = lhs.number(frame), let b = rhs.number(frame) else { return nil }
      return Operation.combine(a, b)
    }
  }
}

/// `< <= > >=` on two plain numbers.
struct NumberComparison<Operation: ComparisonOperation>: TruthClosure {
  func make<Left: NumberSource, Right: NumberSource>(_ lhs: Left, _ rhs: Right)
    -> Compiler.TruthEvaluate
  {
    { frame in
      guard let a = lhs.number(frame), let b = rhs.number(frame) else { return nil }
      return Operation.holds(a, b)
    }
  }
}

/// Makes the statement `x = a op b`, for `x` a variable of the current call, from the
/// operator's operand sources: one closure computes and stores the number.
protocol AssignmentClosure {
  func make<Left: NumberSource, Right: NumberSource>(_ lhs: Left, _ rhs: Right)
    -> Compiler.Execute
}

/// `x = a op b` with `+ - * / ^` on plain numbers; `general` runs the statement when
/// an operand is anything else.
struct NumberAssignment<Operation: ArithmeticOperation>: AssignmentClosure {
  let slot: Int
  let general: Compiler.Execute

  func make<Left: NumberSource, Right: NumberSource>(_ lhs: Left, _ rhs: Right)
    -> Compiler.Execute
  {
    let (slot, general) = (self.slot, self.general)
    return { frame in
      guard let a = lhs.number(frame), let b = rhs.number(frame) else {
        return try general(frame)
      }
      frame.store(Operation.combine(a, b), at: slot)
      return .next
    }
  }
}
