# Machine timer interrupts from the CLINT's mtime and mtimecmp (ACLINT §3,
# Priv §3.2.1): the registers, mip.MTIP, delivery to M-mode from every mode
# (M, HS, U, VS, VU), and WFI woken by the timer in M, HS and VS. A case
# never depends on how fast time runs against instructions: it waits, with
# a bound, until the interrupt comes, then checks that it did not come
# early (mtime >= mtimecmp in the handler). Portable: QEMU 7.2's `-M spike`
# passes it too.
#include "clint.h"

/* Ticks ahead for a deadline: far enough that setting up the case takes
   less (on rvhv 1000 ticks are 100,000 instructions), near enough that
   waiting for it is quick. */
#define AHEAD 1000
/* Ticks ahead for a deadline a WFI waits for: long enough (10 ms at QEMU's
   10 MHz) that the mode switch before the WFI surely takes less, even on a
   busy host; rvhv jumps time to it at once. */
#define WFI_AHEAD 100000
/* Bound on a polling loop's iterations; a lost interrupt fails, it does not hang. */
#define WAIT_ITERATIONS 3000000

/* Arms mtimecmp AHEAD ticks ahead (s1 = the deadline), enters \mode and waits there for the MTI. */
.macro MTI_FROM mode
  MTIMECMP_AHEAD s1, AHEAD, a0
  GUEST_BEGIN \mode
  WAIT_PAST s1, a0, a2
  GUEST_TRAPPED
.endm

/* The last trap was the machine timer interrupt from \mode, not before the
   deadline s1; then disarms the timer. */
.macro CHECK_MTI_FROM mode
  CHECK_CSR mcause, CAUSE_MTI
  CHECK_FROM \mode
  READ_MTIME a0
  bgeu a0, s1, .Lnot_early\@
  FAIL_HERE
.Lnot_early\@:
  CHECK_CSR mtinst, 0                                           # Priv §9.4.5: mtinst is 0 for an interrupt
  MTIMECMP_NEVER a0, a1
.endm

HYP_CODE_BEGIN
  HYP_RESET
  MTIMECMP_NEVER a0, a1

  # ---- mtime and mtimecmp (ACLINT §3).
  CASE 1                                                        # ACLINT §3.1: mtime counts up
  READ_MTIME s0
  li a2, WAIT_ITERATIONS
1:
  READ_MTIME a0
  bgtu a0, s0, 2f
  addi a2, a2, -1
  bnez a2, 1b
  FAIL_HERE
2:

  CASE 2                                                        # ACLINT §3.2: mtimecmp is a read-write 64-bit register, also written as two 32-bit halves
  li a0, CLINT_MTIMECMP
  li a1, 0x12345678
  sw a1, 0(a0)
  li a1, 0x7abcdef0
  sw a1, 4(a0)
  ld a1, 0(a0)
  CHECK a1, 0x7abcdef012345678
  lw a1, 4(a0)
  CHECK a1, 0x7abcdef0

  CASE 3                                                        # Priv §3.2.1: MTIP is pending while mtime >= mtimecmp (mtimecmp = 0)
  li a0, CLINT_MTIMECMP
  sd zero, 0(a0)
  CHECK_CSR_BITS mip, MIP_MTIP, MIP_MTIP

  CASE 4                                                        # Priv §3.1.9: MTIP is read-only in mip: clearing it there does nothing
  li a0, MIP_MTIP
  csrc mip, a0
  CHECK_CSR_BITS mip, MIP_MTIP, MIP_MTIP

  CASE 5                                                        # Priv §3.2.1: writing a later mtimecmp clears MTIP
  MTIMECMP_NEVER a0, a1
  CHECK_CSR_BITS mip, MIP_MTIP, 0

  CASE 6                                                        # Priv §3.2.1: ... and mtimecmp = mtime (equal counts as reached) sets it
  READ_MTIME a1
  WRITE_MTIMECMP a1, a0
  CHECK_CSR_BITS mip, MIP_MTIP, MIP_MTIP
  MTIMECMP_NEVER a0, a1

  CASE 7                                                        # Priv §3.2.1: MTIP rises by itself once mtime reaches a deadline ahead
  MTIMECMP_AHEAD s1, AHEAD, a0
  CHECK_CSR_BITS mip, MIP_MTIP, 0
  li a2, WAIT_MARGIN
  add a2, a2, s1
1:
  csrr a0, mip
  andi a0, a0, MIP_MTIP
  bnez a0, 2f
  READ_MTIME a0
  bltu a0, a2, 1b
  FAIL_HERE
2:
  READ_MTIME a0
  bgeu a0, s1, 3f
  FAIL_HERE
3:
  MTIMECMP_NEVER a0, a1

  # ---- The interrupt in M-mode.
  li a0, MIP_MTIP
  csrw mie, a0
  CASE 8                                                        # Priv §3.1.6.1, §3.2.1: in M-mode with MIE = 1 the MTI is taken once mtime reaches mtimecmp, not before
  MTIMECMP_AHEAD s1, AHEAD, a0
  la tp, 2f
  csrsi mstatus, MSTATUS_MIE
  WAIT_PAST s1, a0, a2
  FAIL_HERE
