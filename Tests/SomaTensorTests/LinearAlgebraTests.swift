import SomaTensor
import Testing

@Suite("Solving, inverting and determinants")
struct LinearAlgebraTests {
  @Test("solve finds the solution of a 2×2 system worked by hand")
  func solveVector() throws {
    // 2x + y = 3 and x + 3y = 5: Cramer's rule gives x = 4/5, y = 7/5.
    let a = try Tensor(shape: [2, 2], scalars: [2, 1, 1, 3])
    expectNear(try Tensor.solve(a, Tensor([3, 5])), Tensor([0.8, 1.4]))
  }

  @Test("solve with a matrix solves for every column")
  func solveMatrix() throws {
    // Second column: 2x + y = 1, x + 3y = 0 gives x = 3/5, y = -1/5.
    let a = try Tensor(shape: [2, 2], scalars: [2, 1, 1, 3])
    let b = try Tensor(shape: [2, 2], scalars: [3, 1, 5, 0])
    let expected = try Tensor(shape: [2, 2], scalars: [0.8, 0.6, 1.4, -0.2])
    expectNear(try Tensor.solve(a, b), expected)
  }

  @Test("solve pivots past a zero on the diagonal")
  func solveNeedsPivoting() throws {
    // [[0, 1], [1, 0]] swaps the two unknowns.
    let swap = try Tensor(shape: [2, 2], scalars: [0, 1, 1, 0])
    #expect(try Tensor.solve(swap, Tensor([2, 3])) == Tensor([3, 2]))
  }

  @Test("solve broadcasts batches of matrices against one right-hand side")
  func solveBatch() throws {
    // diag(1, 2) and diag(4, 5) applied to x give [4, 10]: x = [4, 5] and [1, 2].
    let a = try Tensor(shape: [2, 2, 2], scalars: [1, 0, 0, 2, 4, 0, 0, 5])
    let vector = try Tensor.solve(a, Tensor([4, 10]))
    expectNear(vector, try Tensor(shape: [2, 2], scalars: [4, 5, 1, 2]))
    let columns = try Tensor.solve(a, Tensor(shape: [2, 1], scalars: [4, 10]))
    #expect(columns.shape == [2, 2, 1])
  }

