# mcountinhibit (Priv §3.1.12): CY stops mcycle, IR stops minstret, each
# alone; a stopped counter holds its value, still takes writes, and counts
# on from where it stood once the bit clears. The user-level shadows cycle
# and instret (Unpriv "Zicntr") show the same values. rvhv counts one cycle
# per retired instruction, and the instruction that writes mcountinhibit is
# not counted (like one that writes the counter itself): the cases marked
# "rvhv" check those exact counts.
#include "rvhv-test.h"

#define CY 1
#define IR 4

RVHV_CODE_BEGIN
  csrw mcountinhibit, zero

  CASE 1                                                        # Priv §3.1.12: CY and IR are writable; TM (bit 1) is read-only 0
  li a0, CY | IR | 2
  csrw mcountinhibit, a0
  CHECK_CSR mcountinhibit, CY | IR
  csrw mcountinhibit, zero
  CHECK_CSR mcountinhibit, 0

  CASE 2                                                        # Priv §3.1.12: with CY set mcycle does not count ...
  csrwi mcountinhibit, CY
  csrr a0, mcycle
  nop
  nop
  csrr a1, mcycle
  CHECK_REG a1, a0
  csrr a2, cycle                                                # Unpriv "Zicntr": cycle is mcycle's read-only shadow: stopped too
  CHECK_REG a2, a0

  CASE 3                                                        # Priv §3.1.12: ... while minstret goes on (IR = 0)
  csrr a0, minstret
  nop
  csrr a1, minstret
  sub a2, a1, a0
  CHECK a2, 2                                                   # rvhv: exactly the csrr and the nop

  CASE 4                                                        # Priv §3.1.10, §3.1.12: a stopped mcycle still takes a write, and holds the value written
  li a3, 0x123456789
  csrw mcycle, a3
  nop
  csrr a0, mcycle
  csrr a1, mcycle
  CHECK a0, 0x123456789
  CHECK a1, 0x123456789

  CASE 5                                                        # Priv §3.1.12: clearing CY makes mcycle count on from the held value
  csrwi mcountinhibit, 0
  csrr a0, mcycle
  csrr a1, mcycle
  CHECK a0, 0x123456789                                         # rvhv: the instruction that clears CY is not counted
  CHECK a1, 0x12345678a
  nop
  csrr a2, mcycle
  bgtu a2, a1, 1f
  FAIL_HERE
1:

  CASE 6                                                        # Priv §3.1.12: with IR set minstret does not count, and instret shows the same
  csrwi mcountinhibit, IR
  csrr a0, minstret
  nop
  nop
  csrr a1, minstret
  csrr a2, instret
  CHECK_REG a1, a0
  CHECK_REG a2, a0

  CASE 7                                                        # Priv §3.1.12: ... while mcycle goes on (CY = 0)
  csrr a0, mcycle
  nop
  csrr a1, mcycle
  sub a2, a1, a0
  CHECK a2, 2                                                   # rvhv: one cycle per instruction

  CASE 8                                                        # Priv §3.1.10, §3.1.12: a stopped minstret takes a write and holds it; IR cleared, it counts on from there
  li a3, -2
  csrw minstret, a3
  csrr a0, minstret
  CHECK a0, -2
  csrwi mcountinhibit, 0
  csrr a0, minstret
  csrr a1, minstret
  csrr a2, minstret
  CHECK a0, -2                                                  # rvhv: exact counts as in case 5
  CHECK a1, -1
  CHECK a2, 0                                                   # Priv §3.1.10: it wraps modulo 2^64

  CASE 9                                                        # Priv §3.1.12: the two bits are independent: both set stops both, and a trap does not move them
  csrwi mcountinhibit, CY | IR
  csrr a0, mcycle
  csrr a1, minstret
  TEST_TRAP 9, CAUSE_ILLEGAL, any, .word 0
  csrr a2, mcycle
  csrr a3, minstret
  CHECK_REG a2, a0
  CHECK_REG a3, a1

  CASE 10                                                       # Priv §3.1.12: clearing both lets both count again
  csrwi mcountinhibit, 0
  csrr a0, mcycle
  csrr a1, minstret
  nop
  csrr a2, mcycle
  csrr a3, minstret
  bleu a2, a0, 1f
  bleu a3, a1, 1f
  j 2f
1:
  FAIL_HERE
2:

  j rvhv_pass
RVHV_CODE_END
