import Synchronization

/// A seeded pseudo-random generator that yields the same numbers on every platform.
///
/// The algorithm is xoshiro256** (Blackman and Vigna, 2018), seeded through
/// SplitMix64 as its authors recommend. Uniform doubles take the top 53 bits of a
/// draw; normal doubles use Marsaglia's polar method with `portableLog`, so no
/// platform maths library is involved and a seed reproduces a notebook exactly.
public struct RandomGenerator: RandomNumberGenerator, Sendable {
  private var state: (UInt64, UInt64, UInt64, UInt64)
  /// The second normal deviate of the last polar-method pair, kept for the next call.
  private var spareNormal: Double?

  /// Creates a generator whose whole sequence is determined by `seed`.
  public init(seed: UInt64) {
    var mixer = seed
    func splitMix() -> UInt64 {
      mixer &+= 0x9E37_79B9_7F4A_7C15
      var z = mixer
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = (splitMix(), splitMix(), splitMix(), splitMix())
    spareNormal = nil
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotateLeft(state.1 &* 5, by: 7) &* 9
    let shifted = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= shifted
    state.3 = rotateLeft(state.3, by: 45)
    return result
  }

  /// A uniform double in [0, 1) with 53 random bits.
  public mutating func nextUniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A standard normal deviate (mean 0, standard deviation 1).
  public mutating func nextNormal() -> Double {
    if let spare = spareNormal {
      spareNormal = nil
      return spare
    }
    while true {
      let u = 2 * nextUniform() - 1
      let v = 2 * nextUniform() - 1
      let s = u * u + v * v
      if s > 0 && s < 1 {
        let factor = (-2 * portableLog(s) / s).squareRoot()
        spareNormal = v * factor
        return u * factor
      }
    }
  }

  private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
    (value << amount) | (value >> (64 - amount))
  }
}

/// The natural logarithm of a positive finite `x`, computed with basic IEEE arithmetic
/// only, so that it rounds identically everywhere (platform `log`s may differ in the
/// last bit, which would change random normals between machines).
///
/// With x = m·2^e and m in [√½, √2), log x = e·ln 2 + log(1 + f) where f = m - 1 is
/// exact. With s = f/(2 + f), log(1 + f) = 2·atanh(s) = 2s + s·R, R = 2s²/3 + 2s⁴/5
/// + ..., and since 2s = f - s·f this is f - (f²/2 - s·(f²/2 + R)). Keeping the exact
/// f apart from the small correction, and ln 2 split into a part whose multiples by
/// e are exact and a remainder, keeps the result within 1 ulp of the platform `log`
/// (checked by the tests). |s| < 0.172, so R to s²⁴ is accurate to about 1e-19.
func portableLog(_ x: Double) -> Double {
  var exponent = Double(x.exponent)
  var mantissa = x.significand
  if mantissa > 2.0.squareRoot() {
    mantissa /= 2
    exponent += 1
  }
  let f = mantissa - 1
  let s = f / (2 + f)
  let z = s * s
  var r = 0.0
  for k in stride(from: 12, through: 1, by: -1) {
    r = z * (2 / Double(2 * k + 1) + r)
  }
  let halfSquare = 0.5 * f * f
  let ln2High = 0x1.62e42fefa3800p-1
  let ln2Low = 0x1.ef35793c76730p-45
  return exponent * ln2High - ((halfSquare - (s * (halfSquare + r) + exponent * ln2Low)) - f)
}

/// The generator behind `uniform`, `normal` and `seed`: one per process, reseedable.
public enum GlobalRandom {
  /// The seed a fresh process starts from, so that runs are reproducible by default.
  public static let defaultSeed: UInt64 = 0

  private static let generator = Mutex(RandomGenerator(seed: defaultSeed))

  /// Restarts the global sequence from `seed`.
  public static func seed(_ seed: UInt64) {
    generator.withLock { $0 = RandomGenerator(seed: seed) }
  }

  /// Runs `body` with exclusive access to the global generator.
  public static func withGenerator<Result>(
    _ body: (inout RandomGenerator) throws -> Result
  ) rethrows -> Result {
    try generator.withLock { try body(&$0) }
  }
}
