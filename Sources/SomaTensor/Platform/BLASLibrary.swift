// The only operating-system-specific code in SomaTensor: finding a BLAS library at run
// time, counting processors and reading the environment. A new platform needs changes
// here and nowhere else.
#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The system's BLAS library, opened at run time rather than linked.
///
/// Soma builds and runs without any BLAS installed; when one is present, its
/// `cblas_dgemm` multiplies matrices. Libraries are tried in order and the first that
/// exports the symbol wins.
enum BLASLibrary {
  /// The C signature of `cblas_dgemm` with 32-bit integers (the LP64 interface that
  /// OpenBLAS, reference CBLAS and Accelerate export under that name): order, transpose
  /// flags, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc.
  typealias DGEMM =
    @convention(c) (
      Int32, Int32, Int32, Int32, Int32, Int32, Double, UnsafePointer<Double>?, Int32,
      UnsafePointer<Double>?, Int32, Double, UnsafeMutablePointer<Double>?, Int32
    ) -> Void

  /// CBLAS's constants for row-major storage and for an untransposed or transposed
  /// operand.
  static let rowMajor: Int32 = 101
  static let noTranspose: Int32 = 111
  static let transpose: Int32 = 112

  /// `cblas_dgemm` from the first library that provides it, or `nil` when none does.
  static let dgemm: DGEMM? = load(symbol: "cblas_dgemm")

  /// Where to look, most capable first.
  ///
  /// A library that is opened but lacks the symbol is closed again.
  private static var candidates: [String] {
    #if canImport(Darwin)
      ["/System/Library/Frameworks/Accelerate.framework/Accelerate"]
    #else
      ["libopenblas.so.0", "libopenblas.so", "libcblas.so.3", "libblas.so.3"]
    #endif
  }

  private static func load(symbol: String) -> DGEMM? {
    for path in candidates {
      guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else { continue }
      if let address = dlsym(handle, symbol) {
        return unsafeBitCast(address, to: DGEMM.self)
      }
      dlclose(handle)
    }
    return nil
  }
}

/// Facts about the machine and process that the runtime's kernels consult.
enum SystemInfo {
  /// The number of processors online, at least 1.
  static let processorCount = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

  /// The value of an environment variable, or `nil` when it is unset.
  static func environmentValue(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }
}
