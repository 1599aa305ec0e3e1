# mcycle and minstret are two counters (Priv §3.1.10): writing one leaves the
# other alone, and after writes both keep counting. rvhv counts exactly (one
# cycle per retired instruction, and a write is read back unchanged by the
# next instruction), so the cases below check exact differences.
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  CASE 1                                                        # Priv §3.1.10: writing mcycle does not change minstret
  li a2, 0x123456789abcdef0
  csrr a0, minstret
  csrw mcycle, a2
  csrr a1, minstret
  sub a3, a1, a0
  CHECK a3, 2                                                   # rvhv: exactly the csrr and the csrw retired in between

  CASE 2                                                        # Priv §3.1.10: writing minstret does not change mcycle
  li a2, 0x0fedcba987654321
  csrr a0, mcycle
  csrw minstret, a2
  csrr a1, mcycle
  sub a3, a1, a0
  CHECK a3, 2

  CASE 3                                                        # Priv §3.1.10: mcycle reads back what was written, then counts on (carry into the high word)
  li a2, 0x00000001fffffffe
  csrw mcycle, a2
  csrr a0, mcycle
  csrr a1, mcycle
  csrr a3, cycle                                                # Unpriv §8.1: cycle is mcycle's read-only shadow
  CHECK a0, 0x00000001fffffffe
  CHECK a1, 0x00000001ffffffff
  CHECK a3, 0x0000000200000000

  CASE 4                                                        # Priv §3.1.10: minstret reads back what was written, then counts on
  li a2, 0x00000000ffffffff
  csrw minstret, a2
  csrr a0, minstret
  csrr a1, instret                                              # Unpriv §8.1: instret is minstret's read-only shadow
  CHECK a0, 0x00000000ffffffff
  CHECK a1, 0x0000000100000000

  CASE 5                                                        # Priv §3.1.10: moving minstret back to 0 leaves mcycle counting on
  csrr a0, mcycle
  csrw minstret, x0
  csrr a4, minstret
  csrr a1, mcycle
  CHECK a4, 0
  sub a3, a1, a0
  CHECK a3, 3

  CASE 6                                                        # rvhv: mcycle wraps modulo 2^64
  li a2, -1
  csrw mcycle, a2
  csrr a0, mcycle
  csrr a1, mcycle
  CHECK a0, -1
  CHECK a1, 0

  CASE 7                                                        # Priv §3.1.10: after writes to both, each advances one per instruction from its own value
  li a2, 0x7000000000004000
  li a3, 0x0000000000009000
  csrw mcycle, a2
  csrw minstret, a3
  .rept 10
  nop
  .endr
  csrr a0, mcycle
  csrr a1, minstret
  sub a0, a0, a2
  sub a1, a1, a3
  CHECK a0, 11                                                  # since mcycle's write: csrw minstret, 10 nops
  CHECK a1, 11                                                  # since minstret's write: 10 nops, csrr mcycle

  CASE 8                                                        # Zicsr CSRRW on mcycle returns the old value; minstret is untouched
  li a2, 0x55
  li a3, 0x77
  csrw mcycle, a2
  csrr a4, minstret
  csrrw a0, mcycle, a3
  csrr a1, mcycle
  csrr a5, minstret
  CHECK a0, 0x56
  CHECK a1, 0x77
  sub a5, a5, a4
  CHECK a5, 3

RVHV_CODE_END
