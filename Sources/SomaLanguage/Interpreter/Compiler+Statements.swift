import SomaAutodiff
import SomaTensor

extension Compiler {
  /// Compiles statements into one closure that runs them in order, stopping early at
  /// `break`, `continue` or `return`.
  func compile(_ statements: [Statement]) -> Execute {
    let steps = statements.map { Step(run: compile($0)) }
    guard !steps.isEmpty else { return { _ in .next } }
    return sequence(steps[...])
  }

  /// Joins compiled statements pairwise into a balanced tree of closures.
  ///
  /// A closure calls the closures it captures without retaining them, which looping
  /// over an array of closures would do at every statement; the tree keeps the
  /// nesting, and so the stack a long script needs, logarithmic in its length.
  private func sequence(_ steps: ArraySlice<Step>) -> Execute {
    if steps.count == 1, let step = steps.first { return step.run }
    let middle = steps.startIndex + steps.count / 2
    let first = sequence(steps[..<middle])
    let second = sequence(steps[middle...])
    return { frame in
      let flow = try first(frame)
      guard case .next = flow else { return flow }
      return try second(frame)
    }
  }

  /// Compiles one statement.
  func compile(_ statement: Statement) -> Execute {
    let range = statement.range
    switch statement.kind {
    case .expression(let expression):
      let evaluate = compile(expression)
      guard showsResults else {
        return { [self] frame in
          _ = try evaluate(frame)
          return .next
        }
      }
      let show = self.show
      return { [self] frame in
        let value = try evaluate(frame)
        if case .nothing = value {} else { show(value) }
        return .next
      }
    case .assignment(let target, let value):
      let general = compileWithoutFastPath(value)
      let store = compileStore(target)
      let assign: Execute = { frame in
        try store(frame, try general(frame))
        return .next
      }
      if let fast = compileFastAssignment(target, value, general: assign) { return fast }
      let evaluate = withFastPath(value, general)
      return { frame in
        try store(frame, try evaluate(frame))
        return .next
      }
    case .compoundAssignment(let target, let operation, let value):
      let general = compileCompoundAssignment(target, operation, value)
      let combined = Expression(.binary(operation, target.asExpression, value), range: target.range)
      return compileFastAssignment(target, combined, general: general) ?? general
    case .functionDefinition(let name, let declaration):
      let make = compileFunction(named: name.name, declaration, range: range)
      let store = compileStore(AssignmentTarget(.name(name.name), range: name.range))
      return { [self] frame in
        try store(frame, try make(frame))
        return .next
      }
    case .ifStatement(let branches, let elseBody):
      return compileIf(branches, elseBody: elseBody)
    case .forLoop(let target, let sequence, let body):
      return compileFor(target, sequence, body: compile(body), range: range)
    case .whileLoop(let condition, let body):
      let test = compileCondition(condition, context: "while")
      let run = compile(body)
      let runtime = self.runtime
      return { [self] frame in
        while try test(frame) {
          try located(range) { try runtime.checkpoint() }
          if let exit = try run(frame).loopExit { return exit }
        }
        return .next
      }
    case .breakStatement:
      return { [self] _ in .breakLoop }
    case .continueStatement:
      return { [self] _ in .continueLoop }
    case .returnStatement(let value):
      guard let value else { return { [self] _ in .returnValue(.nothing) } }
      let evaluate = compile(value)
      return { [self] frame in .returnValue(try evaluate(frame)) }
    }
  }

  /// A condition as a Swift boolean: `true`/`false`, or a single number (non-zero
  /// counts as true).
  private func compileCondition(_ condition: Expression, context: String) -> (Frame) throws
    -> Bool
  {
    let range = condition.range
    if let truth = compileTruth(condition) {
      let evaluate = compileWithoutFastPath(condition)
      return { [self] frame in
        if let flag = truth(frame) { return flag }
        let value = try evaluate(frame)
        if case .boolean(let flag) = value { return flag }
        return try located(range) { try value.isTrue(context: context) }
      }
    }
    let evaluate = compile(condition)
    return { [self] frame in
      let value = try evaluate(frame)
      if case .boolean(let flag) = value { return flag }
      return try located(range) { try value.isTrue(context: context) }
    }
  }

  private func compileIf(_ branches: [ConditionalBranch], elseBody: [Statement]?) -> Execute {
    let arms = branches.map { branch in
      Arm(test: compileCondition(branch.condition, context: "if"), body: compile(branch.body))
    }
    let otherwise = elseBody.map(compile)
    if arms.count == 1 {
      let arm = arms[0]
      return { frame in
        if try arm.test(frame) { return try arm.body(frame) }
        return try otherwise?(frame) ?? .next
      }
    }
    return { [self] frame in
      for arm in arms where try arm.test(frame) {
        return try arm.body(frame)
      }
      return try otherwise?(frame) ?? .next
    }
  }

  private func compileFor(
    _ target: AssignmentTarget, _ sequence: Expression, body: @escaping Execute,
    range: SourceRange
  ) -> Execute {
    let store = compileStore(target)
    let runtime = self.runtime
    // `for i in range(...)` counts without building a tensor of all the numbers.
    if case .call(let callee, let arguments) = sequence.kind, case .name("range") = callee.kind,
      arguments.allSatisfy({ $0.label == nil }), (1...3).contains(arguments.count)
    {
      let evaluateCallee = compile(callee)
      let bounds = arguments.map { compile($0.value) }
      let evaluateSequence = compile(sequence)
      return { [self] frame in
        guard case .function(let function) = try evaluateCallee(frame),
          function.isBuiltin && function.name == "range"
        else {
          return try runLoop(over: try evaluateSequence(frame), store, body, range, frame)
        }
        let values = try bounds.map { try $0(frame) }
        let (start, stop, step) = try located(sequence.range) { try Builtins.rangeBounds(values) }
        var counter = start
        while step > 0 ? counter < stop : counter > stop {
          try located(range) { try runtime.checkpoint() }
          try store(frame, .number(Double(counter)))
          if let exit = try body(frame).loopExit { return exit }
          counter += step
        }
        return .next
      }
    }
    let evaluate = compile(sequence)
    return { [self] frame in try runLoop(over: try evaluate(frame), store, body, range, frame) }
  }

  /// Runs a loop body once per item of a tuple or per row of a tensor.
  private func runLoop(
    over sequence: Value, _ store: Store, _ body: Execute, _ range: SourceRange, _ frame: Frame
  ) throws -> Flow {
    let count = try located(range) { try sequence.iterationCount() }
    for position in 0..<count {
      try located(range) { try runtime.checkpoint() }
      try store(frame, try located(range) { try sequence.item(at: position) })
      if let exit = try body(frame).loopExit { return exit }
    }
    return .next
  }

  private func compileCompoundAssignment(
    _ target: AssignmentTarget, _ operation: BinaryOperator, _ value: Expression
  ) -> Execute {
    let read = operand(target.asExpression)
    let combine = compileBinary(operation, read, operand(value), range: target.range)
    let store = compileStore(target)
    return { [self] frame in
      try store(frame, try combine(frame))
      return .next
    }
  }
}

/// One compiled statement.
///
/// A closure read back from an array of closures comes wrapped in a conversion
/// thunk; one read from a struct field does not.
private struct Step {
  let run: Compiler.Execute
}

/// One `if` or `elseif` branch: its condition and its body.
private struct Arm {
  let test: (Frame) throws -> Bool
  let body: Compiler.Execute
}
