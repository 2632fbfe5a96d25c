/// One axis as drawn: its tick marks and labels, and how data values map onto it.
struct AxisGuide {
  /// A tick mark: where it sits along the axis (0 to 1) and its label.
  struct Tick {
    var fraction: Double
    var label: String
  }

  var ticks: [Tick]
  /// The position of a value along the axis, `nil` when it cannot be shown.
  var position: (Double) -> Double?

  init(ticks: [Tick], position: @escaping (Double) -> Double?) {
    self.ticks = ticks
    self.position = position
  }

  /// The ticks and mapping of a nice scale.
  init(_ scale: NiceScale) {
    ticks = zip(scale.ticks, scale.labels).compactMap { value, label in
      guard let fraction = scale.fraction(of: value), fraction > -1e-9, fraction < 1 + 1e-9
      else { return nil }
      return Tick(fraction: min(1, max(0, fraction)), label: label)
    }
    position = { scale.fraction(of: $0) }
  }

  /// A numeric axis over the data range `lower...upper`, or over fixed limits.
  ///
  /// Without limits the ends are the nice ticks around the data; with limits the
  /// ends are the limits and the ticks fall inside.
  static func numeric(
    lower: Double, upper: Double, limits: AxisLimits?, logarithmic: Bool, maxTicks: Int,
    integers: Bool = false, axis: String
  ) throws(PlotError) -> AxisGuide {
    if logarithmic {
      let scale = NiceScale(
        logarithmicFrom: limits?.lower ?? lower, to: limits?.upper ?? upper,
        maxTicks: maxTicks, exact: limits != nil)
      return AxisGuide(scale)
    }
    if let limits {
      return AxisGuide(
        try NiceScale(
          within: limits.lower, limits.upper, maxTicks: maxTicks, integers: integers,
          axis: axis))
    }
    return AxisGuide(
      try NiceScale(covering: lower, upper, maxTicks: maxTicks, integers: integers, axis: axis))
  }
}
