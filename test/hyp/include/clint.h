/*
 * clint.h: the CLINT of Spike's platform (riscv-isa-sim riscv/platform.h,
 * clint.cc), which rvhv's bare machine and QEMU's spike and virt machines
 * place at 0x0200_0000 in SiFive's layout (ACLINT MSWI at +0, MTIMER at
 * +0x4000):
 *
 *   +0x0000 + 4 * hart   msip       bit 0 is the hart's mip.MSIP
 *   +0x4000 + 8 * hart   mtimecmp   mip.MTIP = (mtime >= mtimecmp)
 *   +0xbff8              mtime      the platform's 64-bit timer
 *
 * For the clint-*.S tests, on top of hyp.h. The macros use only the
 * registers they are given (and never t5/t6, the CHECK macros' scratch).
 */
#ifndef RVHV_CLINT_H
#define RVHV_CLINT_H

#include "hyp.h"

#define CLINT_BASE 0x2000000
#define CLINT_MSIP (CLINT_BASE + 0x0)
#define CLINT_MTIMECMP (CLINT_BASE + 0x4000)
#define CLINT_MTIME (CLINT_BASE + 0xbff8)

/* Priv §3.1.9: the machine-level interrupt bits hyp.h leaves out. */
#define MIP_MTIP (1 << 7)
#define MIP_MEIP (1 << 11)
#define CAUSE_MSI (CAUSE_INTERRUPT | 3)
#define CAUSE_MTI (CAUSE_INTERRUPT | 7)

/* Priv §3.1.11: mcounteren/hcounteren/scounteren bits. */
#define COUNTEREN_CY 1
#define COUNTEREN_TM 2
#define COUNTEREN_IR 4

/* rvhv's bare machine ticks mtime once per this many instructions (Spike's
   INSNS_PER_RTC_TICK); only the rvhv-exact timing cases rely on it. */
#define INSNS_PER_TICK 100

/* \reg = mtime. */
.macro READ_MTIME reg
  li \reg, CLINT_MTIME
  ld \reg, 0(\reg)
.endm

/* mtimecmp = \value (a register); \tmp is clobbered. */
.macro WRITE_MTIMECMP value, tmp
  li \tmp, CLINT_MTIMECMP
  sd \value, 0(\tmp)
.endm

/* mtimecmp = mtime + \delta ticks (a constant); leaves the deadline in \reg. */
.macro MTIMECMP_AHEAD reg, delta, tmp
  READ_MTIME \reg
  li \tmp, \delta
  add \reg, \reg, \tmp
  WRITE_MTIMECMP \reg, \tmp
.endm

/* mtimecmp = all ones: no timer (MTIP low). */
.macro MTIMECMP_NEVER tmp1, tmp2
  li \tmp1, -1
  WRITE_MTIMECMP \tmp1, \tmp2
.endm

/* msip = \bit (0 or 1, a constant). */
.macro WRITE_MSIP bit, tmp1, tmp2
  li \tmp1, CLINT_MSIP
  li \tmp2, \bit
  sw \tmp2, 0(\tmp1)
.endm

/* How long WAIT_PAST waits beyond a deadline: 1 s at 10 MHz, so a timer
   still arrives on a busy host (QEMU delivers it from another thread). */
#define WAIT_MARGIN 10000000

/* Waits until mtime passes \deadline (a register) by WAIT_MARGIN ticks,
   for an interrupt to cut the wait short; then falls through. Clobbers
   \tmp1, \tmp2. */
.macro WAIT_PAST deadline, tmp1, tmp2
  li \tmp2, WAIT_MARGIN
  add \tmp2, \tmp2, \deadline
.Lwait\@:
  READ_MTIME \tmp1
  bltu \tmp1, \tmp2, .Lwait\@
.endm

/* Counts \reg down from \n to 0 (a bounded wait that any interrupt may cut short). */
.macro SPIN reg, n
  li \reg, \n
.Lspin\@:
  addi \reg, \reg, -1
  bnez \reg, .Lspin\@
.endm

#endif
