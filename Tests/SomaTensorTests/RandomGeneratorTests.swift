import Foundation
import Testing

@testable import SomaTensor

@Suite("RandomGenerator and portableLog")
struct RandomGeneratorTests {
  @Test(
    "next() follows xoshiro256** seeded by SplitMix64",
    arguments: [
      // From an independent Python transcription of the published algorithms, whose
      // SplitMix64 gives 0xE220A8397B1DCDAF as its first output for seed 0, the
      // reference implementation's value.
      (
        UInt64(0),
        [
          0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0,
          0x6AA5_94F1_262D_2D2C,
        ] as [UInt64]
      ),
      (
        UInt64(42),
        [
          0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1,
          0xECB8_AD47_03B3_60A1,
        ]
      ),
    ])
  func matchesReferenceSequence(seed: UInt64, expected: [UInt64]) {
    var generator = RandomGenerator(seed: seed)
    #expect((0..<4).map { _ in generator.next() } == expected)
  }

  @Test("nextUniform is the top 53 bits of next() scaled to [0, 1)")
  func uniformUsesTopBits() {
    var bits = RandomGenerator(seed: 42)
    var uniform = RandomGenerator(seed: 42)
    for _ in 0..<1000 {
      let value = uniform.nextUniform()
      #expect(value == Double(bits.next() >> 11) / 9_007_199_254_740_992)
      #expect(value >= 0 && value < 1)
    }
  }

  @Test(
    "nextNormal gives fixed values for seeds 0 and 42",
    arguments: [
      // Produced by this implementation (polar method over xoshiro256**); they agree
      // within 2 ulps with a Python transcription using math.log. This test guards
      // against any change to the sequence, which would change every seeded notebook.
      (
        UInt64(0),
        [
          0.5981026483626094, 1.4634599192204392, -0.8950525532379916,
          -0.18806276603887423,
        ]
      ),
      (
        UInt64(42),
        [
          -0.7262191382447857, -0.21119691823195985, 0.2216227015035933,
          0.5227716877560146,
        ]
      ),
    ])
  func normalSequenceIsFixed(seed: UInt64, expected: [Double]) {
    var generator = RandomGenerator(seed: seed)
    #expect((0..<4).map { _ in generator.nextNormal() } == expected)
  }

  @Test("equal seeds give equal sequences and different seeds different ones")
  func seedsDetermineSequences() {
    var a = RandomGenerator(seed: 7)
    var b = RandomGenerator(seed: 7)
    var c = RandomGenerator(seed: 8)
    let first = (0..<100).map { _ in a.next() }
    #expect(first == (0..<100).map { _ in b.next() })
    #expect(first != (0..<100).map { _ in c.next() })
  }

  @Test("portableLog is within 1 ulp of Foundation's log, subnormals to the largest double")
  func portableLogMatchesPlatformLog() {
    var generator = RandomGenerator(seed: 3)
    var inputs: [Double] = [
      .leastNonzeroMagnitude, .leastNormalMagnitude, .leastNormalMagnitude.nextDown,
      .greatestFiniteMagnitude, 1, 1.0.nextUp, 1.0.nextDown, 2, 0.5, 2.0.squareRoot(),
      0.5.squareRoot(), 10, 1e-300, 1e300,
    ]
    // Every binade from the subnormals to the top; [0.5, 2), where e·ln 2 and the
    // series nearly cancel; and within 2^-20 of 1, where the result is tiny.
    for _ in 0..<100_000 {
      let exponent = Int(generator.next() % 2098) - 1074
      let significand = 1 + generator.nextUniform()
      inputs.append(Double(sign: .plus, exponent: exponent, significand: significand))
      inputs.append(0.5 + 1.5 * generator.nextUniform())
      inputs.append(1 + (generator.nextUniform() - 0.5) * 0x1p-19)
    }
    var worst = 0.0
    for x in inputs where x > 0 && x.isFinite {
      let expected = Foundation.log(x)
      let actual = portableLog(x)
      // log x = 0 only at x = 1, where the result must be exactly 0.
      let error =
        expected == 0
        ? (actual == 0 ? 0 : .infinity) : (actual - expected).magnitude / expected.ulp
      worst = max(worst, error)
    }
    #expect(worst <= 1)
  }
}

@Suite("Global random generator", .serialized)
struct GlobalRandomTests {
  @Test("reseeding the global generator reproduces uniform and normal draws")
  func reseedingReproduces() throws {
    GlobalRandom.seed(42)
    let first = try Tensor.uniform([3])
    let firstNormal = try Tensor.normal([2, 2])
    GlobalRandom.seed(42)
    #expect(try Tensor.uniform([3]) == first)
    #expect(try Tensor.normal([2, 2]) == firstNormal)
  }

  @Test("the global draws equal draws from a local generator with the same seed")
  func globalMatchesLocal() throws {
    GlobalRandom.seed(5)
    let global = try Tensor.normal([4], mean: 1, standardDeviation: 3)
    var local = RandomGenerator(seed: 5)
    #expect(global == (try Tensor.normal([4], mean: 1, standardDeviation: 3, using: &local)))
  }
}
