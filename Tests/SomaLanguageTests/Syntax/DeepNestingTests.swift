import Foundation
import Testing

@testable import SomaLanguage

@Suite("Parser: deep nesting")
struct DeepNestingTests {
  /// Inputs nested far past the limit, one for each way of nesting.
  static let deepInputs = [
    String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000),
    String(repeating: "[", count: 5000) + "1" + String(repeating: "]", count: 5000),
    String(repeating: "{a: ", count: 5000) + "1" + String(repeating: "}", count: 5000),
    String(repeating: "f(", count: 5000) + "1" + String(repeating: ")", count: 5000),
    "x" + String(repeating: "[x", count: 5000) + String(repeating: "]", count: 5000),
    String(repeating: "-", count: 5000) + "1", String(repeating: "not ", count: 5000) + "a",
    "2" + String(repeating: "^-2", count: 5000), "1" + String(repeating: " + 1", count: 5000),
    "x" + String(repeating: ".a", count: 5000), "f" + String(repeating: "()", count: 5000),
    String(repeating: "x -> ", count: 5000) + "x",
    String(repeating: "if x\n", count: 5000) + String(repeating: "end\n", count: 5000),
    String(repeating: "function f()\n", count: 5000),
  ]

  @Test("deep nesting ends in an error instead of a crash", arguments: deepInputs)
  func deepNesting(text: String) {
    guard case .nestedTooDeeply(let limit, _) = syntaxError(text) else {
      Issue.record("expected nestedTooDeeply for \(text.prefix(20))")
      return
    }
    #expect(limit == Parser.maximumNestingDepth)
  }

  @Test("on a thread with a small stack, deep nesting still ends in an error")
  func smallStack() {
    // 512 KB is the default stack of a secondary thread on macOS; a debug build
    // needs several kilobytes per level, so here the stack check, not the
    // depth limit, stops the parser.
    let finished = DispatchSemaphore(value: 0)
    let outcomes = OutcomeBox()
    let thread = Thread {
      outcomes.errors = Self.deepInputs.map { syntaxError($0) }
      finished.signal()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    finished.wait()
    for (input, error) in zip(Self.deepInputs, outcomes.errors) {
      guard case .nestedTooDeeply = error else {
        Issue.record("expected nestedTooDeeply for \(input.prefix(20))")
        continue
      }
    }
    #expect(outcomes.errors.count == Self.deepInputs.count)
  }

  @Test("nesting well below the limit parses")
  func nestingWithinLimit() {
    let depth = 100
    let text = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
    #expect(dump(text) == "1")
    let list = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
    #expect(dump(list).hasPrefix("(tensor (tensor"))
  }

  @Test("the deep-nesting error points at the first bracket past the limit")
  func deepNestingRendered() {
    // One bracket per line. The statement's expression is level 1, and the
    // element that starts on line k is level k, so line 257 is one too many.
    let text = "x = [\n" + String(repeating: "[\n", count: 300)
    #expect(
      renderedError(text) == """
        test.soma:257:1: error: expression nested too deeply
        [
        ^
        note: at most 256 levels of brackets, operators and blocks fit; give parts of \
        the expression their own names

        """)
  }

  @Test("the deep-nesting message names the limit in a note")
  func deepNestingMessage() {
    let text = "x = " + String(repeating: "[", count: 300)
    #expect(syntaxError(text)?.message == "expression nested too deeply")
    #expect(syntaxError(text)?.note?.message.hasPrefix("at most 256 levels") == true)
  }
}

/// Carries results out of the worker thread; the semaphore orders the accesses.
private final class OutcomeBox: @unchecked Sendable {
  var errors: [SyntaxError?] = []
}
