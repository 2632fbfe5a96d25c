import SomaAutodiff
import SomaTensor
import Testing

/// Shorthand for NumPy's `start:end:step`.
private func slice(_ start: Int? = nil, _ end: Int? = nil, _ step: Int? = nil) -> TensorIndex {
  .range(start: start, end: end, step: step)
}

/// First and second derivatives of indexing, `take` and index assignment, against
/// central differences and, where the answer is a simple count, a derivation.
///
/// Gathering is linear, so the second-order checks use products such as
/// `x[i] * x[j]` whose Hessian is non-zero: it is only right when the pullback
/// (scatter-add) is itself differentiated correctly (back into a gather).
@Suite("Indexing gradients against finite differences")
struct IndexingGradientTests {
  /// Checks `function` to first and second order at random inputs of `shapes`.
  private func check(
    _ shapes: [[Int]], _ function: @escaping ([TrackedTensor]) throws -> TrackedTensor,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let inputs = try shapes.enumerated().map { index, shape in
      try GradientCheck.random(shape, seed: UInt64(20 + index))
    }
    try GradientCheck.expectGradientsMatch(function, at: inputs, sourceLocation: sourceLocation)
    try GradientCheck.expectHessianMatches(function, at: inputs, sourceLocation: sourceLocation)
  }

  static let indexings: [[TensorIndex]] = [
    [1], [-1, 2], [.all, slice(nil, nil, -1)], [slice(-2), slice(1, 3)],
    [.newAxis, 1], [slice(2, 0, -1), slice(3, 0, -2)], [slice(5)],
  ]

  @Test(
    "x[index] * x[index] for integer, slice, reversed, newAxis and empty indices",
    arguments: indexings)
  func squaredPart(indices: [TensorIndex]) throws {
    try check([[3, 4]]) { x in
      let part = try x[0].indexed(by: indices)
      return try part * part
    }
  }

  @Test("overlapping parts multiplied, x[:2] * x[1:], and a part times another input")
  func overlappingParts() throws {
    try check([[3, 4]]) { x in try x[0].indexed(by: [slice(nil, 2)]) * x[0].indexed(by: [slice(1)])
    }
    try check([[3, 4], [4]]) { x in try x[0].indexed(by: [-1]) * x[1] * x[0].indexed(by: [0]) }
  }

  @Test("indexing a number with no indices or new axes")
  func rankZero() throws {
    try check([[]]) { x in try x[0].indexed(by: []) * x[0].indexed(by: [.newAxis]) }
  }

  @Test("the gradient of sum(x[1, ::2]) is 1 at the picked elements and 0 elsewhere")
  func gradientOfPartIsIndicator() throws {
    let x = TrackedTensor(try GradientCheck.random([2, 4]))
    let slope = try gradient(
      of: { x in try x.indexed(by: [1, slice(nil, nil, 2)]).summed(toShape: []) }, at: x)
    #expect(slope.value.scalars == [0, 0, 0, 0, 1, 0, 1, 0])
  }

  @Test("scatterAdded and gathered are each other's pullbacks, to second order")
  func scatterGatherPair() throws {
    let selection = try ElementSelection(taking: Tensor([0, 2, 0]), alongAxis: 0, of: [3, 2])
    try check([[3, 2]]) { y in
      let s = try y[0].gathered(by: selection).scatterAdded(by: selection)
      return try s * s
    }
  }

  @Test("take(x) · take(x) with repeated and negative indices, on several axes")
  func takeProducts() throws {
    try check([[3, 4]]) { x in
      try x[0].take(TrackedTensor(Tensor([0, 2, 0, -1])), axis: 1)
        * x[0].take(TrackedTensor(Tensor([1, 1, 3, 2])), axis: 1)
    }
    let indices = TrackedTensor(try Tensor(shape: [2, 2], scalars: [2, 0, 0, 0]))
    try check([[3, 2]]) { x in
      let picked = try x[0].take(indices, axis: 0)
      return try picked * picked
    }
    try check([[4]]) { x in
      let picked = try x[0].take(TrackedTensor(1), axis: 0)
      return try picked * x[0]
    }
  }

  @Test("take accumulates the gradient of a repeated index: d sum(take(x, [0, 0, 1])) = [2, 1, 0]")
  func takeAccumulatesDuplicates() throws {
    let slope = try gradient(
      of: { x in try x.take(TrackedTensor(Tensor([0, 0, 1])), axis: 0).summed(toShape: []) },
      at: TrackedTensor(Tensor([5, 6, 7])))
    #expect(slope.value.scalars == [2, 1, 0])
  }

  @Test(
    "replacing: gradients in both the original and the values, with broadcasting",
    arguments: [[4], [], [1], [1, 4]])
  func replacing(valuesShape: [Int]) throws {
    try check([[3, 4], valuesShape]) { x in
      let replaced = try x[0].replacing([1], with: x[1])
      return try replaced * replaced * x[0]
    }
  }

  @Test("replacing a reversed strided part with a column broadcast across it")
  func replacingStridedPart() throws {
    try check([[3, 4], [3, 1]]) { x in
      let replaced = try x[0].replacing([.all, slice(nil, nil, -2)], with: x[1])
      return try replaced * replaced
    }
  }

  @Test("the replaced region gets no gradient; each value gets the sum over its copies")
  func replacingGradientValues() throws {
    // r = x with row 1 set to v (a number): ∂sum(r)/∂x is 1 outside row 1 and 0 in it,
    // and ∂sum(r)/∂v counts the 3 elements v was copied to (derivation).
    let x = TrackedTensor(try GradientCheck.random([2, 3]))
    let slopes = try valueAndGradient(
      of: { try $0[0].replacing([1], with: $0[1]).summed(toShape: []) },
      at: [x, TrackedTensor(4)]
    ).gradients
    #expect(slopes[0].value.scalars == [1, 1, 1, 0, 0, 0])
    #expect(slopes[1].value == Tensor(3))
  }

  @Test("oneHot is a constant: gradients do not flow into its indices")
  func oneHotIsConstant() throws {
    let indices = TrackedTensor(Tensor([2, 0]))
    let slope = try gradient(
      of: { x in
        try (TrackedTensor.oneHot(indices, classes: 3) * x).summed(toShape: [])
      }, at: TrackedTensor(try GradientCheck.random([2, 3])))
    // ∂ sum(onehot ⊙ x) / ∂x = onehot (derivation).
    #expect(slope.value.scalars == [0, 0, 1, 1, 0, 0])
    #expect(!(try TrackedTensor.oneHot(indices, classes: 3)).isTracked)
  }

  @Test("third derivative through indexing: d³/dx³ of x[0]⁴ at 2 is 24·2 = 48")
  func thirdDerivative() throws {
    let fourth = { (x: TrackedTensor) in
      let head = try x.indexed(by: [0])
      return try head * head * head * head
    }
    let first = { (x: TrackedTensor) in try grad(fourth)(x).indexed(by: [0]) }
    let second = { (x: TrackedTensor) in try grad(first)(x).indexed(by: [0]) }
    let third = try gradient(of: second, at: TrackedTensor(Tensor([2, 5])))
    #expect(third.value.scalars == [48, 0])
  }
}
