# The CLINT's interrupts are M-level and never delegated; firmware and a
# hypervisor pass them on, as OpenSBI and KVM do: M-mode takes the machine
# timer (software) interrupt and raises the supervisor one in mip, which
# mideleg sends to HS-mode; a hypervisor injects a VS-level one through
# hvip, which hideleg sends to VS-mode. Here M-mode plays both parts (the
# harness funnels HS and VS traps into M). Priv §3.1.8-9 (mideleg, mip),
# §9.2.2-3 (hideleg, hvip), §9.6.2 (trap entry). QEMU 7.2's `-M spike`
# passes all but the vsip check of case 15: its vsip shows only SSIP.
#include "clint.h"

#define AHEAD 1000

/* Arms mtimecmp AHEAD ticks ahead, enters \mode, waits there for the MTI
   and checks it reached M-mode from \mode; then disarms the timer. */
.macro MTI_FROM mode
  MTIMECMP_AHEAD s1, AHEAD, a0
  GUEST_BEGIN \mode
  WAIT_PAST s1, a0, a2
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_INTERRUPT | 7
  CHECK_FROM \mode
  MTIMECMP_NEVER a0, a1
.endm

/* Raises MSIP (from M), enters \mode and checks the MSI reached M from \mode; then lowers MSIP. */
.macro MSI_FROM mode
  WRITE_MSIP 1, a0, a1
  GUEST_BEGIN \mode
  nop
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_INTERRUPT | 3
  CHECK_FROM \mode
  WRITE_MSIP 0, a0, a1
.endm

/* Enters \mode and expects an interrupt before its first instruction runs. */
.macro TAKEN_IN mode
  GUEST_BEGIN \mode
  nop
  GUEST_TRAPPED
.endm

/* Runs two NOPs in \mode: no interrupt may be taken. */
.macro NOT_TAKEN_IN mode
  GUEST_BEGIN \mode
  nop
  nop
  GUEST_END \mode
.endm

