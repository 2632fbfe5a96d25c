#include "CSomaKernels.h"

#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

// Goto's scheme (Goto and van de Geijn, 2008): C is built MR×NR tile by tile from
// packed copies of A and B laid out in exactly the order the micro-kernel reads them.
// A kc×nc block of B stays in the L3 cache, an mc×kc block of A in L2, and one
// kc×NR panel of B in L1 while the micro-kernel sweeps down the rows of A.
// The 6×8 tile uses 12 of the 16 AVX registers as accumulators, two for B and one
// for a broadcast element of A.
enum { MR = 6, NR = 8, KC = 256, MC = 72, NC = 4080 };

// Below this many multiply-adds the packing set-up costs more than it saves.
static const long small_product = 24 * 24 * 24;

// A product with at most this many columns reads A in place instead of packing it.
static const long narrow_columns = 2 * NR;

// Adds (or stores, when accumulate is 0) the product of an MR-row panel of A and an
// NR-column panel of B, kc deep, into the tile at c with row stride ldc. B is packed;
// element (r, p) of the panel of A is a[r * rs + p * cs], which is a[p * MR + r] for
// a packed panel and lets a panel be read in place from A itself.
typedef void (*micro_kernel)(long kc, const double *a, long rs, long cs, const double *b,
                             double *c, long ldc, int accumulate);

static void kernel_portable(long kc, const double *a, long rs, long cs, const double *b,
                            double *c, long ldc, int accumulate) {
  double tile[MR][NR] = {{0}};
  for (long p = 0; p < kc; p++) {
    for (int r = 0; r < MR; r++) {
      double x = a[r * rs + p * cs];
      for (int j = 0; j < NR; j++) tile[r][j] += x * b[p * NR + j];
    }
  }
  for (int r = 0; r < MR; r++) {
    for (int j = 0; j < NR; j++) {
      c[r * ldc + j] = accumulate ? c[r * ldc + j] + tile[r][j] : tile[r][j];
    }
  }
}

#if defined(__x86_64__)
__attribute__((target("avx2,fma"))) static inline void store_row(double *c, __m256d left,
                                                                 __m256d right, int accumulate) {
  if (accumulate) {
    left = _mm256_add_pd(left, _mm256_loadu_pd(c));
    right = _mm256_add_pd(right, _mm256_loadu_pd(c + 4));
  }
  _mm256_storeu_pd(c, left);
  _mm256_storeu_pd(c + 4, right);
}

// One step of the inner loop for row r: broadcast its element of A and multiply-add
// it into both halves of that row of the tile.
#define SOMA_ROW_STEP(r)                          \
  x = _mm256_broadcast_sd(a + r * rs);            \
  c##r##0 = _mm256_fmadd_pd(x, b0, c##r##0);      \
  c##r##1 = _mm256_fmadd_pd(x, b1, c##r##1);

// The AVX2 micro-kernel's loop, inlined into kernel_avx2 once per layout of A.
__attribute__((target("avx2,fma"), always_inline)) static inline void tile_avx2(
    long kc, const double *a, long rs, long cs, const double *b, double *c, long ldc,
    int accumulate) {
  __m256d c00 = _mm256_setzero_pd(), c01 = _mm256_setzero_pd();
  __m256d c10 = _mm256_setzero_pd(), c11 = _mm256_setzero_pd();
  __m256d c20 = _mm256_setzero_pd(), c21 = _mm256_setzero_pd();
  __m256d c30 = _mm256_setzero_pd(), c31 = _mm256_setzero_pd();
  __m256d c40 = _mm256_setzero_pd(), c41 = _mm256_setzero_pd();
  __m256d c50 = _mm256_setzero_pd(), c51 = _mm256_setzero_pd();
  for (long p = 0; p < kc; p++) {
    __m256d b0 = _mm256_loadu_pd(b);
    __m256d b1 = _mm256_loadu_pd(b + 4);
    __m256d x;
    SOMA_ROW_STEP(0)
    SOMA_ROW_STEP(1)
    SOMA_ROW_STEP(2)
    SOMA_ROW_STEP(3)
    SOMA_ROW_STEP(4)
    SOMA_ROW_STEP(5)
    a += cs;
    b += NR;
  }
  store_row(c, c00, c01, accumulate);
  store_row(c + ldc, c10, c11, accumulate);
  store_row(c + 2 * ldc, c20, c21, accumulate);
  store_row(c + 3 * ldc, c30, c31, accumulate);
  store_row(c + 4 * ldc, c40, c41, accumulate);
  store_row(c + 5 * ldc, c50, c51, accumulate);
}