2:
  li tp, 0
  CHECK_MTI_FROM M
  CHECK_CSR_BITS mstatus, MSTATUS_MIE | MSTATUS_MPIE, MSTATUS_MPIE

  CASE 9                                                        # Priv §3.1.6.1: with mstatus.MIE = 0 it stays pending in M-mode
  li a0, CLINT_MTIMECMP
  sd zero, 0(a0)
  SPIN a2, 100
  CHECK_CSR_BITS mip, MIP_MTIP, MIP_MTIP
  MTIMECMP_NEVER a0, a1

  # ---- From every less privileged mode (always enabled below M).
  CASE 10                                                       # Priv §3.1.6.1: the MTI is taken from HS-mode with mstatus.MIE = 0 (MPP = S)
  MTI_FROM HS
  CHECK_MTI_FROM HS

  CASE 11                                                       # Priv §3.1.6.1: ... from U-mode (MPP = U)
  MTI_FROM U
  CHECK_MTI_FROM U

  CASE 12                                                       # Priv §9.6.2: ... from VS-mode (MPP = S, MPV = 1)
  MTI_FROM VS
  CHECK_MTI_FROM VS

  CASE 13                                                       # Priv §9.6.2: ... from VU-mode (MPP = U, MPV = 1)
  MTI_FROM VU
  CHECK_MTI_FROM VU

  CASE 14                                                       # Priv §3.1.9: with mie.MTIE = 0 a pending MTIP is not taken below M
  csrw mie, zero
  li a0, CLINT_MTIMECMP
  sd zero, 0(a0)
  GUEST_BEGIN U
  SPIN a2, 100
  GUEST_END U
  MTIMECMP_NEVER a0, a1

  # ---- WFI (Priv §3.3.3).
  li a0, MIP_MTIP
  csrw mie, a0
  CASE 15                                                       # Priv §3.3.3: WFI in M-mode with MIE = 0 resumes once the timer is pending (enabled in mie), without a trap
  MTIMECMP_AHEAD s1, AHEAD, a0
  li a2, WAIT_ITERATIONS
1:
  wfi
  csrr a0, mip
  andi a0, a0, MIP_MTIP
  bnez a0, 2f                                                   # WFI may also resume early ("a hint"): then wait again
  addi a2, a2, -1
  bnez a2, 1b
  FAIL_HERE
2:
  READ_MTIME a0
  bgeu a0, s1, 3f
  FAIL_HERE
3:
  MTIMECMP_NEVER a0, a1

  CASE 16                                                       # Priv §3.3.3: WFI in M-mode with MIE = 1: the MTI is taken with mepc = the instruction after the WFI
  MTIMECMP_AHEAD s1, WFI_AHEAD, a0
  la tp, 2f
  csrsi mstatus, MSTATUS_MIE
1:
  wfi
  j 1b                                                          # an early resume waits again
2:
  li tp, 0
  csrr a0, mepc
  CHECK_ADDR a0, 1b + 4
  CHECK_MTI_FROM M

  CASE 17                                                       # Priv §3.3.3: WFI in HS-mode (mstatus.TW = 0) is woken by the M-level timer, taken with mepc = after the WFI
  MTIMECMP_AHEAD s1, WFI_AHEAD, a0
  la tp, 2f
  ENTER HS, 1f
1:
  wfi
  j 1b
2:
  li tp, 0
  csrr a0, mepc
  CHECK_ADDR a0, 1b + 4
  CHECK_MTI_FROM HS

  CASE 18                                                       # Priv §3.3.3, §9.6.2: ... in VS-mode (hstatus.VTW = 0), MPV = 1
  MTIMECMP_AHEAD s1, WFI_AHEAD, a0
  la tp, 2f
  ENTER VS, 1f
1:
  wfi
  j 1b
2:
  li tp, 0
  csrr a0, mepc
  CHECK_ADDR a0, 1b + 4
  CHECK_MTI_FROM VS

  TEST_ILLEGAL_IN 19, U, wfi                                    # Priv §3.3.3: WFI in U-mode is illegal (S-mode exists), so it never waits
  TEST_VIRTUAL_IN 20, VU, wfi                                   # Priv §9.6.1: WFI in VU-mode is a virtual instruction
  MTIMECMP_AHEAD s1, AHEAD, a0
  csrw mie, zero
  li a0, MSTATUS_TW
  csrs mstatus, a0
  TEST_ILLEGAL_IN 21, HS, wfi                                   # Priv §3.1.6.5: with mstatus.TW = 1 WFI in HS-mode is illegal at once (no wait) even with a timer armed
  li a0, MSTATUS_TW
  csrc mstatus, a0
  MTIMECMP_NEVER a0, a1

  # ---- Writing mtime (ACLINT §3.1: mtime is read-write).
  CASE 22                                                       # ACLINT §3.1: a written mtime reads back (and counts on from there)
  li a0, CLINT_MTIME
  li s0, 1 << 40
  sd s0, 0(a0)
  ld a1, 0(a0)
  bltu a1, s0, 1f
  li a2, (1 << 40) + 100000000
  bltu a1, a2, 2f
1:
  FAIL_HERE
2:

  CASE 23                                                       # Priv §3.2.1: MTIP follows mtime writes: moving mtime past mtimecmp sets it, moving it back clears it
  li a1, (1 << 40) + (1 << 30)
  WRITE_MTIMECMP a1, a0
  CHECK_CSR_BITS mip, MIP_MTIP, 0
  li a0, CLINT_MTIME
  li a1, (1 << 40) + (1 << 31)
  sd a1, 0(a0)
  CHECK_CSR_BITS mip, MIP_MTIP, MIP_MTIP
  li a0, CLINT_MTIME
  sd zero, 0(a0)
  CHECK_CSR_BITS mip, MIP_MTIP, 0
  MTIMECMP_NEVER a0, a1
  csrw mie, zero
  HYP_RESET

  j rvhv_pass
RVHV_CODE_END
