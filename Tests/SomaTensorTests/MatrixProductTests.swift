import Foundation
import Testing

@testable import SomaTensor

@Suite("Matrix products")
struct MatrixProductTests {
  @Test("matrix @ matrix matches the product worked by hand")
  func matrixTimesMatrix() throws {
    // Row i of A against column j of B, e.g. 1·7 + 2·9 + 3·11 = 58.
    let a = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    let b = try Tensor(shape: [3, 2], scalars: [7, 8, 9, 10, 11, 12])
    let product = try Tensor.matmul(a, b)
    #expect(product == (try Tensor(shape: [2, 2], scalars: [58, 64, 139, 154])))
  }

  @Test("vector @ vector is the dot product, a number")
  func vectorTimesVector() throws {
    // 1·4 + 2·5 + 3·6 = 32.
    let product = try Tensor.matmul(Tensor([1, 2, 3]), Tensor([4, 5, 6]))
    #expect(product == Tensor(32))
    #expect(try Tensor.dot(Tensor([1, 2, 3]), Tensor([4, 5, 6])) == Tensor(32))
  }

  @Test("a vector on the left acts as a row and loses its added axis")
  func vectorTimesMatrix() throws {
    // [1, 2] · [[1, 2, 3], [4, 5, 6]] = [1 + 8, 2 + 10, 3 + 12].
    let b = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    #expect(try Tensor.matmul(Tensor([1, 2]), b) == Tensor([9, 12, 15]))
  }

  @Test("a vector on the right acts as a column and loses its added axis")
  func matrixTimesVector() throws {
    // [[1, 2, 3], [4, 5, 6]] · [1, 0, -1] = [1 - 3, 4 - 6].
    let a = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    #expect(try Tensor.matmul(a, Tensor([1, 0, -1])) == Tensor([-2, -2]))
  }

  @Test("batch axes broadcast, one product per batch element")
  func batchedProductsBroadcast() throws {
    let a = try Tensor(shape: [2, 1, 2, 3], scalars: (0..<12).map(Double.init))
    let b = try Tensor(shape: [3, 3, 2], scalars: (0..<18).map { Double($0) - 5 })
    let product = try Tensor.matmul(a, b)
    #expect(product.shape == [2, 3, 2, 2])
    // Each (i, j) block is the 2-D product of A[i, 0] and B[j], checked above.
    for i in 0..<2 {
      for j in 0..<3 {
        let left = try a.narrowed(alongAxis: 0, start: i, length: 1).reshaped(to: [2, 3])
        let right = try b.narrowed(alongAxis: 0, start: j, length: 1).reshaped(to: [3, 2])
        let block = try product.narrowed(alongAxis: 0, start: i, length: 1)
          .narrowed(alongAxis: 1, start: j, length: 1).reshaped(to: [2, 2])
        #expect(block == (try Tensor.matmul(left, right)))
      }
    }
  }

  @Test("a vector against a batch of matrices keeps the batch axes")
  func vectorAgainstBatch() throws {
    let batch = try Tensor(shape: [3, 2, 4], scalars: (0..<24).map(Double.init))
    #expect(try Tensor.matmul(Tensor([1, -1]), batch).shape == [3, 4])
    #expect(try Tensor.matmul(batch, Tensor([1, 1, 1, 1])).shape == [3, 2])
    // Row sums of the first matrix [[0, 1, 2, 3], [4, 5, 6, 7]]: 6 and 22.
    let sums = try Tensor.matmul(batch, Tensor([1, 1, 1, 1]))
    #expect(sums.scalars.prefix(2) == [6, 22])
  }

  @Test("matmulShape predicts the result shape without multiplying")
  func resultShapes() throws {
    #expect(try Tensor.matmulShape([2, 3], [3, 4]) == [2, 4])
    #expect(try Tensor.matmulShape([3], [3]) == [])
    #expect(try Tensor.matmulShape([5, 1, 2, 3], [4, 3, 2]) == [5, 4, 2, 2])
    #expect(try Tensor.matmulShape([3], [2, 3, 4]) == [2, 4])
    #expect(throws: TensorError.self) { try Tensor.matmulShape([2, 3], [2, 3]) }
  }

