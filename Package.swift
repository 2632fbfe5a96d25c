// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Soma",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "SomaTensor", targets: ["SomaTensor"]),
    .library(name: "SomaAutodiff", targets: ["SomaAutodiff"]),
    .library(name: "SomaLanguage", targets: ["SomaLanguage"]),
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
    .target(
      name: "SomaLanguage", dependencies: ["SomaAutodiff"],
      swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
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
  ]
)
