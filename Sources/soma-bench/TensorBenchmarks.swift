import SomaAutodiff
import SomaTensor

/// The tensor runtime and autodiff workloads of the first benchmark set.
enum TensorBenchmarks {
  static let matrixSizes = [64, 256, 1024]
  static let elementCount = 1_000_000

  /// Elementwise workloads on 10⁶ elements, named as in the NumPy peer.
  static let elementwise: [(name: String, run: @Sendable (Tensor, Tensor) throws -> Tensor)] = [
    ("add", { try $0 + $1 }),
    ("multiply", { try $0 * $1 }),
    ("exp", { x, _ in x.exp() }),
    ("log", { x, _ in x.log() }),
    ("tanh", { x, _ in x.tanh() }),
    ("relu", { x, _ in x.relu() }),
  ]

  /// Matrix products at each size, through BLAS (when loaded) and the native kernel.
  static func matrixProducts(peer: [String: Any]) throws -> [Comparison] {
    var rows: [Comparison] = []
    for size in matrixSizes {
      var generator = RandomGenerator(seed: 1)
      let a = try Tensor.uniform([size, size], low: -1, high: 1, using: &generator)
      let b = try Tensor.uniform([size, size], low: -1, high: 1, using: &generator)
      let numpy = peer["matmul-\(size)"] as? Double ?? .nan
      var backends: [(MatrixBackend, String, Double)] = [(.native, "native", 0.3)]
      if MatrixBackend.isBLASAvailable { backends.insert((.blas, "BLAS", 0.9), at: 0) }
      for (backend, label, target) in backends {
        let seconds = try Stopwatch.bestTime { _ = try Tensor.matmul(a, b, using: backend) }
        rows.append(
          Comparison(
            name: "matmul \(size) (\(label))", somaSeconds: seconds, referenceSeconds: numpy,
            reference: "numpy", kind: .throughput, target: size == 1024 ? target : nil))
      }
    }
    return rows
  }

  /// Elementwise operations on 10⁶ elements against NumPy's time.
  static func elementwiseOperations(peer: [String: Any]) throws -> [Comparison] {
    var generator = RandomGenerator(seed: 2)
    let x = try Tensor.uniform([elementCount], low: 0.5, high: 2, using: &generator)
    let y = try Tensor.uniform([elementCount], low: 0.5, high: 2, using: &generator)
    return try elementwise.map { name, run in
      let seconds = try Stopwatch.bestTime { _ = try run(x, y) }
      return Comparison(
        name: "\(name) 1e6", somaSeconds: seconds,
        referenceSeconds: peer[name] as? Double ?? .nan, reference: "numpy", kind: .slowdown,
        target: 1.5)
    }
  }

  /// The loss of a two-layer perceptron, forward alone against forward and backward.
  static func perceptronGradient() throws -> Comparison {
    var generator = RandomGenerator(seed: 3)
    func random(_ shape: [Int]) throws -> TrackedTensor {
      TrackedTensor(try Tensor.normal(shape, mean: 0, standardDeviation: 0.1, using: &generator))
    }
    let inputs = try random([256, 64])
    let targets = try random([256, 10])
    let parameters = [
      try random([64, 128]), try random([128]), try random([128, 10]), try random([10]),
    ]
    func loss(_ p: [TrackedTensor]) throws -> TrackedTensor {
      let hidden = try (TrackedTensor.matmul(inputs, p[0]) + p[1]).relu()
      let error = try TrackedTensor.matmul(hidden, p[2]) + p[3] - targets
      return try (error * error).mean()
    }
    let forward = try Stopwatch.bestTime { _ = try loss(parameters) }
    let backward = try Stopwatch.bestTime {
      _ = try valueAndGradient(of: loss, at: parameters)
    }
    return Comparison(
      name: "MLP 256x64-128-10 grad", somaSeconds: backward, referenceSeconds: forward,
      reference: "forward", kind: .slowdown, target: 3)
  }
}
