import SomaAutodiff
import SomaTensor

extension Compiler {
  /// Compiles an expression into a closure that computes its value.
  func compile(_ expression: Expression) -> Evaluate {
    withFastPath(expression, compileWithoutFastPath(expression))
  }

  /// Compiles an expression for values of any kind; its operands may still have fast
  /// paths of their own.
  func compileWithoutFastPath(_ expression: Expression) -> Evaluate {
    let range = expression.range
    switch expression.kind {
    case .number(let number):
      let value = Value.number(number)
      return { [self] _ in value }
    case .string(let text):
      let value = Value.string(text)
      return { [self] _ in value }
    case .boolean(let flag):
      let value = Value.boolean(flag)
      return { [self] _ in value }
    case .name(let name):
      return compileRead(name, range: range)
    case .tensor(let elements):
      let parts = elements.map(compile)
      return { [self] frame in
        let values = try parts.map { try $0(frame) }
        return try located(range) { try Value.tensorLiteral(values) }
      }
    case .tuple(let elements):
      let parts = elements.map(compile)
      return { [self] frame in .tuple(try parts.map { try $0(frame) }) }
    case .record(let fields):
      let names = fields.map(\.name.name)
      let parts = fields.map { compile($0.value) }
      return { [self] frame in
        .record(Record(try zip(names, parts).map { ($0, try $1(frame)) }))
      }
    case .unary(let operation, let operand):
      return compileUnary(operation, compile(operand), range: range)
    case .binary(let operation, let lhs, let rhs):
      return compileBinary(operation, operand(lhs), operand(rhs), range: range)
    case .comparisonChain(let operands, let operations):
      return compileComparisonChain(operands.map(compile), operations, range: range)
    case .call(let callee, let arguments):
      return compileCall(callee, arguments, range: range)
    case .index(let base, let subscripts):
      let evaluateBase = compile(base)
      let evaluateIndices = compileSubscripts(subscripts)
      return { [self] frame in
        let value = try evaluateBase(frame)
        let indices = try evaluateIndices(frame)
        return try located(range) { try value.element(at: indices) }
      }
    case .field(let base, let field):
      let evaluateBase = compile(base)
      return { [self] frame in
        let value = try evaluateBase(frame)
        return try located(field.range) { try value.field(field.name) }
      }
    case .lambda(let declaration):
      return compileFunction(named: "<anonymous>", declaration, range: range)
    }
  }

  private func compileRead(_ name: String, range: SourceRange) -> Evaluate {
    switch locate(name) {
    case .local(0, let slot):
      return { [self] frame in
        guard let value = frame.slots[slot] else {
          throw unassigned(name, range: range, isLocal: true)
        }
        return value
      }
    case .local(let depth, let slot):
      return { [self] frame in
        guard let value = frame.ancestor(depth).slots[slot] else {
          throw unassigned(name, range: range, isLocal: true)
        }
        return value
      }
    case .global(let slot):
      let globals = self.globals
      return { [self] _ in
        guard let value = globals.values[slot] else {
          throw unassigned(name, range: range, isLocal: false)
        }
        return value
      }
    }
  }

  private func compileUnary(
    _ operation: UnaryOperator, _ operand: @escaping Evaluate, range: SourceRange
  )
    -> Evaluate
  {
    switch operation {
    case .negate:
      return { [self] frame in
        let value = try operand(frame)
        if case .number(let number) = value { return .number(-number) }
        return try located(range) { try value.negated() }
      }
    case .plus:
      return { [self] frame in
        let value = try operand(frame)
        guard value.isNumeric else {
          throw LocatedError(
            error: .unsupportedOperand(operation: "+", operand: value.typeName), range: range,
            source: source)
        }
        return value
      }
    case .not:
      return { [self] frame in
        let value = try operand(frame)
        return .boolean(!(try located(range) { try value.isTrue(context: "not") }))
      }
    }
  }

