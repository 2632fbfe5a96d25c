/// A statement of a Soma program, with the span of source it was read from.
public struct Statement: Hashable, Sendable {
  /// What the statement is.
  public var kind: Kind
  /// The span of the whole statement, up to its `end` for blocks.
  public var range: SourceRange

  /// Creates a statement of `kind` covering `range`.
  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  /// The forms of statement.
  public indirect enum Kind: Hashable, Sendable {
    /// An expression whose value is shown in the REPL and in notebooks.
    case expression(Expression)
    /// `target = value`, including `a, b = value` and `x[i] = value`.
    case assignment(AssignmentTarget, Expression)
    /// `target += value` and the like; the operator is `+`, `-`, `*` or `/`.
    case compoundAssignment(AssignmentTarget, BinaryOperator, Expression)
    /// `f(x) = expr` or `function f(x) ... end`.
    case functionDefinition(Identifier, FunctionDeclaration)
    /// `if c ... elif c ... else ... end`; `elseBody` is nil without `else`.
    case ifStatement([ConditionalBranch], elseBody: [Statement]?)
    /// `for x in sequence ... end`; `for a, b in pairs` destructures.
    case forLoop(AssignmentTarget, Expression, body: [Statement])
    /// `while condition ... end`
    case whileLoop(Expression, body: [Statement])
    /// `break`
    case breakStatement
    /// `continue`
    case continueStatement
    /// `return` or `return value`.
    case returnStatement(Expression?)
  }
}

/// One `if` or `elif` condition with the statements it guards.
public struct ConditionalBranch: Hashable, Sendable {
  /// The condition.
  public var condition: Expression
  /// The statements run when the condition holds.
  public var body: [Statement]

  /// Creates a branch.
  public init(condition: Expression, body: [Statement]) {
    self.condition = condition
    self.body = body
  }

  /// The span from the condition to the end of the branch's last statement.
  public var range: SourceRange {
    body.last.map { condition.range.joined(with: $0.range) } ?? condition.range
  }
}

/// What an assignment stores into: a name, an element, a field or several of them.
public struct AssignmentTarget: Hashable, Sendable {
  /// What the target is.
  public var kind: Kind
  /// Where it was written.
  public var range: SourceRange

  /// Creates a target.
  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  /// The forms of target.
  public indirect enum Kind: Hashable, Sendable {
    /// A variable: `x = ...`
    case name(String)
    /// Elements of a tensor: `x[i] = ...`, `A[:, 0] = ...`
    case index(Expression, [Subscript])
    /// A record field: `r.lr = ...`
    case field(Expression, Identifier)
    /// Several targets filled from a tuple: `a, b = ...`, `(a, b), c = ...`
    case tuple([AssignmentTarget])
  }
}

/// A whole program, cell or REPL entry: its statements in order.
public struct Program: Hashable, Sendable {
  /// The top-level statements.
  public var statements: [Statement]

  /// Creates a program.
  public init(statements: [Statement]) {
    self.statements = statements
  }
}
