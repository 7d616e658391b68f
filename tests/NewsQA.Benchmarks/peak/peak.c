// Compute peak of this CPU for the two kernels the embedder's GEMMs use (issue 16, roofline):
//   fp32: AVX-512 FMA (vfmadd231ps zmm), 2 FLOPs per lane, 16 lanes
//   int8: AVX-512 VNNI (vpdpbusd zmm), u8 x s8 -> s32, 4 multiply-adds per 32-bit lane = 8 ops per lane, 16 lanes
// Register-only loops with 12 independent accumulators (more than FMA latency x ports), so the figure is the
// instruction throughput ceiling: no GEMM reaches it, every GEMM is bounded by it.
// usage: peak SECONDS THREADS   -> prints "fp32 GFLOPS" and "int8 GOPS" (sum over threads)
// Both inner loops are fully unrolled (pragma) so the accumulators live in registers, not in the stack array.
// build: gcc -O2 -mavx512f -mavx512vnni -pthread peak.c -o peak
#include <immintrin.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define ACC 12
#define INNER 1000

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

typedef struct { int kind; double seconds; double ops; float sink; } job;

static void *run(void *arg) {
  job *j = arg;
  double start = now(), end = start + j->seconds;
  long iters = 0;
  if (j->kind == 0) {
    __m512 acc[ACC];
    for (int i = 0; i < ACC; i++) acc[i] = _mm512_set1_ps((float)i);
    const __m512 a = _mm512_set1_ps(0.999f), b = _mm512_set1_ps(1e-4f);
    do {
      for (int n = 0; n < INNER; n++)
#pragma GCC unroll 12
        for (int i = 0; i < ACC; i++) acc[i] = _mm512_fmadd_ps(acc[i], a, b);
      iters++;
    } while (now() < end);
    float s = 0; for (int i = 0; i < ACC; i++) s += _mm512_reduce_add_ps(acc[i]);
    j->sink = s;
    j->ops = (double)iters * INNER * ACC * 16 * 2;
  } else {
    __m512i acc[ACC];
    for (int i = 0; i < ACC; i++) acc[i] = _mm512_set1_epi32(i);
    const __m512i a = _mm512_set1_epi8(3), b = _mm512_set1_epi8(-2);
    do {
      for (int n = 0; n < INNER; n++)
#pragma GCC unroll 12
        for (int i = 0; i < ACC; i++) acc[i] = _mm512_dpbusd_epi32(acc[i], a, b);
      iters++;
    } while (now() < end);
    long s = 0; for (int i = 0; i < ACC; i++) s += _mm512_reduce_add_epi32(acc[i]);
    j->sink = (float)s;
    j->ops = (double)iters * INNER * ACC * 16 * 8;
  }
  j->seconds = now() - start;
  return NULL;
}

static double measure(int kind, double seconds, int threads) {
  pthread_t t[64]; job j[64];
  for (int i = 0; i < threads; i++) { j[i] = (job){ kind, seconds, 0, 0 }; pthread_create(&t[i], NULL, run, &j[i]); }
  double total = 0;
  for (int i = 0; i < threads; i++) { pthread_join(t[i], NULL); total += j[i].ops / j[i].seconds; }
  return total / 1e9;
}

int main(int argc, char **argv) {
  double seconds = argc > 1 ? atof(argv[1]) : 1.0;
  int threads = argc > 2 ? atoi(argv[2]) : 1;
  if (threads < 1 || threads > 64) return 2;
  // Best of three: a loaded machine can only make a run slower, never faster.
  double fp = 0, i8 = 0;
  for (int r = 0; r < 3; r++) {
    double f = measure(0, seconds, threads), q = measure(1, seconds, threads);
    if (f > fp) fp = f;
    if (q > i8) i8 = q;
  }
  printf("fp32_gflops %.1f\nint8_gops %.1f\n", fp, i8);
  return 0;
}