  /// Binary operators.
  ///
  /// Arithmetic and comparisons get a closure specialised for their operator, with a fast path for two plain numbers that involves no dispatch.
  func compileBinary(
    _ operation: BinaryOperator, _ lhs: Operand, _ rhs: Operand, range: SourceRange
  ) -> Evaluate {
    switch operation {
    case .and, .or:
      return compileLogical(operation, lhs, rhs, range: range)
    case .add: return numeric(Addition.self, lhs, rhs, range)
    case .subtract: return numeric(Subtraction.self, lhs, rhs, range)
    case .multiply: return numeric(Multiplication.self, lhs, rhs, range)
    case .divide: return numeric(Division.self, lhs, rhs, range)
    case .power: return numeric(Power.self, lhs, rhs, range)
    case .less: return numeric(Less.self, lhs, rhs, range)
    case .lessEqual: return numeric(LessOrEqual.self, lhs, rhs, range)
    case .greater: return numeric(Greater.self, lhs, rhs, range)
    case .greaterEqual: return numeric(GreaterOrEqual.self, lhs, rhs, range)
    case .equal, .notEqual, .remainder, .matrixMultiply:
      return { [self] frame in
        let left = try fetch(lhs, frame)
        let right = try fetch(rhs, frame)
        return try located(range) { try Value.apply(operation, left, right) }
      }
    }
  }

  /// `and` and `or`, which evaluate their right side only when it decides the result.
  private func compileLogical(
    _ operation: BinaryOperator, _ lhs: Operand, _ rhs: Operand, range: SourceRange
  ) -> Evaluate {
    let context = operation.rawValue
    let stopsOn = operation == .or
    return { [self] frame in
      let left = try fetch(lhs, frame)
      if try located(range, { try left.isTrue(context: context) }) == stopsOn { return left }
      let right = try fetch(rhs, frame)
      _ = try located(range) { try right.isTrue(context: context) }
      return right
    }
  }

  private func numeric<Operation: NumberOperation>(
    _: Operation.Type, _ lhs: Operand, _ rhs: Operand, _ range: SourceRange
  ) -> Evaluate {
    specialise(lhs, rhs, NumberOperatorClosure<Operation>(compiler: self, range: range))
  }

  /// How a binary operator gets an operand: a constant or a variable of the current
  /// call is read directly, anything else by calling its compiled closure.
  enum Operand {
    case constant(Value)
    case local(slot: Int, name: String, range: SourceRange)
    case computed(Evaluate)
  }

  /// The cheapest way to get the value of `expression`.
  func operand(_ expression: Expression) -> Operand {
    switch expression.kind {
    case .number(let number):
      return .constant(.number(number))
    case .name(let name):
      if case .local(0, let slot) = locate(name) {
        return .local(slot: slot, name: name, range: expression.range)
      }
    default:
      break
    }
    return .computed(compile(expression))
  }

  /// Builds the closure for one pair of operand kinds, so that each of the nine
  /// combinations gets its own specialised code with the operands read inline.
  private func specialise(_ lhs: Operand, _ rhs: Operand, _ builder: some BinaryClosure)
    -> Evaluate
  {
    switch lhs {
    case .constant(let value): return specialise(ConstantOperand(value: value), rhs, builder)
    case .local(let slot, let name, let range):
      return specialise(
        LocalOperand(slot: slot, name: name, range: range, compiler: self), rhs, builder)
    case .computed(let evaluate):
      return specialise(ComputedOperand(evaluate: evaluate), rhs, builder)
    }
  }

  private func specialise<Left: OperandSource>(
    _ lhs: Left, _ rhs: Operand, _ builder: some BinaryClosure
  ) -> Evaluate {
    switch rhs {
    case .constant(let value): return builder.make(lhs, ConstantOperand(value: value))
    case .local(let slot, let name, let range):
      return builder.make(lhs, LocalOperand(slot: slot, name: name, range: range, compiler: self))
    case .computed(let evaluate): return builder.make(lhs, ComputedOperand(evaluate: evaluate))
    }
  }

