# NaN boxing of single-precision values in the 64-bit f registers (Unpriv
# §21.2): single results and narrow transfers into f registers set bits 63:32
# to ones; a single-precision operand whose bits 63:32 are not all ones is
# read as the canonical NaN (0x7fc00000); narrow transfers out (FMV.X.W, FSW)
# use bits 31:0 as they are.
#include "rvhv-test.h"

# f\freg = the 64-bit pattern \bits (no boxing).
.macro FSET64 freg, bits
  li t0, \bits
  fmv.d.x \freg, t0
.endm

# Boxed single \bits into \freg.
.macro FSET32 freg, bits
  li t0, \bits
  fmv.w.x \freg, t0
.endm

# f\freg must hold the 64-bit pattern \bits.
.macro FCHECK64 freg, bits
  fmv.x.d a0, \freg
  CHECK a0, \bits
.endm

RVHV_CODE_BEGIN

  CASE 1                                                        # Unpriv §21.2: a single operand with bits 63:32 = 0 is the canonical NaN (quiet: no NV)
  FSET64 fa0, 0x000000003f800000
  FSET32 fa1, 0x3f800000
  csrwi fflags, 0
  fadd.s fa2, fa0, fa1
  FCHECK64 fa2, 0xffffffff7fc00000
  CHECK_CSR fflags, 0
  CASE 2                                                        # Unpriv §21.2: a double in the register read as a single is the canonical NaN
  FSET64 fa0, 0x3ff0000000000000
  fmul.s fa2, fa0, fa0
  FCHECK64 fa2, 0xffffffff7fc00000
  CASE 3                                                        # Unpriv §21.2: bits 63:32 must be all ones; one zero bit (0xfffffffe...) is enough to unbox
  FSET64 fa0, 0xfffffffe3f800000
  FSET32 fa1, 0x3f800000
  fadd.s fa2, fa1, fa0
  FCHECK64 fa2, 0xffffffff7fc00000
  CASE 4                                                        # Unpriv §21.2: a properly boxed operand is used as is
  FSET64 fa0, 0xffffffff3f800000
  fadd.s fa2, fa0, fa0
  FCHECK64 fa2, 0xffffffff40000000
  CASE 5                                                        # Unpriv §21.2: FSGNJ.S reads an unboxed rs1 as the canonical NaN (and boxes the result)
  FSET64 fa0, 0x000000003f800000
  FSET32 fa1, 0xc0000000
  fsgnj.s fa2, fa0, fa1
  FCHECK64 fa2, 0xffffffffffc00000
  CASE 6                                                        # Unpriv §21.2: FSGNJ.S reads an unboxed rs2 as the canonical NaN, whose sign is +
  FSET32 fa0, 0xbf800000
  FSET64 fa1, 0x00000000bf800000
  fsgnj.s fa2, fa0, fa1
  FCHECK64 fa2, 0xffffffff3f800000
  CASE 7                                                        # Unpriv §21.2: FSGNJX.S with an unboxed rs2 (sign + from the canonical NaN)
  FSET32 fa0, 0xbf800000
  FSET64 fa1, 0x12345678bf800000
  fsgnjx.s fa2, fa0, fa1
  FCHECK64 fa2, 0xffffffffbf800000
  CASE 8                                                        # Unpriv §21.2: FMV.X.W transfers bits 31:0 of an unboxed register unchanged
  FSET64 fa0, 0x12345678bf800000
  fmv.x.w a1, fa0
  CHECK a1, 0xffffffffbf800000
  CASE 9                                                        # Unpriv §21.2: FSW stores bits 31:0 of an unboxed register unchanged
  FSET64 fa0, 0x12345678c0490fdb
  la a2, nbuf
  fsw fa0, 0(a2)
  lwu a1, 0(a2)
  CHECK a1, 0xc0490fdb
  CASE 10                                                       # Unpriv §21.2: FCLASS.S of an unboxed value reports a quiet NaN
  FSET64 fa0, 0x00000000ff800000
  fclass.s a1, fa0
  CHECK a1, 0x200
  CASE 11                                                       # Unpriv §21.2: FEQ.S on an unboxed value: a quiet NaN, so 0 and no NV
  FSET64 fa0, 0x000000003f800000
  csrwi fflags, 0
  feq.s a1, fa0, fa0
  CHECK a1, 0
  CHECK_CSR fflags, 0
  CASE 12                                                       # Unpriv §21.2: FLT.S on an unboxed value: a NaN, so 0 and NV
  flt.s a1, fa0, fa0
  CHECK a1, 0
  CHECK_CSR fflags, NV
  CASE 13                                                       # Unpriv §21.2: FCVT.D.S of an unboxed value is the canonical double NaN, no flag
  FSET64 fa0, 0x000000003f800000
  csrwi fflags, 0
  fcvt.d.s fa2, fa0
  FCHECK64 fa2, 0x7ff8000000000000
  CHECK_CSR fflags, 0
  CASE 14                                                       # Unpriv §21.2: FCVT.W.S of an unboxed value converts a NaN: 2^31-1 with NV
  fcvt.w.s a1, fa0, rtz
  CHECK a1, 0x7fffffff
  CHECK_CSR fflags, NV
  CASE 15                                                       # Unpriv §21.2: FMIN.S treats an unboxed operand as a quiet NaN and returns the other
  FSET64 fa0, 0x00000000bf800000
  FSET32 fa1, 0x40000000
  csrwi fflags, 0
  fmin.s fa2, fa0, fa1
  FCHECK64 fa2, 0xffffffff40000000
  CHECK_CSR fflags, 0
  CASE 16                                                       # Unpriv §21.2: FMADD.S with an unboxed addend gives the canonical NaN
  FSET32 fa0, 0x40000000
  FSET64 fa1, 0x0000000040000000
  fmadd.s fa2, fa0, fa0, fa1
  FCHECK64 fa2, 0xffffffff7fc00000
  CASE 17                                                       # Unpriv §21.2: FLW boxes the loaded single
  FSET64 fa2, 0
  la a2, nbuf
  li a1, 0x40490fdb
  sw a1, 0(a2)
  flw fa2, 0(a2)
  FCHECK64 fa2, 0xffffffff40490fdb
  CASE 18                                                       # Unpriv §21.2: FCVT.S.D, FCVT.S.W and FMV.W.X write boxed results
  FSET64 fa0, 0x3ff0000000000000
  fcvt.s.d fa2, fa0
  FCHECK64 fa2, 0xffffffff3f800000
  li a1, -3
  fcvt.s.w fa2, a1
  FCHECK64 fa2, 0xffffffffc0400000
  li a1, 0
  fmv.w.x fa2, a1
  FCHECK64 fa2, 0xffffffff00000000
  CASE 19                                                       # Unpriv §21.2: FSGNJN.S (FNEG.S) of a boxed value stays boxed
  FSET32 fa0, 0x3f800000
  fneg.s fa2, fa0
  FCHECK64 fa2, 0xffffffffbf800000
  CASE 20                                                       # Unpriv §21.2: double operations see the whole register, box included
  FSET32 fa0, 0x3f800000
  fmv.x.d a1, fa0
  CHECK a1, 0xffffffff3f800000
  fclass.d a1, fa0
  CHECK a1, 0x200                                               # 0xffffffff3f800000 is a quiet NaN as a double

RVHV_CODE_END

  .data
  .balign 8
nbuf:
  .dword 0
