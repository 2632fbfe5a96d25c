import SomaPlot
import Testing

/// Extreme inputs must draw something or throw a `PlotError`, never trap.
@Suite("Plots of extreme inputs")
struct DegenerateInputTests {
  static let extremes: [[Double]] = [
    [1e300, -1e300], [.greatestFiniteMagnitude, -.greatestFiniteMagnitude], [5e-324, 0],
    [1e-300, 2e-300], [1e15, 1e15 + 1], [-0.0, 0], [.nan], [.infinity, 1], [42],
  ]

  @Test("line, scatter, histogram and bar plots survive extreme values", arguments: extremes)
  func extremeValues(values: [Double]) {
    let xs = values.indices.map(Double.init)
    for logy in [false, true] {
      let options = PlotOptions(height: 6, logy: logy)
      expectNoTrap { try linePlot(series: [Series(x: values, y: values)], options: options) }
      expectNoTrap { try scatterPlot(x: xs, y: values, options: options) }
      expectNoTrap { try histogram(values: values, options: options) }
      expectNoTrap {
        try barChart(labels: values.map { _ in "a" }, values: values, options: options)
      }
      expectNoTrap { try heatmap(matrix: [values], options: options) }
    }
  }

  @Test("grid plots survive extreme values and one-point grids", arguments: extremes)
  func extremeGrids(values: [Double]) {
    let xs = values.indices.map(Double.init)
    expectNoTrap {
      try contourPlot(
        grid: [values, values], xs: xs, ys: [0, 1], paths: [[(values[0], values[0])]])
    }
    expectNoTrap { try contourPlot(grid: [[values[0]]], xs: [0], ys: [0]) }
    expectNoTrap {
      try decisionBoundary(
        regions: [[0]], xs: [values[0]], ys: [0], x: values, y: values,
        classes: values.map { _ in 1 })
    }
  }

  @Test("a very long label or title makes a wide plot rather than a trap")
  func longLabels() throws {
    let label = String(repeating: "w", count: 120)
    let text = try barChart(
      labels: [label], values: [1], options: PlotOptions(title: label, width: 30))
    #expect(text.contains(label))
  }

  private func expectNoTrap(_ draw: () throws -> String) {
    do {
      let text = try draw()
      #expect(!text.isEmpty)
    } catch {
      #expect(error is PlotError)
    }
  }
}
