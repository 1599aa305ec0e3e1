# RV64F single-precision arithmetic, sign injection, moves, loads/stores and
# compares (Unpriv §20). Expected values are IEEE 754 results (checked against
# an exact rational model); NaN results are always the canonical NaN
# (Unpriv §20.3). All cases run with frm = RNE.
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  # ---- FADD / FSUB (IEEE 754 addition, correctly rounded; here frm = RNE).
  TEST_S2 1, fadd.s, rne, 0x40400000, 0, 0x3f800000, 0x40000000                          # Unpriv §20.6: FADD exact sum, no flags
  TEST_S2 2, fadd.s, rne, 0x3f800000, NX, 0x3f800000, 0x33800000                         # Unpriv §20.6: FADD halfway case rounds to even (1.0), NX
  TEST_S2 3, fadd.s, rne, 0x3f800001, NX, 0x3f800000, 0x33c00000                         # Unpriv §20.6: FADD above halfway rounds up, NX
  TEST_S2 4, fadd.s, rne, 0x00000000, 0, 0x40200000, 0xc0200000                          # Unpriv §20.6: x + -x is +0 in RNE, exact
  TEST_S2 5, fadd.s, rne, 0x80000000, 0, 0x80000000, 0x80000000                          # Unpriv §20.6: -0 + -0 = -0
  TEST_S2 6, fadd.s, rne, 0x00000000, 0, 0x80000000, 0x00000000                          # Unpriv §20.6: -0 + +0 = +0 in RNE
  TEST_S2 7, fadd.s, rne, 0x7fc00000, NV, 0x7f800000, 0xff800000                         # Unpriv §20.3: inf + -inf is invalid: canonical NaN, NV
  TEST_S2 8, fadd.s, rne, 0x7f800000, 0, 0x7f800000, 0x7f7fffff                          # Unpriv §20.6: inf + finite = inf, exact
  TEST_S2 9, fadd.s, rne, 0x7fc00000, 0, 0x7fc00000, 0x3f800000                          # Unpriv §20.3: a quiet NaN operand gives the canonical NaN, no flag
  TEST_S2 10, fadd.s, rne, 0x7fc00000, NV, 0x3f800000, 0x7f800001                        # Unpriv §20.3: a signaling NaN operand raises NV, result canonical NaN
  TEST_S2 11, fadd.s, rne, 0x7fc00000, 0, 0xffc01234, 0x3f800000                         # Unpriv §20.3: NaN payloads and signs are not propagated
  TEST_S2 12, fadd.s, rne, 0x7f800000, OF|NX, 0x7f7fffff, 0x7f7fffff                     # Unpriv §20.6: overflow gives inf with OF and NX
  TEST_S2 13, fadd.s, rne, 0x00800000, 0, 0x00000001, 0x007fffff                         # Unpriv §20.4: subnormal + subnormal = min normal, exact (no UF)
  TEST_S2 14, fsub.s, rne, 0x3fc00000, 0, 0x40400000, 0x3fc00000                         # Unpriv §20.6: FSUB
  TEST_S2 15, fsub.s, rne, 0x00000000, 0, 0x3f800000, 0x3f800000                         # Unpriv §20.6: x - x = +0 in RNE
  TEST_S2 16, fsub.s, rne, 0x7fc00000, NV, 0x7f800000, 0x7f800000                        # Unpriv §20.3: inf - inf is invalid, NV
  TEST_S2 17, fsub.s, rne, 0x80000000, 0, 0x80000000, 0x00000000                         # Unpriv §20.6: -0 - +0 = -0
  TEST_S2 18, fsub.s, rne, 0x3f800000, NX, 0x3f800000, 0x33000000                        # Unpriv §20.6: 1 - ulp/4 rounds back to 1, NX
  # ---- FMUL.
  TEST_S2 19, fmul.s, rne, 0xc1200000, 0, 0x40200000, 0xc0800000                         # Unpriv §20.6: FMUL exact, sign is the XOR
  TEST_S2 20, fmul.s, rne, 0x80000000, 0, 0x80000000, 0x40a00000                         # Unpriv §20.6: -0 * 5 = -0
  TEST_S2 21, fmul.s, rne, 0x7fc00000, NV, 0x00000000, 0xff800000                        # Unpriv §20.3: 0 * inf is invalid, NV
  TEST_S2 22, fmul.s, rne, 0x7f800000, 0, 0xff800000, 0xc0000000                         # Unpriv §20.6: -inf * -2 = +inf, exact
  TEST_S2 23, fmul.s, rne, 0x3f800002, NX, 0x3f800001, 0x3f800001                        # Unpriv §20.6: (1+ulp)^2 drops ulp^2, NX
  TEST_S2 24, fmul.s, rne, 0x00002000, 0, 0x05800000, 0x35800000                         # Unpriv §20.4: an exact subnormal product raises no UF
  TEST_S2 25, fmul.s, rne, 0x00000002, UF|NX, 0x00000018, 0x3d800000                     # Unpriv §20.4: tiny and inexact: UF and NX
  TEST_S2 26, fmul.s, rne, 0x00000000, UF|NX, 0x00000001, 0x00000001                     # Unpriv §20.4: underflow to +0: UF and NX
  TEST_S2 27, fmul.s, rne, 0xff800000, OF|NX, 0x7f7fffff, 0xc0000000                     # Unpriv §20.6: overflow to -inf: OF and NX
  # ---- FDIV.
  TEST_S2 28, fdiv.s, rne, 0x40000000, 0, 0x40c00000, 0x40400000                         # Unpriv §20.6: FDIV exact quotient, no flags
  TEST_S2 29, fdiv.s, rne, 0x3eaaaaab, NX, 0x3f800000, 0x40400000                        # Unpriv §20.6: 1/3 correctly rounded, NX
  TEST_S2 30, fdiv.s, rne, 0xbf2aaaab, NX, 0xc0000000, 0x40400000                        # Unpriv §20.6: -2/3 correctly rounded, NX
  TEST_S2 31, fdiv.s, rne, 0x7f800000, DZ, 0x3f800000, 0x00000000                        # Unpriv §20.6: finite / +0 = +inf with DZ
  TEST_S2 32, fdiv.s, rne, 0xff800000, DZ, 0x3f800000, 0x80000000                        # Unpriv §20.6: finite / -0 = -inf with DZ
  TEST_S2 33, fdiv.s, rne, 0x7f800000, 0, 0x7f800000, 0x00000000                         # Unpriv §20.6: inf / 0 = inf, no DZ (only finite nonzero / 0 divides by zero)
  TEST_S2 34, fdiv.s, rne, 0x7fc00000, NV, 0x00000000, 0x00000000                        # Unpriv §20.3: 0 / 0 is invalid, NV (not DZ)
  TEST_S2 35, fdiv.s, rne, 0x7fc00000, NV, 0x7f800000, 0xff800000                        # Unpriv §20.3: inf / inf is invalid, NV
  TEST_S2 36, fdiv.s, rne, 0x80000000, 0, 0x00000000, 0xc0a00000                         # Unpriv §20.6: 0 / -5 = -0, exact
  TEST_S2 37, fdiv.s, rne, 0x80000000, 0, 0x40e00000, 0xff800000                         # Unpriv §20.6: finite / inf = -0, exact
  TEST_S2 38, fdiv.s, rne, 0x7f800000, OF|NX, 0x7f7fffff, 0x3f000000                     # Unpriv §20.6: quotient overflow: OF and NX
  TEST_S2 39, fdiv.s, rne, 0x002aaaab, UF|NX, 0x00800000, 0x40400000                     # Unpriv §20.4: tiny inexact quotient: UF and NX
  TEST_S2 40, fdiv.s, rne, 0x7fc00000, NV, 0x7f800001, 0x00000000                        # Unpriv §20.3: sNaN / 0 raises NV only (no DZ)
  # ---- FSQRT.
  TEST_S1 41, fsqrt.s, rne, 0x3fc00000, 0, 0x40100000                                    # Unpriv §20.6: FSQRT exact root, no flags
  TEST_S1 42, fsqrt.s, rne, 0x3fb504f3, NX, 0x40000000                                   # Unpriv §20.6: sqrt(2) correctly rounded, NX
  TEST_S1 43, fsqrt.s, rne, 0x3fddb3d7, NX, 0x40400000                                   # Unpriv §20.6: sqrt(3) correctly rounded, NX
  TEST_S1 44, fsqrt.s, rne, 0x7fc00000, NV, 0xbf800000                                   # Unpriv §20.3: sqrt of a negative number is invalid, NV
  TEST_S1 45, fsqrt.s, rne, 0x80000000, 0, 0x80000000                                    # Unpriv §20.6: sqrt(-0) = -0, no flags
  TEST_S1 46, fsqrt.s, rne, 0x7f800000, 0, 0x7f800000                                    # Unpriv §20.6: sqrt(+inf) = +inf
  TEST_S1 47, fsqrt.s, rne, 0x7fc00000, NV, 0xff800000                                   # Unpriv §20.3: sqrt(-inf) is invalid, NV
  TEST_S1 48, fsqrt.s, rne, 0x7fc00000, 0, 0x7fc00005                                    # Unpriv §20.3: sqrt(qNaN) is the canonical NaN, no flag
  TEST_S1 49, fsqrt.s, rne, 0x7fc00000, NV, 0x7f800001                                   # Unpriv §20.3: sqrt(sNaN) raises NV
  TEST_S1 50, fsqrt.s, rne, 0x1a3504f3, NX, 0x00000001                                   # Unpriv §20.4: sqrt of the smallest subnormal is a normal number (no UF)
  TEST_S1 51, fsqrt.s, rne, 0x1f000000, 0, 0x00080000                                    # Unpriv §20.4: sqrt of a subnormal power of 4 is exact
  # ---- Sign injection: bit operations, no flags, NaNs untouched.
  TEST_S2 52, fsgnj.s, , 0xbf800000, 0, 0x3f800000, 0xc0000000                           # Unpriv §20.7: FSGNJ takes the sign of rs2
  TEST_S2 53, fsgnj.s, , 0x3f800000, 0, 0xbf800000, 0x40000000                           # Unpriv §20.7: FSGNJ takes the sign of rs2
  TEST_S2 54, fsgnjn.s, , 0xc0400000, 0, 0x40400000, 0x40400000                          # Unpriv §20.7: FSGNJN rs, rs is FNEG
  TEST_S2 55, fsgnjn.s, , 0xc0400000, 0, 0xc0400000, 0x40a00000                          # Unpriv §20.7: FSGNJN takes the opposite of rs2's sign
  TEST_S2 56, fsgnjx.s, , 0x40400000, 0, 0xc0400000, 0xc0400000                          # Unpriv §20.7: FSGNJX rs, rs is FABS
  TEST_S2 57, fsgnjx.s, , 0xc0400000, 0, 0xc0400000, 0x40400000                          # Unpriv §20.7: FSGNJX XORs the signs
  TEST_S2 58, fsgnj.s, , 0xff800001, 0, 0x7f800001, 0xbf800000                           # Unpriv §20.7: sign injection keeps a NaN's payload and raises no NV
  TEST_S2 59, fsgnjn.s, , 0x7f800000, 0, 0xff800000, 0x80000000                          # Unpriv §20.7: FSGNJN on infinities
  # ---- Comparisons: FEQ is quiet, FLT/FLE signal on any NaN.
  TEST_F_CMP 60, feq.s, s, 1, 0, 0x3f800000, 0x3f800000                                  # Unpriv §20.8: FEQ equal
  TEST_F_CMP 61, feq.s, s, 1, 0, 0x80000000, 0x00000000                                  # Unpriv §20.8: FEQ -0 == +0
  TEST_F_CMP 62, feq.s, s, 0, 0, 0x7fc00000, 0x7fc00000                                  # Unpriv §20.8: FEQ NaN is unordered (0); quiet NaN raises nothing
  TEST_F_CMP 63, feq.s, s, 0, NV, 0x7f800001, 0x3f800000                                 # Unpriv §20.8: FEQ with a signaling NaN raises NV
  TEST_F_CMP 64, flt.s, s, 1, 0, 0xbf800000, 0x3f800000                                  # Unpriv §20.8: FLT true
  TEST_F_CMP 65, flt.s, s, 0, 0, 0x80000000, 0x00000000                                  # Unpriv §20.8: FLT -0 < +0 is false
  TEST_F_CMP 66, flt.s, s, 1, 0, 0xff800000, 0xff7fffff                                  # Unpriv §20.8: FLT -inf < -max
  TEST_F_CMP 67, flt.s, s, 0, NV, 0x7fc00000, 0x3f800000                                 # Unpriv §20.8: FLT with a quiet NaN gives 0 and raises NV
  TEST_F_CMP 68, fle.s, s, 1, 0, 0x80000000, 0x00000000                                  # Unpriv §20.8: FLE -0 <= +0
  TEST_F_CMP 69, fle.s, s, 0, 0, 0x40000000, 0x3f800000                                  # Unpriv §20.8: FLE false
  TEST_F_CMP 70, fle.s, s, 0, NV, 0x3f800000, 0x7fc00000                                 # Unpriv §20.8: FLE with a quiet NaN gives 0 and raises NV
  TEST_F_CMP 71, fle.s, s, 1, 0, 0x00000001, 0x00000001                                  # Unpriv §20.8: FLE on equal subnormals

  # ---- Moves and loads/stores copy bits: no rounding, no NaN canonicalization, no flags.
  CASE 72                                                        # Unpriv §20.7: FMV.X.W sign-extends bit 31 of the single
  li a0, 0x80000001
  fmv.w.x fa0, a0
  fmv.x.w a1, fa0
  CHECK a1, 0xffffffff80000001
  CASE 73                                                        # Unpriv §20.7: FMV.W.X takes x[31:0] and NaN-boxes it (Unpriv §21.2)
  li a0, 0x123456783f800000
  fmv.w.x fa0, a0
  fmv.x.d a1, fa0
  CHECK a1, 0xffffffff3f800000
  CASE 74                                                        # Unpriv §20.7: FMV.W.X / FMV.X.W keep a signaling NaN and raise no flag
  csrwi fflags, 0
  li a0, 0x7f800001
  fmv.w.x fa0, a0
  fmv.x.w a1, fa0
  CHECK a1, 0x7f800001
  CHECK_CSR fflags, 0
  CASE 75                                                        # Unpriv §20.5: FLW NaN-boxes and keeps the bits; FSW stores the 32 bits unchanged
  csrwi fflags, 0
  la a0, fpdata
  flw fa1, 0(a0)
  fmv.x.d a1, fa1
  CHECK a1, 0xffffffff7f800001
  fsw fa1, 8(a0)
  ld a2, 8(a0)
  CHECK a2, 0x5a5a5a5a7f800001
  CHECK_CSR fflags, 0

RVHV_CODE_END

  .data
  .balign 16
fpdata:
  .word 0x7f800001, 0
  .word 0x11111111, 0x5a5a5a5a
