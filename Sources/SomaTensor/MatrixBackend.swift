import CSomaKernels

/// Which implementation computes matrix products.
///
/// By default Soma uses the system's BLAS library when one is installed (OpenBLAS on
/// Linux, Accelerate on macOS) and its own kernel otherwise. Setting the environment
/// variable `SOMA_NATIVE_MATMUL=1` makes the native kernel the default everywhere.
/// Both give the same results up to rounding.
public enum MatrixBackend: Sendable, Equatable {
  /// The system's BLAS library, found at run time.
  case blas
  /// Soma's own cache-blocked kernel, vectorised for the processor and run on all
  /// cores for large matrices; always available.
  case native

  /// Whether a BLAS library with `cblas_dgemm` was found on this machine.
  public static var isBLASAvailable: Bool { BLASLibrary.dgemm != nil }

  /// The native kernel's variant on this processor, `"avx2+fma"` or `"portable"`, for
  /// benchmark reports.
  public static var nativeKernelName: String { String(cString: soma_dgemm_kernel_name()) }

  /// The backend used when none is named: `native` when `SOMA_NATIVE_MATMUL` is `1`
  /// or no BLAS is installed, `blas` otherwise.
  public static var preferred: MatrixBackend {
    choose(
      nativeRequested: SystemInfo.environmentValue("SOMA_NATIVE_MATMUL"),
      blasAvailable: isBLASAvailable)
  }

  /// The backend for a product of `multiplyAdds` multiply-adds: `preferred` for large
  /// products, `native` below `blasThreshold`.
  public static func preferred(multiplyAdds: Double) -> MatrixBackend {
    multiplyAdds < Double(blasThreshold) ? .native : preferred
  }

  /// Products smaller than this skip BLAS: waking OpenBLAS's thread pool costs more than
  /// such a product (soma-bench: the native kernel matches OpenBLAS at n = 256 and a
  /// 256×64×128 product through OpenBLAS's threads spends most of its time yielding).
  static let blasThreshold = 256 * 256 * 256

  /// The default backend given the value of `SOMA_NATIVE_MATMUL` and whether BLAS exists.
  static func choose(nativeRequested: String?, blasAvailable: Bool) -> MatrixBackend {
    nativeRequested == "1" || !blasAvailable ? .native : .blas
  }

  /// Products with at least this many multiply-adds are split between threads; below
  /// it, starting threads costs more than it saves.
  static let parallelThreshold = 160 * 160 * 160

  /// Writes C = A·B for contiguous row-major matrices: A is m×k, B is k×n, C is m×n.
  ///
  /// - Precondition: m, n and k are positive and `self` is `.native` or BLAS exists.
  func multiply(
    m: Int, n: Int, k: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
    into c: UnsafeMutablePointer<Double>
  ) {
    precondition(m > 0 && n > 0 && k > 0, "matrix kernel called on an empty product")
    let fitsInt32 = max(m, n, k) <= Int(Int32.max)
    if self == .blas, fitsInt32, let dgemm = BLASLibrary.dgemm {
      let (m32, n32, k32) = (Int32(m), Int32(n), Int32(k))
      dgemm(
        BLASLibrary.rowMajor, BLASLibrary.noTranspose, BLASLibrary.noTranspose, m32, n32, k32,
        1, a, k32, b, n32, 0, c, n32)
      return
    }
    precondition(self == .native || !fitsInt32, "BLAS backend used without a BLAS library")
    Self.multiplyNatively(m: m, n: n, k: k, a, b, into: c)
  }

  /// The native kernel, on every processor for large products.
  private static func multiplyNatively(
    m: Int, n: Int, k: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
    into c: UnsafeMutablePointer<Double>
  ) {
    // Counted in floating point, as m·n·k can exceed Int.max.
    let work = Double(m) * Double(n) * Double(k)
    let threads = work >= Double(parallelThreshold) ? SystemInfo.processorCount : 1
    soma_dgemm(m, n, k, a, k, b, n, c, n, threads)
  }
}
