# Virtual-machine loads and stores (Priv §9.3.1): HLV/HLVX/HSV from M, HS
# and U (hstatus.HU), the effective privilege from hstatus.SPVP, HLVX's
# execute permission, faults (GVA = 1 with SPV = 0), and MPRV with MPV
# doing two-stage accesses from M-mode (Priv §9.4.1).
#include "hyp.h"

#define VA(k) (0x40000000 + (k) * 0x1000)
#define GPA(k) (0x100000000 + (k) * 0x1000)

/* The HLV/HSV encodings used below, and their transformations (rs1 -> 0). */
#define HLV_D_A0_A1 0x6c05c573
#define HLV_D_T 0x6c004573
#define HLV_W_T 0x68004573
#define HLVX_HU_T 0x64304573
#define HSV_D_T 0x6ec04073

.macro SET_SPVP on
  li t0, HSTATUS_SPVP
  .if \on
  csrs hstatus, t0
  .else
  csrc hstatus, t0
  .endif
.endm

/* Case \n: in M-mode \insn (with a1 = \va) raises \cause, mtval = \va, GVA = 1, MPV = 0. */
.macro HLV_FAULT_M n, cause, va, insn:vararg
  li gp, \n
  li a1, \va
  li t6, MSTATUS_MPV
  csrs mstatus, t6
  la tp, .Lresume\@
.Linsn\@:
  \insn
  j rvhv_fail
.Lresume\@:
  li tp, 0
  CHECK_CSR mcause, \cause
  csrr t5, mepc
  CHECK_ADDR t5, .Linsn\@
  CHECK_CSR mtval, \va
  CHECK_CSR_BITS mstatus, MSTATUS_GVA | MSTATUS_MPV | MSTATUS_MPP, MSTATUS_GVA | MSTATUS_MPP_M
.endm

/* mtinst is 0 or \value (page faults may write either, Priv §9.6.3 table). */
.macro CHECK_TINST_0_OR csr, value
  csrr t5, \csr
  beqz t5, .Lok\@
  CHECK t5, \value
.Lok\@:
.endm

/* Runs \insn under mstatus.MPRV = 1 with MPP/MPV naming \mode (M-mode code). */
.macro MPRV_AS mode
  li t0, MSTATUS_MPP | MSTATUS_MPV
  csrc mstatus, t0
  .ifc \mode, VS
  li t0, MSTATUS_MPRV | MSTATUS_MPP_S | MSTATUS_MPV
  .endif
  .ifc \mode, VU
  li t0, MSTATUS_MPRV | MSTATUS_MPV
  .endif
  .ifc \mode, HS
  li t0, MSTATUS_MPRV | MSTATUS_MPP_S
  .endif
  .ifc \mode, U
  li t0, MSTATUS_MPRV
  .endif
  .ifc \mode, M
  li t0, MSTATUS_MPRV | MSTATUS_MPP_M | MSTATUS_MPV
  .endif
  csrs mstatus, t0
.endm

.macro MPRV_OFF
  li t0, MSTATUS_MPRV | MSTATUS_MPV | MSTATUS_MPP
  csrc mstatus, t0
.endm

