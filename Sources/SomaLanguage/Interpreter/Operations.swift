import Foundation

/// An arithmetic operator on plain numbers, as a type, so that the compiler's closure
/// for each operator is specialised and the operation inlined.
protocol ArithmeticOperation {
  static var symbol: BinaryOperator { get }
  static func combine(_ a: Double, _ b: Double) -> Double
}

/// A comparison of plain numbers, as a type, for the same reason.
protocol ComparisonOperation {
  static var symbol: BinaryOperator { get }
  static func holds(_ a: Double, _ b: Double) -> Bool
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
