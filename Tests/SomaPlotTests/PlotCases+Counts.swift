import Foundation
import SomaPlot

extension PlotCases {
  /// 400 values shaped like a bell: an odd cubic of evenly spaced quantiles.
  static let bell = (0..<400).map { index -> Double in
    let u = (Double(index) + 0.5) / 400 - 0.5
    return u * 4 * (0.25 + u * u)
  }

  static let histogramCases: [PlotCase] = [
    PlotCase("hist_bell") {
      try histogram(
        values: bell, bins: 15, options: PlotOptions(title: "weights", xlabel: "value"))
    },
    PlotCase("hist_default_bins_with_nan") {
      try histogram(values: bell + [.nan, .infinity], options: PlotOptions(height: 10))
    },
    PlotCase("hist_constant_values") {
      try histogram(values: [3, 3, 3], bins: 5, options: PlotOptions(height: 6))
    },
    PlotCase("hist_one_bin") {
      try histogram(values: [1, 2, 3], bins: 1, options: PlotOptions(height: 6))
    },
    PlotCase("hist_logy") {
      try histogram(values: bell, bins: 20, options: PlotOptions(height: 10, logy: true))
    },
    PlotCase("hist_logx") {
      let values = (1...200).map { pow(10, Double($0 % 37) / 12) }
      return try histogram(values: values, bins: 12, options: PlotOptions(height: 8, logx: true))
    },
    PlotCase("hist_xlim_counts_outside") {
      try histogram(
        values: bell, bins: 8, options: PlotOptions(height: 8, xlim: AxisLimits(-0.5, 0.5)))
    },
    PlotCase("hist_unicode_blocks", unicode: true) {
      try histogram(values: bell, bins: 30, options: PlotOptions(height: 8, charset: .unicode))
    },
    PlotCase("hist_error_no_values") { try histogram(values: []) },
    PlotCase("hist_error_zero_bins") { try histogram(values: [1], bins: 0) },
  ]

  static let barCases: [PlotCase] = [
    PlotCase("bar_with_negative") {
      try barChart(
        labels: ["cat", "dog", "hamster", "goldfish"], values: [12, 30.5, 4, -3],
        options: PlotOptions(title: "votes", xlabel: "net votes"))
    },
    PlotCase("bar_many_one_row_each") {
      let labels = (0..<12).map { "class \($0)" }
      return try barChart(
        labels: labels, values: labels.indices.map { Double($0 * $0) / 10 },
        options: PlotOptions(height: 10))
    },
    PlotCase("bar_nan_value") {
      try barChart(labels: ["a", "b", "c"], values: [1, .nan, 2], options: PlotOptions(height: 5))
    },
    PlotCase("bar_unicode_blocks", unicode: true) {
      try barChart(
        labels: ["adam", "sgd", "rmsprop"], values: [0.91, 0.874, 0.9],
        options: PlotOptions(title: "accuracy", xlim: AxisLimits(0, 1), charset: .unicode))
    },
    PlotCase("bar_logx") {
      try barChart(
        labels: ["tiny", "small", "large"], values: [0.02, 3, 4000],
        options: PlotOptions(title: "parameters per layer", logx: true))
    },
    PlotCase("bar_error_mismatch") { try barChart(labels: ["a"], values: [1, 2]) },
  ]
}
