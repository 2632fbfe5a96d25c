// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Soma",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "SomaTensor", targets: ["SomaTensor"]),
    .library(name: "SomaAutodiff", targets: ["SomaAutodiff"]),
    .library(name: "SomaREPL", targets: ["SomaREPL"]),
    .library(name: "SomaPlot", targets: ["SomaPlot"]),
    .executable(name: "soma-bench", targets: ["soma-bench"]),
  ],
  targets: [
    // The tensor runtime: shapes, broadcasting, elementwise maths, reductions, linear algebra.
    .target(name: "SomaTensor"),
    // Reverse-mode automatic differentiation over the runtime's operations.
    .target(name: "SomaAutodiff", dependencies: ["SomaTensor"]),
    // GNU readline, a C library from the system (Debian: libreadline-dev).
    .systemLibrary(
      name: "CReadline",
      providers: [.apt(["libreadline-dev"]), .brew(["readline"])]),
    // The interactive session: line editing, history, completion, interrupts.
    .target(name: "SomaREPL", dependencies: ["CReadline"]),
    // Text plots: line, scatter, histogram, bar, heatmap, contour and decision boundaries.
    .target(name: "SomaPlot", dependencies: ["SomaTensor"]),
    // Benchmarks against peer implementations, run with `swift run -c release soma-bench`.
    .executableTarget(name: "soma-bench", dependencies: ["SomaAutodiff"]),
    .testTarget(name: "SomaTensorTests", dependencies: ["SomaTensor"]),
    .testTarget(name: "SomaAutodiffTests", dependencies: ["SomaAutodiff"]),
    .testTarget(name: "SomaPlotTests", dependencies: ["SomaPlot"]),
  ]
)
