/*
 * Test oracle for the F/D tests: evaluates IEEE 754 operations on the host's
 * x86-64 SSE/FMA hardware (compiled at test time, see oracle.ts) in a chosen
 * rounding mode and reports the result bits and the exception flags in
 * RISC-V fflags order. x86 detects tininess after rounding, as RISC-V does.
 *
 * RISC-V conventions applied on top of the hardware: NaN results become the
 * canonical NaN; FMA raises NV for 0 * inf even with a quiet-NaN addend;
 * float-to-integer conversions saturate per the Unpriv F chapter table.
 *
 * stdin: records of { u32 op, u32 rm, u64 a, u64 b, u64 c } (little-endian);
 * stdout: one { u64 result, u32 flags, u32 zero } per record.
 * op = code | (fmt << 8), fmt 0 = single, 1 = double; rm 0..3 = RNE RTZ RDN RUP.
 */
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
  OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT, OP_FMADD, OP_FMSUB, OP_FNMSUB, OP_FNMADD,
  OP_TO_W, OP_TO_WU, OP_TO_L, OP_TO_LU, OP_FROM_W, OP_FROM_WU, OP_FROM_L, OP_FROM_LU,
  OP_TO_OTHER /* fcvt.s.d for fmt D, fcvt.d.s for fmt S */
};

typedef struct { uint32_t op, rm; uint64_t a, b, c; } Request;
typedef struct { uint64_t result; uint32_t flags, zero; } Response;

static const int modes[4] = { FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD };

static uint32_t flags_now(void) {
  int e = fetestexcept(FE_ALL_EXCEPT);
  uint32_t f = 0;
  if (e & FE_INVALID) f |= 16;
  if (e & FE_DIVBYZERO) f |= 8;
  if (e & FE_OVERFLOW) f |= 4;
  if (e & FE_UNDERFLOW) f |= 2;
  if (e & FE_INEXACT) f |= 1;
  return f;
}

static float f32(uint64_t bits) { uint32_t u = (uint32_t)bits; float f; memcpy(&f, &u, 4); return f; }
static double f64(uint64_t bits) { double d; memcpy(&d, &bits, 8); return d; }
static uint64_t bits32(float f) {
  uint32_t u; memcpy(&u, &f, 4);
  if ((u & 0x7fffffffu) > 0x7f800000u) u = 0x7fc00000u;
  return u;
}
static uint64_t bits64(double d) {
  uint64_t u; memcpy(&u, &d, 8);
  if ((u & 0x7fffffffffffffffull) > 0x7ff0000000000000ull) u = 0x7ff8000000000000ull;
  return u;
}
static int is_nan32(uint64_t b) { return ((uint32_t)b & 0x7fffffffu) > 0x7f800000u; }
static int is_nan64(uint64_t b) { return (b & 0x7fffffffffffffffull) > 0x7ff0000000000000ull; }
static int is_inf32(uint64_t b) { return ((uint32_t)b & 0x7fffffffu) == 0x7f800000u; }
static int is_inf64(uint64_t b) { return (b & 0x7fffffffffffffffull) == 0x7ff0000000000000ull; }
static int is_zero32(uint64_t b) { return ((uint32_t)b & 0x7fffffffu) == 0; }
static int is_zero64(uint64_t b) { return (b & 0x7fffffffffffffffull) == 0; }

/* float -> integer: round with the hardware (rint raises NX), saturate per RISC-V. */
static void to_int(Response *out, int is_nan, double x, int op) {
  static const double lo[4] = { -2147483648.0, 0.0, -9223372036854775808.0, 0.0 };
  static const double end[4] = { 2147483648.0, 4294967296.0, 9223372036854775808.0, 18446744073709551616.0 };
  static const uint64_t sat_lo[4] = { 0xffffffff80000000ull, 0, 0x8000000000000000ull, 0 };
  static const uint64_t sat_hi[4] = { 0x7fffffffull, 0xffffffffffffffffull, 0x7fffffffffffffffull,
                                      0xffffffffffffffffull };
  int k = op - OP_TO_W;
  if (is_nan) { out->result = sat_hi[k]; out->flags = 16; return; }
  feclearexcept(FE_ALL_EXCEPT);
  volatile double r = rint(x);
  uint32_t f = flags_now();
  if (r < lo[k]) { out->result = sat_lo[k]; out->flags = 16; return; }
  if (r >= end[k]) { out->result = sat_hi[k]; out->flags = 16; return; }
  out->flags = f & 1;
  switch (op) {
    case OP_TO_W: out->result = (uint64_t)(int64_t)(int32_t)r; break;
    case OP_TO_WU: out->result = (uint64_t)(int64_t)(int32_t)(uint32_t)r; break;
    case OP_TO_L: out->result = (uint64_t)(int64_t)r; break;
    default: out->result = (uint64_t)r; break;
  }
}

