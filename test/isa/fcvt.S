# Conversions (Unpriv §20.7, §21.5): float to integer with the saturation
# table for NaN, infinities and out-of-range values (NV, not NX), rounding
# under every rm, W results sign-extended even for WU, integer to float, and
# FCVT.S.D / FCVT.D.S. Expected values were checked against an exact model.
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  # ---- FCVT.W.S (to signed 32-bit; the result is sign-extended to 64 bits).
  TEST_F_TO_X 1, fcvt.w.s, rne, s, 0x0000000000000002, NX, 0x40200000                    # Unpriv §20.7: 2.5 to int32, rm = RNE
  TEST_F_TO_X 2, fcvt.w.s, rtz, s, 0x0000000000000002, NX, 0x40200000                    # Unpriv §20.7: 2.5 to int32, rm = RTZ
  TEST_F_TO_X 3, fcvt.w.s, rdn, s, 0x0000000000000002, NX, 0x40200000                    # Unpriv §20.7: 2.5 to int32, rm = RDN
  TEST_F_TO_X 4, fcvt.w.s, rup, s, 0x0000000000000003, NX, 0x40200000                    # Unpriv §20.7: 2.5 to int32, rm = RUP
  TEST_F_TO_X 5, fcvt.w.s, rmm, s, 0x0000000000000003, NX, 0x40200000                    # Unpriv §20.7: 2.5 to int32, rm = RMM
  TEST_F_TO_X 6, fcvt.w.s, rne, s, 0xfffffffffffffffe, NX, 0xc0200000                    # Unpriv §20.7: -2.5 to int32, rm = RNE
  TEST_F_TO_X 7, fcvt.w.s, rtz, s, 0xfffffffffffffffe, NX, 0xc0200000                    # Unpriv §20.7: -2.5 to int32, rm = RTZ
  TEST_F_TO_X 8, fcvt.w.s, rdn, s, 0xfffffffffffffffd, NX, 0xc0200000                    # Unpriv §20.7: -2.5 to int32, rm = RDN
  TEST_F_TO_X 9, fcvt.w.s, rup, s, 0xfffffffffffffffe, NX, 0xc0200000                    # Unpriv §20.7: -2.5 to int32, rm = RUP
  TEST_F_TO_X 10, fcvt.w.s, rmm, s, 0xfffffffffffffffd, NX, 0xc0200000                   # Unpriv §20.7: -2.5 to int32, rm = RMM
  TEST_F_TO_X 11, fcvt.w.s, rne, s, 0xfffffffffffffffe, NX, 0xbfc00000                   # Unpriv §20.7: -1.5 rounds to even -2, NX
  TEST_F_TO_X 12, fcvt.w.s, rtz, s, 0x0000000000000000, 0, 0x80000000                    # Unpriv §20.7: -0 converts to 0, exact
  TEST_F_TO_X 13, fcvt.w.s, rtz, s, 0xffffffff80000000, 0, 0xcf000000                    # Unpriv §20.7: -2^31 is in range, exact
  TEST_F_TO_X 14, fcvt.w.s, rtz, s, 0x000000007fffffff, NV, 0x4f000000                   # Unpriv §20.7 (FCVT saturation table): 2^31 is out of range: 2^31-1, NV
  TEST_F_TO_X 15, fcvt.w.s, rtz, s, 0x000000007fffffff, NV, 0x7f7fffff                   # Unpriv §20.7 (FCVT saturation table): a large positive value saturates to 2^31-1, NV
  TEST_F_TO_X 16, fcvt.w.s, rtz, s, 0xffffffff80000000, NV, 0xff7fffff                   # Unpriv §20.7 (FCVT saturation table): a large negative value saturates to -2^31, NV
  TEST_F_TO_X 17, fcvt.w.s, rtz, s, 0x000000007fffffff, NV, 0x7f800000                   # Unpriv §20.7 (FCVT saturation table): +inf gives 2^31-1, NV
  TEST_F_TO_X 18, fcvt.w.s, rtz, s, 0xffffffff80000000, NV, 0xff800000                   # Unpriv §20.7 (FCVT saturation table): -inf gives -2^31, NV
  TEST_F_TO_X 19, fcvt.w.s, rtz, s, 0x000000007fffffff, NV, 0x7fc00000                   # Unpriv §20.7 (FCVT saturation table): NaN gives 2^31-1, NV
  TEST_F_TO_X 20, fcvt.w.s, rtz, s, 0x000000007fffffff, NV, 0xff800001                   # Unpriv §20.7 (FCVT saturation table): a negative sNaN also gives 2^31-1, NV
  # ---- FCVT.WU.S (to unsigned 32-bit; the 32-bit result is sign-extended too).
  TEST_F_TO_X 21, fcvt.wu.s, rtz, s, 0xffffffffb2d05e00, 0, 0x4f32d05e                   # Unpriv §20.7: 3e9 fits in uint32; bit 31 is copied into bits 63:32
  TEST_F_TO_X 22, fcvt.wu.s, rtz, s, 0x0000000000000000, NX, 0xbf000000                  # Unpriv §20.7: -0.5 toward zero is 0: in range, NX only
  TEST_F_TO_X 23, fcvt.wu.s, rdn, s, 0x0000000000000000, NV, 0xbf000000                  # Unpriv §20.7 (FCVT saturation table): -0.5 rounded down is -1: out of range, 0 with NV
  TEST_F_TO_X 24, fcvt.wu.s, rtz, s, 0x0000000000000000, NV, 0xbf800000                  # Unpriv §20.7 (FCVT saturation table): -1 is out of range: 0, NV
  TEST_F_TO_X 25, fcvt.wu.s, rtz, s, 0xffffffffffffffff, NV, 0x4f800000                  # Unpriv §20.7 (FCVT saturation table): 2^32 is out of range: 2^32-1 (sign-extended), NV
  TEST_F_TO_X 26, fcvt.wu.s, rtz, s, 0xffffffffffffffff, NV, 0x7f800000                  # Unpriv §20.7 (FCVT saturation table): +inf gives 2^32-1, NV
  TEST_F_TO_X 27, fcvt.wu.s, rtz, s, 0x0000000000000000, NV, 0xff800000                  # Unpriv §20.7 (FCVT saturation table): -inf gives 0, NV
  TEST_F_TO_X 28, fcvt.wu.s, rtz, s, 0xffffffffffffffff, NV, 0x7fc00000                  # Unpriv §20.7 (FCVT saturation table): NaN gives 2^32-1, NV
  # ---- FCVT.L.S / FCVT.LU.S (64-bit).
  TEST_F_TO_X 29, fcvt.l.s, rne, s, 0xfffffffffffffffc, NX, 0xc0600000                   # Unpriv §20.7: -3.5 to int64, rm = RNE
  TEST_F_TO_X 30, fcvt.l.s, rtz, s, 0xfffffffffffffffd, NX, 0xc0600000                   # Unpriv §20.7: -3.5 to int64, rm = RTZ
  TEST_F_TO_X 31, fcvt.l.s, rdn, s, 0xfffffffffffffffc, NX, 0xc0600000                   # Unpriv §20.7: -3.5 to int64, rm = RDN
  TEST_F_TO_X 32, fcvt.l.s, rup, s, 0xfffffffffffffffd, NX, 0xc0600000                   # Unpriv §20.7: -3.5 to int64, rm = RUP
  TEST_F_TO_X 33, fcvt.l.s, rmm, s, 0xfffffffffffffffc, NX, 0xc0600000                   # Unpriv §20.7: -3.5 to int64, rm = RMM
  TEST_F_TO_X 34, fcvt.l.s, rtz, s, 0x8000000000000000, 0, 0xdf000000                    # Unpriv §20.7: -2^63 is in range, exact
  TEST_F_TO_X 35, fcvt.l.s, rtz, s, 0x7fffffffffffffff, NV, 0x5f000000                   # Unpriv §20.7 (FCVT saturation table): 2^63 is out of range: 2^63-1, NV
  TEST_F_TO_X 36, fcvt.l.s, rtz, s, 0x8000000000000000, NV, 0xff800000                   # Unpriv §20.7 (FCVT saturation table): -inf gives -2^63, NV
  TEST_F_TO_X 37, fcvt.l.s, rtz, s, 0x7fffffffffffffff, NV, 0x7f800001                   # Unpriv §20.7 (FCVT saturation table): NaN gives 2^63-1, NV
  TEST_F_TO_X 38, fcvt.l.s, rtz, s, 0x0000010000100000, 0, 0x53800008                    # Unpriv §20.7: a large exact value
  TEST_F_TO_X 39, fcvt.lu.s, rtz, s, 0x8000000000000000, 0, 0x5f000000                   # Unpriv §20.7: 2^63 fits in uint64
  TEST_F_TO_X 40, fcvt.lu.s, rtz, s, 0xffffffffffffffff, NV, 0x5f800000                  # Unpriv §20.7 (FCVT saturation table): 2^64 is out of range: 2^64-1, NV
  TEST_F_TO_X 41, fcvt.lu.s, rtz, s, 0x0000000000000000, NV, 0xbf800000                  # Unpriv §20.7 (FCVT saturation table): -1 is out of range: 0, NV
  TEST_F_TO_X 42, fcvt.lu.s, rtz, s, 0x0000000000000000, NV, 0xff800000                  # Unpriv §20.7 (FCVT saturation table): -inf gives 0, NV
  TEST_F_TO_X 43, fcvt.lu.s, rtz, s, 0xffffffffffffffff, NV, 0x7fc00000                  # Unpriv §20.7 (FCVT saturation table): NaN gives 2^64-1, NV
  TEST_F_TO_X 44, fcvt.lu.s, rup, s, 0x0000000000000001, NX, 0x3e800000                  # Unpriv §20.7: 0.25 rounded up is 1, NX
  # ---- Integer to single: rounds under rm; only rs1[31:0] is read for W/WU.
  TEST_X_TO_F 45, fcvt.s.w, rne, s, 0xbf800000, 0, 0xffffffffffffffff                    # Unpriv §20.7: FCVT.S.W of -1
  TEST_X_TO_F 46, fcvt.s.w, rne, s, 0xbf800000, 0, 0x12345678ffffffff                    # Unpriv §20.7: FCVT.S.W reads x[31:0] only (-1 here)
  TEST_X_TO_F 47, fcvt.s.wu, rne, s, 0x4f800000, NX, 0x12345678ffffffff                  # Unpriv §20.7: FCVT.S.WU reads x[31:0] only, unsigned (2^32-1)
  TEST_X_TO_F 48, fcvt.s.w, rne, s, 0x00000000, 0, 0x0000000000000000                    # Unpriv §20.7: zero converts to +0
  TEST_X_TO_F 49, fcvt.s.w, rne, s, 0x4f000000, NX, 0x000000007fffffff                   # Unpriv §20.7: an integer wider than the significand, rm = RNE
  TEST_X_TO_F 50, fcvt.s.w, rtz, s, 0x4effffff, NX, 0x000000007fffffff                   # Unpriv §20.7: an integer wider than the significand, rm = RTZ
  TEST_X_TO_F 51, fcvt.s.w, rdn, s, 0x4effffff, NX, 0x000000007fffffff                   # Unpriv §20.7: an integer wider than the significand, rm = RDN
  TEST_X_TO_F 52, fcvt.s.w, rup, s, 0x4f000000, NX, 0x000000007fffffff                   # Unpriv §20.7: an integer wider than the significand, rm = RUP
  TEST_X_TO_F 53, fcvt.s.w, rmm, s, 0x4f000000, NX, 0x000000007fffffff                   # Unpriv §20.7: an integer wider than the significand, rm = RMM
  TEST_X_TO_F 54, fcvt.s.l, rne, s, 0xdd800001, NX, 0xefffffe800000000                   # Unpriv §20.7: a negative tie, rm = RNE
  TEST_X_TO_F 55, fcvt.s.l, rtz, s, 0xdd800000, NX, 0xefffffe800000000                   # Unpriv §20.7: a negative tie, rm = RTZ
  TEST_X_TO_F 56, fcvt.s.l, rdn, s, 0xdd800001, NX, 0xefffffe800000000                   # Unpriv §20.7: a negative tie, rm = RDN
  TEST_X_TO_F 57, fcvt.s.l, rup, s, 0xdd800000, NX, 0xefffffe800000000                   # Unpriv §20.7: a negative tie, rm = RUP
  TEST_X_TO_F 58, fcvt.s.l, rmm, s, 0xdd800001, NX, 0xefffffe800000000                   # Unpriv §20.7: a negative tie, rm = RMM
  TEST_X_TO_F 59, fcvt.s.l, rne, s, 0xdf000000, 0, 0x8000000000000000                    # Unpriv §20.7: -2^63 is exact
  TEST_X_TO_F 60, fcvt.s.lu, rne, s, 0x5f800000, NX, 0xffffffffffffffff                  # Unpriv §20.7: 2^64-1 rounds to 2^64, NX
  TEST_X_TO_F 61, fcvt.s.lu, rtz, s, 0x5f7fffff, NX, 0xffffffffffffffff                  # Unpriv §20.7: 2^64-1 toward zero, NX
  TEST_X_TO_F 62, fcvt.s.lu, rne, s, 0x5f000000, 0, 0x8000000000000000                   # Unpriv §20.7: 2^63 unsigned is exact (not negative)
  # ---- FCVT.W.D (to signed 32-bit; the result is sign-extended to 64 bits).
  TEST_F_TO_X 63, fcvt.w.d, rne, d, 0x0000000000000002, NX, 0x4004000000000000           # Unpriv §21.5: 2.5 to int32, rm = RNE
  TEST_F_TO_X 64, fcvt.w.d, rtz, d, 0x0000000000000002, NX, 0x4004000000000000           # Unpriv §21.5: 2.5 to int32, rm = RTZ
  TEST_F_TO_X 65, fcvt.w.d, rdn, d, 0x0000000000000002, NX, 0x4004000000000000           # Unpriv §21.5: 2.5 to int32, rm = RDN
  TEST_F_TO_X 66, fcvt.w.d, rup, d, 0x0000000000000003, NX, 0x4004000000000000           # Unpriv §21.5: 2.5 to int32, rm = RUP
  TEST_F_TO_X 67, fcvt.w.d, rmm, d, 0x0000000000000003, NX, 0x4004000000000000           # Unpriv §21.5: 2.5 to int32, rm = RMM
  TEST_F_TO_X 68, fcvt.w.d, rne, d, 0xfffffffffffffffe, NX, 0xc004000000000000           # Unpriv §21.5: -2.5 to int32, rm = RNE
  TEST_F_TO_X 69, fcvt.w.d, rtz, d, 0xfffffffffffffffe, NX, 0xc004000000000000           # Unpriv §21.5: -2.5 to int32, rm = RTZ
  TEST_F_TO_X 70, fcvt.w.d, rdn, d, 0xfffffffffffffffd, NX, 0xc004000000000000           # Unpriv §21.5: -2.5 to int32, rm = RDN
  TEST_F_TO_X 71, fcvt.w.d, rup, d, 0xfffffffffffffffe, NX, 0xc004000000000000           # Unpriv §21.5: -2.5 to int32, rm = RUP
  TEST_F_TO_X 72, fcvt.w.d, rmm, d, 0xfffffffffffffffd, NX, 0xc004000000000000           # Unpriv §21.5: -2.5 to int32, rm = RMM
  TEST_F_TO_X 73, fcvt.w.d, rne, d, 0xfffffffffffffffe, NX, 0xbff8000000000000           # Unpriv §21.5: -1.5 rounds to even -2, NX
  TEST_F_TO_X 74, fcvt.w.d, rtz, d, 0x0000000000000000, 0, 0x8000000000000000            # Unpriv §21.5: -0 converts to 0, exact
  TEST_F_TO_X 75, fcvt.w.d, rtz, d, 0xffffffff80000000, 0, 0xc1e0000000000000            # Unpriv §21.5: -2^31 is in range, exact
  TEST_F_TO_X 76, fcvt.w.d, rtz, d, 0x000000007fffffff, NV, 0x41e0000000000000           # Unpriv §20.7 (FCVT saturation table): 2^31 is out of range: 2^31-1, NV
  TEST_F_TO_X 77, fcvt.w.d, rtz, d, 0x000000007fffffff, NV, 0x7fefffffffffffff           # Unpriv §20.7 (FCVT saturation table): a large positive value saturates to 2^31-1, NV
  TEST_F_TO_X 78, fcvt.w.d, rtz, d, 0xffffffff80000000, NV, 0xffefffffffffffff           # Unpriv §20.7 (FCVT saturation table): a large negative value saturates to -2^31, NV
  TEST_F_TO_X 79, fcvt.w.d, rtz, d, 0x000000007fffffff, NV, 0x7ff0000000000000           # Unpriv §20.7 (FCVT saturation table): +inf gives 2^31-1, NV
  TEST_F_TO_X 80, fcvt.w.d, rtz, d, 0xffffffff80000000, NV, 0xfff0000000000000           # Unpriv §20.7 (FCVT saturation table): -inf gives -2^31, NV
  TEST_F_TO_X 81, fcvt.w.d, rtz, d, 0x000000007fffffff, NV, 0x7ff8000000000000           # Unpriv §20.7 (FCVT saturation table): NaN gives 2^31-1, NV
  TEST_F_TO_X 82, fcvt.w.d, rtz, d, 0x000000007fffffff, NV, 0xfff0000000000001           # Unpriv §20.7 (FCVT saturation table): a negative sNaN also gives 2^31-1, NV
  TEST_F_TO_X 83, fcvt.w.d, rtz, d, 0x000000007fffffff, NX, 0x41dfffffffe00000           # Unpriv §21.5: 2^31-0.5 toward zero is 2^31-1: in range, NX only
  TEST_F_TO_X 84, fcvt.w.d, rne, d, 0x000000007fffffff, NV, 0x41dfffffffe00000           # Unpriv §20.7 (FCVT saturation table): 2^31-0.5 to nearest-even is 2^31: out of range after rounding, NV only
  TEST_F_TO_X 85, fcvt.w.d, rne, d, 0xffffffff80000000, NX, 0xc1e0000000100000           # Unpriv §21.5: -2^31-0.5 to nearest-even is -2^31: in range, NX only
  TEST_F_TO_X 86, fcvt.w.d, rdn, d, 0xffffffff80000000, NV, 0xc1e0000000100000           # Unpriv §20.7 (FCVT saturation table): -2^31-0.5 rounded down is out of range: -2^31, NV
  # ---- FCVT.WU.D (to unsigned 32-bit; the 32-bit result is sign-extended too).
  TEST_F_TO_X 87, fcvt.wu.d, rtz, d, 0xffffffffb2d05e00, 0, 0x41e65a0bc0000000           # Unpriv §21.5: 3e9 fits in uint32; bit 31 is copied into bits 63:32
  TEST_F_TO_X 88, fcvt.wu.d, rtz, d, 0x0000000000000000, NX, 0xbfe0000000000000          # Unpriv §21.5: -0.5 toward zero is 0: in range, NX only
  TEST_F_TO_X 89, fcvt.wu.d, rdn, d, 0x0000000000000000, NV, 0xbfe0000000000000          # Unpriv §20.7 (FCVT saturation table): -0.5 rounded down is -1: out of range, 0 with NV
  TEST_F_TO_X 90, fcvt.wu.d, rtz, d, 0x0000000000000000, NV, 0xbff0000000000000          # Unpriv §20.7 (FCVT saturation table): -1 is out of range: 0, NV
  TEST_F_TO_X 91, fcvt.wu.d, rtz, d, 0xffffffffffffffff, NV, 0x41f0000000000000          # Unpriv §20.7 (FCVT saturation table): 2^32 is out of range: 2^32-1 (sign-extended), NV
  TEST_F_TO_X 92, fcvt.wu.d, rtz, d, 0xffffffffffffffff, NV, 0x7ff0000000000000          # Unpriv §20.7 (FCVT saturation table): +inf gives 2^32-1, NV
  TEST_F_TO_X 93, fcvt.wu.d, rtz, d, 0x0000000000000000, NV, 0xfff0000000000000          # Unpriv §20.7 (FCVT saturation table): -inf gives 0, NV
  TEST_F_TO_X 94, fcvt.wu.d, rtz, d, 0xffffffffffffffff, NV, 0x7ff8000000000000          # Unpriv §20.7 (FCVT saturation table): NaN gives 2^32-1, NV
  TEST_F_TO_X 95, fcvt.wu.d, rtz, d, 0xffffffffffffffff, NX, 0x41effffffff00000          # Unpriv §21.5: 2^32-0.5 toward zero is 2^32-1, NX only
  TEST_F_TO_X 96, fcvt.wu.d, rne, d, 0xffffffffffffffff, NV, 0x41effffffff00000          # Unpriv §20.7 (FCVT saturation table): 2^32-0.5 to nearest is 2^32: out of range, NV
  # ---- FCVT.L.D / FCVT.LU.D (64-bit).
  TEST_F_TO_X 97, fcvt.l.d, rne, d, 0xfffffffffffffffc, NX, 0xc00c000000000000           # Unpriv §21.5: -3.5 to int64, rm = RNE
  TEST_F_TO_X 98, fcvt.l.d, rtz, d, 0xfffffffffffffffd, NX, 0xc00c000000000000           # Unpriv §21.5: -3.5 to int64, rm = RTZ
  TEST_F_TO_X 99, fcvt.l.d, rdn, d, 0xfffffffffffffffc, NX, 0xc00c000000000000           # Unpriv §21.5: -3.5 to int64, rm = RDN
  TEST_F_TO_X 100, fcvt.l.d, rup, d, 0xfffffffffffffffd, NX, 0xc00c000000000000          # Unpriv §21.5: -3.5 to int64, rm = RUP
  TEST_F_TO_X 101, fcvt.l.d, rmm, d, 0xfffffffffffffffc, NX, 0xc00c000000000000          # Unpriv §21.5: -3.5 to int64, rm = RMM
  TEST_F_TO_X 102, fcvt.l.d, rtz, d, 0x8000000000000000, 0, 0xc3e0000000000000           # Unpriv §21.5: -2^63 is in range, exact
  TEST_F_TO_X 103, fcvt.l.d, rtz, d, 0x7fffffffffffffff, NV, 0x43e0000000000000          # Unpriv §20.7 (FCVT saturation table): 2^63 is out of range: 2^63-1, NV
  TEST_F_TO_X 104, fcvt.l.d, rtz, d, 0x8000000000000000, NV, 0xfff0000000000000          # Unpriv §20.7 (FCVT saturation table): -inf gives -2^63, NV
  TEST_F_TO_X 105, fcvt.l.d, rtz, d, 0x7fffffffffffffff, NV, 0x7ff0000000000001          # Unpriv §20.7 (FCVT saturation table): NaN gives 2^63-1, NV
  TEST_F_TO_X 106, fcvt.l.d, rtz, d, 0x0000010000100000, 0, 0x4270000100000000           # Unpriv §21.5: a large exact value
  TEST_F_TO_X 107, fcvt.lu.d, rtz, d, 0x8000000000000000, 0, 0x43e0000000000000          # Unpriv §21.5: 2^63 fits in uint64
  TEST_F_TO_X 108, fcvt.lu.d, rtz, d, 0xffffffffffffffff, NV, 0x43f0000000000000         # Unpriv §20.7 (FCVT saturation table): 2^64 is out of range: 2^64-1, NV
  TEST_F_TO_X 109, fcvt.lu.d, rtz, d, 0x0000000000000000, NV, 0xbff0000000000000         # Unpriv §20.7 (FCVT saturation table): -1 is out of range: 0, NV
  TEST_F_TO_X 110, fcvt.lu.d, rtz, d, 0x0000000000000000, NV, 0xfff0000000000000         # Unpriv §20.7 (FCVT saturation table): -inf gives 0, NV
  TEST_F_TO_X 111, fcvt.lu.d, rtz, d, 0xffffffffffffffff, NV, 0x7ff8000000000000         # Unpriv §20.7 (FCVT saturation table): NaN gives 2^64-1, NV
  TEST_F_TO_X 112, fcvt.lu.d, rup, d, 0x0000000000000001, NX, 0x3fd0000000000000         # Unpriv §21.5: 0.25 rounded up is 1, NX
  TEST_F_TO_X 113, fcvt.lu.d, rtz, d, 0xfffffffffffff800, 0, 0x43efffffffffffff          # Unpriv §21.5: the largest double below 2^64 fits in uint64
  # ---- Integer to double: rounds under rm; only rs1[31:0] is read for W/WU.
  TEST_X_TO_F 114, fcvt.d.w, , d, 0xbff0000000000000, 0, 0xffffffffffffffff              # Unpriv §21.5: FCVT.D.W of -1
  TEST_X_TO_F 115, fcvt.d.w, , d, 0xbff0000000000000, 0, 0x12345678ffffffff              # Unpriv §21.5: FCVT.D.W reads x[31:0] only (-1 here)
  TEST_X_TO_F 116, fcvt.d.wu, , d, 0x41efffffffe00000, 0, 0x12345678ffffffff             # Unpriv §21.5: FCVT.D.WU reads x[31:0] only, unsigned (2^32-1)
  TEST_X_TO_F 117, fcvt.d.w, , d, 0x0000000000000000, 0, 0x0000000000000000              # Unpriv §21.5: zero converts to +0
  TEST_X_TO_F 118, fcvt.d.l, rne, d, 0x43d0000000000001, NX, 0x4000000000000201          # Unpriv §21.5: an integer wider than the significand, rm = RNE
  TEST_X_TO_F 119, fcvt.d.l, rtz, d, 0x43d0000000000000, NX, 0x4000000000000201          # Unpriv §21.5: an integer wider than the significand, rm = RTZ
  TEST_X_TO_F 120, fcvt.d.l, rdn, d, 0x43d0000000000000, NX, 0x4000000000000201          # Unpriv §21.5: an integer wider than the significand, rm = RDN
  TEST_X_TO_F 121, fcvt.d.l, rup, d, 0x43d0000000000001, NX, 0x4000000000000201          # Unpriv §21.5: an integer wider than the significand, rm = RUP
  TEST_X_TO_F 122, fcvt.d.l, rmm, d, 0x43d0000000000001, NX, 0x4000000000000201          # Unpriv §21.5: an integer wider than the significand, rm = RMM
  TEST_X_TO_F 123, fcvt.d.l, rne, d, 0xc3b0000000000000, NX, 0xefffffffffffff80          # Unpriv §21.5: a negative tie, rm = RNE
  TEST_X_TO_F 124, fcvt.d.l, rtz, d, 0xc3b0000000000000, NX, 0xefffffffffffff80          # Unpriv §21.5: a negative tie, rm = RTZ
  TEST_X_TO_F 125, fcvt.d.l, rdn, d, 0xc3b0000000000001, NX, 0xefffffffffffff80          # Unpriv §21.5: a negative tie, rm = RDN
  TEST_X_TO_F 126, fcvt.d.l, rup, d, 0xc3b0000000000000, NX, 0xefffffffffffff80          # Unpriv §21.5: a negative tie, rm = RUP
  TEST_X_TO_F 127, fcvt.d.l, rmm, d, 0xc3b0000000000001, NX, 0xefffffffffffff80          # Unpriv §21.5: a negative tie, rm = RMM
  TEST_X_TO_F 128, fcvt.d.l, rne, d, 0xc3e0000000000000, 0, 0x8000000000000000           # Unpriv §21.5: -2^63 is exact
  TEST_X_TO_F 129, fcvt.d.lu, rne, d, 0x43f0000000000000, NX, 0xffffffffffffffff         # Unpriv §21.5: 2^64-1 rounds to 2^64, NX
  TEST_X_TO_F 130, fcvt.d.lu, rtz, d, 0x43efffffffffffff, NX, 0xffffffffffffffff         # Unpriv §21.5: 2^64-1 toward zero, NX
  TEST_X_TO_F 131, fcvt.d.lu, rne, d, 0x43e0000000000000, 0, 0x8000000000000000          # Unpriv §21.5: 2^63 unsigned is exact (not negative)
  TEST_X_TO_F 132, fcvt.d.w, , d, 0xc1e0000000000000, 0, 0xffffffff80000000              # Unpriv §21.5: every int32 is exact in double
  TEST_X_TO_F 133, fcvt.d.wu, , d, 0x41efffffffe00000, 0, 0x00000000ffffffff             # Unpriv §21.5: every uint32 is exact in double
  # ---- Between the FP formats (Unpriv §21.5).
  TEST_S_FROM_D 134, rne, 0x7f800000, OF|NX, 0x47f0000000000000                          # Unpriv §21.5: FCVT.S.D of 2^128 overflows, rm = RNE
  TEST_S_FROM_D 135, rtz, 0x7f7fffff, OF|NX, 0x47f0000000000000                          # Unpriv §21.5: FCVT.S.D of 2^128 overflows, rm = RTZ
  TEST_S_FROM_D 136, rdn, 0x7f7fffff, OF|NX, 0x47f0000000000000                          # Unpriv §21.5: FCVT.S.D of 2^128 overflows, rm = RDN
  TEST_S_FROM_D 137, rup, 0x7f800000, OF|NX, 0x47f0000000000000                          # Unpriv §21.5: FCVT.S.D of 2^128 overflows, rm = RUP
  TEST_S_FROM_D 138, rmm, 0x7f800000, OF|NX, 0x47f0000000000000                          # Unpriv §21.5: FCVT.S.D of 2^128 overflows, rm = RMM
  TEST_S_FROM_D 139, rne, 0xff800000, OF|NX, 0xc7f0000000000000                          # Unpriv §21.5: FCVT.S.D of -2^128 overflows to -inf
  TEST_S_FROM_D 140, rne, 0x00000000, UF|NX, 0x3690000000000000                          # Unpriv §21.5: FCVT.S.D of 2^-150 (half the min subnormal) rounds to +0: UF and NX
  TEST_S_FROM_D 141, rup, 0x00000001, UF|NX, 0x3690000000000000                          # Unpriv §21.5: FCVT.S.D of 2^-150 rounded up is the min subnormal: UF and NX
  TEST_S_FROM_D 142, rne, 0x00000003, 0, 0x36b8000000000000                              # Unpriv §21.5: FCVT.S.D of an exactly representable subnormal raises nothing
  TEST_S_FROM_D 143, rne, 0x80000000, 0, 0x8000000000000000                              # Unpriv §21.5: FCVT.S.D keeps -0
  TEST_S_FROM_D 144, rne, 0xff800000, 0, 0xfff0000000000000                              # Unpriv §21.5: FCVT.S.D keeps -inf
  TEST_S_FROM_D 145, rne, 0x7fc00000, 0, 0x7ff8000123456789                              # Unpriv §20.3: FCVT.S.D of a quiet NaN gives the canonical NaN, no flag
  TEST_S_FROM_D 146, rne, 0x7fc00000, NV, 0x7ff0000000000001                             # Unpriv §20.3: FCVT.S.D of a signaling NaN raises NV
  TEST_S_FROM_D 147, rne, 0x3f800000, NX, 0x3ff0000010000000                             # Unpriv §21.5: FCVT.S.D halfway case rounds to even, NX
  TEST_D_FROM_S 148, 0x380fffffc0000000, 0, 0x007fffff                                   # Unpriv §21.5: FCVT.D.S of a subnormal single is a normal double, exact
  TEST_D_FROM_S 149, 0x47efffffe0000000, 0, 0x7f7fffff                                   # Unpriv §21.5: FCVT.D.S is always exact
  TEST_D_FROM_S 150, 0x8000000000000000, 0, 0x80000000                                   # Unpriv §21.5: FCVT.D.S keeps -0
  TEST_D_FROM_S 151, 0xfff0000000000000, 0, 0xff800000                                   # Unpriv §21.5: FCVT.D.S keeps -inf
  TEST_D_FROM_S 152, 0x7ff8000000000000, 0, 0x7fc01234                                   # Unpriv §20.3: FCVT.D.S of a quiet NaN gives the canonical NaN, no flag
  TEST_D_FROM_S 153, 0x7ff8000000000000, NV, 0xff800001                                  # Unpriv §20.3: FCVT.D.S of a signaling NaN raises NV

RVHV_CODE_END