  @Test("solve reports a right-hand side with the wrong number of rows")
  func solveShapeMismatch() throws {
    let error = #expect(throws: TensorError.self) {
      try Tensor.solve(Tensor.ones([3, 3]), Tensor([1, 2]))
    }
    #expect(
      error?.description
        == "cannot solve with shapes (3, 3) and (2,): the right-hand side needs 3 rows, but has 2")
  }

  @Test("solve reports batch axes that do not broadcast")
  func solveBatchMismatch() throws {
    let error = #expect(throws: TensorError.self) {
      try Tensor.solve(Tensor.ones([2, 3, 3]), Tensor.ones([4, 3, 1]))
    }
    #expect(
      error?.description
        == "cannot solve with shapes (2, 3, 3) and (4, 3, 1): batch dimensions (2,) and (4,) "
        + "do not broadcast")
  }

  @Test("the inverse of a 2×2 matrix is its adjugate over its determinant")
  func inverseTwoByTwo() throws {
    // [[4, 7], [2, 6]]: determinant 10, adjugate [[6, -7], [-2, 4]].
    let a = try Tensor(shape: [2, 2], scalars: [4, 7, 2, 6])
    expectNear(try a.inverse(), try Tensor(shape: [2, 2], scalars: [0.6, -0.7, -0.2, 0.4]))
  }

  @Test("a matrix times its inverse is the identity, for each matrix of a batch")
  func inverseBatch() throws {
    let a = try Tensor(
      shape: [2, 3, 3], scalars: [6, 1, 1, 4, -2, 5, 2, 8, 7, 0, 2, 1, 1, 0, 0, 3, 1, 4])
    let identity = try Tensor(shape: [3, 3], scalars: [1, 0, 0, 0, 1, 0, 0, 0, 1])
    let product = try Tensor.matmul(a, a.inverse())
    expectNear(product, try identity.broadcast(to: [2, 3, 3]))
  }

  @Test("determinants of known matrices, by cofactor expansion")
  func determinants() throws {
    // 1·4 − 2·3 = −2.
    expectNear(try Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]).determinant(), Tensor(-2))
    // 6(−14 − 40) − 1(28 − 10) + 1(32 + 4) = −306.
    let a = try Tensor(shape: [3, 3], scalars: [6, 1, 1, 4, -2, 5, 2, 8, 7])
    expectNear(try a.determinant(), Tensor(-306))
    // A swap of two rows of the identity has determinant −1.
    let swap = try Tensor(shape: [2, 2], scalars: [0, 1, 1, 0])
    #expect(try swap.determinant() == Tensor(-1))
  }

  @Test("determinant works per batch element, and a 0×0 matrix has determinant 1")
  func batchedAndEmptyDeterminants() throws {
    let batch = try Tensor(shape: [2, 2, 2], scalars: [1, 2, 3, 4, 2, 0, 0, 3])
    expectNear(try batch.determinant(), Tensor([-2, 6]))
    #expect(try Tensor.zeros([0, 0]).determinant() == Tensor(1))
  }

  @Test("a singular matrix has determinant exactly 0, also when rounding hides it")
  func singularDeterminant() throws {
    // Rows 1, 2, 3 of [[1, 2, 3], [4, 5, 6], [7, 8, 9]] satisfy r1 − 2·r2 + r3 = 0, but
    // elimination leaves a last pivot of order 1e-16 instead of 0.
    let rankTwo = try Tensor(shape: [3, 3], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9])
    #expect(try rankTwo.determinant() == Tensor(0))
    let rankOne = try Tensor(shape: [2, 2], scalars: [1, 2, 2, 4])
    #expect(try rankOne.determinant() == Tensor(0))
  }

  @Test("singular matrices cannot be inverted or solved")
  func singularErrors() throws {
    let rankOne = try Tensor(shape: [2, 2], scalars: [1, 2, 2, 4])
    let inverse = #expect(throws: TensorError.singularMatrix(operation: "inverse")) {
      try rankOne.inverse()
    }
    #expect(inverse?.description == "inverse: the matrix is singular (it has no inverse)")
    #expect(throws: TensorError.singularMatrix(operation: "solve")) {
      try Tensor.solve(rankOne, Tensor([1, 1]))
    }
    #expect(throws: TensorError.singularMatrix(operation: "inverse")) {
      try Tensor.zeros([3, 3]).inverse()
    }
  }

  @Test("the singularity test is relative, so a tiny but regular matrix is invertible")
  func tinyMatricesAreRegular() throws {
    let tiny = try Tensor(shape: [2, 2], scalars: [1e-100, 0, 0, 2e-100])
    expectNear(try tiny.inverse(), try Tensor(shape: [2, 2], scalars: [1e100, 0, 0, 5e99]))
  }

  @Test("inverse, determinant and solve need square matrices")
  func nonSquareErrors() throws {
    let wide = try Tensor.ones([2, 3])
    let inverse = #expect(throws: TensorError.self) { try wide.inverse() }
    #expect(inverse?.description == "inverse needs a square matrix, but got shape (2, 3)")
    let determinant = #expect(throws: TensorError.self) { try Tensor([1, 2]).determinant() }
    #expect(determinant?.description == "determinant needs a square matrix, but got shape (2,)")
    #expect(throws: TensorError.notSquare(operation: "solve", shape: [2, 3])) {
      try Tensor.solve(wide, Tensor([1, 2]))
    }
  }
}

/// Expects equal shapes and elements within 1e-12 relative (absolute below 1).
private func expectNear(
  _ actual: Tensor, _ expected: Tensor, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.shape == expected.shape, sourceLocation: sourceLocation)
  for (a, e) in zip(actual.scalars, expected.scalars) {
    #expect(abs(a - e) <= 1e-12 * max(1, abs(e)), "\(a) vs \(e)", sourceLocation: sourceLocation)
  }
}