HYP_CODE_BEGIN
  HYP_RESET
  HYP_SETUP_2STAGE VSPTE_S
  MAP_VS VA(0), GPA(0), VSPTE_S                                 # U = 0: VS only
  MAP_G GPA(0), HYP_PAGE(0), GPTE_ALL
  MAP_VS VA(1), GPA(1), VSPTE_U                                 # U = 1
  MAP_G GPA(1), HYP_PAGE(1), GPTE_ALL
  MAP_VS VA(2), GPA(2), PTE_V | PTE_X | PTE_A                   # execute-only
  MAP_G GPA(2), HYP_PAGE(2), GPTE_ALL
  MAP_VS VA(3), GPA(3), PTE_V | PTE_R | PTE_W | PTE_A | PTE_D   # no X
  MAP_G GPA(3), HYP_PAGE(3), GPTE_ALL
  MAP_VS VA(4), GPA(4), VSPTE_S
  MAP_G GPA(4), HYP_PAGE(4), PTE_V | PTE_R | PTE_U | PTE_A | PTE_D  # G-stage no X
  MAP_VS VA(5), GPA(5), VSPTE_S                                 # no G-stage mapping
  la a0, HYP_PAGE(0)
  li a1, 0x8877665544332211
  sd a1, 0(a0)
  la a0, HYP_PAGE(1)
  li a1, 0x1111
  sd a1, 0(a0)
  la a0, HYP_PAGE(2)
  li a1, 0xcafef00d
  sd a1, 0(a0)

  # ---- From M-mode.
  CASE 1                                                        # Priv §9.3.1: HLV.D in M-mode with SPVP = 1 reads through both stages as VS-mode
  SET_SPVP 1
  li a1, VA(0)
  hlv.d a0, (a1)
  CHECK a0, 0x8877665544332211

  SET_SPVP 0
  HLV_FAULT_M 2, CAUSE_LOAD_PAGE, VA(0), hlv.d a0, (a1)         # Priv §9.3.1: with SPVP = 0 the access is VU-mode: a U = 0 page faults; GVA = 1 (mtval is a guest VA), MPV = 0
  CHECK_CSR mtval2, 0
  CHECK_TINST_0_OR mtinst, HLV_D_T

  CASE 3                                                        # Priv §9.3.1: with SPVP = 0 a U = 1 page is readable
  SET_SPVP 0
  li a1, VA(1)
  hlv.d a0, (a1)
  CHECK a0, 0x1111

  SET_SPVP 1
  li t0, MSTATUS_SUM
  csrs mstatus, t0
  HLV_FAULT_M 4, CAUSE_LOAD_PAGE, VA(1), hlv.d a0, (a1)         # Priv §9.3.1: as VS-mode a U page needs vsstatus.SUM; HS-level SUM is ignored
  li t0, MSTATUS_SUM
  csrc mstatus, t0

  CASE 5                                                        # Priv §9.3.1: ... with vsstatus.SUM = 1 it is readable
  li t0, MSTATUS_SUM
  csrw vsstatus, t0
  li a1, VA(1)
  hlv.d a0, (a1)
  CHECK a0, 0x1111
  csrw vsstatus, zero

  CASE 6                                                        # Priv §9.3.1: HLV.B / HLV.BU sign- and zero-extend like LB / LBU
  li a1, VA(0) + 7
  hlv.b a0, (a1)
  CHECK a0, 0xffffffffffffff88
  hlv.bu a0, (a1)
  CHECK a0, 0x88

  CASE 7                                                        # Priv §9.3.1: HLV.H / HLV.HU like LH / LHU
  li a1, VA(0) + 6
  hlv.h a0, (a1)
  CHECK a0, 0xffffffffffff8877
  hlv.hu a0, (a1)
  CHECK a0, 0x8877

  CASE 8                                                        # Priv §9.3.1: HLV.W / HLV.WU like LW / LWU
  li a1, VA(0) + 4
  hlv.w a0, (a1)
  CHECK a0, 0xffffffff88776655
  hlv.wu a0, (a1)
  CHECK a0, 0x88776655

  CASE 9                                                        # Priv §9.3.1: HSV.B/H/W/D store like SB/SH/SW/SD
  li a1, VA(0) + 8
  li a2, 0x0102030405060708
  hsv.d a2, (a1)
  li a2, 0xaabbccdd
  hsv.w a2, (a1)
  li a2, 0xeeff
  addi a1, a1, 4
  hsv.h a2, (a1)
  li a2, 0x99
  addi a1, a1, 3
  hsv.b a2, (a1)
  la a0, HYP_PAGE(0)
  ld a0, 8(a0)
  CHECK a0, 0x9902eeffaabbccdd

  CASE 10                                                       # Priv §9.3.1: HLVX.WU needs execute, not read, permission: an execute-only page is readable
  li a1, VA(2)
  hlvx.wu a0, (a1)
  CHECK a0, 0xcafef00d
  hlvx.hu a0, (a1)
  CHECK a0, 0xf00d

  HLV_FAULT_M 11, CAUSE_LOAD_PAGE, VA(2), hlv.w a0, (a1)        # Priv §9.3.1: plain HLV on the execute-only page faults (no MXR)

  CASE 34                                                       # Priv §9.3.1: vsstatus.MXR makes the VS-stage execute-only page readable to HLV
  li t0, MSTATUS_MXR
  csrw vsstatus, t0
  li a1, VA(2)
  hlv.w a0, (a1)
  CHECK a0, 0xffffffffcafef00d
  csrw vsstatus, zero

  CASE 35                                                       # Priv §9.3.1: ... and so does HS-level MXR (sstatus.MXR, both stages)
  li t0, MSTATUS_MXR
  csrs mstatus, t0
  li a1, VA(2)
  hlv.wu a0, (a1)
  CHECK a0, 0xcafef00d
  li t0, MSTATUS_MXR
  csrc mstatus, t0
  HLV_FAULT_M 12, CAUSE_LOAD_PAGE, VA(3), hlvx.hu a0, (a1)      # Priv §9.3.1: HLVX on a readable page without X faults, and as a load page fault, not a fetch fault
  li t0, MSTATUS_MXR
  csrs mstatus, t0
  HLV_FAULT_M 13, CAUSE_LOAD_PAGE, VA(3), hlvx.hu a0, (a1)      # Priv §9.3.1: MXR does not give HLVX execute permission
  li t0, MSTATUS_MXR
  csrc mstatus, t0
  HLV_FAULT_M 14, CAUSE_LOAD_GUEST_PAGE, VA(4), hlvx.hu a0, (a1)  # Priv §9.3.1: HLVX needs X at the G-stage too: load guest-page fault
  CHECK_CSR mtval2, GPA(4) >> 2
  CHECK_CSR mtinst, HLVX_HU_T                                   # Priv §9.6.3: HLV/HLVX/HSV transform with rs1 = 0 (the Addr. Offset)

  HLV_FAULT_M 15, CAUSE_LOAD_GUEST_PAGE, VA(5) + 8, hlv.w a0, (a1)  # Priv §9.3.1: a G-stage miss: load guest-page fault with mtval2 = GPA >> 2, GVA = 1
  CHECK_CSR mtval2, (GPA(5) + 8) >> 2
  CHECK_CSR mtinst, HLV_W_T

  HLV_FAULT_M 16, CAUSE_STORE_GUEST_PAGE, VA(5) + 16, hsv.d a2, (a1)  # Priv §9.3.1: HSV faults are store guest-page faults
  CHECK_CSR mtval2, (GPA(5) + 16) >> 2
  CHECK_CSR mtinst, HSV_D_T

  # ---- From HS-mode.
  CASE 17                                                       # Priv §9.3.1: HLV is valid in HS-mode
  SET_SPVP 1
  li a1, VA(0)
  GUEST_BEGIN HS
  hlv.d a0, (a1)
  GUEST_END HS
  CHECK a0, 0x8877665544332211

  CASE 18                                                       # Priv §9.2.1: an HLV fault taken in HS-mode: stval = guest VA, hstatus.GVA = 1 with SPV = 0, SPVP unchanged, htval = 0
  li t0, 1 << CAUSE_LOAD_PAGE
  csrw medeleg, t0
  SET_SPVP 0
  li a1, VA(0)
  GUEST_BEGIN HS
  hlv.d a0, (a1)
  GUEST_TRAPPED
  CHECK_IN_HS CAUSE_LOAD_PAGE
  CHECK_CSR stval, VA(0)
  CHECK_CSR_BITS hstatus, HSTATUS_GVA | HSTATUS_SPV | HSTATUS_SPVP, HSTATUS_GVA
  CHECK_CSR htval, 0
  CHECK_TINST_0_OR htinst, HLV_D_T

  CASE 19                                                       # Priv §9.2.9-9.2.10: an HLV guest-page fault taken in HS-mode: htval = GPA >> 2, htinst = transformed HLV, SPVP stays 1
  li t0, 1 << CAUSE_LOAD_GUEST_PAGE
  csrw medeleg, t0
  SET_SPVP 1
  li a1, VA(5) + 8
  GUEST_BEGIN HS
  hlv.w a0, (a1)
  GUEST_TRAPPED
  CHECK_IN_HS CAUSE_LOAD_GUEST_PAGE
  CHECK_CSR stval, VA(5) + 8
  CHECK_CSR_BITS hstatus, HSTATUS_GVA | HSTATUS_SPV | HSTATUS_SPVP, HSTATUS_GVA | HSTATUS_SPVP
  CHECK_CSR htval, (GPA(5) + 8) >> 2
  CHECK_CSR htinst, HLV_W_T
  csrw medeleg, zero

  CASE 20                                                       # Priv §9.4.1: the same fault not delegated reaches M with GVA = 1, MPV = 0, MPP = S
  li a1, VA(5)
  GUEST_BEGIN HS
  hlv.w a0, (a1)
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_LOAD_GUEST_PAGE
  CHECK_CSR_BITS mstatus, MSTATUS_GVA | MSTATUS_MPV | MSTATUS_MPP, MSTATUS_GVA | MSTATUS_MPP_S

  # ---- From U-mode (Priv §9.2.1 hstatus.HU).
  li a1, VA(0)
  TEST_ILLEGAL_IN 21, U, hlv.d a0, (a1)                         # Priv §9.3.1: HLV in U-mode with HU = 0 is illegal
  TEST_ILLEGAL_IN 22, U, hsv.d a0, (a1)                         # Priv §9.3.1: HSV in U-mode with HU = 0 is illegal
  li t0, HSTATUS_HU
  csrs hstatus, t0
  CASE 23                                                       # Priv §9.2.1: with HU = 1 U-mode runs HLV and HSV as HS-mode does
  li a1, VA(0) + 16
  li a2, 0x5151
  GUEST_BEGIN U
  hsv.d a2, (a1)
  hlv.d a0, (a1)
  GUEST_END U
  CHECK a0, 0x5151
  TEST_ILLEGAL_IN 24, U, hfence.vvma                            # Priv §9.3.2: HU covers only HLV/HLVX/HSV: HFENCE stays illegal in U-mode
  li t0, HSTATUS_HU
  csrc hstatus, t0

  # ---- MPRV with MPV (Priv §9.4.1).
  CASE 25                                                       # Priv §9.4.1: MPRV = 1, MPV = 1, MPP = S: M-mode loads are VS-level two-stage accesses
  li a1, VA(0)
  MPRV_AS VS
  ld a0, 0(a1)
  MPRV_OFF
  CHECK a0, 0x8877665544332211

  CASE 26                                                       # Priv §9.4.1: ... and stores
  li a1, VA(0) + 24
  li a2, 0x2626
  MPRV_AS VS
  sd a2, 0(a1)
  MPRV_OFF
  la a0, HYP_PAGE(0)
  ld a0, 24(a0)
  CHECK a0, 0x2626

  CASE 27                                                       # Priv §9.4.1: MPV = 1, MPP = U is a VU-level access: a U = 0 page faults; mtval is a guest VA so GVA = 1
  li a1, VA(0)
  MPRV_AS VU
  la tp, 1f
