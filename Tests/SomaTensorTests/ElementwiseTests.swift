import SomaTensor
import Testing

/// Reference values come from NumPy 2 (`np.exp`, `np.logaddexp(0, x)` for softplus,
/// `1 / (1 + np.exp(-x))` for sigmoid, ...) unless a comment derives them.
@Suite("Elementwise functions of one tensor")
struct UnaryElementwiseTests {
  static let x = Tensor([-2.5, -0.5, 0, 0.5, 3])

  @Test("exp, sin, cos and tanh match NumPy")
  func transcendentals() {
    let x = Self.x
    expectScalars(
      x.exp(), [0.0820849986238988, 0.6065306597126334, 1, 1.6487212707001282, 20.085536923187668])
    expectScalars(
      x.sin(), [-0.5984721441039565, -0.479425538604203, 0, 0.479425538604203, 0.1411200080598672])
    expectScalars(
      x.cos(),
      [-0.8011436155469337, 0.8775825618903728, 1, 0.8775825618903728, -0.9899924966004454])
    expectScalars(
      x.tanh(),
      [-0.9866142981514303, -0.46211715726000974, 0, 0.46211715726000974, 0.9950547536867305])
  }

  @Test("log, log1p and sqrt match NumPy, with IEEE results outside their domains")
  func logarithmsAndRoots() {
    let p = Tensor([0.25, 1, 2, 10])
    expectScalars(p.log(), [-1.3862943611198906, 0, 0.6931471805599453, 2.302585092994046])
    expectScalars(p.sqrt(), [0.5, 1, 1.4142135623730951, 3.1622776601683795])
    expectScalars(
      Tensor([-0.5, 0, 0.5, 3]).log1p(),
      [-0.6931471805599453, 0, 0.4054651081081644, 1.3862943611198906])
    // log1p keeps the digits that log(1 + x) rounds away: log1p(x) ≈ x - x²/2.
    expectScalars(Tensor(1e-20).log1p(), [1e-20], tolerance: 0)
    expectScalars(Tensor([0, -1, .nan]).log(), [-.infinity, .nan, .nan])
    expectScalars(Tensor([-1, -1]).log1p(), [-.infinity, -.infinity])
    expectScalars(Tensor(-4).sqrt(), [.nan])
  }

  @Test("abs, sign, square keep the shape and follow their definitions")
  func piecewise() throws {
    let m = try Tensor(shape: [2, 3], scalars: [-3, -0.0, 0, 2, .nan, -.infinity])
    expectScalars(m.abs(), [3, 0, 0, 2, .nan, .infinity], shape: [2, 3])
    expectScalars(m.sign(), [-1, 0, 0, 1, .nan, -1], shape: [2, 3])
    expectScalars(m.square(), [9, 0, 0, 4, .nan, .infinity], shape: [2, 3])
    expectScalars(Tensor(-7).abs(), [7], shape: [])
  }

  @Test("relu and leakyRelu: x for x > 0, else 0 or alpha·x")
  func rectifiers() {
    expectScalars(Self.x.relu(), [0, 0, 0, 0.5, 3])
    expectScalars(Self.x.leakyRelu(), [-0.025, -0.005, 0, 0.5, 3])
    expectScalars(Self.x.leakyRelu(alpha: 0.2), [-0.5, -0.1, 0, 0.5, 3])
  }

  @Test("sigmoid and softplus match NumPy at moderate inputs")
  func smoothFunctions() {
    expectScalars(
      Self.x.sigmoid(),
      [0.07585818002124355, 0.3775406687981454, 0.5, 0.6224593312018546, 0.9525741268224334])
    expectScalars(
      Self.x.softplus(),
      [
        0.07888973429254963, 0.4740769841801067, 0.6931471805599453, 0.9740769841801067,
        3.048587351573742,
      ])
  }

  @Test("sigmoid and softplus neither overflow nor give NaN for large |x|")
  func stableForLargeInputs() {
    let x = Tensor([-1000, -745, 745, 1000, -.infinity, .infinity])
    let s = x.sigmoid()
    #expect(s.scalars.allSatisfy { !$0.isNaN })
    #expect(s.scalars[0] == 0 && s.scalars[3] == 1 && s.scalars[4] == 0 && s.scalars[5] == 1)
    // softplus(x) = x + log1p(e^-x) = x to double precision once e^-x < 2^-53·x;
    // softplus(-745) = log1p(e^-745) rounds to the least subnormal, 5e-324.
    let p = x.softplus()
    #expect(p.scalars == [0, .leastNonzeroMagnitude, 745, 1000, 0, .infinity])
    // NumPy's logaddexp(0, 30) = 30.000000000000092 = 30 + e^-30 (rounded).
    expectScalars(Tensor(30).softplus(), [30.000000000000092])
  }

