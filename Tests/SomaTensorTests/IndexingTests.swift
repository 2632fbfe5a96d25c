import SomaTensor
import Testing

/// Shorthand for NumPy's `start:end:step`.
private func slice(_ start: Int? = nil, _ end: Int? = nil, _ step: Int? = nil) -> TensorIndex {
  .range(start: start, end: end, step: step)
}

/// Basic indexing checked against NumPy 2.4.
///
/// Expected values were produced with NumPy on `x = np.arange(12.).reshape(3, 4)`:
///
///     [[0, 1,  2,  3],
///      [4, 5,  6,  7],
///      [8, 9, 10, 11]]
@Suite("Basic indexing, index assignment, take and one-hot")
struct IndexingTests {
  let x: Tensor

  init() throws {
    x = try Tensor(shape: [3, 4], scalars: (0..<12).map(Double.init))
  }

  /// Expects `x` indexed by `indices` to have `shape` and `scalars`.
  private func expectIndexing(
    _ indices: [TensorIndex], shape: [Int], scalars: [Double],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let result = try x.indexed(by: indices)
    #expect(result.shape == shape, sourceLocation: sourceLocation)
    #expect(result.scalars == scalars, sourceLocation: sourceLocation)
  }

  @Test("an integer index picks a row and removes its axis; negatives count from the end")
  func integerIndex() throws {
    try expectIndexing([1], shape: [4], scalars: [4, 5, 6, 7])
    try expectIndexing([-1], shape: [4], scalars: [8, 9, 10, 11])
    try expectIndexing([.all, 1], shape: [3], scalars: [1, 5, 9])
    try expectIndexing([1, 2], shape: [], scalars: [6])
    try expectIndexing([-3, -4], shape: [], scalars: [0])
  }

  @Test("slices are half-open and keep their axis: x[1:3], x[-2:, 1:3], x[:, -5:2]")
  func slices() throws {
    try expectIndexing([slice(1, 3)], shape: [2, 4], scalars: [4, 5, 6, 7, 8, 9, 10, 11])
    try expectIndexing([slice(-2), slice(1, 3)], shape: [2, 2], scalars: [5, 6, 9, 10])
    try expectIndexing([.all, slice(-5, 2)], shape: [3, 2], scalars: [0, 1, 4, 5, 8, 9])
  }

  @Test("negative steps walk backwards: x[::-1], x[::-2], x[:, ::-1], x[2:0:-1, 3:0:-2]")
  func negativeSteps() throws {
    try expectIndexing(
      [slice(nil, nil, -1)], shape: [3, 4], scalars: [8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3])
    try expectIndexing([slice(nil, nil, -2)], shape: [2, 4], scalars: [8, 9, 10, 11, 0, 1, 2, 3])
    try expectIndexing(
      [.all, slice(nil, nil, -1)], shape: [3, 4],
      scalars: [3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8])
    try expectIndexing([slice(2, 0, -1), slice(3, 0, -2)], shape: [2, 2], scalars: [11, 9, 7, 5])
  }

  @Test("slice bounds past the ends are clamped: x[-100:100], x[10:-10:-1], x[::100]")
  func clamping() throws {
    try expectIndexing([slice(-100, 100)], shape: [3, 4], scalars: x.scalars)
    try expectIndexing(
      [slice(10, -10, -1)], shape: [3, 4], scalars: [8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3])
    try expectIndexing([slice(nil, nil, 100)], shape: [1, 4], scalars: [0, 1, 2, 3])
    try expectIndexing([slice(nil, nil, -100)], shape: [1, 4], scalars: [8, 9, 10, 11])
    try expectIndexing([slice(nil, nil, Int.min)], shape: [1, 4], scalars: [8, 9, 10, 11])
    try expectIndexing([slice(Int.min, Int.max)], shape: [3, 4], scalars: x.scalars)
  }

  @Test("empty slices give empty axes: x[5:], x[1:1], x[3:0]")
  func emptySlices() throws {
    try expectIndexing([slice(5)], shape: [0, 4], scalars: [])
    try expectIndexing([slice(1, 1)], shape: [0, 4], scalars: [])
    try expectIndexing([slice(3, 0)], shape: [0, 4], scalars: [])
    let empty = try x.indexed(by: [slice(3, 0)])
    #expect(try empty.indexed(by: [.all, -1]).shape == [0])
  }