static void eval32(const Request *q, Response *out) {
  int op = q->op & 0xff;
  uint64_t a = q->a, b = q->b, c = q->c;
  if (op == OP_TO_W || op == OP_TO_WU || op == OP_TO_L || op == OP_TO_LU) {
    to_int(out, is_nan32(a), (double)f32(a), op);
    return;
  }
  if (op == OP_FMSUB || op == OP_FNMADD) c ^= 0x80000000u;
  if (op == OP_FNMSUB || op == OP_FNMADD) a ^= 0x80000000u;
  volatile float va = f32(a), vb = f32(b), vc = f32(c);
  volatile int32_t iw = (int32_t)a;
  volatile uint32_t iwu = (uint32_t)a;
  volatile int64_t il = (int64_t)a;
  volatile uint64_t ilu = a;
  volatile float r = 0;
  volatile double rd = 0;
  feclearexcept(FE_ALL_EXCEPT);
  switch (op) {
    case OP_ADD: r = va + vb; break;
    case OP_SUB: r = va - vb; break;
    case OP_MUL: r = va * vb; break;
    case OP_DIV: r = va / vb; break;
    case OP_SQRT: r = sqrtf(va); break;
    case OP_FMADD: case OP_FMSUB: case OP_FNMSUB: case OP_FNMADD: r = fmaf(va, vb, vc); break;
    case OP_FROM_W: r = (float)iw; break;
    case OP_FROM_WU: r = (float)iwu; break;
    case OP_FROM_L: r = (float)il; break;
    case OP_FROM_LU: r = (float)ilu; break;
    case OP_TO_OTHER: rd = (double)va; break;
  }
  out->flags = flags_now();
  out->result = op == OP_TO_OTHER ? bits64(rd) : bits32(r);
  if (op >= OP_FMADD && op <= OP_FNMADD &&
      ((is_inf32(a) && is_zero32(b)) || (is_zero32(a) && is_inf32(b))))
    out->flags |= 16;
}

static void eval64(const Request *q, Response *out) {
  int op = q->op & 0xff;
  uint64_t a = q->a, b = q->b, c = q->c;
  const uint64_t sign = 0x8000000000000000ull;
  if (op == OP_TO_W || op == OP_TO_WU || op == OP_TO_L || op == OP_TO_LU) {
    to_int(out, is_nan64(a), f64(a), op);
    return;
  }
  if (op == OP_FMSUB || op == OP_FNMADD) c ^= sign;
  if (op == OP_FNMSUB || op == OP_FNMADD) a ^= sign;
  volatile double va = f64(a), vb = f64(b), vc = f64(c);
  volatile int32_t iw = (int32_t)a;
  volatile uint32_t iwu = (uint32_t)a;
  volatile int64_t il = (int64_t)a;
  volatile uint64_t ilu = a;
  volatile double r = 0;
  volatile float rs = 0;
  feclearexcept(FE_ALL_EXCEPT);
  switch (op) {
    case OP_ADD: r = va + vb; break;
    case OP_SUB: r = va - vb; break;
    case OP_MUL: r = va * vb; break;
    case OP_DIV: r = va / vb; break;
    case OP_SQRT: r = sqrt(va); break;
    case OP_FMADD: case OP_FMSUB: case OP_FNMSUB: case OP_FNMADD: r = fma(va, vb, vc); break;
    case OP_FROM_W: r = (double)iw; break;
    case OP_FROM_WU: r = (double)iwu; break;
    case OP_FROM_L: r = (double)il; break;
    case OP_FROM_LU: r = (double)ilu; break;
    case OP_TO_OTHER: rs = (float)va; break;
  }
  out->flags = flags_now();
  out->result = op == OP_TO_OTHER ? bits32(rs) : bits64(r);
  if (op >= OP_FMADD && op <= OP_FNMADD &&
      ((is_inf64(a) && is_zero64(b)) || (is_zero64(a) && is_inf64(b))))
    out->flags |= 16;
}

int main(void) {
  size_t cap = 1 << 20, len = 0;
  unsigned char *in = malloc(cap);
  size_t n;
  while ((n = fread(in + len, 1, cap - len, stdin)) > 0) {
    len += n;
    if (len == cap) in = realloc(in, cap *= 2);
  }
  size_t count = len / sizeof(Request);
  Response *out = calloc(count ? count : 1, sizeof(Response));
  for (size_t i = 0; i < count; i++) {
    Request q;
    memcpy(&q, in + i * sizeof(Request), sizeof q);
    if (q.rm > 3) { fprintf(stderr, "oracle: rounding mode %u not available on x86\n", q.rm); return 2; }
    fesetround(modes[q.rm]);
    if ((q.op >> 8) == 0) eval32(&q, &out[i]); else eval64(&q, &out[i]);
  }
  fesetround(FE_TONEAREST);
  fwrite(out, sizeof(Response), count, stdout);
  return 0;
}
