import SomaTensor

/// Indexing, `take` and index assignment, built on a pair of operations that are
/// each other's pullbacks: gathering selected elements and scatter-adding them back.
///
/// Gathering copies source element `offsets[i]` to result element `i`, a linear map
/// G. Its adjoint Gᵀ sends each result cotangent back to the element it came from
/// and adds up cotangents of elements selected more than once: that is scatter-add.
/// As (Gᵀ)ᵀ = G, the pullback of scatter-add is the gather, and the pair can be
/// differentiated any number of times.
extension TrackedTensor {
  /// The elements `selection` picks from this value; the pullback scatter-adds.
  ///
  /// - Throws: `TensorError.incompatibleShapes` when the selection was made for
  ///   another shape.
  public func gathered(by selection: ElementSelection) throws -> TrackedTensor {
    .record(try selection.gather(from: value), operation: "gather", inputs: [self]) {
      [try $0.cotangent.scatterAdded(by: selection)]
    }
  }

  /// Zeros of the selection's source shape with this value added at the selected
  /// places; the pullback gathers.
  ///
  /// - Throws: `TensorError.incompatibleShapes` when this value is not of the
  ///   selection's shape.
  public func scatterAdded(by selection: ElementSelection) throws -> TrackedTensor {
    .record(try selection.scatterAdd(value), operation: "scatter-add", inputs: [self]) {
      [try $0.cotangent.gathered(by: selection)]
    }
  }

  /// The part picked out by a NumPy-style basic index; the gradient flows back into
  /// the picked elements only.
  ///
  /// - Throws: the errors of `Tensor.indexed(by:)`.
  public func indexed(by indices: [TensorIndex]) throws -> TrackedTensor {
    try gathered(by: ElementSelection(indexing: shape, by: indices))
  }

  /// The slices along `axis` at `indices`, as NumPy's `take`.
  ///
  /// A slice taken several times receives the sum of their gradients; no gradient
  /// flows into `indices`.
  ///
  /// - Throws: the errors of `Tensor.take(_:axis:)`.
  public func take(_ indices: TrackedTensor, axis: Int) throws -> TrackedTensor {
    try gathered(by: ElementSelection(taking: indices.value, alongAxis: axis, of: shape))
  }

  /// This value with the part picked out by `indices` replaced by `values`.
  ///
  /// The result depends on this value only outside the replaced part, so that part
  /// of its gradient is zero; it depends on `values` through the replaced part, so
  /// their gradient is the cotangent there, summed back over broadcasting.
  ///
  /// - Throws: the errors of `Tensor.replacing(_:with:)`.
  public func replacing(
    _ indices: [TensorIndex], with values: TrackedTensor
  ) throws -> TrackedTensor {
    try replacing(ElementSelection(indexing: shape, by: indices), with: values)
  }

  /// This value with the elements of `selection` overwritten by `values`.
  private func replacing(
    _ selection: ElementSelection, with values: TrackedTensor
  ) throws -> TrackedTensor {
    let result = try selection.replace(in: value, with: values.value)
    let valuesShape = values.shape
    let assignable = try selection.assignableShape(of: valuesShape)
    return .record(result, operation: "replace", inputs: [self, values]) { context in
      let cotangent = context.cotangent
      return [
        context.needsGradient[0]
          ? try cotangent.replacing(selection, with: TrackedTensor(0)) : nil,
        context.needsGradient[1]
          ? try cotangent.gathered(by: selection).summed(toShape: assignable)
            .reshaped(to: valuesShape) : nil,
      ]
    }
  }

  /// One-hot vectors for class `indices`, a constant: indices have no gradient.
  ///
  /// - Throws: the errors of `Tensor.oneHot(_:classes:)`.
  public static func oneHot(_ indices: TrackedTensor, classes: Int) throws -> TrackedTensor {
    TrackedTensor(try Tensor.oneHot(indices.value, classes: classes))
  }
}