  @Test("newAxis inserts a size-1 axis without using up an axis: x[None], x[:, None], x[1, None]")
  func newAxis() throws {
    try expectIndexing([.newAxis], shape: [1, 3, 4], scalars: x.scalars)
    try expectIndexing([.all, .newAxis], shape: [3, 1, 4], scalars: x.scalars)
    try expectIndexing([1, .newAxis], shape: [1, 4], scalars: [4, 5, 6, 7])
    try expectIndexing([.all, .all, .newAxis], shape: [3, 4, 1], scalars: x.scalars)
    #expect(try Tensor(5).indexed(by: [.newAxis, .newAxis]).shape == [1, 1])
  }

  @Test("no indices, or indexing a number with none, returns everything")
  func noIndices() throws {
    try expectIndexing([], shape: [3, 4], scalars: x.scalars)
    #expect(try Tensor(5).indexed(by: []) == Tensor(5))
  }

  @Test("an integer index outside its axis names the index, axis and size")
  func integerOutOfRange() throws {
    #expect {
      try x.indexed(by: [.all, 4])
    } throws: { error in
      "\(error)" == "index 4 is out of range for axis 1 with size 4"
    }
    #expect(throws: TensorError.indexOutOfRange(index: -4, axis: 0, size: 3)) {
      try x.indexed(by: [-4])
    }
  }

  @Test("more indices than axes is an error that counts them")
  func tooManyIndices() throws {
    #expect {
      try x.indexed(by: [0, 0, 0])
    } throws: { error in
      "\(error)"
        == "index: too many indices for a tensor of shape (3, 4): it has 2 axes, but 3 were given"
    }
    #expect {
      try Tensor(1).indexed(by: [0])
    } throws: { error in
      "\(error)"
        == "index: too many indices for a tensor of shape (): it has 0 axes, but 1 was given"
    }
  }

  @Test("a slice step of zero is an error, as in Python")
  func zeroStep() throws {
    #expect {
      try x.indexed(by: [slice(nil, nil, 0)])
    } throws: { error in
      "\(error)" == "index: slice step cannot be zero"
    }
  }

  @Test("replacing a row with a vector, as y[1] = [10, 20, 30, 40]")
  func replaceRow() throws {
    let result = try x.replacing([1], with: Tensor([10, 20, 30, 40]))
    #expect(result.scalars == [0, 1, 2, 3, 10, 20, 30, 40, 8, 9, 10, 11])
    #expect(result.shape == [3, 4])
  }

  @Test("replacement values broadcast to the indexed part, as y[:, ::-2] = [[-1], [-2], [-3]]")
  func replaceBroadcasts() throws {
    let values = try Tensor(shape: [3, 1], scalars: [-1, -2, -3])
    let result = try x.replacing([.all, slice(nil, nil, -2)], with: values)
    #expect(result.scalars == [0, -1, 2, -1, 4, -2, 6, -2, 8, -3, 10, -3])
  }

  @Test("replacing one element with a number, and a row with extra leading size-1 axes")
  func replaceElementAndLeadingOnes() throws {
    let element = try x.replacing([0, 1], with: Tensor(99))
    #expect(element.scalars == [0, 99, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    let row = try x.replacing([1], with: Tensor.ones([1, 4]))
    #expect(row.scalars == [0, 1, 2, 3, 1, 1, 1, 1, 8, 9, 10, 11])
  }

  @Test("replacing with values of the wrong shape names both shapes")
  func replaceWrongShape() throws {
    #expect {
      try x.replacing([1], with: Tensor([1, 2, 3]))
    } throws: { error in
      "\(error)" == "cannot broadcast shapes (3,) and (4,) in index assignment"
    }
  }

  @Test("replacing an empty part changes nothing")
  func replaceEmpty() throws {
    #expect(try x.replacing([slice(2, 2)], with: Tensor(7)) == x)
  }

  @Test("take along axis 1 picks columns, repeated and negative, like np.take")
  func takeColumns() throws {
    let result = try x.take(Tensor([2, 0, -1, 2]), axis: 1)
    #expect(result.shape == [3, 4])
    #expect(result.scalars == [2, 0, 3, 2, 6, 4, 7, 6, 10, 8, 11, 10])
  }

  @Test("take with a matrix of indices inserts its shape at the axis")
  func takeMatrixOfIndices() throws {
    let indices = try Tensor(shape: [2, 2], scalars: [2, 0, 1, 1])
    let result = try x.take(indices, axis: 0)
    #expect(result.shape == [2, 2, 4])
    #expect(result.scalars == [8, 9, 10, 11, 0, 1, 2, 3, 4, 5, 6, 7, 4, 5, 6, 7])
    #expect(try x.take(Tensor(1), axis: -2) == Tensor([4, 5, 6, 7]))
    #expect(try x.take(Tensor([]), axis: 0).shape == [0, 4])
  }

  @Test("take rejects fractional and out-of-range indices")
  func takeErrors() throws {
    #expect {
      try x.take(Tensor([0, 1.5]), axis: 0)
    } throws: { error in
      "\(error)" == "take: indices must be whole numbers, but got 1.5"
    }
    #expect(throws: TensorError.indexOutOfRange(index: 3, axis: 0, size: 3)) {
      try x.take(Tensor([3]), axis: 0)
    }
    #expect(throws: TensorError.indexOutOfRange(index: -5, axis: 1, size: 4)) {
      try x.take(Tensor([-5]), axis: -1)
    }
    #expect(throws: TensorError.self) { try x.take(Tensor([1e300]), axis: 0) }
    #expect(throws: TensorError.self) { try x.take(Tensor([.nan]), axis: 0) }
    #expect(throws: TensorError.axisOutOfRange(operation: "take", axis: 2, rank: 2)) {
      try x.take(Tensor([0]), axis: 2)
    }
  }

  @Test("oneHot puts a 1 at each class index, like np.eye(3)[[[0, 2], [1, 0]]]")
  func oneHot() throws {
    let indices = try Tensor(shape: [2, 2], scalars: [0, 2, 1, 0])
    let result = try Tensor.oneHot(indices, classes: 3)
    #expect(result.shape == [2, 2, 3])
    #expect(result.scalars == [1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0])
    #expect(try Tensor.oneHot(Tensor(1), classes: 2) == Tensor([0, 1]))
  }

  @Test("oneHot rejects indices outside 0..<classes, fractions and negative class counts")
  func oneHotErrors() throws {
    #expect {
      try Tensor.oneHot(Tensor([0, 3]), classes: 3)
    } throws: { error in
      "\(error)" == "oneHot: class index 3 is not in 0..<3"
    }
    #expect {
      try Tensor.oneHot(Tensor([-1]), classes: 3)
    } throws: { error in
      "\(error)" == "oneHot: class index -1 is not in 0..<3"
    }
    #expect {
      try Tensor.oneHot(Tensor([0.5]), classes: 3)
    } throws: { error in
      "\(error)" == "oneHot: indices must be whole numbers, but got 0.5"
    }
    #expect {
      try Tensor.oneHot(Tensor([0]), classes: -1)
    } throws: { error in
      "\(error)" == "oneHot: the number of classes must be >= 0, but got -1"
    }
  }

  @Test("gather and scatter-add of one selection are adjoint: <Gx, y> = <x, Gᵀy>")
  func gatherScatterAdjoint() throws {
    let selection = try ElementSelection(taking: Tensor([1, 1, 0]), alongAxis: 1, of: [3, 4])
    let y = try Tensor(shape: [3, 3], scalars: (1...9).map(Double.init))
    let gathered = try selection.gather(from: x)
    let scattered = try selection.scatterAdd(y)
    let left = try (gathered * y).scalars.reduce(0, +)
    let right = try (x * scattered).scalars.reduce(0, +)
    #expect(left == right)
    // Column 1 was taken twice, so it receives y[:, 0] + y[:, 1] (derivation).
    #expect(scattered.scalars == [3, 3, 0, 0, 6, 9, 0, 0, 9, 15, 0, 0])
  }

  @Test("a selection refuses tensors of another shape")
  func selectionShapeCheck() throws {
    let selection = try ElementSelection(indexing: [3, 4], by: [0])
    #expect {
      try selection.gather(from: Tensor([1, 2]))
    } throws: { error in
      "\(error)" == "cannot gather from shapes (2,) and (3, 4): the selection was made for "
        + "shape (3, 4)"
    }
    #expect(throws: TensorError.self) { try selection.scatterAdd(Tensor([1])) }
  }
}
