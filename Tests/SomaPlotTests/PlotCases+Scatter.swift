import Foundation
import SomaPlot

extension PlotCases {
  /// Two rings of 24 points, the inner class 0 and the outer class 1.
  static let rings: (x: [Double], y: [Double], classes: [Int]) = {
    let angles = (0..<24).map { Double($0) * Double.pi / 12 }
    let x = angles.map { cos($0) * 2 } + angles.map { cos($0) * 4 + 0.5 }
    let y = angles.map { sin($0) * 2 } + angles.map { sin($0) * 4 }
    return (x, y, Array(repeating: 0, count: 24) + Array(repeating: 1, count: 24))
  }()

  static let scatterCases: [PlotCase] = [
    PlotCase("scatter_classes") {
      try scatterPlot(
        x: rings.x, y: rings.y, classes: rings.classes,
        options: PlotOptions(
          title: "two rings", xlabel: "feature 1", ylabel: "feature 2",
          labels: ["inner", "outer"]))
    },
    PlotCase("scatter_plain") {
      try scatterPlot(x: steps, y: steps.map { $0 * $0 }, options: PlotOptions(height: 10))
    },
    PlotCase("scatter_three_classes_default_names") {
      let x = (0..<30).map { Double($0 % 10) }
      let y = (0..<30).map { Double($0 / 10) + Double($0 % 10) * 0.1 }
      return try scatterPlot(
        x: x, y: y, classes: (0..<30).map { $0 / 10 * 5 }, options: PlotOptions(height: 8))
    },
    PlotCase("scatter_unicode_braille", unicode: true) {
      try scatterPlot(x: rings.x, y: rings.y, options: PlotOptions(height: 10, charset: .unicode))
    },
    PlotCase("scatter_logx_with_limits") {
      let x = (1...30).map { pow(10, Double($0) / 10) }
      return try scatterPlot(
        x: x, y: x.map { log10($0) }, classes: x.indices.map { $0 % 2 },
        options: PlotOptions(
          xlabel: "x", ylabel: "log10 x", height: 8, xlim: AxisLimits(2, 500), logx: true))
    },
    PlotCase("scatter_single_point") {
      try scatterPlot(x: [0], y: [0], options: PlotOptions(height: 5))
    },
    PlotCase("scatter_error_classes_mismatch") {
      try scatterPlot(x: [1, 2], y: [1, 2], classes: [0])
    },
    PlotCase("scatter_error_too_many_classes") {
      try scatterPlot(x: steps, y: steps, classes: steps.indices.map { $0 })
    },
  ]
}
