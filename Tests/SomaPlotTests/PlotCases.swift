import Foundation
import SomaPlot

/// The table of golden plot cases, one per kind, option and degenerate input.
///
/// The data are simple formulas, so each picture can be checked by eye against
/// the function it shows. A case whose drawing throws records the error message.
enum PlotCases {
  static let all: [PlotCase] =
    lineCases + scatterCases + histogramCases + barCases + heatmapCases + contourCases
    + boundaryCases

  /// 0, 0.1, ..., 6.
  static let steps = (0...60).map { Double($0) / 10 }
}
