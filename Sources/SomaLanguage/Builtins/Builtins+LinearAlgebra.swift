import SomaAutodiff
import SomaTensor

extension Builtins {
  /// Matrix products and the LU-based solvers.
  static func linearAlgebra() -> [FunctionValue] {
    [
      binary("matmul", "the matrix product, the same as a @ b", "matmul([[1, 2]], [[3], [4]])") {
        try TrackedTensor.matmul($0, $1)
      },
      binary("dot", "the dot product of two vectors", "dot([1, 2], [3, 4])   # 11") {
        try TrackedTensor.dot($0, $1)
      },
      binary("outer", "the outer product: a matrix of a[i]·b[j]", "outer([1, 2], [1, 10])") {
        try TrackedTensor.outer($0, $1)
      },
      binary(
        "solve", "the x with a @ x = b, for a square matrix a",
        "solve([[2, 0], [0, 4]], [2, 2])   # [1.0, 0.5]"
      ) { try TrackedTensor.solve($0, $1) },
      define(
        "inv", [required("a")], "the inverse of a square matrix", example: "inv([[2, 0], [0, 4]])"
      ) { arguments, _ in
        .wrap(try arguments[0].tensor("inv", "a").inverse())
      },
      define(
        "det", [required("a")], "the determinant of a square matrix",
        example: "det([[1, 2], [3, 4]])   # -2"
      ) { arguments, _ in
        .wrap(try arguments[0].tensor("det", "a").determinant())
      },
    ]
  }
}
