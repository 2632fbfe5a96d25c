import SomaTensor
import Testing

/// `matmul` with transposed operands, checked against the product of explicit
/// `matrixTransposed()` copies, which the plain product tests already verify.
@Suite("Matrix products of transposed operands")
struct TransposedMatrixProductTests {
  /// Every combination of the two flags.
  static let flags = [(false, false), (true, false), (false, true), (true, true)]

  /// The sizes of the plain product tests, and narrow products (at most 16 columns),
  /// whose full panels of A the native kernel reads in place: with a partial last
  /// panel, a partial column tile, and more than one 256-deep slice of k.
  static let sizes =
    MatrixProductTests.sizes + [
      MatrixProductTests.Size(m: 100, k: 90, n: 10),
      MatrixProductTests.Size(m: 50, k: 300, n: 16),
      MatrixProductTests.Size(m: 256, k: 128, n: 10),
    ]

  /// The backends on this machine.
  static let backends: [MatrixBackend] =
    MatrixBackend.isBLASAvailable ? [.native, .blas] : [.native]

  /// Operands for a product of `size` whose stored layouts are the transposes of the
  /// product's operands where a flag is set.
  private static func operands(
    _ size: MatrixProductTests.Size, transposing flags: (Bool, Bool)
  ) throws -> (Tensor, Tensor) {
    let (a, b) = try MatrixProductTests.operands(size)
    return (
      flags.0 ? try a.matrixTransposed() : a, flags.1 ? try b.matrixTransposed() : b
    )
  }

  /// The product with the flags applied through explicit transposed copies.
  private static func explicitProduct(
    _ a: Tensor, _ b: Tensor, transposing flags: (Bool, Bool), using backend: MatrixBackend
  ) throws -> Tensor {
    try Tensor.matmul(
      flags.0 ? a.matrixTransposed() : a, flags.1 ? b.matrixTransposed() : b, using: backend)
  }

  @Test(
    "each backend reads transposed operands in place on every size the kernel handles",
    arguments: sizes)
  func transposedProducts(size: MatrixProductTests.Size) throws {
    for backend in Self.backends {
      for flags in Self.flags {
        let (a, b) = try Self.operands(size, transposing: flags)
        let product = try Tensor.matmul(
          a, b, transposingLeft: flags.0, transposingRight: flags.1, using: backend)
        let expected = try Self.explicitProduct(a, b, transposing: flags, using: backend)
        expectNearlyEqual(product, expected)
        // Both sides compute op(A)·op(B) in full, so the plain reference agrees too.
        let (plainA, plainB) = try MatrixProductTests.operands(size)
        expectNearlyEqual(product, try MatrixProductTests.reference(plainA, plainB))
      }
    }
  }

  @Test("the automatic backend choice handles transposed operands of the benchmark's sizes")
  func automaticBackend() throws {
    var generator = RandomGenerator(seed: 11)
    // (256, 64) and (64, 128), as in soma-bench's perceptron, split between threads.
    let x = try MatrixProductTests.random([256, 64], &generator)
    let g = try MatrixProductTests.random([256, 128], &generator)
    let product = try Tensor.matmul(x, g, transposingLeft: true)
    expectNearlyEqual(product, try Tensor.matmul(x.matrixTransposed(), g))
    let back = try Tensor.matmul(g, product, transposingRight: true)
    expectNearlyEqual(back, try Tensor.matmul(g, product.matrixTransposed()))
  }

  @Test("batches broadcast with transposed operands on each backend")
  func batchedProducts() throws {
    var generator = RandomGenerator(seed: 12)
    // Stored shapes: A is (3, 1, 7, 33) read as (3, 1, 33, 7); B is (2, 130, 7) read
    // as (2, 7, 130); the product is (3, 2, 33, 130).
    let a = try MatrixProductTests.random([3, 1, 7, 33], &generator)
    let b = try MatrixProductTests.random([2, 130, 7], &generator)
    for backend in Self.backends {
      let product = try Tensor.matmul(
        a, b, transposingLeft: true, transposingRight: true, using: backend)
      #expect(product.shape == [3, 2, 33, 130])
      let expected = try Self.explicitProduct(a, b, transposing: (true, true), using: backend)
      expectNearlyEqual(product, expected)
    }
  }

  @Test("a transposed matrix multiplies a vector on either side")
  func vectorOperands() throws {
    // A = [[1, 2, 3], [4, 5, 6]]: Aᵀ·[1, 1] = [5, 7, 9] and [1, 1, 1]·Aᵀ = [6, 15].
    let a = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    expectScalars(try Tensor.matmul(a, Tensor([1, 1]), transposingLeft: true), [5, 7, 9])
    expectScalars(try Tensor.matmul(Tensor([1, 1, 1]), a, transposingRight: true), [6, 15])
  }

  @Test("an empty inner dimension gives zeros, an empty result an empty tensor")
  func emptyProducts() throws {
    let zeros = try Tensor.matmul(
      Tensor.zeros([0, 2]), Tensor.zeros([3, 0]), transposingLeft: true,
      transposingRight: true)
    #expect(zeros == (try Tensor.zeros([2, 3])))
    let empty = try Tensor.matmul(
      Tensor.zeros([2, 0]), Tensor.zeros([2, 3]), transposingLeft: true)
    #expect(empty.shape == [0, 3])
  }

  @Test("transposing a vector is an error, and mismatches name the transposed shapes")
  func errors() throws {
    let vector = #expect(throws: TensorError.self) {
      try Tensor.matmul(Tensor([1, 2]), Tensor.ones([2, 2]), transposingLeft: true)
    }
    #expect(
      vector?.description
        == "matmul: can only transpose an operand with at least 2 axes, but got shape (2,)")
    let mismatch = #expect(throws: TensorError.self) {
      try Tensor.matmul(Tensor.ones([2, 3]), Tensor.ones([3, 2]), transposingRight: true)
    }
    #expect(
      mismatch?.description
        == "cannot multiply shapes (2, 3) and (2, 3) with @: inner dimensions 3 and 2 differ")
  }
}

/// Expects two products to agree within 1e-12 of the largest magnitude in either, the
/// scale at which different summation orders round differently.
private func expectNearlyEqual(
  _ actual: Tensor, _ expected: Tensor, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.shape == expected.shape, sourceLocation: sourceLocation)
  let scale = (actual.scalars + expected.scalars).reduce(1) { max($0, abs($1)) }
  let difference = zip(actual.scalars, expected.scalars).reduce(0) { max($0, abs($1.0 - $1.1)) }
  #expect(difference <= 1e-12 * scale, sourceLocation: sourceLocation)
}