  @inline(__always)
  func fetch(_ operand: Operand, _ frame: Frame) throws -> Value {
    switch operand {
    case .constant(let value):
      return value
    case .local(let slot, let name, let range):
      guard let value = frame.slots[slot] else {
        throw unassigned(name, range: range, isLocal: true)
      }
      return value
    case .computed(let evaluate):
      return try evaluate(frame)
    }
  }

  private func compileComparisonChain(
    _ operands: [Evaluate], _ operations: [BinaryOperator], range: SourceRange
  ) -> Evaluate {
    { [self] frame in
      var left = try operands[0](frame)
      for (index, operation) in operations.enumerated() {
        let right = try operands[index + 1](frame)
        let result = try located(range) { try Value.apply(operation, left, right) }
        guard case .boolean(true) = result else {
          if case .boolean = result { return result }
          throw LocatedError(
            error: .wrongType(
              context: "a chained comparison", expected: "single numbers", got: result.typeName),
            range: range, source: source)
        }
        left = right
      }
      return .boolean(true)
    }
  }

  private func compileCall(_ callee: Expression, _ arguments: [Argument], range: SourceRange)
    -> Evaluate
  {
    let evaluateCallee = compile(callee)
    let positional = arguments.filter { $0.label == nil }.map { compile($0.value) }
    let keywords = arguments.compactMap { argument in
      argument.label.map { ($0.name, compile(argument.value)) }
    }
    let runtime = self.runtime
    if positional.count == 1 && keywords.isEmpty {
      // One positional argument: no argument list for `exp(x)` on a plain number.
      let argument = positional[0]
      return { [self] frame in
        let function = try evaluateCallee(frame)
        guard case .function(let callable) = function else {
          throw LocatedError(
            error: .notCallable(type: function.typeName), range: callee.range, source: source)
        }
        let value = try argument(frame)
        if let numberFunction = callable.numberFunction, case .number(let x) = value {
          return .number(numberFunction(x))
        }
        if callable.isBuiltin {
          return try located(range) { try callable.call([value], context: runtime) }
        }
        return try located(range) {
          try runtime.call { try callable.call([value], context: runtime) }
        }
      }
    }
    return { [self] frame in
      let function = try evaluateCallee(frame)
      guard case .function(let callable) = function else {
        throw LocatedError(
          error: .notCallable(type: function.typeName), range: callee.range, source: source)
      }
      var values: [Value] = []
      values.reserveCapacity(positional.count)
      for argument in positional { values.append(try argument(frame)) }
      if keywords.isEmpty && callable.isBuiltin {
        // Builtins cannot recurse by themselves, so they skip the depth bookkeeping.
        return try located(range) { try callable.call(values, context: runtime) }
      }
      let named = try keywords.map { ($0.0, try $0.1(frame)) }
      return try located(range) {
        try runtime.call { try callable.call(values, keywords: named, context: runtime) }
      }
    }
  }

  /// Subscripts as tensor indices, evaluated left to right.
  func compileSubscripts(_ subscripts: [Subscript]) -> (Frame) throws -> [TensorIndex] {
    let parts: [(Frame) throws -> TensorIndex] = subscripts.map { item in
      switch item.kind {
      case .index(let expression):
        let evaluate = compile(expression)
        return { [self] frame in
          let value = try evaluate(frame)
          return .at(try located(item.range) { try value.integer(context: "an index") })
        }
      case .slice(let start, let stop, let step):
        let bounds = [start, stop, step].map { $0.map(compile) }
        return { [self] frame in
          let values = try bounds.map { bound in
            try bound.map { evaluate in
              let value = try evaluate(frame)
              return try located(item.range) { try value.integer(context: "a slice bound") }
            }
          }
          return .range(start: values[0], end: values[1], step: values[2])
        }
      }
    }
    return { [self] frame in try parts.map { try $0(frame) } }
  }
}
