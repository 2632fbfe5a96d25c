/// An error about a place in a Soma program, which the REPL, the script
/// runner and notebooks render the same way.
public protocol DiagnosticConvertible: Error {
  /// The error as a diagnostic for `Diagnostic.rendered(in:colored:)`.
  var diagnostic: Diagnostic { get }
}

extension SyntaxError: DiagnosticConvertible {}
