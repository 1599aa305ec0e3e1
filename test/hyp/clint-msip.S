# Machine software interrupts from the CLINT's msip register (ACLINT §2,
# Priv §3.1.9): the register itself, mip.MSIP, delivery to M-mode from
# every mode (M, HS, U, VS, VU), with the hart raising its own interrupt by
# a store in that mode, priorities, and WFI with the interrupt pending.
# Portable: QEMU 7.2's `-M spike` passes it too.
#include "clint.h"

/* Enters \mode, raises MSIP by a store to msip there and waits: the
   interrupt must arrive in M-mode before the ECALL. */
.macro MSI_FROM mode
  GUEST_BEGIN \mode
  WRITE_MSIP 1, a0, a1
  SPIN a2, 1000
  GUEST_TRAPPED
.endm

/* The last trap was the machine software interrupt, taken from \mode. */
.macro CHECK_MSI_FROM mode
  CHECK_CSR mcause, CAUSE_MSI
  CHECK_FROM \mode
  CHECK_CSR_BITS mstatus, MSTATUS_GVA, 0                        # Priv §9.4.1: GVA is 0 for an interrupt
  CHECK_CSR mtinst, 0                                           # Priv §9.4.5: mtinst is 0 for an interrupt
  CHECK_CSR mtval2, 0                                           # Priv §9.4.4: ... and so is mtval2
  CHECK_CSR_BITS mip, MIP_MSIP, MIP_MSIP                        # still pending until msip is written 0
  WRITE_MSIP 0, a0, a1
.endm

HYP_CODE_BEGIN
  HYP_RESET
  MTIMECMP_NEVER a0, a1

  # ---- The msip register (ACLINT §2.1).
  CASE 1                                                        # ACLINT §2.1: msip = 0 leaves mip.MSIP clear
  WRITE_MSIP 0, a0, a1
  CHECK_CSR_BITS mip, MIP_MSIP, 0

  CASE 2                                                        # ACLINT §2.1, Priv §3.1.9: msip bit 0 is the hart's mip.MSIP
  WRITE_MSIP 1, a0, a1
  CHECK_CSR_BITS mip, MIP_MSIP, MIP_MSIP
  li a0, CLINT_MSIP
  lw a1, 0(a0)
  CHECK a1, 1

  CASE 3                                                        # ACLINT §2.1: only bit 0 of msip is implemented; the upper 31 bits read 0
  li a0, CLINT_MSIP
  li a1, -1
  sw a1, 0(a0)
  lw a1, 0(a0)
  CHECK a1, 1

  CASE 4                                                        # Priv §3.1.9: MSIP is read-only in mip: software cannot clear it there
  li a0, MIP_MSIP
  csrc mip, a0
  CHECK_CSR_BITS mip, MIP_MSIP, MIP_MSIP

  CASE 5                                                        # ACLINT §2.1: writing msip = 0 clears mip.MSIP
  WRITE_MSIP 0, a0, a1
  CHECK_CSR_BITS mip, MIP_MSIP, 0
  li a0, CLINT_MSIP
  lw a1, 0(a0)
  CHECK a1, 0

  CASE 6                                                        # Priv §3.1.9: MSIP is read-only in mip: software cannot set it there either
  li a0, MIP_MSIP
  csrs mip, a0
  CHECK_CSR_BITS mip, MIP_MSIP, 0

  CASE 7                                                        # Priv §3.1.8: machine-level interrupts stay in M-mode: mideleg's MSIP and MTIP bits are read-only 0
  li a0, MIP_MSIP | MIP_MTIP
  csrw mideleg, a0
  CHECK_CSR_BITS mideleg, MIP_MSIP | MIP_MTIP, 0
  csrw mideleg, zero

  # ---- Delivery in M-mode (Priv §3.1.6.1, §3.1.9).
  li a0, MIP_MSIP
  csrw mie, a0
  CASE 8                                                        # Priv §3.1.6.1: in M-mode with mstatus.MIE = 0 a pending MSI waits
  WRITE_MSIP 1, a0, a1
  SPIN a2, 100
  CHECK_CSR_BITS mip, MIP_MSIP, MIP_MSIP

  CASE 9                                                        # Priv §3.1.6.1: setting mstatus.MIE takes it at once: mepc = the next instruction
  la tp, 2f
  csrsi mstatus, MSTATUS_MIE
1:
  FAIL_HERE
2:
  li tp, 0
  CHECK_CSR mcause, CAUSE_MSI
  csrr a0, mepc
  CHECK_ADDR a0, 1b
  CHECK_FROM M
  CHECK_CSR_BITS mstatus, MSTATUS_MIE | MSTATUS_MPIE, MSTATUS_MPIE # Priv §3.1.6.1: trap entry moves MIE to MPIE and clears MIE
  WRITE_MSIP 0, a0, a1

  CASE 10                                                       # Priv §3.1.9: with MIE = 1, the hart's own store to msip interrupts it (mepc inside the wait after the store)
  csrsi mstatus, MSTATUS_MIE
  la tp, 2f
  WRITE_MSIP 1, a0, a1
1:
  SPIN a2, 1000
3:
  FAIL_HERE
