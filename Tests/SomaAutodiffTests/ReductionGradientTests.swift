import SomaAutodiff
import SomaTensor
import Testing

/// A differentiable reduction or softmax, applied with a given axis and `keepDims`.
enum ReductionOperation: String, CaseIterable, CustomTestStringConvertible, Sendable {
  case sum, mean, max, min, variance, sampleVariance, standardDeviation
  case sampleStandardDeviation, norm, logSumExp, softmax, logSoftmax

  var testDescription: String { rawValue }

  /// The operation on `x`, or `nil` where it is not defined for this axis: softmax
  /// needs an axis, and a sample variance needs two elements per slot.
  func apply(_ x: TrackedTensor, axis: Int?, keepDims: Bool) throws -> TrackedTensor? {
    let count = axis.map { x.shape[$0 < 0 ? $0 + x.shape.count : $0] } ?? x.value.count
    switch self {
    case .sum: return try x.sum(axis: axis, keepDims: keepDims)
    case .mean: return try x.mean(axis: axis, keepDims: keepDims)
    case .max: return try x.max(axis: axis, keepDims: keepDims)
    case .min: return try x.min(axis: axis, keepDims: keepDims)
    case .variance: return try x.variance(axis: axis, keepDims: keepDims)
    case .sampleVariance:
      guard count > 1 else { return nil }
      return try x.variance(axis: axis, keepDims: keepDims, correction: 1)
    case .standardDeviation: return try x.standardDeviation(axis: axis, keepDims: keepDims)
    case .sampleStandardDeviation:
      guard count > 1 else { return nil }
      return try x.standardDeviation(axis: axis, keepDims: keepDims, correction: 1)
    case .norm: return try x.norm(axis: axis, keepDims: keepDims)
    case .logSumExp: return try x.logSumExp(axis: axis, keepDims: keepDims)
    case .softmax: return try axis.map { try x.softmax(axis: $0) }
    case .logSoftmax: return try axis.map { try x.logSoftmax(axis: $0) }
    }
  }
}

/// An input shape with the axis to reduce and whether to keep it.
struct ReductionCase: CustomTestStringConvertible, Sendable {
  let shape: [Int]
  let axis: Int?
  let keepDims: Bool

  var testDescription: String {
    "shape \(formatShape(shape)), axis \(axis.map(String.init) ?? "nil"), keepDims \(keepDims)"
  }

  /// Shapes (), (4,), (2, 3), (2, 3, 4), each with axes nil, 0 and -1 where it has
  /// them, with and without keepDims.
  static let all: [ReductionCase] = [[], [4], [2, 3], [2, 3, 4]].flatMap { shape in
    let axes: [Int?] = shape.isEmpty ? [nil] : [nil, 0, -1]
    return axes.flatMap { axis in
      [false, true].map { ReductionCase(shape: shape, axis: axis, keepDims: $0) }
    }
  }
}

@Suite("Reduction and softmax gradients against finite differences")
struct ReductionGradientTests {
  @Test(
    "first and second derivatives match central differences",
    arguments: ReductionOperation.allCases, ReductionCase.all)
  func gradientsMatch(operation: ReductionOperation, setup: ReductionCase) throws {
    let x = try GradientCheck.random(setup.shape, seed: 7)
    let tracked = TrackedTensor(x)
    guard try operation.apply(tracked, axis: setup.axis, keepDims: setup.keepDims) != nil else {
      return
    }
    let function = { (inputs: [TrackedTensor]) throws -> TrackedTensor in
      let result = try operation.apply(inputs[0], axis: setup.axis, keepDims: setup.keepDims)
      return result ?? inputs[0]
    }
    try GradientCheck.expectGradientsMatch(function, at: [x])
    try GradientCheck.expectHessianMatches(function, at: [x])
  }

  @Test("layer normalisation, (x - mean) / std broadcast along the last axis, to 2nd order")
  func layerNormalisation() throws {
    let x = try GradientCheck.random([2, 4], seed: 11)
    let normalise = { (inputs: [TrackedTensor]) throws -> TrackedTensor in
      let x = inputs[0]
      let centred = try x - x.mean(axis: -1, keepDims: true)
      return try centred / x.standardDeviation(axis: -1, keepDims: true)
    }
    try GradientCheck.expectGradientsMatch(normalise, at: [x])
    try GradientCheck.expectHessianMatches(normalise, at: [x])
  }

  @Test("cross-entropy from logSoftmax and a one-hot target, to 2nd order")
  func crossEntropy() throws {
    let logits = try GradientCheck.random([3, 4], seed: 12)
    let target = try Tensor(shape: [3, 4], scalars: (0..<12).map { $0 % 5 == 0 ? 1 : 0 })
    let loss = { (inputs: [TrackedTensor]) throws -> TrackedTensor in
      try -(inputs[0].logSoftmax() * TrackedTensor(target)).sum(axis: -1).mean()
    }
    try GradientCheck.expectGradientsMatch(loss, at: [logits])
    try GradientCheck.expectHessianMatches(loss, at: [logits])
  }
}

@Suite("Reduction gradients at ties, zeros and extremes")
struct ReductionGradientConventionTests {
  @Test("tied maxima share the gradient equally, as PyTorch's amax")
  func maxTiesShare() throws {
    let slope = try gradient(of: { try $0.max() }, at: TrackedTensor(Tensor([1, 3, 3, 2])))
    #expect(slope.value.scalars == [0, 0.5, 0.5, 0])

    let m = TrackedTensor(try Tensor(shape: [2, 3], scalars: [7, 7, 2, 1, 4, 4]))
    let rows = try gradient(of: { try $0.max(axis: 1).sum() }, at: m)
    #expect(rows.value.scalars == [0.5, 0.5, 0, 0, 0.5, 0.5])
  }

