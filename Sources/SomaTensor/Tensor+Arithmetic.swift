/// The four arithmetic operators and negation, elementwise with broadcasting.
extension Tensor {
  /// Elementwise sum with broadcasting.
  public static func + (lhs: Tensor, rhs: Tensor) throws -> Tensor {
    try lhs.zip(rhs, operation: "+", +)
  }

  /// Elementwise difference with broadcasting.
  public static func - (lhs: Tensor, rhs: Tensor) throws -> Tensor {
    try lhs.zip(rhs, operation: "-", -)
  }

  /// Elementwise product with broadcasting.
  public static func * (lhs: Tensor, rhs: Tensor) throws -> Tensor {
    try lhs.zip(rhs, operation: "*", *)
  }

  /// Elementwise quotient with broadcasting; division by zero follows IEEE 754 (±inf, NaN).
  public static func / (lhs: Tensor, rhs: Tensor) throws -> Tensor {
    try lhs.zip(rhs, operation: "/", /)
  }

  /// Elementwise negation.
  public static prefix func - (operand: Tensor) -> Tensor {
    operand.map { -$0 }
  }
}
