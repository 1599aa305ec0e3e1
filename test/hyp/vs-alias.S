# With V = 1 the supervisor CSR numbers reach the VS copies (Priv §9.2
# "Hypervisor and Virtual Supervisor CSRs"): each case writes through the S
# number in VS-mode and checks from M-mode that the vs* CSR changed and the
# HS-level one did not. Also: CSRs without a VS copy, htimedelta on `time`,
# and FS in both sstatus and vsstatus.
#include "hyp.h"

HYP_CODE_BEGIN
  HYP_RESET

  CASE 1                                                        # Priv §9.2.11: with V=1 sstatus reads and writes vsstatus; HS sstatus keeps its value
  li a0, MSTATUS_MXR
  csrw vsstatus, a0
  GUEST_BEGIN VS
  csrr s0, sstatus
  li a0, MSTATUS_SUM
  csrs sstatus, a0
  GUEST_END VS
  li a0, MSTATUS_MXR | MSTATUS_SUM
  and s0, s0, a0
  CHECK s0, MSTATUS_MXR
  CHECK_CSR_BITS vsstatus, MSTATUS_MXR | MSTATUS_SUM, MSTATUS_MXR | MSTATUS_SUM
  CHECK_CSR_BITS mstatus, MSTATUS_MXR | MSTATUS_SUM, 0
  csrw vsstatus, zero

  CASE 2                                                        # Priv §9.2.12: with V=1 sie is vsie: SSIE/STIE/SEIE map to hie.VSSIE/VSTIE/VSEIE (delegated by hideleg)
  li a0, VS_INTERRUPTS
  csrw hideleg, a0
  GUEST_BEGIN VS
  li a0, MIP_SSIP | MIP_STIP | MIP_SEIP
  csrw sie, a0
  csrr s0, sie
  GUEST_END VS
  CHECK s0, MIP_SSIP | MIP_STIP | MIP_SEIP
  CHECK_CSR vsie, MIP_SSIP | MIP_STIP | MIP_SEIP
  CHECK_CSR mie, VS_INTERRUPTS
  CHECK_CSR sie, 0
  csrw mie, zero

  CASE 3                                                        # Priv §9.2.12: with V=1 sip is vsip; vsip.SSIP is hip.VSSIP, hence hvip.VSSIP
  GUEST_BEGIN VS
  csrsi sip, MIP_SSIP
  csrr s0, sip
  GUEST_END VS
  CHECK s0, MIP_SSIP
  CHECK_CSR hvip, MIP_VSSIP
  CHECK_CSR vsip, MIP_SSIP
  CHECK_CSR_BITS mip, MIP_SSIP, 0
  csrw hvip, zero
  csrw hideleg, zero

  CASE 4                                                        # Priv §9.2.13: with V=1 stvec is vstvec
  la s1, HYP_PAGE(0)
  GUEST_BEGIN VS
  csrr s0, stvec
  csrw stvec, s1
  GUEST_END VS
  CHECK_ADDR s0, hyp_vs_vector
  csrr a0, vstvec
  CHECK_ADDR a0, HYP_PAGE(0)
  csrr a0, stvec
  CHECK_ADDR a0, hyp_hs_vector
  la a0, hyp_vs_vector
  csrw vstvec, a0

  CASE 5                                                        # Priv §9.2.14: with V=1 sscratch is vsscratch
  li a0, 0x1111
  csrw vsscratch, a0
  li a0, 0x3333
  csrw sscratch, a0
  GUEST_BEGIN VS
  li a0, 0x2222
  csrrw s0, sscratch, a0
  GUEST_END VS
  CHECK s0, 0x1111
  CHECK_CSR vsscratch, 0x2222
  CHECK_CSR sscratch, 0x3333

  CASE 6                                                        # Priv §9.2.15: with V=1 sepc is vsepc
  li a0, 0x1110
  csrw vsepc, a0
  li a0, 0x3330
  csrw sepc, a0
  GUEST_BEGIN VS
  li a0, 0x2220
  csrrw s0, sepc, a0
  GUEST_END VS
  CHECK s0, 0x1110
  CHECK_CSR vsepc, 0x2220
  CHECK_CSR sepc, 0x3330

  CASE 7                                                        # Priv §9.2.16: with V=1 scause is vscause
  li a0, 0x11
  csrw vscause, a0
  li a0, 0x33
  csrw scause, a0
  GUEST_BEGIN VS
  li a0, 0x22
  csrrw s0, scause, a0
  GUEST_END VS
  CHECK s0, 0x11
  CHECK_CSR vscause, 0x22
  CHECK_CSR scause, 0x33

  CASE 8                                                        # Priv §9.2.17: with V=1 stval is vstval
  li a0, 0x1111
  csrw vstval, a0
  li a0, 0x3333
  csrw stval, a0
  GUEST_BEGIN VS
  li a0, 0x2222
  csrrw s0, stval, a0
  GUEST_END VS
  CHECK s0, 0x1111
  CHECK_CSR vstval, 0x2222
  CHECK_CSR stval, 0x3333

  CASE 9                                                        # Priv §9.2.18: with V=1 satp is vsatp (writing it turns VS-stage translation on at once)
  HYP_SETUP_2STAGE VSPTE_S
  csrr s1, vsatp
  csrw vsatp, zero
  GUEST_BEGIN VS
  csrw satp, s1
  csrr s0, satp
  GUEST_END VS
  CHECK_REG s0, s1
  csrr a0, vsatp
  CHECK_REG a0, s1
  CHECK_CSR satp, 0

  CASE 10                                                       # Priv §9.2.18: with V=1 a satp write with an unsupported MODE is ignored, no write to vsatp is made
  GUEST_BEGIN VS
  li a0, (1 << 60) | 0x1234
  csrw satp, a0
  GUEST_END VS
  csrr a0, vsatp
  CHECK_REG a0, s1
  HYP_RESET

  CASE 11                                                       # Priv §9.2.19, Sstc: with V=1 stimecmp is vstimecmp
  li a0, ENVCFG_STCE
  csrw menvcfg, a0
  csrw henvcfg, a0
  li a0, 2                                                      # TM
  csrw mcounteren, a0
  csrw hcounteren, a0
  li a0, -1
  csrw stimecmp, a0
  li a0, -2
  csrw vstimecmp, a0
  li s1, 0x7fffffffffffffff
  GUEST_BEGIN VS
  csrrw s0, stimecmp, s1
  GUEST_END VS
  CHECK s0, -2
  csrr a0, vstimecmp
  CHECK_REG a0, s1
  CHECK_CSR stimecmp, -1
  HYP_RESET

  CASE 12                                                       # Priv §9.2: senvcfg has no VS copy; with V=1 it is the HS-level senvcfg
  csrw senvcfg, zero
  GUEST_BEGIN VS
  csrwi senvcfg, 1                                              # FIOM
  GUEST_END VS
  CHECK_CSR_BITS senvcfg, 1, 1
  csrw senvcfg, zero

  CASE 13                                                       # Priv §9.2: scounteren has no VS copy; with V=1 it is the HS-level scounteren
  csrw scounteren, zero
  GUEST_BEGIN VS
  csrwi scounteren, 2
  GUEST_END VS
  CHECK_CSR_BITS scounteren, 2, 2
  csrw scounteren, zero

  # ---- time + htimedelta (Priv §9.2.7).
  CASE 14                                                       # Priv §9.2.7: time read in VS-mode returns time + htimedelta
  li a0, 2
  csrw mcounteren, a0
  csrw hcounteren, a0
  li s2, 0x100000000000
  csrw htimedelta, s2
  rdtime s3
  GUEST_BEGIN VS
  rdtime s0
  GUEST_END VS
  rdtime s4
  sub s0, s0, s2
  bltu s0, s3, 1f
  bltu s4, s0, 1f
  j 2f
