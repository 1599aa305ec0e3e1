# RV64A atomic memory operations (Unpriv §14.4): rd gets the old memory value
# (sign-extended for .W), memory gets op(old, rs2). .W forms touch only their
# 4 bytes and compare/add only rs2[31:0].
#include "rvhv-test.h"

# Case \n: with the doubleword at amobuf = \init, \op a0, a3, (amobuf + \off) with
# a3 = \operand leaves a0 = \rd and the doubleword = \mem.
.macro TEST_AMO n, op, off, init, operand, rd, mem
  li gp, \n
  la a1, amobuf
  li a2, \init
  sd a2, 0(a1)
  addi a2, a1, \off
  li a3, \operand
  \op a0, a3, (a2)
  CHECK a0, \rd
  ld a4, 0(a1)
  CHECK a4, \mem
.endm

RVHV_CODE_BEGIN

  # ---- Doubleword AMOs.
  TEST_AMO 1, amoswap.d, 0, 0x1111222233334444, 0xaaaabbbbccccdddd, 0x1111222233334444, 0xaaaabbbbccccdddd  # Unpriv §14.4: AMOSWAP.D
  TEST_AMO 2, amoadd.d, 0, 0xffffffffffffffff, 2, 0xffffffffffffffff, 0x0000000000000001                   # Unpriv §14.4: AMOADD.D wraps
  TEST_AMO 3, amoxor.d, 0, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00, 0xf0f0f0f0f0f0f0f0  # Unpriv §14.4: AMOXOR.D
  TEST_AMO 4, amoand.d, 0, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00, 0x0f000f000f000f00  # Unpriv §14.4: AMOAND.D
  TEST_AMO 5, amoor.d, 0, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00, 0xfff0fff0fff0fff0   # Unpriv §14.4: AMOOR.D
  TEST_AMO 6, amomin.d, 0, 0xfffffffffffffffb, 3, 0xfffffffffffffffb, 0xfffffffffffffffb                   # Unpriv §14.4: AMOMIN.D is signed
  TEST_AMO 7, amomax.d, 0, 0xfffffffffffffffb, 3, 0xfffffffffffffffb, 0x0000000000000003                   # Unpriv §14.4: AMOMAX.D is signed
  TEST_AMO 8, amominu.d, 0, 0xfffffffffffffffb, 3, 0xfffffffffffffffb, 0x0000000000000003                  # Unpriv §14.4: AMOMINU.D is unsigned
  TEST_AMO 9, amomaxu.d, 0, 0xfffffffffffffffb, 3, 0xfffffffffffffffb, 0xfffffffffffffffb                  # Unpriv §14.4: AMOMAXU.D is unsigned
  TEST_AMO 10, amomin.d, 0, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x8000000000000000 # Unpriv §14.4: AMOMIN.D extremes

  # ---- Word AMOs on the low word; the upper word (0x5a5a5a5a) must survive.
  TEST_AMO 11, amoswap.w, 0, 0x5a5a5a5a80000001, 0x123456787fffffff, 0xffffffff80000001, 0x5a5a5a5a7fffffff  # Unpriv §14.4: AMOSWAP.W stores rs2[31:0], rd sign-extended
  TEST_AMO 12, amoadd.w, 0, 0x5a5a5a5affffffff, 1, 0xffffffffffffffff, 0x5a5a5a5a00000000                    # Unpriv §14.4: AMOADD.W carry does not leave the word
  TEST_AMO 13, amoxor.w, 0, 0x5a5a5a5a0f0f0f0f, 0xffffffffffffffff, 0x000000000f0f0f0f, 0x5a5a5a5af0f0f0f0   # Unpriv §14.4: AMOXOR.W
  TEST_AMO 14, amoand.w, 0, 0x5a5a5a5aff00ff00, 0x0ff00ff0, 0xffffffffff00ff00, 0x5a5a5a5a0f000f00           # Unpriv §14.4: AMOAND.W
  TEST_AMO 15, amoor.w, 0, 0x5a5a5a5a00000000, 0x80000000, 0x0000000000000000, 0x5a5a5a5a80000000            # Unpriv §14.4: AMOOR.W
  TEST_AMO 16, amomin.w, 0, 0x5a5a5a5a80000000, 0x7fffffff, 0xffffffff80000000, 0x5a5a5a5a80000000           # Unpriv §14.4: AMOMIN.W is signed 32-bit
  TEST_AMO 17, amomax.w, 0, 0x5a5a5a5a80000000, 0x7fffffff, 0xffffffff80000000, 0x5a5a5a5a7fffffff           # Unpriv §14.4: AMOMAX.W is signed 32-bit
  TEST_AMO 18, amomin.w, 0, 0x5a5a5a5a00000002, 0x00000000ffffffff, 0x0000000000000002, 0x5a5a5a5affffffff   # Unpriv §14.4: AMOMIN.W compares rs2[31:0] (-1), not 64 bits
  TEST_AMO 19, amominu.w, 0, 0x5a5a5a5a80000000, 0xffffffff00000001, 0xffffffff80000000, 0x5a5a5a5a00000001  # Unpriv §14.4: AMOMINU.W compares rs2[31:0] unsigned
  TEST_AMO 20, amomaxu.w, 0, 0x5a5a5a5a00000001, 0x80000000, 0x0000000000000001, 0x5a5a5a5a80000000          # Unpriv §14.4: AMOMAXU.W is unsigned
  TEST_AMO 21, amoadd.w, 4, 0x7fffffff12345678, 1, 0x000000007fffffff, 0x8000000012345678                    # Unpriv §14.4: AMOADD.W on the upper word leaves the lower
  TEST_AMO 22, amomax.w, 4, 0xfffffffe12345678, 0xffffffffffffffff, 0xfffffffffffffffe, 0xffffffff12345678   # Unpriv §14.4: AMOMAX.W on the upper word

  # ---- Ordering bits do not change the result; rd = rs2 and rd = x0.
  TEST_AMO 23, amoadd.d.aqrl, 0, 40, 2, 40, 42                                                  # Unpriv §14.4: aq/rl are ordering hints only on one hart
  TEST_AMO 24, amoswap.w.aq, 0, 0x0000000100000002, 3, 2, 0x0000000100000003                    # Unpriv §14.4: AMOSWAP.W.AQ
  TEST_AMO 25, amoor.d.rl, 0, 1, 2, 1, 3                                                        # Unpriv §14.4: AMOOR.D.RL
  CASE 26                                                       # Unpriv §14.4: rd = rs2 reads rs2 before writing rd
  la a1, amobuf
  li a2, 0x1111
  sd a2, 0(a1)
  li a2, 0x2222
  amoswap.d a2, a2, (a1)
  CHECK a2, 0x1111
  ld a3, 0(a1)
  CHECK a3, 0x2222
  CASE 27                                                       # Unpriv §14.4: rd = x0 still performs the memory update
  la a1, amobuf
  li a2, 5
  sd a2, 0(a1)
  li a3, 7
  amoadd.d x0, a3, (a1)
  ld a4, 0(a1)
  CHECK a4, 12
  CHECK x0, 0

RVHV_CODE_END

  .data
  .balign 64
amobuf:
  .dword 0
  .dword 0
