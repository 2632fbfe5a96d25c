import SomaTensor
import Testing

/// Expects `actual` to have `shape` and elements within `tolerance` of `expected`,
/// relative once magnitudes exceed 1; NaN matches NaN and infinities match exactly.
func expectScalars(
  _ actual: Tensor, _ expected: [Double], shape: [Int]? = nil, tolerance: Double = 1e-15,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  if let shape {
    #expect(actual.shape == shape, sourceLocation: sourceLocation)
  }
  #expect(actual.count == expected.count, sourceLocation: sourceLocation)
  for (a, e) in zip(actual.scalars, expected) {
    let close = a == e || (a.isNaN && e.isNaN) || abs(a - e) <= tolerance * max(1, abs(e))
    #expect(close, "\(actual.scalars) differs from \(expected)", sourceLocation: sourceLocation)
    if !close { return }
  }
}
