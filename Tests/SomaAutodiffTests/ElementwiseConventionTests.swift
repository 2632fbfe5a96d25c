import SomaAutodiff
import SomaTensor
import Testing

/// The gradient of `sum(function(x))` at `x`: for an elementwise function, the
/// derivative at each element.
private func slopes(
  _ x: [Double], _ function: (TrackedTensor) throws -> TrackedTensor
) throws -> [Double] {
  try gradient(of: { try function($0).summed(toShape: []) }, at: TrackedTensor(Tensor(x)))
    .value.scalars
}

/// Derivatives at kinks and at the edges of domains.
///
/// There the formulas alone would give NaN or are ambiguous. Each expected value is
/// the convention stated in the operation's documentation (PyTorch's choice) or the
/// true one-sided limit.
@Suite("Elementwise gradient conventions at kinks and edges")
struct ElementwiseConventionTests {
  @Test("relu'(0) = 0, as PyTorch")
  func reluAtZero() throws {
    #expect(try slopes([-1, 0, 2]) { $0.relu() } == [0, 0, 1])
  }

  @Test("leakyRelu'(0) = alpha, as PyTorch's x > 0 ? 1 : alpha")
  func leakyReluAtZero() throws {
    #expect(try slopes([-1, 0, 2]) { $0.leakyRelu(alpha: 0.1) } == [0.1, 0.1, 1])
    #expect(try slopes([0]) { $0.leakyRelu() } == [0.01])
  }

  @Test("abs'(0) = 0, and abs' is the sign elsewhere")
  func absAtZero() throws {
    #expect(try slopes([-3, 0, 2]) { $0.abs() } == [-1, 0, 1])
  }

  @Test("sign has zero gradient everywhere")
  func signIsFlat() throws {
    #expect(try slopes([-3, 0, 2]) { $0.sign() } == [0, 0, 0])
    #expect(!TrackedTensor(1).sign().isTracked)
  }

  @Test("clamp passes the gradient where min <= x <= max, bounds included, as PyTorch")
  func clampIsInclusive() throws {
    let x: [Double] = [-2, -1, 0, 1, 2]
    #expect(try slopes(x) { try $0.clamped(min: -1, max: 1) } == [0, 1, 1, 1, 0])
    #expect(try slopes(x) { try $0.clamped(min: 1) } == [0, 0, 0, 1, 1])
    #expect(try slopes(x) { try $0.clamped(max: -1) } == [1, 1, 0, 0, 0])
  }

  @Test("maximum and minimum split the gradient half and half at ties, as torch.maximum")
  func extremaSplitTies() throws {
    // x = [1, 1, 3] against y = 1: two ties, then 3 wins maximum and 1 wins minimum.
    // y collects both halves of the ties, plus the win of minimum.
    let inputs = [TrackedTensor(Tensor([1, 1, 3])), TrackedTensor(1)]
    let expected = [
      "maximum": [[0.5, 0.5, 1], [1]],
      "minimum": [[0.5, 0.5, 0], [2]],
    ]
    let operations = ["maximum": TrackedTensor.maximum, "minimum": TrackedTensor.minimum]
    for (name, operation) in operations {
      let gradients = try valueAndGradient(
        of: { try operation($0[0], $0[1]).summed(toShape: []) }, at: inputs
      ).gradients
      #expect(gradients.map(\.value.scalars) == expected[name], "\(name)")
    }
  }

  @Test("select sends no gradient to its condition and zero to the unchosen branch")
  func selectCondition() throws {
    let inputs = [Tensor([1, 0, 1]), Tensor([5, 6, 7]), Tensor([8, 9, 10])]
      .map(TrackedTensor.init)
    let gradients = try valueAndGradient(
      of: { try TrackedTensor.select($0[0], $0[1], $0[2]).summed(toShape: []) }, at: inputs
    ).gradients.map(\.value.scalars)
    #expect(gradients == [[0, 0, 0], [1, 0, 1], [0, 1, 0]])
  }

