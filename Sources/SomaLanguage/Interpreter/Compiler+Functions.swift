extension Compiler {
  /// Compiles a function definition or anonymous function into a closure that makes
  /// the function value, capturing the frame it is made in.
  ///
  /// Default parameter values are evaluated once, when the function is made.
  func compileFunction(named name: String, _ declaration: FunctionDeclaration, range: SourceRange)
    -> Evaluate
  {
    let parameterNames = declaration.parameters.map(\.name.name)
    let scope = Scope(parent: self.scope, parameters: parameterNames, body: declaration.body)
    let inner = entering(scope)
    let defaults = declaration.parameters.map { $0.defaultValue.map(compile) }
    let slotCount = scope.slotCount
    let parameterCount = parameterNames.count
    let body: (Frame) throws -> Value
    switch declaration.body {
    case .expression(let expression):
      body = inner.compile(expression)
    case .block(let statements):
      let run = inner.compile(statements)
      body = { [self] frame in
        if case .returnValue(let value) = try run(frame) { return value }
        return .nothing
      }
    }
    return { [self] frame in
      let parameters = try zip(parameterNames, defaults).map { name, evaluateDefault in
        Signature.Parameter(name, default: try evaluateDefault?(frame))
      }
      let captured = scope.parent == nil ? nil : frame
      return .function(
        FunctionValue(name: name, signature: Signature(parameters)) { arguments, _ in
          let call = Frame(slotCount: slotCount, parent: captured)
          for index in 0..<parameterCount { call.slots[index] = arguments[index] }
          return try body(call)
        })
    }
  }
}
