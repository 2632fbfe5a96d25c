import Testing

@testable import SomaLanguage

@Suite("Traces")
struct TraceTests {
  @Test("SOMA_TRACE names topics by comma; all turns on every topic; unknown names are ignored")
  func parsing() {
    #expect(TraceTopic.parse(nil) == [])
    #expect(TraceTopic.parse("parser,timings,nonsense") == [.parser, .timings])
    #expect(TraceTopic.parse("all") == Set(TraceTopic.allCases))
  }

  @Test("a session is silent by default and traces the topics it is given")
  func sessionTraces() throws {
    var traces = ""
    let session = Session { _ in }
    session.traceOutput = { traces += $0 }
    try session.run(Source("1 + 2", name: "t"))
    #expect(traces.isEmpty)

    session.trace = [.parser, .tape]
    try session.run(Source("grad(x -> x * x)(3)", name: "t"))
    #expect(traces.contains("trace: t: (call (call grad (lambda (x) (* x x))) 3)"))
    #expect(traces.contains("trace: t: backward passes processed"))
  }
}
