// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Soma",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "SomaTensor", targets: ["SomaTensor"]),
    .library(name: "SomaAutodiff", targets: ["SomaAutodiff"]),
    .library(name: "SomaLanguage", targets: ["SomaLanguage"]),
    .library(name: "SomaNotebook", targets: ["SomaNotebook"]),
    .library(name: "SomaPlot", targets: ["SomaPlot"]),
    .library(name: "SomaREPL", targets: ["SomaREPL"]),
    .executable(name: "soma", targets: ["soma"]),
    .executable(name: "soma-bench", targets: ["soma-bench"]),
  ],
  targets: [
    // The tensor runtime: shapes, broadcasting, elementwise maths, reductions, linear algebra.
    .target(name: "SomaTensor", dependencies: ["CSomaKernels"]),
    // Native matrix-product kernels in C, vectorised for the processor found at run time.
    .target(name: "CSomaKernels"),
    // Reverse-mode automatic differentiation over the runtime's operations.
    .target(name: "SomaAutodiff", dependencies: ["SomaTensor"]),
    // The Soma language: syntax, diagnostics, values, builtins and the interpreter.
    // Exclusivity checks are off: the interpreter's frames are its hottest path, and
    // the runtime checks on them cost a third of a scalar loop's time.
    .target(
      name: "SomaLanguage", dependencies: ["SomaAutodiff"],
      swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
    // Text plots: line, scatter, histogram, bar, heatmap, contour and decision boundaries.
    .target(name: "SomaPlot", dependencies: ["SomaTensor"]),
    // Markdown notebooks as documents: cells, output blocks, atomic file writes, diffs.
    .target(name: "SomaNotebook"),
    // GNU readline, a C library from the system (Debian: libreadline-dev).
    .systemLibrary(
      name: "CReadline",
      providers: [.apt(["libreadline-dev"]), .brew(["readline"])]),
    // The interactive session: line editing, history, completion, interrupts.
    .target(name: "SomaREPL", dependencies: ["CReadline", "SomaLanguage", "SomaTensor"]),
    // `soma`: the REPL, and the runner of scripts and one-line programs.
    .executableTarget(name: "soma", dependencies: ["SomaREPL", "SomaLanguage"]),
    // Benchmarks against peer implementations, run with `swift run -c release soma-bench`.
    .executableTarget(name: "soma-bench", dependencies: ["SomaAutodiff"]),
    .testTarget(name: "SomaTensorTests", dependencies: ["SomaTensor"]),
    .testTarget(name: "SomaAutodiffTests", dependencies: ["SomaAutodiff"]),
    .testTarget(name: "SomaLanguageTests", dependencies: ["SomaLanguage", "SomaTensor"]),
    .testTarget(name: "SomaNotebookTests", dependencies: ["SomaNotebook"]),
    .testTarget(name: "SomaPlotTests", dependencies: ["SomaPlot"]),
    // Runs the built `soma` program, on pipes and on a pseudo-terminal; depending on it
    // makes `swift test` build it first.
    .testTarget(name: "EndToEndTests", dependencies: ["soma"]),
  ]
)
