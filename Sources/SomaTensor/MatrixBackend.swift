import CSomaKernels
import Dispatch

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
  /// When `transposingA` is set, `a` holds Aᵀ (k×m) and is read as its transpose
  /// without being copied; likewise `transposingB` means `b` holds Bᵀ (n×k). C is
  /// overwritten, never read.
  ///
  /// - Precondition: m, n and k are positive and `self` is `.native` or BLAS exists.
  func multiply(
    m: Int, n: Int, k: Int, _ a: UnsafePointer<Double>, transposingA: Bool = false,
    _ b: UnsafePointer<Double>, transposingB: Bool = false,
    into c: UnsafeMutablePointer<Double>
  ) {
    precondition(m > 0 && n > 0 && k > 0, "matrix kernel called on an empty product")
    let fitsInt32 = max(m, n, k) <= Int(Int32.max)
    if self == .blas, fitsInt32, let dgemm = BLASLibrary.dgemm {
      let (m32, n32, k32) = (Int32(m), Int32(n), Int32(k))
      let flag = { (transposed: Bool) in
        transposed ? BLASLibrary.transpose : BLASLibrary.noTranspose
      }
      dgemm(
        BLASLibrary.rowMajor, flag(transposingA), flag(transposingB), m32, n32, k32,
        1, a, transposingA ? m32 : k32, b, transposingB ? k32 : n32, 0, c, n32)
      return
    }
    precondition(self == .native || !fitsInt32, "BLAS backend used without a BLAS library")
    let left = StridedMatrix(
      base: a, rowStride: transposingA ? 1 : k, columnStride: transposingA ? m : 1)
    let right = StridedMatrix(
      base: b, rowStride: transposingB ? 1 : n, columnStride: transposingB ? k : 1)
    Self.multiplyNatively(m: m, n: n, k: k, left, right, into: c)
  }

  /// The native kernel, on every processor for large products.
  private static func multiplyNatively(
    m: Int, n: Int, k: Int, _ a: StridedMatrix, _ b: StridedMatrix,
    into c: UnsafeMutablePointer<Double>
  ) {
    // Counted in floating point, as m·n·k can exceed Int.max.
    let work = Double(m) * Double(n) * Double(k)
    let threads = SystemInfo.processorCount
    guard threads > 1, work >= Double(parallelThreshold) else {
      kernel(m: m, n: n, k: k, a, b, into: c, rowStride: n)
      return
    }
    let operands = Operands(a: a, b: b, c: c)
    let splitRows = m >= n
    let length = splitRows ? m : n
    // Bands are multiples of the kernel's 6-row (8-column) tile where possible.
    let tile = splitRows ? 6 : 8
    let band = ((length + threads - 1) / threads + tile - 1) / tile * tile
    let bands = (length + band - 1) / band
    DispatchQueue.concurrentPerform(iterations: bands) { index in
      let start = index * band
      let size = min(band, length - start)
      if splitRows {
        kernel(
          m: size, n: n, k: k, operands.a.advanced(rows: start), operands.b,
          into: operands.c + start * n, rowStride: n)
      } else {
        kernel(
          m: m, n: size, k: k, operands.a, operands.b.advanced(columns: start),
          into: operands.c + start, rowStride: n)
      }
    }
  }

  /// One call of the C kernel on the calling thread.
  private static func kernel(
    m: Int, n: Int, k: Int, _ a: StridedMatrix, _ b: StridedMatrix,
    into c: UnsafeMutablePointer<Double>, rowStride: Int
  ) {
    soma_dgemm(
      m, n, k, a.base, a.rowStride, a.columnStride, b.base, b.rowStride, b.columnStride, c,
      rowStride)
  }
}

/// A matrix read in place: element (i, j) is at `base[i * rowStride + j * columnStride]`,
/// so a row-major matrix and the transpose of one are read alike.
private struct StridedMatrix {
  let base: UnsafePointer<Double>
  let rowStride: Int
  let columnStride: Int

  /// The same layout starting `rows` rows further down.
  func advanced(rows: Int) -> StridedMatrix {
    StridedMatrix(base: base + rows * rowStride, rowStride: rowStride, columnStride: columnStride)
  }

  /// The same layout starting `columns` columns further right.
  func advanced(columns: Int) -> StridedMatrix {
    StridedMatrix(
      base: base + columns * columnStride, rowStride: rowStride, columnStride: columnStride)
  }
}

/// The pointers of one product, handed to the threads that compute its bands.
///
/// Unchecked: the threads only read `a` and `b` and write disjoint parts of `c`, and
/// the caller keeps all three alive until every thread has finished.
private struct Operands: @unchecked Sendable {
  let a: StridedMatrix
  let b: StridedMatrix
  let c: UnsafeMutablePointer<Double>
}
