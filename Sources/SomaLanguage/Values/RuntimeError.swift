import SomaAutodiff
import SomaTensor

/// What can go wrong while a Soma program runs.
///
/// The cases carry details, not text; `description` words them for a student. The
/// interpreter attaches the place in the source where the error arose.
public enum RuntimeError: Error, CustomStringConvertible {
  case undefinedName(String, suggestion: String?)
  case unassignedLocal(String)
  case unsupportedOperands(operation: String, lhs: String, rhs: String)
  case unsupportedOperand(operation: String, operand: String)
  case wrongType(context: String, expected: String, got: String)
  case notCallable(type: String)
  case wrongArgumentCount(function: String, expected: Int, given: Int)
  case unknownKeyword(function: String, keyword: String, suggestion: String?)
  case repeatedArgument(function: String, parameter: String)
  case missingArgument(function: String, parameter: String)
  case invalidArgument(function: String, message: String)
  case noSuchField(field: String, available: [String], suggestion: String?)
  case destructuringMismatch(expected: Int, got: Int)
  case tensor(TensorError)
  case autodiff(AutodiffError)
  case recursionTooDeep
  case interrupted
  case timeLimitExceeded(seconds: Double)
  case gradientOfNonNumber(type: String)
  case plot(description: String)
  case raggedTensorLiteral(first: [Int], other: [Int])

  public var description: String {
    switch self {
    case .undefinedName(let name, let suggestion):
      return "unknown name '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    case .unassignedLocal(let name):
      return "'\(name)' is used before it is given a value in this function"
    case .unsupportedOperands(let operation, let lhs, let rhs):
      return "cannot use \(operation) on \(article(lhs)) and \(article(rhs))"
    case .unsupportedOperand(let operation, let operand):
      return "cannot use \(operation) on \(article(operand))"
    case .wrongType(let context, let expected, let got):
      return "\(context) needs \(expected), but got \(article(got))"
    case .notCallable(let type):
      return "\(article(type)) cannot be called like a function"
    case .wrongArgumentCount(let function, let expected, let given):
      return "\(function)() takes \(expected) argument\(expected == 1 ? "" : "s"), "
        + "but \(given) \(given == 1 ? "was" : "were") given"
    case .unknownKeyword(let function, let keyword, let suggestion):
      return "\(function)() has no parameter named '\(keyword)'"
        + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    case .repeatedArgument(let function, let parameter):
      return "\(function)() got two values for '\(parameter)'"
    case .missingArgument(let function, let parameter):
      return "\(function)() is missing its argument '\(parameter)'"
    case .invalidArgument(let function, let message):
      return "\(function)(): \(message)"
    case .noSuchField(let field, let available, let suggestion):
      let known =
        available.isEmpty
        ? "it has no fields"
        : "its fields are "
          + available.joined(separator: ", ")
      return "the record has no field '\(field)'"
        + (suggestion.map { "; did you mean '\($0)'?" } ?? "; \(known)")
    case .destructuringMismatch(let expected, let got):
      return "cannot unpack \(got) value\(got == 1 ? "" : "s") into \(expected) names"
    case .tensor(let error):
      return error.description
    case .autodiff(let error):
      return error.description
    case .recursionTooDeep:
      return "too many nested calls; is a function calling itself without end?"
    case .interrupted:
      return "interrupted"
    case .timeLimitExceeded(let seconds):
      return "stopped after the time limit of \(seconds) seconds"
    case .gradientOfNonNumber(let type):
      return "grad needs a function that returns a number, but it returned \(article(type))"
    case .plot(let description):
      return description
    case .raggedTensorLiteral(let first, let other):
      return "the rows of a tensor must all have the same shape, but got \(formatShape(first)) "
        + "and \(formatShape(other)); write (a, b) for a tuple of tensors of different shapes"
    }
  }
}

/// "a number", "an integer", "a tensor": the type name with its article.
func article(_ noun: String) -> String {
  guard let first = noun.first else { return noun }
  return ("aeiou".contains(first) ? "an " : "a ") + noun
}
