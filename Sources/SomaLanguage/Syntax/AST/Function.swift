/// The parameters and body of a function, named or anonymous.
public struct FunctionDeclaration: Hashable, Sendable {
  /// The parameters in order; those with default values come last.
  public var parameters: [Parameter]
  /// What the function computes.
  public var body: Body

  /// Creates a function declaration.
  public init(parameters: [Parameter], body: Body) {
    self.parameters = parameters
    self.body = body
  }

  /// The two forms of function body.
  public indirect enum Body: Hashable, Sendable {
    /// One expression whose value is the result: `f(x) = x^2`, `x -> x^2`.
    case expression(Expression)
    /// Statements of a `function ... end` block; `return` gives the result.
    case block([Statement])
  }
}

/// A function parameter, with an optional default value such as `lr=0.1`.
public struct Parameter: Hashable, Sendable {
  /// The parameter name.
  public var name: Identifier
  /// The value used when a call leaves the parameter out.
  public var defaultValue: Expression?

  /// Creates a parameter.
  public init(name: Identifier, defaultValue: Expression? = nil) {
    self.name = name
    self.defaultValue = defaultValue
  }

  /// The span of the parameter, including its default value.
  public var range: SourceRange {
    defaultValue.map { name.range.joined(with: $0.range) } ?? name.range
  }
}