  @Test("empty operands give empty or zero results, as in NumPy")
  func emptyOperands() throws {
    let noRows = try Tensor.matmul(Tensor.zeros([0, 3]), Tensor.ones([3, 2]))
    #expect(noRows.shape == [0, 2])
    // Summing over an inner dimension of size 0 gives zeros.
    let emptySum = try Tensor.matmul(Tensor.ones([2, 0]), Tensor.ones([0, 3]))
    #expect(emptySum == (try Tensor.zeros([2, 3])))
  }

  @Test("mismatched inner dimensions are reported with both shapes")
  func innerDimensionMismatch() throws {
    let a = try Tensor.ones([2, 3])
    let error = #expect(throws: TensorError.self) { try Tensor.matmul(a, a) }
    #expect(
      error?.description
        == "cannot multiply shapes (2, 3) and (2, 3) with @: inner dimensions 3 and 2 differ")
  }

  @Test("numbers and non-broadcasting batches cannot be multiplied")
  func otherMismatches() throws {
    let number = #expect(throws: TensorError.self) {
      try Tensor.matmul(Tensor(2), Tensor([1, 2]))
    }
    #expect(
      number?.description
        == "cannot multiply shapes () and (2,) with @: a number has no axes; use * to scale")
    let batches = #expect(throws: TensorError.self) {
      try Tensor.matmul(Tensor.ones([2, 2, 3]), Tensor.ones([3, 3, 2]))
    }
    #expect(
      batches?.description
        == "cannot multiply shapes (2, 2, 3) and (3, 3, 2) with @: batch dimensions (2,) and "
        + "(3,) do not broadcast")
  }

  @Test("dot needs two vectors of one length")
  func dotErrors() throws {
    let lengths = #expect(throws: TensorError.self) {
      try Tensor.dot(Tensor([1, 2]), Tensor([1, 2, 3]))
    }
    #expect(
      lengths?.description
        == "cannot take the dot product of shapes (2,) and (3,): lengths 2 and 3 differ")
    #expect(throws: TensorError.self) { try Tensor.dot(Tensor.ones([2, 2]), Tensor([1, 2])) }
  }

  @Test("outer multiplies every pair, flattening its operands")
  func outerProduct() throws {
    let product = try Tensor.outer(Tensor([1, 2]), Tensor([3, 4, 5]))
    #expect(product == (try Tensor(shape: [2, 3], scalars: [3, 4, 5, 6, 8, 10])))
    let flattened = try Tensor.outer(Tensor.ones([2, 2]), Tensor(3))
    #expect(flattened == (try Tensor(repeating: 3, shape: [4, 1])))
  }

  @Test("matrixTransposed swaps the last two axes of every matrix")
  func matrixTranspose() throws {
    let a = try Tensor(shape: [2, 2, 3], scalars: (0..<12).map(Double.init))
    let transposed = try a.matrixTransposed()
    #expect(transposed.shape == [2, 3, 2])
    // Element (b, i, j) of the result is element (b, j, i) of the input.
    #expect(try transposed.element(at: [1, 2, 0]) == a.element(at: [1, 0, 2]))
    #expect(try transposed.element(at: [0, 1, 1]) == a.element(at: [0, 1, 1]))
    #expect(try transposed.matrixTransposed() == a)
    #expect(throws: TensorError.self) { try Tensor([1, 2]).matrixTransposed() }
  }

  @Test(
    "the native kernel matches a plain triple loop on odd and non-square sizes",
    arguments: MatrixProductTests.sizes)
  func nativeMatchesReference(size: Size) throws {
    let (a, b) = try Self.operands(size)
    expectAgree(try Tensor.matmul(a, b, using: .native), try Self.reference(a, b))
  }

  @Test(
    "BLAS and the native kernel agree to 1e-12 relative",
    .enabled(if: MatrixBackend.isBLASAvailable), arguments: MatrixProductTests.sizes)
  func blasMatchesNative(size: Size) throws {
    let (a, b) = try Self.operands(size)
    expectAgree(
      try Tensor.matmul(a, b, using: .blas), try Tensor.matmul(a, b, using: .native))
  }

  @Test(
    "batched products agree between BLAS and the native kernel",
    .enabled(if: MatrixBackend.isBLASAvailable))
  func batchedBackendsAgree() throws {
    var generator = RandomGenerator(seed: 7)
    let a = try Self.random([3, 1, 33, 7], &generator)
    let b = try Self.random([2, 7, 130], &generator)
    expectAgree(
      try Tensor.matmul(a, b, using: .blas), try Tensor.matmul(a, b, using: .native))
  }

  @Test(
    "requesting BLAS where none is installed is an error",
    .enabled(if: !MatrixBackend.isBLASAvailable))
  func blasMissing() throws {
    #expect(throws: TensorError.self) {
      try Tensor.matmul(Tensor([1]), Tensor([1]), using: .blas)
    }
  }

  @Test("SOMA_NATIVE_MATMUL=1 selects the native kernel even when BLAS exists")
  func environmentSelectsBackend() {
    #expect(MatrixBackend.choose(nativeRequested: "1", blasAvailable: true) == .native)
    #expect(MatrixBackend.choose(nativeRequested: nil, blasAvailable: true) == .blas)
    #expect(MatrixBackend.choose(nativeRequested: "0", blasAvailable: true) == .blas)
    #expect(MatrixBackend.choose(nativeRequested: nil, blasAvailable: false) == .native)
    #expect(MatrixBackend.isBLASAvailable || MatrixBackend.preferred == .native)
  }

  @Test("the native kernel names the variant it chose for this processor")
  func nativeKernelName() {
    #expect(["avx2+fma", "portable"].contains(MatrixBackend.nativeKernelName))
  }

  @Test("the preferred backend reads SOMA_NATIVE_MATMUL from this process's environment")
  func preferredFollowsEnvironment() {
    // Run the suite with and without SOMA_NATIVE_MATMUL=1 to cover both branches.
    let value = ProcessInfo.processInfo.environment["SOMA_NATIVE_MATMUL"]
    let expected = MatrixBackend.choose(
      nativeRequested: value, blasAvailable: MatrixBackend.isBLASAvailable)
    #expect(MatrixBackend.preferred == expected)
  }
}

