#ifndef CSOMA_KERNELS_H
#define CSOMA_KERNELS_H

/// Native numeric kernels for SomaTensor, written in C so that they can use the
/// processor's vector instructions (chosen at run time) that Swift's baseline
/// target does not enable.

/// C = A·B where A is m×k, B is k×n and C is a row-major m×n matrix with row stride
/// ldc. Element (i, p) of A is a[i * ars + p * acs] and element (p, j) of B is
/// b[p * brs + j * bcs], so either operand may be read from a transposed layout
/// without copying it first. C is overwritten, never read.
///
/// Runs on the calling thread; callers split large products between threads by
/// handing each a band of rows or columns.
void soma_dgemm(long m, long n, long k, const double *a, long ars, long acs,
                const double *b, long brs, long bcs, double *c, long ldc);

/// The name of the micro-kernel soma_dgemm uses on this processor ("avx2+fma" or
/// "portable"), for benchmarks and diagnostics.
const char *soma_dgemm_kernel_name(void);

#endif
