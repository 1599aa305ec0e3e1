# Virtual-instruction exceptions (cause 22, Priv §9.6.1): each case of the
# spec's list, and the neighbouring cases that stay illegal-instruction
# exceptions (the instruction is not HS-qualified, or FS = Off). mtval holds
# the instruction bits in both cases (Priv §9.6.1: "written the same as for
# an illegal-instruction trap").
#include "hyp.h"

HYP_CODE_BEGIN
  HYP_RESET

  # ---- Counters (Priv §9.2.6).
  li a0, 7
  csrw mcounteren, a0
  TEST_VIRTUAL_IN 1, VS, rdcycle a0                             # Priv §9.6.1: VS access to a counter with hcounteren bit 0 and mcounteren bit 1
  TEST_VIRTUAL_IN 2, VS, rdtime a0                              # Priv §9.6.1: ... time
  TEST_VIRTUAL_IN 3, VS, rdinstret a0                           # Priv §9.6.1: ... instret
  li a0, 7
  csrw hcounteren, a0
  TEST_OK_IN 4, VS, rdcycle a0                                  # Priv §9.2.6: with hcounteren and mcounteren bits set VS-mode reads the counter
  TEST_VIRTUAL_IN 5, VU, rdcycle a0                             # Priv §9.6.1: VU access with scounteren bit 0 (hcounteren, mcounteren 1)
  csrwi scounteren, 7
  TEST_OK_IN 6, VU, rdtime a0                                   # Priv §9.2.6: VU reads a counter enabled in all three registers
  csrw hcounteren, zero
  TEST_VIRTUAL_IN 7, VU, rdinstret a0                           # Priv §9.6.1: VU access with hcounteren bit 0 (scounteren, mcounteren 1)
  li a0, 7
  csrw hcounteren, a0
  csrw mcounteren, zero
  TEST_ILLEGAL_IN 8, VS, rdcycle a0                             # Priv §9.6.1, §3.1.11: with mcounteren bit 0 the access is illegal, not virtual
  TEST_ILLEGAL_IN 9, VU, rdtime a0                              # Priv §9.6.1, §3.1.11: ... also from VU-mode
  csrw hcounteren, zero
  TEST_ILLEGAL_IN 10, VS, rdinstret a0                          # Priv §9.6.1: mcounteren and hcounteren both 0: illegal
  li a0, 1 << 3
  csrw mcounteren, a0
  TEST_VIRTUAL_IN 73, VS, csrr a0, hpmcounter3                  # Priv §9.6.1: the same rule for an hpmcounter (hcounteren bit 3 = 0, mcounteren bit 3 = 1)
  csrw hcounteren, a0
  TEST_OK_IN 74, VS, csrr a0, hpmcounter3                       # Priv §9.2.6: ... readable once hcounteren bit 3 is set
  HYP_RESET

  # ---- Hypervisor instructions (Priv §9.3).
  TEST_VIRTUAL_IN 11, VS, hlv.d a0, (sp)                        # Priv §9.3.1: HLV with V=1 is a virtual instruction
  TEST_VIRTUAL_IN 12, VS, hlvx.wu a0, (sp)                      # Priv §9.3.1: HLVX with V=1
  TEST_VIRTUAL_IN 13, VS, hsv.w a0, (sp)                        # Priv §9.3.1: HSV with V=1
  TEST_VIRTUAL_IN 14, VU, hlv.b a0, (sp)                        # Priv §9.3.1: HLV in VU-mode
  TEST_VIRTUAL_IN 15, VU, hsv.b a0, (sp)                        # Priv §9.3.1: HSV in VU-mode
  TEST_VIRTUAL_IN 16, VS, hfence.vvma                           # Priv §9.3.2: HFENCE.VVMA with V=1
  TEST_VIRTUAL_IN 17, VS, hfence.gvma                           # Priv §9.3.2: HFENCE.GVMA with V=1
  TEST_VIRTUAL_IN 18, VU, hfence.vvma a0, a1                    # Priv §9.3.2: HFENCE.VVMA in VU-mode
  TEST_VIRTUAL_IN 19, VU, hfence.gvma a0                        # Priv §9.3.2: HFENCE.GVMA in VU-mode
  li a0, HSTATUS_HU
  csrw hstatus, a0
  TEST_VIRTUAL_IN 20, VU, hlv.w a0, (sp)                        # Priv §9.3.1: hstatus.HU does not make HLV valid in VU-mode

  # ---- Hypervisor and VS CSRs by their own numbers (Priv §9.2).
  HYP_RESET
  TEST_VIRTUAL_IN 21, VS, csrr a0, hstatus                      # Priv §9.6.1: VS access to a hypervisor CSR
  TEST_VIRTUAL_IN 22, VS, csrw hedeleg, zero                    # Priv §9.6.1: ... write
  TEST_VIRTUAL_IN 23, VS, csrr a0, hgatp                        # Priv §9.6.1: ... hgatp
  TEST_VIRTUAL_IN 24, VS, csrr a0, htimedelta                   # Priv §9.6.1: ... htimedelta
  TEST_VIRTUAL_IN 25, VS, csrr a0, hgeip                        # Priv §9.6.1: ... reading the read-only hgeip
  TEST_VIRTUAL_IN 26, VS, csrr a0, vsstatus                     # Priv §9.2: a VS CSR by its own number with V=1
  TEST_VIRTUAL_IN 27, VS, csrw vsatp, zero                      # Priv §9.2: ... vsatp
  TEST_VIRTUAL_IN 28, VS, csrr a0, vscause                      # Priv §9.2: ... vscause
  TEST_VIRTUAL_IN 29, VU, csrr a0, hstatus                      # Priv §9.6.1: VU access to a hypervisor CSR
  TEST_VIRTUAL_IN 30, VU, csrr a0, vsepc                        # Priv §9.6.1: VU access to a VS CSR
  li a0, MSTATUS_TVM
  csrs mstatus, a0
  TEST_VIRTUAL_IN 31, VS, csrr a0, hgatp                        # Priv §9.6.1: virtual "assuming mstatus.TVM = 0": TVM = 1 does not make it illegal
  li a0, MSTATUS_TVM
  csrc mstatus, a0
  TEST_ILLEGAL_IN 32, VS, csrw hgeip, a0                        # Priv §9.6.1: writing read-only hgeip is illegal in HS-mode, so it stays illegal with V=1
  TEST_ILLEGAL_IN 33, VS, csrr a0, mstatus                      # Priv §9.6.1: M-level CSRs are not HS-qualified: illegal
  TEST_ILLEGAL_IN 34, VS, csrr a0, mtinst                       # Priv §9.6.1: ... mtinst
  TEST_ILLEGAL_IN 35, VU, csrr a0, mscratch                     # Priv §9.6.1: ... from VU-mode
  TEST_ILLEGAL_IN 36, VS, mret                                  # Priv §9.6.1: MRET is not HS-qualified: illegal in VS-mode

  # ---- Supervisor CSRs and instructions from VU-mode.
  TEST_VIRTUAL_IN 37, VU, csrr a0, sstatus                      # Priv §9.6.1: VU access to a supervisor CSR allowed in HS-mode
  TEST_VIRTUAL_IN 38, VU, csrw sscratch, a0                     # Priv §9.6.1: ... sscratch
  TEST_VIRTUAL_IN 39, VU, csrr a0, satp                         # Priv §9.6.1: ... satp
  li a0, MSTATUS_TVM
  csrs mstatus, a0
  TEST_VIRTUAL_IN 40, VU, csrr a0, satp                         # Priv §9.6.1: virtual "assuming mstatus.TVM = 0"
  li a0, MSTATUS_TVM
  csrc mstatus, a0
  TEST_VIRTUAL_IN 41, VU, sret                                  # Priv §9.6.1: SRET in VU-mode
  TEST_VIRTUAL_IN 42, VU, sfence.vma                            # Priv §9.6.1: SFENCE.VMA in VU-mode
  TEST_VIRTUAL_IN 43, VU, wfi                                   # Priv §9.6.1: WFI in VU-mode with mstatus.TW = 0
  li a0, MSTATUS_TW
  csrs mstatus, a0
  TEST_ILLEGAL_IN 44, VU, wfi                                   # Priv §3.1.6.5: with mstatus.TW = 1 WFI below M is illegal, also in VU-mode
  TEST_ILLEGAL_IN 45, VS, wfi                                   # Priv §3.1.6.5: ... and in VS-mode
  li a0, HSTATUS_VTW
  csrw hstatus, a0
  TEST_ILLEGAL_IN 46, VS, wfi                                   # Priv §9.2.1: VTW applies only "assuming mstatus.TW = 0": TW = 1 wins, illegal
  li a0, MSTATUS_TW
  csrc mstatus, a0
  TEST_VIRTUAL_IN 47, VS, wfi                                   # Priv §9.6.1: WFI in VS-mode with hstatus.VTW = 1, mstatus.TW = 0
  csrw hstatus, zero
  li a0, VS_INTERRUPTS
  csrw hideleg, a0
  csrwi hvip, MIP_VSSIP
  csrwi mie, MIP_VSSIP
  TEST_OK_IN 48, VS, wfi                                        # Priv §3.3.3: with VTW = 0 WFI in VS-mode completes (a VS interrupt is pending and enabled in mie; vsstatus.SIE = 0 keeps it untaken)
  HYP_RESET

  # ---- SRET, SFENCE.VMA and satp in VS-mode.
  li a0, HSTATUS_VTSR
  csrw hstatus, a0
  TEST_VIRTUAL_IN 49, VS, sret                                  # Priv §9.2.1: SRET in VS-mode with hstatus.VTSR = 1
  li a0, HSTATUS_VTVM
  csrw hstatus, a0
  TEST_VIRTUAL_IN 50, VS, sfence.vma                            # Priv §9.2.1: SFENCE.VMA in VS-mode with hstatus.VTVM = 1
  TEST_VIRTUAL_IN 51, VS, sfence.vma a0, a1                     # Priv §9.2.1: ... with operands
  TEST_VIRTUAL_IN 52, VS, csrr a0, satp                         # Priv §9.2.1: satp access in VS-mode with hstatus.VTVM = 1
  TEST_VIRTUAL_IN 53, VS, csrw satp, zero                       # Priv §9.2.1: ... write
  csrw hstatus, zero
  li a0, MSTATUS_TVM | MSTATUS_TSR
  csrs mstatus, a0
  TEST_OK_IN 54, VS, sfence.vma                                 # Priv §9.4.1: mstatus.TVM affects HS-mode only: SFENCE.VMA is fine in VS-mode
  TEST_OK_IN 55, VS, csrr a0, satp                              # Priv §9.4.1: ... and so is satp (vsatp)

  CASE 56                                                       # Priv §9.4.1: mstatus.TSR affects HS-mode only: SRET in VS-mode returns (to vsepc, privilege vsstatus.SPP)
  GUEST_BEGIN VS
  la a0, 1f
  csrw sepc, a0
  li a0, MSTATUS_SPP
  csrs sstatus, a0
  sret
  FAIL_HERE
