# Zicntr base counters cycle, time, instret (Unpriv §8.1) and their machine
# counterparts mcycle/minstret (Priv §3.1.10). From M-mode they are always
# readable; the user names are read-only (see traps.S for the write cases).
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  CASE 1                                                        # Unpriv §8.1: instret counts retired instructions (10 nops + 1 csrr between reads)
  csrr a0, instret
  .rept 10
  nop
  .endr
  csrr a1, instret
  sub a2, a1, a0
  # The exact moment the count is sampled is not pinned by the spec; allow one either side.
  li a3, 10
  bltu a2, a3, 1f
  li a3, 12
  bgtu a2, a3, 1f
  j 2f
1:
  j rvhv_fail
2:

  CASE 2                                                        # Unpriv §8.1: cycle advances while instructions run
  csrr a0, cycle
  li a2, 100
3:
  addi a2, a2, -1
  bnez a2, 3b
  csrr a1, cycle
  bgtu a1, a0, 4f
  j rvhv_fail
4:

  CASE 3                                                        # Unpriv §8.1: time is monotonic and advances with wall-clock time
  csrr a0, time
  li a2, 1 << 26                                                # bounded: a stuck clock fails, it does not hang
5:
  csrr a1, time
  bltu a1, a0, 7f                                               # went backwards
  bne a1, a0, 6f
  addi a2, a2, -1
  bnez a2, 5b
7:
  j rvhv_fail
6:

  CASE 4                                                        # Priv §3.1.10: minstret is writable; instret then continues from the written value
  li a1, 0x100000000
  csrw minstret, a1
  csrr a0, instret
  sub a2, a0, a1
  li a3, 3
  bleu a2, a3, 8f
  j rvhv_fail
8:

  CASE 5                                                        # Priv §3.1.10: mcycle is writable; cycle is its read-only shadow
  li a1, 0x200000000
  csrw mcycle, a1
  csrr a0, cycle
  sub a2, a0, a1
  li a3, 100
  bleu a2, a3, 9f
  j rvhv_fail
9:

  CASE 6                                                        # Unpriv §8.1: instret and minstret are the same counter
  csrr a0, minstret
  csrr a1, instret
  sub a2, a1, a0
  li a3, 2
  bleu a2, a3, 10f
  j rvhv_fail
10:

RVHV_CODE_END