  @Test("tied minima share the gradient equally, along an axis too")
  func minTiesShare() throws {
    let x = TrackedTensor(Tensor([2, 1, 1, 1]))
    let slope = try gradient(of: { try $0.min() }, at: x)
    let third = 1.0 / 3
    #expect(slope.value.scalars == [0, third, third, third])

    let m = TrackedTensor(try Tensor(shape: [2, 2], scalars: [5, 5, 5, 6]))
    let columns = try gradient(of: { try $0.min(axis: 0, keepDims: true).sum() }, at: m)
    #expect(columns.value.scalars == [0.5, 1, 0.5, 0])
  }

  @Test("max is piecewise linear: its Hessian is 0, at a tie too")
  func maxHessianIsZero() throws {
    let x = TrackedTensor(Tensor([1, 3, 3]))
    let second = try hessian(of: { try $0.max() }, at: x)
    #expect(second.value == (try Tensor.zeros([3, 3])))
  }

  @Test("the norm's gradient at the zero vector is 0, not NaN, to second order")
  func normAtZero() throws {
    let zero = TrackedTensor(try Tensor.zeros([3]))
    #expect(try gradient(of: { try $0.norm() }, at: zero).value.scalars == [0, 0, 0])
    #expect(try hessian(of: { try $0.norm() }, at: zero).value == (try Tensor.zeros([3, 3])))

    // Row norms of [[0, 0], [3, 4]]: row 0 is the zero vector, row 1 has gradient
    // x / |x| = [0.6, 0.8] (derivation).
    let m = TrackedTensor(try Tensor(shape: [2, 2], scalars: [0, 0, 3, 4]))
    let rows = try gradient(of: { try $0.norm(axis: 1).sum() }, at: m)
    expectClose(rows.value, try Tensor(shape: [2, 2], scalars: [0, 0, 0.6, 0.8]))
  }

  @Test("the standard deviation's gradient where it is 0 is 0, not NaN")
  func standardDeviationAtZero() throws {
    let flat = TrackedTensor(Tensor([2, 2, 2]))
    let slope = try gradient(of: { try $0.standardDeviation() }, at: flat)
    #expect(slope.value.scalars == [0, 0, 0])
    let second = try hessian(of: { try $0.standardDeviation() }, at: flat)
    #expect(second.value.scalars.allSatisfy { !$0.isNaN })

    // Rows [1, 1] (std 0) and [0, 2] (std 1): the second row's gradient is
    // (x - mean) / (n·std) = [-1, 1] / 2 (derivation).
    let m = TrackedTensor(try Tensor(shape: [2, 2], scalars: [1, 1, 0, 2]))
    let rows = try gradient(of: { try $0.standardDeviation(axis: -1).sum() }, at: m)
    expectClose(rows.value, try Tensor(shape: [2, 2], scalars: [0, 0, -0.5, 0.5]))
  }

  @Test("argmax and argmin are constants: no gradient flows through them")
  func positionsAreConstant() throws {
    let x = TrackedTensor(Tensor([1, 3, 2]))
    // f(x) = sum(x) · argmax(x) = sum(x) · 1, so ∇f = [1, 1, 1].
    let slope = try gradient(of: { x in try x.sum() * x.argmax() }, at: x)
    #expect(slope.value.scalars == [1, 1, 1])
    let low = try gradient(of: { x in try x.sum() * x.argmin() }, at: x)
    #expect(low.value.scalars == [0, 0, 0])
  }

  @Test("logSumExp's gradient is the softmax, finite for huge logits")
  func logSumExpGradientIsSoftmax() throws {
    let x = try GradientCheck.random([2, 3], seed: 5)
    let slope = try gradient(of: { try $0.logSumExp(axis: 1).sum() }, at: TrackedTensor(x))
    expectClose(slope.value, try x.softmax(axis: 1))
    let huge = TrackedTensor(Tensor([1000, 1000]))
    let shares = try gradient(of: { try $0.logSumExp() }, at: huge)
    expectClose(shares.value, Tensor([0.5, 0.5]))
  }

  @Test("tracked reductions throw the runtime's errors for bad axes and empty input")
  func trackedErrors() throws {
    let m = TrackedTensor(try Tensor.zeros([2, 3]))
    #expect(throws: TensorError.axisOutOfRange(operation: "sum", axis: 2, rank: 2)) {
      try m.sum(axis: 2)
    }
    #expect(throws: TensorError.axisOutOfRange(operation: "softmax", axis: -3, rank: 2)) {
      try m.softmax(axis: -3)
    }
    let empty = TrackedTensor(try Tensor.zeros([0]))
    #expect(throws: TensorError.emptyReduction(operation: "standardDeviation")) {
      try empty.standardDeviation()
    }
    #expect(throws: TensorError.emptyReduction(operation: "max")) { try empty.max() }
  }

  @Test("the mean's gradient is 1/n for every element")
  func meanGradient() throws {
    let x = TrackedTensor(try GradientCheck.random([2, 4]))
    let slope = try gradient(of: { try $0.mean() }, at: x)
    #expect(slope.value.scalars == Array(repeating: 0.125, count: 8))
  }
}
