import SomaTensor
import Testing

/// `select` with a single fill value on one side, which takes a loop of its own.
@Suite("Select with a fill value")
struct SelectFillTests {
  @Test("a single value fills where the condition is zero, or where it is nonzero")
  func fillEitherSide() throws {
    // NumPy: np.where([1, 0, nan, -2], [1, 2, 3, 4], 9) = [1, 9, 3, 4], as NaN counts
    // as nonzero; np.where(c, 9, [1, 2, 3, 4]) = [9, 2, 9, 9].
    let condition = Tensor([1, 0, .nan, -2])
    let values = Tensor([1, 2, 3, 4])
    expectScalars(try Tensor.select(condition, values, Tensor(9)), [1, 9, 3, 4])
    expectScalars(try Tensor.select(condition, Tensor(9), values), [9, 2, 9, 9])
  }

  @Test("the fill path agrees with the general broadcasting loop on a matrix")
  func agreesWithBroadcasting() throws {
    let condition = try Tensor(shape: [2, 3], scalars: [0, 1, 0, 2, 0, 3])
    let values = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    // A (1, 1) fill broadcasts the same way but is not a single-element operand of
    // rank 0, so the two calls take different loops.
    let fast = try Tensor.select(condition, values, Tensor(-1))
    let general = try Tensor.select(condition, values, Tensor(repeating: -1, shape: [1, 1]))
    #expect(fast == general)
    expectScalars(fast, [-1, 2, -1, 4, -1, 6], shape: [2, 3])
  }
}
