import SomaAutodiff
import SomaTensor

extension Compiler {
  /// Compiles statements into one closure that runs them in order, stopping early at
  /// `break`, `continue` or `return`.
  func compile(_ statements: [Statement]) -> Execute {
    let steps = statements.map(compile)
    switch steps.count {
    case 0: return { [self] _ in .next }
    case 1: return steps[0]
    default:
      return { [self] frame in
        for step in steps {
          let flow = try step(frame)
          if case .next = flow { continue }
          return flow
        }
        return .next
      }
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
      let evaluate = compile(value)
      let store = compileStore(target)
      return { [self] frame in
        try store(frame, try evaluate(frame))
        return .next
      }
    case .compoundAssignment(let target, let operation, let value):
      return compileCompoundAssignment(target, operation, value)
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
          switch try run(frame) {
          case .breakLoop: return .next
          case .returnValue(let value): return .returnValue(value)
          case .next, .continueLoop: continue
          }
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
    let evaluate = compile(condition)
    let range = condition.range
    return { [self] frame in
      let value = try evaluate(frame)
      if case .boolean(let flag) = value { return flag }
      return try located(range) { try value.isTrue(context: context) }
    }
  }

  private func compileIf(_ branches: [ConditionalBranch], elseBody: [Statement]?) -> Execute {
    let tests = branches.map { compileCondition($0.condition, context: "if") }
    let bodies = branches.map { compile($0.body) }
    let otherwise = elseBody.map(compile)
    return { [self] frame in
      for (test, body) in zip(tests, bodies) where try test(frame) {
        return try body(frame)
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
          switch try body(frame) {
          case .breakLoop: return .next
          case .returnValue(let value): return .returnValue(value)
          case .next, .continueLoop: break
          }
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
      switch try body(frame) {
      case .breakLoop: return .next
      case .returnValue(let value): return .returnValue(value)
      case .next, .continueLoop: continue
      }
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
