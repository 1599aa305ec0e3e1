# The platform's time as the hart sees it: the time CSR shadows the
# CLINT's mtime in every mode (Priv §3.1.10-11, Unpriv "Zicntr"), plus
# htimedelta with V = 1 (Priv §9.2.7); and Sstc's comparators, which count
# that same time: stimecmp raises STI for HS-mode (mideleg), vstimecmp
# compared with time + htimedelta raises VSTI for VS-mode (hideleg), and
# both wake WFI (Sstc §2.1-2.2, Priv §9.2.19).
# Not for QEMU 7.2's `-M spike`: it gives the hart no time CSR (reading
# time, or touching htimedelta, is an illegal instruction there).
#include "clint.h"

#define AHEAD 1000
#define WAIT_ITERATIONS 3000000
/* The guest's time offset: time + DELTA wraps past 2^64 for any time above 2^63 - 2^62. */
#define DELTA 0x4000000000000000

/* a0 = mtime; runs \insn (which reads time into s0) in \mode; a1 = mtime.
   Then mtime-before <= s0 - \delta <= mtime-after must hold. */
.macro TIME_IN mode, delta, insn:vararg
  READ_MTIME s2
  GUEST_BEGIN \mode
  \insn
  GUEST_END \mode
  READ_MTIME s3
  li a0, \delta
  sub s0, s0, a0
  bltu s0, s2, .Lbad\@
  bltu s3, s0, .Lbad\@
  j .Lok\@
.Lbad\@:
  FAIL_HERE
.Lok\@:
.endm

/* s1 <= time (read in M-mode) + \delta, else fail. */
.macro CHECK_NOT_EARLY delta
  rdtime a0
  li a1, \delta
  add a0, a0, a1
  bgeu a0, s1, .Lok\@
  FAIL_HERE
.Lok\@:
.endm

/* Enters \mode and expects an interrupt before its first instruction runs. */
.macro TAKEN_IN mode
  GUEST_BEGIN \mode
  nop
  GUEST_TRAPPED
.endm

HYP_CODE_BEGIN
  HYP_RESET
  MTIMECMP_NEVER a0, a1
  li a0, COUNTEREN_CY | COUNTEREN_TM | COUNTEREN_IR
  csrw mcounteren, a0
  csrw hcounteren, a0
  csrw scounteren, a0

  # ---- The time CSR is mtime (Priv §3.1.10: "time ... a read-only shadow of mtime").
  CASE 1                                                        # Priv §3.1.10: in M-mode time reads mtime
  TIME_IN M, 0, rdtime s0
  CASE 2                                                        # Priv §3.1.11: ... in HS-mode (mcounteren.TM)
  TIME_IN HS, 0, rdtime s0
  CASE 3                                                        # Priv §3.1.11: ... in U-mode (scounteren.TM too)
  TIME_IN U, 0, rdtime s0

  CASE 4                                                        # Priv §9.2.7: in VS-mode time reads mtime + htimedelta
  li a0, DELTA
  csrw htimedelta, a0
  TIME_IN VS, DELTA, rdtime s0
  CASE 5                                                        # Priv §9.2.7: ... and in VU-mode
  TIME_IN VU, DELTA, rdtime s0
  CASE 6                                                        # Priv §9.2.7: with V = 0 htimedelta does not apply, also in HS and U
  TIME_IN HS, 0, rdtime s0
  TIME_IN U, 0, rdtime s0
  CASE 7                                                        # Priv §9.2.7: the sum wraps modulo 2^64 (htimedelta = -1: guest time = mtime - 1)
  li a0, -1
  csrw htimedelta, a0
  TIME_IN VS, -1, rdtime s0
  csrw htimedelta, zero

  CASE 8                                                        # ACLINT §3.1, Priv §3.1.10: writing mtime moves time with it
  li a0, CLINT_MTIME
  li a1, 1 << 41
  sd a1, 0(a0)
  rdtime a0
  li a1, 1 << 41
  bgeu a0, a1, 1f
  FAIL_HERE
1:
  TIME_IN VS, 0, rdtime s0

  # ---- Sstc's stimecmp against the same time, for HS-mode (Sstc §2.1).
  li a0, ENVCFG_STCE
  csrw menvcfg, a0
  li a0, MIP_STIP
  csrw mideleg, a0
  csrw mie, a0
  CASE 9                                                        # Sstc §2.1: STIP is pending while time >= stimecmp
  rdtime s1
  csrw stimecmp, s1
  CHECK_CSR_BITS mip, MIP_STIP, MIP_STIP
  li a0, -1
  csrw stimecmp, a0
  CHECK_CSR_BITS mip, MIP_STIP, 0

  CASE 10                                                       # Sstc §2.1, Priv §3.1.8: once time reaches stimecmp, the STI (delegated) is taken in HS-mode from U-mode, not before
  rdtime s1
  addi s1, s1, AHEAD
  csrw stimecmp, s1
  GUEST_BEGIN U
  SPIN a2, WAIT_ITERATIONS
  GUEST_TRAPPED
  CHECK_IN_HS CAUSE_INTERRUPT | 5
  CHECK_NOT_EARLY 0

  CASE 11                                                       # Sstc §2.1, Priv §3.3.3: WFI in HS-mode with sstatus.SIE = 0 resumes once the stimecmp STI is pending (no trap)
  rdtime s1
  addi s1, s1, AHEAD
  csrw stimecmp, s1
  GUEST_BEGIN HS
  li a2, WAIT_ITERATIONS
