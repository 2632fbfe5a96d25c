import Testing

@testable import SomaLanguage

/// Each error class with its full rendered diagnostic: header, source line, carets.
@Suite("Syntax errors")
struct SyntaxErrorTests {
  @Test(
    "lexical errors",
    arguments: [
      (
        "x = 3 $ 4",
        """
        test.soma:1:7: error: unexpected character '$'
        x = 3 $ 4
              ^

        """
      ),
      (
        "x = 'a'",
        """
        test.soma:1:5: error: unexpected character '''
        x = 'a'
            ^
        note: strings are written in double quotes, like "text"

        """
      ),
      (
        "s = \"abc\nt = 1",
        """
        test.soma:1:5: error: unterminated string: the closing '"' is missing on this line
        s = "abc
            ^~~~

        """
      ),
      (
        #"s = "a\qb""#,
        #"""
        test.soma:1:7: error: unknown escape sequence '\q' in string
        s = "a\qb"
              ^~
        note: the escapes are \n, \t, \" and \\

        """#
      ),
      (
        "x = 1e",
        """
        test.soma:1:5: error: invalid number '1e'
        x = 1e
            ^~

        """
      ),
      (
        "y = 1e999",
        """
        test.soma:1:5: error: number '1e999' is too large
        y = 1e999
            ^~~~~

        """
      ),
    ])
  func lexical(text: String, expected: String) {
    #expect(renderedError(text) == expected)
  }

  @Test(
    "unexpected tokens and the end of input",
    arguments: [
      (
        "x = = 3",
        """
        test.soma:1:5: error: expected an expression, found '='
        x = = 3
            ^

        """
      ),
      (
        "a = b = 3",
        """
        test.soma:1:7: error: expected a new line or ';' after the statement, found '='
        a = b = 3
              ^

        """
      ),
      (
        "x = 2 *\n",
        """
        test.soma:1:8: error: expected an expression, but the input ended
        x = 2 *
               ^

        """
      ),
      (
        "if x y end",
        """
        test.soma:1:6: error: expected a new line after the condition, found name 'y'
        if x y end
             ^

        """
      ),
      (
        "for 1 in xs\nend",
        """
        test.soma:1:5: error: expected a loop variable name, found number 1
        for 1 in xs
            ^

        """
      ),
    ])
  func unexpected(text: String, expected: String) {
    #expect(renderedError(text) == expected)
  }

  @Test(
    "unclosed brackets and blocks name where they opened",
    arguments: [
      (
        "y = f(1, 2",
        """
        test.soma:1:6: error: '(' is never closed
        y = f(1, 2
             ^

        """
      ),
      (
        "y = [1,\n  2)",
        """
        test.soma:2:4: error: expected ']' to close '[', found ')'
          2)
           ^
        test.soma:1:5: note: '[' opened here
        y = [1,
            ^

        """
      ),
      (
        "while x > 0\n  x -= 1\n",
        """
        test.soma:1:1: error: 'while' is never closed with 'end'
        while x > 0
        ^~~~~
        note: add 'end' after the last statement of the block

        """
      ),
    ])
  func unclosed(text: String, expected: String) {
    #expect(renderedError(text) == expected)
  }

  @Test(
    "bad assignment targets and parameters",
    arguments: [
      (
        "1 = x",
        """
        test.soma:1:1: error: cannot assign to a number
        1 = x
        ^

        """
      ),
      (
        "a + b = c",
        """
        test.soma:1:1: error: cannot assign to the result of '+'
        a + b = c
        ^~~~~

        """
      ),
      (
        "f(x)[0] = 1",
        """
        test.soma:1:1: error: cannot assign to an element of a function call
        f(x)[0] = 1
        ^~~~~~~

        """
      ),
      (
        "a, b += 1",
        """
        test.soma:1:6: error: cannot use '+=' with several targets at once
        a, b += 1
             ^~

        """
      ),
      (
        "f(x + 1) = 2",
        """
        test.soma:1:3: error: a function parameter must be a name, not the result of '+'
        f(x + 1) = 2
          ^~~~~

        """
      ),
      (
        "h = (x, 2) -> x",
        """
        test.soma:1:9: error: a function parameter must be a name, not a number
        h = (x, 2) -> x
                ^

        """
      ),
      (
        "function f(a=1, b)\n  return a\nend",
        """
        test.soma:1:17: error: parameter 'b' needs a default value, because a parameter \
        before it has one
        function f(a=1, b)
                        ^

        """
      ),
    ])
  func targets(text: String, expected: String) {
    #expect(renderedError(text) == expected)
  }

  @Test(
    "arguments, duplicates and misplaced keywords",
    arguments: [
      (
        "f(a=1, 2)",
        """
        test.soma:1:8: error: a positional argument cannot follow a keyword argument
        f(a=1, 2)
               ^

        """
      ),
      (
        "g(x, x) = x",
        """
        test.soma:1:6: error: duplicate parameter 'x'
        g(x, x) = x
             ^
        test.soma:1:3: note: first given here
        g(x, x) = x
          ^

        """
      ),
      (
        "f(lr=1, lr=2)",
        """
        test.soma:1:9: error: duplicate keyword argument 'lr'
        f(lr=1, lr=2)
                ^~
        test.soma:1:3: note: first given here
        f(lr=1, lr=2)
          ^~

        """
      ),
      (
        "{a: 1, a: 2}",
        """
        test.soma:1:8: error: duplicate field 'a'
        {a: 1, a: 2}
               ^
        test.soma:1:2: note: first given here
        {a: 1, a: 2}
         ^

        """
      ),
      (
        "x = 1\nreturn x",
        """
        test.soma:2:1: error: 'return' outside a function
        return x
        ^~~~~~

        """
      ),
      (
        "if x\n  continue\nend",
        """
        test.soma:2:3: error: 'continue' outside a loop
          continue
          ^~~~~~~~

        """
      ),
      (
        "x = 1 end",
        """
        test.soma:1:7: error: 'end' without a block to close
        x = 1 end
              ^~~

        """
      ),
      (
        "else",
        """
        test.soma:1:1: error: 'else' without a matching 'if'
        else
        ^~~~

        """
      ),
      (
        "elif x",
        """
        test.soma:1:1: error: 'elif' without a matching 'if'
        elif x
        ^~~~

        """
      ),
      (
        "function f()\n  break\nend",
        """
        test.soma:2:3: error: 'break' outside a loop
          break
          ^~~~~

        """
      ),
    ])
  func misplaced(text: String, expected: String) {
    #expect(renderedError(text) == expected)
  }

  @Test(
    "habits from Python get a message about Soma's own syntax",
    arguments: [
      (
        "if x > 0:\n  y = 1\nend",
        """
        test.soma:1:9: error: blocks in Soma do not start with ':'
        if x > 0:
                ^
        note: put the body on the next line and close the block with 'end'

        """
      ),
      (
        "if a\n  b\nelse if c\n  d\nend\nend",
        """
        test.soma:3:1: error: write 'elif' instead of 'else if'
        else if c
        ^~~~~~~

        """
      ),
      (
        "y = x**2",
        """
        test.soma:1:6: error: powers are written with '^' in Soma, not '**'
        y = x**2
             ^~

        """
      ),
      (
        "def f(x):\n  return x",
        """
        test.soma:1:1: error: functions are defined with 'function' in Soma, not 'def'
        def f(x):
        ^~~
        note: write 'function name(x) ... end', or 'name(x) = expression' on one line

        """
      ),
      (
        "if a || b\nend",
        """
        test.soma:1:6: error: unexpected character '|'
        if a || b
             ^
        note: write 'or' to require either condition

        """
      ),
    ])
  func foreignSyntax(text: String, expected: String) {
    #expect(renderedError(text) == expected)
  }

  @Test("'def' stays an ordinary name where it is not a Python definition")
  func defAsName() {
    #expect(dump("def = 1; def + 1") == "(= def 1)\n(+ def 1)")
  }

  @Test("invisible characters are named by their code point")
  func invisibleCharacter() {
    #expect(syntaxError("x =\u{A0}1")?.message == "unexpected character '\\u{a0}'")
  }

  @Test("needsMoreInput is set only for errors at the end of the input")
  func needsMoreInput() {
    #expect(syntaxError("f(1")?.needsMoreInput == true)
    #expect(syntaxError("if x")?.needsMoreInput == true)
    #expect(syntaxError("x +")?.needsMoreInput == true)
    #expect(syntaxError("f(1]")?.needsMoreInput == false)
    #expect(syntaxError("x = = 1")?.needsMoreInput == false)
  }
}