2:
  ld a0, 0(a1)
  j rvhv_fail
1:
  li tp, 0
  MPRV_OFF
  CHECK_CSR mcause, CAUSE_LOAD_PAGE
  csrr t5, mepc
  CHECK_ADDR t5, 2b
  CHECK_CSR mtval, VA(0)
  CHECK_CSR_BITS mstatus, MSTATUS_GVA, MSTATUS_GVA

  CASE 28                                                       # Priv §9.4.1: a G-stage miss under MPRV + MPV: load guest-page fault with mtval2 = GPA >> 2, GVA = 1, mtinst = transformed load
  li a1, VA(5)
  MPRV_AS VS
  la tp, 1f
  ld a0, 8(a1)
  j rvhv_fail
1:
  li tp, 0
  MPRV_OFF
  CHECK_CSR mcause, CAUSE_LOAD_GUEST_PAGE
  CHECK_CSR mtval, VA(5) + 8
  CHECK_CSR mtval2, (GPA(5) + 8) >> 2
  CHECK_CSR mtinst, 0x3503
  CHECK_CSR_BITS mstatus, MSTATUS_GVA, MSTATUS_GVA

  CASE 29                                                       # Priv §9.4.1 table: with MPV = 1, MPP = S, vsstatus.SUM (not HS-level SUM) governs U pages
  li t0, MSTATUS_SUM
  csrs mstatus, t0
  li a1, VA(1)
  MPRV_AS VS
  la tp, 1f
  ld a0, 0(a1)
  j rvhv_fail
