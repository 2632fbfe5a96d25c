import SomaTensor
import Testing

/// The matrix [[1, 5, 2], [4, 0, 3]] used by most tests.
private func matrix() throws -> Tensor {
  try Tensor(shape: [2, 3], scalars: [1, 5, 2, 4, 0, 3])
}

/// [[[0, 1, 2, 3], [4, 5, 6, 0], [1, 2, 3, 4]], [[5, 6, 0, 1], [2, 3, 4, 5], [6, 0, 1, 2]]],
/// NumPy's `np.arange(24.).reshape(2, 3, 4) % 7`.
private func cube() throws -> Tensor {
  try Tensor(shape: [2, 3, 4], scalars: (0..<24).map { Double($0 % 7) })
}

@Suite("Sums and means")
struct SumTests {
  @Test("sum over all elements, each axis and a negative axis (by hand)")
  func sumsOfMatrix() throws {
    let m = try matrix()
    expectScalars(try m.sum(), [15], shape: [], tolerance: 1e-12)
    expectScalars(try m.sum(axis: 0), [5, 5, 5], shape: [3], tolerance: 1e-12)
    expectScalars(try m.sum(axis: 1), [8, 7], shape: [2], tolerance: 1e-12)
    expectScalars(try m.sum(axis: -1), [8, 7], shape: [2], tolerance: 1e-12)
    expectScalars(try m.sum(axis: -2), [5, 5, 5], shape: [3], tolerance: 1e-12)
  }

  @Test("keepDims keeps the reduced axis as size 1, and all axes for axis nil")
  func keepDimsShapes() throws {
    let c = try cube()
    #expect(try c.sum(keepDims: true).shape == [1, 1, 1])
    #expect(try c.sum(axis: 1, keepDims: true).shape == [2, 1, 4])
    #expect(try c.mean(axis: -1, keepDims: true).shape == [2, 3, 1])
    #expect(try c.max(axis: 0, keepDims: true).shape == [1, 3, 4])
    #expect(try c.argmin(axis: 2, keepDims: true).shape == [2, 3, 1])
    #expect(try c.variance(axis: 1, keepDims: true).shape == [2, 1, 4])
    #expect(try c.norm(keepDims: true).shape == [1, 1, 1])
  }

  @Test("sum and mean along the middle axis of a rank-3 tensor (NumPy)")
  func rankThree() throws {
    let c = try cube()
    expectScalars(try c.sum(axis: 1), [5, 8, 11, 7, 13, 9, 5, 8], shape: [2, 4], tolerance: 1e-12)
    expectScalars(
      try c.mean(axis: 2), [1.5, 3.75, 2.5, 3, 3.5, 2.25], shape: [2, 3], tolerance: 1e-12)
    expectScalars(try c.mean(), [66.0 / 24], shape: [], tolerance: 1e-12)
  }

  @Test("a long sum is pairwise: 10⁶ copies of 0.1 are within 1e-9 of 100000")
  func pairwiseSum() throws {
    // math.fsum gives exactly 100000 and NumPy's pairwise sum 100000.00000000003,
    // while adding one by one drifts to 100000.00000133288 (all from Python).
    let tenths = try Tensor(repeating: 0.1, shape: [1_000_000])
    #expect(abs(try tenths.sum().scalars[0] - 100_000) < 1e-9)
    #expect(abs(try tenths.mean().scalars[0] - 0.1) < 1e-15)
  }

  @Test("a number reduces to itself over all of its (zero) axes")
  func rankZero() throws {
    let x = Tensor(2.5)
    expectScalars(try x.sum(), [2.5], shape: [], tolerance: 1e-12)
    expectScalars(try x.mean(keepDims: true), [2.5], shape: [], tolerance: 1e-12)
    expectScalars(try x.argmax(), [0], shape: [], tolerance: 1e-12)
    expectScalars(try x.variance(), [0], shape: [], tolerance: 1e-12)
  }

  @Test("the sum of no elements is 0, along an empty axis too")
  func emptySum() throws {
    expectScalars(try Tensor.zeros([0]).sum(), [0], shape: [], tolerance: 1e-12)
    expectScalars(try Tensor.zeros([2, 0]).sum(axis: 1), [0, 0], shape: [2], tolerance: 1e-12)
    expectScalars(try Tensor.zeros([0, 3]).sum(axis: 1), [], shape: [0], tolerance: 1e-12)
    expectScalars(try Tensor.zeros([0]).norm(), [0], shape: [], tolerance: 1e-12)
  }

