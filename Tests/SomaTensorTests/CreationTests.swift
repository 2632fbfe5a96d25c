import SomaTensor
import Testing

/// Ranges are checked against NumPy 2 (`np.arange`, `np.linspace`).
@Suite("Creating tensors")
struct CreationTests {
  @Test("full fills a shape with one value, rank 0 included")
  func fullFills() throws {
    expectScalars(try Tensor.full([2, 3], value: 7), Array(repeating: 7, count: 6), shape: [2, 3])
    expectScalars(try Tensor.full([], value: -1), [-1], shape: [])
    #expect(try Tensor.full([0, 4], value: 1).shape == [0, 4])
    #expect(throws: TensorError.invalidShape(operation: "full", shape: [2, -1])) {
      try Tensor.full([2, -1], value: 0)
    }
  }

  @Test("eye has ones on the main diagonal, square or not")
  func identity() throws {
    expectScalars(try Tensor.eye(3), [1, 0, 0, 0, 1, 0, 0, 0, 1], shape: [3, 3])
    expectScalars(try Tensor.eye(rows: 2, columns: 3), [1, 0, 0, 0, 1, 0], shape: [2, 3])
    expectScalars(try Tensor.eye(rows: 3, columns: 1), [1, 0, 0], shape: [3, 1])
    #expect(try Tensor.eye(0).shape == [0, 0])
    let error = #expect(throws: TensorError.self) { try Tensor.eye(-2) }
    #expect(error?.description == "eye cannot make a tensor of shape (-2, -2): sizes must be >= 0")
  }

  @Test("arange follows NumPy, including fractional and negative steps")
  func arangeMatchesNumPy() throws {
    expectScalars(try Tensor.arange(stop: 4), [0, 1, 2, 3], shape: [4])
    expectScalars(try Tensor.arange(start: 0, stop: 10, step: 3), [0, 3, 6, 9])
    expectScalars(try Tensor.arange(start: 1, stop: 0, step: -0.25), [1, 0.75, 0.5, 0.25])
    // np.arange(0, 1, 0.1) has 10 elements, the 4th being 0.30000000000000004.
    let tenths = try Tensor.arange(start: 0, stop: 1, step: 0.1)
    #expect(tenths.shape == [10])
    #expect(tenths.scalars[3] == 0.30000000000000004)
    expectScalars(
      try Tensor.arange(start: 0.5, stop: 2, step: 0.3),
      [0.5, 0.8, 1.1, 1.4000000000000001, 1.7000000000000002])
  }

  @Test("arange is empty when the step points away from stop")
  func arangeEmpty() throws {
    #expect(try Tensor.arange(start: 5, stop: 1).shape == [0])
    #expect(try Tensor.arange(start: 1, stop: 5, step: -1).shape == [0])
    #expect(try Tensor.arange(start: 2, stop: 2).shape == [0])
    #expect(try Tensor.arange(start: -1e300, stop: 1e300, step: -1).shape == [0])
  }

  @Test("arange explains a zero step, non-finite values and too many elements")
  func arangeErrors() throws {
    let zero = #expect(throws: TensorError.self) { try Tensor.arange(stop: 3, step: 0) }
    #expect(
      zero?.description
        == "arange: needs finite start and stop and a finite nonzero step, but got start 0, "
        + "stop 3, step 0")
    #expect(throws: TensorError.self) { try Tensor.arange(stop: .infinity) }
    #expect(throws: TensorError.self) { try Tensor.arange(stop: 1, step: .nan) }
    let huge = #expect(throws: TensorError.self) { try Tensor.arange(stop: 1e12) }
    #expect(
      huge?.description
        == "arange: from 0 to 1000000000000 in steps of 1 gives 1000000000000 "
        + "elements, more than the 268435456 a tensor may hold")
    #expect(throws: TensorError.self) { try Tensor.arange(start: -1e308, stop: 1e308) }
  }

  @Test("linspace includes both ends and spaces evenly, as NumPy")
  func linspaceMatchesNumPy() throws {
    expectScalars(try Tensor.linspace(start: 0, stop: 1, count: 5), [0, 0.25, 0.5, 0.75, 1])
    expectScalars(try Tensor.linspace(start: -1, stop: 2, count: 4), [-1, 0, 1, 2])
    expectScalars(try Tensor.linspace(start: 3, stop: 7, count: 1), [3], shape: [1])
    expectScalars(try Tensor.linspace(start: 1, stop: 0, count: 3), [1, 0.5, 0])
    #expect(try Tensor.linspace(start: 0, stop: 1, count: 0).shape == [0])
    // The last element is stop exactly, although 0.1·(count - 1) rounds.
    #expect(try Tensor.linspace(start: 0, stop: 0.3, count: 4).scalars.last == 0.3)
  }

  @Test("linspace rejects a negative count and non-finite ends")
  func linspaceErrors() throws {
    let error = #expect(throws: TensorError.self) {
      try Tensor.linspace(start: 0, stop: 1, count: -1)
    }
    #expect(
      error?.description
        == "linspace: needs finite start and stop and a count >= 0, but got start 0, "
        + "stop 1, count -1")
    #expect(throws: TensorError.self) { try Tensor.linspace(start: .nan, stop: 1, count: 3) }
  }
}

