# rvhv's deterministic time on the bare machine (src/devices/bare-machine.ts):
# mtime ticks once every INSNS_PER_TICK (100) instruction steps, exactly;
# a timer interrupt is taken before the first instruction that would see
# mtime (or time) >= its compare value; an interrupt raised by a store is
# taken before the next instruction; and a hart waiting in WFI jumps time
# straight to the next deadline. The spec allows all of these ("rvhv"
# below) but requires none: hardware, Spike (50 ticks at a time, every
# 5000 instructions) and QEMU (host time) deliver later, so this file is
# for rvhv alone. Portable timing checks are in clint-timer.S and
# clint-time.S.
#include "clint.h"

#define AHEAD 500
#define WAIT_ITERATIONS 3000000

/* Fails unless \lo <= \reg <= \hi (unsigned; registers). */
.macro CHECK_RANGE reg, lo, hi
  bltu \reg, \lo, .Lbad\@
  bltu \hi, \reg, .Lbad\@
  j .Lok\@
.Lbad\@:
  FAIL_HERE
.Lok\@:
.endm

HYP_CODE_BEGIN
  HYP_RESET
  MTIMECMP_NEVER a0, a1
  li a0, COUNTEREN_CY | COUNTEREN_TM | COUNTEREN_IR
  csrw mcounteren, a0
  csrw hcounteren, a0
  csrw scounteren, a0

  CASE 1                                                        # rvhv: mtime advances one tick per INSNS_PER_TICK instructions (minstret counts the same instructions)
  READ_MTIME s0
  csrr s2, minstret
  SPIN a2, 10000
  READ_MTIME s1
  csrr s3, minstret
  sub a0, s1, s0
  li a1, INSNS_PER_TICK
  mul a0, a0, a1                                                # ticks * 100
  sub a1, s3, s2                                                # instructions
  addi a2, a0, -INSNS_PER_TICK
  addi a3, a0, INSNS_PER_TICK
  CHECK_RANGE a1, a2, a3

  # ---- Machine timer (mtimecmp).
  li a0, MIP_MTIP
  csrw mie, a0
  CASE 2                                                        # rvhv: the MTI is taken exactly when mtime reaches mtimecmp (the handler still reads mtime = mtimecmp)
  MTIMECMP_AHEAD s1, AHEAD, a0
  csrr s2, minstret
  la tp, 2f
  csrsi mstatus, MSTATUS_MIE
  SPIN a2, WAIT_ITERATIONS
  FAIL_HERE
2:
  li tp, 0
  csrr s3, minstret
  READ_MTIME a0
  CHECK_REG a0, s1
  sub a1, s3, s2                                                # rvhv: (AHEAD - 1) * 100 < instructions waited <= AHEAD * 100
  li a2, (AHEAD - 1) * INSNS_PER_TICK
  li a3, AHEAD * INSNS_PER_TICK
  CHECK_RANGE a1, a2, a3
  MTIMECMP_NEVER a0, a1

  CASE 3                                                        # rvhv: ... also from U-mode
  MTIMECMP_AHEAD s1, AHEAD, a0
  GUEST_BEGIN U
  SPIN a2, WAIT_ITERATIONS
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_MTI
  READ_MTIME a0
  CHECK_REG a0, s1
  MTIMECMP_NEVER a0, a1

  CASE 4                                                        # rvhv: moving mtime to 5 ticks before mtimecmp brings the MTI exactly 5 ticks later
  li s1, 1 << 40
  WRITE_MTIMECMP s1, a0
  li a0, CLINT_MTIME
  addi a1, s1, -5
  sd a1, 0(a0)
  csrr s2, minstret
  la tp, 2f
  csrsi mstatus, MSTATUS_MIE
  SPIN a2, WAIT_ITERATIONS
  FAIL_HERE
