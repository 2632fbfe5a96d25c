import Foundation
import SomaPlot

extension PlotCases {
  static let lineCases: [PlotCase] = [
    PlotCase("line_sine") {
      try linePlot(
        series: [Series(x: steps, y: steps.map(sin))],
        options: PlotOptions(title: "sin(x)", xlabel: "x", ylabel: "y"))
    },
    PlotCase("line_two_series_legend") {
      try linePlot(
        series: [
          Series(x: steps, y: steps.map { max(0, $0 - 3) }, label: "relu"),
          Series(x: steps, y: steps.map { 3 / (1 + exp(-($0 - 3))) }, label: "3 sigmoid"),
        ],
        options: PlotOptions(title: "activations", xlabel: "x"))
    },
    PlotCase("line_labels_from_options_custom_marker") {
      try linePlot(
        series: [
          Series(x: steps, y: steps.map { $0 * $0 }, marker: "."),
          Series(x: steps, y: steps.map { $0 * 4 }),
        ],
        options: PlotOptions(labels: ["x^2", "4x"]))
    },
    PlotCase("line_loss_logy") {
      let loss = (0..<50).map { 2.5 * pow(0.85, Double($0)) + 0.001 }
      return try linePlot(
        series: [Series(y: loss)],
        options: PlotOptions(title: "training loss", xlabel: "epoch", ylabel: "loss", logy: true))
    },
    PlotCase("line_logx") {
      let xs = (0...40).map { pow(10, Double($0) / 10 - 1) }
      return try linePlot(
        series: [Series(x: xs, y: xs.map { 1 / (1 + $0) })],
        options: PlotOptions(xlabel: "learning rate", logx: true))
    },
    PlotCase("line_limits_clip_and_count") {
      try linePlot(
        series: [Series(x: steps, y: steps.map { $0 * $0 - 4 })],
        options: PlotOptions(
          title: "x^2 - 4 within limits", xlim: AxisLimits(1, 5), ylim: AxisLimits(-5, 10)))
    },
    PlotCase("line_nan_and_infinity_break_the_line") {
      var ys = steps.map { $0 - 3 }
      ys[10] = .nan
      ys[40] = .infinity
      ys[41] = -.infinity
      return try linePlot(series: [Series(x: steps, y: ys)], options: PlotOptions(height: 10))
    },
    PlotCase("line_log_axis_skips_non_positive") {
      try linePlot(
        series: [Series(x: steps, y: steps.map { $0 - 1 })],
        options: PlotOptions(height: 10, logy: true))
    },
    PlotCase("line_constant_series") {
      try linePlot(
        series: [Series(y: Array(repeating: 2.5, count: 20))], options: PlotOptions(height: 8))
    },
    PlotCase("line_constant_zero") {
      try linePlot(
        series: [Series(y: Array(repeating: 0, count: 5))], options: PlotOptions(height: 8))
    },
    PlotCase("line_single_point") {
      try linePlot(series: [Series(x: [3], y: [7])], options: PlotOptions(height: 8))
    },
    PlotCase("line_all_nan_draws_empty_frame") {
      try linePlot(series: [Series(y: [.nan, .nan])], options: PlotOptions(height: 5))
    },
    PlotCase("line_tiny_magnitudes") {
      try linePlot(
        series: [Series(x: steps, y: steps.map { $0 * 3e-7 })], options: PlotOptions(height: 10))
    },
    PlotCase("line_huge_magnitudes") {
      try linePlot(
        series: [Series(x: steps.map { $0 * 1e9 }, y: steps.map { -$0 * 2.5e6 })],
        options: PlotOptions(height: 10))
    },
    PlotCase("line_narrow_and_short", width: 40) {
      try linePlot(
        series: [Series(x: steps, y: steps.map(cos))],
        options: PlotOptions(title: "cos", width: 40, height: 6))
    },
    PlotCase("line_unicode_single_series_braille", unicode: true) {
      try linePlot(
        series: [Series(x: steps, y: steps.map(sin), label: "sin")],
        options: PlotOptions(title: "sin(x) in braille", height: 12, charset: .unicode))
    },
    PlotCase("line_unicode_two_series_keep_markers", unicode: true) {
      try linePlot(
        series: [Series(x: steps, y: steps.map(sin)), Series(x: steps, y: steps.map(cos))],
        options: PlotOptions(height: 12, labels: ["sin", "cos"], charset: .unicode))
    },
    PlotCase("line_error_empty") { try linePlot(series: [Series(y: [])]) },
    PlotCase("line_error_length_mismatch") {
      try linePlot(series: [Series(x: [1, 2, 3], y: [1, 2])])
    },
    PlotCase("line_error_reversed_limits") {
      try linePlot(series: [Series(y: [1, 2])], options: PlotOptions(xlim: AxisLimits(3, 1)))
    },
    PlotCase("line_error_log_limits") {
      try linePlot(
        series: [Series(y: [1, 2])], options: PlotOptions(ylim: AxisLimits(0, 1), logy: true))
    },
    PlotCase("line_error_too_small") {
      try linePlot(series: [Series(y: [1, 2])], options: PlotOptions(width: 10))
    },
  ]
}