@Suite("Random tensors")
struct RandomTensorTests {
  @Test(
    "uniform draws fixed values for seeds 0 and 42",
    arguments: [
      // low + (high - low)·u with u from xoshiro256**: u = 0.6012629994179048,
      // 0.7477740925472398, ... for seed 0 in an independent Python transcription.
      (
        UInt64(0),
        [
          1.4050519976716194, 1.9910963701889592, -0.5879200424198547,
          0.6663563113185824,
        ]
      ),
      (
        UInt64(42),
        [
          -0.6645481157604713, 0.5159210026506744, 1.7201736441125575,
          2.6987717813015504,
        ]
      ),
    ])
  func uniformIsFixed(seed: UInt64, expected: [Double]) throws {
    var generator = RandomGenerator(seed: seed)
    let draw = try Tensor.uniform([2, 2], low: -1, high: 3, using: &generator)
    #expect(draw.shape == [2, 2])
    #expect(draw.scalars == expected)
  }

  @Test(
    "normal draws fixed values for seeds 0 and 42",
    arguments: [
      // Produced by this implementation of xoshiro256** and the polar method; this
      // guards against changes that would alter every seeded notebook.
      (
        UInt64(0),
        [
          2.1962052967252186, 3.9269198384408783, -0.7901051064759832,
          0.6238744679222515,
        ]
      ),
      (
        UInt64(42),
        [
          -0.45243827648957136, 0.5776061635360803, 1.4432454030071866,
          2.045543375512029,
        ]
      ),
    ])
  func normalIsFixed(seed: UInt64, expected: [Double]) throws {
    var generator = RandomGenerator(seed: seed)
    let draw = try Tensor.normal([2, 2], mean: 1, standardDeviation: 2, using: &generator)
    #expect(draw.scalars == expected)
  }

  @Test("100,000 normal draws have mean and variance near the requested ones")
  func normalMoments() throws {
    var generator = RandomGenerator(seed: 11)
    let draw = try Tensor.normal([100_000], mean: 3, standardDeviation: 2, using: &generator)
    let (mean, variance) = moments(draw.scalars)
    // Standard errors: σ/√n = 0.0063 for the mean, σ²·√(2/n) = 0.018 for the variance;
    // the bounds are about five of them.
    #expect(abs(mean - 3) < 0.03)
    #expect(abs(variance - 4) < 0.09)
  }

  @Test("100,000 uniform draws lie in [low, high) with mean and variance of U(low, high)")
  func uniformMoments() throws {
    var generator = RandomGenerator(seed: 12)
    let draw = try Tensor.uniform([100_000], low: -2, high: 4, using: &generator)
    #expect(draw.scalars.allSatisfy { $0 >= -2 && $0 < 4 })
    let (mean, variance) = moments(draw.scalars)
    // U(-2, 4) has mean 1 and variance 6²/12 = 3; standard errors 0.0055 and 0.0085.
    #expect(abs(mean - 1) < 0.03)
    #expect(abs(variance - 3) < 0.05)
  }

  @Test("random tensors reject bad shapes and parameters, naming the values")
  func randomErrors() throws {
    #expect(throws: TensorError.invalidShape(operation: "uniform", shape: [-1])) {
      try Tensor.uniform([-1])
    }
    #expect(throws: TensorError.invalidShape(operation: "normal", shape: [2, -3])) {
      try Tensor.normal([2, -3])
    }
    let range = #expect(throws: TensorError.self) { try Tensor.uniform([2], low: 1, high: 0) }
    #expect(range?.description == "uniform: needs finite low <= high, but got low 1, high 0")
    let spread = #expect(throws: TensorError.self) {
      try Tensor.normal([2], standardDeviation: -1)
    }
    #expect(
      spread?.description
        == "normal: needs a finite mean and a finite standard deviation >= 0, but got mean "
        + "0, standard deviation -1")
  }

  @Test("an empty shape draws nothing and leaves the generator where it was")
  func emptyDrawsNothing() throws {
    var generator = RandomGenerator(seed: 1)
    #expect(try Tensor.normal([3, 0], using: &generator).shape == [3, 0])
    var fresh = RandomGenerator(seed: 1)
    #expect(generator.next() == fresh.next())
  }

  private func moments(_ values: [Double]) -> (mean: Double, variance: Double) {
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
    return (mean, variance)
  }
}
