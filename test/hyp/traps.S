# Trap entry and return with the hypervisor extension (Priv §9.6): the
# delegation chain M -> HS -> VS (medeleg, hedeleg), the state each target
# writes (MPV/GVA, SPV/SPVP/GVA/htval/htinst, vs*), ECALL causes, and
# MRET/SRET choosing V.
#include "hyp.h"

/* Presets trap CSRs to junk so that tests can see what a trap wrote. */
.macro JUNK_TRAP_CSRS
  li t6, 0x5a5a5a5a
  csrw mtval, t6
  csrw mtval2, t6
  csrw mtinst, t6
  csrw stval, t6
  csrw htval, t6
  csrw htinst, t6
  csrw scause, t6
  csrw sepc, zero
  csrw vstval, t6
  csrw vscause, t6
  csrw vsepc, zero
  li t6, MSTATUS_GVA
  csrs mstatus, t6
.endm

HYP_CODE_BEGIN
  HYP_RESET

  # ---- Traps into M-mode from V=1 (Priv §9.6.2, §9.4.1).
  CASE 1                                                        # Priv §9.6.2: an illegal instruction in VS-mode, not delegated, traps to M with MPV=1, MPP=S
  JUNK_TRAP_CSRS
  GUEST_BEGIN VS
1:
  .4byte 0xfe0575b3
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_ILLEGAL
  csrr a0, mepc
  CHECK_ADDR a0, 1b
  CHECK_CSR mtval, 0xfe0575b3
  CHECK_FROM VS
  CHECK_CSR_BITS mstatus, MSTATUS_GVA, 0                        # Priv §9.4.1: GVA = 0 for a trap whose mtval is not a guest virtual address
  CHECK_CSR mtval2, 0                                           # Priv §9.4.4: mtval2 = 0 for traps other than guest-page faults
  CHECK_CSR mtinst, 0                                           # Priv §9.6.3: no transformation is defined for illegal instructions: mtinst = 0

  CASE 2                                                        # Priv §9.6.2: from VU-mode: MPV=1, MPP=U
  GUEST_BEGIN VU
1:
  .4byte 0xfe0575b3
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_ILLEGAL
  csrr a0, mepc
  CHECK_ADDR a0, 1b
  CHECK_FROM VU

  CASE 3                                                        # Priv §9.6.2: hedeleg alone does not delegate: the trap must first be delegated by medeleg
  li a0, 1 << CAUSE_ILLEGAL
  csrw hedeleg, a0
  GUEST_BEGIN VS
  .4byte 0xfe0575b3
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_ILLEGAL
  CHECK_FROM VS
  csrw hedeleg, zero

  # ---- Traps into HS-mode (Priv §9.6.2).
  CASE 4                                                        # Priv §9.6.2: delegated by medeleg only, a VS-mode trap goes to HS: scause/sepc/stval, SPV=1, SPVP=SPP=1, V=0
  JUNK_TRAP_CSRS
  li a0, 1 << CAUSE_ILLEGAL
  csrw medeleg, a0
  li a0, MSTATUS_SIE
  csrs mstatus, a0
  csrw hstatus, zero
  GUEST_BEGIN VS
