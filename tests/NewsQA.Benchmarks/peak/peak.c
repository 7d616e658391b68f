// Compute peak of this CPU for the two kernels the embedder's GEMMs use (issue 16, roofline), with the widest
// instructions the build targets (bench.sh picks the flags from /proc/cpuinfo, as ONNX Runtime's MLAS picks its
// kernels at run time):
//   fp32: FMA, 2 FLOPs per lane (vfmadd231ps: 16 lanes with AVX-512, 8 with AVX2)
//   int8: u8 x s8 -> s32 multiply-adds, 8 ops per 32-bit lane: vpdpbusd (AVX-512 VNNI, 16 lanes; AVX-VNNI, 8 lanes),
//         or, without VNNI, vpmaddubsw + vpmaddwd + vpaddd (AVX2, 8 lanes, three instructions: MLAS's AVX2 U8S8
//         kernel does the same; vpmaddubsw saturates at s16, which a peak loop does not care about)
// Register-only loops with 12 independent accumulators (more than FMA latency x ports), so the figure is the
// instruction throughput ceiling: no GEMM reaches it, every GEMM is bounded by it.
// usage: peak SECONDS THREADS   -> prints "isa NAME", "fp32 GFLOPS" and "int8 GOPS" (sum over threads)
// Both inner loops are fully unrolled (pragma) so the accumulators live in registers, not in the stack array.
// build: gcc -O2 -mavx512f -mavx512vnni | -mavx2 -mfma -mavxvnni | -mavx2 -mfma   -pthread peak.c -o peak
#include <immintrin.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define ACC 12
#define INNER 1000

#if defined(__AVX512F__) && defined(__AVX512VNNI__)
#define ISA "avx512-vnni"
#define LANES 16
typedef __m512 vf; typedef __m512i vi;
#define SET1_PS _mm512_set1_ps
#define FMA_PS _mm512_fmadd_ps
#define SET1_EPI32 _mm512_set1_epi32
#define SET1_EPI8 _mm512_set1_epi8
#define DOT_U8S8(acc, a, b) _mm512_dpbusd_epi32(acc, a, b)
static float sum_ps(vf v) { return _mm512_reduce_add_ps(v); }
static long sum_epi32(vi v) { return _mm512_reduce_add_epi32(v); }
#else
#define LANES 8
typedef __m256 vf; typedef __m256i vi;
#define SET1_PS _mm256_set1_ps
#define FMA_PS _mm256_fmadd_ps
#define SET1_EPI32 _mm256_set1_epi32
#define SET1_EPI8 _mm256_set1_epi8
#if defined(__AVXVNNI__)
#define ISA "avx-vnni"
#define DOT_U8S8(acc, a, b) _mm256_dpbusd_avx_epi32(acc, a, b)
#else
#define ISA "avx2"
static const short one16 = 1;
#define DOT_U8S8(acc, a, b) _mm256_add_epi32(acc, _mm256_madd_epi16(_mm256_maddubs_epi16(a, b), _mm256_set1_epi16(one16)))
#endif
static float sum_ps(vf v) { float x[8]; _mm256_storeu_ps(x, v); float s = 0; for (int i = 0; i < 8; i++) s += x[i]; return s; }
static long sum_epi32(vi v) { int x[8]; _mm256_storeu_si256((__m256i *)x, v); long s = 0; for (int i = 0; i < 8; i++) s += x[i]; return s; }
#endif

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

typedef struct { int kind; double seconds; double ops; float sink; } job;

static void *run(void *arg) {
  job *j = arg;
  double start = now(), end = start + j->seconds;
  long iters = 0;
  if (j->kind == 0) {
    vf acc[ACC];
    for (int i = 0; i < ACC; i++) acc[i] = SET1_PS((float)i);
    const vf a = SET1_PS(0.999f), b = SET1_PS(1e-4f);
    do {
      for (int n = 0; n < INNER; n++)
#pragma GCC unroll 12
        for (int i = 0; i < ACC; i++) acc[i] = FMA_PS(acc[i], a, b);
      iters++;
    } while (now() < end);
    float s = 0; for (int i = 0; i < ACC; i++) s += sum_ps(acc[i]);
    j->sink = s;
    j->ops = (double)iters * INNER * ACC * LANES * 2;
  } else {
    vi acc[ACC];
    for (int i = 0; i < ACC; i++) acc[i] = SET1_EPI32(i);
    const vi a = SET1_EPI8(3), b = SET1_EPI8(-2);
    do {
      for (int n = 0; n < INNER; n++)
#pragma GCC unroll 12
        for (int i = 0; i < ACC; i++) acc[i] = DOT_U8S8(acc[i], a, b);
      iters++;
    } while (now() < end);
    long s = 0; for (int i = 0; i < ACC; i++) s += sum_epi32(acc[i]);
    j->sink = (float)s;
    j->ops = (double)iters * INNER * ACC * LANES * 8;
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
  printf("isa %s\nfp32_gflops %.1f\nint8_gops %.1f\n", ISA, fp, i8);
  return 0;
}
