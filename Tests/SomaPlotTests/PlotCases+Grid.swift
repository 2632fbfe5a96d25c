import Foundation
import SomaPlot
import SomaTensor

extension PlotCases {
  /// -2, -1.9, ..., 2.
  static let axis = (0...40).map { Double($0) / 10 - 2 }

  /// An elongated bowl, f(x, y) = x^2 + 4 y^2, sampled on `axis` x `axis`.
  static let bowl = axis.map { y in axis.map { x in x * x + 4 * y * y } }

  /// Gradient descent on the bowl from (-1.8, 0.9) with step 0.2: each step
  /// multiplies x by 1 - 0.2 * 2 = 0.6 and y by 1 - 0.2 * 8 = -0.6.
  static let descent: [(x: Double, y: Double)] = (0..<8).map { step in
    (-1.8 * pow(0.6, Double(step)), 0.9 * pow(-0.6, Double(step)))
  }

  static let heatmapCases: [PlotCase] = [
    PlotCase("heatmap_small_matrix") {
      try heatmap(
        matrix: [[0, 0.1, 0.2, 0.3], [0.4, 0.5, 0.6, 0.7], [0.8, 0.9, 1.0, 0.95]],
        options: PlotOptions(title: "attention", xlabel: "key", ylabel: "query"))
    },
    PlotCase("heatmap_large_matrix_sampled") {
      let matrix = (0..<60).map { i in
        (0..<90).map { j in sin(Double(i) / 9) * cos(Double(j) / 14) }
      }
      return try heatmap(matrix: matrix, options: PlotOptions(height: 15))
    },
    PlotCase("heatmap_tensor_with_nan") {
      let tensor = try Tensor(shape: [2, 3], scalars: [1, 2, .nan, 4, 5, 6])
      return try heatmap(matrix: tensor, options: PlotOptions(height: 6))
    },
    PlotCase("heatmap_constant") {
      try heatmap(matrix: [[2, 2], [2, 2]], options: PlotOptions(height: 4))
    },
    PlotCase("heatmap_unicode", unicode: true) {
      let matrix = (0..<8).map { i in (0..<12).map { j in Double(i * j) } }
      return try heatmap(matrix: matrix, options: PlotOptions(height: 8, charset: .unicode))
    },
    PlotCase("heatmap_error_ragged") { try heatmap(matrix: [[1, 2], [3]]) },
    PlotCase("heatmap_error_rank_3") {
      try heatmap(matrix: Tensor(shape: [1, 1, 1], scalars: [1]))
    },
  ]

  static let contourCases: [PlotCase] = [
    PlotCase("contour_bowl_with_descent_path") {
      try contourPlot(
        grid: bowl, xs: axis, ys: axis, levels: 6, paths: [descent],
        options: PlotOptions(
          title: "gradient descent on x^2 + 4y^2", xlabel: "x", ylabel: "y",
          labels: ["step 0.2"]))
    },
    PlotCase("contour_two_paths_unicode", unicode: true) {
      let slow = (0..<12).map { step in
        (-1.8 * pow(0.9, Double(step)), 0.9 * pow(0.6, Double(step)))
      }
      return try contourPlot(
        grid: bowl, xs: axis, ys: axis, paths: [descent, slow],
        options: PlotOptions(height: 14, charset: .unicode))
    },
    PlotCase("contour_zoomed_with_limits") {
      try contourPlot(
        grid: bowl, xs: axis, ys: axis, levels: 5, paths: [descent],
        options: PlotOptions(
          height: 10, xlim: AxisLimits(-1, 0.5), ylim: AxisLimits(-0.5, 0.5),
          labels: ["gd"]))
    },
    PlotCase("contour_constant_has_no_lines") {
      try contourPlot(
        grid: [[1, 1], [1, 1]], xs: [0, 1], ys: [0, 1], options: PlotOptions(height: 5))
    },
    PlotCase("contour_error_unsorted") {
      try contourPlot(grid: [[1, 1], [1, 1]], xs: [1, 0], ys: [0, 1])
    },
  ]

  static let boundaryCases: [PlotCase] = [
    PlotCase("boundary_two_classes") {
      let regions = axis.map { y in axis.map { x in x + y * y > 0.5 ? 1 : 0 } }
      let points = (0..<20).map { i in (Double(i % 5) - 2, Double(i / 5) - 1.5) }
      return try decisionBoundary(
        regions: regions, xs: axis, ys: axis, x: points.map(\.0), y: points.map(\.1),
        classes: points.map { $0.0 > 0 ? 1 : 0 },
        options: PlotOptions(title: "logistic regression", labels: ["negative", "positive"]))
    },
    PlotCase("boundary_three_classes_unicode", unicode: true) {
      let regions = axis.map { y in axis.map { x in x < -0.5 ? 0 : (y > 0 ? 1 : 2) } }
      return try decisionBoundary(
        regions: regions, xs: axis, ys: axis, x: [-1, 1, 1], y: [0, 1, -1], classes: [0, 1, 2],
        options: PlotOptions(height: 10, charset: .unicode))
    },
    PlotCase("boundary_zoomed_with_limits") {
      let regions = axis.map { y in axis.map { x in x * x + y * y < 1 ? 1 : 0 } }
      return try decisionBoundary(
        regions: regions, xs: axis, ys: axis, x: [0, 0.9, -1.5], y: [0, 0.9, 0],
        classes: [1, 1, 0],
        options: PlotOptions(
          xlabel: "x1", ylabel: "x2", height: 10, xlim: AxisLimits(-1.5, 1.5),
          ylim: AxisLimits(-1.2, 1.2)))
    },
    PlotCase("boundary_error_points_mismatch") {
      try decisionBoundary(regions: [[0]], xs: [0], ys: [0], x: [1], y: [1], classes: [])
    },
  ]
}