  @Test("clamped limits to min...max, either bound optional, NaN passes through")
  func clamping() throws {
    let x = Tensor([-2, -1, 0, 1, 2, .nan])
    expectScalars(try x.clamped(min: -1, max: 1), [-1, -1, 0, 1, 1, .nan])
    expectScalars(try x.clamped(min: 0), [0, 0, 0, 1, 2, .nan])
    expectScalars(try x.clamped(max: 0), [-2, -1, 0, 0, 0, .nan])
    expectScalars(try x.clamped(), x.scalars)
    expectScalars(try x.clamped(min: 1, max: 1), [1, 1, 1, 1, 1, .nan])
  }

  @Test("clamped rejects min > max and NaN bounds, naming the values")
  func clampingErrors() throws {
    let error = #expect(throws: TensorError.self) { try Tensor(1).clamped(min: 3, max: 1) }
    #expect(
      error?.description
        == "clamp: needs min <= max and no NaN bound, but got min 3, max 1")
    #expect(throws: TensorError.self) { try Tensor(1).clamped(min: .nan) }
  }

  @Test("an empty tensor maps to an empty tensor of the same shape")
  func emptyTensors() throws {
    let empty = try Tensor.zeros([0, 3])
    #expect(empty.exp().shape == [0, 3])
    #expect(try Tensor.pow(empty, Tensor([1, 2, 3])).shape == [0, 3])
  }
}

@Suite("Elementwise functions of two tensors")
struct BinaryElementwiseTests {
  @Test("pow broadcasts a column against a row; NumPy gives NaN for (-8)^0.5")
  func power() throws {
    let base = try Tensor(shape: [2, 1], scalars: [2, -8])
    let result = try Tensor.pow(base, Tensor([0.5, 3, -1]))
    expectScalars(result, [1.4142135623730951, 8, 0.5, .nan, -512, -0.125], shape: [2, 3])
    expectScalars(try Tensor.pow(Tensor([0, 0, 5]), Tensor([0, -1, 0])), [1, .infinity, 1])
  }

  @Test("maximum and minimum pick per element and propagate NaN, as NumPy")
  func extrema() throws {
    let a = Tensor([1, .nan, 3, 4])
    let b = Tensor([2, 2, .nan, 4])
    expectScalars(try Tensor.maximum(a, b), [2, .nan, .nan, 4])
    expectScalars(try Tensor.minimum(a, b), [1, .nan, .nan, 4])
    let column = try Tensor(shape: [2, 1], scalars: [0, 10])
    expectScalars(
      try Tensor.maximum(column, Tensor([-1, 5, 20])), [0, 5, 20, 10, 10, 20], shape: [2, 3])
    expectScalars(try Tensor.minimum(Tensor(1), Tensor([0, 2])), [0, 1], shape: [2])
  }

  @Test(
    "broadcasting agrees with indexing each operand, for every row pattern",
    arguments: [
      ([2, 3], [1, 3]), ([2, 1], [3]), ([3], [2, 1]), ([2, 1], [1, 1]), ([2, 1, 3], [4, 1]),
      ([1, 4, 1], [3, 1, 2]),
    ])
  func broadcastingLoops(shapes: ([Int], [Int])) throws {
    let a = try Tensor(
      shape: shapes.0, scalars: (0..<shapes.0.reduce(1, *)).map { Double($0 * 7 % 5) })
    let b = try Tensor(
      shape: shapes.1, scalars: (0..<shapes.1.reduce(1, *)).map { Double($0 * 3 % 4) })
    let shape = try Tensor.broadcastShape(a.shape, b.shape, operation: "test")
    // The reference reads each operand at the result's indices, with broadcast axes
    // (size 1 or missing) pinned to 0: NumPy's definition of broadcasting.
    func element(_ tensor: Tensor, at index: [Int]) throws -> Double {
      let aligned = index.suffix(tensor.rank)
      return try tensor.element(
        at: zip(aligned, tensor.shape).map { position, size in size == 1 ? 0 : position })
    }
    var expected: [Double] = []
    var index = [Int](repeating: 0, count: shape.count)
    for _ in 0..<shape.reduce(1, *) {
      expected.append(max(try element(a, at: index), try element(b, at: index)))
      var axis = shape.count - 1
      while axis >= 0 {
        index[axis] += 1
        if index[axis] < shape[axis] { break }
        index[axis] = 0
        axis -= 1
      }
    }
    expectScalars(try Tensor.maximum(a, b), expected, shape: shape)
    expectScalars(try Tensor.maximum(b, a), expected, shape: shape)
  }

