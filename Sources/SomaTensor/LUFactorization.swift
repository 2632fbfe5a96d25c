/// The LU factorisation with partial pivoting of one square matrix: P·A = L·U.
///
/// Column by column, the row with the largest magnitude in the column is swapped up
/// to the diagonal (partial pivoting, which bounds the multipliers by 1), and the rows
/// below are reduced by multiples of it. L is unit lower triangular and stored below
/// the diagonal of `factors`; U is stored on and above it.
///
/// Singularity: a pivot is treated as zero when |pivot| ≤ n·ε·max|aᵢⱼ|, the size of
/// the rounding error elimination can leave in an entry that should be exactly zero
/// (ε is the machine epsilon, 2.2e-16). The test is relative, so scaling the matrix
/// does not change the verdict; a zero matrix is singular.
///
/// Limitation: partial pivoting can lose accuracy on ill-conditioned matrices that
/// pass this test; there is no condition-number estimate.
struct LUFactorization {
  /// The order of the matrix.
  let size: Int
  /// L below the diagonal (its unit diagonal implied) and U on and above, row-major.
  private(set) var factors: [Double]
  /// At step j, row j was swapped with row `pivotRows[j]` (which is ≥ j).
  private(set) var pivotRows: [Int]
  /// +1 or -1: the determinant of the permutation P.
  private(set) var permutationSign: Double = 1
  /// Whether some pivot was zero by the test above; elimination stops at that column.
  private(set) var isSingular = false

  /// Factors the n×n row-major matrix `matrix`.
  init(_ matrix: ArraySlice<Double>, size n: Int) {
    precondition(matrix.count == n * n, "LU factorisation of a non-square block")
    size = n
    factors = Array(matrix)
    pivotRows = Array(0..<n)
    let largest = factors.reduce(0) { max($0, abs($1)) }
    let threshold = Double(n) * Double.ulpOfOne * largest

    for column in 0..<n {
      var pivotRow = column
      for row in column + 1..<n
      where abs(factors[row * n + column]) > abs(factors[pivotRow * n + column]) {
        pivotRow = row
      }
      pivotRows[column] = pivotRow
      if pivotRow != column {
        for j in 0..<n { factors.swapAt(column * n + j, pivotRow * n + j) }
        permutationSign = -permutationSign
      }

      let pivot = factors[column * n + column]
      guard abs(pivot) > threshold else {
        isSingular = true
        return
      }
      for row in column + 1..<n {
        let multiplier = factors[row * n + column] / pivot
        factors[row * n + column] = multiplier
        guard multiplier != 0 else { continue }
        for j in column + 1..<n {
          factors[row * n + j] -= multiplier * factors[column * n + j]
        }
      }
    }
  }

  /// det A = det P · ∏ uᵢᵢ, or exactly 0 for a singular matrix.
  var determinant: Double {
    if isSingular { return 0 }
    var product = permutationSign
    for i in 0..<size { product *= factors[i * size + i] }
    return product
  }

  /// Solves A·X = B in place for an n×columns row-major `rhs`.
  ///
  /// - Precondition: the matrix is not singular.
  func solve(_ rhs: inout [Double], columns: Int) {
    precondition(!isSingular && rhs.count == size * columns, "solve with a bad factorisation")
    let n = size
    // Apply P, then solve L·Y = P·B downwards and U·X = Y upwards, a row of B at a time.
    for row in 0..<n where pivotRows[row] != row {
      for j in 0..<columns { rhs.swapAt(row * columns + j, pivotRows[row] * columns + j) }
    }
    for row in 0..<n {
      for p in 0..<row {
        let multiplier = factors[row * n + p]
        for j in 0..<columns { rhs[row * columns + j] -= multiplier * rhs[p * columns + j] }
      }
    }
    for row in stride(from: n - 1, through: 0, by: -1) {
      for p in row + 1..<n {
        let coefficient = factors[row * n + p]
        for j in 0..<columns { rhs[row * columns + j] -= coefficient * rhs[p * columns + j] }
      }
      let pivot = factors[row * n + row]
      for j in 0..<columns { rhs[row * columns + j] /= pivot }
    }
  }
}
