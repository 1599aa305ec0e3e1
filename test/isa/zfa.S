# Zfa (Unpriv §24) on halves, singles and doubles: FLI (§24.1), FMINM/FMAXM
# (§24.2), FROUND/FROUNDNX under every rounding mode (§24.3), FCVTMOD.W.D
# (§24.4) and FLEQ/FLTQ (§24.6). Binutils 2.40 predates Zfa, so the
# instructions are written with .insn from the encodings §24 gives (each
# "encoded like" an F/D/Zfh instruction); the macros below name them.
# Expected results and flags come from an exact rational model of IEEE 754
# with the RISC-V rules.
#include "rvhv-test.h"

# Halves need Zfh (for fmv.h.x in the harness); binutils 2.40 knows it.
.option arch, +zfh

# FLI.fmt rd, entry: FMV.fmt.X with rs2 = 1 and the entry in rs1.
.macro FLI fmt7, rd, entry
  .insn r 0x53, 0, \fmt7, \rd, x\entry, x1
.endm
# FMINM / FMAXM: FMIN / FMAX with bit 13 set (funct3 010 / 011).
.macro FMINM_H rd, rs1, rs2
  .insn r 0x53, 2, 0x16, \rd, \rs1, \rs2
.endm
.macro FMAXM_H rd, rs1, rs2
  .insn r 0x53, 3, 0x16, \rd, \rs1, \rs2
.endm
.macro FMINM_S rd, rs1, rs2
  .insn r 0x53, 2, 0x14, \rd, \rs1, \rs2
.endm
.macro FMAXM_S rd, rs1, rs2
  .insn r 0x53, 3, 0x14, \rd, \rs1, \rs2
.endm
.macro FMINM_D rd, rs1, rs2
  .insn r 0x53, 2, 0x15, \rd, \rs1, \rs2
.endm
.macro FMAXM_D rd, rs1, rs2
  .insn r 0x53, 3, 0x15, \rd, \rs1, \rs2
.endm
# FROUND / FROUNDNX: FCVT.fmt.* with rs2 = 4 / 5; rm is the number (0-4, 7).
.macro FROUND_H rd, rs1, rm
  .insn r 0x53, \rm, 0x22, \rd, \rs1, x4
.endm
.macro FROUNDNX_H rd, rs1, rm
  .insn r 0x53, \rm, 0x22, \rd, \rs1, x5
.endm
.macro FROUND_S rd, rs1, rm
  .insn r 0x53, \rm, 0x20, \rd, \rs1, x4
.endm
.macro FROUNDNX_S rd, rs1, rm
  .insn r 0x53, \rm, 0x20, \rd, \rs1, x5
.endm
.macro FROUND_D rd, rs1, rm
  .insn r 0x53, \rm, 0x21, \rd, \rs1, x4
.endm
.macro FROUNDNX_D rd, rs1, rm
  .insn r 0x53, \rm, 0x21, \rd, \rs1, x5
.endm
# FCVTMOD.W.D rd, rs1, rtz: FCVT.W.D with rs2 = 8 and rm = RTZ (001).
.macro FCVTMOD_W_D rd, rs1
  .insn r 0x53, 1, 0x61, \rd, \rs1, x8
.endm
# FLEQ / FLTQ: FLE / FLT with bit 14 set (funct3 100 / 101).
.macro FLEQ_H rd, rs1, rs2
  .insn r 0x53, 4, 0x52, \rd, \rs1, \rs2
.endm
.macro FLTQ_H rd, rs1, rs2
  .insn r 0x53, 5, 0x52, \rd, \rs1, \rs2
.endm
.macro FLEQ_S rd, rs1, rs2
  .insn r 0x53, 4, 0x50, \rd, \rs1, \rs2
.endm
.macro FLTQ_S rd, rs1, rs2
  .insn r 0x53, 5, 0x50, \rd, \rs1, \rs2
.endm
.macro FLEQ_D rd, rs1, rs2
  .insn r 0x53, 4, 0x51, \rd, \rs1, \rs2
.endm
.macro FLTQ_D rd, rs1, rs2
  .insn r 0x53, 5, 0x51, \rd, \rs1, \rs2
.endm

# Case \n: FLI.fmt entry \entry loads \result (checked NaN-boxed), no flags.
.macro TEST_FLI n, fmt, fmt7, entry, result
  li gp, \n
  csrwi fflags, 0
  FLI \fmt7, fa3, \entry
  RVHV_FFLAGS 0
  RVHV_FCHECK fa3, \fmt, \result
.endm