1:
  li tp, 0
  MPRV_OFF
  CHECK_CSR mcause, CAUSE_LOAD_PAGE
  li t0, MSTATUS_SUM
  csrc mstatus, t0
  csrw vsstatus, t0
  li a1, VA(1)
  MPRV_AS VS
  ld a0, 0(a1)
  MPRV_OFF
  CHECK a0, 0x1111
  csrw vsstatus, zero

  CASE 30                                                       # Priv §9.4.1: MPRV with MPP = M ignores MPV: no translation
  la a1, HYP_PAGE(1)
  MPRV_AS M
  ld a0, 0(a1)
  MPRV_OFF
  CHECK a0, 0x1111

  CASE 31                                                       # Priv §9.4.1: MPRV with MPV = 0, MPP = S is an HS-level access (satp Bare: physical)
  la a1, HYP_PAGE(1)
  MPRV_AS HS
  ld a0, 0(a1)
  MPRV_OFF
  CHECK a0, 0x1111

  CASE 32                                                       # Priv §9.4.1: MPRV does not affect HLV: with MPRV = 1, MPP = U, MPV = 0 HLV still reads as VS (SPVP = 1) through both stages
  SET_SPVP 1
  li a1, VA(0)
  MPRV_AS U
  hlv.d a0, (a1)
  MPRV_OFF
  CHECK a0, 0x8877665544332211

  SET_SPVP 1
  CASE 33                                                       # Priv §9.6.3: a misaligned HLV crossing into a G-unmapped page faults at the page boundary, Addr. Offset = 4
  li a1, VA(4) + 0xffc
  la tp, 1f
