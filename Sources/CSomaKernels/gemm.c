#include "CSomaKernels.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

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

// Adds (or stores, when accumulate is 0) the product of an MR-row panel of A and an
// NR-column panel of B, both packed and kc deep, into the tile at c with row stride ldc.
typedef void (*micro_kernel)(long kc, const double *a, const double *b, double *c, long ldc,
                             int accumulate);

static void kernel_portable(long kc, const double *a, const double *b, double *c, long ldc,
                            int accumulate) {
  double tile[MR][NR] = {{0}};
  for (long p = 0; p < kc; p++) {
    for (int r = 0; r < MR; r++) {
      double x = a[p * MR + r];
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

// One step of the inner loop for row r: broadcast a[r] and multiply-add it into both
// halves of that row of the tile.
#define SOMA_ROW_STEP(r)                          \
  x = _mm256_broadcast_sd(a + r);                 \
  c##r##0 = _mm256_fmadd_pd(x, b0, c##r##0);      \
  c##r##1 = _mm256_fmadd_pd(x, b1, c##r##1);

__attribute__((target("avx2,fma"))) static void kernel_avx2(long kc, const double *a,
                                                            const double *b, double *c,
                                                            long ldc, int accumulate) {
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
    a += MR;
    b += NR;
  }
  store_row(c, c00, c01, accumulate);
  store_row(c + ldc, c10, c11, accumulate);
  store_row(c + 2 * ldc, c20, c21, accumulate);
  store_row(c + 3 * ldc, c30, c31, accumulate);
  store_row(c + 4 * ldc, c40, c41, accumulate);
  store_row(c + 5 * ldc, c50, c51, accumulate);
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
// padding the last panel with zero rows.
static void pack_a(long mc, long kc, const double *a, long lda, double *packed) {
  for (long i = 0; i < mc; i += MR) {
    long rows = min_long(MR, mc - i);
    for (long p = 0; p < kc; p++) {
      for (long r = 0; r < rows; r++) packed[r] = a[(i + r) * lda + p];
      for (long r = rows; r < MR; r++) packed[r] = 0;
      packed += MR;
    }
  }
}

// Copies a kc×nc block of B into NR-column panels, each stored row by row, padding the
// last panel with zero columns.
static void pack_b(long kc, long nc, const double *b, long ldb, double *packed) {
  for (long j = 0; j < nc; j += NR) {
    long columns = min_long(NR, nc - j);
    for (long p = 0; p < kc; p++) {
      const double *row = b + p * ldb + j;
      for (long q = 0; q < columns; q++) packed[q] = row[q];
      for (long q = columns; q < NR; q++) packed[q] = 0;
      packed += NR;
    }
  }
}

// The textbook loop in i-p-j order, so the innermost loop runs along rows of B and C.
static void dgemm_simple(long m, long n, long k, const double *a, long lda, const double *b,
                         long ldb, double *c, long ldc) {
  for (long i = 0; i < m; i++) {
    double *row = c + i * ldc;
    for (long j = 0; j < n; j++) row[j] = 0;
    for (long p = 0; p < k; p++) {
      double x = a[i * lda + p];
      const double *source = b + p * ldb;
      for (long j = 0; j < n; j++) row[j] += x * source[j];
    }
  }
}

static double *allocate(long count) {
  size_t bytes = (size_t)round_up(count * (long)sizeof(double), 64);
  return aligned_alloc(64, bytes);
}

// The most threads one product uses.
enum { MAX_THREADS = 64 };

// One slice of the product: columns jc..<jc+nc of C, accumulated over rows pc..<pc+kc
// of B, which has been packed once into packed_b for all threads. The slice is cut
// into units, a block of at most MC rows by a chunk of columns, that the threads take
// from a shared counter until none is left, so a thread slowed by other work on the
// machine simply takes fewer units.
typedef struct {
  micro_kernel kernel;
  const double *a;
  long lda;
  double *c;
  long ldc;
  const double *packed_b;
  long m, jc, nc, pc, kc;
  int accumulate;
  long chunk, chunks, units;
  atomic_long next_unit;
} slice;

typedef struct {
  slice *work;
  double *packed_a;
} worker;

// Multiplies the packed block of A (mc rows starting at row ic) by the packed panels of
// B for columns j0..<j1 of the slice, tile by tile.
static void multiply_block(const slice *w, long ic, long mc, long j0, long j1,
                           const double *packed_a) {
  long kc = w->kc;
  for (long jr = j0; jr < j1; jr += NR) {
    long columns = min_long(NR, j1 - jr);
    for (long ir = 0; ir < mc; ir += MR) {
      long rows = min_long(MR, mc - ir);
      const double *panel_a = packed_a + ir * kc;
      const double *panel_b = w->packed_b + jr * kc;
      double *tile = w->c + (ic + ir) * w->ldc + w->jc + jr;
      if (rows == MR && columns == NR) {
        w->kernel(kc, panel_a, panel_b, tile, w->ldc, w->accumulate);
        continue;
      }
      // An edge tile: compute the full padded tile aside and keep its valid part.
      double edge[MR * NR];
      w->kernel(kc, panel_a, panel_b, edge, NR, 0);
      for (long r = 0; r < rows; r++) {
        for (long q = 0; q < columns; q++) {
          double value = edge[r * NR + q];
          tile[r * w->ldc + q] = w->accumulate ? tile[r * w->ldc + q] + value : value;
        }
      }
    }
  }
}

static void *run_worker(void *argument) {
  worker *self = argument;
  slice *w = self->work;
  for (;;) {
    long unit = atomic_fetch_add(&w->next_unit, 1);
    if (unit >= w->units) return NULL;
    long ic = unit / w->chunks * MC;
    long j0 = unit % w->chunks * w->chunk;
    long mc = min_long(MC, w->m - ic);
    pack_a(mc, w->kc, w->a + ic * w->lda + w->pc, w->lda, self->packed_a);
    multiply_block(w, ic, mc, j0, min_long(j0 + w->chunk, w->nc), self->packed_a);
  }
}

// Splits the slice into units: one per block of rows, and when there are too few of
// those to keep every thread busy, also into chunks of whole column panels.
static void plan_units(slice *w, long threads) {
  long row_blocks = (w->m + MC - 1) / MC;
  long panels = (w->nc + NR - 1) / NR;
  long wanted = threads > 1 ? (2 * threads + row_blocks - 1) / row_blocks : 1;
  long chunks = wanted < panels ? wanted : panels;
  w->chunk = (panels + chunks - 1) / chunks * NR;
  w->chunks = (w->nc + w->chunk - 1) / w->chunk;
  w->units = row_blocks * w->chunks;
}

void soma_dgemm(long m, long n, long k, const double *a, long lda, const double *b, long ldb,
                double *c, long ldc, long threads) {
  if (m <= 0 || n <= 0) return;
  // In floating point, as m·n·k can exceed the range of long.
  if (k <= 0 || (double)m * (double)n * (double)k < (double)small_product) {
    dgemm_simple(m, n, k, a, lda, b, ldb, c, ldc);
    return;
  }
  threads = threads < 1 ? 1 : (threads > MAX_THREADS ? MAX_THREADS : threads);

  long kc_max = min_long(KC, k);
  double *packed_b = allocate(min_long(NC, round_up(n, NR)) * kc_max);
  worker workers[MAX_THREADS];
  slice work = {.kernel = select_kernel(), .a = a, .lda = lda, .c = c, .ldc = ldc, .m = m};
  long ready = 0;
  while (ready < threads) {
    double *packed_a = allocate(min_long(MC, round_up(m, MR)) * kc_max);
    if (packed_a == NULL) break;
    workers[ready++] = (worker){.work = &work, .packed_a = packed_a};
  }
  // Without memory for packing, fall back to the unblocked loop rather than fail.
  if (packed_b == NULL || ready == 0) {
    for (long t = 0; t < ready; t++) free(workers[t].packed_a);
    free(packed_b);
    dgemm_simple(m, n, k, a, lda, b, ldb, c, ldc);
    return;
  }

  work.packed_b = packed_b;
  for (long jc = 0; jc < n; jc += NC) {
    for (long pc = 0; pc < k; pc += KC) {
      work.jc = jc;
      work.nc = min_long(NC, n - jc);
      work.pc = pc;
      work.kc = min_long(KC, k - pc);
      // The first slice of k writes C, later ones add to it, so C is never read first.
      work.accumulate = pc > 0;
      pack_b(work.kc, work.nc, b + pc * ldb + jc, ldb, packed_b);
      plan_units(&work, ready);
      atomic_store(&work.next_unit, 0);

      // The calling thread works too; a helper that fails to start leaves its units
      // to the others.
      pthread_t helpers[MAX_THREADS];
      int started[MAX_THREADS] = {0};
      for (long t = 1; t < ready; t++) {
        started[t] = pthread_create(&helpers[t], NULL, run_worker, &workers[t]) == 0;
      }
      run_worker(&workers[0]);
      for (long t = 1; t < ready; t++) {
        if (started[t]) pthread_join(helpers[t], NULL);
      }
    }
  }
  for (long t = 0; t < ready; t++) free(workers[t].packed_a);
  free(packed_b);
}
