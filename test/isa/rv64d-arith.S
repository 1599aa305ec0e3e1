# RV64D double-precision arithmetic, sign injection, moves, loads/stores and
# compares (Unpriv §21). Expected values are IEEE 754 results (checked against
# an exact rational model); NaN results are always the canonical NaN
# (Unpriv §20.3). All cases run with frm = RNE.
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  # ---- FADD / FSUB (IEEE 754 addition, correctly rounded; here frm = RNE).
  TEST_D2 1, fadd.d, rne, 0x4008000000000000, 0, 0x3ff0000000000000, 0x4000000000000000  # Unpriv §21.4: FADD exact sum, no flags
  TEST_D2 2, fadd.d, rne, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000 # Unpriv §21.4: FADD halfway case rounds to even (1.0), NX
  TEST_D2 3, fadd.d, rne, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca8000000000000 # Unpriv §21.4: FADD above halfway rounds up, NX
  TEST_D2 4, fadd.d, rne, 0x0000000000000000, 0, 0x4004000000000000, 0xc004000000000000  # Unpriv §21.4: x + -x is +0 in RNE, exact
  TEST_D2 5, fadd.d, rne, 0x8000000000000000, 0, 0x8000000000000000, 0x8000000000000000  # Unpriv §21.4: -0 + -0 = -0
  TEST_D2 6, fadd.d, rne, 0x0000000000000000, 0, 0x8000000000000000, 0x0000000000000000  # Unpriv §21.4: -0 + +0 = +0 in RNE
  TEST_D2 7, fadd.d, rne, 0x7ff8000000000000, NV, 0x7ff0000000000000, 0xfff0000000000000 # Unpriv §20.3: inf + -inf is invalid: canonical NaN, NV
  TEST_D2 8, fadd.d, rne, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x7fefffffffffffff  # Unpriv §21.4: inf + finite = inf, exact
  TEST_D2 9, fadd.d, rne, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0x3ff0000000000000  # Unpriv §20.3: a quiet NaN operand gives the canonical NaN, no flag
  TEST_D2 10, fadd.d, rne, 0x7ff8000000000000, NV, 0x3ff0000000000000, 0x7ff0000000000001 # Unpriv §20.3: a signaling NaN operand raises NV, result canonical NaN
  TEST_D2 11, fadd.d, rne, 0x7ff8000000000000, 0, 0xfff8000000001234, 0x3ff0000000000000 # Unpriv §20.3: NaN payloads and signs are not propagated
  TEST_D2 12, fadd.d, rne, 0x7ff0000000000000, OF|NX, 0x7fefffffffffffff, 0x7fefffffffffffff # Unpriv §21.4: overflow gives inf with OF and NX
  TEST_D2 13, fadd.d, rne, 0x0010000000000000, 0, 0x0000000000000001, 0x000fffffffffffff # Unpriv §20.4: subnormal + subnormal = min normal, exact (no UF)
  TEST_D2 14, fsub.d, rne, 0x3ff8000000000000, 0, 0x4008000000000000, 0x3ff8000000000000 # Unpriv §21.4: FSUB
  TEST_D2 15, fsub.d, rne, 0x0000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000 # Unpriv §21.4: x - x = +0 in RNE
  TEST_D2 16, fsub.d, rne, 0x7ff8000000000000, NV, 0x7ff0000000000000, 0x7ff0000000000000 # Unpriv §20.3: inf - inf is invalid, NV
  TEST_D2 17, fsub.d, rne, 0x8000000000000000, 0, 0x8000000000000000, 0x0000000000000000 # Unpriv §21.4: -0 - +0 = -0
  TEST_D2 18, fsub.d, rne, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3c90000000000000 # Unpriv §21.4: 1 - ulp/4 rounds back to 1, NX
  # ---- FMUL.
  TEST_D2 19, fmul.d, rne, 0xc024000000000000, 0, 0x4004000000000000, 0xc010000000000000 # Unpriv §21.4: FMUL exact, sign is the XOR
  TEST_D2 20, fmul.d, rne, 0x8000000000000000, 0, 0x8000000000000000, 0x4014000000000000 # Unpriv §21.4: -0 * 5 = -0
  TEST_D2 21, fmul.d, rne, 0x7ff8000000000000, NV, 0x0000000000000000, 0xfff0000000000000 # Unpriv §20.3: 0 * inf is invalid, NV
  TEST_D2 22, fmul.d, rne, 0x7ff0000000000000, 0, 0xfff0000000000000, 0xc000000000000000 # Unpriv §21.4: -inf * -2 = +inf, exact
  TEST_D2 23, fmul.d, rne, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ff0000000000001 # Unpriv §21.4: (1+ulp)^2 drops ulp^2, NX
  TEST_D2 24, fmul.d, rne, 0x0000040000000000, 0, 0x00b0000000000000, 0x3eb0000000000000 # Unpriv §20.4: an exact subnormal product raises no UF
  TEST_D2 25, fmul.d, rne, 0x0000000000000002, UF|NX, 0x0000000000000018, 0x3fb0000000000000 # Unpriv §20.4: tiny and inexact: UF and NX
  TEST_D2 26, fmul.d, rne, 0x0000000000000000, UF|NX, 0x0000000000000001, 0x0000000000000001 # Unpriv §20.4: underflow to +0: UF and NX
  TEST_D2 27, fmul.d, rne, 0xfff0000000000000, OF|NX, 0x7fefffffffffffff, 0xc000000000000000 # Unpriv §21.4: overflow to -inf: OF and NX
  # ---- FDIV.
  TEST_D2 28, fdiv.d, rne, 0x4000000000000000, 0, 0x4018000000000000, 0x4008000000000000 # Unpriv §21.4: FDIV exact quotient, no flags
  TEST_D2 29, fdiv.d, rne, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000 # Unpriv §21.4: 1/3 correctly rounded, NX
  TEST_D2 30, fdiv.d, rne, 0xbfe5555555555555, NX, 0xc000000000000000, 0x4008000000000000 # Unpriv §21.4: -2/3 correctly rounded, NX
  TEST_D2 31, fdiv.d, rne, 0x7ff0000000000000, DZ, 0x3ff0000000000000, 0x0000000000000000 # Unpriv §21.4: finite / +0 = +inf with DZ
  TEST_D2 32, fdiv.d, rne, 0xfff0000000000000, DZ, 0x3ff0000000000000, 0x8000000000000000 # Unpriv §21.4: finite / -0 = -inf with DZ
  TEST_D2 33, fdiv.d, rne, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x0000000000000000 # Unpriv §21.4: inf / 0 = inf, no DZ (only finite nonzero / 0 divides by zero)
  TEST_D2 34, fdiv.d, rne, 0x7ff8000000000000, NV, 0x0000000000000000, 0x0000000000000000 # Unpriv §20.3: 0 / 0 is invalid, NV (not DZ)
  TEST_D2 35, fdiv.d, rne, 0x7ff8000000000000, NV, 0x7ff0000000000000, 0xfff0000000000000 # Unpriv §20.3: inf / inf is invalid, NV
  TEST_D2 36, fdiv.d, rne, 0x8000000000000000, 0, 0x0000000000000000, 0xc014000000000000 # Unpriv §21.4: 0 / -5 = -0, exact
  TEST_D2 37, fdiv.d, rne, 0x8000000000000000, 0, 0x401c000000000000, 0xfff0000000000000 # Unpriv §21.4: finite / inf = -0, exact
  TEST_D2 38, fdiv.d, rne, 0x7ff0000000000000, OF|NX, 0x7fefffffffffffff, 0x3fe0000000000000 # Unpriv §21.4: quotient overflow: OF and NX
  TEST_D2 39, fdiv.d, rne, 0x0005555555555555, UF|NX, 0x0010000000000000, 0x4008000000000000 # Unpriv §20.4: tiny inexact quotient: UF and NX
  TEST_D2 40, fdiv.d, rne, 0x7ff8000000000000, NV, 0x7ff0000000000001, 0x0000000000000000 # Unpriv §20.3: sNaN / 0 raises NV only (no DZ)
  # ---- FSQRT.
  TEST_D1 41, fsqrt.d, rne, 0x3ff8000000000000, 0, 0x4002000000000000                    # Unpriv §21.4: FSQRT exact root, no flags
  TEST_D1 42, fsqrt.d, rne, 0x3ff6a09e667f3bcd, NX, 0x4000000000000000                   # Unpriv §21.4: sqrt(2) correctly rounded, NX
  TEST_D1 43, fsqrt.d, rne, 0x3ffbb67ae8584caa, NX, 0x4008000000000000                   # Unpriv §21.4: sqrt(3) correctly rounded, NX
  TEST_D1 44, fsqrt.d, rne, 0x7ff8000000000000, NV, 0xbff0000000000000                   # Unpriv §20.3: sqrt of a negative number is invalid, NV
  TEST_D1 45, fsqrt.d, rne, 0x8000000000000000, 0, 0x8000000000000000                    # Unpriv §21.4: sqrt(-0) = -0, no flags
  TEST_D1 46, fsqrt.d, rne, 0x7ff0000000000000, 0, 0x7ff0000000000000                    # Unpriv §21.4: sqrt(+inf) = +inf
  TEST_D1 47, fsqrt.d, rne, 0x7ff8000000000000, NV, 0xfff0000000000000                   # Unpriv §20.3: sqrt(-inf) is invalid, NV
  TEST_D1 48, fsqrt.d, rne, 0x7ff8000000000000, 0, 0x7ff8000000000005                    # Unpriv §20.3: sqrt(qNaN) is the canonical NaN, no flag
  TEST_D1 49, fsqrt.d, rne, 0x7ff8000000000000, NV, 0x7ff0000000000001                   # Unpriv §20.3: sqrt(sNaN) raises NV
  TEST_D1 50, fsqrt.d, rne, 0x1e60000000000000, 0, 0x0000000000000001                    # Unpriv §20.4: sqrt of the smallest subnormal is a normal number (no UF)
  TEST_D1 51, fsqrt.d, rne, 0x1fe0000000000000, 0, 0x0001000000000000                    # Unpriv §20.4: sqrt of a subnormal power of 4 is exact
  # ---- Sign injection: bit operations, no flags, NaNs untouched.
  TEST_D2 52, fsgnj.d, , 0xbff0000000000000, 0, 0x3ff0000000000000, 0xc000000000000000   # Unpriv §21.5: FSGNJ takes the sign of rs2
  TEST_D2 53, fsgnj.d, , 0x3ff0000000000000, 0, 0xbff0000000000000, 0x4000000000000000   # Unpriv §21.5: FSGNJ takes the sign of rs2
  TEST_D2 54, fsgnjn.d, , 0xc008000000000000, 0, 0x4008000000000000, 0x4008000000000000  # Unpriv §21.5: FSGNJN rs, rs is FNEG
  TEST_D2 55, fsgnjn.d, , 0xc008000000000000, 0, 0xc008000000000000, 0x4014000000000000  # Unpriv §21.5: FSGNJN takes the opposite of rs2's sign
  TEST_D2 56, fsgnjx.d, , 0x4008000000000000, 0, 0xc008000000000000, 0xc008000000000000  # Unpriv §21.5: FSGNJX rs, rs is FABS
  TEST_D2 57, fsgnjx.d, , 0xc008000000000000, 0, 0xc008000000000000, 0x4008000000000000  # Unpriv §21.5: FSGNJX XORs the signs
  TEST_D2 58, fsgnj.d, , 0xfff0000000000001, 0, 0x7ff0000000000001, 0xbff0000000000000   # Unpriv §21.5: sign injection keeps a NaN's payload and raises no NV
  TEST_D2 59, fsgnjn.d, , 0x7ff0000000000000, 0, 0xfff0000000000000, 0x8000000000000000  # Unpriv §21.5: FSGNJN on infinities
  # ---- Comparisons: FEQ is quiet, FLT/FLE signal on any NaN.
  TEST_F_CMP 60, feq.d, d, 1, 0, 0x3ff0000000000000, 0x3ff0000000000000                  # Unpriv §21.6: FEQ equal
  TEST_F_CMP 61, feq.d, d, 1, 0, 0x8000000000000000, 0x0000000000000000                  # Unpriv §21.6: FEQ -0 == +0
  TEST_F_CMP 62, feq.d, d, 0, 0, 0x7ff8000000000000, 0x7ff8000000000000                  # Unpriv §21.6: FEQ NaN is unordered (0); quiet NaN raises nothing
  TEST_F_CMP 63, feq.d, d, 0, NV, 0x7ff0000000000001, 0x3ff0000000000000                 # Unpriv §21.6: FEQ with a signaling NaN raises NV
  TEST_F_CMP 64, flt.d, d, 1, 0, 0xbff0000000000000, 0x3ff0000000000000                  # Unpriv §21.6: FLT true
  TEST_F_CMP 65, flt.d, d, 0, 0, 0x8000000000000000, 0x0000000000000000                  # Unpriv §21.6: FLT -0 < +0 is false
  TEST_F_CMP 66, flt.d, d, 1, 0, 0xfff0000000000000, 0xffefffffffffffff                  # Unpriv §21.6: FLT -inf < -max
  TEST_F_CMP 67, flt.d, d, 0, NV, 0x7ff8000000000000, 0x3ff0000000000000                 # Unpriv §21.6: FLT with a quiet NaN gives 0 and raises NV
  TEST_F_CMP 68, fle.d, d, 1, 0, 0x8000000000000000, 0x0000000000000000                  # Unpriv §21.6: FLE -0 <= +0
  TEST_F_CMP 69, fle.d, d, 0, 0, 0x4000000000000000, 0x3ff0000000000000                  # Unpriv §21.6: FLE false
  TEST_F_CMP 70, fle.d, d, 0, NV, 0x3ff0000000000000, 0x7ff8000000000000                 # Unpriv §21.6: FLE with a quiet NaN gives 0 and raises NV
  TEST_F_CMP 71, fle.d, d, 1, 0, 0x0000000000000001, 0x0000000000000001                  # Unpriv §21.6: FLE on equal subnormals

  # ---- Moves and loads/stores copy bits: no rounding, no NaN canonicalization, no flags.
  CASE 72                                                        # Unpriv §21.5: FMV.D.X / FMV.X.D move all 64 bits
  li a0, 0x8123456789abcdef
  fmv.d.x fa0, a0
  fmv.x.d a1, fa0
  CHECK a1, 0x8123456789abcdef
  CASE 73                                                        # Unpriv §21.5: FMV.D.X / FMV.X.D keep a signaling NaN and raise no flag
  csrwi fflags, 0
  li a0, 0x7ff0000000000001
  fmv.d.x fa0, a0
  fmv.x.d a1, fa0
  CHECK a1, 0x7ff0000000000001
  CHECK_CSR fflags, 0
  CASE 74                                                        # Unpriv §21.3: FLD / FSD copy the 64 bits unchanged (sNaN payload kept)
  csrwi fflags, 0
  la a0, fpdata
  fld fa1, 0(a0)
  fmv.x.d a1, fa1
  CHECK a1, 0xfff0000000000abc
  fsd fa1, 8(a0)
  ld a2, 8(a0)
  CHECK a2, 0xfff0000000000abc
  CHECK_CSR fflags, 0
  CASE 75                                                        # Unpriv §21.3: FSD of a NaN-boxed single stores the box too
  li a0, 0x3f800000
  fmv.w.x fa2, a0
  la a1, fpdata
  fsd fa2, 8(a1)
  ld a2, 8(a1)
  CHECK a2, 0xffffffff3f800000

RVHV_CODE_END

  .data
  .balign 16
fpdata:
  .dword 0xfff0000000000abc
  .dword 0