1:
  .4byte 0xfe0575b3
  GUEST_TRAPPED
  CHECK_IN_HS CAUSE_ILLEGAL
  csrr a0, sepc
  CHECK_ADDR a0, 1b
  CHECK_CSR stval, 0xfe0575b3
  CHECK_CSR_BITS hstatus, HSTATUS_SPV | HSTATUS_SPVP | HSTATUS_GVA, HSTATUS_SPV | HSTATUS_SPVP
  CHECK_CSR_BITS mstatus, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPP | MSTATUS_SPIE
  CHECK_CSR htval, 0                                            # Priv §9.2.9: htval = 0 for traps other than guest-page faults
  CHECK_CSR htinst, 0                                           # Priv §9.6.3: no transformation for illegal instructions
  CHECK_CSR vscause, 0x5a5a5a5a                                 # Priv §9.6.2: the VS CSRs are untouched
  CHECK_CSR vstval, 0x5a5a5a5a

  CASE 5                                                        # Priv §9.6.2: from VU-mode to HS: SPV=1, SPVP=0, SPP=0
  li a0, HSTATUS_SPVP
  csrw hstatus, a0
  GUEST_BEGIN VU
  .4byte 0xfe0575b3
  GUEST_TRAPPED
  CHECK_IN_HS CAUSE_ILLEGAL
  CHECK_CSR_BITS hstatus, HSTATUS_SPV | HSTATUS_SPVP, HSTATUS_SPV
  CHECK_CSR_BITS mstatus, MSTATUS_SPP, 0

  CASE 6                                                        # Priv §9.2.1: a trap from V=0 into HS leaves SPVP unchanged and sets SPV=0
  li a0, HSTATUS_SPVP | HSTATUS_SPV
  csrw hstatus, a0
  GUEST_BEGIN U
  .4byte 0xfe0575b3
  GUEST_TRAPPED
  CHECK_IN_HS CAUSE_ILLEGAL
  CHECK_CSR_BITS hstatus, HSTATUS_SPV | HSTATUS_SPVP, HSTATUS_SPVP
  csrw hstatus, zero
  GUEST_BEGIN U
  .4byte 0xfe0575b3
  GUEST_TRAPPED
  CHECK_IN_HS CAUSE_ILLEGAL
  CHECK_CSR_BITS hstatus, HSTATUS_SPV | HSTATUS_SPVP, 0

  # ---- Traps into VS-mode (Priv §9.6.2).
  CASE 7                                                        # Priv §9.6.2: delegated by medeleg and hedeleg, a VS-mode trap goes to VS: vsepc/vscause/vstval, vsstatus.SPP=1, SPIE=SIE, V stays 1
  JUNK_TRAP_CSRS
  li a0, 1 << CAUSE_ILLEGAL
  csrw medeleg, a0
  csrw hedeleg, a0
  csrw hstatus, zero
  li a0, MSTATUS_SIE
  csrw vsstatus, a0
  csrc mstatus, a0
  GUEST_BEGIN VS
1:
  .4byte 0xfe0575b3
  GUEST_TRAPPED
  CHECK_IN_VS CAUSE_ILLEGAL
  csrr a0, vsepc
  CHECK_ADDR a0, 1b
  CHECK_CSR vstval, 0xfe0575b3
  CHECK_CSR_BITS vsstatus, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPP | MSTATUS_SPIE
  CHECK_CSR scause, 0x5a5a5a5a                                  # Priv §9.6.2: hstatus and the HS-level CSRs are not modified
  CHECK_CSR stval, 0x5a5a5a5a
  CHECK_CSR_BITS hstatus, HSTATUS_SPV | HSTATUS_SPVP | HSTATUS_GVA, 0
  CHECK_CSR_BITS mstatus, MSTATUS_SPIE, 0

  CASE 8                                                        # Priv §9.6.2: from VU-mode to VS: vsstatus.SPP=0
  li a0, MSTATUS_SPP
  csrw vsstatus, a0
  GUEST_BEGIN VU
1:
  .4byte 0xfe0575b3
  GUEST_TRAPPED
  CHECK_IN_VS CAUSE_ILLEGAL
  csrr a0, vsepc
  CHECK_ADDR a0, 1b
  CHECK_CSR_BITS vsstatus, MSTATUS_SPP, 0

  CASE 9                                                        # Priv §9.6.2: with V=0 hedeleg does not apply: a U-mode trap delegated by medeleg goes to HS
  GUEST_BEGIN U
  .4byte 0xfe0575b3
  GUEST_TRAPPED
  CHECK_IN_HS CAUSE_ILLEGAL
  HYP_RESET

  # ---- ECALL (Priv §9.6.1).
  CASE 10                                                       # Priv §9.6.1: ECALL from VS-mode (cause 10) is delegable to HS with medeleg bit 10
  li a0, 1 << CAUSE_ECALL_VS
  csrw medeleg, a0
  li a0, -1
  csrw hedeleg, a0                                              # bit 10 is read-only 0: it cannot reach VS-mode
  GUEST_BEGIN VS
