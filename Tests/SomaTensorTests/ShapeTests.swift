import SomaTensor
import Testing

/// Expected values below were produced with NumPy 2.4 on `np.arange(n).reshape(...)`.
@Suite("Transposing, permuting, squeezing and flattening")
struct ShapeTests {
  /// 0, 1, 2, … laid out in `shape`, like `np.arange(n).reshape(shape)`.
  static func counting(_ shape: [Int]) throws -> Tensor {
    try Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map(Double.init))
  }

  @Test("transposing a matrix swaps rows and columns, as m.T")
  func transposeMatrix() throws {
    let result = try Self.counting([2, 3]).transposed()
    #expect(result.shape == [3, 2])
    #expect(result.scalars == [0, 3, 1, 4, 2, 5])
  }

  @Test("transposing a rank-3 tensor reverses all axes, as x.T")
  func transposeReversesAllAxes() throws {
    let result = try Self.counting([2, 3, 4]).transposed()
    #expect(result.shape == [4, 3, 2])
    #expect(
      result.scalars == [
        0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22, 3, 15, 7, 19, 11, 23,
      ])
  }

  @Test("transposing a number or a vector changes nothing")
  func transposeOfLowRanksIsIdentity() throws {
    #expect(Tensor(5).transposed() == Tensor(5))
    #expect(Tensor([1, 2, 3]).transposed() == Tensor([1, 2, 3]))
  }

  @Test("permuting by (2, 0, 1) matches np.transpose(x, (2, 0, 1))")
  func permuteMatchesNumPy() throws {
    let x = try Self.counting([2, 3, 4])
    let result = try x.permuted([2, 0, 1])
    #expect(result.shape == [4, 2, 3])
    #expect(
      result.scalars == [
        0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21, 2, 6, 10, 14, 18, 22, 3, 7, 11, 15, 19, 23,
      ])
    #expect(try x.permuted([-1, 0, -2]) == result)
  }

  @Test("permuting and then applying the inverse permutation restores the tensor")
  func permuteInverseRoundTrip() throws {
    let x = try Self.counting([2, 3, 4, 5])
    let axes = [3, 1, 0, 2]
    let back = try x.permuted(axes).permuted(Tensor.inverse(permutation: axes))
    #expect(back == x)
  }

  @Test("permuting a number by no axes returns it")
  func permuteRankZero() throws {
    #expect(try Tensor(7).permuted([]) == Tensor(7))
  }

  @Test("permuting with the wrong number of axes says how many are needed")
  func permuteWrongCount() throws {
    #expect {
      try Self.counting([2, 3]).permuted([0])
    } throws: { error in
      "\(error)" == "permute: a tensor of rank 2 needs 2 axes, but 1 was given"
    }
  }

  @Test("permuting with a repeated axis names the axis")
  func permuteRepeatedAxis() throws {
    #expect {
      try Self.counting([2, 3, 4]).permuted([1, -2, 0])
    } throws: { error in
      "\(error)" == "permute: axis 1 appears more than once in [1, -2, 0]"
    }
  }

  @Test("permuting with an axis that does not exist reports the valid range")
  func permuteAxisOutOfRange() throws {
    #expect(throws: TensorError.axisOutOfRange(operation: "permute", axis: 3, rank: 3)) {
      try Self.counting([2, 3, 4]).permuted([0, 1, 3])
    }
  }

  @Test("swapping the last two axes matches np.swapaxes(x, -2, -1)")
  func swapLastTwoAxes() throws {
    let result = try Self.counting([2, 3, 4]).swappingAxes(-2, -1)
    #expect(result.shape == [2, 4, 3])
    #expect(
      result.scalars == [
        0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11, 12, 16, 20, 13, 17, 21, 14, 18, 22, 15, 19, 23,
      ])
  }

  @Test("swapping an axis with itself changes nothing")
  func swapSameAxis() throws {
    let x = try Self.counting([2, 3])
    #expect(try x.swappingAxes(1, -1) == x)
  }

  @Test("swapping a missing axis throws")
  func swapMissingAxis() throws {
    #expect(throws: TensorError.axisOutOfRange(operation: "swap axes", axis: 2, rank: 2)) {
      try Self.counting([2, 3]).swappingAxes(0, 2)
    }
  }

  @Test("squeezing without an axis removes every axis of size 1")
  func squeezeAll() throws {
    let x = try Self.counting([1, 3, 1, 2, 1])
    let result = try x.squeezed()
    #expect(result.shape == [3, 2])
    #expect(result.scalars == x.scalars)
    #expect(try Tensor(shape: [1, 1], scalars: [4]).squeezed() == Tensor(4))
  }

  @Test("squeezing one axis removes only that axis")
  func squeezeOneAxis() throws {
    let x = try Self.counting([1, 3, 1])
    #expect(try x.squeezed(axis: -1).shape == [1, 3])
    #expect(try x.squeezed(axis: 0).shape == [3, 1])
  }

  @Test("squeezing an axis whose size is not 1 is an error")
  func squeezeWrongSize() throws {
    #expect {
      try Self.counting([1, 3]).squeezed(axis: 1)
    } throws: { error in
      "\(error)"
        == "squeeze: cannot remove axis 1 of size 3 from shape (1, 3); only axes of size 1 "
        + "can be removed"
    }
  }

  @Test("squeezing an axis of a number is an axis error")
  func squeezeNumberAxis() throws {
    #expect(throws: TensorError.axisOutOfRange(operation: "squeeze", axis: 0, rank: 0)) {
      try Tensor(1).squeezed(axis: 0)
    }
  }

  @Test("unsqueezing inserts a size-1 axis at any of -(rank + 1)...rank")
  func unsqueezePositions() throws {
    let x = try Self.counting([2, 3])
    #expect(try x.unsqueezed(axis: 0).shape == [1, 2, 3])
    #expect(try x.unsqueezed(axis: 1).shape == [2, 1, 3])
    #expect(try x.unsqueezed(axis: 2).shape == [2, 3, 1])
    #expect(try x.unsqueezed(axis: -1).shape == [2, 3, 1])
    #expect(try x.unsqueezed(axis: -3).shape == [1, 2, 3])
    #expect(try Tensor(4).unsqueezed(axis: 0) == Tensor([4]))
  }

  @Test("unsqueezing beyond rank + 1 positions says where a new axis can go")
  func unsqueezeOutOfRange() throws {
    #expect {
      try Self.counting([2, 3]).unsqueezed(axis: 3)
    } throws: { error in
      "\(error)"
        == "unsqueeze: axis 3 is out of range for a tensor of rank 2; a new axis can be "
        + "inserted at -3 to 2"
    }
    #expect(throws: TensorError.self) { try Self.counting([2, 3]).unsqueezed(axis: -4) }
  }

  @Test("flattening keeps row-major order, and a number becomes a vector of one")
  func flatten() throws {
    let x = try Self.counting([2, 3, 4])
    #expect(x.flattened() == Tensor(x.scalars))
    #expect(Tensor(3).flattened() == Tensor([3]))
    #expect(try Tensor.zeros([2, 0]).flattened().shape == [0])
  }

  @Test("empty tensors transpose and permute to empty tensors of the moved shape")
  func emptyTensors() throws {
    let x = try Tensor.zeros([0, 3])
    #expect(x.transposed().shape == [3, 0])
    #expect(try Tensor.zeros([2, 0, 4]).permuted([1, 2, 0]).shape == [0, 4, 2])
  }
}