extension MatrixProductTests {
  /// The sizes (m, k, n) of a product (m, k) @ (k, n).
  struct Size: Sendable, CustomTestStringConvertible {
    let m: Int
    let k: Int
    let n: Int
    var testDescription: String { "(\(m), \(k)) @ (\(k), \(n))" }
  }

  /// Odd sizes that leave partial kernel tiles, non-square shapes, and products large
  /// enough to be split between threads by rows (m ≥ n) and by columns (n > m).
  static let sizes = [
    Size(m: 1, k: 1, n: 1), Size(m: 7, k: 7, n: 7), Size(m: 33, k: 33, n: 33),
    Size(m: 130, k: 130, n: 130), Size(m: 7, k: 33, n: 130), Size(m: 130, k: 1, n: 33),
    Size(m: 33, k: 130, n: 7), Size(m: 1, k: 300, n: 1), Size(m: 257, k: 300, n: 131),
    Size(m: 70, k: 260, n: 301),
  ]

  static func random(_ shape: [Int], _ generator: inout RandomGenerator) throws -> Tensor {
    let count = shape.reduce(1, *)
    return try Tensor(shape: shape, scalars: (0..<count).map { _ in generator.nextNormal() })
  }

  static func operands(_ size: Size) throws -> (Tensor, Tensor) {
    var generator = RandomGenerator(seed: UInt64(size.m * 1_000_000 + size.k * 1000 + size.n))
    return (try random([size.m, size.k], &generator), try random([size.k, size.n], &generator))
  }

  /// The textbook sum cᵢⱼ = Σₚ aᵢₚ bₚⱼ, as an independent reference.
  static func reference(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
    var result = [Double](repeating: 0, count: m * n)
    for i in 0..<m {
      for j in 0..<n {
        for p in 0..<k { result[i * n + j] += a.scalars[i * k + p] * b.scalars[p * n + j] }
      }
    }
    return try Tensor(shape: [m, n], scalars: result)
  }
}

/// Expects two products to agree within 1e-12 of the largest magnitude in either:
/// different summation orders round differently, but only at that scale.
private func expectAgree(
  _ actual: Tensor, _ expected: Tensor, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.shape == expected.shape, sourceLocation: sourceLocation)
  let scale = (actual.scalars + expected.scalars).reduce(1) { max($0, abs($1)) }
  let difference = zip(actual.scalars, expected.scalars).reduce(0) { max($0, abs($1.0 - $1.1)) }
  #expect(difference <= 1e-12 * scale, sourceLocation: sourceLocation)
}
