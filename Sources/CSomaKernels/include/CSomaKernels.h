#ifndef CSOMA_KERNELS_H
#define CSOMA_KERNELS_H

/// Native numeric kernels for SomaTensor, written in C so that they can use the
/// processor's vector instructions (chosen at run time) that Swift's baseline
/// target does not enable.

/// C = A·B for row-major matrices: A is m×k with row stride lda, B is k×n with row
/// stride ldb, and C is m×n with row stride ldc. C is overwritten, never read.
///
/// Uses up to `threads` threads (the calling one included); pass 1 for small products,
/// where starting threads costs more than it saves.
void soma_dgemm(long m, long n, long k, const double *a, long lda, const double *b,
                long ldb, double *c, long ldc, long threads);

/// The name of the micro-kernel soma_dgemm uses on this processor ("avx2+fma" or
/// "portable"), for benchmarks and diagnostics.
const char *soma_dgemm_kernel_name(void);

#endif