1:
  wfi
  csrr a0, sip
  andi a0, a0, MIP_STIP
  bnez a0, 2f
  addi a2, a2, -1
  bnez a2, 1b
2:
  GUEST_END HS
  CHECK a0, MIP_STIP                                            # else the wait timed out
  CHECK_NOT_EARLY 0

  CASE 12                                                       # Sstc §2.1, Priv §3.3.3: ... with SIE = 1 the STI is taken in HS-mode with sepc = after the WFI
  rdtime s1
  addi s1, s1, AHEAD
  csrw stimecmp, s1
  li a0, MSTATUS_SIE
  csrs mstatus, a0
  la tp, 8f
  ENTER HS, 1f
1:
  wfi
  j 1b
8:
  li tp, 0
  CHECK_IN_HS CAUSE_INTERRUPT | 5
  csrr a0, sepc
  CHECK_ADDR a0, 1b + 4
  CHECK_NOT_EARLY 0
  li a0, -1
  csrw stimecmp, a0
  csrw mie, zero
  csrw mideleg, zero

  # ---- vstimecmp against time + htimedelta, for VS-mode (Sstc §2.2, Priv §9.2.19).
  li a0, ENVCFG_STCE
  csrw henvcfg, a0
  li a0, VS_INTERRUPTS
  csrw hideleg, a0
  li a0, MIP_VSTIP
  csrw hie, a0
  li a0, DELTA
  csrw htimedelta, a0
  CASE 13                                                       # Priv §9.2.19: once time + htimedelta reaches vstimecmp the VSTI is taken in VS-mode (from VU-mode), as STI
  rdtime s1
  li a0, DELTA + AHEAD
  add s1, s1, a0
  csrw vstimecmp, s1
  CHECK_CSR_BITS hip, MIP_VSTIP, 0
  GUEST_BEGIN VU
  SPIN a2, WAIT_ITERATIONS
  GUEST_TRAPPED
  CHECK_IN_VS CAUSE_INTERRUPT | 5
  CHECK_NOT_EARLY DELTA

  CASE 14                                                       # Priv §9.2.19, §3.3.3: WFI in VS-mode with vsstatus.SIE = 0 resumes once the guest's timer is pending
  csrw vsstatus, zero
  rdtime s1
  li a0, DELTA + AHEAD
  add s1, s1, a0
  csrw vstimecmp, s1
  GUEST_BEGIN VS
  li a2, WAIT_ITERATIONS
1:
  wfi
  csrr a0, sip                                                  # vsip: STIP = hip.VSTIP
  andi a0, a0, MIP_STIP
  bnez a0, 2f
  addi a2, a2, -1
  bnez a2, 1b
2:
  GUEST_END VS
  CHECK a0, MIP_STIP
  CHECK_NOT_EARLY DELTA

  CASE 15                                                       # Priv §9.2.19, §3.3.3: ... with vsstatus.SIE = 1 the STI is taken in VS-mode with vsepc = after the WFI
  rdtime s1
  li a0, DELTA + AHEAD
  add s1, s1, a0
  csrw vstimecmp, s1
  li a0, MSTATUS_SIE
  csrw vsstatus, a0
  la tp, 8f
  ENTER VS, 1f
1:
  wfi
  j 1b
8:
  li tp, 0
  CHECK_IN_VS CAUSE_INTERRUPT | 5
  csrr a0, vsepc
  CHECK_ADDR a0, 1b + 4
  CHECK_NOT_EARLY DELTA

  CASE 16                                                       # Priv §9.2.19: the guest's own stimecmp (vstimecmp) read in VS-mode is what the hypervisor wrote
  li a0, -1
  csrw vstimecmp, a0
  GUEST_BEGIN VS
  csrr s0, stimecmp
  GUEST_END VS
  CHECK s0, -1

  CASE 17                                                       # Priv §9.2.19: htimedelta moves the guest's deadline: raising it makes a far vstimecmp due at once
  rdtime s1
  li a0, DELTA + (1 << 40)
  add s1, s1, a0
  csrw vstimecmp, s1
  CHECK_CSR_BITS hip, MIP_VSTIP, 0
  li a0, DELTA + (1 << 41)
  csrw htimedelta, a0
  CHECK_CSR_BITS hip, MIP_VSTIP, MIP_VSTIP

  CASE 18                                                       # Priv §9.2.2: with hideleg.VSTIP = 0 the guest's timer goes to HS-mode as VSTI (scause = interrupt | 6)
  csrw hideleg, zero
  TAKEN_IN VS
  CHECK_IN_HS CAUSE_INTERRUPT | 6
  li a0, -1
  csrw vstimecmp, a0
  csrw hie, zero
  HYP_RESET

  j rvhv_pass
RVHV_CODE_END
