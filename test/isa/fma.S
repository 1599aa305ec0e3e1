# Fused multiply-add (Unpriv §20.6, §21.4): FMADD, FMSUB, FNMSUB, FNMADD
# compute a*b+c with a single rounding. The cases are chosen so that a
# separate multiply then add would round differently. Expected values were
# checked against an exact rational model.
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  # ---- Definitions of the four fused operations (S).
  TEST_S3 1, fmadd.s, rne, 0x40e00000, 0, 0x40000000, 0x40400000, 0x3f800000             # Unpriv §20.6: FMADD = a*b + c
  TEST_S3 2, fmsub.s, rne, 0x40a00000, 0, 0x40000000, 0x40400000, 0x3f800000             # Unpriv §20.6: FMSUB = a*b - c
  TEST_S3 3, fnmsub.s, rne, 0xc0a00000, 0, 0x40000000, 0x40400000, 0x3f800000            # Unpriv §20.6: FNMSUB = -(a*b) + c
  TEST_S3 4, fnmadd.s, rne, 0xc0e00000, 0, 0x40000000, 0x40400000, 0x3f800000            # Unpriv §20.6: FNMADD = -(a*b) - c
  # ---- One rounding: cases where a separate multiply and add would differ.
  TEST_S3 5, fmadd.s, rne, 0x28800000, 0, 0x3f800001, 0x3f800001, 0xbf800002             # Unpriv §20.6: a*b - round(a*b) recovers the rounding error u^2 exactly
  TEST_S3 6, fmadd.s, rne, 0x3a000400, 0, 0x3f800800, 0x3f800800, 0xbf800000             # Unpriv §20.6: (1+h)^2 - 1 keeps the h^2 term a rounded product loses
  TEST_S3 7, fmadd.s, rne, 0x7f7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff             # Unpriv §20.6: max*2 - max = max: no overflow in the exact product
  TEST_S3 8, fmsub.s, rne, 0x00000000, UF|NX, 0x00800000, 0x33800000, 0x00000000         # Unpriv §20.6: a tiny product is rounded once, with UF and NX
  TEST_S3 9, fmadd.s, rne, 0x3f801001, 0, 0x3f800800, 0x3f800800, 0x33800000             # Unpriv §20.6: the addend completes a product tail that rounding the product alone would drop
  TEST_S3 10, fmadd.s, rne, 0x3f800000, NX, 0x3f800001, 0x3f7ffffe, 0x33800000           # Unpriv §20.6: (1+u)(1-u) + u/2 = 1 + u/2 - u^2 rounds once, rm = RNE
  TEST_S3 11, fmadd.s, rtz, 0x3f800000, NX, 0x3f800001, 0x3f7ffffe, 0x33800000           # Unpriv §20.6: (1+u)(1-u) + u/2 = 1 + u/2 - u^2 rounds once, rm = RTZ
  TEST_S3 12, fmadd.s, rdn, 0x3f800000, NX, 0x3f800001, 0x3f7ffffe, 0x33800000           # Unpriv §20.6: (1+u)(1-u) + u/2 = 1 + u/2 - u^2 rounds once, rm = RDN
  TEST_S3 13, fmadd.s, rup, 0x3f800001, NX, 0x3f800001, 0x3f7ffffe, 0x33800000           # Unpriv §20.6: (1+u)(1-u) + u/2 = 1 + u/2 - u^2 rounds once, rm = RUP
  TEST_S3 14, fmadd.s, rmm, 0x3f800000, NX, 0x3f800001, 0x3f7ffffe, 0x33800000           # Unpriv §20.6: (1+u)(1-u) + u/2 = 1 + u/2 - u^2 rounds once, rm = RMM
  # ---- Signs of zero results (exact zero sums follow the addition rules).
  TEST_S3 15, fmadd.s, rne, 0x00000000, 0, 0x00000000, 0xbf800000, 0x00000000            # Unpriv §20.6: (+0)(-1) + (+0) = +0
  TEST_S3 16, fmadd.s, rne, 0x80000000, 0, 0x00000000, 0xbf800000, 0x80000000            # Unpriv §20.6: (+0)(-1) + (-0) = -0
  TEST_S3 17, fnmadd.s, rne, 0x80000000, 0, 0x00000000, 0x3f800000, 0x00000000           # Unpriv §20.6: FNMADD of +0 terms is -0
  TEST_S3 18, fmsub.s, rne, 0x00000000, 0, 0x00000000, 0x3f800000, 0x00000000            # Unpriv §20.6: FMSUB +0 - +0 = +0
  TEST_S3 19, fmadd.s, rne, 0x00000000, 0, 0x3f800000, 0x3f800000, 0xbf800000            # Unpriv §20.6: 1*1 - 1 = +0 in RNE
  TEST_S3 20, fmadd.s, rdn, 0x80000000, 0, 0x3f800000, 0x3f800000, 0xbf800000            # Unpriv §20.6: 1*1 - 1 = -0 in RDN
  # ---- Invalid operations and NaNs.
  TEST_S3 21, fmadd.s, rne, 0x7fc00000, NV, 0x7f800000, 0x00000000, 0x3f800000           # Unpriv §20.6: inf * 0 + c is invalid, NV
  TEST_S3 22, fmadd.s, rne, 0x7fc00000, NV, 0x00000000, 0xff800000, 0x7fc00000           # Unpriv §20.6: inf * 0 + qNaN must still raise NV
  TEST_S3 23, fmadd.s, rne, 0x7fc00000, NV, 0x7f800000, 0x3f800000, 0xff800000           # Unpriv §20.6: inf - inf in the addition is invalid, NV
  TEST_S3 24, fmsub.s, rne, 0x7fc00000, NV, 0x7f800000, 0x3f800000, 0x7f800000           # Unpriv §20.6: FMSUB inf*1 - inf is invalid, NV
  TEST_S3 25, fmadd.s, rne, 0x7f800000, 0, 0x7f800000, 0x40000000, 0x7f800000            # Unpriv §20.6: inf + inf = inf, no flag
  TEST_S3 26, fmadd.s, rne, 0x7fc00000, NV, 0x3f800000, 0x40000000, 0x7f800001           # Unpriv §20.3: a signaling NaN addend raises NV
  TEST_S3 27, fnmsub.s, rne, 0x7fc00000, 0, 0x7fc00000, 0x40000000, 0x40400000           # Unpriv §20.3: a quiet NaN operand gives the canonical NaN, no flag
  TEST_S3 28, fmadd.s, rne, 0xff800000, 0, 0x7f7fffff, 0x7f7fffff, 0xff800000            # Unpriv §20.6: an overflowing exact product plus -inf is -inf, no flag
  TEST_S3 29, fnmadd.s, rne, 0xff800000, OF|NX, 0x7f7fffff, 0x40800000, 0x00000000       # Unpriv §20.6: FNMADD overflow to -inf, OF and NX
  # ---- Definitions of the four fused operations (D).
  TEST_D3 30, fmadd.d, rne, 0x401c000000000000, 0, 0x4000000000000000, 0x4008000000000000, 0x3ff0000000000000 # Unpriv §21.4: FMADD = a*b + c
  TEST_D3 31, fmsub.d, rne, 0x4014000000000000, 0, 0x4000000000000000, 0x4008000000000000, 0x3ff0000000000000 # Unpriv §21.4: FMSUB = a*b - c
  TEST_D3 32, fnmsub.d, rne, 0xc014000000000000, 0, 0x4000000000000000, 0x4008000000000000, 0x3ff0000000000000 # Unpriv §21.4: FNMSUB = -(a*b) + c
  TEST_D3 33, fnmadd.d, rne, 0xc01c000000000000, 0, 0x4000000000000000, 0x4008000000000000, 0x3ff0000000000000 # Unpriv §21.4: FNMADD = -(a*b) - c
  # ---- One rounding: cases where a separate multiply and add would differ.
  TEST_D3 34, fmadd.d, rne, 0x3970000000000000, 0, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000002 # Unpriv §21.4: a*b - round(a*b) recovers the rounding error u^2 exactly
  TEST_D3 35, fmadd.d, rne, 0x3e60000002000000, 0, 0x3ff0000004000000, 0x3ff0000004000000, 0xbff0000000000000 # Unpriv §21.4: (1+h)^2 - 1 keeps the h^2 term a rounded product loses
  TEST_D3 36, fmadd.d, rne, 0x7fefffffffffffff, 0, 0x7fefffffffffffff, 0x4000000000000000, 0xffefffffffffffff # Unpriv §21.4: max*2 - max = max: no overflow in the exact product
  TEST_D3 37, fmsub.d, rne, 0x0000000000000000, UF|NX, 0x0010000000000000, 0x3ca0000000000000, 0x0000000000000000 # Unpriv §21.4: a tiny product is rounded once, with UF and NX
  TEST_D3 38, fmadd.d, rne, 0x3ff0000004000000, NX, 0x3ff0000002000000, 0x3ff0000002000000, 0x3c90000000000000 # Unpriv §21.4: the addend completes a product tail that rounding the product alone would drop
  TEST_D3 39, fmadd.d, rne, 0x3ff0000000000000, NX, 0x3ff0000000000001, 0x3feffffffffffffe, 0x3ca0000000000000 # Unpriv §21.4: (1+u)(1-u) + u/2 = 1 + u/2 - u^2 rounds once, rm = RNE
  TEST_D3 40, fmadd.d, rtz, 0x3ff0000000000000, NX, 0x3ff0000000000001, 0x3feffffffffffffe, 0x3ca0000000000000 # Unpriv §21.4: (1+u)(1-u) + u/2 = 1 + u/2 - u^2 rounds once, rm = RTZ
  TEST_D3 41, fmadd.d, rdn, 0x3ff0000000000000, NX, 0x3ff0000000000001, 0x3feffffffffffffe, 0x3ca0000000000000 # Unpriv §21.4: (1+u)(1-u) + u/2 = 1 + u/2 - u^2 rounds once, rm = RDN
  TEST_D3 42, fmadd.d, rup, 0x3ff0000000000001, NX, 0x3ff0000000000001, 0x3feffffffffffffe, 0x3ca0000000000000 # Unpriv §21.4: (1+u)(1-u) + u/2 = 1 + u/2 - u^2 rounds once, rm = RUP
  TEST_D3 43, fmadd.d, rmm, 0x3ff0000000000000, NX, 0x3ff0000000000001, 0x3feffffffffffffe, 0x3ca0000000000000 # Unpriv §21.4: (1+u)(1-u) + u/2 = 1 + u/2 - u^2 rounds once, rm = RMM
  # ---- Signs of zero results (exact zero sums follow the addition rules).
  TEST_D3 44, fmadd.d, rne, 0x0000000000000000, 0, 0x0000000000000000, 0xbff0000000000000, 0x0000000000000000 # Unpriv §21.4: (+0)(-1) + (+0) = +0
  TEST_D3 45, fmadd.d, rne, 0x8000000000000000, 0, 0x0000000000000000, 0xbff0000000000000, 0x8000000000000000 # Unpriv §21.4: (+0)(-1) + (-0) = -0
  TEST_D3 46, fnmadd.d, rne, 0x8000000000000000, 0, 0x0000000000000000, 0x3ff0000000000000, 0x0000000000000000 # Unpriv §21.4: FNMADD of +0 terms is -0
  TEST_D3 47, fmsub.d, rne, 0x0000000000000000, 0, 0x0000000000000000, 0x3ff0000000000000, 0x0000000000000000 # Unpriv §21.4: FMSUB +0 - +0 = +0
  TEST_D3 48, fmadd.d, rne, 0x0000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000 # Unpriv §21.4: 1*1 - 1 = +0 in RNE
  TEST_D3 49, fmadd.d, rdn, 0x8000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000 # Unpriv §21.4: 1*1 - 1 = -0 in RDN
  # ---- Invalid operations and NaNs.
  TEST_D3 50, fmadd.d, rne, 0x7ff8000000000000, NV, 0x7ff0000000000000, 0x0000000000000000, 0x3ff0000000000000 # Unpriv §21.4: inf * 0 + c is invalid, NV
  TEST_D3 51, fmadd.d, rne, 0x7ff8000000000000, NV, 0x0000000000000000, 0xfff0000000000000, 0x7ff8000000000000 # Unpriv §20.6: inf * 0 + qNaN must still raise NV
  TEST_D3 52, fmadd.d, rne, 0x7ff8000000000000, NV, 0x7ff0000000000000, 0x3ff0000000000000, 0xfff0000000000000 # Unpriv §21.4: inf - inf in the addition is invalid, NV
  TEST_D3 53, fmsub.d, rne, 0x7ff8000000000000, NV, 0x7ff0000000000000, 0x3ff0000000000000, 0x7ff0000000000000 # Unpriv §21.4: FMSUB inf*1 - inf is invalid, NV
  TEST_D3 54, fmadd.d, rne, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x4000000000000000, 0x7ff0000000000000 # Unpriv §21.4: inf + inf = inf, no flag
  TEST_D3 55, fmadd.d, rne, 0x7ff8000000000000, NV, 0x3ff0000000000000, 0x4000000000000000, 0x7ff0000000000001 # Unpriv §20.3: a signaling NaN addend raises NV
  TEST_D3 56, fnmsub.d, rne, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0x4000000000000000, 0x4008000000000000 # Unpriv §20.3: a quiet NaN operand gives the canonical NaN, no flag
  TEST_D3 57, fmadd.d, rne, 0xfff0000000000000, 0, 0x7fefffffffffffff, 0x7fefffffffffffff, 0xfff0000000000000 # Unpriv §21.4: an overflowing exact product plus -inf is -inf, no flag
  TEST_D3 58, fnmadd.d, rne, 0xfff0000000000000, OF|NX, 0x7fefffffffffffff, 0x4010000000000000, 0x0000000000000000 # Unpriv §21.4: FNMADD overflow to -inf, OF and NX

RVHV_CODE_END
