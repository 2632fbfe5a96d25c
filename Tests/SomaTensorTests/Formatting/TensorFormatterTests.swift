import SomaTensor
import Testing

@Suite("Printing tensors like NumPy")
struct TensorFormatterTests {
  let formatter = TensorFormatter()

  @Test(
    "numbers print rounded to 8 decimals, whole numbers without a point",
    arguments: [
      (0.34, "0.34"), (0.1 + 0.2, "0.3"), (3, "3"), (-2, "-2"), (1.0 / 3, "0.33333333"),
      (1e-10, "1e-10"), (123_456_789, "123456789"), (123_456_789.5, "1.2345679e+08"), (-0.0, "0"),
      (.nan, "nan"),
      (.infinity, "inf"), (-.infinity, "-inf"), (0.3364, "0.3364"), (2.5e-5, "2.5e-05"),
      (0.99999999999, "1"), (1e100, "1e+100"),
    ])
  func scalars(value: Double, expected: String) {
    #expect(formatter.format(value) == expected)
  }

  @Test("a matrix aligns its columns and shares one number of decimals")
  func matrixAlignment() throws {
    let m = try Tensor(shape: [2, 2], scalars: [1, 0.5, -2, 3])
    #expect(formatter.format(m) == "[[ 1.0,  0.5],\n [-2.0,  3.0]]")
  }

  @Test("integral vectors print as integers, matching the literal syntax")
  func integerVector() {
    #expect(formatter.format(Tensor([1, 2, 30])) == "[ 1,  2, 30]")
  }

  @Test("a 3-D tensor separates its matrices with a blank line, as NumPy does")
  func threeDimensional() throws {
    let t = try Tensor(shape: [2, 1, 2], scalars: [1, 2, 3, 4])
    #expect(formatter.format(t) == "[[[1, 2]],\n\n [[3, 4]]]")
  }

  @Test("mixed magnitudes switch the whole tensor to scientific notation")
  func scientific() {
    #expect(formatter.format(Tensor([1, 1e-5])) == "[1e+00, 1e-05]")
    #expect(formatter.format(Tensor([1.5, 20_000])) == "[1.5e+00, 2.0e+04]")
  }

  @Test("large tensors are summarised with ... on every long axis")
  func summary() throws {
    let big = try Tensor(shape: [2000], scalars: (0..<2000).map(Double.init))
    #expect(formatter.format(big) == "[   0,    1,    2, ..., 1997, 1998, 1999]")
    let matrix = try Tensor(shape: [100, 100], scalars: (0..<10_000).map { Double($0 % 7) })
    let lines = formatter.format(matrix).split(separator: "\n")
    #expect(lines.count == 7)
    #expect(lines[3] == " ...,")
  }

  @Test("long rows wrap within the line width")
  func wrapping() {
    let text = formatter.format(Tensor((0..<40).map { Double($0) + 0.5 }))
    let lines = text.split(separator: "\n")
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { $0.count <= 75 })
    #expect(lines[1].hasPrefix(" "))
  }

  @Test("empty tensors print as empty brackets")
  func empty() throws {
    #expect(formatter.format(try Tensor.zeros([0])) == "[]")
    #expect(formatter.format(try Tensor.zeros([2, 0])) == "[[],\n []]")
  }
}
