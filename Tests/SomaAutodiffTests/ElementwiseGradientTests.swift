import SomaAutodiff
import SomaTensor
import Testing

/// Random points of `shape` in `domain`, each at least 0.1 away from every kink.
private func samplePoint(
  _ shape: [Int], in domain: ClosedRange<Double>, avoiding kinks: [Double] = [],
  seed: UInt64
) throws -> Tensor {
  try GradientCheck.random(shape, in: domain, seed: seed).map { value in
    guard let kink = kinks.first(where: { abs(value - $0) < 0.1 }) else { return value }
    return value < kink ? kink - 0.2 : kink + 0.2
  }
}

/// Derivatives are checked against central finite differences (GradientChecking.swift)
/// at random points away from kinks, to first and second order.
@Suite("Elementwise gradients against finite differences")
struct ElementwiseGradientTests {
  /// A one-argument operation to check, with where its inputs may be drawn from.
  struct UnaryCase: CustomTestStringConvertible, Sendable {
    let name: String
    let domain: ClosedRange<Double>
    /// Points closer than 0.1 to one of these are moved away, as derivatives jump there.
    let kinks: [Double]
    let apply: @Sendable (TrackedTensor) throws -> TrackedTensor

    var testDescription: String { name }

    init(
      _ name: String, in domain: ClosedRange<Double> = -2...2, kinks: [Double] = [],
      _ apply: @escaping @Sendable (TrackedTensor) throws -> TrackedTensor
    ) {
      self.name = name
      self.domain = domain
      self.kinks = kinks
      self.apply = apply
    }
  }

  static let unaryCases: [UnaryCase] = [
    UnaryCase("abs", kinks: [0]) { $0.abs() },
    UnaryCase("exp") { $0.exp() },
    UnaryCase("log", in: 0.5...2) { $0.log() },
    UnaryCase("log1p", in: -0.5...2) { $0.log1p() },
    UnaryCase("sqrt", in: 0.5...2) { $0.sqrt() },
    UnaryCase("square") { $0.square() },
    UnaryCase("sin") { $0.sin() },
    UnaryCase("cos") { $0.cos() },
    UnaryCase("tanh") { $0.tanh() },
    UnaryCase("sigmoid", in: -4...4) { $0.sigmoid() },
    UnaryCase("relu", kinks: [0]) { $0.relu() },
    UnaryCase("leakyRelu", kinks: [0]) { $0.leakyRelu(alpha: 0.2) },
    UnaryCase("softplus", in: -4...4) { $0.softplus() },
    UnaryCase("clamped", kinks: [-1, 1]) { try $0.clamped(min: -1, max: 1) },
    UnaryCase("clamped(min:)", kinks: [0.5]) { try $0.clamped(min: 0.5) },
    UnaryCase("clamped(max:)", kinks: [0.5]) { try $0.clamped(max: 0.5) },
    UnaryCase("tanh(sin(x)·x)") { try ($0.sin() * $0).tanh() },
  ]

  @Test("unary functions, first and second order, shapes [], [3], [2, 3]", arguments: unaryCases)
  func unary(operation: UnaryCase) throws {
    for (index, shape) in [[], [3], [2, 3]].enumerated() {
      let x = try samplePoint(
        shape, in: operation.domain, avoiding: operation.kinks, seed: UInt64(10 + index))
      let function = { (inputs: [TrackedTensor]) in try operation.apply(inputs[0]) }
      try GradientCheck.expectGradientsMatch(function, at: [x])
      try GradientCheck.expectHessianMatches(function, at: [x])
    }
  }

  static let binaryShapes: [([Int], [Int])] = [
    ([], []), ([3], [3]), ([2, 3], [3]), ([2, 1], [1, 4]), ([2, 3], []),
  ]

  @Test("pow with both arguments tracked, first and second order", arguments: binaryShapes)
  func power(shapes: ([Int], [Int])) throws {
    let x = try GradientCheck.random(shapes.0, in: 0.5...2, seed: 21)
    let y = try GradientCheck.random(shapes.1, in: -2...3, seed: 22)
    let function = { (inputs: [TrackedTensor]) in try TrackedTensor.pow(inputs[0], inputs[1]) }
    try GradientCheck.expectGradientsMatch(function, at: [x, y])
    try GradientCheck.expectHessianMatches(function, at: [x, y])
  }

  @Test("pow of a negative base to integer powers, with respect to the base")
  func powerOfNegativeBase() throws {
    let x = try samplePoint([2, 3], in: -2...(-0.5), seed: 23)
    for exponent in [2.0, 3, -1] {
      let function = { (inputs: [TrackedTensor]) in
        try TrackedTensor.pow(inputs[0], TrackedTensor(exponent))
      }
      try GradientCheck.expectGradientsMatch(function, at: [x])
      try GradientCheck.expectHessianMatches(function, at: [x])
    }
  }

  @Test("maximum and minimum away from ties, first and second order", arguments: binaryShapes)
  func extrema(shapes: ([Int], [Int])) throws {
    let x = try GradientCheck.random(shapes.0, seed: 31)
    // x and y sit on half-integer grids shifted by 0.1 and 0.25, so every pair differs
    // by at least 0.15 and none ties.
    let x2 = x.map { ($0 * 2).rounded() / 2 + 0.1 }
    let y = try GradientCheck.random(shapes.1, seed: 32).map { ($0 * 2).rounded() / 2 + 0.25 }
    for operation in [TrackedTensor.maximum, TrackedTensor.minimum] {
      let function = { (inputs: [TrackedTensor]) in try operation(inputs[0], inputs[1]) }
      try GradientCheck.expectGradientsMatch(function, at: [x2, y])
      try GradientCheck.expectHessianMatches(function, at: [x2, y])
    }
  }

  @Test("select passes gradients to both branches, first and second order")
  func selection() throws {
    let condition = TrackedTensor(try Tensor(shape: [2, 1], scalars: [1, 0]))
    for shapes in [([2, 3], [2, 3]), ([3], []), ([], [1, 3])] {
      let a = try GradientCheck.random(shapes.0, seed: 41)
      let b = try GradientCheck.random(shapes.1, seed: 42)
      let function = { (inputs: [TrackedTensor]) in
        // Squares make the second derivative nonzero, so masking it is tested too.
        try TrackedTensor.select(condition, inputs[0] * inputs[0], inputs[1].exp())
      }
      try GradientCheck.expectGradientsMatch(function, at: [a, b])
      try GradientCheck.expectHessianMatches(function, at: [a, b])
    }
  }
}