1:
  GUEST_END VS
  li a0, MSTATUS_TVM | MSTATUS_TSR
  csrc mstatus, a0

  # ---- Sstc: stimecmp (vstimecmp) with V=1 (Priv §9.2.5, §9.2.6).
  li a0, ENVCFG_STCE
  csrw menvcfg, a0
  li a0, 2
  csrw mcounteren, a0
  csrw hcounteren, a0
  TEST_VIRTUAL_IN 57, VS, csrr a0, stimecmp                     # Priv §9.2.5: henvcfg.STCE = 0 makes stimecmp (vstimecmp) a virtual instruction with V=1
  li a0, ENVCFG_STCE
  csrw henvcfg, a0
  TEST_OK_IN 58, VS, csrr a0, stimecmp                          # Priv §9.2.5: with menvcfg.STCE, henvcfg.STCE, mcounteren.TM, hcounteren.TM set, VS-mode may access it
  csrw hcounteren, zero
  TEST_VIRTUAL_IN 59, VS, csrr a0, stimecmp                     # Priv §9.2.6: hcounteren.TM = 0 (mcounteren.TM = 1): virtual
  TEST_VIRTUAL_IN 60, VU, csrr a0, stimecmp                     # Priv §9.6.1: VU access to stimecmp (allowed in HS-mode) is virtual
  csrw mcounteren, zero
  TEST_ILLEGAL_IN 61, VS, csrr a0, stimecmp                     # Sstc, Priv §3.1.11: mcounteren.TM = 0 makes stimecmp illegal below M
  TEST_ILLEGAL_IN 62, VU, csrr a0, stimecmp                     # Priv §9.6.1: ... not allowed in HS-mode either, so illegal (not virtual) from VU-mode
  li a0, 2
  csrw mcounteren, a0
  csrw menvcfg, zero
  TEST_ILLEGAL_IN 63, VS, csrr a0, stimecmp                     # Priv §3.1.18: menvcfg.STCE = 0 makes stimecmp illegal below M, with V=1 too
  TEST_ILLEGAL_IN 64, VU, csrr a0, stimecmp                     # Priv §9.6.1: ... not allowed in HS-mode, so illegal (not virtual) from VU-mode
  HYP_RESET

  # ---- FS = Off in vsstatus (Priv §9.2.11, §9.6.1).
  li a0, MSTATUS_FS_INITIAL
  csrs mstatus, a0
  csrw vsstatus, zero
  TEST_ILLEGAL_IN 65, VS, fadd.d fa0, fa1, fa2                  # Priv §9.6.1: FP with vsstatus.FS = 0 is illegal, never virtual
  TEST_ILLEGAL_IN 66, VS, csrr a0, fcsr                         # Priv §9.6.1: ... fcsr too
  TEST_ILLEGAL_IN 67, VU, fld fa0, 0(sp)                        # Priv §9.6.1: ... FP loads from VU-mode
  li a0, MSTATUS_FS_INITIAL
  csrw vsstatus, a0
  TEST_OK_IN 68, VS, fadd.d fa0, fa1, fa2                       # Priv §9.2.11: with both FS fields on, FP runs in VS-mode
  li a0, MSTATUS_FS
  csrc mstatus, a0
  TEST_ILLEGAL_IN 69, VS, fadd.d fa0, fa1, fa2                  # Priv §9.2.11: HS-level sstatus.FS = 0 also makes FP illegal with V=1
  li a0, MSTATUS_FS_INITIAL
  csrs mstatus, a0

  # ---- Cache-block operations (Priv §9.2.5 henvcfg.CBZE / CBCFE / CBIE).
  .option push
  .option arch, +zicboz, +zicbom
  la a1, HYP_PAGE(0)
  li a0, 0xf0                                                   # CBZE, CBCFE, CBIE = 11
  csrw menvcfg, a0
  TEST_VIRTUAL_IN 75, VS, cbo.zero 0(a1)                         # Priv §9.2.5: with henvcfg.CBZE = 0, CBO.ZERO (HS-qualified) in VS-mode is a virtual instruction
  TEST_VIRTUAL_IN 76, VS, cbo.clean 0(a1)                        # Priv §9.2.5: ... CBO.CLEAN with henvcfg.CBCFE = 0
  TEST_VIRTUAL_IN 77, VS, cbo.inval 0(a1)                        # Priv §9.2.5: ... CBO.INVAL with henvcfg.CBIE = 00
  li a0, 0xf0
  csrw henvcfg, a0
  TEST_OK_IN 78, VS, cbo.zero 0(a1)                              # Priv §9.2.5: with henvcfg.CBZE = 1 VS-mode may run CBO.ZERO
  TEST_VIRTUAL_IN 79, VU, cbo.zero 0(a1)                         # Zicboz: in VU-mode senvcfg.CBZE = 0 makes it a virtual instruction too
  csrw menvcfg, zero
  TEST_ILLEGAL_IN 80, VS, cbo.zero 0(a1)                         # Priv §3.1.18: menvcfg.CBZE = 0 makes CBO.ZERO illegal below M, V=1 included
  csrw henvcfg, zero
  .option pop

  # ---- Instructions that are valid with V=1 (no virtual-instruction trap).
  TEST_TRAP_IN 70, VS, CAUSE_ECALL_VS, zero, ecall              # Priv §9.6.1: ECALL from VS-mode is cause 10, mtval = 0
  TEST_TRAP_IN 71, VU, CAUSE_ECALL_U, zero, ecall               # Priv §9.6.1: ECALL from VU-mode is cause 8
  TEST_ILLEGAL_IN 72, VS, .4byte 0xfe0575b3                     # Priv §9.6.1: a reserved encoding is illegal, not virtual, with V=1

RVHV_CODE_END