1:
  FAIL_HERE
2:

  CASE 15                                                       # Priv §9.2.7: ... and in VU-mode (with scounteren.TM); the sum wraps modulo 2^64
  csrwi scounteren, 2
  li s2, -1
  csrw htimedelta, s2
  rdtime s3
  GUEST_BEGIN VU
  rdtime s0
  GUEST_END VU
  rdtime s4
  sub s0, s0, s2
  bltu s0, s3, 1f
  bltu s4, s0, 1f
  j 2f
1:
  FAIL_HERE
2:

  CASE 16                                                       # Priv §9.2.7: with V=0 time is not offset
  li s2, 0x100000000000
  csrw htimedelta, s2
  rdtime s3
  GUEST_BEGIN HS
  rdtime s0
  GUEST_END HS
  bltu s0, s3, 1f
  bltu s0, s2, 2f
1:
  FAIL_HERE
2:
  HYP_RESET

  # ---- FS in both sstatus and vsstatus (Priv §9.2.11).
  CASE 17                                                       # Priv §9.2.11: modifying FP state with V=1 sets both sstatus.FS and vsstatus.FS to Dirty
  li a0, MSTATUS_FS
  csrc mstatus, a0
  li a0, MSTATUS_FS_INITIAL
  csrs mstatus, a0
  csrw vsstatus, a0
  GUEST_BEGIN VS
  fmv.d.x fa0, zero
  GUEST_END VS
  CHECK_CSR_BITS mstatus, MSTATUS_FS, MSTATUS_FS_DIRTY
  CHECK_CSR_BITS vsstatus, MSTATUS_FS, MSTATUS_FS_DIRTY

  CASE 18                                                       # Priv §9.2.11: vsstatus.SD summarises vsstatus.FS only
  li a0, MSTATUS_FS_DIRTY
  csrs mstatus, a0
  li a0, MSTATUS_FS_INITIAL
  csrw vsstatus, a0
  csrr a0, vsstatus
  bltz a0, 1f
  li a0, MSTATUS_FS_DIRTY
  csrw vsstatus, a0
  csrr a0, vsstatus
  bgez a0, 1f
  j 2f
1:
  FAIL_HERE
2:
  csrw vsstatus, zero

RVHV_CODE_END