HYP_CODE_BEGIN
  HYP_RESET
  MTIMECMP_NEVER a0, a1

  # ---- The timer, passed on to HS-mode as STI (mideleg.STIP).
  li a0, MIP_STIP
  csrw mideleg, a0
  li a0, MIP_MTIP | MIP_STIP
  csrw mie, a0
  CASE 1                                                        # Priv §3.1.9: M takes the MTI from U, raises mip.STIP (software-writable) and masks MTIE, as SBI firmware does
  MTI_FROM U
  li a0, MIP_STIP
  csrs mip, a0
  li a0, MIP_MTIP
  csrc mie, a0
  CHECK_CSR_BITS mip, MIP_STIP, MIP_STIP

  CASE 2                                                        # Priv §3.1.8: delegated by mideleg.STIP, the STI is taken in HS-mode from U-mode (scause = interrupt | 5, sepc = the U instruction)
  TAKEN_IN U
  CHECK_IN_HS CAUSE_INTERRUPT | 5
  csrr a0, sepc
  CHECK_ADDR a0, 9b
  CHECK_CSR_BITS mstatus, MSTATUS_SPP, 0

  CASE 3                                                        # Priv §4.1.1: in HS-mode with sstatus.SIE = 0 it waits
  NOT_TAKEN_IN HS

  CASE 4                                                        # Priv §4.1.1: ... and with SIE = 1 it is taken (SPP = S, SPIE = 1)
  li a0, MSTATUS_SIE
  csrs mstatus, a0
  TAKEN_IN HS
  CHECK_IN_HS CAUSE_INTERRUPT | 5
  CHECK_CSR_BITS mstatus, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPP | MSTATUS_SPIE
  CHECK_CSR_BITS hstatus, HSTATUS_SPV, 0

  CASE 5                                                        # Priv §9.2.3: HS-level interrupts are enabled whenever V = 1: from VS-mode (vsstatus.SIE = 0) to HS, SPV = SPVP = 1
  csrw vsstatus, zero
  TAKEN_IN VS
  CHECK_IN_HS CAUSE_INTERRUPT | 5
  CHECK_CSR_BITS hstatus, HSTATUS_SPV | HSTATUS_SPVP, HSTATUS_SPV | HSTATUS_SPVP

  CASE 6                                                        # Priv §9.2.3, §9.6.2: ... from VU-mode: SPV = 1, SPVP = 0
  TAKEN_IN VU
  CHECK_IN_HS CAUSE_INTERRUPT | 5
  CHECK_CSR_BITS hstatus, HSTATUS_SPV | HSTATUS_SPVP, HSTATUS_SPV

  CASE 7                                                        # Priv §3.1.8: not delegated (mideleg.STIP = 0), the STI goes to M-mode even from HS-mode with SIE = 0
  csrw mideleg, zero
  TAKEN_IN HS
  CHECK_CSR mcause, CAUSE_INTERRUPT | 5
  CHECK_FROM HS

  CASE 8                                                        # Priv §3.1.6.1: a delegated STI is never taken in M-mode, even with mstatus.MIE = SIE = 1
  li a0, MIP_STIP
  csrw mideleg, a0
  li a0, MSTATUS_MIE | MSTATUS_SIE
  csrs mstatus, a0
  SPIN a2, 10
  csrc mstatus, a0
  CHECK_CSR_BITS mip, MIP_STIP, MIP_STIP

  CASE 9                                                        # Priv §3.1.9: once M clears mip.STIP nothing is pending
  li a0, MIP_STIP
  csrc mip, a0
  NOT_TAKEN_IN U
  csrw mie, zero

  # ---- The software interrupt, passed on to HS-mode as SSI (an SBI IPI).
  li a0, MIP_SSIP
  csrw mideleg, a0
  li a0, MIP_MSIP | MIP_SSIP
  csrw mie, a0
  CASE 10                                                       # Priv §3.1.9: M takes the MSI from U and raises mip.SSIP
  MSI_FROM U
  csrsi mip, MIP_SSIP
  CHECK_CSR_BITS sip, MIP_SSIP, MIP_SSIP                        # Priv §4.1.3: a delegated SSIP shows in sip

  CASE 11                                                       # Priv §3.1.8: delegated by mideleg.SSIP, the SSI is taken in HS-mode from U (scause = interrupt | 1)
  TAKEN_IN U
  CHECK_IN_HS CAUSE_INTERRUPT | 1

  CASE 12                                                       # Priv §9.2.3: ... from VS-mode
  TAKEN_IN VS
  CHECK_IN_HS CAUSE_INTERRUPT | 1
  CHECK_CSR_BITS hstatus, HSTATUS_SPV, HSTATUS_SPV

  CASE 13                                                       # Priv §9.2.3: ... from VU-mode
  TAKEN_IN VU
  CHECK_IN_HS CAUSE_INTERRUPT | 1

  CASE 14                                                       # Priv §4.1.3: HS clears its SSI through sip.SSIP; then nothing is pending
  li a0, MIP_SSIP
  GUEST_BEGIN HS
  csrc sip, a0
  GUEST_END HS
  CHECK_CSR_BITS mip, MIP_SSIP, 0
  NOT_TAKEN_IN U
  csrw mie, zero
  csrw mideleg, zero

  # ---- Passed on into the guest: injected through hvip, delegated by hideleg.
  li a0, VS_INTERRUPTS
  csrw hideleg, a0
  li a0, MIP_MTIP | MIP_MSIP
  csrw mie, a0
  li a0, MIP_VSTIP | MIP_VSSIP
  csrw hie, a0
  li a0, MSTATUS_SIE
  csrw vsstatus, a0
  CASE 15                                                       # Priv §9.2.3: the MTI taken from VS-mode is injected as hvip.VSTIP
  MTI_FROM VS
  li a0, MIP_VSTIP
  csrw hvip, a0
  CHECK_CSR_BITS hip, MIP_VSTIP, MIP_VSTIP
  CHECK_CSR vsip, MIP_STIP                                      # Priv §9.2.12: the guest sees it as sip.STIP

  CASE 16                                                       # Priv §9.2.2, §9.6.2: delegated by hideleg, it is taken in VS-mode as STI (vscause = interrupt | 5, vsepc = the guest instruction)
  TAKEN_IN VS
  CHECK_IN_VS CAUSE_INTERRUPT | 5
  csrr a0, vsepc
  CHECK_ADDR a0, 9b
  CHECK_CSR_BITS vsstatus, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP, MSTATUS_SPIE | MSTATUS_SPP

  CASE 17                                                       # Priv §9.1: in VU-mode VS-level interrupts are enabled whatever vsstatus.SIE (vsstatus.SPP = 0)
  csrw vsstatus, zero
  TAKEN_IN VU
  CHECK_IN_VS CAUSE_INTERRUPT | 5
  CHECK_CSR_BITS vsstatus, MSTATUS_SPP, 0

  CASE 18                                                       # Priv §9.2.3: VS-level interrupts are never taken with V = 0, even in U-mode
  NOT_TAKEN_IN U
  csrw hvip, zero

  CASE 19                                                       # Priv §9.2.3: the MSI taken from VU-mode is injected as hvip.VSSIP and taken in VS-mode as SSI (vscause = interrupt | 1)
  MSI_FROM VU
  csrwi hvip, MIP_VSSIP
  TAKEN_IN VU
  CHECK_IN_VS CAUSE_INTERRUPT | 1

  CASE 20                                                       # Priv §9.2.2: with hideleg = 0 the injected VSTI goes to HS-mode as itself (scause = interrupt | 6)
  csrw hvip, zero
  csrw hideleg, zero
  MTI_FROM VS
  li a0, MIP_VSTIP
  csrw hvip, a0
  TAKEN_IN VS
  CHECK_IN_HS CAUSE_INTERRUPT | 6
  CHECK_CSR_BITS hstatus, HSTATUS_SPV, HSTATUS_SPV

  CASE 21                                                       # Priv §9.5: an M-level interrupt outranks a pending VS-level one: with both pending, M takes the MTI first
  li a0, VS_INTERRUPTS
  csrw hideleg, a0
  li a0, CLINT_MTIMECMP
  sd zero, 0(a0)
  TAKEN_IN VS
  CHECK_CSR mcause, CAUSE_INTERRUPT | 7
  CHECK_FROM VS
  MTIMECMP_NEVER a0, a1
  li a0, MSTATUS_SIE
  csrw vsstatus, a0
  TAKEN_IN VS                                                   # ... then the guest gets its own
  CHECK_IN_VS CAUSE_INTERRUPT | 5
  csrw hvip, zero
  csrw mie, zero
  HYP_RESET

  j rvhv_pass
RVHV_CODE_END
