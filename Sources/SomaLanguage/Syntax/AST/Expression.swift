/// An expression of a Soma program, with the span of source it was read from.
public struct Expression: Hashable, Sendable {
  /// What the expression is.
  public var kind: Kind
  /// The span of the whole expression, including brackets around it.
  public var range: SourceRange

  /// Creates an expression of `kind` covering `range`.
  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  /// The forms of expression.
  public indirect enum Kind: Hashable, Sendable {
    /// A number literal: `3`, `0.5`, `1e-3`.
    case number(Double)
    /// A string literal, escapes resolved.
    case string(String)
    /// `true` or `false`.
    case boolean(Bool)
    /// A variable or function name.
    case name(String)
    /// A tensor literal `[a, b, c]`; nested literals are elements that are tensors.
    case tensor([Expression])
    /// A tuple: `()`, `(a,)`, `(a, b)`, or `a, b` at the level of a statement.
    case tuple([Expression])
    /// A record `{lr: 0.1, epochs: 10}`, fields in source order.
    case record([RecordField])
    /// A prefix operation: `-x`, `+x`, `not x`.
    case unary(UnaryOperator, Expression)
    /// An infix operation: `a + b`, `a @ b`, `a and b`; `and` and `or` short-circuit.
    case binary(BinaryOperator, Expression, Expression)
    /// Two or more comparisons in a row, `a < b <= c`, meaning
    /// `a < b and b <= c` with `b` evaluated once.
    case comparisonChain([Expression], [BinaryOperator])
    /// A call `f(x, y, key=value)`.
    case call(Expression, [Argument])
    /// Indexing `A[i, j]` with one subscript per axis.
    case index(Expression, [Subscript])
    /// Field access `r.lr`.
    case field(Expression, Identifier)
    /// An anonymous function `x -> expr`, `(x, y) -> expr` or `() -> expr`.
    case lambda(FunctionDeclaration)
  }
}

/// A name with the span it was written at: a field, parameter or keyword label.
public struct Identifier: Hashable, Sendable {
  /// The name itself.
  public var name: String
  /// Where it was written.
  public var range: SourceRange

  /// Creates an identifier.
  public init(_ name: String, range: SourceRange) {
    self.name = name
    self.range = range
  }
}

/// One `name: value` entry of a record literal.
public struct RecordField: Hashable, Sendable {
  /// The field name.
  public var name: Identifier
  /// The field's value.
  public var value: Expression

  /// Creates a record field.
  public init(name: Identifier, value: Expression) {
    self.name = name
    self.value = value
  }

  /// The span from the field name to the end of its value.
  public var range: SourceRange { name.range.joined(with: value.range) }
}

/// One argument of a call, positional or `label=value`.
public struct Argument: Hashable, Sendable {
  /// The keyword, for `key=value` arguments.
  public var label: Identifier?
  /// The argument's value.
  public var value: Expression

  /// Creates an argument.
  public init(label: Identifier? = nil, value: Expression) {
    self.label = label
    self.value = value
  }

  /// The span of the argument, from its label if it has one.
  public var range: SourceRange { label?.range.joined(with: value.range) ?? value.range }
}

/// One subscript inside `[...]`: a single index or a slice `start:stop:step`.
public struct Subscript: Hashable, Sendable {
  /// What the subscript is.
  public var kind: Kind
  /// Its span inside the brackets.
  public var range: SourceRange

  /// Creates a subscript.
  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  /// The forms of subscript.
  public enum Kind: Hashable, Sendable {
    /// One position along the axis; negative positions count from the end.
    case index(Expression)
    /// A half-open slice; missing parts default to the start, the end and 1.
    case slice(start: Expression?, stop: Expression?, step: Expression?)
  }
}