  @Test("a broadcast mismatch names the operation and both shapes")
  func broadcastErrors() throws {
    let a = try Tensor.zeros([2, 3])
    let b = try Tensor.zeros([4])
    for (operation, run) in [
      ("pow", { try Tensor.pow(a, b) }), ("maximum", { try Tensor.maximum(a, b) }),
      ("minimum", { try Tensor.minimum(a, b) }), ("<", { try Tensor.compare(a, .less, b) }),
    ] as [(String, () throws -> Tensor)] {
      let error = #expect(throws: TensorError.self) { try run() }
      #expect(error?.description == "cannot broadcast shapes (2, 3) and (4,) in \(operation)")
    }
  }
}

@Suite("Comparisons and select")
struct ComparisonTests {
  @Test("each comparison gives a 0/1 mask, with IEEE NaN rules")
  func comparisons() throws {
    let a = Tensor([1, 2, 3, .nan])
    let b = Tensor(2)
    let expected: [Comparison: [Double]] = [
      .less: [1, 0, 0, 0], .lessOrEqual: [1, 1, 0, 0], .greater: [0, 0, 1, 0],
      .greaterOrEqual: [0, 1, 1, 0], .equal: [0, 1, 0, 0], .notEqual: [1, 0, 1, 1],
    ]
    for comparison in Comparison.allCases {
      expectScalars(try Tensor.compare(a, comparison, b), expected[comparison] ?? [])
    }
  }

  @Test("compare broadcasts a column against a row")
  func comparisonBroadcasts() throws {
    let column = try Tensor(shape: [2, 1], scalars: [1, 2])
    let mask = try Tensor.compare(column, .less, Tensor([0, 1.5, 3]))
    expectScalars(mask, [0, 1, 1, 0, 0, 1], shape: [2, 3])
  }

  @Test("select takes nonzero (including NaN) as true, as NumPy's where")
  func selectSameShape() throws {
    let condition = Tensor([1, 0, -2, .nan])
    let result = try Tensor.select(condition, Tensor([1, 2, 3, 4]), Tensor([-1, -2, -3, -4]))
    expectScalars(result, [1, -2, 3, 4])
  }

  @Test("select broadcasts all three operands; NumPy's where gives the same")
  func selectBroadcasts() throws {
    let condition = try Tensor(shape: [2, 1], scalars: [1, 0])
    let result = try Tensor.select(condition, Tensor([1, 2, 3]), Tensor(-1))
    expectScalars(result, [1, 2, 3, -1, -1, -1], shape: [2, 3])
    // Condition [3] against values [2, 1] and [1, 1, 1]: result (1, 2, 3).
    let deep = try Tensor.select(
      Tensor([1, 0, 1]), Tensor(shape: [2, 1], scalars: [5, 6]), Tensor.zeros([1, 1, 1]))
    expectScalars(deep, [5, 0, 5, 6, 0, 6], shape: [1, 2, 3])
    let scalar = try Tensor.select(Tensor(0), Tensor(1), Tensor(2))
    expectScalars(scalar, [2], shape: [])
  }

  @Test("select names the shapes that do not broadcast")
  func selectErrors() throws {
    let error = #expect(throws: TensorError.self) {
      try Tensor.select(Tensor([1, 0]), Tensor([1, 2, 3]), Tensor(0))
    }
    #expect(error?.description == "cannot broadcast shapes (2,) and (3,) in select")
    let valuesError = #expect(throws: TensorError.self) {
      try Tensor.select(Tensor(1), Tensor([1, 2, 3]), Tensor([1, 2]))
    }
    #expect(valuesError?.description == "cannot broadcast shapes (3,) and (2,) in select")
  }
}
