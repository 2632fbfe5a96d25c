import SomaAutodiff
import SomaTensor

/// One running Soma session: its variables, its output and its random numbers.
///
/// The REPL keeps one session for its lifetime; `nbrun` makes one per notebook and
/// `soma FILE` one per script. Each call of `run` compiles and runs one piece of
/// source (an entry, a cell or a script) against the session's variables.
public final class Session {
  /// How values are written; the REPL sets the width, notebooks keep the default.
  public var formatter: ValueFormatter {
    get { runtime.formatter }
    set { runtime.formatter = newValue }
  }

  /// The width of plots, in columns: 72 by default, so that notebooks do not depend on
  /// the terminal; the REPL sets it to the terminal's width.
  public var plotWidth: Int {
    get { runtime.plotDefaults.width }
    set { runtime.plotDefaults.width = newValue }
  }

  /// Receives everything the session prints: results, `print` output and plots.
  public var output: (String) -> Void {
    get { runtime.write }
    set { runtime.write = newValue }
  }

  /// The traces to write, and where; none by default.
  public var trace: Set<TraceTopic> = []
  /// Receives trace lines (the programs send them to standard error).
  public var traceOutput: (String) -> Void = { _ in }

  /// Returns true when the user asked to stop; checked at every loop step and call.
  public var isInterrupted: () -> Bool {
    get { runtime.isInterrupted }
    set { runtime.isInterrupted = newValue }
  }

  private let globals = Globals()
  private let runtime: Runtime

  /// The names a fresh session starts with: the builtins and a few constants.
  private static var constants: [(String, Value)] {
    [
      ("pi", .number(Double.pi)), ("e", .number(2.718_281_828_459_045)),
      ("inf", .number(.infinity)), ("nan", .number(.nan)),
    ]
  }

  /// The deepest chain of nested calls a program may make.
  ///
  /// Sessions run on a thread
  /// with a large stack (see `LargeStack`), which this limit keeps within bounds.
  public static let maximumCallDepth = 10_000

  /// Creates a session whose printed output goes to `write`.
  public init(write: @escaping (String) -> Void) {
    runtime = Runtime(
      write: write, formatter: ValueFormatter(), maximumCallDepth: Self.maximumCallDepth)
    reset()
  }

  deinit {
    // Functions stored in globals refer back to the globals; break those cycles.
    globals.clear()
  }

  /// Forgets every variable and restarts the random numbers, as in a new session.
  public func reset() {
    for name in globals.definedNames { globals[name] = nil }
    for function in Builtins.all() { globals[function.name] = .function(function) }
    for (name, value) in Self.constants { globals[name] = value }
    runtime.random = RandomGenerator(seed: GlobalRandom.defaultSeed)
  }

  /// Parses and runs `source`.
  ///
  /// - Parameters:
  ///   - showResults: whether top-level expression statements write their values (and
  ///     set `ans`), as in the REPL and notebooks; scripts leave this off.
  ///   - timeLimit: seconds after which the run stops with an error.
  /// - Throws: `SomaError` for a syntax or runtime error; variables assigned before
  ///   the error keep their values.
  public func run(_ source: Source, showResults: Bool = true, timeLimit: Double? = nil) throws {
    let clock = ContinuousClock()
    let started = clock.now
    let nodesBefore = processedGraphNodes
    let program: Program
    do {
      program = try Parser.parse(source)
    } catch {
      throw SomaError.syntax(error, source: source)
    }
    if trace.contains(.parser) { traceOutput("trace: \(source.name): \(program)\n") }
    let parsed = clock.now
    let compiler = Compiler(
      source: source, globals: globals, runtime: runtime, scope: nil, showsResults: showResults
    ) { [runtime, globals] value in
      runtime.write(runtime.formatter.display(value) + "\n")
      globals["ans"] = value
    }
    let execute = compiler.compile(program.statements)
    let compiled = clock.now
    runtime.startRun(timeLimit: timeLimit)
    defer {
      if trace.contains(.tape) {
        traceOutput(
          "trace: \(source.name): backward passes processed "
            + "\(processedGraphNodes - nodesBefore) graph nodes\n")
      }
      if trace.contains(.timings) {
        traceOutput(
          "trace: \(source.name): parse \(formatMilliseconds(parsed - started)), compile "
            + "\(formatMilliseconds(compiled - parsed)), run "
            + "\(formatMilliseconds(clock.now - compiled))\n")
      }
    }
    do {
      _ = try execute(Frame(slotCount: 0, parent: nil))
    } catch let error as LocatedError {
      throw SomaError.runtime(error)
    }
  }

  /// The value of a variable, if it has one.
  public subscript(name: String) -> Value? {
    globals[name]
  }

  /// How to call the function named `name`: its signature, a summary and an example.
  ///
  /// - Returns: the help text, or `nil` when no function has that name.
  public func help(for name: String) -> String? {
    guard case .function(let function) = globals[name] else { return nil }
    return Builtins.helpText(for: function)
  }

  /// The names of all builtin functions, sorted.
  public var builtinNames: [String] {
    globals.definedNames.filter { name in
      if case .function(let function) = globals[name] { return function.isBuiltin }
      return false
    }.sorted()
  }

  /// Names of variables, functions and builtins that start with `prefix`, sorted.
  public func names(startingWith prefix: String) -> [String] {
    globals.definedNames.filter { $0.hasPrefix(prefix) }.sorted()
  }

  /// The user's own variables (not builtins or constants) with their types and shapes,
  /// in the order they were defined.
  public func userVariables() -> [(name: String, description: String)] {
    let constants = Set(Self.constants.map(\.0))
    return globals.definedNames.compactMap { name in
      guard let value = globals[name], !constants.contains(name) else { return nil }
      if case .function(let function) = value, function.isBuiltin { return nil }
      return (name, value.typeDescription)
    }
  }
}

/// An error from running Soma source: in its syntax, or while it ran.
public enum SomaError: Error {
  case syntax(SyntaxError, source: Source)
  case runtime(LocatedError)

  /// The error in the one diagnostic format.
  ///
  /// `place:line:col: error: message`, the source line and a caret under the spot,
  /// without a final line break.
  public func rendered(colored: Bool = false) -> String {
    var text: String
    switch self {
    case .syntax(let error, let source):
      text = error.diagnostic.rendered(in: source, colored: colored)
    case .runtime(let error):
      text = error.diagnostic.rendered(in: error.source, colored: colored)
    }
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }

  /// The diagnostic's message alone.
  public var message: String {
    switch self {
    case .syntax(let error, _): return error.diagnostic.message
    case .runtime(let error): return error.error.description
    }
  }

  /// The line of the error within its source.
  public var line: Int {
    switch self {
    case .syntax(let error, _): return error.range.start.line
    case .runtime(let error): return error.range.start.line
    }
  }
}
