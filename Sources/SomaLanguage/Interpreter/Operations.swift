import Foundation

/// A binary operator on two plain numbers, as a type, so that the compiler's closure
/// for each operator is specialised and the operation inlined.
protocol NumberOperation {
  static var symbol: BinaryOperator { get }
  /// The result for two plain numbers, as a value.
  static func value(_ a: Double, _ b: Double) -> Value
}

/// An arithmetic operator on plain numbers.
protocol ArithmeticOperation: NumberOperation {
  static func combine(_ a: Double, _ b: Double) -> Double
}

/// A comparison of plain numbers.
protocol ComparisonOperation: NumberOperation {
  static func holds(_ a: Double, _ b: Double) -> Bool
}

extension ArithmeticOperation {
  @inline(__always) static func value(_ a: Double, _ b: Double) -> Value {
    .number(combine(a, b))
  }
}

extension ComparisonOperation {
  @inline(__always) static func value(_ a: Double, _ b: Double) -> Value {
    .boolean(holds(a, b))
  }
}

enum Addition: ArithmeticOperation {
  static var symbol: BinaryOperator { .add }
  @inline(__always) static func combine(_ a: Double, _ b: Double) -> Double { a + b }
}

enum Subtraction: ArithmeticOperation {
  static var symbol: BinaryOperator { .subtract }
  @inline(__always) static func combine(_ a: Double, _ b: Double) -> Double { a - b }
}

enum Multiplication: ArithmeticOperation {
  static var symbol: BinaryOperator { .multiply }
  @inline(__always) static func combine(_ a: Double, _ b: Double) -> Double { a * b }
}

enum Division: ArithmeticOperation {
  static var symbol: BinaryOperator { .divide }
  @inline(__always) static func combine(_ a: Double, _ b: Double) -> Double { a / b }
}

enum Power: ArithmeticOperation {
  static var symbol: BinaryOperator { .power }
  @inline(__always) static func combine(_ a: Double, _ b: Double) -> Double {
    Foundation.pow(a, b)
  }
}

enum Less: ComparisonOperation {
  static var symbol: BinaryOperator { .less }
  @inline(__always) static func holds(_ a: Double, _ b: Double) -> Bool { a < b }
}

enum LessOrEqual: ComparisonOperation {
  static var symbol: BinaryOperator { .lessEqual }
  @inline(__always) static func holds(_ a: Double, _ b: Double) -> Bool { a <= b }
}

enum Greater: ComparisonOperation {
  static var symbol: BinaryOperator { .greater }
  @inline(__always) static func holds(_ a: Double, _ b: Double) -> Bool { a > b }
}

enum GreaterOrEqual: ComparisonOperation {
  static var symbol: BinaryOperator { .greaterEqual }
  @inline(__always) static func holds(_ a: Double, _ b: Double) -> Bool { a >= b }
}
