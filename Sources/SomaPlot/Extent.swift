/// The smallest and largest of some values, or `nil` if there are none.
func extent(_ values: [Double]) -> (lower: Double, upper: Double)? {
  guard let lower = values.min(), let upper = values.max() else { return nil }
  return (lower, upper)
}