  @Test("mean, max, min, argmax, argmin and variance of nothing throw")
  func emptyReductionsThrow() throws {
    let empty = try Tensor.zeros([2, 0])
    #expect(throws: TensorError.emptyReduction(operation: "mean")) { try empty.mean() }
    #expect(throws: TensorError.emptyReduction(operation: "max")) { try empty.max(axis: 1) }
    #expect(throws: TensorError.emptyReduction(operation: "min")) { try empty.min() }
    #expect(throws: TensorError.emptyReduction(operation: "argmax")) {
      try empty.argmax(axis: -1)
    }
    #expect(throws: TensorError.emptyReduction(operation: "argmin")) { try empty.argmin() }
    #expect(throws: TensorError.emptyReduction(operation: "variance")) {
      try empty.variance(axis: 1)
    }
    // As in NumPy, an empty reduced axis throws even when the result has no elements.
    #expect(throws: TensorError.emptyReduction(operation: "max")) {
      try Tensor.zeros([0, 3]).max(axis: 0)
    }
    let message = TensorError.emptyReduction(operation: "max").description
    #expect(message == "max of an empty tensor has no value")
  }

  @Test("an axis out of range throws, naming the axis and the rank")
  func badAxis() throws {
    let m = try matrix()
    #expect(throws: TensorError.axisOutOfRange(operation: "sum", axis: 2, rank: 2)) {
      try m.sum(axis: 2)
    }
    #expect(throws: TensorError.axisOutOfRange(operation: "argmax", axis: -3, rank: 2)) {
      try m.argmax(axis: -3)
    }
    #expect(throws: TensorError.axisOutOfRange(operation: "mean", axis: 0, rank: 0)) {
      try Tensor(1).mean(axis: 0)
    }
    let error = TensorError.axisOutOfRange(operation: "sum", axis: 2, rank: 2)
    #expect(error.description.contains("axis 2"))
    #expect(error.description.contains("rank 2"))
  }
}

@Suite("Extremes and their positions")
struct ExtremeTests {
  @Test("max and min over all elements and along axes (by hand)")
  func extremesOfMatrix() throws {
    let m = try matrix()
    expectScalars(try m.max(), [5], shape: [], tolerance: 1e-12)
    expectScalars(try m.min(), [0], shape: [], tolerance: 1e-12)
    expectScalars(try m.max(axis: 0), [4, 5, 3], shape: [3], tolerance: 1e-12)
    expectScalars(try m.min(axis: -1), [1, 0], shape: [2], tolerance: 1e-12)
  }

  @Test("max along an axis of a rank-3 tensor (NumPy)")
  func maxOfCube() throws {
    expectScalars(
      try cube().max(axis: 0), [5, 6, 2, 3, 4, 5, 6, 5, 6, 2, 3, 4], shape: [3, 4], tolerance: 1e-12
    )
  }

  @Test("argmax over all elements is the flat row-major index")
  func flatArgmax() throws {
    expectScalars(try matrix().argmax(), [1], shape: [], tolerance: 1e-12)
    expectScalars(try matrix().argmin(), [4], shape: [], tolerance: 1e-12)
    // np.argmax(np.arange(24.).reshape(2, 3, 4) % 7) is 6, the first 6.
    expectScalars(try cube().argmax(), [6], shape: [], tolerance: 1e-12)
  }

  @Test("argmax and argmin along axes of a rank-3 tensor (NumPy)")
  func argmaxAlongAxes() throws {
    let c = try cube()
    expectScalars(try c.argmax(axis: -1), [3, 2, 3, 1, 3, 0], shape: [2, 3], tolerance: 1e-12)
    expectScalars(
      try c.argmin(axis: 1), [0, 0, 0, 1, 1, 2, 0, 0], shape: [2, 4], tolerance: 1e-12)
  }

  @Test("argmax and argmin take the first position on ties, as NumPy")
  func ties() throws {
    let x = Tensor([1, 3, 3, 2, 1])
    expectScalars(try x.argmax(), [1], shape: [], tolerance: 1e-12)
    expectScalars(try x.argmin(), [0], shape: [], tolerance: 1e-12)
    let m = try Tensor(shape: [2, 2], scalars: [7, 7, 2, 2])
    expectScalars(try m.argmax(axis: 1), [0, 0], shape: [2], tolerance: 1e-12)
    expectScalars(try m.argmax(axis: 0), [0, 0], shape: [2], tolerance: 1e-12)
  }

