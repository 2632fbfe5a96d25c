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
    .executable(name: "nbrun", targets: ["nbrun"]),
    .executable(name: "soma-bench", targets: ["soma-bench"]),
  ],
  targets: [
    // The tensor runtime: shapes, broadcasting, elementwise maths, reductions, linear algebra.
    .target(name: "SomaTensor", dependencies: ["CSomaKernels"]),
    // Native matrix-product kernels in C, vectorised for the processor found at run time;
    // optimised even in debug builds, where -O0 would make the kernel 50 times slower.
    .target(name: "CSomaKernels", cSettings: [.unsafeFlags(["-O2"])]),
    // Reverse-mode automatic differentiation over the runtime's operations.
    .target(name: "SomaAutodiff", dependencies: ["SomaTensor"]),
    // The Soma language: syntax, diagnostics, values, builtins and the interpreter.
    // Exclusivity checks are off: the interpreter's frames are its hottest path, and
    // the runtime checks on them cost a third of a scalar loop's time.
    .target(
      name: "SomaLanguage", dependencies: ["SomaAutodiff", "SomaPlot"],
      swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
    // Text plots: line, scatter, histogram, bar, heatmap, contour and decision boundaries.
    .target(name: "SomaPlot", dependencies: ["SomaTensor"]),
    // Markdown notebooks: cells and output blocks, atomic file writes, diffs, and running
    // the cells of a notebook in a session.
    .target(name: "SomaNotebook", dependencies: ["SomaLanguage"]),
    // GNU readline, a C library from the system (Debian: libreadline-dev).
    .systemLibrary(
      name: "CReadline",
      providers: [.apt(["libreadline-dev"]), .brew(["readline"])]),
    // The interactive session: line editing, history, completion, interrupts.
    .target(
      name: "SomaREPL", dependencies: ["CReadline", "SomaLanguage", "SomaNotebook", "SomaTensor"]),
    // `soma`: the REPL, and the runner of scripts and one-line programs.
    .executableTarget(name: "soma", dependencies: ["SomaREPL", "SomaLanguage"]),
    // `nbrun`: runs the cells of Markdown notebooks and writes their outputs back.
    .executableTarget(name: "nbrun", dependencies: ["SomaNotebook", "SomaLanguage"]),
    // Benchmarks against peer implementations, run with `swift run -c release soma-bench`.
    .executableTarget(
      name: "soma-bench", dependencies: ["SomaAutodiff", "SomaLanguage", "SomaNotebook"]),
    .testTarget(name: "SomaTensorTests", dependencies: ["SomaTensor"]),
    .testTarget(name: "SomaAutodiffTests", dependencies: ["SomaAutodiff"]),
    .testTarget(name: "SomaLanguageTests", dependencies: ["SomaLanguage", "SomaTensor"]),
    .testTarget(name: "SomaNotebookTests", dependencies: ["SomaNotebook"]),
    .testTarget(name: "SomaPlotTests", dependencies: ["SomaPlot"]),
    .testTarget(
      name: "SomaREPLTests", dependencies: ["SomaREPL", "SomaLanguage", "SomaNotebook"]),
    // Runs the built `soma` and `nbrun` programs, on pipes and on a pseudo-terminal;
    // depending on them makes `swift test` build them first.
    .testTarget(name: "EndToEndTests", dependencies: ["soma", "nbrun"]),
  ]
)