2:
  li tp, 0
  csrr s3, minstret
  READ_MTIME a0
  CHECK_REG a0, s1
  sub a1, s3, s2
  li a2, 4 * INSNS_PER_TICK
  li a3, 5 * INSNS_PER_TICK
  CHECK_RANGE a1, a2, a3
  MTIMECMP_NEVER a0, a1

  CASE 5                                                        # rvhv: WFI with nothing else to do jumps time to the deadline: 10^9 ticks pass in a few instructions
  MTIMECMP_AHEAD s1, 1000000000, a0
  csrr s2, minstret
  wfi                                                           # MIE = 0: resumes without a trap
  csrr s3, minstret
  READ_MTIME a0
  CHECK_REG a0, s1
  sub a1, s3, s2
  li a2, 0
  li a3, 2
  CHECK_RANGE a1, a2, a3                                        # the WFI and this csrr
  MTIMECMP_NEVER a0, a1

  # ---- Software interrupt.
  li a0, MIP_MSIP
  csrw mie, a0
  CASE 6                                                        # rvhv: the MSI a store to msip raises is taken before the next instruction
  csrsi mstatus, MSTATUS_MIE
  la tp, 2f
  WRITE_MSIP 1, a0, a1
1:
  FAIL_HERE
2:
  li tp, 0
  csrr a0, mepc
  CHECK_ADDR a0, 1b
  WRITE_MSIP 0, a0, a1

  CASE 7                                                        # rvhv: ... also when the store is made in VS-mode
  GUEST_BEGIN VS
  WRITE_MSIP 1, a0, a1
1:
  nop
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_MSI
  csrr a0, mepc
  CHECK_ADDR a0, 1b
  WRITE_MSIP 0, a0, a1
  csrw mie, zero

  # ---- Sstc comparators, counting the same time.
  li a0, ENVCFG_STCE
  csrw menvcfg, a0
  csrw henvcfg, a0
  li a0, MIP_STIP
  csrw mideleg, a0
  csrw mie, a0
  CASE 8                                                        # rvhv: the stimecmp STI is taken exactly when time reaches stimecmp (in HS-mode, from U-mode)
  rdtime s1
  addi s1, s1, AHEAD
  csrw stimecmp, s1
  GUEST_BEGIN U
  SPIN a2, WAIT_ITERATIONS
  GUEST_TRAPPED
  CHECK_IN_HS CAUSE_INTERRUPT | 5
  rdtime a0
  CHECK_REG a0, s1

  CASE 9                                                        # rvhv: ... also when HS-mode itself writes stimecmp (the deadline moves in the middle of a run)
  li a0, MSTATUS_SIE
  csrs mstatus, a0
  GUEST_BEGIN HS
  rdtime s1
  addi s1, s1, AHEAD
  csrw stimecmp, s1
  SPIN a2, WAIT_ITERATIONS
  GUEST_TRAPPED
  CHECK_IN_HS CAUSE_INTERRUPT | 5
  rdtime a0
  CHECK_REG a0, s1
  li a0, -1
  csrw stimecmp, a0
  csrw mie, zero
  csrw mideleg, zero

  li a0, VS_INTERRUPTS
  csrw hideleg, a0
  li a0, MIP_VSTIP
  csrw hie, a0
  li s4, 0x123456789
  csrw htimedelta, s4
  CASE 10                                                       # rvhv: the vstimecmp STI reaches VS-mode exactly when time + htimedelta reaches vstimecmp
  rdtime s1
  add s1, s1, s4
  addi s1, s1, AHEAD
  csrw vstimecmp, s1
  GUEST_BEGIN VU
  SPIN a2, WAIT_ITERATIONS
  GUEST_TRAPPED
  CHECK_IN_VS CAUSE_INTERRUPT | 5
  rdtime a0
  add a0, a0, s4
  CHECK_REG a0, s1

  CASE 11                                                       # rvhv: a guest in WFI (vsstatus.SIE = 0) jumps time to its vstimecmp: 10^9 ticks in a few instructions
  rdtime s1
  add s1, s1, s4
  li a0, 1000000000
  add s1, s1, a0
  csrw vstimecmp, s1
  csrw vsstatus, zero
  csrr s2, minstret
  GUEST_BEGIN VS
  wfi
  GUEST_END VS
  csrr s3, minstret
  rdtime a0
  add a0, a0, s4
  CHECK_REG a0, s1
  sub a1, s3, s2
  li a2, 0
  li a3, 40                                                     # the WFI and the harness's mode switches
  CHECK_RANGE a1, a2, a3
  li a0, -1
  csrw vstimecmp, a0
  HYP_RESET

  j rvhv_pass
RVHV_CODE_END
