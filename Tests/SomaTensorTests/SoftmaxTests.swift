import SomaTensor
import Testing

/// [[1, 2, 3], [-1, 0, 1]]: the second row is the first shifted by -2, so both rows
/// have the same softmax.
private func logits() throws -> Tensor {
  try Tensor(shape: [2, 3], scalars: [1, 2, 3, -1, 0, 1])
}

/// `np.arange(24.).reshape(2, 3, 4) % 7`.
private func cube() throws -> Tensor {
  try Tensor(shape: [2, 3, 4], scalars: (0..<24).map { Double($0 % 7) })
}

@Suite("Log-sum-exp, softmax and log-softmax")
struct SoftmaxTests {
  @Test("logSumExp over all elements and along axes (NumPy: log(exp(x).sum(axis)))")
  func logSumExpValues() throws {
    let x = try logits()
    expectScalars(try x.logSumExp(), [3.534533975487353], shape: [], tolerance: 1e-12)
    expectScalars(
      try x.logSumExp(axis: 1), [3.4076059644443806, 1.4076059644443804], shape: [2],
      tolerance: 1e-12)
    expectScalars(
      try x.logSumExp(axis: -2, keepDims: true),
      [1.1269280110429727, 2.1269280110429727, 3.1269280110429727], shape: [1, 3], tolerance: 1e-12)
    #expect(try x.logSumExp(keepDims: true).shape == [1, 1])
  }

  @Test("logSumExp does not overflow or underflow for large magnitudes")
  func logSumExpIsStable() throws {
    // log(2 e^1000) = 1000 + log 2 and log(2 e^-1000) = -1000 + log 2 (derivation).
    expectScalars(
      try Tensor([1000, 1000]).logSumExp(), [1000.6931471805599], shape: [], tolerance: 1e-12)
    expectScalars(
      try Tensor([-1000, -1000]).logSumExp(), [-999.3068528194401], shape: [], tolerance: 1e-12)
  }

  @Test("logSumExp of a row of -inf, or of nothing, is -inf rather than NaN")
  func logSumExpOfMinusInfinity() throws {
    let x = try Tensor(shape: [2, 2], scalars: [-.infinity, -.infinity, 0, 0])
    let result = try x.logSumExp(axis: 1)
    #expect(result.scalars[0] == -.infinity)
    #expect(abs(result.scalars[1] - 0.6931471805599453) < 1e-15)
    #expect(try Tensor.zeros([0]).logSumExp().scalars == [-.infinity])
    #expect(try Tensor([.infinity, 1]).logSumExp().scalars == [.infinity])
  }

  @Test("softmax along the last axis by default, and along axis 0 (NumPy)")
  func softmaxValues() throws {
    let x = try logits()
    let row = [0.09003057317038043, 0.24472847105479759, 0.6652409557748217]
    expectScalars(try x.softmax(), row + row, shape: [2, 3], tolerance: 1e-12)
    expectScalars(try x.softmax(axis: 1), row + row, shape: [2, 3], tolerance: 1e-12)
    let high = 0.8807970779778823
    let low = 0.11920292202211753
    expectScalars(
      try x.softmax(axis: -2), [high, high, high, low, low, low], shape: [2, 3], tolerance: 1e-12)
  }

  @Test("softmax sums to 1 and stays finite for huge logits")
  func softmaxIsStable() throws {
    // e^1000 overflows, but softmax([1000, 1000, 0]) is [1/2, 1/2, e^-1000 / 2 ≈ 0].
    expectScalars(
      try Tensor([1000, 1000, 0]).softmax(), [0.5, 0.5, 0], shape: [3], tolerance: 1e-12)
    let total = try cube().softmax(axis: 1).sum(axis: 1)
    expectScalars(total, Array(repeating: 1, count: 8), shape: [2, 4], tolerance: 1e-12)
  }

  @Test("logSoftmax is x - logSumExp(x), finite where softmax underflows (NumPy)")
  func logSoftmaxValues() throws {
    let row = [-2.4076059644443806, -1.4076059644443806, -0.4076059644443806]
    expectScalars(try logits().logSoftmax(), row + row, shape: [2, 3], tolerance: 1e-12)
    // log softmax([0, -1000]) = [-log(1 + e^-1000), -1000 - log(1 + e^-1000)] ≈ [0, -1000].
    expectScalars(try Tensor([0, -1000]).logSoftmax(), [0, -1000], shape: [2], tolerance: 1e-12)
  }

  @Test("softmax of a row of -inf is NaN (no distribution), as in PyTorch")
  func softmaxOfMinusInfinity() throws {
    let x = try Tensor(shape: [2, 2], scalars: [-.infinity, -.infinity, 0, -.infinity])
    let result = try x.softmax()
    #expect(result.scalars[0].isNaN && result.scalars[1].isNaN)
    #expect(Array(result.scalars[2...]) == [1, 0])
  }

  @Test("softmax of a number has no axis; bad axes name the axis and rank")
  func badAxes() throws {
    #expect(throws: TensorError.axisOutOfRange(operation: "softmax", axis: -1, rank: 0)) {
      try Tensor(1).softmax()
    }
    #expect(throws: TensorError.axisOutOfRange(operation: "logSoftmax", axis: 2, rank: 2)) {
      try logits().logSoftmax(axis: 2)
    }
    #expect(throws: TensorError.axisOutOfRange(operation: "logSumExp", axis: -3, rank: 2)) {
      try logits().logSumExp(axis: -3)
    }
  }

  @Test("softmax and logSoftmax of an empty axis are empty")
  func emptyAxis() throws {
    #expect(try Tensor.zeros([2, 0]).softmax().shape == [2, 0])
    #expect(try Tensor.zeros([2, 0]).logSoftmax().shape == [2, 0])
  }
}