RVHV_CODE_BEGIN

  # ---- FLI.H (§24.1): the 32 constants.
  TEST_FLI 1, h, 0x7a, 0, 0xbc00                                                             # Unpriv §24.1: FLI.H entry 0 is -1.0
  TEST_FLI 2, h, 0x7a, 1, 0x0400                                                             # Unpriv §24.1: FLI.H entry 1 is the smallest normal
  TEST_FLI 3, h, 0x7a, 2, 0x0100                                                             # Unpriv §24.1: FLI.H entry 2 is 2^-16 (a subnormal half)
  TEST_FLI 4, h, 0x7a, 3, 0x0200                                                             # Unpriv §24.1: FLI.H entry 3 is 2^-15 (a subnormal half)
  TEST_FLI 5, h, 0x7a, 4, 0x1c00                                                             # Unpriv §24.1: FLI.H entry 4 is 2^-8
  TEST_FLI 6, h, 0x7a, 5, 0x2000                                                             # Unpriv §24.1: FLI.H entry 5 is 2^-7
  TEST_FLI 7, h, 0x7a, 6, 0x2c00                                                             # Unpriv §24.1: FLI.H entry 6 is 0.0625
  TEST_FLI 8, h, 0x7a, 7, 0x3000                                                             # Unpriv §24.1: FLI.H entry 7 is 0.125
  TEST_FLI 9, h, 0x7a, 8, 0x3400                                                             # Unpriv §24.1: FLI.H entry 8 is 0.25
  TEST_FLI 10, h, 0x7a, 9, 0x3500                                                            # Unpriv §24.1: FLI.H entry 9 is 0.3125
  TEST_FLI 11, h, 0x7a, 10, 0x3600                                                           # Unpriv §24.1: FLI.H entry 10 is 0.375
  TEST_FLI 12, h, 0x7a, 11, 0x3700                                                           # Unpriv §24.1: FLI.H entry 11 is 0.4375
  TEST_FLI 13, h, 0x7a, 12, 0x3800                                                           # Unpriv §24.1: FLI.H entry 12 is 0.5
  TEST_FLI 14, h, 0x7a, 13, 0x3900                                                           # Unpriv §24.1: FLI.H entry 13 is 0.625
  TEST_FLI 15, h, 0x7a, 14, 0x3a00                                                           # Unpriv §24.1: FLI.H entry 14 is 0.75
  TEST_FLI 16, h, 0x7a, 15, 0x3b00                                                           # Unpriv §24.1: FLI.H entry 15 is 0.875
  TEST_FLI 17, h, 0x7a, 16, 0x3c00                                                           # Unpriv §24.1: FLI.H entry 16 is 1.0
  TEST_FLI 18, h, 0x7a, 17, 0x3d00                                                           # Unpriv §24.1: FLI.H entry 17 is 1.25
  TEST_FLI 19, h, 0x7a, 18, 0x3e00                                                           # Unpriv §24.1: FLI.H entry 18 is 1.5
  TEST_FLI 20, h, 0x7a, 19, 0x3f00                                                           # Unpriv §24.1: FLI.H entry 19 is 1.75
  TEST_FLI 21, h, 0x7a, 20, 0x4000                                                           # Unpriv §24.1: FLI.H entry 20 is 2.0
  TEST_FLI 22, h, 0x7a, 21, 0x4100                                                           # Unpriv §24.1: FLI.H entry 21 is 2.5
  TEST_FLI 23, h, 0x7a, 22, 0x4200                                                           # Unpriv §24.1: FLI.H entry 22 is 3
  TEST_FLI 24, h, 0x7a, 23, 0x4400                                                           # Unpriv §24.1: FLI.H entry 23 is 4
  TEST_FLI 25, h, 0x7a, 24, 0x4800                                                           # Unpriv §24.1: FLI.H entry 24 is 8
  TEST_FLI 26, h, 0x7a, 25, 0x4c00                                                           # Unpriv §24.1: FLI.H entry 25 is 16
  TEST_FLI 27, h, 0x7a, 26, 0x5800                                                           # Unpriv §24.1: FLI.H entry 26 is 128
  TEST_FLI 28, h, 0x7a, 27, 0x5c00                                                           # Unpriv §24.1: FLI.H entry 27 is 256
  TEST_FLI 29, h, 0x7a, 28, 0x7800                                                           # Unpriv §24.1: FLI.H entry 28 is 2^15
  TEST_FLI 30, h, 0x7a, 29, 0x7c00                                                           # Unpriv §24.1: FLI.H entry 29 is 2^16, which is +inf as a half
  TEST_FLI 31, h, 0x7a, 30, 0x7c00                                                           # Unpriv §24.1: FLI.H entry 30 is +inf
  TEST_FLI 32, h, 0x7a, 31, 0x7e00                                                           # Unpriv §24.1: FLI.H entry 31 is the canonical NaN
  # ---- FLI.S (§24.1): the 32 constants.
  TEST_FLI 33, s, 0x78, 0, 0xbf800000                                                        # Unpriv §24.1: FLI.S entry 0 is -1.0
  TEST_FLI 34, s, 0x78, 1, 0x00800000                                                        # Unpriv §24.1: FLI.S entry 1 is the smallest normal
  TEST_FLI 35, s, 0x78, 2, 0x37800000                                                        # Unpriv §24.1: FLI.S entry 2 is 2^-16
  TEST_FLI 36, s, 0x78, 3, 0x38000000                                                        # Unpriv §24.1: FLI.S entry 3 is 2^-15
  TEST_FLI 37, s, 0x78, 4, 0x3b800000                                                        # Unpriv §24.1: FLI.S entry 4 is 2^-8
  TEST_FLI 38, s, 0x78, 5, 0x3c000000                                                        # Unpriv §24.1: FLI.S entry 5 is 2^-7
  TEST_FLI 39, s, 0x78, 6, 0x3d800000                                                        # Unpriv §24.1: FLI.S entry 6 is 0.0625
  TEST_FLI 40, s, 0x78, 7, 0x3e000000                                                        # Unpriv §24.1: FLI.S entry 7 is 0.125
  TEST_FLI 41, s, 0x78, 8, 0x3e800000                                                        # Unpriv §24.1: FLI.S entry 8 is 0.25
  TEST_FLI 42, s, 0x78, 9, 0x3ea00000                                                        # Unpriv §24.1: FLI.S entry 9 is 0.3125
  TEST_FLI 43, s, 0x78, 10, 0x3ec00000                                                       # Unpriv §24.1: FLI.S entry 10 is 0.375
  TEST_FLI 44, s, 0x78, 11, 0x3ee00000                                                       # Unpriv §24.1: FLI.S entry 11 is 0.4375
  TEST_FLI 45, s, 0x78, 12, 0x3f000000                                                       # Unpriv §24.1: FLI.S entry 12 is 0.5
  TEST_FLI 46, s, 0x78, 13, 0x3f200000                                                       # Unpriv §24.1: FLI.S entry 13 is 0.625
  TEST_FLI 47, s, 0x78, 14, 0x3f400000                                                       # Unpriv §24.1: FLI.S entry 14 is 0.75
  TEST_FLI 48, s, 0x78, 15, 0x3f600000                                                       # Unpriv §24.1: FLI.S entry 15 is 0.875
  TEST_FLI 49, s, 0x78, 16, 0x3f800000                                                       # Unpriv §24.1: FLI.S entry 16 is 1.0
  TEST_FLI 50, s, 0x78, 17, 0x3fa00000                                                       # Unpriv §24.1: FLI.S entry 17 is 1.25
  TEST_FLI 51, s, 0x78, 18, 0x3fc00000                                                       # Unpriv §24.1: FLI.S entry 18 is 1.5
  TEST_FLI 52, s, 0x78, 19, 0x3fe00000                                                       # Unpriv §24.1: FLI.S entry 19 is 1.75
  TEST_FLI 53, s, 0x78, 20, 0x40000000                                                       # Unpriv §24.1: FLI.S entry 20 is 2.0
  TEST_FLI 54, s, 0x78, 21, 0x40200000                                                       # Unpriv §24.1: FLI.S entry 21 is 2.5
  TEST_FLI 55, s, 0x78, 22, 0x40400000                                                       # Unpriv §24.1: FLI.S entry 22 is 3
  TEST_FLI 56, s, 0x78, 23, 0x40800000                                                       # Unpriv §24.1: FLI.S entry 23 is 4
  TEST_FLI 57, s, 0x78, 24, 0x41000000                                                       # Unpriv §24.1: FLI.S entry 24 is 8
  TEST_FLI 58, s, 0x78, 25, 0x41800000                                                       # Unpriv §24.1: FLI.S entry 25 is 16
  TEST_FLI 59, s, 0x78, 26, 0x43000000                                                       # Unpriv §24.1: FLI.S entry 26 is 128
  TEST_FLI 60, s, 0x78, 27, 0x43800000                                                       # Unpriv §24.1: FLI.S entry 27 is 256
  TEST_FLI 61, s, 0x78, 28, 0x47000000                                                       # Unpriv §24.1: FLI.S entry 28 is 2^15
  TEST_FLI 62, s, 0x78, 29, 0x47800000                                                       # Unpriv §24.1: FLI.S entry 29 is 2^16
  TEST_FLI 63, s, 0x78, 30, 0x7f800000                                                       # Unpriv §24.1: FLI.S entry 30 is +inf
  TEST_FLI 64, s, 0x78, 31, 0x7fc00000                                                       # Unpriv §24.1: FLI.S entry 31 is the canonical NaN
  # ---- FLI.D (§24.1): the 32 constants.
  TEST_FLI 65, d, 0x79, 0, 0xbff0000000000000                                                # Unpriv §24.1: FLI.D entry 0 is -1.0
  TEST_FLI 66, d, 0x79, 1, 0x0010000000000000                                                # Unpriv §24.1: FLI.D entry 1 is the smallest normal
  TEST_FLI 67, d, 0x79, 2, 0x3ef0000000000000                                                # Unpriv §24.1: FLI.D entry 2 is 2^-16
  TEST_FLI 68, d, 0x79, 3, 0x3f00000000000000                                                # Unpriv §24.1: FLI.D entry 3 is 2^-15
  TEST_FLI 69, d, 0x79, 4, 0x3f70000000000000                                                # Unpriv §24.1: FLI.D entry 4 is 2^-8
  TEST_FLI 70, d, 0x79, 5, 0x3f80000000000000                                                # Unpriv §24.1: FLI.D entry 5 is 2^-7
  TEST_FLI 71, d, 0x79, 6, 0x3fb0000000000000                                                # Unpriv §24.1: FLI.D entry 6 is 0.0625
  TEST_FLI 72, d, 0x79, 7, 0x3fc0000000000000                                                # Unpriv §24.1: FLI.D entry 7 is 0.125
  TEST_FLI 73, d, 0x79, 8, 0x3fd0000000000000                                                # Unpriv §24.1: FLI.D entry 8 is 0.25
  TEST_FLI 74, d, 0x79, 9, 0x3fd4000000000000                                                # Unpriv §24.1: FLI.D entry 9 is 0.3125
  TEST_FLI 75, d, 0x79, 10, 0x3fd8000000000000                                               # Unpriv §24.1: FLI.D entry 10 is 0.375
  TEST_FLI 76, d, 0x79, 11, 0x3fdc000000000000                                               # Unpriv §24.1: FLI.D entry 11 is 0.4375
  TEST_FLI 77, d, 0x79, 12, 0x3fe0000000000000                                               # Unpriv §24.1: FLI.D entry 12 is 0.5
  TEST_FLI 78, d, 0x79, 13, 0x3fe4000000000000                                               # Unpriv §24.1: FLI.D entry 13 is 0.625
  TEST_FLI 79, d, 0x79, 14, 0x3fe8000000000000                                               # Unpriv §24.1: FLI.D entry 14 is 0.75
  TEST_FLI 80, d, 0x79, 15, 0x3fec000000000000                                               # Unpriv §24.1: FLI.D entry 15 is 0.875
  TEST_FLI 81, d, 0x79, 16, 0x3ff0000000000000                                               # Unpriv §24.1: FLI.D entry 16 is 1.0
  TEST_FLI 82, d, 0x79, 17, 0x3ff4000000000000                                               # Unpriv §24.1: FLI.D entry 17 is 1.25
  TEST_FLI 83, d, 0x79, 18, 0x3ff8000000000000                                               # Unpriv §24.1: FLI.D entry 18 is 1.5
  TEST_FLI 84, d, 0x79, 19, 0x3ffc000000000000                                               # Unpriv §24.1: FLI.D entry 19 is 1.75
  TEST_FLI 85, d, 0x79, 20, 0x4000000000000000                                               # Unpriv §24.1: FLI.D entry 20 is 2.0
  TEST_FLI 86, d, 0x79, 21, 0x4004000000000000                                               # Unpriv §24.1: FLI.D entry 21 is 2.5
  TEST_FLI 87, d, 0x79, 22, 0x4008000000000000                                               # Unpriv §24.1: FLI.D entry 22 is 3
  TEST_FLI 88, d, 0x79, 23, 0x4010000000000000                                               # Unpriv §24.1: FLI.D entry 23 is 4
  TEST_FLI 89, d, 0x79, 24, 0x4020000000000000                                               # Unpriv §24.1: FLI.D entry 24 is 8
  TEST_FLI 90, d, 0x79, 25, 0x4030000000000000                                               # Unpriv §24.1: FLI.D entry 25 is 16
  TEST_FLI 91, d, 0x79, 26, 0x4060000000000000                                               # Unpriv §24.1: FLI.D entry 26 is 128
  TEST_FLI 92, d, 0x79, 27, 0x4070000000000000                                               # Unpriv §24.1: FLI.D entry 27 is 256
  TEST_FLI 93, d, 0x79, 28, 0x40e0000000000000                                               # Unpriv §24.1: FLI.D entry 28 is 2^15
  TEST_FLI 94, d, 0x79, 29, 0x40f0000000000000                                               # Unpriv §24.1: FLI.D entry 29 is 2^16
  TEST_FLI 95, d, 0x79, 30, 0x7ff0000000000000                                               # Unpriv §24.1: FLI.D entry 30 is +inf
  TEST_FLI 96, d, 0x79, 31, 0x7ff8000000000000                                               # Unpriv §24.1: FLI.D entry 31 is the canonical NaN

  # ---- FMINM.H / FMAXM.H (§24.2): IEEE 754-2019 minimum and maximum.
  TEST_F2 97, FMINM_H, , h, 0x3c00, 0, 0x3c00, 0x4000                                        # Unpriv §24.2: FMINM.H: ordinary operands
  TEST_F2 98, FMAXM_H, , h, 0x4000, 0, 0x3c00, 0x4000                                        # Unpriv §24.2: FMAXM.H: ordinary operands
  TEST_F2 99, FMINM_H, , h, 0xc000, 0, 0xc000, 0x3c00                                        # Unpriv §24.2: FMINM.H: a negative operand
  TEST_F2 100, FMAXM_H, , h, 0x3c00, 0, 0xc000, 0x3c00                                       # Unpriv §24.2: FMAXM.H: a negative operand
  TEST_F2 101, FMINM_H, , h, 0x8000, 0, 0x0000, 0x8000                                       # Unpriv §24.2: FMINM.H: -0 is below +0
  TEST_F2 102, FMAXM_H, , h, 0x0000, 0, 0x0000, 0x8000                                       # Unpriv §24.2: FMAXM.H: -0 is below +0
  TEST_F2 103, FMINM_H, , h, 0x7e00, 0, 0x7e00, 0x3c00                                       # Unpriv §24.2: FMINM.H: one quiet NaN gives the canonical NaN (FMIN would give the other operand), no NV
  TEST_F2 104, FMAXM_H, , h, 0x7e00, 0, 0x7e00, 0x3c00                                       # Unpriv §24.2: FMAXM.H: one quiet NaN gives the canonical NaN (FMIN would give the other operand), no NV
  TEST_F2 105, FMINM_H, , h, 0x7e00, NV, 0x3c00, 0x7c01                                      # Unpriv §24.2: FMINM.H: one signalling NaN: the canonical NaN, NV
  TEST_F2 106, FMAXM_H, , h, 0x7e00, NV, 0x3c00, 0x7c01                                      # Unpriv §24.2: FMAXM.H: one signalling NaN: the canonical NaN, NV
  TEST_F2 107, FMINM_H, , h, 0xfc00, 0, 0xfc00, 0x7bff                                       # Unpriv §24.2: FMINM.H: infinities order as usual
  TEST_F2 108, FMAXM_H, , h, 0x7bff, 0, 0xfc00, 0x7bff                                       # Unpriv §24.2: FMAXM.H: infinities order as usual
  TEST_F2 109, FMINM_H, , h, 0x7e00, 0, 0xfe55, 0x7c00                                       # Unpriv §24.2: FMINM.H: a NaN payload is not propagated
  TEST_F2 110, FMAXM_H, , h, 0x7e00, 0, 0xfe55, 0x7c00                                       # Unpriv §24.2: FMAXM.H: a NaN payload is not propagated
  # ---- FMINM.S / FMAXM.S (§24.2): IEEE 754-2019 minimum and maximum.
  TEST_F2 111, FMINM_S, , s, 0x3f800000, 0, 0x3f800000, 0x40000000                           # Unpriv §24.2: FMINM.S: ordinary operands
  TEST_F2 112, FMAXM_S, , s, 0x40000000, 0, 0x3f800000, 0x40000000                           # Unpriv §24.2: FMAXM.S: ordinary operands
  TEST_F2 113, FMINM_S, , s, 0xc0000000, 0, 0xc0000000, 0x3f800000                           # Unpriv §24.2: FMINM.S: a negative operand
  TEST_F2 114, FMAXM_S, , s, 0x3f800000, 0, 0xc0000000, 0x3f800000                           # Unpriv §24.2: FMAXM.S: a negative operand
  TEST_F2 115, FMINM_S, , s, 0x80000000, 0, 0x00000000, 0x80000000                           # Unpriv §24.2: FMINM.S: -0 is below +0
  TEST_F2 116, FMAXM_S, , s, 0x00000000, 0, 0x00000000, 0x80000000                           # Unpriv §24.2: FMAXM.S: -0 is below +0
  TEST_F2 117, FMINM_S, , s, 0x7fc00000, 0, 0x7fc00000, 0x3f800000                           # Unpriv §24.2: FMINM.S: one quiet NaN gives the canonical NaN (FMIN would give the other operand), no NV
  TEST_F2 118, FMAXM_S, , s, 0x7fc00000, 0, 0x7fc00000, 0x3f800000                           # Unpriv §24.2: FMAXM.S: one quiet NaN gives the canonical NaN (FMIN would give the other operand), no NV
  TEST_F2 119, FMINM_S, , s, 0x7fc00000, NV, 0x3f800000, 0x7f800001                          # Unpriv §24.2: FMINM.S: one signalling NaN: the canonical NaN, NV
  TEST_F2 120, FMAXM_S, , s, 0x7fc00000, NV, 0x3f800000, 0x7f800001                          # Unpriv §24.2: FMAXM.S: one signalling NaN: the canonical NaN, NV
  TEST_F2 121, FMINM_S, , s, 0xff800000, 0, 0xff800000, 0x7f7fffff                           # Unpriv §24.2: FMINM.S: infinities order as usual
  TEST_F2 122, FMAXM_S, , s, 0x7f7fffff, 0, 0xff800000, 0x7f7fffff                           # Unpriv §24.2: FMAXM.S: infinities order as usual
  # ---- FMINM.D / FMAXM.D (§24.2): IEEE 754-2019 minimum and maximum.
  TEST_F2 123, FMINM_D, , d, 0x3ff0000000000000, 0, 0x3ff0000000000000, 0x4000000000000000   # Unpriv §24.2: FMINM.D: ordinary operands
  TEST_F2 124, FMAXM_D, , d, 0x4000000000000000, 0, 0x3ff0000000000000, 0x4000000000000000   # Unpriv §24.2: FMAXM.D: ordinary operands
  TEST_F2 125, FMINM_D, , d, 0xc000000000000000, 0, 0xc000000000000000, 0x3ff0000000000000   # Unpriv §24.2: FMINM.D: a negative operand
  TEST_F2 126, FMAXM_D, , d, 0x3ff0000000000000, 0, 0xc000000000000000, 0x3ff0000000000000   # Unpriv §24.2: FMAXM.D: a negative operand
  TEST_F2 127, FMINM_D, , d, 0x8000000000000000, 0, 0x0000000000000000, 0x8000000000000000   # Unpriv §24.2: FMINM.D: -0 is below +0
  TEST_F2 128, FMAXM_D, , d, 0x0000000000000000, 0, 0x0000000000000000, 0x8000000000000000   # Unpriv §24.2: FMAXM.D: -0 is below +0
  TEST_F2 129, FMINM_D, , d, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0x3ff0000000000000   # Unpriv §24.2: FMINM.D: one quiet NaN gives the canonical NaN (FMIN would give the other operand), no NV
  TEST_F2 130, FMAXM_D, , d, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0x3ff0000000000000   # Unpriv §24.2: FMAXM.D: one quiet NaN gives the canonical NaN (FMIN would give the other operand), no NV
  TEST_F2 131, FMINM_D, , d, 0x7ff8000000000000, NV, 0x3ff0000000000000, 0x7ff0000000000001  # Unpriv §24.2: FMINM.D: one signalling NaN: the canonical NaN, NV
  TEST_F2 132, FMAXM_D, , d, 0x7ff8000000000000, NV, 0x3ff0000000000000, 0x7ff0000000000001  # Unpriv §24.2: FMAXM.D: one signalling NaN: the canonical NaN, NV
  TEST_F2 133, FMINM_D, , d, 0xfff0000000000000, 0, 0xfff0000000000000, 0x7fefffffffffffff   # Unpriv §24.2: FMINM.D: infinities order as usual
  TEST_F2 134, FMAXM_D, , d, 0x7fefffffffffffff, 0, 0xfff0000000000000, 0x7fefffffffffffff   # Unpriv §24.2: FMAXM.D: infinities order as usual

  # ---- FROUND.H / FROUNDNX.H (§24.3) under each static rounding mode.
  TEST_F1 135, FROUND_H, 0, h, 0x4000, 0, h, 0x4100                                          # Unpriv §24.3: FROUND.H of 2.5, a tie, rm = RNE (never NX)
  TEST_F1 136, FROUND_H, 1, h, 0x4000, 0, h, 0x4100                                          # Unpriv §24.3: FROUND.H of 2.5, a tie, rm = RTZ (never NX)
  TEST_F1 137, FROUND_H, 2, h, 0x4000, 0, h, 0x4100                                          # Unpriv §24.3: FROUND.H of 2.5, a tie, rm = RDN (never NX)
  TEST_F1 138, FROUND_H, 3, h, 0x4200, 0, h, 0x4100                                          # Unpriv §24.3: FROUND.H of 2.5, a tie, rm = RUP (never NX)
  TEST_F1 139, FROUND_H, 4, h, 0x4200, 0, h, 0x4100                                          # Unpriv §24.3: FROUND.H of 2.5, a tie, rm = RMM (never NX)
  TEST_F1 140, FROUNDNX_H, 0, h, 0x4000, NX, h, 0x4100                                       # Unpriv §24.3: FROUNDNX.H of 2.5, a tie, rm = RNE
  TEST_F1 141, FROUNDNX_H, 1, h, 0x4000, NX, h, 0x4100                                       # Unpriv §24.3: FROUNDNX.H of 2.5, a tie, rm = RTZ
  TEST_F1 142, FROUNDNX_H, 2, h, 0x4000, NX, h, 0x4100                                       # Unpriv §24.3: FROUNDNX.H of 2.5, a tie, rm = RDN
  TEST_F1 143, FROUNDNX_H, 3, h, 0x4200, NX, h, 0x4100                                       # Unpriv §24.3: FROUNDNX.H of 2.5, a tie, rm = RUP
  TEST_F1 144, FROUNDNX_H, 4, h, 0x4200, NX, h, 0x4100                                       # Unpriv §24.3: FROUNDNX.H of 2.5, a tie, rm = RMM
  TEST_F1 145, FROUND_H, 0, h, 0xc000, 0, h, 0xbe00                                          # Unpriv §24.3: FROUND.H of -1.5, a tie, rm = RNE (never NX)
  TEST_F1 146, FROUND_H, 1, h, 0xbc00, 0, h, 0xbe00                                          # Unpriv §24.3: FROUND.H of -1.5, a tie, rm = RTZ (never NX)
  TEST_F1 147, FROUND_H, 2, h, 0xc000, 0, h, 0xbe00                                          # Unpriv §24.3: FROUND.H of -1.5, a tie, rm = RDN (never NX)
  TEST_F1 148, FROUND_H, 3, h, 0xbc00, 0, h, 0xbe00                                          # Unpriv §24.3: FROUND.H of -1.5, a tie, rm = RUP (never NX)
  TEST_F1 149, FROUND_H, 4, h, 0xc000, 0, h, 0xbe00                                          # Unpriv §24.3: FROUND.H of -1.5, a tie, rm = RMM (never NX)
  TEST_F1 150, FROUNDNX_H, 0, h, 0xc000, NX, h, 0xbe00                                       # Unpriv §24.3: FROUNDNX.H of -1.5, a tie, rm = RNE
  TEST_F1 151, FROUNDNX_H, 1, h, 0xbc00, NX, h, 0xbe00                                       # Unpriv §24.3: FROUNDNX.H of -1.5, a tie, rm = RTZ
  TEST_F1 152, FROUNDNX_H, 2, h, 0xc000, NX, h, 0xbe00                                       # Unpriv §24.3: FROUNDNX.H of -1.5, a tie, rm = RDN
  TEST_F1 153, FROUNDNX_H, 3, h, 0xbc00, NX, h, 0xbe00                                       # Unpriv §24.3: FROUNDNX.H of -1.5, a tie, rm = RUP
  TEST_F1 154, FROUNDNX_H, 4, h, 0xc000, NX, h, 0xbe00                                       # Unpriv §24.3: FROUNDNX.H of -1.5, a tie, rm = RMM
  TEST_F1 155, FROUND_H, 0, h, 0x8000, 0, h, 0xb400                                          # Unpriv §24.3: FROUND.H of -0.25: a zero result keeps the sign, rm = RNE (never NX)
  TEST_F1 156, FROUND_H, 1, h, 0x8000, 0, h, 0xb400                                          # Unpriv §24.3: FROUND.H of -0.25: a zero result keeps the sign, rm = RTZ (never NX)
  TEST_F1 157, FROUND_H, 2, h, 0xbc00, 0, h, 0xb400                                          # Unpriv §24.3: FROUND.H of -0.25: a zero result keeps the sign, rm = RDN (never NX)
  TEST_F1 158, FROUND_H, 3, h, 0x8000, 0, h, 0xb400                                          # Unpriv §24.3: FROUND.H of -0.25: a zero result keeps the sign, rm = RUP (never NX)
  TEST_F1 159, FROUND_H, 4, h, 0x8000, 0, h, 0xb400                                          # Unpriv §24.3: FROUND.H of -0.25: a zero result keeps the sign, rm = RMM (never NX)
  TEST_F1 160, FROUNDNX_H, 0, h, 0x8000, NX, h, 0xb400                                       # Unpriv §24.3: FROUNDNX.H of -0.25: a zero result keeps the sign, rm = RNE
  TEST_F1 161, FROUNDNX_H, 1, h, 0x8000, NX, h, 0xb400                                       # Unpriv §24.3: FROUNDNX.H of -0.25: a zero result keeps the sign, rm = RTZ
  TEST_F1 162, FROUNDNX_H, 2, h, 0xbc00, NX, h, 0xb400                                       # Unpriv §24.3: FROUNDNX.H of -0.25: a zero result keeps the sign, rm = RDN
  TEST_F1 163, FROUNDNX_H, 3, h, 0x8000, NX, h, 0xb400                                       # Unpriv §24.3: FROUNDNX.H of -0.25: a zero result keeps the sign, rm = RUP
  TEST_F1 164, FROUNDNX_H, 4, h, 0x8000, NX, h, 0xb400                                       # Unpriv §24.3: FROUNDNX.H of -0.25: a zero result keeps the sign, rm = RMM
  TEST_F1 165, FROUND_H, 0, h, 0x4000, 0, h, 0x3f00                                          # Unpriv §24.3: FROUND.H of 1.75, rm = RNE (never NX)
  TEST_F1 166, FROUND_H, 1, h, 0x3c00, 0, h, 0x3f00                                          # Unpriv §24.3: FROUND.H of 1.75, rm = RTZ (never NX)
  TEST_F1 167, FROUND_H, 2, h, 0x3c00, 0, h, 0x3f00                                          # Unpriv §24.3: FROUND.H of 1.75, rm = RDN (never NX)
  TEST_F1 168, FROUND_H, 3, h, 0x4000, 0, h, 0x3f00                                          # Unpriv §24.3: FROUND.H of 1.75, rm = RUP (never NX)
  TEST_F1 169, FROUND_H, 4, h, 0x4000, 0, h, 0x3f00                                          # Unpriv §24.3: FROUND.H of 1.75, rm = RMM (never NX)
  TEST_F1 170, FROUNDNX_H, 0, h, 0x4000, NX, h, 0x3f00                                       # Unpriv §24.3: FROUNDNX.H of 1.75, rm = RNE
  TEST_F1 171, FROUNDNX_H, 1, h, 0x3c00, NX, h, 0x3f00                                       # Unpriv §24.3: FROUNDNX.H of 1.75, rm = RTZ
  TEST_F1 172, FROUNDNX_H, 2, h, 0x3c00, NX, h, 0x3f00                                       # Unpriv §24.3: FROUNDNX.H of 1.75, rm = RDN
  TEST_F1 173, FROUNDNX_H, 3, h, 0x4000, NX, h, 0x3f00                                       # Unpriv §24.3: FROUNDNX.H of 1.75, rm = RUP
  TEST_F1 174, FROUNDNX_H, 4, h, 0x4000, NX, h, 0x3f00                                       # Unpriv §24.3: FROUNDNX.H of 1.75, rm = RMM
  TEST_F1 175, FROUND_H, 0, h, 0x6000, 0, h, 0x5ffe                                          # Unpriv §24.3: FROUND.H of 511.5, the largest half with a fraction, rm = RNE (never NX)
  TEST_F1 176, FROUND_H, 1, h, 0x5ffc, 0, h, 0x5ffe                                          # Unpriv §24.3: FROUND.H of 511.5, the largest half with a fraction, rm = RTZ (never NX)
  TEST_F1 177, FROUND_H, 2, h, 0x5ffc, 0, h, 0x5ffe                                          # Unpriv §24.3: FROUND.H of 511.5, the largest half with a fraction, rm = RDN (never NX)
  TEST_F1 178, FROUND_H, 3, h, 0x6000, 0, h, 0x5ffe                                          # Unpriv §24.3: FROUND.H of 511.5, the largest half with a fraction, rm = RUP (never NX)
  TEST_F1 179, FROUND_H, 4, h, 0x6000, 0, h, 0x5ffe                                          # Unpriv §24.3: FROUND.H of 511.5, the largest half with a fraction, rm = RMM (never NX)
  TEST_F1 180, FROUNDNX_H, 0, h, 0x6000, NX, h, 0x5ffe                                       # Unpriv §24.3: FROUNDNX.H of 511.5, the largest half with a fraction, rm = RNE
  TEST_F1 181, FROUNDNX_H, 1, h, 0x5ffc, NX, h, 0x5ffe                                       # Unpriv §24.3: FROUNDNX.H of 511.5, the largest half with a fraction, rm = RTZ
  TEST_F1 182, FROUNDNX_H, 2, h, 0x5ffc, NX, h, 0x5ffe                                       # Unpriv §24.3: FROUNDNX.H of 511.5, the largest half with a fraction, rm = RDN
  TEST_F1 183, FROUNDNX_H, 3, h, 0x6000, NX, h, 0x5ffe                                       # Unpriv §24.3: FROUNDNX.H of 511.5, the largest half with a fraction, rm = RUP
  TEST_F1 184, FROUNDNX_H, 4, h, 0x6000, NX, h, 0x5ffe                                       # Unpriv §24.3: FROUNDNX.H of 511.5, the largest half with a fraction, rm = RMM
  TEST_F1 185, FROUND_H, 0, h, 0x8000, 0, h, 0x8000                                          # Unpriv §24.3: FROUND.H of -0: unchanged, rm = RNE
  TEST_F1 186, FROUNDNX_H, 0, h, 0x8000, 0, h, 0x8000                                        # Unpriv §24.3: FROUNDNX.H of -0: unchanged, rm = RNE
  TEST_F1 187, FROUND_H, 0, h, 0xfc00, 0, h, 0xfc00                                          # Unpriv §24.3: FROUND.H of -inf: unchanged, rm = RNE
  TEST_F1 188, FROUNDNX_H, 0, h, 0xfc00, 0, h, 0xfc00                                        # Unpriv §24.3: FROUNDNX.H of -inf: unchanged, rm = RNE
  TEST_F1 189, FROUND_H, 0, h, 0x7bff, 0, h, 0x7bff                                          # Unpriv §24.3: FROUND.H of the largest finite value, already an integer, rm = RNE
  TEST_F1 190, FROUNDNX_H, 0, h, 0x7bff, 0, h, 0x7bff                                        # Unpriv §24.3: FROUNDNX.H of the largest finite value, already an integer, rm = RNE
  TEST_F1 191, FROUND_H, 3, h, 0x3c00, 0, h, 0x0001                                          # Unpriv §24.3: FROUND.H of the smallest subnormal, rm = RUP
  TEST_F1 192, FROUNDNX_H, 3, h, 0x3c00, NX, h, 0x0001                                       # Unpriv §24.3: FROUNDNX.H of the smallest subnormal, rm = RUP
  TEST_F1 193, FROUND_H, 0, h, 0x7e00, 0, h, 0x7e01                                          # Unpriv §24.3: FROUND.H of a quiet NaN: the canonical NaN, no NV, rm = RNE
  TEST_F1 194, FROUNDNX_H, 0, h, 0x7e00, 0, h, 0x7e01                                        # Unpriv §24.3: FROUNDNX.H of a quiet NaN: the canonical NaN, no NV, rm = RNE
  TEST_F1 195, FROUND_H, 0, h, 0x7e00, NV, h, 0x7c01                                         # Unpriv §24.3: FROUND.H of a signalling NaN: NV only, rm = RNE
  TEST_F1 196, FROUNDNX_H, 0, h, 0x7e00, NV, h, 0x7c01                                       # Unpriv §24.3: FROUNDNX.H of a signalling NaN: NV only, rm = RNE
  # ---- FROUND.S / FROUNDNX.S (§24.3) under each static rounding mode.
  TEST_F1 197, FROUND_S, 0, s, 0x40000000, 0, s, 0x40200000                                  # Unpriv §24.3: FROUND.S of 2.5, a tie, rm = RNE (never NX)
  TEST_F1 198, FROUND_S, 1, s, 0x40000000, 0, s, 0x40200000                                  # Unpriv §24.3: FROUND.S of 2.5, a tie, rm = RTZ (never NX)
  TEST_F1 199, FROUND_S, 2, s, 0x40000000, 0, s, 0x40200000                                  # Unpriv §24.3: FROUND.S of 2.5, a tie, rm = RDN (never NX)
  TEST_F1 200, FROUND_S, 3, s, 0x40400000, 0, s, 0x40200000                                  # Unpriv §24.3: FROUND.S of 2.5, a tie, rm = RUP (never NX)
  TEST_F1 201, FROUND_S, 4, s, 0x40400000, 0, s, 0x40200000                                  # Unpriv §24.3: FROUND.S of 2.5, a tie, rm = RMM (never NX)
  TEST_F1 202, FROUNDNX_S, 0, s, 0x40000000, NX, s, 0x40200000                               # Unpriv §24.3: FROUNDNX.S of 2.5, a tie, rm = RNE
  TEST_F1 203, FROUNDNX_S, 1, s, 0x40000000, NX, s, 0x40200000                               # Unpriv §24.3: FROUNDNX.S of 2.5, a tie, rm = RTZ
  TEST_F1 204, FROUNDNX_S, 2, s, 0x40000000, NX, s, 0x40200000                               # Unpriv §24.3: FROUNDNX.S of 2.5, a tie, rm = RDN
  TEST_F1 205, FROUNDNX_S, 3, s, 0x40400000, NX, s, 0x40200000                               # Unpriv §24.3: FROUNDNX.S of 2.5, a tie, rm = RUP
  TEST_F1 206, FROUNDNX_S, 4, s, 0x40400000, NX, s, 0x40200000                               # Unpriv §24.3: FROUNDNX.S of 2.5, a tie, rm = RMM
  TEST_F1 207, FROUND_S, 0, s, 0xc0000000, 0, s, 0xbfc00000                                  # Unpriv §24.3: FROUND.S of -1.5, a tie, rm = RNE (never NX)
  TEST_F1 208, FROUND_S, 1, s, 0xbf800000, 0, s, 0xbfc00000                                  # Unpriv §24.3: FROUND.S of -1.5, a tie, rm = RTZ (never NX)
  TEST_F1 209, FROUND_S, 2, s, 0xc0000000, 0, s, 0xbfc00000                                  # Unpriv §24.3: FROUND.S of -1.5, a tie, rm = RDN (never NX)
  TEST_F1 210, FROUND_S, 3, s, 0xbf800000, 0, s, 0xbfc00000                                  # Unpriv §24.3: FROUND.S of -1.5, a tie, rm = RUP (never NX)
  TEST_F1 211, FROUND_S, 4, s, 0xc0000000, 0, s, 0xbfc00000                                  # Unpriv §24.3: FROUND.S of -1.5, a tie, rm = RMM (never NX)
  TEST_F1 212, FROUNDNX_S, 0, s, 0xc0000000, NX, s, 0xbfc00000                               # Unpriv §24.3: FROUNDNX.S of -1.5, a tie, rm = RNE
  TEST_F1 213, FROUNDNX_S, 1, s, 0xbf800000, NX, s, 0xbfc00000                               # Unpriv §24.3: FROUNDNX.S of -1.5, a tie, rm = RTZ
  TEST_F1 214, FROUNDNX_S, 2, s, 0xc0000000, NX, s, 0xbfc00000                               # Unpriv §24.3: FROUNDNX.S of -1.5, a tie, rm = RDN
  TEST_F1 215, FROUNDNX_S, 3, s, 0xbf800000, NX, s, 0xbfc00000                               # Unpriv §24.3: FROUNDNX.S of -1.5, a tie, rm = RUP
  TEST_F1 216, FROUNDNX_S, 4, s, 0xc0000000, NX, s, 0xbfc00000                               # Unpriv §24.3: FROUNDNX.S of -1.5, a tie, rm = RMM
  TEST_F1 217, FROUND_S, 0, s, 0x80000000, 0, s, 0xbe800000                                  # Unpriv §24.3: FROUND.S of -0.25: a zero result keeps the sign, rm = RNE (never NX)
  TEST_F1 218, FROUND_S, 1, s, 0x80000000, 0, s, 0xbe800000                                  # Unpriv §24.3: FROUND.S of -0.25: a zero result keeps the sign, rm = RTZ (never NX)
  TEST_F1 219, FROUND_S, 2, s, 0xbf800000, 0, s, 0xbe800000                                  # Unpriv §24.3: FROUND.S of -0.25: a zero result keeps the sign, rm = RDN (never NX)
  TEST_F1 220, FROUND_S, 3, s, 0x80000000, 0, s, 0xbe800000                                  # Unpriv §24.3: FROUND.S of -0.25: a zero result keeps the sign, rm = RUP (never NX)
  TEST_F1 221, FROUND_S, 4, s, 0x80000000, 0, s, 0xbe800000                                  # Unpriv §24.3: FROUND.S of -0.25: a zero result keeps the sign, rm = RMM (never NX)
  TEST_F1 222, FROUNDNX_S, 0, s, 0x80000000, NX, s, 0xbe800000                               # Unpriv §24.3: FROUNDNX.S of -0.25: a zero result keeps the sign, rm = RNE
  TEST_F1 223, FROUNDNX_S, 1, s, 0x80000000, NX, s, 0xbe800000                               # Unpriv §24.3: FROUNDNX.S of -0.25: a zero result keeps the sign, rm = RTZ
  TEST_F1 224, FROUNDNX_S, 2, s, 0xbf800000, NX, s, 0xbe800000                               # Unpriv §24.3: FROUNDNX.S of -0.25: a zero result keeps the sign, rm = RDN
  TEST_F1 225, FROUNDNX_S, 3, s, 0x80000000, NX, s, 0xbe800000                               # Unpriv §24.3: FROUNDNX.S of -0.25: a zero result keeps the sign, rm = RUP
  TEST_F1 226, FROUNDNX_S, 4, s, 0x80000000, NX, s, 0xbe800000                               # Unpriv §24.3: FROUNDNX.S of -0.25: a zero result keeps the sign, rm = RMM
  TEST_F1 227, FROUND_S, 0, s, 0x40000000, 0, s, 0x3fe00000                                  # Unpriv §24.3: FROUND.S of 1.75, rm = RNE (never NX)
  TEST_F1 228, FROUND_S, 1, s, 0x3f800000, 0, s, 0x3fe00000                                  # Unpriv §24.3: FROUND.S of 1.75, rm = RTZ (never NX)
  TEST_F1 229, FROUND_S, 2, s, 0x3f800000, 0, s, 0x3fe00000                                  # Unpriv §24.3: FROUND.S of 1.75, rm = RDN (never NX)
  TEST_F1 230, FROUND_S, 3, s, 0x40000000, 0, s, 0x3fe00000                                  # Unpriv §24.3: FROUND.S of 1.75, rm = RUP (never NX)
  TEST_F1 231, FROUND_S, 4, s, 0x40000000, 0, s, 0x3fe00000                                  # Unpriv §24.3: FROUND.S of 1.75, rm = RMM (never NX)
  TEST_F1 232, FROUNDNX_S, 0, s, 0x40000000, NX, s, 0x3fe00000                               # Unpriv §24.3: FROUNDNX.S of 1.75, rm = RNE
  TEST_F1 233, FROUNDNX_S, 1, s, 0x3f800000, NX, s, 0x3fe00000                               # Unpriv §24.3: FROUNDNX.S of 1.75, rm = RTZ
  TEST_F1 234, FROUNDNX_S, 2, s, 0x3f800000, NX, s, 0x3fe00000                               # Unpriv §24.3: FROUNDNX.S of 1.75, rm = RDN
  TEST_F1 235, FROUNDNX_S, 3, s, 0x40000000, NX, s, 0x3fe00000                               # Unpriv §24.3: FROUNDNX.S of 1.75, rm = RUP
  TEST_F1 236, FROUNDNX_S, 4, s, 0x40000000, NX, s, 0x3fe00000                               # Unpriv §24.3: FROUNDNX.S of 1.75, rm = RMM
  TEST_F1 237, FROUND_S, 0, s, 0x4b000000, 0, s, 0x4affffff                                  # Unpriv §24.3: FROUND.S of 2^23 - 0.5, the largest single with a fraction, rm = RNE (never NX)
  TEST_F1 238, FROUND_S, 1, s, 0x4afffffe, 0, s, 0x4affffff                                  # Unpriv §24.3: FROUND.S of 2^23 - 0.5, the largest single with a fraction, rm = RTZ (never NX)
  TEST_F1 239, FROUND_S, 2, s, 0x4afffffe, 0, s, 0x4affffff                                  # Unpriv §24.3: FROUND.S of 2^23 - 0.5, the largest single with a fraction, rm = RDN (never NX)
  TEST_F1 240, FROUND_S, 3, s, 0x4b000000, 0, s, 0x4affffff                                  # Unpriv §24.3: FROUND.S of 2^23 - 0.5, the largest single with a fraction, rm = RUP (never NX)
  TEST_F1 241, FROUND_S, 4, s, 0x4b000000, 0, s, 0x4affffff                                  # Unpriv §24.3: FROUND.S of 2^23 - 0.5, the largest single with a fraction, rm = RMM (never NX)
  TEST_F1 242, FROUNDNX_S, 0, s, 0x4b000000, NX, s, 0x4affffff                               # Unpriv §24.3: FROUNDNX.S of 2^23 - 0.5, the largest single with a fraction, rm = RNE
  TEST_F1 243, FROUNDNX_S, 1, s, 0x4afffffe, NX, s, 0x4affffff                               # Unpriv §24.3: FROUNDNX.S of 2^23 - 0.5, the largest single with a fraction, rm = RTZ
  TEST_F1 244, FROUNDNX_S, 2, s, 0x4afffffe, NX, s, 0x4affffff                               # Unpriv §24.3: FROUNDNX.S of 2^23 - 0.5, the largest single with a fraction, rm = RDN
  TEST_F1 245, FROUNDNX_S, 3, s, 0x4b000000, NX, s, 0x4affffff                               # Unpriv §24.3: FROUNDNX.S of 2^23 - 0.5, the largest single with a fraction, rm = RUP
  TEST_F1 246, FROUNDNX_S, 4, s, 0x4b000000, NX, s, 0x4affffff                               # Unpriv §24.3: FROUNDNX.S of 2^23 - 0.5, the largest single with a fraction, rm = RMM
  TEST_F1 247, FROUND_S, 0, s, 0x80000000, 0, s, 0x80000000                                  # Unpriv §24.3: FROUND.S of -0: unchanged, rm = RNE
  TEST_F1 248, FROUNDNX_S, 0, s, 0x80000000, 0, s, 0x80000000                                # Unpriv §24.3: FROUNDNX.S of -0: unchanged, rm = RNE
  TEST_F1 249, FROUND_S, 0, s, 0xff800000, 0, s, 0xff800000                                  # Unpriv §24.3: FROUND.S of -inf: unchanged, rm = RNE
  TEST_F1 250, FROUNDNX_S, 0, s, 0xff800000, 0, s, 0xff800000                                # Unpriv §24.3: FROUNDNX.S of -inf: unchanged, rm = RNE
  TEST_F1 251, FROUND_S, 0, s, 0x7f7fffff, 0, s, 0x7f7fffff                                  # Unpriv §24.3: FROUND.S of the largest finite value, already an integer, rm = RNE
  TEST_F1 252, FROUNDNX_S, 0, s, 0x7f7fffff, 0, s, 0x7f7fffff                                # Unpriv §24.3: FROUNDNX.S of the largest finite value, already an integer, rm = RNE
  TEST_F1 253, FROUND_S, 3, s, 0x3f800000, 0, s, 0x00000001                                  # Unpriv §24.3: FROUND.S of the smallest subnormal, rm = RUP
  TEST_F1 254, FROUNDNX_S, 3, s, 0x3f800000, NX, s, 0x00000001                               # Unpriv §24.3: FROUNDNX.S of the smallest subnormal, rm = RUP
  TEST_F1 255, FROUND_S, 0, s, 0x7fc00000, 0, s, 0x7fc00001                                  # Unpriv §24.3: FROUND.S of a quiet NaN: the canonical NaN, no NV, rm = RNE
  TEST_F1 256, FROUNDNX_S, 0, s, 0x7fc00000, 0, s, 0x7fc00001                                # Unpriv §24.3: FROUNDNX.S of a quiet NaN: the canonical NaN, no NV, rm = RNE
  TEST_F1 257, FROUND_S, 0, s, 0x7fc00000, NV, s, 0x7f800001                                 # Unpriv §24.3: FROUND.S of a signalling NaN: NV only, rm = RNE
  TEST_F1 258, FROUNDNX_S, 0, s, 0x7fc00000, NV, s, 0x7f800001                               # Unpriv §24.3: FROUNDNX.S of a signalling NaN: NV only, rm = RNE
  # ---- FROUND.D / FROUNDNX.D (§24.3) under each static rounding mode.
  TEST_F1 259, FROUND_D, 0, d, 0x4000000000000000, 0, d, 0x4004000000000000                  # Unpriv §24.3: FROUND.D of 2.5, a tie, rm = RNE (never NX)
  TEST_F1 260, FROUND_D, 1, d, 0x4000000000000000, 0, d, 0x4004000000000000                  # Unpriv §24.3: FROUND.D of 2.5, a tie, rm = RTZ (never NX)
  TEST_F1 261, FROUND_D, 2, d, 0x4000000000000000, 0, d, 0x4004000000000000                  # Unpriv §24.3: FROUND.D of 2.5, a tie, rm = RDN (never NX)
  TEST_F1 262, FROUND_D, 3, d, 0x4008000000000000, 0, d, 0x4004000000000000                  # Unpriv §24.3: FROUND.D of 2.5, a tie, rm = RUP (never NX)
  TEST_F1 263, FROUND_D, 4, d, 0x4008000000000000, 0, d, 0x4004000000000000                  # Unpriv §24.3: FROUND.D of 2.5, a tie, rm = RMM (never NX)
  TEST_F1 264, FROUNDNX_D, 0, d, 0x4000000000000000, NX, d, 0x4004000000000000               # Unpriv §24.3: FROUNDNX.D of 2.5, a tie, rm = RNE
  TEST_F1 265, FROUNDNX_D, 1, d, 0x4000000000000000, NX, d, 0x4004000000000000               # Unpriv §24.3: FROUNDNX.D of 2.5, a tie, rm = RTZ
  TEST_F1 266, FROUNDNX_D, 2, d, 0x4000000000000000, NX, d, 0x4004000000000000               # Unpriv §24.3: FROUNDNX.D of 2.5, a tie, rm = RDN
  TEST_F1 267, FROUNDNX_D, 3, d, 0x4008000000000000, NX, d, 0x4004000000000000               # Unpriv §24.3: FROUNDNX.D of 2.5, a tie, rm = RUP
  TEST_F1 268, FROUNDNX_D, 4, d, 0x4008000000000000, NX, d, 0x4004000000000000               # Unpriv §24.3: FROUNDNX.D of 2.5, a tie, rm = RMM
  TEST_F1 269, FROUND_D, 0, d, 0xc000000000000000, 0, d, 0xbff8000000000000                  # Unpriv §24.3: FROUND.D of -1.5, a tie, rm = RNE (never NX)
  TEST_F1 270, FROUND_D, 1, d, 0xbff0000000000000, 0, d, 0xbff8000000000000                  # Unpriv §24.3: FROUND.D of -1.5, a tie, rm = RTZ (never NX)
  TEST_F1 271, FROUND_D, 2, d, 0xc000000000000000, 0, d, 0xbff8000000000000                  # Unpriv §24.3: FROUND.D of -1.5, a tie, rm = RDN (never NX)
  TEST_F1 272, FROUND_D, 3, d, 0xbff0000000000000, 0, d, 0xbff8000000000000                  # Unpriv §24.3: FROUND.D of -1.5, a tie, rm = RUP (never NX)
  TEST_F1 273, FROUND_D, 4, d, 0xc000000000000000, 0, d, 0xbff8000000000000                  # Unpriv §24.3: FROUND.D of -1.5, a tie, rm = RMM (never NX)
  TEST_F1 274, FROUNDNX_D, 0, d, 0xc000000000000000, NX, d, 0xbff8000000000000               # Unpriv §24.3: FROUNDNX.D of -1.5, a tie, rm = RNE
  TEST_F1 275, FROUNDNX_D, 1, d, 0xbff0000000000000, NX, d, 0xbff8000000000000               # Unpriv §24.3: FROUNDNX.D of -1.5, a tie, rm = RTZ
  TEST_F1 276, FROUNDNX_D, 2, d, 0xc000000000000000, NX, d, 0xbff8000000000000               # Unpriv §24.3: FROUNDNX.D of -1.5, a tie, rm = RDN
  TEST_F1 277, FROUNDNX_D, 3, d, 0xbff0000000000000, NX, d, 0xbff8000000000000               # Unpriv §24.3: FROUNDNX.D of -1.5, a tie, rm = RUP
  TEST_F1 278, FROUNDNX_D, 4, d, 0xc000000000000000, NX, d, 0xbff8000000000000               # Unpriv §24.3: FROUNDNX.D of -1.5, a tie, rm = RMM
  TEST_F1 279, FROUND_D, 0, d, 0x8000000000000000, 0, d, 0xbfd0000000000000                  # Unpriv §24.3: FROUND.D of -0.25: a zero result keeps the sign, rm = RNE (never NX)
  TEST_F1 280, FROUND_D, 1, d, 0x8000000000000000, 0, d, 0xbfd0000000000000                  # Unpriv §24.3: FROUND.D of -0.25: a zero result keeps the sign, rm = RTZ (never NX)
  TEST_F1 281, FROUND_D, 2, d, 0xbff0000000000000, 0, d, 0xbfd0000000000000                  # Unpriv §24.3: FROUND.D of -0.25: a zero result keeps the sign, rm = RDN (never NX)
  TEST_F1 282, FROUND_D, 3, d, 0x8000000000000000, 0, d, 0xbfd0000000000000                  # Unpriv §24.3: FROUND.D of -0.25: a zero result keeps the sign, rm = RUP (never NX)
  TEST_F1 283, FROUND_D, 4, d, 0x8000000000000000, 0, d, 0xbfd0000000000000                  # Unpriv §24.3: FROUND.D of -0.25: a zero result keeps the sign, rm = RMM (never NX)
  TEST_F1 284, FROUNDNX_D, 0, d, 0x8000000000000000, NX, d, 0xbfd0000000000000               # Unpriv §24.3: FROUNDNX.D of -0.25: a zero result keeps the sign, rm = RNE
  TEST_F1 285, FROUNDNX_D, 1, d, 0x8000000000000000, NX, d, 0xbfd0000000000000               # Unpriv §24.3: FROUNDNX.D of -0.25: a zero result keeps the sign, rm = RTZ
  TEST_F1 286, FROUNDNX_D, 2, d, 0xbff0000000000000, NX, d, 0xbfd0000000000000               # Unpriv §24.3: FROUNDNX.D of -0.25: a zero result keeps the sign, rm = RDN
  TEST_F1 287, FROUNDNX_D, 3, d, 0x8000000000000000, NX, d, 0xbfd0000000000000               # Unpriv §24.3: FROUNDNX.D of -0.25: a zero result keeps the sign, rm = RUP
  TEST_F1 288, FROUNDNX_D, 4, d, 0x8000000000000000, NX, d, 0xbfd0000000000000               # Unpriv §24.3: FROUNDNX.D of -0.25: a zero result keeps the sign, rm = RMM
  TEST_F1 289, FROUND_D, 0, d, 0x4000000000000000, 0, d, 0x3ffc000000000000                  # Unpriv §24.3: FROUND.D of 1.75, rm = RNE (never NX)
  TEST_F1 290, FROUND_D, 1, d, 0x3ff0000000000000, 0, d, 0x3ffc000000000000                  # Unpriv §24.3: FROUND.D of 1.75, rm = RTZ (never NX)
  TEST_F1 291, FROUND_D, 2, d, 0x3ff0000000000000, 0, d, 0x3ffc000000000000                  # Unpriv §24.3: FROUND.D of 1.75, rm = RDN (never NX)
  TEST_F1 292, FROUND_D, 3, d, 0x4000000000000000, 0, d, 0x3ffc000000000000                  # Unpriv §24.3: FROUND.D of 1.75, rm = RUP (never NX)
  TEST_F1 293, FROUND_D, 4, d, 0x4000000000000000, 0, d, 0x3ffc000000000000                  # Unpriv §24.3: FROUND.D of 1.75, rm = RMM (never NX)
  TEST_F1 294, FROUNDNX_D, 0, d, 0x4000000000000000, NX, d, 0x3ffc000000000000               # Unpriv §24.3: FROUNDNX.D of 1.75, rm = RNE
  TEST_F1 295, FROUNDNX_D, 1, d, 0x3ff0000000000000, NX, d, 0x3ffc000000000000               # Unpriv §24.3: FROUNDNX.D of 1.75, rm = RTZ
  TEST_F1 296, FROUNDNX_D, 2, d, 0x3ff0000000000000, NX, d, 0x3ffc000000000000               # Unpriv §24.3: FROUNDNX.D of 1.75, rm = RDN
  TEST_F1 297, FROUNDNX_D, 3, d, 0x4000000000000000, NX, d, 0x3ffc000000000000               # Unpriv §24.3: FROUNDNX.D of 1.75, rm = RUP
  TEST_F1 298, FROUNDNX_D, 4, d, 0x4000000000000000, NX, d, 0x3ffc000000000000               # Unpriv §24.3: FROUNDNX.D of 1.75, rm = RMM
  TEST_F1 299, FROUND_D, 0, d, 0x4330000000000000, 0, d, 0x432fffffffffffff                  # Unpriv §24.3: FROUND.D of 2^52 - 0.5, the largest double with a fraction, rm = RNE (never NX)
  TEST_F1 300, FROUND_D, 1, d, 0x432ffffffffffffe, 0, d, 0x432fffffffffffff                  # Unpriv §24.3: FROUND.D of 2^52 - 0.5, the largest double with a fraction, rm = RTZ (never NX)
  TEST_F1 301, FROUND_D, 2, d, 0x432ffffffffffffe, 0, d, 0x432fffffffffffff                  # Unpriv §24.3: FROUND.D of 2^52 - 0.5, the largest double with a fraction, rm = RDN (never NX)
  TEST_F1 302, FROUND_D, 3, d, 0x4330000000000000, 0, d, 0x432fffffffffffff                  # Unpriv §24.3: FROUND.D of 2^52 - 0.5, the largest double with a fraction, rm = RUP (never NX)
  TEST_F1 303, FROUND_D, 4, d, 0x4330000000000000, 0, d, 0x432fffffffffffff                  # Unpriv §24.3: FROUND.D of 2^52 - 0.5, the largest double with a fraction, rm = RMM (never NX)
  TEST_F1 304, FROUNDNX_D, 0, d, 0x4330000000000000, NX, d, 0x432fffffffffffff               # Unpriv §24.3: FROUNDNX.D of 2^52 - 0.5, the largest double with a fraction, rm = RNE
  TEST_F1 305, FROUNDNX_D, 1, d, 0x432ffffffffffffe, NX, d, 0x432fffffffffffff               # Unpriv §24.3: FROUNDNX.D of 2^52 - 0.5, the largest double with a fraction, rm = RTZ
  TEST_F1 306, FROUNDNX_D, 2, d, 0x432ffffffffffffe, NX, d, 0x432fffffffffffff               # Unpriv §24.3: FROUNDNX.D of 2^52 - 0.5, the largest double with a fraction, rm = RDN
  TEST_F1 307, FROUNDNX_D, 3, d, 0x4330000000000000, NX, d, 0x432fffffffffffff               # Unpriv §24.3: FROUNDNX.D of 2^52 - 0.5, the largest double with a fraction, rm = RUP
  TEST_F1 308, FROUNDNX_D, 4, d, 0x4330000000000000, NX, d, 0x432fffffffffffff               # Unpriv §24.3: FROUNDNX.D of 2^52 - 0.5, the largest double with a fraction, rm = RMM
  TEST_F1 309, FROUND_D, 0, d, 0x8000000000000000, 0, d, 0x8000000000000000                  # Unpriv §24.3: FROUND.D of -0: unchanged, rm = RNE
  TEST_F1 310, FROUNDNX_D, 0, d, 0x8000000000000000, 0, d, 0x8000000000000000                # Unpriv §24.3: FROUNDNX.D of -0: unchanged, rm = RNE
  TEST_F1 311, FROUND_D, 0, d, 0xfff0000000000000, 0, d, 0xfff0000000000000                  # Unpriv §24.3: FROUND.D of -inf: unchanged, rm = RNE
  TEST_F1 312, FROUNDNX_D, 0, d, 0xfff0000000000000, 0, d, 0xfff0000000000000                # Unpriv §24.3: FROUNDNX.D of -inf: unchanged, rm = RNE
  TEST_F1 313, FROUND_D, 0, d, 0x7fefffffffffffff, 0, d, 0x7fefffffffffffff                  # Unpriv §24.3: FROUND.D of the largest finite value, already an integer, rm = RNE
  TEST_F1 314, FROUNDNX_D, 0, d, 0x7fefffffffffffff, 0, d, 0x7fefffffffffffff                # Unpriv §24.3: FROUNDNX.D of the largest finite value, already an integer, rm = RNE
  TEST_F1 315, FROUND_D, 3, d, 0x3ff0000000000000, 0, d, 0x0000000000000001                  # Unpriv §24.3: FROUND.D of the smallest subnormal, rm = RUP
  TEST_F1 316, FROUNDNX_D, 3, d, 0x3ff0000000000000, NX, d, 0x0000000000000001               # Unpriv §24.3: FROUNDNX.D of the smallest subnormal, rm = RUP
  TEST_F1 317, FROUND_D, 0, d, 0x7ff8000000000000, 0, d, 0x7ff8000000000001                  # Unpriv §24.3: FROUND.D of a quiet NaN: the canonical NaN, no NV, rm = RNE
  TEST_F1 318, FROUNDNX_D, 0, d, 0x7ff8000000000000, 0, d, 0x7ff8000000000001                # Unpriv §24.3: FROUNDNX.D of a quiet NaN: the canonical NaN, no NV, rm = RNE
  TEST_F1 319, FROUND_D, 0, d, 0x7ff8000000000000, NV, d, 0x7ff0000000000001                 # Unpriv §24.3: FROUND.D of a signalling NaN: NV only, rm = RNE
  TEST_F1 320, FROUNDNX_D, 0, d, 0x7ff8000000000000, NV, d, 0x7ff0000000000001               # Unpriv §24.3: FROUNDNX.D of a signalling NaN: NV only, rm = RNE
  # ---- FROUNDNX with rm = DYN uses frm (Unpriv §20.2).
  csrwi frm, RM_RNE
  TEST_F1 321, FROUNDNX_H, 7, h, 0xc000, NX, h, 0xc100                                       # Unpriv §20.2: FROUNDNX.H -2.5 with DYN uses frm = RNE
  TEST_F1 322, FROUND_D, 7, d, 0x4010000000000000, 0, d, 0x400c000000000000                  # Unpriv §20.2: FROUND.D 3.5 with DYN uses frm = RNE
  csrwi frm, RM_RTZ
  TEST_F1 323, FROUNDNX_H, 7, h, 0xc000, NX, h, 0xc100                                       # Unpriv §20.2: FROUNDNX.H -2.5 with DYN uses frm = RTZ
  TEST_F1 324, FROUND_D, 7, d, 0x4008000000000000, 0, d, 0x400c000000000000                  # Unpriv §20.2: FROUND.D 3.5 with DYN uses frm = RTZ
  csrwi frm, RM_RDN
  TEST_F1 325, FROUNDNX_H, 7, h, 0xc200, NX, h, 0xc100                                       # Unpriv §20.2: FROUNDNX.H -2.5 with DYN uses frm = RDN
  TEST_F1 326, FROUND_D, 7, d, 0x4008000000000000, 0, d, 0x400c000000000000                  # Unpriv §20.2: FROUND.D 3.5 with DYN uses frm = RDN
  csrwi frm, RM_RUP
  TEST_F1 327, FROUNDNX_H, 7, h, 0xc000, NX, h, 0xc100                                       # Unpriv §20.2: FROUNDNX.H -2.5 with DYN uses frm = RUP
  TEST_F1 328, FROUND_D, 7, d, 0x4010000000000000, 0, d, 0x400c000000000000                  # Unpriv §20.2: FROUND.D 3.5 with DYN uses frm = RUP
  csrwi frm, RM_RMM
  TEST_F1 329, FROUNDNX_H, 7, h, 0xc200, NX, h, 0xc100                                       # Unpriv §20.2: FROUNDNX.H -2.5 with DYN uses frm = RMM
  TEST_F1 330, FROUND_D, 7, d, 0x4010000000000000, 0, d, 0x400c000000000000                  # Unpriv §20.2: FROUND.D 3.5 with DYN uses frm = RMM
  csrwi frm, RM_RNE
  # ---- Reserved rounding modes (Unpriv §20.2) for FROUND; FCVTMOD.W.D only exists with rm = RTZ (§24.4).
  li t0, 0x3c00
  fmv.h.x fa1, t0
  TEST_ILLEGAL 331, 0x4445d553, FROUND_H fa0, fa1, 5                                         # Unpriv §20.2: FROUND.H with static rm = 101 is illegal
  TEST_ILLEGAL 332, 0x4055e553, FROUNDNX_S fa0, fa1, 6                                       # Unpriv §20.2: FROUNDNX.S with static rm = 110 is illegal
  csrwi frm, 5
  TEST_ILLEGAL 333, 0x4245f553, FROUND_D fa0, fa1, 7                                         # Unpriv §20.2: FROUND.D with DYN and frm = 101 is illegal
  TEST_ILLEGAL 334, 0xc2858553, .insn r 0x53, 0, 0x61, a0, fa1, x8                           # Unpriv §24.4: FCVTMOD.W.D with rm = 000 is reserved (illegal)
  TEST_ILLEGAL 335, 0xc285f553, .insn r 0x53, 7, 0x61, a0, fa1, x8                           # Unpriv §24.4: FCVTMOD.W.D with rm = 111 is reserved (illegal)
  CASE 336                                                                                     # Unpriv §24: FLI, FMINM, FLEQ and FCVTMOD.W.D ignore frm, even a reserved one
  FLI 0x7a, fa2, 16
  FMINM_H fa2, fa2, fa1
  FLEQ_H a0, fa2, fa1
  CHECK a0, 1
  FCVTMOD_W_D a0, fa1
  csrwi frm, RM_RNE

  # ---- FCVTMOD.W.D (§24.4): truncate, keep bits 31:0, sign-extend; flags as FCVT.W.D RTZ.
  TEST_F_TO_X 337, FCVTMOD_W_D, , d, 0x1, NX, 0x3ff8000000000000                             # Unpriv §24.4: FCVTMOD.W.D of 1.5 truncates to 1, NX
  TEST_F_TO_X 338, FCVTMOD_W_D, , d, 0xffffffffffffffff, NX, 0xbff8000000000000              # Unpriv §24.4: FCVTMOD.W.D of -1.5 truncates to -1, NX
  TEST_F_TO_X 339, FCVTMOD_W_D, , d, 0xffffffff80000000, 0, 0xc1e0000000000000               # Unpriv §24.4: FCVTMOD.W.D of -2^31 exactly, in range
  TEST_F_TO_X 340, FCVTMOD_W_D, , d, 0x7fffffff, NX, 0x41dfffffffe00000                      # Unpriv §24.4: FCVTMOD.W.D of 2^31 - 0.5 truncates to 2^31 - 1, NX
  TEST_F_TO_X 341, FCVTMOD_W_D, , d, 0xffffffff80000000, NV, 0x41e0000000000000              # Unpriv §24.4: FCVTMOD.W.D of 2^31 wraps to -2^31, NV (out of range), no NX
  TEST_F_TO_X 342, FCVTMOD_W_D, , d, 0x5, NV, 0x41f0000000500000                             # Unpriv §24.4: FCVTMOD.W.D of 2^32 + 5 wraps to 5, NV
  TEST_F_TO_X 343, FCVTMOD_W_D, , d, 0xffffffffffffffff, NV, 0xc1f0000000100000              # Unpriv §24.4: FCVTMOD.W.D of -2^32 - 1 wraps to -1, NV
  TEST_F_TO_X 344, FCVTMOD_W_D, , d, 0x7, NV, 0x41f0000000780000                             # Unpriv §24.4: FCVTMOD.W.D of 2^32 + 7.5: out of range, NV only (not NX)
  TEST_F_TO_X 345, FCVTMOD_W_D, , d, 0xffffffff80000001, NV, 0x4330000080000001              # Unpriv §24.4: FCVTMOD.W.D of 2^52 + 2^31 + 1: bits 31:0 are 0x80000001, NV
  TEST_F_TO_X 346, FCVTMOD_W_D, , d, 0x0, NV, 0x4548000000000000                             # Unpriv §24.4: FCVTMOD.W.D of 3*2^84 (a multiple of 2^32): bits 31:0 are zero, NV
  TEST_F_TO_X 347, FCVTMOD_W_D, , d, 0xffffffff80000000, NV, 0x4520000000000001              # Unpriv §24.4: FCVTMOD.W.D of 2^83 + 2^31 (its lowest significand bit is bit 31): -2^31, NV
  TEST_F_TO_X 348, FCVTMOD_W_D, , d, 0xffffffff80000000, NV, 0x43f4000000080000              # Unpriv §24.4: FCVTMOD.W.D of 5*2^62 + 2^31
  TEST_F_TO_X 349, FCVTMOD_W_D, , d, 0xffffffffffffff85, NV, 0xc27000000007b000              # Unpriv §24.4: FCVTMOD.W.D of -(2^40 + 123): wraps to -123, NV
  TEST_F_TO_X 350, FCVTMOD_W_D, , d, 0x0, NV, 0x7ff0000000000000                             # Unpriv §24.4: FCVTMOD.W.D +inf gives 0, NV
  TEST_F_TO_X 351, FCVTMOD_W_D, , d, 0x0, NV, 0xfff0000000000000                             # Unpriv §24.4: FCVTMOD.W.D -inf gives 0, NV
  TEST_F_TO_X 352, FCVTMOD_W_D, , d, 0x0, NV, 0x7ff8000000000000                             # Unpriv §24.4: FCVTMOD.W.D a quiet NaN gives 0, NV
  TEST_F_TO_X 353, FCVTMOD_W_D, , d, 0x0, NV, 0x7ff0000000000001                             # Unpriv §24.4: FCVTMOD.W.D a signalling NaN gives 0, NV
  TEST_F_TO_X 354, FCVTMOD_W_D, , d, 0x0, 0, 0x8000000000000000                              # Unpriv §24.4: FCVTMOD.W.D -0 gives 0, exact
  TEST_F_TO_X 355, FCVTMOD_W_D, , d, 0x0, NX, 0x0000000000000001                             # Unpriv §24.4: FCVTMOD.W.D the smallest subnormal gives 0, NX
  TEST_F_TO_X 356, FCVTMOD_W_D, , d, 0x0, NV, 0x7fefffffffffffff                             # Unpriv §24.4: FCVTMOD.W.D the largest double: bits 31:0 zero, NV

  # ---- FLEQ.H / FLTQ.H (§24.6): quiet NaNs raise nothing, signalling NaNs NV.
  TEST_F_CMP 357, FLEQ_H, h, 1, 0, 0x3c00, 0x4000                                            # Unpriv §24.6: FLEQ.H, ordered
  TEST_F_CMP 358, FLTQ_H, h, 1, 0, 0x3c00, 0x4000                                            # Unpriv §24.6: FLTQ.H, ordered
  TEST_F_CMP 359, FLEQ_H, h, 0, 0, 0x4000, 0x3c00                                            # Unpriv §24.6: FLEQ.H, reversed
  TEST_F_CMP 360, FLTQ_H, h, 0, 0, 0x4000, 0x3c00                                            # Unpriv §24.6: FLTQ.H, reversed
  TEST_F_CMP 361, FLEQ_H, h, 1, 0, 0x3c00, 0x3c00                                            # Unpriv §24.6: FLEQ.H, equal
  TEST_F_CMP 362, FLTQ_H, h, 0, 0, 0x3c00, 0x3c00                                            # Unpriv §24.6: FLTQ.H, equal
  TEST_F_CMP 363, FLEQ_H, h, 1, 0, 0x0000, 0x8000                                            # Unpriv §24.6: FLEQ.H, +0 and -0 are equal
  TEST_F_CMP 364, FLTQ_H, h, 0, 0, 0x0000, 0x8000                                            # Unpriv §24.6: FLTQ.H, +0 and -0 are equal
  TEST_F_CMP 365, FLEQ_H, h, 0, 0, 0x7e00, 0x3c00                                            # Unpriv §24.6: FLEQ.H, a quiet NaN: false, no NV
  TEST_F_CMP 366, FLTQ_H, h, 0, 0, 0x7e00, 0x3c00                                            # Unpriv §24.6: FLTQ.H, a quiet NaN: false, no NV
  TEST_F_CMP 367, FLEQ_H, h, 0, 0, 0x3c00, 0xfe00                                            # Unpriv §24.6: FLEQ.H, a negative quiet NaN: false, no NV
  TEST_F_CMP 368, FLTQ_H, h, 0, 0, 0x3c00, 0xfe00                                            # Unpriv §24.6: FLTQ.H, a negative quiet NaN: false, no NV
  TEST_F_CMP 369, FLEQ_H, h, 0, NV, 0x7c01, 0x3c00                                           # Unpriv §24.6: FLEQ.H, a signalling NaN: false, NV
  TEST_F_CMP 370, FLTQ_H, h, 0, NV, 0x7c01, 0x3c00                                           # Unpriv §24.6: FLTQ.H, a signalling NaN: false, NV
  # ---- FLEQ.S / FLTQ.S (§24.6): quiet NaNs raise nothing, signalling NaNs NV.
  TEST_F_CMP 371, FLEQ_S, s, 1, 0, 0x3f800000, 0x40000000                                    # Unpriv §24.6: FLEQ.S, ordered
  TEST_F_CMP 372, FLTQ_S, s, 1, 0, 0x3f800000, 0x40000000                                    # Unpriv §24.6: FLTQ.S, ordered
  TEST_F_CMP 373, FLEQ_S, s, 0, 0, 0x40000000, 0x3f800000                                    # Unpriv §24.6: FLEQ.S, reversed
  TEST_F_CMP 374, FLTQ_S, s, 0, 0, 0x40000000, 0x3f800000                                    # Unpriv §24.6: FLTQ.S, reversed
  TEST_F_CMP 375, FLEQ_S, s, 1, 0, 0x3f800000, 0x3f800000                                    # Unpriv §24.6: FLEQ.S, equal
  TEST_F_CMP 376, FLTQ_S, s, 0, 0, 0x3f800000, 0x3f800000                                    # Unpriv §24.6: FLTQ.S, equal
  TEST_F_CMP 377, FLEQ_S, s, 1, 0, 0x00000000, 0x80000000                                    # Unpriv §24.6: FLEQ.S, +0 and -0 are equal
  TEST_F_CMP 378, FLTQ_S, s, 0, 0, 0x00000000, 0x80000000                                    # Unpriv §24.6: FLTQ.S, +0 and -0 are equal
  TEST_F_CMP 379, FLEQ_S, s, 0, 0, 0x7fc00000, 0x3f800000                                    # Unpriv §24.6: FLEQ.S, a quiet NaN: false, no NV
  TEST_F_CMP 380, FLTQ_S, s, 0, 0, 0x7fc00000, 0x3f800000                                    # Unpriv §24.6: FLTQ.S, a quiet NaN: false, no NV
  TEST_F_CMP 381, FLEQ_S, s, 0, 0, 0x3f800000, 0xffc00000                                    # Unpriv §24.6: FLEQ.S, a negative quiet NaN: false, no NV
  TEST_F_CMP 382, FLTQ_S, s, 0, 0, 0x3f800000, 0xffc00000                                    # Unpriv §24.6: FLTQ.S, a negative quiet NaN: false, no NV
  TEST_F_CMP 383, FLEQ_S, s, 0, NV, 0x7f800001, 0x3f800000                                   # Unpriv §24.6: FLEQ.S, a signalling NaN: false, NV
  TEST_F_CMP 384, FLTQ_S, s, 0, NV, 0x7f800001, 0x3f800000                                   # Unpriv §24.6: FLTQ.S, a signalling NaN: false, NV
  # ---- FLEQ.D / FLTQ.D (§24.6): quiet NaNs raise nothing, signalling NaNs NV.
  TEST_F_CMP 385, FLEQ_D, d, 1, 0, 0x3ff0000000000000, 0x4000000000000000                    # Unpriv §24.6: FLEQ.D, ordered
  TEST_F_CMP 386, FLTQ_D, d, 1, 0, 0x3ff0000000000000, 0x4000000000000000                    # Unpriv §24.6: FLTQ.D, ordered
  TEST_F_CMP 387, FLEQ_D, d, 0, 0, 0x4000000000000000, 0x3ff0000000000000                    # Unpriv §24.6: FLEQ.D, reversed
  TEST_F_CMP 388, FLTQ_D, d, 0, 0, 0x4000000000000000, 0x3ff0000000000000                    # Unpriv §24.6: FLTQ.D, reversed
  TEST_F_CMP 389, FLEQ_D, d, 1, 0, 0x3ff0000000000000, 0x3ff0000000000000                    # Unpriv §24.6: FLEQ.D, equal
  TEST_F_CMP 390, FLTQ_D, d, 0, 0, 0x3ff0000000000000, 0x3ff0000000000000                    # Unpriv §24.6: FLTQ.D, equal
  TEST_F_CMP 391, FLEQ_D, d, 1, 0, 0x0000000000000000, 0x8000000000000000                    # Unpriv §24.6: FLEQ.D, +0 and -0 are equal
  TEST_F_CMP 392, FLTQ_D, d, 0, 0, 0x0000000000000000, 0x8000000000000000                    # Unpriv §24.6: FLTQ.D, +0 and -0 are equal
  TEST_F_CMP 393, FLEQ_D, d, 0, 0, 0x7ff8000000000000, 0x3ff0000000000000                    # Unpriv §24.6: FLEQ.D, a quiet NaN: false, no NV
  TEST_F_CMP 394, FLTQ_D, d, 0, 0, 0x7ff8000000000000, 0x3ff0000000000000                    # Unpriv §24.6: FLTQ.D, a quiet NaN: false, no NV
  TEST_F_CMP 395, FLEQ_D, d, 0, 0, 0x3ff0000000000000, 0xfff8000000000000                    # Unpriv §24.6: FLEQ.D, a negative quiet NaN: false, no NV
  TEST_F_CMP 396, FLTQ_D, d, 0, 0, 0x3ff0000000000000, 0xfff8000000000000                    # Unpriv §24.6: FLTQ.D, a negative quiet NaN: false, no NV
  TEST_F_CMP 397, FLEQ_D, d, 0, NV, 0x7ff0000000000001, 0x3ff0000000000000                   # Unpriv §24.6: FLEQ.D, a signalling NaN: false, NV
  TEST_F_CMP 398, FLTQ_D, d, 0, NV, 0x7ff0000000000001, 0x3ff0000000000000                   # Unpriv §24.6: FLTQ.D, a signalling NaN: false, NV

  # ---- NaN boxing (Unpriv §23, §21.2) applies to Zfa's half and single operands.
  CASE 399                                                                                     # Unpriv §23: FROUNDNX.H of a register that is not a boxed half is the canonical NaN, no flags
  li t0, 0xffffffff3fc00000
  fmv.d.x fa0, t0
  csrwi fflags, 0
  FROUNDNX_H fa3, fa0, 0
  RVHV_FFLAGS 0
  RVHV_FCHECK fa3, h, QNAN_H
  CASE 400                                                                                     # Unpriv §21.2: FLTQ.S with an operand that is not a boxed single: a quiet NaN, false, no NV
  li t0, 0x00000000bf800000
  fmv.d.x fa0, t0
  li t0, 0x3f800000
  fmv.w.x fa1, t0
  csrwi fflags, 0
  FLTQ_S a0, fa0, fa1
  RVHV_FFLAGS 0
  CHECK a0, 0

RVHV_CODE_END
