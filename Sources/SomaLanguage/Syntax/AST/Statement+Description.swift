/// Statements as S-expressions: `(= x 1)`, `(if (c (block ...)) (else (block ...)))`.
extension Statement: CustomStringConvertible {
  public var description: String {
    switch kind {
    case .expression(let expression):
      return expression.description
    case .assignment(let target, let value):
      return list("=", [target.description, value.description])
    case .compoundAssignment(let target, let operation, let value):
      return list(operation.rawValue + "=", [target.description, value.description])
    case .functionDefinition(let name, let function):
      return list(
        "function", [name.name, function.parameterList, function.body.description])
    case .ifStatement(let branches, let elseBody):
      var parts = branches.map { "(\($0.condition) \(blockDescription($0.body)))" }
      if let elseBody {
        parts.append("(else \(blockDescription(elseBody)))")
      }
      return list("if", parts)
    case .forLoop(let target, let sequence, let body):
      return list("for", [target.description, sequence.description, blockDescription(body)])
    case .whileLoop(let condition, let body):
      return list("while", [condition.description, blockDescription(body)])
    case .breakStatement:
      return "(break)"
    case .continueStatement:
      return "(continue)"
    case .returnStatement(let value):
      return list("return", value.map { [$0.description] } ?? [])
    }
  }
}

extension AssignmentTarget: CustomStringConvertible {
  public var description: String {
    switch kind {
    case .name(let name):
      return name
    case .index(let base, let subscripts):
      return list("index", [base.description] + subscripts.map(\.description))
    case .field(let base, let field):
      return list(".", [base.description, field.name])
    case .tuple(let targets):
      return list("tuple", targets.map(\.description))
    }
  }
}

extension Program: CustomStringConvertible {
  /// One statement per line.
  public var description: String {
    statements.map(\.description).joined(separator: "\n")
  }
}
