import Foundation
import Testing

/// `soma` run without a terminal: `-e`, script files, standard input, exit status
/// and usage errors.
@Suite("soma on the command line")
struct CommandLineTests {
  let directory: ScratchDirectory

  init() throws {
    directory = try ScratchDirectory()
  }

  /// A short script: an assignment, a bare expression and a print.
  static let script = "x = 3\nx + 1\nprint(x * 2)\n"

  @Test("-e CODE shows the value of each expression and exits with 0")
  func evaluatesCode() throws {
    let run = try CommandLineRun(["-e", "x = [1, 2]; x * 2; print(\"hi\"); 1 + 2"], in: directory)

    #expect(run.status == 0)
    #expect(run.standardOutput == "[2, 4]\nhi\n3\n")
    #expect(run.standardError == "")
  }

  @Test("soma FILE runs a script: bare expressions are not shown, print is")
  func runsScriptFile() throws {
    try directory.write(Self.script, to: "script.soma")

    let run = try CommandLineRun(["script.soma"], in: directory)

    #expect(run.status == 0)
    #expect(run.standardOutput == "6\n")
    #expect(run.standardError == "")
  }

  @Test("soma - runs a script read from standard input")
  func runsStandardInputWithDash() throws {
    let run = try CommandLineRun(["-"], input: Self.script, in: directory)

    #expect(run.status == 0)
    #expect(run.standardOutput == "6\n")
  }

  @Test("soma with no arguments runs standard input when it is not a terminal")
  func runsPipedStandardInput() throws {
    let run = try CommandLineRun([], input: Self.script, in: directory)

    #expect(run.status == 0)
    #expect(run.standardOutput == "6\n")
    #expect(!run.standardOutput.contains("soma>"))
  }

  @Test("a runtime error in a script exits with 1 and names the place, line and caret")
  func reportsRuntimeErrorInScript() throws {
    try directory.write("print(\"before\")\ny = 1 + zz\nprint(\"after\")\n", to: "broken.soma")

    let run = try CommandLineRun(["broken.soma"], in: directory)

    #expect(run.status == 1)
    #expect(run.standardOutput == "before\n")
    let lines = run.standardError.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count >= 3)
    #expect(lines.first?.hasPrefix("broken.soma:2:9: error: ") == true)
    #expect(lines.first?.contains("'zz'") == true)
    #expect(lines.dropFirst().first == "y = 1 + zz")
    #expect(lines.dropFirst(2).first?.hasPrefix("        ^") == true)
  }

  @Test("a syntax error exits with 1 before anything runs")
  func reportsSyntaxError() throws {
    try directory.write("print(\"before\")\nx = (1 +\n", to: "unclosed.soma")

    let run = try CommandLineRun(["unclosed.soma"], in: directory)

    #expect(run.status == 1)
    #expect(run.standardOutput == "")
    #expect(run.standardError.hasPrefix("unclosed.soma:"))
    #expect(run.standardError.contains(": error: "))
  }

  @Test("an error in -e code names the command line as its place")
  func reportsErrorInCode() throws {
    let run = try CommandLineRun(["-e", "1 + [1, 2, 3] @ [1, 2]"], in: directory)

    #expect(run.status == 1)
    #expect(run.standardError.hasPrefix("<command line>:1:5: error: "))
    #expect(run.standardError.contains("1 + [1, 2, 3] @ [1, 2]\n    ^"))
  }

  @Test("an error in a script from standard input names <stdin>")
  func reportsErrorInStandardInput() throws {
    let run = try CommandLineRun([], input: "x = 1\nx[5]\n", in: directory)

    #expect(run.status == 1)
    #expect(run.standardError.hasPrefix("<stdin>:2:"))
  }

  @Test(
    "usage errors exit with 2 and say what is wrong",
    arguments: [
      (["--frobnicate"], "unknown option --frobnicate"),
      (["missing.soma"], "cannot open 'missing.soma': no such file"),
      (["-e"], "-e needs code to run"),
      (["one.soma", "two.soma"], "give one script at a time"),
      (["-e", "1", "two.soma"], "give one script at a time"),
      (["one.soma", "-e", "1"], "give either a file or -e CODE, not both"),
    ])
  func rejectsBadUsage(arguments: [String], message: String) throws {
    let run = try CommandLineRun(arguments, in: directory)

    #expect(run.status == 2)
    #expect(run.standardOutput == "")
    #expect(run.standardError.hasPrefix("soma: \(message)\n"))
    #expect(run.standardError.contains("usage: soma"))
  }

  @Test("--help and -h show the usage on standard output and exit with 0")
  func showsHelp() throws {
    for option in ["--help", "-h"] {
      let run = try CommandLineRun([option], in: directory)

      #expect(run.status == 0)
      #expect(run.standardOutput.hasPrefix("usage: soma [FILE | -e CODE | -]\n"))
      #expect(run.standardOutput.contains("--version"))
      #expect(run.standardError == "")
    }
  }

  @Test("--version shows the version and exits with 0")
  func showsVersion() throws {
    let run = try CommandLineRun(["--version"], in: directory)

    #expect(run.status == 0)
    #expect(run.standardOutput.wholeMatch(of: /soma \d+\.\d+\.\d+\n/) != nil)
  }

  @Test("a script's tensors print like NumPy, one value per bare expression in -e")
  func printsTensors() throws {
    let run = try CommandLineRun(["-e", "[[1, 2], [3, 4]] * 0.5"], in: directory)

    #expect(run.status == 0)
    #expect(run.standardOutput == "[[0.5, 1.0],\n [1.5, 2.0]]\n")
  }
}
