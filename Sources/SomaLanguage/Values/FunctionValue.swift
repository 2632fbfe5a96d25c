/// A callable value: a builtin, a user-defined function, or a transform's result.
///
/// Every function has a `Signature`; calls bind their arguments to it in one place
/// (`Signature.bind`), so all functions report argument mistakes the same way.
public final class FunctionValue {
  /// The name shown in errors and help; `<anonymous>` for `x -> ...` functions.
  public let name: String
  /// The parameters the function takes.
  public let signature: Signature
  /// Help text for `?name`, when the function has some.
  public let documentation: Documentation?
  /// Whether this is one of Soma's own builtins rather than a user's function.
  public let isBuiltin: Bool
  /// For elementwise builtins such as `exp`: the function on one plain number, which
  /// calls with a number use directly, skipping argument lists.
  let numberFunction: ((Double) -> Double)?
  /// Runs the function on arguments already bound to `signature`, in parameter order.
  let body: (_ arguments: [Value], _ context: Runtime) throws -> Value

  init(
    name: String, signature: Signature, documentation: Documentation? = nil,
    isBuiltin: Bool = false, numberFunction: ((Double) -> Double)? = nil,
    body: @escaping (_ arguments: [Value], _ context: Runtime) throws -> Value
  ) {
    self.numberFunction = numberFunction
    self.name = name
    self.signature = signature
    self.documentation = documentation
    self.isBuiltin = isBuiltin
    self.body = body
  }

  /// Calls the function with positional and keyword arguments.
  ///
  /// - Throws: `RuntimeError` for arguments that do not fit, or whatever the body throws.
  func call(
    _ positional: [Value], keywords: [(String, Value)] = [], context: Runtime
  ) throws -> Value {
    if keywords.isEmpty && signature.variadicIndex == nil
      && positional.count == signature.parameters.count
    {
      return try body(positional, context)
    }
    let bound = try signature.bind(positional, keywords: keywords, function: name)
    return try body(bound, context)
  }
}

/// The help shown for a builtin: a sentence and an example.
public struct Documentation: Sendable {
  /// One sentence saying what the function does.
  public let summary: String
  /// A short Soma snippet that uses it.
  public let example: String
}

/// The parameters of a function: names, defaults, and an optional final variadic one.
public struct Signature {
  /// One parameter.
  public struct Parameter {
    /// The name, usable as a keyword argument.
    public let name: String
    /// The value used when the argument is left out; `nil` means it is required.
    public let defaultValue: Value?

    /// A required parameter, or an optional one when `defaultValue` is given.
    public init(_ name: String, default defaultValue: Value? = nil) {
      self.name = name
      self.defaultValue = defaultValue
    }
  }

  /// The parameters in order.
  public let parameters: [Parameter]
  /// The index of the parameter that collects any extra positional arguments as a tuple.
  public let variadicIndex: Int?

  /// Creates a signature; `variadic` names the parameter that takes extra arguments.
  public init(_ parameters: [Parameter], variadic: String? = nil) {
    self.parameters = parameters
    self.variadicIndex = variadic.flatMap { name in parameters.firstIndex { $0.name == name } }
  }

  /// The signature as shown in help: `sum(x, axis=none, keepdims=false)`.
  public func description(name: String) -> String {
    let parts = parameters.enumerated().map { index, parameter in
      if index == variadicIndex { return "\(parameter.name)..." }
      guard let value = parameter.defaultValue else { return parameter.name }
      return "\(parameter.name)=\(ValueFormatter.plain.inline(value))"
    }
    return "\(name)(\(parts.joined(separator: ", ")))"
  }

  /// Matches arguments to parameters, returning one value per parameter.
  ///
  /// - Throws: `RuntimeError` naming `function` for too many or too few arguments,
  ///   unknown or repeated keywords.
  func bind(_ positional: [Value], keywords: [(String, Value)], function: String) throws
    -> [Value]
  {
    var slots = [Value?](repeating: nil, count: parameters.count)
    var remaining = positional[...]
    for index in parameters.indices {
      if index == variadicIndex {
        slots[index] = .tuple(Array(remaining))
        remaining = []
        break
      }
      guard let next = remaining.popFirst() else { break }
      slots[index] = next
    }
    guard remaining.isEmpty else {
      throw RuntimeError.wrongArgumentCount(
        function: function, expected: parameters.count, given: positional.count)
    }
    for (name, value) in keywords {
      guard let index = parameters.firstIndex(where: { $0.name == name }),
        index != variadicIndex
      else {
        let names = parameters.map(\.name)
        throw RuntimeError.unknownKeyword(
          function: function, keyword: name,
          suggestion: closestName(to: name, among: names))
      }
      guard slots[index] == nil else {
        throw RuntimeError.repeatedArgument(function: function, parameter: name)
      }
      slots[index] = value
    }
    return try parameters.indices.map { index in
      if let value = slots[index] { return value }
      if index == variadicIndex { return .tuple([]) }
      guard let fallback = parameters[index].defaultValue else {
        throw RuntimeError.missingArgument(function: function, parameter: parameters[index].name)
      }
      return fallback
    }
  }
}
