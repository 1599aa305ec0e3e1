# RV64A load-reserved / store-conditional (Unpriv §14.2).
# SC writes 0 to rd on success and 1 ("unspecified failure", the only
# failure code defined) on failure; a failed SC does not write memory.
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  CASE 1                                                        # Unpriv §14.2: LR.D then SC.D to the same address succeeds
  la a1, lrbuf
  li a2, 0x1111111111111111
  sd a2, 0(a1)
  lr.d a0, (a1)
  CHECK a0, 0x1111111111111111
  li a3, 0x2222222222222222
  sc.d a4, a3, (a1)
  CHECK a4, 0
  ld a5, 0(a1)
  CHECK a5, 0x2222222222222222

  CASE 2                                                        # Unpriv §14.2: LR.W sign-extends; SC.W succeeds and writes 4 bytes only
  la a1, lrbuf
  li a2, 0x5a5a5a5a80000000
  sd a2, 0(a1)
  lr.w a0, (a1)
  CHECK a0, 0xffffffff80000000
  li a3, 0xffffffff12345678
  sc.w a4, a3, (a1)
  CHECK a4, 0
  ld a5, 0(a1)
  CHECK a5, 0x5a5a5a5a12345678

  CASE 3                                                        # Unpriv §14.2: an SC with no reservation fails and leaves memory alone
  la a1, lrbuf
  li a2, 0x3333
  sd a2, 0(a1)
  la a6, lrother
  sc.d a4, zero, (a6)                                           # any SC invalidates the hart's reservation
  li a3, 0x4444
  sc.d a4, a3, (a1)
  CHECK a4, 1
  ld a5, 0(a1)
  CHECK a5, 0x3333

  CASE 4                                                        # Unpriv §14.2: executing an SC invalidates the reservation, so a second SC fails
  la a1, lrbuf
  sd zero, 0(a1)
  lr.d a0, (a1)
  li a3, 0x55
  sc.d a4, a3, (a1)
  CHECK a4, 0
  li a3, 0x66
  sc.d a4, a3, (a1)
  CHECK a4, 1
  ld a5, 0(a1)
  CHECK a5, 0x55

  CASE 5                                                        # Unpriv §14.2: SC must fail if its address is not in the reservation set
  la a1, lrbuf
  la a6, lrother
  li a2, 0x77
  sd a2, 0(a6)
  lr.d a0, (a1)
  li a3, 0x88
  sc.d a4, a3, (a6)
  CHECK a4, 1
  ld a5, 0(a6)
  CHECK a5, 0x77
  sc.d a4, a3, (a1)                                             # ... and that failed SC still ended the reservation
  CHECK a4, 1

  CASE 6                                                        # Unpriv §14.2: SC pairs with the most recent LR in program order
  la a1, lrbuf
  la a6, lrother
  lr.d a0, (a1)
  lr.d a0, (a6)
  li a3, 0x99
  sc.d a4, a3, (a1)
  CHECK a4, 1

  # The two cases below check rvhv's choices where Unpriv §14.2 and Priv §3.3.2
  # allow, without requiring, the reservation to be lost: any store by the
  # hart to the reserved doubleword, and any trap, clear it (as a cache line
  # lost to a snoop would on hardware), so an SC after them fails.
  CASE 7                                                        # rvhv (Unpriv §14.2 permits): a store to the reserved doubleword between LR and SC makes SC fail
  la a1, lrbuf
  li a2, 0xaa
  sd a2, 0(a1)
  lr.d a0, (a1)
  li a2, 0xbb
  sd a2, 0(a1)
  li a3, 0xcc
  sc.d a4, a3, (a1)
  CHECK a4, 1
  ld a5, 0(a1)
  CHECK a5, 0xbb

  CASE 8                                                        # rvhv (Unpriv §14.2 permits): the reservation set is the aligned doubleword; a store to its other word also clears it
  la a1, lrbuf
  sd zero, 0(a1)
  lr.w a0, (a1)
  li a2, 0xdd
  sw a2, 4(a1)
  li a3, 0xee
  sc.w a4, a3, (a1)
  CHECK a4, 1
  ld a5, 0(a1)
  CHECK a5, 0x000000dd00000000

  CASE 9                                                        # rvhv (Priv §3.3.2 permits): a trap between LR and SC clears the reservation
  la a1, lrbuf
  sd zero, 0(a1)
  lr.d a0, (a1)
  la tp, 1f
  ecall
  j rvhv_fail
1:
  li tp, 0
  csrr t5, mcause
  CHECK t5, CAUSE_ECALL_M
  li a3, 0x12
  sc.d a4, a3, (a1)
  CHECK a4, 1
  ld a5, 0(a1)
  CHECK a5, 0

  CASE 10                                                       # rvhv (Unpriv §14.2): a store outside the reserved doubleword keeps the reservation
  la a1, lrbuf
  la a6, lrother
  sd zero, 0(a1)
  lr.d a0, (a1)
  li a2, 0x34
  sd a2, 0(a6)
  li a3, 0x56
  sc.d a4, a3, (a1)
  CHECK a4, 0
  ld a5, 0(a1)
  CHECK a5, 0x56

  CASE 11                                                       # Unpriv §14.2: a retry loop (LR; add; SC; bnez) completes
  la a1, lrbuf
  li a2, 41
  sd a2, 0(a1)
2:
  lr.d.aq a0, (a1)
  addi a0, a0, 1
  sc.d.rl a4, a0, (a1)
  bnez a4, 2b
  ld a5, 0(a1)
  CHECK a5, 42

  CASE 12                                                       # Unpriv §14.2: SC with rd = rs2 stores the old rs2, then writes the status to rd
  la a1, lrbuf
  sd zero, 0(a1)
  lr.d a0, (a1)
  li a3, 0x78
  sc.d a3, a3, (a1)
  CHECK a3, 0
  ld a5, 0(a1)
  CHECK a5, 0x78

RVHV_CODE_END

  .data
  .balign 64
lrbuf:
  .dword 0
  .balign 64
lrother:
  .dword 0
