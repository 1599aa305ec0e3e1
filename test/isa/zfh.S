# Zfh half-precision arithmetic (Unpriv §23.2, defined as the single-precision
# operations of §20.6), rounding under every static and dynamic mode, the
# reserved rounding modes, min/max, sign injection, compares, classify and the
# integer conversions (§23.3-§23.5), and NaN-boxed operands (§23: a half is
# valid only when bits 63:16 are all ones). Loads, stores, moves and the
# conversions between FP formats (Zfhmin) are in zfhmin.S.
# Expected results and flags come from an exact rational model of IEEE 754
# with the RISC-V rules (canonical NaN 0x7e00, tininess after rounding).
#include "rvhv-test.h"

# The build's -march predates Zfh; binutils 2.40 knows it.
.option arch, +zfh

RVHV_CODE_BEGIN

  # ---- FADD.H / FSUB.H (round to nearest, ties to even).
  TEST_H2 1, fadd.h, rne, 0x4000, 0, 0x3c00, 0x3c00                                          # Unpriv §23.2: 1 + 1 = 2 exactly
  TEST_H2 2, fadd.h, rne, 0x3c00, NX, 0x3c00, 0x1000                                         # Unpriv §23.2: 1 + 2^-11 is a tie: to even (1), NX
  TEST_H2 3, fadd.h, rne, 0x3c01, NX, 0x3c00, 0x1001                                         # Unpriv §23.2: 1 + just over half an ulp rounds up, NX
  TEST_H2 4, fadd.h, rne, 0x3c02, NX, 0x3c01, 0x1000                                         # Unpriv §23.2: (1+ulp) + ulp/2 is a tie: to even (1+2ulp)
  TEST_H2 5, fadd.h, rne, 0x7bff, NX, 0x7bff, 0x4800                                         # Unpriv §23.2: max + 8 (a quarter ulp) stays max, NX
  TEST_H2 6, fadd.h, rne, 0x7c00, OF|NX, 0x7bff, 0x5800                                      # Unpriv §23.2: max + 128 = 65632 overflows to inf, OF|NX
  TEST_H2 7, fadd.h, rne, 0x0002, 0, 0x0001, 0x0001                                          # Unpriv §23.2: subnormals add exactly: no UF without NX
  TEST_H2 8, fadd.h, rne, 0x0400, 0, 0x03ff, 0x0001                                          # Unpriv §23.2: largest subnormal + smallest = smallest normal, exact
  TEST_H2 9, fadd.h, rne, 0x3400, 0, 0x3d00, 0xbc00                                          # Unpriv §23.2: 1.25 - 1 = 0.25 exactly (cancellation)
  TEST_H2 10, fadd.h, rne, 0x0000, 0, 0x4200, 0xc200                                         # Unpriv §23.2: x + (-x) = +0 in RNE
  TEST_H2 11, fadd.h, rne, 0x8000, 0, 0x8000, 0x8000                                         # Unpriv §23.2: -0 + -0 = -0
  TEST_H2 12, fadd.h, rne, 0x0000, 0, 0x0000, 0x8000                                         # Unpriv §23.2: +0 + -0 = +0 in RNE
  TEST_H2 13, fadd.h, rne, 0x7e00, NV, 0x7c00, 0xfc00                                        # Unpriv §23.2: inf + -inf is invalid: canonical NaN, NV
  TEST_H2 14, fadd.h, rne, 0x7c00, 0, 0x7c00, 0x7bff                                         # Unpriv §23.2: inf + finite = inf, exact
  TEST_H2 15, fadd.h, rne, 0x7e00, 0, 0x7e00, 0x3c00                                         # Unpriv §20.3: a quiet NaN operand gives the canonical NaN, no NV
  TEST_H2 16, fadd.h, rne, 0x7e00, 0, 0xfe55, 0x3c00                                         # Unpriv §20.3: a NaN payload and sign are not propagated
  TEST_H2 17, fadd.h, rne, 0x7e00, NV, 0x3c00, 0x7c01                                        # Unpriv §20.3: a signalling NaN operand raises NV
  TEST_H2 18, fsub.h, rne, 0x0000, 0, 0x3c00, 0x3c00                                         # Unpriv §23.2: 1 - 1 = +0
  TEST_H2 19, fsub.h, rne, 0x8000, 0, 0x8000, 0x0000                                         # Unpriv §23.2: -0 - +0 = -0
  TEST_H2 20, fsub.h, rne, 0x3bfe, 0, 0x3c00, 0x1400                                         # Unpriv §23.2: 1 - 2^-10: exact (next half below 1)
  TEST_H2 21, fsub.h, rne, 0x7e00, NV, 0x7c00, 0x7c00                                        # Unpriv §23.2: inf - inf is invalid, NV
  TEST_H2 22, fsub.h, rne, 0xfc00, OF|NX, 0xfbff, 0x5800                                     # Unpriv §23.2: -max - 128 overflows to -inf, OF|NX
  # ---- FMUL.H
  TEST_H2 23, fmul.h, rne, 0x4b80, 0, 0x4200, 0x4500                                         # Unpriv §23.2: 3 * 5 = 15 exactly
  TEST_H2 24, fmul.h, rne, 0x43fe, NX, 0x3fff, 0x3fff                                        # Unpriv §23.2: (2-ulp)^2 rounds, NX
  TEST_H2 25, fmul.h, rne, 0x7c00, OF|NX, 0x7bff, 0x4000                                     # Unpriv §23.2: max * 2 overflows to inf, OF|NX
  TEST_H2 26, fmul.h, rne, 0x0200, 0, 0x0400, 0x3800                                         # Unpriv §23.2: min normal * 0.5 = a subnormal, exact: no UF
  TEST_H2 27, fmul.h, rne, 0x0000, UF|NX, 0x0001, 0x3800                                     # Unpriv §23.2: min subnormal * 0.5 is a tie: to even (+0), UF|NX
  TEST_H2 28, fmul.h, rne, 0x0001, UF|NX, 0x0001, 0x3a00                                     # Unpriv §23.2: min subnormal * 0.75 rounds up to min subnormal, UF|NX
  TEST_H2 29, fmul.h, rne, 0x0400, NX, 0x3be0, 0x0410                                        # Unpriv §20.4: 2^-14 - 2^-26 rounds to 2^-14; not tiny after rounding, NX only
  TEST_H2 30, fmul.h, rne, 0x0400, NX, 0x3bf0, 0x0408                                        # Unpriv §20.4: 2^-14 - 2^-28 rounds to 2^-14; not tiny after rounding, NX only
  TEST_H2 31, fmul.h, rne, 0x7e00, NV, 0x0000, 0x7c00                                        # Unpriv §23.2: 0 * inf is invalid, NV
  TEST_H2 32, fmul.h, rne, 0x8000, 0, 0x8000, 0x4200                                         # Unpriv §23.2: -0 * 3 = -0
  TEST_H2 33, fmul.h, rne, 0x7c00, 0, 0xfc00, 0xfc00                                         # Unpriv §23.2: -inf * -inf = +inf
  TEST_H2 34, fmul.h, rne, 0x7e00, NV, 0x7c01, 0x0000                                        # Unpriv §20.3: sNaN * 0: canonical NaN, NV
  # ---- FDIV.H
  TEST_H2 35, fdiv.h, rne, 0x4200, 0, 0x4880, 0x4200                                         # Unpriv §23.2: 9 / 3 = 3 exactly
  TEST_H2 36, fdiv.h, rne, 0x3555, NX, 0x3c00, 0x4200                                        # Unpriv §23.2: 1 / 3 rounds, NX
  TEST_H2 37, fdiv.h, rne, 0x7c00, DZ, 0x3c00, 0x0000                                        # Unpriv §23.2: 1 / +0 = +inf, DZ
  TEST_H2 38, fdiv.h, rne, 0xfc00, DZ, 0x3c00, 0x8000                                        # Unpriv §23.2: 1 / -0 = -inf, DZ
  TEST_H2 39, fdiv.h, rne, 0x7e00, NV, 0x0000, 0x0000                                        # Unpriv §23.2: 0 / 0 is invalid, NV (not DZ)
  TEST_H2 40, fdiv.h, rne, 0x7e00, NV, 0x7c00, 0x7c00                                        # Unpriv §23.2: inf / inf is invalid, NV
  TEST_H2 41, fdiv.h, rne, 0x7c00, 0, 0x7c00, 0x0000                                         # Unpriv §23.2: inf / 0 = inf, exact: no DZ
  TEST_H2 42, fdiv.h, rne, 0x8000, 0, 0x4200, 0xfc00                                         # Unpriv §23.2: 3 / -inf = -0
  TEST_H2 43, fdiv.h, rne, 0x7c00, OF|NX, 0x7bff, 0x0001                                     # Unpriv §23.2: max / min subnormal overflows, OF|NX
  TEST_H2 44, fdiv.h, rne, 0x0001, 0, 0x0400, 0x6400                                         # Unpriv §23.2: 2^-14 / 1024 = 2^-24 (min subnormal), exact
  TEST_H2 45, fdiv.h, rne, 0x0000, UF|NX, 0x0001, 0x4200                                     # Unpriv §23.2: min subnormal / 3 underflows to +0, UF|NX
  TEST_H2 46, fdiv.h, rne, 0x7e00, 0, 0x7e00, 0x0000                                         # Unpriv §20.3: qNaN / 0: canonical NaN, neither NV nor DZ
  # ---- FSQRT.H
  TEST_H1 47, fsqrt.h, rne, 0x4000, 0, 0x4400                                                # Unpriv §23.2: sqrt(4) = 2 exactly
  TEST_H1 48, fsqrt.h, rne, 0x3da8, NX, 0x4000                                               # Unpriv §23.2: sqrt(2) rounds, NX
  TEST_H1 49, fsqrt.h, rne, 0x0c00, 0, 0x0001                                                # Unpriv §23.2: sqrt(2^-24) = 2^-12 exactly
  TEST_H1 50, fsqrt.h, rne, 0x5bff, NX, 0x7bff                                               # Unpriv §23.2: sqrt(max) rounds, NX
  TEST_H1 51, fsqrt.h, rne, 0x8000, 0, 0x8000                                                # Unpriv §23.2: sqrt(-0) = -0
  TEST_H1 52, fsqrt.h, rne, 0x7e00, NV, 0xbc00                                               # Unpriv §23.2: sqrt(-1) is invalid, NV
  TEST_H1 53, fsqrt.h, rne, 0x7e00, NV, 0xfc00                                               # Unpriv §23.2: sqrt(-inf) is invalid, NV
  TEST_H1 54, fsqrt.h, rne, 0x7c00, 0, 0x7c00                                                # Unpriv §23.2: sqrt(inf) = inf
  TEST_H1 55, fsqrt.h, rne, 0x7e00, NV, 0x7c01                                               # Unpriv §20.3: sqrt(sNaN): canonical NaN, NV
  # ---- Fused multiply-add: one rounding of a*b+c, negations before it.
  TEST_H3 56, fmadd.h, rne, 0x1800, NX, 0x3c01, 0x3c01, 0xbc00                               # Unpriv §23.2: FMADD.H (1+u)^2 - 1 = 2u + u^2 is a tie in one rounding: to even, NX
  TEST_H3 57, fmadd.h, rne, 0x8010, 0, 0x3c01, 0x3bfe, 0xbc00                                # Unpriv §23.2: FMADD.H (1+u)(1-u) - 1 = -u^2 exactly (two roundings would give 0)
  TEST_H3 58, fmadd.h, rne, 0x4700, 0, 0x4000, 0x4200, 0x3c00                                # Unpriv §23.2: FMADD.H 2*3 + 1 = 7
  TEST_H3 59, fmsub.h, rne, 0x4500, 0, 0x4000, 0x4200, 0x3c00                                # Unpriv §23.2: FMSUB.H 2*3 - 1 = 5
  TEST_H3 60, fnmsub.h, rne, 0xc500, 0, 0x4000, 0x4200, 0x3c00                               # Unpriv §23.2: FNMSUB.H -(2*3) + 1 = -5
  TEST_H3 61, fnmadd.h, rne, 0xc700, 0, 0x4000, 0x4200, 0x3c00                               # Unpriv §23.2: FNMADD.H -(2*3) - 1 = -7
  TEST_H3 62, fmadd.h, rne, 0x7bff, 0, 0x7bff, 0x4000, 0xfbff                                # Unpriv §23.2: FMADD.H max*2 - max = max: no intermediate overflow
  TEST_H3 63, fmadd.h, rne, 0x3c00, NX, 0x3c00, 0x3c00, 0x0200                               # Unpriv §23.2: FMADD.H 1*1 + 2^-15: below half an ulp, NX
  TEST_H3 64, fmadd.h, rne, 0x0000, 0, 0x2000, 0x1800, 0x8100                                # Unpriv §23.2: FMADD.H 2^-16 - 2^-16 = +0 in RNE
  TEST_H3 65, fmadd.h, rne, 0x7e00, NV, 0x0000, 0x7c00, 0x7e00                               # Unpriv §20.6: FMADD.H 0*inf + qNaN raises NV (canonical NaN)
  TEST_H3 66, fmadd.h, rne, 0x7e00, NV, 0x7c00, 0x3c00, 0xfc00                               # Unpriv §23.2: FMADD.H inf*1 - inf is invalid, NV
  TEST_H3 67, fmadd.h, rne, 0x7e00, NV, 0x3c00, 0x7e00, 0x7c01                               # Unpriv §20.3: FMADD.H with an sNaN addend: NV
  TEST_H3 68, fmadd.h, rne, 0x0000, UF|NX, 0x0001, 0x3800, 0x8000                            # Unpriv §23.2: FMADD.H 2^-25 + -0 is a tie: +0, UF|NX
  TEST_H3 69, fmadd.h, rne, 0x0400, 0, 0x0c00, 0x0c00, 0x03ff                                # Unpriv §23.2: FMADD.H 2^-24 + 1023*2^-24 = 2^-14, exact
  TEST_H3 70, fmadd.h, rne, 0x0002, UF|NX, 0x0001, 0x3800, 0x0001                            # Unpriv §23.2: FMADD.H 2^-24 * 0.5 + 2^-24 is a tie at 1.5 units: to even 2^-23 (two roundings give 2^-24), UF|NX

  # ---- tie, even below: 1 + ulp/2, under each static rounding mode.
  TEST_H2 71, fadd.h, rne, 0x3c00, NX, 0x3c00, 0x1000                                        # Unpriv §23.2: tie, even below: 1 + ulp/2, rm = RNE
  TEST_H2 72, fadd.h, rtz, 0x3c00, NX, 0x3c00, 0x1000                                        # Unpriv §23.2: tie, even below: 1 + ulp/2, rm = RTZ
  TEST_H2 73, fadd.h, rdn, 0x3c00, NX, 0x3c00, 0x1000                                        # Unpriv §23.2: tie, even below: 1 + ulp/2, rm = RDN
  TEST_H2 74, fadd.h, rup, 0x3c01, NX, 0x3c00, 0x1000                                        # Unpriv §23.2: tie, even below: 1 + ulp/2, rm = RUP
  TEST_H2 75, fadd.h, rmm, 0x3c01, NX, 0x3c00, 0x1000                                        # Unpriv §23.2: tie, even below: 1 + ulp/2, rm = RMM
  # ---- tie, odd below: (1+ulp) + ulp/2, under each static rounding mode.
  TEST_H2 76, fadd.h, rne, 0x3c02, NX, 0x3c01, 0x1000                                        # Unpriv §23.2: tie, odd below: (1+ulp) + ulp/2, rm = RNE
  TEST_H2 77, fadd.h, rtz, 0x3c01, NX, 0x3c01, 0x1000                                        # Unpriv §23.2: tie, odd below: (1+ulp) + ulp/2, rm = RTZ
  TEST_H2 78, fadd.h, rdn, 0x3c01, NX, 0x3c01, 0x1000                                        # Unpriv §23.2: tie, odd below: (1+ulp) + ulp/2, rm = RDN
  TEST_H2 79, fadd.h, rup, 0x3c02, NX, 0x3c01, 0x1000                                        # Unpriv §23.2: tie, odd below: (1+ulp) + ulp/2, rm = RUP
  TEST_H2 80, fadd.h, rmm, 0x3c02, NX, 0x3c01, 0x1000                                        # Unpriv §23.2: tie, odd below: (1+ulp) + ulp/2, rm = RMM
  # ---- negative tie: -1 - ulp/2, under each static rounding mode.
  TEST_H2 81, fadd.h, rne, 0xbc00, NX, 0xbc00, 0x9000                                        # Unpriv §23.2: negative tie: -1 - ulp/2, rm = RNE
  TEST_H2 82, fadd.h, rtz, 0xbc00, NX, 0xbc00, 0x9000                                        # Unpriv §23.2: negative tie: -1 - ulp/2, rm = RTZ
  TEST_H2 83, fadd.h, rdn, 0xbc01, NX, 0xbc00, 0x9000                                        # Unpriv §23.2: negative tie: -1 - ulp/2, rm = RDN
  TEST_H2 84, fadd.h, rup, 0xbc00, NX, 0xbc00, 0x9000                                        # Unpriv §23.2: negative tie: -1 - ulp/2, rm = RUP
  TEST_H2 85, fadd.h, rmm, 0xbc01, NX, 0xbc00, 0x9000                                        # Unpriv §23.2: negative tie: -1 - ulp/2, rm = RMM
  # ---- not a tie: 1/3, under each static rounding mode.
  TEST_H2 86, fdiv.h, rne, 0x3555, NX, 0x3c00, 0x4200                                        # Unpriv §23.2: not a tie: 1/3, rm = RNE
  TEST_H2 87, fdiv.h, rtz, 0x3555, NX, 0x3c00, 0x4200                                        # Unpriv §23.2: not a tie: 1/3, rm = RTZ
  TEST_H2 88, fdiv.h, rdn, 0x3555, NX, 0x3c00, 0x4200                                        # Unpriv §23.2: not a tie: 1/3, rm = RDN
  TEST_H2 89, fdiv.h, rup, 0x3556, NX, 0x3c00, 0x4200                                        # Unpriv §23.2: not a tie: 1/3, rm = RUP
  TEST_H2 90, fdiv.h, rmm, 0x3555, NX, 0x3c00, 0x4200                                        # Unpriv §23.2: not a tie: 1/3, rm = RMM
  # ---- not a tie: -1/3, under each static rounding mode.
  TEST_H2 91, fdiv.h, rne, 0xb555, NX, 0xbc00, 0x4200                                        # Unpriv §23.2: not a tie: -1/3, rm = RNE
  TEST_H2 92, fdiv.h, rtz, 0xb555, NX, 0xbc00, 0x4200                                        # Unpriv §23.2: not a tie: -1/3, rm = RTZ
  TEST_H2 93, fdiv.h, rdn, 0xb556, NX, 0xbc00, 0x4200                                        # Unpriv §23.2: not a tie: -1/3, rm = RDN
  TEST_H2 94, fdiv.h, rup, 0xb555, NX, 0xbc00, 0x4200                                        # Unpriv §23.2: not a tie: -1/3, rm = RUP
  TEST_H2 95, fdiv.h, rmm, 0xb555, NX, 0xbc00, 0x4200                                        # Unpriv §23.2: not a tie: -1/3, rm = RMM
  # ---- overflow: max * 2, under each static rounding mode.
  TEST_H2 96, fmul.h, rne, 0x7c00, OF|NX, 0x7bff, 0x4000                                     # Unpriv §23.2: overflow: max * 2, rm = RNE
  TEST_H2 97, fmul.h, rtz, 0x7bff, OF|NX, 0x7bff, 0x4000                                     # Unpriv §23.2: overflow: max * 2, rm = RTZ
  TEST_H2 98, fmul.h, rdn, 0x7bff, OF|NX, 0x7bff, 0x4000                                     # Unpriv §23.2: overflow: max * 2, rm = RDN
  TEST_H2 99, fmul.h, rup, 0x7c00, OF|NX, 0x7bff, 0x4000                                     # Unpriv §23.2: overflow: max * 2, rm = RUP
  TEST_H2 100, fmul.h, rmm, 0x7c00, OF|NX, 0x7bff, 0x4000                                    # Unpriv §23.2: overflow: max * 2, rm = RMM
  # ---- overflow: -max * 2, under each static rounding mode.
  TEST_H2 101, fmul.h, rne, 0xfc00, OF|NX, 0xfbff, 0x4000                                    # Unpriv §23.2: overflow: -max * 2, rm = RNE
  TEST_H2 102, fmul.h, rtz, 0xfbff, OF|NX, 0xfbff, 0x4000                                    # Unpriv §23.2: overflow: -max * 2, rm = RTZ
  TEST_H2 103, fmul.h, rdn, 0xfc00, OF|NX, 0xfbff, 0x4000                                    # Unpriv §23.2: overflow: -max * 2, rm = RDN
  TEST_H2 104, fmul.h, rup, 0xfbff, OF|NX, 0xfbff, 0x4000                                    # Unpriv §23.2: overflow: -max * 2, rm = RUP
  TEST_H2 105, fmul.h, rmm, 0xfc00, OF|NX, 0xfbff, 0x4000                                    # Unpriv §23.2: overflow: -max * 2, rm = RMM
  # ---- overflow threshold: max + 16 (half an ulp), under each static rounding mode.
  TEST_H2 106, fadd.h, rne, 0x7c00, OF|NX, 0x7bff, 0x4c00                                    # Unpriv §23.2: overflow threshold: max + 16 (half an ulp), rm = RNE
  TEST_H2 107, fadd.h, rtz, 0x7bff, NX, 0x7bff, 0x4c00                                       # Unpriv §23.2: overflow threshold: max + 16 (half an ulp), rm = RTZ
  TEST_H2 108, fadd.h, rdn, 0x7bff, NX, 0x7bff, 0x4c00                                       # Unpriv §23.2: overflow threshold: max + 16 (half an ulp), rm = RDN
  TEST_H2 109, fadd.h, rup, 0x7c00, OF|NX, 0x7bff, 0x4c00                                    # Unpriv §23.2: overflow threshold: max + 16 (half an ulp), rm = RUP
  TEST_H2 110, fadd.h, rmm, 0x7c00, OF|NX, 0x7bff, 0x4c00                                    # Unpriv §23.2: overflow threshold: max + 16 (half an ulp), rm = RMM
  # ---- underflow tie: minsub / 2, under each static rounding mode.
  TEST_H2 111, fmul.h, rne, 0x0000, UF|NX, 0x0001, 0x3800                                    # Unpriv §23.2: underflow tie: minsub / 2, rm = RNE
  TEST_H2 112, fmul.h, rtz, 0x0000, UF|NX, 0x0001, 0x3800                                    # Unpriv §23.2: underflow tie: minsub / 2, rm = RTZ
  TEST_H2 113, fmul.h, rdn, 0x0000, UF|NX, 0x0001, 0x3800                                    # Unpriv §23.2: underflow tie: minsub / 2, rm = RDN
  TEST_H2 114, fmul.h, rup, 0x0001, UF|NX, 0x0001, 0x3800                                    # Unpriv §23.2: underflow tie: minsub / 2, rm = RUP
  TEST_H2 115, fmul.h, rmm, 0x0001, UF|NX, 0x0001, 0x3800                                    # Unpriv §23.2: underflow tie: minsub / 2, rm = RMM
  # ---- underflow above the tie: -minsub * 3/4, under each static rounding mode.
  TEST_H2 116, fmul.h, rne, 0x8001, UF|NX, 0x8001, 0x3a00                                    # Unpriv §23.2: underflow above the tie: -minsub * 3/4, rm = RNE
  TEST_H2 117, fmul.h, rtz, 0x8000, UF|NX, 0x8001, 0x3a00                                    # Unpriv §23.2: underflow above the tie: -minsub * 3/4, rm = RTZ
  TEST_H2 118, fmul.h, rdn, 0x8001, UF|NX, 0x8001, 0x3a00                                    # Unpriv §23.2: underflow above the tie: -minsub * 3/4, rm = RDN
  TEST_H2 119, fmul.h, rup, 0x8000, UF|NX, 0x8001, 0x3a00                                    # Unpriv §23.2: underflow above the tie: -minsub * 3/4, rm = RUP
  TEST_H2 120, fmul.h, rmm, 0x8001, UF|NX, 0x8001, 0x3a00                                    # Unpriv §23.2: underflow above the tie: -minsub * 3/4, rm = RMM
  # ---- Unpriv §20.4: tininess after rounding, 2^-14 - 2^-26, under each static rounding mode.
  TEST_H2 121, fmul.h, rne, 0x0400, NX, 0x3be0, 0x0410                                       # Unpriv §20.4: tininess after rounding, 2^-14 - 2^-26, rm = RNE
  TEST_H2 122, fmul.h, rtz, 0x03ff, UF|NX, 0x3be0, 0x0410                                    # Unpriv §20.4: tininess after rounding, 2^-14 - 2^-26, rm = RTZ
  TEST_H2 123, fmul.h, rdn, 0x03ff, UF|NX, 0x3be0, 0x0410                                    # Unpriv §20.4: tininess after rounding, 2^-14 - 2^-26, rm = RDN
  TEST_H2 124, fmul.h, rup, 0x0400, NX, 0x3be0, 0x0410                                       # Unpriv §20.4: tininess after rounding, 2^-14 - 2^-26, rm = RUP
  TEST_H2 125, fmul.h, rmm, 0x0400, NX, 0x3be0, 0x0410                                       # Unpriv §20.4: tininess after rounding, 2^-14 - 2^-26, rm = RMM
  # ---- exact zero: x - x is -0 only in RDN, under each static rounding mode.
  TEST_H2 126, fsub.h, rne, 0x0000, 0, 0x4200, 0x4200                                        # Unpriv §23.2: exact zero: x - x is -0 only in RDN, rm = RNE
  TEST_H2 127, fsub.h, rtz, 0x0000, 0, 0x4200, 0x4200                                        # Unpriv §23.2: exact zero: x - x is -0 only in RDN, rm = RTZ
  TEST_H2 128, fsub.h, rdn, 0x8000, 0, 0x4200, 0x4200                                        # Unpriv §23.2: exact zero: x - x is -0 only in RDN, rm = RDN
  TEST_H2 129, fsub.h, rup, 0x0000, 0, 0x4200, 0x4200                                        # Unpriv §23.2: exact zero: x - x is -0 only in RDN, rm = RUP
  TEST_H2 130, fsub.h, rmm, 0x0000, 0, 0x4200, 0x4200                                        # Unpriv §23.2: exact zero: x - x is -0 only in RDN, rm = RMM
  # ---- sqrt(2), under each static rounding mode.
  TEST_H1 131, fsqrt.h, rne, 0x3da8, NX, 0x4000                                              # Unpriv §23.2: sqrt(2), rm = RNE
  TEST_H1 132, fsqrt.h, rtz, 0x3da8, NX, 0x4000                                              # Unpriv §23.2: sqrt(2), rm = RTZ
  TEST_H1 133, fsqrt.h, rdn, 0x3da8, NX, 0x4000                                              # Unpriv §23.2: sqrt(2), rm = RDN
  TEST_H1 134, fsqrt.h, rup, 0x3da9, NX, 0x4000                                              # Unpriv §23.2: sqrt(2), rm = RUP
  TEST_H1 135, fsqrt.h, rmm, 0x3da8, NX, 0x4000                                              # Unpriv §23.2: sqrt(2), rm = RMM
  # ---- sqrt(3), under each static rounding mode.
  TEST_H1 136, fsqrt.h, rne, 0x3eee, NX, 0x4200                                              # Unpriv §23.2: sqrt(3), rm = RNE
  TEST_H1 137, fsqrt.h, rtz, 0x3eed, NX, 0x4200                                              # Unpriv §23.2: sqrt(3), rm = RTZ
  TEST_H1 138, fsqrt.h, rdn, 0x3eed, NX, 0x4200                                              # Unpriv §23.2: sqrt(3), rm = RDN
  TEST_H1 139, fsqrt.h, rup, 0x3eee, NX, 0x4200                                              # Unpriv §23.2: sqrt(3), rm = RUP
  TEST_H1 140, fsqrt.h, rmm, 0x3eee, NX, 0x4200                                              # Unpriv §23.2: sqrt(3), rm = RMM
  # ---- FMA tie: 1*1 + ulp/2, under each static rounding mode.
  TEST_H3 141, fmadd.h, rne, 0x3c00, NX, 0x3c00, 0x3c00, 0x1000                              # Unpriv §23.2: FMA tie: 1*1 + ulp/2, rm = RNE
  TEST_H3 142, fmadd.h, rtz, 0x3c00, NX, 0x3c00, 0x3c00, 0x1000                              # Unpriv §23.2: FMA tie: 1*1 + ulp/2, rm = RTZ
  TEST_H3 143, fmadd.h, rdn, 0x3c00, NX, 0x3c00, 0x3c00, 0x1000                              # Unpriv §23.2: FMA tie: 1*1 + ulp/2, rm = RDN
  TEST_H3 144, fmadd.h, rup, 0x3c01, NX, 0x3c00, 0x3c00, 0x1000                              # Unpriv §23.2: FMA tie: 1*1 + ulp/2, rm = RUP
  TEST_H3 145, fmadd.h, rmm, 0x3c01, NX, 0x3c00, 0x3c00, 0x1000                              # Unpriv §23.2: FMA tie: 1*1 + ulp/2, rm = RMM
  # ---- FMA: 1*1 - 2^-24, far below the ulp, under each static rounding mode.
  TEST_H3 146, fmadd.h, rne, 0x3c00, NX, 0x3c00, 0x3c00, 0x8001                              # Unpriv §23.2: FMA: 1*1 - 2^-24, far below the ulp, rm = RNE
  TEST_H3 147, fmadd.h, rtz, 0x3bff, NX, 0x3c00, 0x3c00, 0x8001                              # Unpriv §23.2: FMA: 1*1 - 2^-24, far below the ulp, rm = RTZ
  TEST_H3 148, fmadd.h, rdn, 0x3bff, NX, 0x3c00, 0x3c00, 0x8001                              # Unpriv §23.2: FMA: 1*1 - 2^-24, far below the ulp, rm = RDN
  TEST_H3 149, fmadd.h, rup, 0x3c00, NX, 0x3c00, 0x3c00, 0x8001                              # Unpriv §23.2: FMA: 1*1 - 2^-24, far below the ulp, rm = RUP
  TEST_H3 150, fmadd.h, rmm, 0x3c00, NX, 0x3c00, 0x3c00, 0x8001                              # Unpriv §23.2: FMA: 1*1 - 2^-24, far below the ulp, rm = RMM
  # ---- FMA exact cancellation: 2*3 - 6 is -0 only in RDN, under each static rounding mode.
  TEST_H3 151, fmadd.h, rne, 0x0000, 0, 0x4000, 0x4200, 0xc600                               # Unpriv §23.2: FMA exact cancellation: 2*3 - 6 is -0 only in RDN, rm = RNE
  TEST_H3 152, fmadd.h, rtz, 0x0000, 0, 0x4000, 0x4200, 0xc600                               # Unpriv §23.2: FMA exact cancellation: 2*3 - 6 is -0 only in RDN, rm = RTZ
  TEST_H3 153, fmadd.h, rdn, 0x8000, 0, 0x4000, 0x4200, 0xc600                               # Unpriv §23.2: FMA exact cancellation: 2*3 - 6 is -0 only in RDN, rm = RDN
  TEST_H3 154, fmadd.h, rup, 0x0000, 0, 0x4000, 0x4200, 0xc600                               # Unpriv §23.2: FMA exact cancellation: 2*3 - 6 is -0 only in RDN, rm = RUP
  TEST_H3 155, fmadd.h, rmm, 0x0000, 0, 0x4000, 0x4200, 0xc600                               # Unpriv §23.2: FMA exact cancellation: 2*3 - 6 is -0 only in RDN, rm = RMM
  # ---- Dynamic rounding (rm = DYN) uses frm (Unpriv §20.2).
  csrwi frm, RM_RNE
  TEST_H2 156, fadd.h, dyn, 0x3c02, NX, 0x3c01, 0x1000                                       # Unpriv §20.2: DYN uses frm = RNE: (1+ulp) + ulp/2
  TEST_H2 157, fdiv.h, dyn, 0xb555, NX, 0xbc00, 0x4200                                       # Unpriv §20.2: DYN uses frm = RNE: -1/3
  TEST_H3 158, fmadd.h, dyn, 0x3c00, NX, 0x3c00, 0x3c00, 0x8001                              # Unpriv §20.2: DYN uses frm = RNE: FMADD.H 1 - 2^-24
  TEST_F_TO_X 159, fcvt.w.h, dyn, h, 0x2, NX, 0x3e00                                         # Unpriv §20.2: DYN uses frm = RNE: FCVT.W.H 1.5
  TEST_X_TO_F 160, fcvt.h.w, dyn, h, 0x6800, NX, 2049                                        # Unpriv §20.2: DYN uses frm = RNE: FCVT.H.W 2049
  csrwi frm, RM_RTZ
  TEST_H2 161, fadd.h, dyn, 0x3c01, NX, 0x3c01, 0x1000                                       # Unpriv §20.2: DYN uses frm = RTZ: (1+ulp) + ulp/2
  TEST_H2 162, fdiv.h, dyn, 0xb555, NX, 0xbc00, 0x4200                                       # Unpriv §20.2: DYN uses frm = RTZ: -1/3
  TEST_H3 163, fmadd.h, dyn, 0x3bff, NX, 0x3c00, 0x3c00, 0x8001                              # Unpriv §20.2: DYN uses frm = RTZ: FMADD.H 1 - 2^-24
  TEST_F_TO_X 164, fcvt.w.h, dyn, h, 0x1, NX, 0x3e00                                         # Unpriv §20.2: DYN uses frm = RTZ: FCVT.W.H 1.5
  TEST_X_TO_F 165, fcvt.h.w, dyn, h, 0x6800, NX, 2049                                        # Unpriv §20.2: DYN uses frm = RTZ: FCVT.H.W 2049
  csrwi frm, RM_RDN
  TEST_H2 166, fadd.h, dyn, 0x3c01, NX, 0x3c01, 0x1000                                       # Unpriv §20.2: DYN uses frm = RDN: (1+ulp) + ulp/2
  TEST_H2 167, fdiv.h, dyn, 0xb556, NX, 0xbc00, 0x4200                                       # Unpriv §20.2: DYN uses frm = RDN: -1/3
  TEST_H3 168, fmadd.h, dyn, 0x3bff, NX, 0x3c00, 0x3c00, 0x8001                              # Unpriv §20.2: DYN uses frm = RDN: FMADD.H 1 - 2^-24
  TEST_F_TO_X 169, fcvt.w.h, dyn, h, 0x1, NX, 0x3e00                                         # Unpriv §20.2: DYN uses frm = RDN: FCVT.W.H 1.5
  TEST_X_TO_F 170, fcvt.h.w, dyn, h, 0x6800, NX, 2049                                        # Unpriv §20.2: DYN uses frm = RDN: FCVT.H.W 2049
  csrwi frm, RM_RUP
  TEST_H2 171, fadd.h, dyn, 0x3c02, NX, 0x3c01, 0x1000                                       # Unpriv §20.2: DYN uses frm = RUP: (1+ulp) + ulp/2
  TEST_H2 172, fdiv.h, dyn, 0xb555, NX, 0xbc00, 0x4200                                       # Unpriv §20.2: DYN uses frm = RUP: -1/3
  TEST_H3 173, fmadd.h, dyn, 0x3c00, NX, 0x3c00, 0x3c00, 0x8001                              # Unpriv §20.2: DYN uses frm = RUP: FMADD.H 1 - 2^-24
  TEST_F_TO_X 174, fcvt.w.h, dyn, h, 0x2, NX, 0x3e00                                         # Unpriv §20.2: DYN uses frm = RUP: FCVT.W.H 1.5
  TEST_X_TO_F 175, fcvt.h.w, dyn, h, 0x6801, NX, 2049                                        # Unpriv §20.2: DYN uses frm = RUP: FCVT.H.W 2049
  csrwi frm, RM_RMM
  TEST_H2 176, fadd.h, dyn, 0x3c02, NX, 0x3c01, 0x1000                                       # Unpriv §20.2: DYN uses frm = RMM: (1+ulp) + ulp/2
  TEST_H2 177, fdiv.h, dyn, 0xb555, NX, 0xbc00, 0x4200                                       # Unpriv §20.2: DYN uses frm = RMM: -1/3
  TEST_H3 178, fmadd.h, dyn, 0x3c00, NX, 0x3c00, 0x3c00, 0x8001                              # Unpriv §20.2: DYN uses frm = RMM: FMADD.H 1 - 2^-24
  TEST_F_TO_X 179, fcvt.w.h, dyn, h, 0x2, NX, 0x3e00                                         # Unpriv §20.2: DYN uses frm = RMM: FCVT.W.H 1.5
  TEST_X_TO_F 180, fcvt.h.w, dyn, h, 0x6801, NX, 2049                                        # Unpriv §20.2: DYN uses frm = RMM: FCVT.H.W 2049
  # ---- A static rm overrides frm (Unpriv §20.2).
  csrwi frm, RM_RUP
  TEST_H2 181, fadd.h, rne, 0x3c00, NX, 0x3c00, 0x1000                                       # Unpriv §20.2: static RNE while frm = RUP
  csrwi frm, RM_RDN
  TEST_H2 182, fdiv.h, rup, 0x3556, NX, 0x3c00, 0x4200                                       # Unpriv §20.2: static RUP while frm = RDN
  csrwi frm, RM_RNE

  # ---- Reserved rounding modes (Unpriv §20.2): rm = 101 and 110 are reserved;
  # with rm = DYN, an frm of 101-111 makes the instruction illegal.
  li a0, 0x3c00
  fmv.h.x fa1, a0
  fmv.h.x fa2, a0
  TEST_ILLEGAL 183, 0x04c5d553, .insn r 0x53, 5, 2, fa0, fa1, fa2                            # Unpriv §20.2: FADD.H with static rm = 101 is illegal
  TEST_ILLEGAL 184, 0x04c5e553, .insn r 0x53, 6, 2, fa0, fa1, fa2                            # Unpriv §20.2: FADD.H with static rm = 110 is illegal
  TEST_ILLEGAL 185, 0x5c05d553, .insn r 0x53, 5, 0x2e, fa0, fa1, f0                          # Unpriv §20.2: FSQRT.H with static rm = 101 is illegal
  TEST_ILLEGAL 186, 0xc405e553, .insn r 0x53, 6, 0x62, a0, fa1, f0                           # Unpriv §20.2: FCVT.W.H with static rm = 110 is illegal
  csrwi frm, 5
  TEST_ILLEGAL 187, 0x04c5f553, fadd.h fa0, fa1, fa2, dyn                                    # Unpriv §20.2: FADD.H with DYN and frm = 101 is illegal
  csrwi frm, 6
  TEST_ILLEGAL 188, 0x04c5f553, fadd.h fa0, fa1, fa2, dyn                                    # Unpriv §20.2: FADD.H with DYN and frm = 110 is illegal
  csrwi frm, 7
  TEST_ILLEGAL 189, 0x04c5f553, fadd.h fa0, fa1, fa2, dyn                                    # Unpriv §20.2: FADD.H with DYN and frm = 111 is illegal
  TEST_ILLEGAL 190, 0x64c5f543, fmadd.h fa0, fa1, fa2, fa2, dyn                              # Unpriv §20.2: FMADD.H with DYN and frm = 111 is illegal
  TEST_ILLEGAL 191, 0xd405f553, fcvt.h.w fa0, a1, dyn                                        # Unpriv §20.2: FCVT.H.W with DYN and frm = 111 is illegal
  CASE 192                                                                                     # Unpriv §20.2: a static rm still works while frm holds a reserved value
  fadd.h fa0, fa1, fa2, rne
  fmv.x.d a1, fa0
  CHECK a1, 0xffffffffffff4000
  CASE 193                                                                                     # Unpriv §20.2: instructions without rounding ignore an invalid frm
  fsgnjn.h fa0, fa1, fa2
  fmin.h fa0, fa0, fa1
  fmv.x.h a1, fa0
  CHECK a1, 0xffffffffffffbc00
  csrwi frm, RM_RNE

  # ---- FMIN.H / FMAX.H (Unpriv §23.2 as §20.6: minimumNumber / maximumNumber).
  TEST_H2 194, fmin.h, , 0x3c00, 0, 0x3c00, 0x4000                                           # Unpriv §23.2: FMIN.H: ordinary operands
  TEST_H2 195, fmax.h, , 0x4000, 0, 0x3c00, 0x4000                                           # Unpriv §23.2: FMAX.H: ordinary operands
  TEST_H2 196, fmin.h, , 0xc000, 0, 0xc000, 0x3c00                                           # Unpriv §23.2: FMIN.H: a negative operand
  TEST_H2 197, fmax.h, , 0x3c00, 0, 0xc000, 0x3c00                                           # Unpriv §23.2: FMAX.H: a negative operand
  TEST_H2 198, fmin.h, , 0x8000, 0, 0x0000, 0x8000                                           # Unpriv §23.2: FMIN.H: -0 is less than +0
  TEST_H2 199, fmax.h, , 0x0000, 0, 0x0000, 0x8000                                           # Unpriv §23.2: FMAX.H: -0 is less than +0
  TEST_H2 200, fmin.h, , 0x8000, 0, 0x8000, 0x0000                                           # Unpriv §23.2: FMIN.H: -0 is less than +0, either order
  TEST_H2 201, fmax.h, , 0x0000, 0, 0x8000, 0x0000                                           # Unpriv §23.2: FMAX.H: -0 is less than +0, either order
  TEST_H2 202, fmin.h, , 0x3c00, 0, 0x7e00, 0x3c00                                           # Unpriv §23.2: FMIN.H: one quiet NaN: the other operand, no NV
  TEST_H2 203, fmax.h, , 0x3c00, 0, 0x7e00, 0x3c00                                           # Unpriv §23.2: FMAX.H: one quiet NaN: the other operand, no NV
  TEST_H2 204, fmin.h, , 0x3c00, NV, 0x3c00, 0x7c01                                          # Unpriv §23.2: FMIN.H: one signalling NaN: the other operand, NV
  TEST_H2 205, fmax.h, , 0x3c00, NV, 0x3c00, 0x7c01                                          # Unpriv §23.2: FMAX.H: one signalling NaN: the other operand, NV
  TEST_H2 206, fmin.h, , 0x7e00, NV, 0x7e00, 0x7c01                                          # Unpriv §23.2: FMIN.H: both NaN: the canonical NaN, NV for the signalling one
  TEST_H2 207, fmax.h, , 0x7e00, NV, 0x7e00, 0x7c01                                          # Unpriv §23.2: FMAX.H: both NaN: the canonical NaN, NV for the signalling one
  TEST_H2 208, fmin.h, , 0x7e00, 0, 0xfe01, 0x7f00                                           # Unpriv §23.2: FMIN.H: both quiet NaNs: the canonical NaN, no NV
  TEST_H2 209, fmax.h, , 0x7e00, 0, 0xfe01, 0x7f00                                           # Unpriv §23.2: FMAX.H: both quiet NaNs: the canonical NaN, no NV
  TEST_H2 210, fmin.h, , 0xfc00, 0, 0xfc00, 0x7bff                                           # Unpriv §23.2: FMIN.H: -inf is the least
  TEST_H2 211, fmax.h, , 0x7bff, 0, 0xfc00, 0x7bff                                           # Unpriv §23.2: FMAX.H: -inf is the least
  # ---- Sign injection (Unpriv §23.3): bit operations, never flags, even on sNaN.
  TEST_H2 212, fsgnj.h, , 0xbc00, 0, 0x3c00, 0xc000                                          # Unpriv §23.3: FSGNJ.H 1, -2
  TEST_H2 213, fsgnjn.h, , 0x3c00, 0, 0x3c00, 0xc000                                         # Unpriv §23.3: FSGNJN.H 1, -2
  TEST_H2 214, fsgnjx.h, , 0xbc00, 0, 0x3c00, 0xc000                                         # Unpriv §23.3: FSGNJX.H 1, -2
  TEST_H2 215, fsgnj.h, , 0xbc00, 0, 0xbc00, 0xc000                                          # Unpriv §23.3: FSGNJ.H -1, -2
  TEST_H2 216, fsgnjn.h, , 0x3c00, 0, 0xbc00, 0xc000                                         # Unpriv §23.3: FSGNJN.H -1, -2
  TEST_H2 217, fsgnjx.h, , 0x3c00, 0, 0xbc00, 0xc000                                         # Unpriv §23.3: FSGNJX.H -1, -2
  TEST_H2 218, fsgnj.h, , 0xfc01, 0, 0x7c01, 0x8000                                          # Unpriv §23.3: FSGNJ.H sNaN, -0: bits move, no NV
  TEST_H2 219, fsgnjn.h, , 0x7c01, 0, 0x7c01, 0x8000                                         # Unpriv §23.3: FSGNJN.H sNaN, -0: bits move, no NV
  TEST_H2 220, fsgnjx.h, , 0xfc01, 0, 0x7c01, 0x8000                                         # Unpriv §23.3: FSGNJX.H sNaN, -0: bits move, no NV
  TEST_H2 221, fsgnj.h, , 0x7e55, 0, 0xfe55, 0x3c00                                          # Unpriv §23.3: FSGNJ.H NaN payload kept
  TEST_H2 222, fsgnjn.h, , 0xfe55, 0, 0xfe55, 0x3c00                                         # Unpriv §23.3: FSGNJN.H NaN payload kept
  TEST_H2 223, fsgnjx.h, , 0xfe55, 0, 0xfe55, 0x3c00                                         # Unpriv §23.3: FSGNJX.H NaN payload kept
  # ---- FEQ.H (quiet), FLT.H and FLE.H (signalling) (Unpriv §23.4).
  TEST_F_CMP 224, feq.h, h, 0, 0, 0x3c00, 0x4000                                             # Unpriv §23.4: FEQ.H, ordered
  TEST_F_CMP 225, flt.h, h, 1, 0, 0x3c00, 0x4000                                             # Unpriv §23.4: FLT.H, ordered
  TEST_F_CMP 226, fle.h, h, 1, 0, 0x3c00, 0x4000                                             # Unpriv §23.4: FLE.H, ordered
  TEST_F_CMP 227, feq.h, h, 0, 0, 0x4000, 0x3c00                                             # Unpriv §23.4: FEQ.H, reversed
  TEST_F_CMP 228, flt.h, h, 0, 0, 0x4000, 0x3c00                                             # Unpriv §23.4: FLT.H, reversed
  TEST_F_CMP 229, fle.h, h, 0, 0, 0x4000, 0x3c00                                             # Unpriv §23.4: FLE.H, reversed
  TEST_F_CMP 230, feq.h, h, 1, 0, 0x3c00, 0x3c00                                             # Unpriv §23.4: FEQ.H, equal
  TEST_F_CMP 231, flt.h, h, 0, 0, 0x3c00, 0x3c00                                             # Unpriv §23.4: FLT.H, equal
  TEST_F_CMP 232, fle.h, h, 1, 0, 0x3c00, 0x3c00                                             # Unpriv §23.4: FLE.H, equal
  TEST_F_CMP 233, feq.h, h, 1, 0, 0x0000, 0x8000                                             # Unpriv §23.4: FEQ.H, +0 = -0
  TEST_F_CMP 234, flt.h, h, 0, 0, 0x0000, 0x8000                                             # Unpriv §23.4: FLT.H, +0 = -0
  TEST_F_CMP 235, fle.h, h, 1, 0, 0x0000, 0x8000                                             # Unpriv §23.4: FLE.H, +0 = -0
  TEST_F_CMP 236, feq.h, h, 0, 0, 0x7e00, 0x3c00                                             # Unpriv §23.4: FEQ.H, quiet NaN
  TEST_F_CMP 237, flt.h, h, 0, NV, 0x7e00, 0x3c00                                            # Unpriv §23.4: FLT.H, quiet NaN
  TEST_F_CMP 238, fle.h, h, 0, NV, 0x7e00, 0x3c00                                            # Unpriv §23.4: FLE.H, quiet NaN
  TEST_F_CMP 239, feq.h, h, 0, NV, 0x3c00, 0x7c01                                            # Unpriv §23.4: FEQ.H, signalling NaN
  TEST_F_CMP 240, flt.h, h, 0, NV, 0x3c00, 0x7c01                                            # Unpriv §23.4: FLT.H, signalling NaN
  TEST_F_CMP 241, fle.h, h, 0, NV, 0x3c00, 0x7c01                                            # Unpriv §23.4: FLE.H, signalling NaN
  TEST_F_CMP 242, feq.h, h, 0, 0, 0xfc00, 0x7c00                                             # Unpriv §23.4: FEQ.H, infinities
  TEST_F_CMP 243, flt.h, h, 1, 0, 0xfc00, 0x7c00                                             # Unpriv §23.4: FLT.H, infinities
  TEST_F_CMP 244, fle.h, h, 1, 0, 0xfc00, 0x7c00                                             # Unpriv §23.4: FLE.H, infinities
  TEST_F_CMP 245, feq.h, h, 0, 0, 0x0001, 0x8001                                             # Unpriv §23.4: FEQ.H, subnormals
  TEST_F_CMP 246, flt.h, h, 0, 0, 0x0001, 0x8001                                             # Unpriv §23.4: FLT.H, subnormals
  TEST_F_CMP 247, fle.h, h, 0, 0, 0x0001, 0x8001                                             # Unpriv §23.4: FLE.H, subnormals
  # ---- FCLASS.H (Unpriv §23.5, the mask of §20.9): one case per class.
  TEST_F_TO_X 248, fclass.h, , h, 0x1, 0, 0xfc00                                             # Unpriv §23.5: FCLASS.H of -inf
  TEST_F_TO_X 249, fclass.h, , h, 0x2, 0, 0xc000                                             # Unpriv §23.5: FCLASS.H of negative normal
  TEST_F_TO_X 250, fclass.h, , h, 0x4, 0, 0x8001                                             # Unpriv §23.5: FCLASS.H of negative subnormal
  TEST_F_TO_X 251, fclass.h, , h, 0x8, 0, 0x8000                                             # Unpriv §23.5: FCLASS.H of -0
  TEST_F_TO_X 252, fclass.h, , h, 0x10, 0, 0x0000                                            # Unpriv §23.5: FCLASS.H of +0
  TEST_F_TO_X 253, fclass.h, , h, 0x20, 0, 0x03ff                                            # Unpriv §23.5: FCLASS.H of positive subnormal
  TEST_F_TO_X 254, fclass.h, , h, 0x40, 0, 0x7bff                                            # Unpriv §23.5: FCLASS.H of positive normal
  TEST_F_TO_X 255, fclass.h, , h, 0x80, 0, 0x7c00                                            # Unpriv §23.5: FCLASS.H of +inf
  TEST_F_TO_X 256, fclass.h, , h, 0x100, 0, 0x7c01                                           # Unpriv §23.5: FCLASS.H of signalling NaN
  TEST_F_TO_X 257, fclass.h, , h, 0x200, 0, 0x7e00                                           # Unpriv §23.5: FCLASS.H of quiet NaN
  TEST_F_TO_X 258, fclass.h, , h, 0x100, 0, 0xfdff                                           # Unpriv §23.5: FCLASS.H of signalling NaN, sign set, all payload bits

  # ---- FCVT.{W,WU,L,LU}.H (Unpriv §23.3, saturating as in the §20.7 table).
  TEST_F_TO_X 259, fcvt.w.h, rne, h, 0x2, NX, 0x3e00                                         # Unpriv §23.3: FCVT.W.H 1.5 rounds to even 2, NX
  TEST_F_TO_X 260, fcvt.w.h, rne, h, 0x2, NX, 0x4100                                         # Unpriv §23.3: FCVT.W.H 2.5 rounds to even 2, NX
  TEST_F_TO_X 261, fcvt.w.h, rtz, h, 0xffffffffffffffff, NX, 0xbe00                          # Unpriv §23.3: FCVT.W.H -1.5 truncates to -1, NX
  TEST_F_TO_X 262, fcvt.w.h, rdn, h, 0xfffffffffffffffe, NX, 0xbe00                          # Unpriv §23.3: FCVT.W.H -1.5 rounds down to -2
  TEST_F_TO_X 263, fcvt.w.h, rup, h, 0x2, NX, 0x3e00                                         # Unpriv §23.3: FCVT.W.H 1.5 rounds up to 2
  TEST_F_TO_X 264, fcvt.w.h, rmm, h, 0x3, NX, 0x4100                                         # Unpriv §23.3: FCVT.W.H 2.5 rounds away to 3
  TEST_F_TO_X 265, fcvt.w.h, rne, h, 0xffe0, 0, 0x7bff                                       # Unpriv §23.3: FCVT.W.H 65504 exactly
  TEST_F_TO_X 266, fcvt.w.h, rne, h, 0xffffffffffff0020, 0, 0xfbff                           # Unpriv §23.3: FCVT.W.H -65504: sign-extended
  TEST_F_TO_X 267, fcvt.w.h, rne, h, 0x7fffffff, NV, 0x7c00                                  # Unpriv §23.3: FCVT.W.H +inf saturates to 2^31-1, NV
  TEST_F_TO_X 268, fcvt.w.h, rne, h, 0xffffffff80000000, NV, 0xfc00                          # Unpriv §23.3: FCVT.W.H -inf saturates to -2^31, NV
  TEST_F_TO_X 269, fcvt.w.h, rne, h, 0x7fffffff, NV, 0x7e00                                  # Unpriv §23.3: FCVT.W.H NaN gives 2^31-1, NV
  TEST_F_TO_X 270, fcvt.w.h, rne, h, 0x7fffffff, NV, 0xfe00                                  # Unpriv §23.3: FCVT.W.H a negative NaN also gives 2^31-1, NV
  TEST_F_TO_X 271, fcvt.w.h, rup, h, 0x1, NX, 0x0001                                         # Unpriv §23.3: FCVT.W.H min subnormal rounds up to 1, NX
  TEST_F_TO_X 272, fcvt.w.h, rne, h, 0x0, 0, 0x8000                                          # Unpriv §23.3: FCVT.W.H -0 is 0, exact
  TEST_F_TO_X 273, fcvt.wu.h, rne, h, 0xffe0, 0, 0x7bff                                      # Unpriv §23.3: FCVT.WU.H 65504 exactly
  TEST_F_TO_X 274, fcvt.wu.h, rne, h, 0x0, NV, 0xbc00                                        # Unpriv §23.3: FCVT.WU.H -1 is out of range: 0, NV
  TEST_F_TO_X 275, fcvt.wu.h, rtz, h, 0x0, NX, 0xb800                                        # Unpriv §23.3: FCVT.WU.H -0.5 truncates to 0 inside the range: NX only
  TEST_F_TO_X 276, fcvt.wu.h, rdn, h, 0x0, NV, 0xb800                                        # Unpriv §23.3: FCVT.WU.H -0.5 rounds down to -1: out of range, NV
  TEST_F_TO_X 277, fcvt.wu.h, rne, h, 0xffffffffffffffff, NV, 0x7c00                         # Unpriv §23.3: FCVT.WU.H +inf saturates to 2^32-1 (sign-extended), NV
  TEST_F_TO_X 278, fcvt.wu.h, rne, h, 0xffffffffffffffff, NV, 0x7c01                         # Unpriv §23.3: FCVT.WU.H sNaN gives 2^32-1, NV only
  TEST_F_TO_X 279, fcvt.l.h, rne, h, 0xffffffffffff0020, 0, 0xfbff                           # Unpriv §23.3: FCVT.L.H -65504 exactly
  TEST_F_TO_X 280, fcvt.l.h, rne, h, 0x0, NX, 0x3555                                         # Unpriv §23.3: FCVT.L.H 0.33325 rounds to 0, NX
  TEST_F_TO_X 281, fcvt.l.h, rne, h, 0x8000000000000000, NV, 0xfc00                          # Unpriv §23.3: FCVT.L.H -inf saturates to -2^63, NV
  TEST_F_TO_X 282, fcvt.l.h, rne, h, 0x7fffffffffffffff, NV, 0x7e00                          # Unpriv §23.3: FCVT.L.H NaN gives 2^63-1, NV
  TEST_F_TO_X 283, fcvt.lu.h, rne, h, 0xffe0, 0, 0x7bff                                      # Unpriv §23.3: FCVT.LU.H 65504 exactly
  TEST_F_TO_X 284, fcvt.lu.h, rne, h, 0x0, NV, 0xfbff                                        # Unpriv §23.3: FCVT.LU.H -65504 is out of range: 0, NV
  TEST_F_TO_X 285, fcvt.lu.h, rne, h, 0x0, NV, 0xfc00                                        # Unpriv §23.3: FCVT.LU.H -inf gives 0, NV
  TEST_F_TO_X 286, fcvt.lu.h, rne, h, 0xffffffffffffffff, NV, 0x7e00                         # Unpriv §23.3: FCVT.LU.H NaN gives 2^64-1, NV
  TEST_F_TO_X 287, fcvt.lu.h, rmm, h, 0x1, NX, 0x3bff                                        # Unpriv §23.3: FCVT.LU.H 1 - 2^-11 rounds away to 1, NX
  # ---- FCVT.H.{W,WU,L,LU} (Unpriv §23.3).
  TEST_X_TO_F 288, fcvt.h.w, rne, h, 0x3c00, 0, 1                                            # Unpriv §23.3: FCVT.H.W 1 exactly
  TEST_X_TO_F 289, fcvt.h.w, rne, h, 0xe800, 0, -2048                                        # Unpriv §23.3: FCVT.H.W -2048 exactly
  TEST_X_TO_F 290, fcvt.h.w, rne, h, 0x6800, NX, 2049                                        # Unpriv §23.3: FCVT.H.W 2049 is a tie: to even 2048, NX
  TEST_X_TO_F 291, fcvt.h.w, rne, h, 0x6802, NX, 2051                                        # Unpriv §23.3: FCVT.H.W 2051 is a tie: to even 2052, NX
  TEST_X_TO_F 292, fcvt.h.w, rup, h, 0x6801, NX, 2049                                        # Unpriv §23.3: FCVT.H.W 2049 rounds up to 2050
  TEST_X_TO_F 293, fcvt.h.w, rdn, h, 0xe801, NX, -2049                                       # Unpriv §23.3: FCVT.H.W -2049 rounds down to -2050
  TEST_X_TO_F 294, fcvt.h.w, rmm, h, 0xe801, NX, -2049                                       # Unpriv §23.3: FCVT.H.W -2049 rounds away to -2050
  TEST_X_TO_F 295, fcvt.h.w, rne, h, 0x7bff, 0, 65504                                        # Unpriv §23.3: FCVT.H.W max exactly
  TEST_X_TO_F 296, fcvt.h.w, rne, h, 0x7bff, NX, 65519                                       # Unpriv §23.3: FCVT.H.W 65519 rounds down to max, NX
  TEST_X_TO_F 297, fcvt.h.w, rne, h, 0x7c00, OF|NX, 65520                                    # Unpriv §23.3: FCVT.H.W 65520 rounds to inf, OF|NX
  TEST_X_TO_F 298, fcvt.h.w, rtz, h, 0x7bff, NX, 65520                                       # Unpriv §23.3: FCVT.H.W 65520 truncates to max: no overflow in RTZ, NX only
  TEST_X_TO_F 299, fcvt.h.w, rup, h, 0xfbff, OF|NX, -70000                                   # Unpriv §23.3: FCVT.H.W -70000 rounds up to -max, OF|NX
  TEST_X_TO_F 300, fcvt.h.w, rne, h, 0x7c00, OF|NX, 2147483647                               # Unpriv §23.3: FCVT.H.W 2^31-1 overflows to inf
  TEST_X_TO_F 301, fcvt.h.w, rne, h, 0x4200, 0, 0x0000000100000003                           # Unpriv §23.3: FCVT.H.W reads only bits 31:0: 3
  TEST_X_TO_F 302, fcvt.h.wu, rtz, h, 0x7bff, OF|NX, 0xffffffffffff0000                      # Unpriv §23.3: FCVT.H.WU 2^32-65536 (bits 31:0) overflows: max in RTZ
  TEST_X_TO_F 303, fcvt.h.wu, rne, h, 0x67ff, 0, 2047                                        # Unpriv §23.3: FCVT.H.WU 2047 exactly
  TEST_X_TO_F 304, fcvt.h.l, rne, h, 0xfc00, OF|NX, 0x8000000000000000                       # Unpriv §23.3: FCVT.H.L -2^63 overflows to -inf
  TEST_X_TO_F 305, fcvt.h.l, rup, h, 0xfbff, OF|NX, 0x8000000000000000                       # Unpriv §23.3: FCVT.H.L -2^63 rounds up to -max, OF|NX
  TEST_X_TO_F 306, fcvt.h.l, rdn, h, 0x7bff, OF|NX, 0x0020000000000001                       # Unpriv §23.3: FCVT.H.L 2^53+1 overflows: max in RDN
  TEST_X_TO_F 307, fcvt.h.l, rtz, h, 0xf207, NX, -12345                                      # Unpriv §23.3: FCVT.H.L -12345 truncates to -12344, NX
  TEST_X_TO_F 308, fcvt.h.lu, rne, h, 0x7c00, OF|NX, 0xffffffffffffffff                      # Unpriv §23.3: FCVT.H.LU 2^64-1 overflows to inf
  TEST_X_TO_F 309, fcvt.h.lu, rtz, h, 0x7bff, OF|NX, 0xffffffffffffffff                      # Unpriv §23.3: FCVT.H.LU 2^64-1 overflows: max in RTZ
  TEST_X_TO_F 310, fcvt.h.lu, rmm, h, 0x6c00, NX, 4097                                       # Unpriv §23.3: FCVT.H.LU 4097 is a tie: away to 4100
  TEST_X_TO_F 311, fcvt.h.lu, rdn, h, 0x0000, 0, 0                                           # Unpriv §23.3: FCVT.H.LU 0 is +0 even when rounding down

  # ---- NaN-boxed operands (Unpriv §23): bits 63:16 must all be ones, else the
  # operand is the canonical NaN (a quiet NaN: no NV).
  CASE 312                                                                                     # Unpriv §23: FADD.H reads a register with bits 63:16 all zero as the canonical NaN
  li t0, 0x0000000000003c00
  fmv.d.x fa0, t0
  li t0, 0x3c00
  fmv.h.x fa1, t0
  csrwi fflags, 0
  fadd.h fa2, fa0, fa1
  RVHV_FFLAGS 0
  RVHV_FCHECK fa2, h, QNAN_H
  CASE 313                                                                                     # Unpriv §23: FADD.H reads a boxed single (bits 31:16 zero) as the canonical NaN
  li t0, 0xffffffff00003c00
  fmv.d.x fa0, t0
  li t0, 0x3c00
  fmv.h.x fa1, t0
  csrwi fflags, 0
  fadd.h fa2, fa0, fa1
  RVHV_FFLAGS 0
  RVHV_FCHECK fa2, h, QNAN_H
  CASE 314                                                                                     # Unpriv §23: FADD.H reads bits 63:16 with only bit 16 clear as the canonical NaN
  li t0, 0xfffffffffffe3c00
  fmv.d.x fa0, t0
  li t0, 0x3c00
  fmv.h.x fa1, t0
  csrwi fflags, 0
  fadd.h fa2, fa0, fa1
  RVHV_FFLAGS 0
  RVHV_FCHECK fa2, h, QNAN_H
  CASE 315                                                                                     # Unpriv §23: FADD.H reads bits 63:16 with only bit 63 clear as the canonical NaN
  li t0, 0x7fffffffffff3c00
  fmv.d.x fa0, t0
  li t0, 0x3c00
  fmv.h.x fa1, t0
  csrwi fflags, 0
  fadd.h fa2, fa0, fa1
  RVHV_FFLAGS 0
  RVHV_FCHECK fa2, h, QNAN_H
  CASE 316                                                                                     # Unpriv §23: FMUL.H with an unboxed rs2
  li t0, 0xffffffff3f800000
  fmv.d.x fa0, t0
  li t0, 0x3c00
  fmv.h.x fa1, t0
  csrwi fflags, 0
  fmul.h fa2, fa1, fa0
  RVHV_FFLAGS 0
  RVHV_FCHECK fa2, h, QNAN_H
  CASE 317                                                                                     # Unpriv §23: FSGNJ.H: rs1 unboxed reads as the canonical NaN, rs2 gives the sign
  li t0, 0xffffffff3f800000
  fmv.d.x fa0, t0
  li t0, 0x3c00
  fmv.h.x fa1, t0
  csrwi fflags, 0
  fsgnj.h fa2, fa0, fa1
  RVHV_FFLAGS 0
  RVHV_FCHECK fa2, h, QNAN_H
  CASE 318                                                                                     # Unpriv §23: FSGNJN.H: the canonical NaN with the negated sign of rs2
  li t0, 0xffffffff3f800000
  fmv.d.x fa0, t0
  li t0, 0x3c00
  fmv.h.x fa1, t0
  csrwi fflags, 0
  fsgnjn.h fa2, fa0, fa1
  RVHV_FFLAGS 0
  RVHV_FCHECK fa2, h, 0xfe00
  CASE 319                                                                                     # Unpriv §23: FSQRT.H of an unboxed operand
  li t0, 0xffffffff3f800000
  fmv.d.x fa0, t0
  li t0, 0x3c00
  fmv.h.x fa1, t0
  csrwi fflags, 0
  fsqrt.h fa2, fa0
  RVHV_FFLAGS 0
  RVHV_FCHECK fa2, h, QNAN_H
  CASE 320                                                                                     # Unpriv §23: FMIN.H: an unboxed operand is a (quiet) NaN, the other wins
  li t0, 0xffffffff3f800000
  fmv.d.x fa0, t0
  li t0, 0x3c00
  fmv.h.x fa1, t0
  csrwi fflags, 0
  fmin.h fa2, fa0, fa1
  RVHV_FFLAGS 0
  RVHV_FCHECK fa2, h, 0x3c00
  CASE 321                                                                                     # Unpriv §23: FMADD.H with an unboxed addend
  li t0, 0xffffffff3f800000
  fmv.d.x fa0, t0
  li t0, 0x3c00
  fmv.h.x fa1, t0
  csrwi fflags, 0
  fmadd.h fa2, fa1, fa1, fa0
  RVHV_FFLAGS 0
  RVHV_FCHECK fa2, h, QNAN_H
  CASE 322                                                                                     # Unpriv §23: FEQ.H with an unboxed operand: false, quietly
  li t0, 0x000000000000bc00
  fmv.d.x fa0, t0
  li t0, 0x3c00
  fmv.h.x fa1, t0
  csrwi fflags, 0
  feq.h a0, fa0, fa1
  RVHV_FFLAGS 0
  CHECK a0, 0
  CASE 323                                                                                     # Unpriv §23: FLT.H with an unboxed operand: false, NV (a NaN operand)
  li t0, 0x000000000000bc00
  fmv.d.x fa0, t0
  li t0, 0x3c00
  fmv.h.x fa1, t0
  csrwi fflags, 0
  flt.h a0, fa0, fa1
  RVHV_FFLAGS NV
  CHECK a0, 0
  CASE 324                                                                                     # Unpriv §23: FCLASS.H of an unboxed operand: quiet NaN
  li t0, 0x000000000000bc00
  fmv.d.x fa0, t0
  li t0, 0x3c00
  fmv.h.x fa1, t0
  csrwi fflags, 0
  fclass.h a0, fa0
  RVHV_FFLAGS 0
  CHECK a0, 0x200
  CASE 325                                                                                     # Unpriv §23: FCVT.W.H of an unboxed operand: NaN, 2^31-1
  li t0, 0x000000000000bc00
  fmv.d.x fa0, t0
  li t0, 0x3c00
  fmv.h.x fa1, t0
  csrwi fflags, 0
  fcvt.w.h a0, fa0, rtz
  RVHV_FFLAGS NV
  CHECK a0, 0x7fffffff
  CASE 326                                                                                     # Unpriv §23: a half result is written NaN-boxed (bits 63:16 set), over a double
  li t0, 0x0123456789abcdef
  fmv.d.x fa2, t0
  fadd.h fa2, fa1, fa1
  fmv.x.d a0, fa2
  CHECK a0, 0xffffffffffff4000

RVHV_CODE_END
