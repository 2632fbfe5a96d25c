/// Tensors made from a shape alone: constants, identities, ranges and random draws.
extension Tensor {
  /// A tensor of zeros.
  ///
  /// - Throws: `TensorError.invalidShape` or `TensorError.tooLarge` for a bad shape.
  public static func zeros(_ shape: [Int]) throws -> Tensor {
    try Tensor(repeating: 0, shape: shape)
  }

  /// A tensor of ones.
  ///
  /// - Throws: `TensorError.invalidShape` or `TensorError.tooLarge` for a bad shape.
  public static func ones(_ shape: [Int]) throws -> Tensor {
    try Tensor(repeating: 1, shape: shape)
  }

  /// Zeros with the shape of `other`; cannot fail, since that shape is already valid.
  public init(zerosLike other: Tensor) {
    self.init(unchecked: other.shape, scalars: Array(repeating: 0, count: other.count))
  }

  /// Ones with the shape of `other`.
  public init(onesLike other: Tensor) {
    self.init(unchecked: other.shape, scalars: Array(repeating: 1, count: other.count))
  }
}
