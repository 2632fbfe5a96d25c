/// One entry of a NumPy-style basic index such as `x[1, 2:5, ::-1, None]`.
///
/// Positions are 0-based and half-open; negative numbers count from the end of the
/// axis. An integer picks one position and removes its axis, a range keeps its axis,
/// and `newAxis` inserts an axis of size 1 without using up one of the tensor's axes.
public enum TensorIndex: Sendable, Equatable, ExpressibleByIntegerLiteral {
  /// One position; the axis disappears from the result.
  case at(Int)
  /// Positions `start, start + step, …` before `end`, like Python's `start:end:step`.
  ///
  /// A missing bound means the whole axis in the direction of `step` (1 when
  /// missing). Bounds past either end are clamped, as in NumPy, so a range can be
  /// empty but is never out of range.
  case range(start: Int?, end: Int?, step: Int?)
  /// A new axis of size 1, like NumPy's `None` or `np.newaxis`.
  case newAxis

  /// The whole axis, like a bare `:`.
  public static let all = TensorIndex.range(start: nil, end: nil, step: nil)

  /// An integer literal is a single position.
  public init(integerLiteral value: Int) {
    self = .at(value)
  }

  /// The positions a range selects along an axis of `size`, in order.
  ///
  /// This follows Python's `slice.indices`: bounds are resolved against `size`, then
  /// clamped to `0...size` for a positive step and to `-1...size - 1` for a negative
  /// one, where -1 stands for "before the first element".
  ///
  /// - Throws: `TensorError.invalidArgument` for a step of 0.
  static func positions(start: Int?, end: Int?, step: Int?, size: Int) throws -> [Int] {
    let step = step ?? 1
    guard step != 0 else {
      throw TensorError.invalidArgument(operation: "index", message: "slice step cannot be zero")
    }
    // A step longer than the axis selects at most the first position; capping it keeps
    // `start + k·step` and `-step` from overflowing.
    let stepSize = max(-(size + 1), min(size + 1, step))
    let (lower, upper) = stepSize > 0 ? (0, size) : (-1, size - 1)
    func clamp(_ bound: Int?, default fallback: Int) -> Int {
      guard let bound else { return fallback }
      let shifted = bound < 0 ? bound + size : bound
      return max(lower, min(upper, shifted))
    }
    let first = clamp(start, default: stepSize > 0 ? lower : upper)
    let last = clamp(end, default: stepSize > 0 ? upper : lower)
    return Array(stride(from: first, to: last, by: stepSize))
  }
}
