import SomaAutodiff
import SomaTensor
import Testing

@Suite("Gradients with known values")
struct KnownValueTests {
  @Test("d/dx x² = 2x at several points, from the power rule")
  func squareSlope() throws {
    for x in [-3.0, -0.5, 0, 1, 2.5] {
      let slope = try gradient(of: { $0.square() }, at: TrackedTensor(x))
      #expect(slope.value.scalar == 2 * x)
    }
  }

  @Test("Rosenbrock's Hessian at its minimum (1, 1) is [[802, -400], [-400, 200]]")
  func rosenbrockHessian() throws {
    // f(x, y) = (1 - x)² + 100 (y - x²)²; by hand: f_xx = 2 - 400 y + 1200 x²,
    // f_xy = -400 x, f_yy = 200, which at (1, 1) gives 802, -400 and 200.
    let rosenbrock = { (p: TrackedTensor) throws -> TrackedTensor in
      let x = try p.indexed(by: [.at(0)])
      let y = try p.indexed(by: [.at(1)])
      let one = TrackedTensor(1)
      return try (one - x).square() + TrackedTensor(100) * (y - x.square()).square()
    }
    let point = TrackedTensor(Tensor([1, 1]))
    let h = try hessian(of: rosenbrock, at: point)
    #expect(h.value == (try Tensor(shape: [2, 2], scalars: [802, -400, -400, 200])))
    let g = try gradient(of: rosenbrock, at: point)
    #expect(g.value == Tensor([0, 0]))
  }

  @Test("the lecture's worked example: all four gradients, by the chain rule")
  func lectureWorkedExample() throws {
    // z = x·w1 = 0.34, h = relu(z) = 0.34, o = h·w2 = 0.17, l = (y - o)² = 0.3364.
    // dl/do = -2 (y - o) = -1.16; dl/dw2 = dl/do · h = -0.3944;
    // dl/dh = dl/do · w2 = -0.58; dl/dw1 = dl/dh · relu'(z) · x = -0.58 · x.
    let x = TrackedTensor(Tensor([1, 0.5, 0.3]))
    let target = TrackedTensor(0.75)
    var hidden = TrackedTensor(0)
    var output = TrackedTensor(0)
    let result = try valueAndGradient(
      of: { parameters in
        let z = try (x * parameters[0]).sum()
        hidden = try z.relu()
        output = try hidden * parameters[1]
        return try (target - output).square()
      }, at: [TrackedTensor(Tensor([0.2, 0.1, 0.3])), TrackedTensor(0.5)])
    expectClose(result.value.value, Tensor(0.3364), tolerance: 1e-15)
    expectClose(hidden.value, Tensor(0.34), tolerance: 1e-15)
    expectClose(output.value, Tensor(0.17), tolerance: 1e-15)
    expectClose(result.gradients[0].value, Tensor([-0.58, -0.29, -0.174]), tolerance: 1e-14)
    expectClose(result.gradients[1].value, Tensor(-0.3944), tolerance: 1e-14)

    // dl/do and dl/dh, the two intermediate gradients, from their own transforms.
    let dLdO = try gradient(of: { o in try (target - o).square() }, at: TrackedTensor(0.17))
    expectClose(dLdO.value, Tensor(-1.16), tolerance: 1e-14)
    let dLdH = try gradient(
      of: { h in try (target - h * TrackedTensor(0.5)).square() }, at: TrackedTensor(0.34))
    expectClose(dLdH.value, Tensor(-0.58), tolerance: 1e-14)
  }

  @Test("10,000 training steps leave no graph behind: every node is freed after its step")
  func graphsAreFreedAfterEachStep() throws {
    var generator = RandomGenerator(seed: 5)
    let inputs = TrackedTensor(
      try Tensor.normal([32, 4], mean: 0, standardDeviation: 1, using: &generator))
    let targets = TrackedTensor(
      try Tensor.normal([32, 1], mean: 0, standardDeviation: 1, using: &generator))

    /// One step of gradient descent on the mean squared error; reports the loss's node.
    func step(_ weights: Tensor, seeing observe: (GraphNode?) -> Void) throws -> (Tensor, Double) {
      let result = try valueAndGradient(
        of: { w in
          let error = try TrackedTensor.matmul(inputs, w[0]) - targets
          return try (error * error).mean()
        }, at: [TrackedTensor(weights)])
      observe(result.value.node)
      let updated = try weights - Tensor(0.05) * result.gradients[0].value
      return (updated, result.value.value.scalars[0])
    }

    var weights = try Tensor.zeros([4, 1])
    var losses: [Double] = []
    for index in 0..<10_000 {
      weak var lossNode: GraphNode?
      let (updated, loss) = try step(weights) { lossNode = $0 }
      weights = updated
      losses.append(loss)
      #expect(lossNode == nil, "step \(index) kept its graph alive")
      if lossNode != nil { return }
    }
    #expect(losses[9_999] < losses[0])
  }
}
