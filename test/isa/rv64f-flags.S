# Floating-point exception flags (Unpriv §20.2, fflags): each flag set by the
# operation that must set it and by no other, the accrual rule, and underflow
# detection after rounding (Unpriv §20.4). Expected values were checked against
# an exact rational model of IEEE 754.
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  # ---- Single precision: each flag from the operation that raises it, alone.
  TEST_S2 1, fdiv.s, rne, 0x3eaaaaab, NX, 0x3f800000, 0x40400000                         # Unpriv §20.6: NX alone: an inexact result
  TEST_S2 2, fdiv.s, rne, 0x002aaaab, UF|NX, 0x00800000, 0x40400000                      # Unpriv §20.4: UF with NX: a tiny inexact result
  TEST_S2 3, fmul.s, rne, 0x7f800000, OF|NX, 0x7f7fffff, 0x40800000                      # Unpriv §20.6: OF with NX: an overflowing result
  TEST_S2 4, fdiv.s, rne, 0xff800000, DZ, 0xc0400000, 0x00000000                         # Unpriv §20.6: DZ alone: finite nonzero / 0
  TEST_S1 5, fsqrt.s, rne, 0x7fc00000, NV, 0xc0800000                                    # Unpriv §20.6: NV alone: sqrt of a negative number
  TEST_S2 6, fmul.s, rne, 0x7fc00000, NV, 0x7f800000, 0x80000000                         # Unpriv §20.6: NV alone: inf * 0
  TEST_S2 7, fadd.s, rne, 0x7fc00000, NV, 0x7f800001, 0x7fc00000                         # Unpriv §20.3: NV alone: any signaling NaN operand
  TEST_F_TO_X 8, fcvt.w.s, rtz, s, 0x000000007fffffff, NV, 0x53800000                    # Unpriv §20.7: NV alone (no NX): an out-of-range conversion
  TEST_F_CMP 9, flt.s, s, 0, NV, 0x7fc00000, 0x7fc00000                                  # Unpriv §20.8: NV alone: FLT on a quiet NaN
  # ---- ... and no flag where none is due.
  TEST_S2 10, fadd.s, rne, 0x3f400000, 0, 0x3e800000, 0x3f000000                         # Unpriv §20.6: an exact result raises nothing
  TEST_S2 11, fadd.s, rne, 0x7fc00000, 0, 0x7fc00000, 0x3f800000                         # Unpriv §20.3: a quiet NaN operand raises nothing
  TEST_S2 12, fmul.s, rne, 0x00000004, 0, 0x00000001, 0x40800000                         # Unpriv §20.4: an exact subnormal result raises no UF
  TEST_S2 13, fdiv.s, rne, 0xff800000, 0, 0x7f800000, 0x80000000                         # Unpriv §20.6: inf / 0 raises no DZ
  TEST_S2 14, fmin.s, , 0x3f800000, 0, 0x7fc00000, 0x3f800000                            # Unpriv §20.6: FMIN with a quiet NaN raises nothing
  TEST_F_CMP 15, feq.s, s, 0, 0, 0x7fc00000, 0x3f800000                                  # Unpriv §20.8: FEQ on a quiet NaN raises nothing
  TEST_F_TO_X 16, fclass.s, , s, 0x100, 0, 0x7f800001                                    # Unpriv §20.9: FCLASS of a signaling NaN raises nothing
  TEST_S2 17, fsgnjn.s, , 0xff800001, 0, 0x7f800001, 0x7f800001                          # Unpriv §20.7: sign injection of a signaling NaN raises nothing
  TEST_F_TO_X 18, fcvt.l.s, rne, s, 0xfffffffffffffff9, 0, 0xc0e00000                    # Unpriv §20.7: an exact in-range conversion raises nothing
  # ---- Tininess is detected after rounding (Unpriv §20.4, IEEE 754 option).
  # ---- Double precision: each flag from the operation that raises it, alone.
  TEST_D2 19, fdiv.d, rne, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000 # Unpriv §21.4: NX alone: an inexact result
  TEST_D2 20, fdiv.d, rne, 0x0005555555555555, UF|NX, 0x0010000000000000, 0x4008000000000000 # Unpriv §20.4: UF with NX: a tiny inexact result
  TEST_D2 21, fmul.d, rne, 0x7ff0000000000000, OF|NX, 0x7fefffffffffffff, 0x4010000000000000 # Unpriv §21.4: OF with NX: an overflowing result
  TEST_D2 22, fdiv.d, rne, 0xfff0000000000000, DZ, 0xc008000000000000, 0x0000000000000000 # Unpriv §21.4: DZ alone: finite nonzero / 0
  TEST_D1 23, fsqrt.d, rne, 0x7ff8000000000000, NV, 0xc010000000000000                   # Unpriv §21.4: NV alone: sqrt of a negative number
  TEST_D2 24, fmul.d, rne, 0x7ff8000000000000, NV, 0x7ff0000000000000, 0x8000000000000000 # Unpriv §21.4: NV alone: inf * 0
  TEST_D2 25, fadd.d, rne, 0x7ff8000000000000, NV, 0x7ff0000000000001, 0x7ff8000000000000 # Unpriv §20.3: NV alone: any signaling NaN operand
  TEST_F_TO_X 26, fcvt.w.d, rtz, d, 0x000000007fffffff, NV, 0x4270000000000000           # Unpriv §20.7: NV alone (no NX): an out-of-range conversion
  TEST_F_CMP 27, flt.d, d, 0, NV, 0x7ff8000000000000, 0x7ff8000000000000                 # Unpriv §20.8: NV alone: FLT on a quiet NaN
  # ---- ... and no flag where none is due.
  TEST_D2 28, fadd.d, rne, 0x3fe8000000000000, 0, 0x3fd0000000000000, 0x3fe0000000000000 # Unpriv §21.4: an exact result raises nothing
  TEST_D2 29, fadd.d, rne, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0x3ff0000000000000 # Unpriv §20.3: a quiet NaN operand raises nothing
  TEST_D2 30, fmul.d, rne, 0x0000000000000004, 0, 0x0000000000000001, 0x4010000000000000 # Unpriv §20.4: an exact subnormal result raises no UF
  TEST_D2 31, fdiv.d, rne, 0xfff0000000000000, 0, 0x7ff0000000000000, 0x8000000000000000 # Unpriv §21.4: inf / 0 raises no DZ
  TEST_D2 32, fmin.d, , 0x3ff0000000000000, 0, 0x7ff8000000000000, 0x3ff0000000000000    # Unpriv §20.6: FMIN with a quiet NaN raises nothing
  TEST_F_CMP 33, feq.d, d, 0, 0, 0x7ff8000000000000, 0x3ff0000000000000                  # Unpriv §20.8: FEQ on a quiet NaN raises nothing
  TEST_F_TO_X 34, fclass.d, , d, 0x100, 0, 0x7ff0000000000001                            # Unpriv §20.9: FCLASS of a signaling NaN raises nothing
  TEST_D2 35, fsgnjn.d, , 0xfff0000000000001, 0, 0x7ff0000000000001, 0x7ff0000000000001  # Unpriv §20.7: sign injection of a signaling NaN raises nothing
  TEST_F_TO_X 36, fcvt.l.d, rne, d, 0xfffffffffffffff9, 0, 0xc01c000000000000            # Unpriv §20.7: an exact in-range conversion raises nothing
  # ---- Tininess is detected after rounding (Unpriv §20.4, IEEE 754 option).
  TEST_S_FROM_D 37, rne, 0x00800000, NX, 0x380ffffff0000000                              # Unpriv §20.4: 2^-126(1-2^-25) rounds to the min normal: not tiny after rounding, so NX without UF
  TEST_S_FROM_D 38, rtz, 0x007fffff, UF|NX, 0x380ffffff0000000                           # Unpriv §20.4: the same value rounded toward zero stays subnormal: UF and NX
  TEST_S_FROM_D 39, rup, 0x00800000, NX, 0x380ffffff0000000                              # Unpriv §20.4: ... and rounded up it is the min normal: NX without UF
  TEST_S2 40, fmul.s, rne, 0x00800000, UF|NX, 0x3f7fffff, 0x00800000                     # Unpriv §20.4: (1-2^-24)*2^-126 is tiny even though it rounds to 2^-126 (exact at unbounded exponent): UF and NX
  TEST_D2 41, fmul.d, rne, 0x0010000000000000, NX, 0x3feffffffc000000, 0x0010000002000000 # Unpriv §20.4: 2^-1022(1-2^-54) rounds to the min normal: NX without UF
  TEST_D2 42, fmul.d, rtz, 0x000fffffffffffff, UF|NX, 0x3feffffffc000000, 0x0010000002000000 # Unpriv §20.4: the same product toward zero is subnormal: UF and NX
  TEST_D2 43, fmul.d, rne, 0x0010000000000000, UF|NX, 0x3fefffffffffffff, 0x0010000000000000 # Unpriv §20.4: (1-2^-53)*2^-1022 is tiny though it rounds to 2^-1022: UF and NX

  # ---- fflags accrue: later operations OR in their flags and never clear any (Unpriv §20.2).
  CASE 44                                                                         # Unpriv §20.2: flags are sticky across instructions
  csrwi fflags, 0
  li a0, 0x3ff0000000000000
  fmv.d.x fa0, a0
  fmv.d.x fa1, zero
  fdiv.d fa2, fa0, fa1                                          # DZ
  li a0, 0x4008000000000000
  fmv.d.x fa1, a0
  fdiv.d fa2, fa0, fa1                                          # NX
  CHECK_CSR fflags, DZ | NX
  fadd.d fa2, fa0, fa0                                          # exact: adds nothing, clears nothing
  CHECK_CSR fflags, DZ | NX
  fsqrt.d fa2, fa2                                              # sqrt(2): NX again
  CHECK_CSR fflags, DZ | NX
  CASE 45                                                                         # Unpriv §20.2: FCVT to x0 still raises its flag (only the result is discarded)
  csrwi fflags, 0
  li a0, 0x7ff8000000000000
  fmv.d.x fa0, a0
  fcvt.w.d x0, fa0, rtz
  CHECK_CSR fflags, NV
  CHECK x0, 0
  CASE 46                                                                         # Unpriv §20.2: fcsr shows the accrued flags in bits 4:0 next to frm
  li a0, (RM_RTZ << 5)
  csrw fcsr, a0
  li a0, 0x3ff0000000000000
  fmv.d.x fa0, a0
  fmv.d.x fa1, zero
  fdiv.d fa2, fa0, fa1
  CHECK_CSR fcsr, (RM_RTZ << 5) | DZ
  csrwi fcsr, 0

RVHV_CODE_END
