import Testing

@testable import SomaLanguage

/// Every builtin's help example runs, and where the example states its result after
/// `#`, the result is what Soma shows.
@Suite("Builtin help examples")
struct BuiltinExampleTests {
  static var names: [String] { Builtins.all().map(\.name) }

  @Test(
    "each builtin has a summary and an example that runs and shows what it says", arguments: names)
  func example(name: String) throws {
    let function = try #require(Builtins.all().first { $0.name == name })
    let documentation = try #require(function.documentation)
    #expect(!documentation.summary.isEmpty)
    let parts = documentation.example.split(separator: "#", maxSplits: 1)
    let code = String(parts[0])
    var output = ""
    let session = Session { output += $0 }
    try session.run(Source(code, name: "example of \(name)"))
    guard parts.count == 2 else { return }
    let claimed = parts[1].trimmingCharacters(in: .whitespaces)
    let shown = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .joined(separator: " ")
    #expect(shown.hasSuffix(claimed), "example of \(name) shows \(shown), not \(claimed)")
  }
}