2:
  hlv.d a0, (a1)
  j rvhv_fail
1:
  li tp, 0
  CHECK_CSR mcause, CAUSE_LOAD_GUEST_PAGE
  csrr t5, mepc
  CHECK_ADDR t5, 2b
  CHECK_CSR mtval, VA(5)
  CHECK_CSR mtval2, GPA(5) >> 2
  CHECK_CSR mtinst, HLV_D_T | (4 << 15)

  CASE 36                                                       # Priv §9.4.1: a trap into M-mode sets MPP = M, MPV = 0, so with MPRV still 1 later loads are untranslated M-mode accesses
  li a1, VA(0)
  MPRV_AS VS
  ld a0, 0(a1)                                                  # two-stage: page 0
  la tp, 1f
  ecall                                                         # M -> M: MPP := M, MPV := 0; MPRV stays 1
1:
  la tp, 2f
3:
  ld a0, 0(a1)                                                  # physical 0x40000000: nothing there
  li tp, 0
  MPRV_OFF
  FAIL_HERE
2:
  li tp, 0
  MPRV_OFF
  CHECK_CSR mcause, CAUSE_LOAD_ACCESS
  csrr t5, mepc
  CHECK_ADDR t5, 3b
  CHECK_CSR_BITS mstatus, MSTATUS_GVA, 0

RVHV_CODE_END
