# VS-level interrupts (Priv §9.2.3, §9.5 "Traps"): hvip sources, hideleg
# delegation to VS-mode (with the cause translated 2 -> 1, 6 -> 5, 10 -> 9),
# enables (vsstatus.SIE, VU-mode always), HS-level handling when not
# delegated, priorities, VSTIP from vstimecmp + htimedelta (Sstc), and the
# vsip/vsie views.
#include "hyp.h"

/* Runs two NOPs in \mode and returns by ECALL: no interrupt may be taken. */
.macro NOT_TAKEN_IN mode
  GUEST_BEGIN \mode
  nop
  nop
  GUEST_END \mode
.endm

/* Enters \mode and expects an interrupt before the first instruction runs;
   the caller checks where it went. */
.macro TAKEN_IN mode
  GUEST_BEGIN \mode
  nop
  GUEST_TRAPPED
.endm

HYP_CODE_BEGIN
  HYP_RESET

  # ---- VSSIP delegated to VS-mode.
  li a0, VS_INTERRUPTS
  csrw hideleg, a0
  csrwi hvip, MIP_VSSIP
  csrwi hie, MIP_VSSIP
  li a0, MSTATUS_SIE
  csrw vsstatus, a0

  CASE 1                                                        # Priv §9.2.3: a VS-level interrupt is never taken while V=0 (HS-mode with SIE = 1)
  li a0, MSTATUS_SIE
  csrs mstatus, a0
  NOT_TAKEN_IN HS
  li a0, MSTATUS_SIE
  csrc mstatus, a0

  CASE 2                                                        # Priv §9.2.2: delegated by hideleg, VSSI is taken in VS-mode as a supervisor software interrupt (vscause = interrupt | 1)
  TAKEN_IN VS
  CHECK_IN_VS CAUSE_INTERRUPT | 1
  csrr a0, vsepc
  CHECK_ADDR a0, 9b
  CHECK_CSR_BITS vsstatus, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP, MSTATUS_SPIE | MSTATUS_SPP

  CASE 3                                                        # Priv §9.1: VS-level interrupts are enabled in VU-mode whatever vsstatus.SIE
  csrw vsstatus, zero
  TAKEN_IN VU
  CHECK_IN_VS CAUSE_INTERRUPT | 1
  CHECK_CSR_BITS vsstatus, MSTATUS_SPP, 0

  CASE 4                                                        # Priv §4.1.1: in VS-mode with vsstatus.SIE = 0 it waits
  csrw vsstatus, zero
  NOT_TAKEN_IN VS

  CASE 5                                                        # Priv §9.2.12: with vsie.SSIE (hie.VSSIE) = 0 it is not taken, even in VU-mode
  csrw hie, zero
  NOT_TAKEN_IN VU

  # ---- Not delegated: HS-mode takes VS-level interrupts as themselves.
  csrw hideleg, zero
  csrwi hie, MIP_VSSIP
  CASE 6                                                        # Priv §9.2.3: with hideleg bit 2 = 0, VSSI from VS-mode traps to HS (HS interrupts are enabled while V=1) as cause 2
  csrw hstatus, zero
  TAKEN_IN VS
  CHECK_IN_HS CAUSE_INTERRUPT | 2
  csrr a0, sepc
  CHECK_ADDR a0, 9b
  CHECK_CSR_BITS hstatus, HSTATUS_SPV | HSTATUS_SPVP | HSTATUS_GVA, HSTATUS_SPV | HSTATUS_SPVP
  CHECK_CSR htval, 0
  CHECK_CSR htinst, 0                                           # Priv §9.6.3: on an interrupt htinst is always 0

  CASE 7                                                        # Priv §9.2.3: ... with V=0 in HS-mode it is taken only when sstatus.SIE = 1
  NOT_TAKEN_IN HS
  li a0, MSTATUS_SIE
  csrs mstatus, a0
  TAKEN_IN HS
  CHECK_IN_HS CAUSE_INTERRUPT | 2
  CHECK_CSR_BITS hstatus, HSTATUS_SPV, 0

  CASE 8                                                        # Priv §9.2.3: ... and always from U-mode
  li a0, MSTATUS_SIE
  csrc mstatus, a0
  TAKEN_IN U
  CHECK_IN_HS CAUSE_INTERRUPT | 2
  csrw hvip, zero
  csrw hie, zero

  # ---- Priorities (Priv §3.1.9, §9.2.3).
  CASE 9                                                        # Priv §9.2.3: among VS-level interrupts for HS-mode the order is VSEI, VSSI, VSTI
  li a0, VS_INTERRUPTS
  csrw hvip, a0
  csrw hie, a0
  TAKEN_IN VS
  CHECK_IN_HS CAUSE_INTERRUPT | 10
  li a0, MIP_VSSIP | MIP_VSTIP
  csrw hvip, a0
  TAKEN_IN VS
  CHECK_IN_HS CAUSE_INTERRUPT | 2
  li a0, MIP_VSTIP
  csrw hvip, a0
  TAKEN_IN VS
  CHECK_IN_HS CAUSE_INTERRUPT | 6

  CASE 10                                                       # Priv §3.1.9: delegated to VS they arrive as SEI (9), SSI (1), STI (5) in that order
  li a0, VS_INTERRUPTS
  csrw hideleg, a0
  li a0, MSTATUS_SIE
  csrw vsstatus, a0
  li a0, VS_INTERRUPTS
  csrw hvip, a0
  TAKEN_IN VS
  CHECK_IN_VS CAUSE_INTERRUPT | 9
  li a0, MSTATUS_SIE
  csrw vsstatus, a0
  li a0, MIP_VSSIP | MIP_VSTIP
  csrw hvip, a0
  TAKEN_IN VS
  CHECK_IN_VS CAUSE_INTERRUPT | 1
  li a0, MSTATUS_SIE
  csrw vsstatus, a0
  li a0, MIP_VSTIP
  csrw hvip, a0
  TAKEN_IN VS
  CHECK_IN_VS CAUSE_INTERRUPT | 5

  CASE 11                                                       # Priv §9.5: an HS-level interrupt (SSI, delegated by mideleg) outranks a VS-level one
  li a0, MSTATUS_SIE
  csrw vsstatus, a0
  csrwi hvip, MIP_VSSIP
  li a0, MIP_SSIP
  csrw mideleg, a0
  li a0, MIP_SSIP | MIP_VSSIP
  csrw mie, a0
  csrsi mip, MIP_SSIP
  TAKEN_IN VS
  CHECK_IN_HS CAUSE_INTERRUPT | 1

  CASE 12                                                       # Priv §9.5: an M-level interrupt (SSI not delegated) outranks both; MPV = 1
  csrw mideleg, zero
  TAKEN_IN VS
  CHECK_CSR mcause, CAUSE_INTERRUPT | 1
  CHECK_FROM VS
  CHECK_CSR mtinst, 0
  CHECK_CSR mtval2, 0
  CHECK_CSR_BITS mstatus, MSTATUS_GVA, 0
  csrw mip, zero
  csrw mie, zero
  csrw hvip, zero

  # ---- vsip / vsie views (Priv §9.2.12).
  CASE 13                                                       # Priv §9.2.12: bits not delegated by hideleg read 0 in vsip and vsie
  csrw hideleg, zero
  li a0, VS_INTERRUPTS
  csrw hvip, a0
  csrw hie, a0
  CHECK_CSR vsip, 0
  CHECK_CSR vsie, 0

  CASE 14                                                       # Priv §9.2.12: delegated bits show hip/hie's VS bits shifted down one
  li a0, VS_INTERRUPTS
  csrw hideleg, a0
  CHECK_CSR vsip, MIP_SSIP | MIP_STIP | MIP_SEIP
  CHECK_CSR vsie, MIP_SSIP | MIP_STIP | MIP_SEIP
  csrwi hideleg, MIP_VSSIP
  CHECK_CSR vsip, MIP_SSIP
  CHECK_CSR vsie, MIP_SSIP

  CASE 15                                                       # Priv §9.2.12: vsip.SSIP and vsie are writable only where delegated
  csrw hvip, zero
  csrw hie, zero
  csrw hideleg, zero
  li a0, MIP_SSIP | MIP_STIP | MIP_SEIP
  csrw vsip, a0
  csrw vsie, a0
  CHECK_CSR hvip, 0
  CHECK_CSR hie, 0
  li a0, VS_INTERRUPTS
  csrw hideleg, a0
  li a0, MIP_SSIP | MIP_STIP | MIP_SEIP
  csrw vsip, a0
  csrw vsie, a0
  CHECK_CSR hvip, MIP_VSSIP                                     # only SSIP is writable in vsip (hip.VSSIP)
  CHECK_CSR hie, VS_INTERRUPTS
  HYP_RESET

  # ---- VSTIP from vstimecmp (Priv §9.2.19, Sstc).
  li a0, ENVCFG_STCE
  csrw menvcfg, a0
  csrw henvcfg, a0
  CASE 16                                                       # Priv §9.2.19: VSTIP is pending when time + htimedelta >= vstimecmp (visible with V=0 too)
  li a0, 1 << 40
  csrw htimedelta, a0
  csrw vstimecmp, a0
  CHECK_CSR_BITS hip, MIP_VSTIP, MIP_VSTIP
  CHECK_CSR hvip, 0

  CASE 17                                                       # Priv §9.2.19: a vstimecmp above time + htimedelta clears it
  li a0, -1
  csrw vstimecmp, a0
  CHECK_CSR_BITS hip, MIP_VSTIP, 0

  CASE 18                                                       # Priv §9.2.7, §9.2.19: the comparison uses time + htimedelta (htimedelta = 0: not yet due)
  csrw htimedelta, zero
  li a0, 1 << 40
  csrw vstimecmp, a0
  CHECK_CSR_BITS hip, MIP_VSTIP, 0

  CASE 19                                                       # Priv §9.2.19: the sum wraps at 64 bits (htimedelta = -1 plus time >= 1 wraps to a small value)
  li a0, -1
  csrw htimedelta, a0
  CHECK_CSR_BITS hip, MIP_VSTIP, 0
  li a0, (1 << 40) - 1
  csrw htimedelta, a0
  CHECK_CSR_BITS hip, MIP_VSTIP, MIP_VSTIP

  CASE 20                                                       # Priv §9.2.5: with henvcfg.STCE = 0 hip.VSTIP reverts to hvip.VSTIP alone
  csrw henvcfg, zero
  CHECK_CSR_BITS hip, MIP_VSTIP, 0
  li a0, MIP_VSTIP
  csrw hvip, a0
  CHECK_CSR_BITS hip, MIP_VSTIP, MIP_VSTIP
  csrw hvip, zero
  li a0, ENVCFG_STCE
  csrw henvcfg, a0

  CASE 21                                                       # Priv §9.2.19: the vstimecmp interrupt is taken in VS-mode (delegated) as STI (vscause = interrupt | 5)
  li a0, VS_INTERRUPTS
  csrw hideleg, a0
  li a0, MIP_VSTIP
  csrw hie, a0
  li a0, MSTATUS_SIE
  csrw vsstatus, a0
  TAKEN_IN VS
  CHECK_IN_VS CAUSE_INTERRUPT | 5

  CASE 22                                                       # Priv §9.2.19: the guest clears it by writing a later stimecmp (vstimecmp) itself
  li a0, 2
  csrw mcounteren, a0
  csrw hcounteren, a0
  li a1, -1
  GUEST_BEGIN VS
  csrw stimecmp, a1
  csrsi sstatus, MSTATUS_SIE
  nop
  GUEST_END VS
  CHECK_CSR_BITS hip, MIP_VSTIP, 0
  HYP_RESET

  # ---- Vectored vstvec / stvec (Priv §4.1.2 with the cause translation).
  CASE 23                                                       # Priv §9.2.2, §4.1.2: a vectored vstvec dispatches VSSI to BASE + 4 * 1 (the translated cause)
  la a0, vs_vectors
  ori a0, a0, 1
  csrw vstvec, a0
  li a0, VS_INTERRUPTS
  csrw hideleg, a0
  csrwi hvip, MIP_VSSIP
  csrwi hie, MIP_VSSIP
  li a0, MSTATUS_SIE
  csrw vsstatus, a0
  li s10, -1
  TAKEN_IN VS
  CHECK_CSR mcause, CAUSE_ECALL_VS
  CHECK s10, 1
  CHECK_CSR vscause, CAUSE_INTERRUPT | 1

  CASE 24                                                       # Priv §4.1.2: a vectored stvec dispatches the undelegated VSSI to BASE + 4 * 2
  la a0, vs_vectors
  ori a0, a0, 1
  csrw stvec, a0
  csrw hideleg, zero
  li s10, -1
  TAKEN_IN VS
  CHECK_CSR mcause, CAUSE_ECALL_HS
  CHECK s10, 2
  CHECK_CSR scause, CAUSE_INTERRUPT | 2
  HYP_RESET

  CASE 25                                                       # Priv §9.2.3: without guest external interrupt lines hip.SGEIP stays 0 whatever hgeie
  li a0, -1
  csrw hgeie, a0
  CHECK_CSR_BITS hip, MIP_SGEIP, 0
  CHECK_CSR_BITS mip, MIP_SGEIP, 0
  csrw hgeie, zero

  CASE 26                                                       # Priv §9.2.19: once time + htimedelta reaches vstimecmp, hip.VSTIP becomes pending "eventually" without any CSR write
  li a0, ENVCFG_STCE
  csrw menvcfg, a0
  csrw henvcfg, a0
  rdtime a0
  addi a0, a0, 1000
  csrw vstimecmp, a0
  CHECK_CSR_BITS hip, MIP_VSTIP, 0
  li a1, 300000                                                 # iterations to wait (time counts instructions on the bare machine)
1:
  csrr a0, hip
  andi a0, a0, MIP_VSTIP
  bnez a0, 2f
  addi a1, a1, -1
  bnez a1, 1b
  FAIL_HERE
2:
  HYP_RESET

  j rvhv_pass

  /* Vector table: entry k records k in s10 and returns to M by ECALL. */
  .balign 256
vs_vectors:
  .irp k, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
  j vs_vector_\k
  .endr
  .irp k, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
vs_vector_\k:
  li s10, \k
  ecall
  .endr

RVHV_CODE_END
