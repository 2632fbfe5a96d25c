/// Changing how the same elements are arranged into axes.
extension Tensor {
  /// The same elements under a new shape; one size may be -1 to be inferred.
  ///
  /// - Throws: `TensorError.invalidReshape` when the element counts differ or the
  ///   inferred size is not a whole number.
  public func reshaped(to newShape: [Int]) throws -> Tensor {
    let resolved = try Self.resolve(reshape: newShape, from: shape, count: count)
    return Tensor(unchecked: resolved, scalars: scalars)
  }

  /// Resolves a -1 entry and checks that `target` holds `count` elements.
  static func resolve(reshape target: [Int], from source: [Int], count: Int) throws -> [Int] {
    let unknown = target.indices.filter { target[$0] == -1 }
    guard unknown.count <= 1, target.allSatisfy({ $0 >= -1 }) else {
      throw TensorError.invalidReshape(from: source, to: target)
    }
    var resolved = target
    if let axis = unknown.first {
      let known = target.enumerated().filter { $0.offset != axis }.map(\.element).reduce(1, *)
      guard known > 0, count % known == 0 else {
        throw TensorError.invalidReshape(from: source, to: target)
      }
      resolved[axis] = count / known
    }
    guard resolved.reduce(1, *) == count else {
      throw TensorError.invalidReshape(from: source, to: target)
    }
    return resolved
  }

  /// Writes one element by its row-major offset.
  ///
  /// - Precondition: `offset` is in `0..<count`.
  public mutating func setScalar(_ value: Double, atOffset offset: Int) {
    scalars[offset] = value
  }
}