2:
  li tp, 0
  CHECK_CSR mcause, CAUSE_MSI
  csrr a0, mepc
  la a1, 1b
  bltu a0, a1, 4f
  la a1, 3b
  bgtu a0, a1, 4f
  j 5f
4:
  FAIL_HERE
5:
  CHECK_FROM M
  WRITE_MSIP 0, a0, a1

  CASE 11                                                       # Priv §3.1.9: with mie.MSIE = 0 the pending MSI is not taken, even with MIE = 1
  csrw mie, zero
  WRITE_MSIP 1, a0, a1
  csrsi mstatus, MSTATUS_MIE
  SPIN a2, 100
  csrci mstatus, MSTATUS_MIE
  CHECK_CSR_BITS mip, MIP_MSIP, MIP_MSIP
  WRITE_MSIP 0, a0, a1

  # ---- From every less privileged mode (Priv §3.1.6.1: M-level interrupts
  # are always enabled below M, whatever mstatus.MIE).
  li a0, MIP_MSIP
  csrw mie, a0
  CASE 12                                                       # Priv §3.1.6.1: the MSI a store in HS-mode raises is taken in M (MPP = S, MPV = 0) with mstatus.MIE = 0
  MSI_FROM HS
  CHECK_MSI_FROM HS

  CASE 13                                                       # Priv §3.1.6.1: ... from U-mode (MPP = U)
  MSI_FROM U
  CHECK_MSI_FROM U

  CASE 14                                                       # Priv §9.6.2: ... from VS-mode (MPP = S, MPV = 1; the store reaches the CLINT through Bare vsatp and hgatp)
  MSI_FROM VS
  CHECK_MSI_FROM VS

  CASE 15                                                       # Priv §9.6.2: ... from VU-mode (MPP = U, MPV = 1)
  MSI_FROM VU
  CHECK_MSI_FROM VU

  CASE 16                                                       # Priv §3.1.9: even with every S-level and VS-level interrupt delegated, an M-level one goes to M
  li a0, MIP_SSIP | MIP_STIP | MIP_SEIP
  csrw mideleg, a0
  li a0, VS_INTERRUPTS
  csrw hideleg, a0
  li a0, MSTATUS_SIE
  csrw vsstatus, a0
  MSI_FROM VS
  CHECK_MSI_FROM VS
  csrw mideleg, zero
  csrw hideleg, zero

  CASE 17                                                       # Priv §3.1.9: with mie.MSIE = 0 nothing is taken below M either
  csrw mie, zero
  GUEST_BEGIN U
  WRITE_MSIP 1, a0, a1
  SPIN a2, 100
  GUEST_END U
  WRITE_MSIP 0, a0, a1

  # ---- Priority (Priv §3.1.9: MEI > MSI > MTI > SEI > SSI > STI).
  CASE 18                                                       # Priv §3.1.9: with MSI and MTI both pending, MSI is taken first
  li a0, MIP_MSIP | MIP_MTIP
  csrw mie, a0
  li a0, CLINT_MTIMECMP
  sd zero, 0(a0)                                                # mtimecmp = 0: MTIP
  WRITE_MSIP 1, a0, a1
  CHECK_CSR_BITS mip, MIP_MSIP | MIP_MTIP, MIP_MSIP | MIP_MTIP
  la tp, 2f
  csrsi mstatus, MSTATUS_MIE
  FAIL_HERE
2:
  CHECK_CSR mcause, CAUSE_MSI
  WRITE_MSIP 0, a0, a1
  la tp, 2f
  csrsi mstatus, MSTATUS_MIE
  FAIL_HERE
2:
  li tp, 0
  CHECK_CSR mcause, CAUSE_MTI                                   # ... and MTI once MSIP is clear
  MTIMECMP_NEVER a0, a1
  csrw mie, zero

  # ---- WFI (Priv §3.3.3).
  CASE 19                                                       # Priv §3.3.3: WFI with an interrupt pending and enabled in mie completes at once, even with mstatus.MIE = 0 (no trap)
  li a0, MIP_MSIP
  csrw mie, a0
  WRITE_MSIP 1, a0, a1
  wfi
  CHECK_CSR_BITS mip, MIP_MSIP, MIP_MSIP

  WRITE_MSIP 0, a0, a1
  csrw mie, zero

  CASE 20                                                       # Priv §3.3.3: in HS-mode WFI completes at once while an SSI is pending in mie, even with sstatus.SIE = 0
  li a0, MIP_SSIP
  csrw mideleg, a0
  csrw mie, a0
  csrw mip, a0
  GUEST_BEGIN HS
  wfi
  GUEST_END HS
  CHECK_CSR_BITS mip, MIP_SSIP, MIP_SSIP
  csrw mip, zero
  csrw mie, zero
  csrw mideleg, zero

  CASE 21                                                       # Priv §3.3.3, §9.2.3: in VS-mode (hstatus.VTW = 0) it completes while a VSSI is pending in hie, even with vsstatus.SIE = 0
  csrw vsstatus, zero
  li a0, MIP_VSSIP
  csrw hideleg, a0
  csrw hie, a0
  csrw hvip, a0
  GUEST_BEGIN VS
  wfi
  GUEST_END VS
  CHECK_CSR_BITS hip, MIP_VSSIP, MIP_VSSIP
  HYP_RESET

  j rvhv_pass
RVHV_CODE_END