1:
  ecall
  GUEST_TRAPPED
  CHECK_IN_HS CAUSE_ECALL_VS
  csrr a0, sepc
  CHECK_ADDR a0, 1b
  CHECK_CSR stval, 0
  CHECK_CSR_BITS hstatus, HSTATUS_SPV | HSTATUS_GVA, HSTATUS_SPV
  HYP_RESET

  CASE 11                                                       # Priv §9.6.1: ECALL from VU-mode (cause 8) can go to VS-mode (hedeleg bit 8 is writable)
  li a0, 1 << CAUSE_ECALL_U
  csrw medeleg, a0
  csrw hedeleg, a0
  GUEST_BEGIN VU
1:
  ecall
  GUEST_TRAPPED
  CHECK_IN_VS CAUSE_ECALL_U
  csrr a0, vsepc
  CHECK_ADDR a0, 1b
  HYP_RESET

  CASE 12                                                       # Priv §9.6.1: ECALL from HS-mode is cause 9 (the HS/VS distinction)
  GUEST_BEGIN HS
1:
  ecall
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_ECALL_HS
  csrr a0, mepc
  CHECK_ADDR a0, 1b
  CHECK_FROM HS

  # ---- GVA with breakpoints and access faults (Priv §9.2.1, §9.4.1).
  CASE 13                                                       # Priv §9.4.1: EBREAK in VS-mode: GVA = 1 exactly when mtval is (nonzero, a guest virtual address)
  JUNK_TRAP_CSRS
  GUEST_BEGIN VS
1:
  ebreak
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_BREAKPOINT
  CHECK_FROM VS
  csrr a0, mtval
  csrr a1, mstatus
  srli a1, a1, 38
  andi a1, a1, 1
  snez a0, a0
  CHECK_REG a0, a1

  CASE 14                                                       # Priv §9.4.1: EBREAK in HS-mode (V=0): GVA = 0
  JUNK_TRAP_CSRS
  GUEST_BEGIN HS
  ebreak
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_BREAKPOINT
  CHECK_CSR_BITS mstatus, MSTATUS_GVA, 0

  CASE 15                                                       # Priv §9.4.1, §9.6.3: load access fault in VS-mode: mtval = the guest address, GVA=1, mtval2=0, mtinst 0 or the transformed load
  JUNK_TRAP_CSRS
  li a1, 0x1000                                                 # nothing there (RAM starts at 0x80000000; hgatp and vsatp are Bare)
  GUEST_BEGIN VS
  ld a0, 8(a1)
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_LOAD_ACCESS
  CHECK_CSR mtval, 0x1008
  CHECK_FROM VS
  CHECK_CSR_BITS mstatus, MSTATUS_GVA, MSTATUS_GVA
  CHECK_CSR mtval2, 0
  csrr a0, mtinst
  beqz a0, 1f
  CHECK a0, 0x3503                                              # ld a0, 0(0): funct3 = 3, rd = a0, imm and rs1 (offset 0) zeroed
1:

  CASE 16                                                       # Priv §9.2.1: the same fault delegated to HS: stval = guest address, hstatus.GVA=1, htval=0
  JUNK_TRAP_CSRS
  li a0, 1 << CAUSE_STORE_ACCESS
  csrw medeleg, a0
  li a1, 0x1000
  li a2, 0x1234
  GUEST_BEGIN VS
  sw a2, 4(a1)
  GUEST_TRAPPED
  CHECK_IN_HS CAUSE_STORE_ACCESS
  CHECK_CSR stval, 0x1004
  CHECK_CSR_BITS hstatus, HSTATUS_GVA | HSTATUS_SPV, HSTATUS_GVA | HSTATUS_SPV
  CHECK_CSR htval, 0
  csrr a0, htinst
  beqz a0, 1f
  CHECK a0, 0x00c02023                                          # sw a2, 0(0): rs2 = a2, funct3 = 2, imm and rs1 zeroed
