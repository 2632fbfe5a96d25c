/// The syntax tree as compact S-expressions, for tests and for debugging.
///
/// Operators come first, `(+ a (* b c))`; literals and names stand alone;
/// missing slice parts are `_`. `-2^2` reads `(- (^ 2 2))`.
extension Expression: CustomStringConvertible {
  public var description: String {
    switch kind {
    case .number(let value):
      return formatNumber(value)
    case .string(let text):
      return quoted(text)
    case .boolean(let value):
      return String(value)
    case .name(let name):
      return name
    case .tensor(let elements):
      return list("tensor", elements.map(\.description))
    case .tuple(let elements):
      return list("tuple", elements.map(\.description))
    case .record(let fields):
      return list("record", fields.map { "(\($0.name.name) \($0.value))" })
    case .unary(let operation, let operand):
      return list(operation.rawValue, [operand.description])
    case .binary(let operation, let left, let right):
      return list(operation.rawValue, [left.description, right.description])
    case .comparisonChain(let operands, let operations):
      var parts = [operands[0].description]
      for (operation, operand) in zip(operations, operands.dropFirst()) {
        parts += [operation.rawValue, operand.description]
      }
      return list("chain", parts)
    case .call(let callee, let arguments):
      return list("call", [callee.description] + arguments.map(\.description))
    case .index(let base, let subscripts):
      return list("index", [base.description] + subscripts.map(\.description))
    case .field(let base, let field):
      return list(".", [base.description, field.name])
    case .lambda(let function):
      return list("lambda", [function.parameterList, function.body.description])
    }
  }
}

extension Argument: CustomStringConvertible {
  public var description: String {
    if let label {
      return "\(label.name)=\(value)"
    }
    return value.description
  }
}

extension Subscript: CustomStringConvertible {
  public var description: String {
    switch kind {
    case .index(let position):
      return position.description
    case .slice(let start, let stop, let step):
      let parts = [start, stop, step].map { $0?.description ?? "_" }
      return list("slice", parts)
    }
  }
}

extension FunctionDeclaration {
  /// The parameters as `(x y lr=0.1)`.
  var parameterList: String {
    let names = parameters.map { parameter in
      if let value = parameter.defaultValue {
        return "\(parameter.name.name)=\(value)"
      }
      return parameter.name.name
    }
    return "(" + names.joined(separator: " ") + ")"
  }
}

extension FunctionDeclaration.Body: CustomStringConvertible {
  public var description: String {
    switch self {
    case .expression(let expression):
      return expression.description
    case .block(let statements):
      return blockDescription(statements)
    }
  }
}

/// `(head part part ...)`, or `(head)` without parts.
func list(_ head: String, _ parts: [String]) -> String {
  parts.isEmpty ? "(\(head))" : "(\(head) \(parts.joined(separator: " ")))"
}

/// A block of statements as `(block s1 s2 ...)`.
func blockDescription(_ statements: [Statement]) -> String {
  list("block", statements.map(\.description))
}

/// A string literal as it would be written in Soma, with escapes.
private func quoted(_ text: String) -> String {
  var result = "\""
  for character in text {
    switch character {
    case "\n": result += "\\n"
    case "\t": result += "\\t"
    case "\"": result += "\\\""
    case "\\": result += "\\\\"
    default: result.append(character)
    }
  }
  return result + "\""
}