  @Test("comparisons are constants with zero gradient")
  func comparisonsAreFlat() throws {
    for comparison in Comparison.allCases {
      #expect(
        try slopes([-1, 0, 1]) { try TrackedTensor.compare($0, comparison, $0 * $0) }
          == [0, 0, 0])
    }
  }

  @Test("sqrt'(0) = +inf, the true one-sided limit, and pow(x, 0.5) agrees")
  func sqrtAtZero() throws {
    #expect(try slopes([0]) { $0.sqrt() } == [.infinity])
    #expect(try slopes([0]) { try TrackedTensor.pow($0, TrackedTensor(0.5)) } == [.infinity])
  }

  @Test("d/dx x^2 and d/dx x^0 are 0 at x = 0, and d/dx x^1 = 1, with no NaN")
  func powerBaseAtZero() throws {
    for (exponent, expected) in [(2.0, 0.0), (0, 0), (1, 1), (3, 0)] {
      let slope = try slopes([0]) { try TrackedTensor.pow($0, TrackedTensor(exponent)) }
      #expect(slope == [expected], "exponent \(exponent)")
    }
  }

  @Test("d/dy x^y is 0 at x = 0 for y >= 0 instead of 0·log 0 = NaN")
  func powerExponentAtZeroBase() throws {
    let exponents = Tensor([0, 0.5, 2, 3])
    let slope = try gradient(
      of: { y in try TrackedTensor.pow(TrackedTensor(0), y).summed(toShape: []) },
      at: TrackedTensor(exponents))
    #expect(slope.value.scalars == [0, 0, 0, 0])
  }

  @Test("second derivatives of x^y at x = 0 are finite: d²/dx² x² = 2, the rest 0")
  func powerHessianAtZero() throws {
    // f(x, y) = x^y at (0, 2): f_xx = y(y-1)x^(y-2) = 2, f_xy = x^(y-1)(1 + y·log x)
    // → 0, f_yy = x^y·log² x → 0 as x → 0+.
    let secondDerivatives = try jacobians(
      of: { inputs in
        let gradients = try valueAndGradient(
          of: { try TrackedTensor.pow($0[0], $0[1]) }, at: inputs
        ).gradients
        return try TrackedTensor.stack(gradients, axis: 0)
      }, at: [TrackedTensor(0), TrackedTensor(2)])
    #expect(secondDerivatives.map(\.value.scalars) == [[2, 0], [0, 0]])
    let squareCurvature = try hessian(
      of: { try TrackedTensor.pow($0, TrackedTensor(2)) }, at: TrackedTensor(0))
    #expect(squareCurvature.value.scalars == [2])
  }

  @Test("sigmoid, softplus and tanh have finite gradients for huge |x|")
  func saturatedGradients() throws {
    let x: [Double] = [-1000, 0, 1000]
    #expect(try slopes(x) { $0.sigmoid() } == [0, 0.25, 0])
    #expect(try slopes(x) { $0.softplus() } == [0, 0.5, 1])
    #expect(try slopes(x) { $0.tanh() } == [0, 1, 0])
    // Second derivatives s(1-s)(1-2s), s(1-s) and -2t(1-t²) all vanish out there.
    let huge = TrackedTensor(Tensor([-1000, 1000]))
    let functions: [(TrackedTensor) throws -> TrackedTensor] = [
      { $0.sigmoid() }, { $0.softplus() }, { $0.tanh() },
    ]
    for function in functions {
      let curvature = try hessian(of: { try function($0).summed(toShape: []) }, at: huge)
      #expect(curvature.value.scalars == [0, 0, 0, 0])
    }
  }

  @Test("softplus' = sigmoid, exp' = exp and log' = 1/x at ordinary points")
  func derivativesInClosedForm() throws {
    let x: [Double] = [-1.5, 0.25, 2]
    #expect(try slopes(x) { $0.softplus() } == Tensor(x).sigmoid().scalars)
    #expect(try slopes(x) { $0.exp() } == Tensor(x).exp().scalars)
    #expect(try slopes([0.5, 4]) { $0.log() } == [2, 0.25])
  }
}