// Rows one element apart (packed panels, or A stored transposed) get a copy of the
// loop specialised for them, which reaches all six rows at constant offsets from one
// pointer; the general copy steps from row to row by rs.
__attribute__((target("avx2,fma"))) static void kernel_avx2(long kc, const double *a,
                                                            long rs, long cs,
                                                            const double *b, double *c,
                                                            long ldc, int accumulate) {
  if (rs == 1) {
    tile_avx2(kc, a, 1, cs, b, c, ldc, accumulate);
  } else {
    tile_avx2(kc, a, rs, cs, b, c, ldc, accumulate);
  }
}

#undef SOMA_ROW_STEP

static int has_avx2_fma(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}
#endif

static micro_kernel select_kernel(void) {
#if defined(__x86_64__)
  if (has_avx2_fma()) return kernel_avx2;
#endif
  return kernel_portable;
}

const char *soma_dgemm_kernel_name(void) {
  return select_kernel() == kernel_portable ? "portable" : "avx2+fma";
}

static long min_long(long x, long y) { return x < y ? x : y; }

static long round_up(long x, long multiple) { return (x + multiple - 1) / multiple * multiple; }

// Copies rows of an mc×kc block of A into MR-row panels, each stored column by column,
// padding the last panel with zero rows. Element (i, p) of A is a[i * rs + p * cs].
// Full panels get loops of fixed length, which the compiler unrolls.
static void pack_a(long mc, long kc, const double *a, long rs, long cs, double *packed) {
  for (long i = 0; i < mc; i += MR) {
    long rows = min_long(MR, mc - i);
    const double *panel = a + i * rs;
    if (rows == MR && rs == 1) {
      for (long p = 0; p < kc; p++, packed += MR) {
        for (int r = 0; r < MR; r++) packed[r] = panel[p * cs + r];
      }
    } else if (rows == MR) {
      for (long p = 0; p < kc; p++, packed += MR) {
        for (int r = 0; r < MR; r++) packed[r] = panel[r * rs + p * cs];
      }
    } else {
      for (long p = 0; p < kc; p++, packed += MR) {
        for (long r = 0; r < rows; r++) packed[r] = panel[r * rs + p * cs];
        for (long r = rows; r < MR; r++) packed[r] = 0;
      }
    }
  }
}

// Copies a kc×nc block of B into NR-column panels, each stored row by row, padding the
// last panel with zero columns. Element (p, j) of B is b[p * rs + j * cs].
static void pack_b(long kc, long nc, const double *b, long rs, long cs, double *packed) {
  for (long j = 0; j < nc; j += NR, packed += kc * NR) {
    long columns = min_long(NR, nc - j);
    const double *panel = b + j * cs;
    if (columns == NR && cs == 1) {
      for (long p = 0; p < kc; p++) {
        for (int q = 0; q < NR; q++) packed[p * NR + q] = panel[p * rs + q];
      }
      continue;
    }
    if (columns < NR) {
      for (long p = 0; p < kc; p++) {
        for (long q = columns; q < NR; q++) packed[p * NR + q] = 0;
      }
    }
    // Column by column, so a B stored transposed is read along its stored rows.
    for (long q = 0; q < columns; q++) {
      const double *column = panel + q * cs;
      for (long p = 0; p < kc; p++) packed[p * NR + q] = column[p * rs];
    }
  }
}