  @Test("a NaN is the max, the min and their position, as in NumPy")
  func nanPropagates() throws {
    let x = Tensor([1, .nan, 3])
    #expect(try x.max().scalars[0].isNaN)
    #expect(try x.min().scalars[0].isNaN)
    expectScalars(try x.argmax(), [1], shape: [], tolerance: 1e-12)
    expectScalars(try x.argmin(), [1], shape: [], tolerance: 1e-12)
    #expect(try x.norm().scalars[0].isNaN)
  }

  @Test("infinities are ordinary extremes")
  func infinities() throws {
    let x = Tensor([-.infinity, -.infinity])
    expectScalars(try x.argmax(), [0], shape: [], tolerance: 1e-12)
    #expect(try x.max().scalars == [-.infinity])
  }
}

@Suite("Variance, standard deviation and norm")
struct SpreadTests {
  @Test("variance with the default correction 0 matches NumPy's ddof=0")
  func populationVariance() throws {
    let m = try matrix()
    expectScalars(try m.variance(), [2.9166666666666665], shape: [], tolerance: 1e-12)
    expectScalars(try m.variance(axis: 0), [2.25, 6.25, 0.25], shape: [3], tolerance: 1e-12)
  }

  @Test("correction 1 matches NumPy's ddof=1")
  func sampleVariance() throws {
    expectScalars(
      try matrix().variance(axis: 1, correction: 1), [4.333333333333334, 4.333333333333334],
      shape: [2], tolerance: 1e-12)
  }

  @Test("standard deviation matches NumPy's std")
  func standardDeviation() throws {
    let m = try matrix()
    expectScalars(try m.standardDeviation(), [1.707825127659933], shape: [], tolerance: 1e-12)
    expectScalars(
      try m.standardDeviation(axis: -1, keepDims: true), [1.699673171197595, 1.699673171197595],
      shape: [2, 1], tolerance: 1e-12)
  }

  @Test("two-pass variance is exact where mean(x²) - mean(x)² loses every digit")
  func varianceWithLargeOffset() throws {
    // 1e9 + {0, 1, 2}: the variance is 2/3 exactly (derivation: deviations -1, 0, 1).
    // The one-pass formula subtracts numbers near 1e18, whose spacing is 128.
    let x = Tensor([1e9, 1e9 + 1, 1e9 + 2])
    expectScalars(try x.variance(), [2.0 / 3], shape: [], tolerance: 1e-12)
    let column = try x.reshaped(to: [3, 1])
    expectScalars(try column.variance(axis: 0), [2.0 / 3], shape: [1], tolerance: 1e-12)
  }

  @Test("a correction that leaves no degrees of freedom throws")
  func badCorrection() throws {
    let x = Tensor([1, 2])
    let tooFew = TensorError.invalidArgument(
      operation: "variance",
      message: "correction 2 needs more than 2 elements along the reduced axis, but it has 2")
    #expect(throws: tooFew) { try x.variance(correction: 2) }
    let negative = TensorError.invalidArgument(
      operation: "standardDeviation", message: "correction must be >= 0, but it is -1")
    #expect(throws: negative) { try x.standardDeviation(correction: -1) }
    #expect(throws: TensorError.self) { try Tensor(3).variance(correction: 1) }
    expectScalars(try x.variance(correction: 1), [0.5], shape: [], tolerance: 1e-12)
  }

  @Test("the L2 norm matches np.linalg.norm")
  func norms() throws {
    let m = try matrix()
    expectScalars(try m.norm(), [7.416198487095663], shape: [], tolerance: 1e-12)
    expectScalars(try m.norm(axis: 1), [5.477225575051661, 5], shape: [2], tolerance: 1e-12)
    expectScalars(try Tensor([0, 0]).norm(), [0], shape: [], tolerance: 1e-12)
  }

  @Test("the norm neither overflows nor underflows for huge and tiny elements")
  func scaledNorm() throws {
    // √2 · 1e200 and √2 · 1e-200; squaring the elements directly gives inf and 0.
    expectScalars(
      try Tensor([1e200, 1e200]).norm(), [1.4142135623730951e200], shape: [], tolerance: 1e-12)
    let tiny = try Tensor([1e-200, 1e-200]).norm().scalars[0]
    #expect(abs(tiny / 1.4142135623730951e-200 - 1) < 1e-15)
    #expect(try Tensor([.infinity, 1]).norm().scalars == [.infinity])
  }
}
