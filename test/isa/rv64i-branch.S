# RV64I control transfer: conditional branches, JAL, JALR (Unpriv §2.5).
#include "rvhv-test.h"

# Case \n: \op a1, a2 with a1 = \a, a2 = \b must branch.
.macro TEST_TAKEN n, op, a, b
  li gp, \n
  li a1, \a
  li a2, \b
  \op a1, a2, .Ltaken\@
  j rvhv_fail
.Ltaken\@:
.endm

# Case \n: \op a1, a2 with a1 = \a, a2 = \b must fall through.
.macro TEST_NOT_TAKEN n, op, a, b
  li gp, \n
  li a1, \a
  li a2, \b
  \op a1, a2, .Lwrong\@
  j .Lok\@
.Lwrong\@:
  j rvhv_fail
.Lok\@:
.endm

RVHV_CODE_BEGIN

  # ---- Conditional branches compare all 64 bits (Unpriv §2.5.2, §4.1).
  TEST_TAKEN 1, beq, 0x123456789, 0x123456789                  # Unpriv §2.5.2: BEQ taken on equal
  TEST_NOT_TAKEN 2, beq, 0x100000000, 0                        # Unpriv §2.5.2: BEQ compares the upper word too
  TEST_TAKEN 3, bne, 0x100000000, 0                            # Unpriv §2.5.2: BNE sees a difference in the upper word
  TEST_NOT_TAKEN 4, bne, -1, -1                                # Unpriv §2.5.2: BNE falls through on equal
  TEST_TAKEN 5, blt, -1, 0                                     # Unpriv §2.5.2: BLT is signed
  TEST_NOT_TAKEN 6, blt, 0, -1                                 # Unpriv §2.5.2: BLT is signed
  TEST_NOT_TAKEN 7, blt, 7, 7                                  # Unpriv §2.5.2: BLT is strict
  TEST_TAKEN 8, blt, 0x8000000000000000, 0x7fffffffffffffff    # Unpriv §2.5.2: BLT most negative < most positive
  TEST_TAKEN 9, bge, 7, 7                                      # Unpriv §2.5.2: BGE taken on equal
  TEST_TAKEN 10, bge, 0, -1                                    # Unpriv §2.5.2: BGE is signed
  TEST_NOT_TAKEN 11, bge, -2, -1                               # Unpriv §2.5.2: BGE is signed
  TEST_TAKEN 12, bltu, 0, -1                                   # Unpriv §2.5.2: BLTU is unsigned
  TEST_NOT_TAKEN 13, bltu, -1, 0                               # Unpriv §2.5.2: BLTU is unsigned
  TEST_TAKEN 14, bltu, 0xffffffff, 0x100000000                 # Unpriv §2.5.2: BLTU compares 64 bits
  TEST_NOT_TAKEN 15, bltu, 5, 5                                # Unpriv §2.5.2: BLTU is strict
  TEST_TAKEN 16, bgeu, -1, 0                                   # Unpriv §2.5.2: BGEU is unsigned
  TEST_TAKEN 17, bgeu, 5, 5                                    # Unpriv §2.5.2: BGEU taken on equal
  TEST_NOT_TAKEN 18, bgeu, 0x7fffffffffffffff, 0x8000000000000000  # Unpriv §2.5.2: BGEU is unsigned

  CASE 19                                                      # Unpriv §2.5.2: backward branches (offset is signed)
  li a0, 3
1:
  addi a0, a0, -1
  bnez a0, 1b
  CHECK a0, 0

  # ---- JAL (Unpriv §2.5.1): rd = pc + 4; target = pc + offset.
  CASE 20                                                      # Unpriv §2.5.1: JAL writes the address of the next instruction
  .option push
  .option norvc
2:
  jal a0, 3f
  j rvhv_fail
3:
  .option pop
  la a1, 2b
  addi a1, a1, 4
  CHECK_REG a0, a1
  CASE 21                                                      # Unpriv §2.5.1: JAL with rd = x0 (J) links nothing
  li a0, 0
  j 4f
  j rvhv_fail
4:
  CHECK x0, 0
  CASE 22                                                      # Unpriv §2.5.1: backward JAL
  li a0, 0
  j 6f
5:
  li a0, 22
  j 7f
6:
  j 5b
7:
  CHECK a0, 22

  # ---- JALR (Unpriv §2.5.1): target = (rs1 + imm) & ~1; rd = pc + 4.
  CASE 23                                                      # Unpriv §2.5.1: JALR adds the sign-extended offset
  la a1, 8f
  addi a1, a1, 16
  .option push
  .option norvc
9:
  jalr a0, -16(a1)
  .option pop
  j rvhv_fail
8:
  la a2, 9b
  addi a2, a2, 4
  CHECK_REG a0, a2
  CASE 24                                                      # Unpriv §2.5.1: JALR clears bit 0 of the target
  la a1, 10f
  addi a1, a1, 1
  jalr x0, 0(a1)
  j rvhv_fail
10:
  CASE 25                                                      # Unpriv §2.5.1: JALR with rd = rs1 jumps to the old rs1
  la a0, 11f
  .option push
  .option norvc
12:
  jalr a0, 0(a0)
  .option pop
  j rvhv_fail
11:
  la a1, 12b
  addi a1, a1, 4
  CHECK_REG a0, a1
  CASE 26                                                      # Unpriv §2.5.1: with C (IALIGN=16) a target at 2 mod 4 does not trap
  la a1, 13f
  jalr x0, 0(a1)
  j rvhv_fail
  .balign 4
  .2byte 0x0001                                                # c.nop: puts the target at 2 mod 4
13:
  .option push
  .option norvc
  nop
  .option pop
  la a1, 13b
  andi a1, a1, 3
  CHECK a1, 2
  CASE 27                                                      # Unpriv §2.5.1: a call and a return through ra
  li a0, 0
  call 14f
  CHECK a0, 27
  j 15f
14:
  li a0, 27
  ret
15:
  CASE 28                                                      # Unpriv §2.5.2: BEQZ rs is BEQ rs, x0 (x0 reads as zero)
  li a1, 0
  beqz a1, 16f
  j rvhv_fail
16:

RVHV_CODE_END