// The textbook loop. When rows of B are contiguous it runs in i-p-j order, so the
// innermost loop runs along rows of B and C; otherwise each element of C is a dot
// product along a row of A and a stored row of the transposed B.
static void dgemm_simple(long m, long n, long k, const double *a, long ars, long acs,
                         const double *b, long brs, long bcs, double *c, long ldc) {
  for (long i = 0; i < m; i++) {
    double *row = c + i * ldc;
    const double *left = a + i * ars;
    if (bcs == 1) {
      for (long j = 0; j < n; j++) row[j] = 0;
      for (long p = 0; p < k; p++) {
        double x = left[p * acs];
        const double *source = b + p * brs;
        for (long j = 0; j < n; j++) row[j] += x * source[j];
      }
    } else {
      for (long j = 0; j < n; j++) {
        const double *column = b + j * bcs;
        double sum = 0;
        for (long p = 0; p < k; p++) sum += left[p * acs] * column[p * brs];
        row[j] = sum;
      }
    }
  }
}

static double *allocate(long count) {
  size_t bytes = (size_t)round_up(count * (long)sizeof(double), 64);
  return aligned_alloc(64, bytes);
}

void soma_dgemm(long m, long n, long k, const double *a, long ars, long acs, const double *b,
                long brs, long bcs, double *c, long ldc) {
  if (m <= 0 || n <= 0) return;
  if (k <= 0 || m * n * k < small_product) {
    dgemm_simple(m, n, k, a, ars, acs, b, brs, bcs, c, ldc);
    return;
  }

  long kc_max = min_long(KC, k);
  double *packed_a = allocate(min_long(MC, round_up(m, MR)) * kc_max);
  double *packed_b = allocate(min_long(NC, round_up(n, NR)) * kc_max);
  if (packed_a == NULL || packed_b == NULL) {
    free(packed_a);
    free(packed_b);
    dgemm_simple(m, n, k, a, ars, acs, b, brs, bcs, c, ldc);
    return;
  }

  micro_kernel kernel = select_kernel();
  for (long jc = 0; jc < n; jc += NC) {
    long nc = min_long(NC, n - jc);
    for (long pc = 0; pc < k; pc += KC) {
      long kc = min_long(KC, k - pc);
      // The first slice of k writes C, later ones add to it, so C is never read first.
      int accumulate = pc > 0;
      pack_b(kc, nc, b + pc * brs + jc * bcs, brs, bcs, packed_b);
      for (long ic = 0; ic < m; ic += MC) {
        long mc = min_long(MC, m - ic);
        const double *block_a = a + ic * ars + pc * acs;
        // Full panels of A are read in place when C is narrow: each element of A is
        // then used so few times that packing it costs more than it saves. Packed
        // panels keep their offsets, so panel ir is always at packed_a + ir * kc.
        long packed_from = nc <= narrow_columns ? mc - mc % MR : 0;
        pack_a(mc - packed_from, kc, block_a + packed_from * ars, ars, acs,
               packed_a + packed_from * kc);
        for (long jr = 0; jr < nc; jr += NR) {
          long columns = min_long(NR, nc - jr);
          for (long ir = 0; ir < mc; ir += MR) {
            long rows = min_long(MR, mc - ir);
            int in_place = ir < packed_from;
            const double *panel_a = in_place ? block_a + ir * ars : packed_a + ir * kc;
            long rs = in_place ? ars : 1, cs = in_place ? acs : MR;
            const double *panel_b = packed_b + jr * kc;
            double *tile = c + (ic + ir) * ldc + jc + jr;
            if (rows == MR && columns == NR) {
              kernel(kc, panel_a, rs, cs, panel_b, tile, ldc, accumulate);
              continue;
            }
            // An edge tile: compute the full padded tile aside and keep its valid part.
            double edge[MR * NR];
            kernel(kc, panel_a, rs, cs, panel_b, edge, NR, 0);
            for (long r = 0; r < rows; r++) {
              for (long q = 0; q < columns; q++) {
                double value = edge[r * NR + q];
                tile[r * ldc + q] = accumulate ? tile[r * ldc + q] + value : value;
              }
            }
          }
        }
      }
    }
  }
  free(packed_a);
  free(packed_b);
}
