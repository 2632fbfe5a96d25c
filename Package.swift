// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Soma",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "SomaTensor", targets: ["SomaTensor"]),
    .library(name: "SomaAutodiff", targets: ["SomaAutodiff"]),
    .library(name: "SomaLanguage", targets: ["SomaLanguage"]),
    .executable(name: "soma-bench", targets: ["soma-bench"]),
  ],
  targets: [
    // The tensor runtime: shapes, broadcasting, elementwise maths, reductions, linear algebra.
    .target(name: "SomaTensor"),
    // Reverse-mode automatic differentiation over the runtime's operations.
    .target(name: "SomaAutodiff", dependencies: ["SomaTensor"]),
    // The Soma language: lexer, parser, syntax tree and diagnostics.
    .target(name: "SomaLanguage", dependencies: ["SomaAutodiff"]),
    // Benchmarks against peer implementations, run with `swift run -c release soma-bench`.
    .executableTarget(name: "soma-bench", dependencies: ["SomaAutodiff"]),
    .testTarget(name: "SomaTensorTests", dependencies: ["SomaTensor"]),
    .testTarget(name: "SomaAutodiffTests", dependencies: ["SomaAutodiff"]),
    .testTarget(name: "SomaLanguageTests", dependencies: ["SomaLanguage", "SomaTensor"]),
  ]
)
