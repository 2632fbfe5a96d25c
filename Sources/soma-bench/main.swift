import Foundation
import SomaTensor

// soma-bench: Soma's speed measured against peers in the same run, printed as ratios.
// Run it in release mode: `swift run -c release soma-bench`.

let usage = """
  usage: soma-bench [--only NAME]

  Measures Soma against peer implementations on the same machine, in one run, and
  prints a table of ratios with the targets they are held to.

  options:
    --only NAME   run one group: matmul, elementwise, gradient, scalar, startup or
                  notebook
    -h, --help    show this help
  """

var groups: Set<String> = [
  "matmul", "elementwise", "gradient", "scalar", "startup", "notebook",
]
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "-h", "--help":
    print(usage)
    exit(0)
  case "--only":
    guard let group = arguments.popFirst(), groups.contains(group) else {
      FileHandle.standardError.write(
        Data("soma-bench: --only takes one of \(groups.sorted())\n".utf8))
      exit(2)
    }
    groups = [group]
  default:
    FileHandle.standardError.write(Data("soma-bench: unknown option \(argument)\n\(usage)\n".utf8))
    exit(2)
  }
}

do {
  var peerCases: [String] = []
  if groups.contains("matmul") { peerCases += TensorBenchmarks.matrixSizes.map { "matmul-\($0)" } }
  if groups.contains("elementwise") { peerCases += TensorBenchmarks.elementwise.map(\.name) }
  let peer = peerCases.isEmpty ? [:] : try PeerScript(fileName: "numpy_peer.py").run(peerCases)

  var rows: [Comparison] = []
  if groups.contains("matmul") { rows += try TensorBenchmarks.matrixProducts(peer: peer) }
  if groups.contains("elementwise") {
    rows += try TensorBenchmarks.elementwiseOperations(peer: peer)
  }
  if groups.contains("gradient") { rows.append(try TensorBenchmarks.perceptronGradient()) }
  if groups.contains("scalar") { rows.append(try ScalarBenchmarks.hodgkinHuxley()) }
  if groups.contains("startup") { rows.append(try ScalarBenchmarks.startup()) }
  if groups.contains("notebook") { rows += try NotebookBenchmarks.comparisons() }

  print(ResultTable.render(rows))
  if let version = peer["numpy-version"] as? String {
    let blas = MatrixBackend.isBLASAvailable ? "yes" : "no"
    print(
      "\npeers: numpy \(version); BLAS loaded: \(blas); native kernel: "
        + MatrixBackend.nativeKernelName)
  }
} catch {
  FileHandle.standardError.write(Data("soma-bench: \(error)\n".utf8))
  exit(1)
}
