# FMIN/FMAX (Unpriv §20.6, §21.4: minimumNumber/maximumNumber semantics
# since F 2.2, -0 < +0, NaN operands) and FCLASS (Unpriv §20.9, §21.7).
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  # ---- FMIN.S / FMAX.S: IEEE 754-2019 minimumNumber / maximumNumber.
  TEST_S2 1, fmin.s, , 0xc0000000, 0, 0x3f800000, 0xc0000000                             # Unpriv §20.6: FMIN of two numbers
  TEST_S2 2, fmin.s, , 0xff800000, 0, 0xff800000, 0x7f800000                             # Unpriv §20.6: FMIN of the infinities
  TEST_S2 3, fmin.s, , 0x80000000, 0, 0x80000000, 0x00000000                             # Unpriv §20.6: FMIN treats -0 as less than +0 (-0, +0)
  TEST_S2 4, fmin.s, , 0x80000000, 0, 0x00000000, 0x80000000                             # Unpriv §20.6: FMIN treats -0 as less than +0 (+0, -0)
  TEST_S2 5, fmin.s, , 0x40400000, 0, 0x7fc00000, 0x40400000                             # Unpriv §20.6: FMIN with one quiet NaN returns the number, no flag
  TEST_S2 6, fmin.s, , 0xc0400000, 0, 0xc0400000, 0xffc00007                             # Unpriv §20.6: FMIN with one quiet NaN (second operand) returns the number
  TEST_S2 7, fmin.s, , 0x40400000, NV, 0x7f800001, 0x40400000                            # Unpriv §20.6: FMIN with a signaling NaN returns the number and raises NV
  TEST_S2 8, fmin.s, , 0x7fc00000, 0, 0x7fc00009, 0xffc00000                             # Unpriv §20.6: FMIN of two NaNs is the canonical NaN, no flag
  TEST_S2 9, fmin.s, , 0x7fc00000, NV, 0x7f800001, 0x7fc00000                            # Unpriv §20.6: FMIN of two NaNs, one signaling: canonical NaN, NV
  TEST_S2 10, fmin.s, , 0x80000001, 0, 0x00000001, 0x80000001                            # Unpriv §20.6: FMIN of subnormals
  TEST_S2 11, fmax.s, , 0x3f800000, 0, 0x3f800000, 0xc0000000                            # Unpriv §20.6: FMAX of two numbers
  TEST_S2 12, fmax.s, , 0x7f800000, 0, 0xff800000, 0x7f800000                            # Unpriv §20.6: FMAX of the infinities
  TEST_S2 13, fmax.s, , 0x00000000, 0, 0x80000000, 0x00000000                            # Unpriv §20.6: FMAX treats -0 as less than +0 (-0, +0)
  TEST_S2 14, fmax.s, , 0x00000000, 0, 0x00000000, 0x80000000                            # Unpriv §20.6: FMAX treats -0 as less than +0 (+0, -0)
  TEST_S2 15, fmax.s, , 0x40400000, 0, 0x7fc00000, 0x40400000                            # Unpriv §20.6: FMAX with one quiet NaN returns the number, no flag
  TEST_S2 16, fmax.s, , 0xc0400000, 0, 0xc0400000, 0xffc00007                            # Unpriv §20.6: FMAX with one quiet NaN (second operand) returns the number
  TEST_S2 17, fmax.s, , 0x40400000, NV, 0x7f800001, 0x40400000                           # Unpriv §20.6: FMAX with a signaling NaN returns the number and raises NV
  TEST_S2 18, fmax.s, , 0x7fc00000, 0, 0x7fc00009, 0xffc00000                            # Unpriv §20.6: FMAX of two NaNs is the canonical NaN, no flag
  TEST_S2 19, fmax.s, , 0x7fc00000, NV, 0x7f800001, 0x7fc00000                           # Unpriv §20.6: FMAX of two NaNs, one signaling: canonical NaN, NV
  TEST_S2 20, fmax.s, , 0x00000001, 0, 0x00000001, 0x80000001                            # Unpriv §20.6: FMAX of subnormals
  # ---- FCLASS.S: exactly one of the ten bits (Unpriv §20.9).
  TEST_F_TO_X 21, fclass.s, , s, 0x001, 0, 0xff800000                                    # Unpriv §20.9: FCLASS bit 0: -inf
  TEST_F_TO_X 22, fclass.s, , s, 0x002, 0, 0xff7fffff                                    # Unpriv §20.9: FCLASS bit 1: negative normal
  TEST_F_TO_X 23, fclass.s, , s, 0x004, 0, 0x807fffff                                    # Unpriv §20.9: FCLASS bit 2: negative subnormal
  TEST_F_TO_X 24, fclass.s, , s, 0x008, 0, 0x80000000                                    # Unpriv §20.9: FCLASS bit 3: -0
  TEST_F_TO_X 25, fclass.s, , s, 0x010, 0, 0x00000000                                    # Unpriv §20.9: FCLASS bit 4: +0
  TEST_F_TO_X 26, fclass.s, , s, 0x020, 0, 0x00000001                                    # Unpriv §20.9: FCLASS bit 5: positive subnormal
  TEST_F_TO_X 27, fclass.s, , s, 0x040, 0, 0x00800000                                    # Unpriv §20.9: FCLASS bit 6: positive normal
  TEST_F_TO_X 28, fclass.s, , s, 0x080, 0, 0x7f800000                                    # Unpriv §20.9: FCLASS bit 7: +inf
  TEST_F_TO_X 29, fclass.s, , s, 0x100, 0, 0x7f800001                                    # Unpriv §20.9: FCLASS bit 8: signaling NaN
  TEST_F_TO_X 30, fclass.s, , s, 0x200, 0, 0x7fc00000                                    # Unpriv §20.9: FCLASS bit 9: quiet NaN
  TEST_F_TO_X 31, fclass.s, , s, 0x100, 0, 0xff800055                                    # Unpriv §20.9: FCLASS of a negative sNaN with a payload is still bit 8
  TEST_F_TO_X 32, fclass.s, , s, 0x200, 0, 0xffc00055                                    # Unpriv §20.9: FCLASS of a negative qNaN is bit 9
  # ---- FMIN.D / FMAX.D: IEEE 754-2019 minimumNumber / maximumNumber.
  TEST_D2 33, fmin.d, , 0xc000000000000000, 0, 0x3ff0000000000000, 0xc000000000000000    # Unpriv §21.4: FMIN of two numbers
  TEST_D2 34, fmin.d, , 0xfff0000000000000, 0, 0xfff0000000000000, 0x7ff0000000000000    # Unpriv §21.4: FMIN of the infinities
  TEST_D2 35, fmin.d, , 0x8000000000000000, 0, 0x8000000000000000, 0x0000000000000000    # Unpriv §21.4: FMIN treats -0 as less than +0 (-0, +0)
  TEST_D2 36, fmin.d, , 0x8000000000000000, 0, 0x0000000000000000, 0x8000000000000000    # Unpriv §21.4: FMIN treats -0 as less than +0 (+0, -0)
  TEST_D2 37, fmin.d, , 0x4008000000000000, 0, 0x7ff8000000000000, 0x4008000000000000    # Unpriv §21.4: FMIN with one quiet NaN returns the number, no flag
  TEST_D2 38, fmin.d, , 0xc008000000000000, 0, 0xc008000000000000, 0xfff8000000000007    # Unpriv §21.4: FMIN with one quiet NaN (second operand) returns the number
  TEST_D2 39, fmin.d, , 0x4008000000000000, NV, 0x7ff0000000000001, 0x4008000000000000   # Unpriv §21.4: FMIN with a signaling NaN returns the number and raises NV
  TEST_D2 40, fmin.d, , 0x7ff8000000000000, 0, 0x7ff8000000000009, 0xfff8000000000000    # Unpriv §21.4: FMIN of two NaNs is the canonical NaN, no flag
  TEST_D2 41, fmin.d, , 0x7ff8000000000000, NV, 0x7ff0000000000001, 0x7ff8000000000000   # Unpriv §21.4: FMIN of two NaNs, one signaling: canonical NaN, NV
  TEST_D2 42, fmin.d, , 0x8000000000000001, 0, 0x0000000000000001, 0x8000000000000001    # Unpriv §21.4: FMIN of subnormals
  TEST_D2 43, fmax.d, , 0x3ff0000000000000, 0, 0x3ff0000000000000, 0xc000000000000000    # Unpriv §21.4: FMAX of two numbers
  TEST_D2 44, fmax.d, , 0x7ff0000000000000, 0, 0xfff0000000000000, 0x7ff0000000000000    # Unpriv §21.4: FMAX of the infinities
  TEST_D2 45, fmax.d, , 0x0000000000000000, 0, 0x8000000000000000, 0x0000000000000000    # Unpriv §21.4: FMAX treats -0 as less than +0 (-0, +0)
  TEST_D2 46, fmax.d, , 0x0000000000000000, 0, 0x0000000000000000, 0x8000000000000000    # Unpriv §21.4: FMAX treats -0 as less than +0 (+0, -0)
  TEST_D2 47, fmax.d, , 0x4008000000000000, 0, 0x7ff8000000000000, 0x4008000000000000    # Unpriv §21.4: FMAX with one quiet NaN returns the number, no flag
  TEST_D2 48, fmax.d, , 0xc008000000000000, 0, 0xc008000000000000, 0xfff8000000000007    # Unpriv §21.4: FMAX with one quiet NaN (second operand) returns the number
  TEST_D2 49, fmax.d, , 0x4008000000000000, NV, 0x7ff0000000000001, 0x4008000000000000   # Unpriv §21.4: FMAX with a signaling NaN returns the number and raises NV
  TEST_D2 50, fmax.d, , 0x7ff8000000000000, 0, 0x7ff8000000000009, 0xfff8000000000000    # Unpriv §21.4: FMAX of two NaNs is the canonical NaN, no flag
  TEST_D2 51, fmax.d, , 0x7ff8000000000000, NV, 0x7ff0000000000001, 0x7ff8000000000000   # Unpriv §21.4: FMAX of two NaNs, one signaling: canonical NaN, NV
  TEST_D2 52, fmax.d, , 0x0000000000000001, 0, 0x0000000000000001, 0x8000000000000001    # Unpriv §21.4: FMAX of subnormals
  # ---- FCLASS.D: exactly one of the ten bits (Unpriv §20.9).
  TEST_F_TO_X 53, fclass.d, , d, 0x001, 0, 0xfff0000000000000                            # Unpriv §20.9: FCLASS bit 0: -inf
  TEST_F_TO_X 54, fclass.d, , d, 0x002, 0, 0xffefffffffffffff                            # Unpriv §20.9: FCLASS bit 1: negative normal
  TEST_F_TO_X 55, fclass.d, , d, 0x004, 0, 0x800fffffffffffff                            # Unpriv §20.9: FCLASS bit 2: negative subnormal
  TEST_F_TO_X 56, fclass.d, , d, 0x008, 0, 0x8000000000000000                            # Unpriv §20.9: FCLASS bit 3: -0
  TEST_F_TO_X 57, fclass.d, , d, 0x010, 0, 0x0000000000000000                            # Unpriv §20.9: FCLASS bit 4: +0
  TEST_F_TO_X 58, fclass.d, , d, 0x020, 0, 0x0000000000000001                            # Unpriv §20.9: FCLASS bit 5: positive subnormal
  TEST_F_TO_X 59, fclass.d, , d, 0x040, 0, 0x0010000000000000                            # Unpriv §20.9: FCLASS bit 6: positive normal
  TEST_F_TO_X 60, fclass.d, , d, 0x080, 0, 0x7ff0000000000000                            # Unpriv §20.9: FCLASS bit 7: +inf
  TEST_F_TO_X 61, fclass.d, , d, 0x100, 0, 0x7ff0000000000001                            # Unpriv §20.9: FCLASS bit 8: signaling NaN
  TEST_F_TO_X 62, fclass.d, , d, 0x200, 0, 0x7ff8000000000000                            # Unpriv §20.9: FCLASS bit 9: quiet NaN
  TEST_F_TO_X 63, fclass.d, , d, 0x100, 0, 0xfff0000000000055                            # Unpriv §20.9: FCLASS of a negative sNaN with a payload is still bit 8
  TEST_F_TO_X 64, fclass.d, , d, 0x200, 0, 0xfff8000000000055                            # Unpriv §20.9: FCLASS of a negative qNaN is bit 9

RVHV_CODE_END
