extension Lexer {
  /// Reads a number: digits with optional `_` separators, an optional fraction
  /// `.digits` and an optional exponent `e`, `e+` or `e-` followed by digits.
  ///
  /// A number glued to letters (`12abc`, `1e`) or to a second fraction (`1.2.3`)
  /// is one invalid number rather than several tokens, so the student sees the
  /// whole mistake.
  mutating func lexNumber() throws(SyntaxError) {
    let start = currentLocation
    var spelling = ""
    var valid = true
    readDigits(into: &spelling)
    if peek() == ".", let next = peek(1), ("0"..."9").contains(next) {
      spelling.append(".")
      advance()
      readDigits(into: &spelling)
    }
    if let letter = peek(), letter == "e" || letter == "E" {
      spelling.unicodeScalars.append(letter)
      advance()
      if let sign = peek(), sign == "+" || sign == "-" {
        spelling.unicodeScalars.append(sign)
        advance()
      }
      valid = readDigits(into: &spelling) > 0
    }
    while let scalar = peek(), Lexer.isIdentifierContinuation(scalar) || scalar == "." {
      if scalar == ".", !(peek(1).map { ("0"..."9").contains($0) } ?? false) {
        break
      }
      spelling.unicodeScalars.append(scalar)
      advance()
      valid = false
    }
    let range = SourceRange(start: start, end: currentLocation)
    guard valid, let value = Double(spelling.filter { $0 != "_" }) else {
      throw .invalidNumber(spelling, problem: .malformed, range: range)
    }
    guard value.isFinite else {
      throw .invalidNumber(spelling, problem: .tooLarge, range: range)
    }
    add(.number(value), from: start)
  }

  /// Reads decimal digits and `_` separators, returning how many digits it read.
  @discardableResult
  private mutating func readDigits(into spelling: inout String) -> Int {
    var count = 0
    while let scalar = peek(), ("0"..."9").contains(scalar) || scalar == "_" {
      if scalar != "_" {
        count += 1
      }
      spelling.unicodeScalars.append(scalar)
      advance()
    }
    return count
  }

  /// Reads a double-quoted string on one line, resolving `\n`, `\t`, `\"` and `\\`.
  mutating func lexString() throws(SyntaxError) {
    let start = currentLocation
    advance()
    var value = ""
    while true {
      guard let scalar = peek(), scalar != "\n" else {
        throw .unterminatedString(range: SourceRange(start: start, end: currentLocation))
      }
      if scalar == "\"" {
        advance()
        break
      }
      if scalar == "\\" {
        let escapeStart = currentLocation
        advance()
        guard let escaped = peek(), escaped != "\n" else {
          throw .unterminatedString(range: SourceRange(start: start, end: currentLocation))
        }
        advance()
        switch escaped {
        case "n": value.append("\n")
        case "t": value.append("\t")
        case "\"": value.append("\"")
        case "\\": value.append("\\")
        default:
          let range = SourceRange(start: escapeStart, end: currentLocation)
          throw .invalidEscape("\\" + String(escaped), range: range)
        }
        continue
      }
      value.unicodeScalars.append(scalar)
      advance()
    }
    add(.string(value), from: start)
  }
}