1:

  CASE 17                                                       # Priv §9.2.1: an access fault from HS-mode (V=0) into HS sets GVA = 0
  JUNK_TRAP_CSRS
  li a0, HSTATUS_GVA
  csrw hstatus, a0
  li a1, 0x1000
  GUEST_BEGIN HS
  sw a2, 4(a1)
  GUEST_TRAPPED
  CHECK_IN_HS CAUSE_STORE_ACCESS
  CHECK_CSR_BITS hstatus, HSTATUS_GVA | HSTATUS_SPV, 0
  HYP_RESET

  # ---- SRET and MRET choosing V (Priv §9.6.4).
  CASE 18                                                       # Priv §9.6.4: SRET in HS-mode with SPV=1, SPP=1 enters VS-mode and clears SPV
  GUEST_BEGIN HS
  li a0, HSTATUS_SPV
  csrw hstatus, a0
  li a0, MSTATUS_SPP
  csrs sstatus, a0
  la a0, 1f
  csrw sepc, a0
  sret
  FAIL_HERE
1:
  ecall
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_ECALL_VS
  CHECK_FROM VS
  CHECK_CSR_BITS hstatus, HSTATUS_SPV, 0

  CASE 19                                                       # Priv §9.6.4: SRET in HS-mode with SPV=1, SPP=0 enters VU-mode
  GUEST_BEGIN HS
  li a0, HSTATUS_SPV
  csrw hstatus, a0
  li a0, MSTATUS_SPP
  csrc sstatus, a0
  la a0, 1f
  csrw sepc, a0
  sret
  FAIL_HERE
1:
  ecall
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_ECALL_U
  CHECK_FROM VU

  CASE 20                                                       # Priv §9.6.4: SRET in HS-mode with SPV=0 stays at V=0 (HS with SPP=1)
  GUEST_BEGIN HS
  csrw hstatus, zero
  li a0, MSTATUS_SPP
  csrs sstatus, a0
  la a0, 1f
  csrw sepc, a0
  sret
  FAIL_HERE
1:
  ecall
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_ECALL_HS
  CHECK_FROM HS

  CASE 21                                                       # Priv §9.6.4: SRET in M-mode (V=0) also takes V from hstatus.SPV
  li a0, HSTATUS_SPV
  csrw hstatus, a0
  li a0, MSTATUS_SPP
  csrs mstatus, a0
  la a0, 1f
  csrw sepc, a0
  la tp, 2f
  sret
  FAIL_HERE
1:
  ecall
2:
  li tp, 0
  CHECK_CSR mcause, CAUSE_ECALL_VS
  CHECK_FROM VS
  CHECK_CSR_BITS hstatus, HSTATUS_SPV, 0

  CASE 22                                                       # Priv §9.6.4: in VS-mode SRET uses vsstatus.SPP and vsepc and keeps V=1 (to VU here)
  GUEST_BEGIN VS
  li a0, MSTATUS_SPP
  csrc sstatus, a0
  la a0, 1f
  csrw sepc, a0
  sret
  FAIL_HERE
1:
  ecall
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_ECALL_U
  CHECK_FROM VU

  CASE 23                                                       # Priv §9.6.4: MRET with MPV=1, MPP=S enters VS-mode
  GUEST_BEGIN VS
  ecall
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_ECALL_VS
  CHECK_FROM VS

  CASE 24                                                       # Priv §9.6.4: MRET with MPV=1, MPP=U enters VU-mode
  GUEST_BEGIN VU
  ecall
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_ECALL_U
  CHECK_FROM VU

  CASE 25                                                       # Priv §9.4.1: MRET with MPP=M ignores MPV (V stays 0) and clears MPV
  li a0, MSTATUS_MPP_M | MSTATUS_MPV
  csrs mstatus, a0
  la a0, 1f
  csrw mepc, a0
  la tp, 2f
  mret
  FAIL_HERE
1:
  csrr a0, mstatus                                              # M-mode: readable without a trap
  li a1, MSTATUS_MPV
  and a0, a0, a1
  CHECK a0, 0
  ecall
2:
  li tp, 0
  CHECK_CSR mcause, CAUSE_ECALL_M
  CHECK_FROM M

  CASE 26                                                       # Priv §9.6.4: MRET into HS-mode (MPV=0) leaves V=0
  GUEST_BEGIN HS
  ecall
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_ECALL_HS
  CHECK_FROM HS

RVHV_CODE_END
