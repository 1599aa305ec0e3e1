# Two-stage address translation (Priv §9.5): VS-stage Sv39 over G-stage
# Sv39x4 (and Sv48x4, Sv57x4), guest-page faults and what they report
# (mtval = guest virtual address, mtval2 = guest physical address >> 2,
# GVA = 1, mtinst = the transformed instruction or a pseudoinstruction),
# A/D handling at both stages (Svade, Svadu), MXR and SUM.
#include "hyp.h"

/* Test page k: VS-stage VA(k) -> GPA(k), G-stage GPA(k) -> hyp page k. */
#define VA(k) (0x40000000 + (k) * 0x1000)
#define GPA(k) (0x100000000 + (k) * 0x1000)

/* A guest-page fault (or other fault) trapped into M-mode from VS-mode. */
.macro CHECK_GUEST_FAULT cause, tval, gpa, tinst
  CHECK_CSR mcause, \cause
  CHECK_CSR mtval, \tval
  CHECK_CSR mtval2, (\gpa) >> 2
  CHECK_CSR mtinst, \tinst
  CHECK_CSR_BITS mstatus, MSTATUS_GVA, MSTATUS_GVA
.endm

/* Fills 8 bytes of hyp page \k at \off with \value (M-mode, physical). */
.macro POKE k, off, value
  la t0, HYP_PAGE(\k)
  li t1, \value
  sd t1, \off(t0)
.endm

HYP_CODE_BEGIN
  HYP_RESET
  li a0, MSTATUS_FS_INITIAL
  csrw vsstatus, a0
  HYP_SETUP_2STAGE VSPTE_S
  MAP_VS VA(0), GPA(0), VSPTE_S
  MAP_G GPA(0), HYP_PAGE(0), GPTE_ALL

  CASE 1                                                        # Priv §9.5: a VS-mode load goes VA -> (vsatp) GPA -> (hgatp) PA
  POKE 0, 8, 0x1122334455667788
  li a1, VA(0)
  GUEST_BEGIN VS
  ld a0, 8(a1)
  GUEST_END VS
  CHECK a0, 0x1122334455667788

  CASE 2                                                        # Priv §9.5: ... and so does a store
  li a1, VA(0)
  li a2, 0x0badc0de
  GUEST_BEGIN VS
  sd a2, 16(a1)
  GUEST_END VS
  la a0, HYP_PAGE(0)
  ld a0, 16(a0)
  CHECK a0, 0x0badc0de

  CASE 3                                                        # Priv §9.5.1: Sv39x4 widens the GPA by 2 bits: GPA bit 40 selects root entry 1024 of the 16 KiB root
  MAP_VS VA(1), 0x10000000000, VSPTE_S
  la a0, hyp_g_root
  li a1, 0x10000000000
  la a2, HYP_PAGE(1)
  li a3, GPTE_ALL
  li a4, 3
  li a5, 0
  li a6, 1
  call hyp_map
  POKE 1, 0, 0x4141
  li a1, VA(1)
  GUEST_BEGIN VS
  ld a0, 0(a1)
  GUEST_END VS
  CHECK a0, 0x4141

  CASE 4                                                        # Priv §9.5.1: Sv39x4 GPA bits 63:41 must be zero, else a guest-page fault (mtval2 = GPA >> 2)
  MAP_VS VA(2), 0x20000000000, VSPTE_S
  li a1, VA(2)
  GUEST_BEGIN VS
  ld a0, 16(a1)
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, VA(2) + 16, 0x20000000000 + 16, 0x3503
  CHECK_FROM VS

  CASE 5                                                        # Priv §9.5.1: with vsatp Bare the VA is the GPA: bit 41 set faults at the G-stage
  csrr s0, vsatp
  csrw vsatp, zero
  li a1, 0x20000000000
  GUEST_BEGIN VS
  lw a0, 4(a1)
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, 0x20000000004, 0x20000000004, 0x2503
  csrw vsatp, s0

  CASE 6                                                        # Priv §9.5.1: G-stage leaves are checked as U-mode: U=0 faults even for VS-mode
  MAP_VS VA(3), GPA(3), VSPTE_S
  MAP_G GPA(3), HYP_PAGE(3), PTE_V | PTE_RWX | PTE_A | PTE_D
  li a1, VA(3)
  GUEST_BEGIN VS
  lbu a4, 1(a1)
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, VA(3) + 1, GPA(3) + 1, 0x4703

  CASE 7                                                        # Priv §9.5.1: a store to a G-stage page without W: store guest-page fault (23), mtinst = transformed store
  MAP_VS VA(4), GPA(4), VSPTE_S
  MAP_G GPA(4), HYP_PAGE(4), PTE_V | PTE_R | PTE_U | PTE_A | PTE_D
  li a1, VA(4)
  GUEST_BEGIN VS
  sd a2, 16(a1)
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_STORE_GUEST_PAGE, VA(4) + 16, GPA(4) + 16, 0x00c03023
  CHECK_FROM VS

  CASE 8                                                        # Priv §9.5.1: ... while loads from it work
  POKE 4, 24, 0x77
  li a1, VA(4)
  GUEST_BEGIN VS
  ld a0, 24(a1)
  GUEST_END VS
  CHECK a0, 0x77

  # ---- mtinst: transformed instructions (Priv §9.6.3). GPA(5) has no G-stage mapping.
  MAP_VS VA(5), GPA(5), VSPTE_S
  CASE 9                                                        # Priv §9.6.3: transformed load: funct3, rd, opcode kept; immediate and rs1 (offset 0) zero
  li a1, VA(5)
  GUEST_BEGIN VS
  lw a3, 20(a1)
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, VA(5) + 20, GPA(5) + 20, 0x2683

  CASE 10                                                       # Priv §9.6.3: a compressed load is expanded, transformed, and bit 1 cleared (c.ld a0, 16(a1) -> 0x3501)
  li a1, VA(5)
  GUEST_BEGIN VS
  .option push
  .option rvc
  c.ld a0, 16(a1)
  c.nop
  .option pop
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, VA(5) + 16, GPA(5) + 16, 0x3501

  CASE 11                                                       # Priv §9.6.3: c.ldsp a3, 8(sp) -> ld a3, 0(x0) with bit 1 clear
  li sp, VA(5)
  GUEST_BEGIN VS
  .option push
  .option rvc
  c.ldsp a3, 8(sp)
  c.nop
  .option pop
  GUEST_TRAPPED
  li sp, 0
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, VA(5) + 8, GPA(5) + 8, 0x3681

  CASE 12                                                       # Priv §9.6.3: FP loads transform like integer loads (fld fa0, 8(a1) -> 0x3507)
  li a1, VA(5)
  GUEST_BEGIN VS
  fld fa0, 8(a1)
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, VA(5) + 8, GPA(5) + 8, 0x3507

  CASE 13                                                       # Priv §9.6.3: c.fld fa0, 8(a1) -> 0x3505
  li a1, VA(5)
  GUEST_BEGIN VS
  .option push
  .option rvc
  c.fld fa0, 8(a1)
  c.nop
  .option pop
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, VA(5) + 8, GPA(5) + 8, 0x3505

  CASE 14                                                       # Priv §9.6.3: transformed store: rs2, funct3, opcode kept (sw a2, 4(a1) -> 0x00c02023)
  li a1, VA(5)
  GUEST_BEGIN VS
  sw a2, 4(a1)
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_STORE_GUEST_PAGE, VA(5) + 4, GPA(5) + 4, 0x00c02023

  CASE 15                                                       # Priv §9.6.3: c.sd a2, 8(a1) -> 0x00c03021
  li a1, VA(5)
  GUEST_BEGIN VS
  .option push
  .option rvc
  c.sd a2, 8(a1)
  c.nop
  .option pop
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_STORE_GUEST_PAGE, VA(5) + 8, GPA(5) + 8, 0x00c03021

  CASE 16                                                       # Priv §9.6.3: c.sdsp a2, 16(sp) -> 0x00c03021
  li sp, VA(5)
  GUEST_BEGIN VS
  .option push
  .option rvc
  c.sdsp a2, 16(sp)
  c.nop
  .option pop
  GUEST_TRAPPED
  li sp, 0
  CHECK_GUEST_FAULT CAUSE_STORE_GUEST_PAGE, VA(5) + 16, GPA(5) + 16, 0x00c03021

  CASE 17                                                       # Priv §9.6.3: fsd fa1, 24(a1) -> 0x00b03027
  li a1, VA(5)
  GUEST_BEGIN VS
  fsd fa1, 24(a1)
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_STORE_GUEST_PAGE, VA(5) + 24, GPA(5) + 24, 0x00b03027

  CASE 18                                                       # Priv §9.6.3: transformed AMO keeps every field but rs1 (amoadd.d a0, a2, (a1) -> 0x00c0352f); AMO faults are store faults
  li a1, VA(5) + 0x40
  GUEST_BEGIN VS
  amoadd.d a0, a2, (a1)
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_STORE_GUEST_PAGE, VA(5) + 0x40, GPA(5) + 0x40, 0x00c0352f

  CASE 19                                                       # Priv §9.6.3: ... aq/rl kept (amoswap.w.aqrl a0, a2, (a1) -> 0x0ec0252f)
  li a1, VA(5) + 0x44
  GUEST_BEGIN VS
  amoswap.w.aqrl a0, a2, (a1)
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_STORE_GUEST_PAGE, VA(5) + 0x44, GPA(5) + 0x44, 0x0ec0252f

  CASE 20                                                       # Priv §9.6.3: LR is a load (load guest-page fault), transformed like an atomic (lr.d a0, (a1) -> 0x1000352f)
  li a1, VA(5) + 0x48
  GUEST_BEGIN VS
  lr.d a0, (a1)
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, VA(5) + 0x48, GPA(5) + 0x48, 0x1000352f

  CASE 21                                                       # Priv §9.5.1, §9.6.3: a misaligned load crossing into a G-unmapped page reports the faulting portion: mtval = the page boundary, Addr. Offset = 4
  MAP_VS VA(6), GPA(6), VSPTE_S
  MAP_G GPA(6), HYP_PAGE(6), GPTE_ALL
  MAP_VS VA(7), GPA(7), VSPTE_S
  li a1, VA(6) + 0xffc
  GUEST_BEGIN VS
  ld a0, 0(a1)
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, VA(7), GPA(7), 0x3503 | (4 << 15)

  CASE 22                                                       # Priv §9.6.3: ... and a misaligned store (sw a2, 0(a1) at 2 bytes before the boundary: offset 2)
  li a1, VA(6) + 0xffe
  GUEST_BEGIN VS
  sw a2, 0(a1)
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_STORE_GUEST_PAGE, VA(7), GPA(7), 0x00c02023 | (2 << 15)

  CASE 35                                                       # Priv §9.4.4: a 4-byte instruction straddling into a G-unmapped page: mepc = its start, mtval = the page boundary (the faulting portion), mtval2 to match
  la a0, HYP_PAGE(6) + 0xffe
  li a1, 0x0513                                                 # low half of addi a0, a0, 1; the high half would be on the next page
  sh a1, 0(a0)
  fence.i
  li a1, VA(6) + 0xffe
  GUEST_BEGIN VS
  jr a1
  GUEST_TRAPPED
  CHECK_CSR mepc, VA(6) + 0xffe
  CHECK_GUEST_FAULT CAUSE_FETCH_GUEST_PAGE, VA(7), GPA(7), 0

  CASE 36                                                       # Priv §9.6.3: no transformation is defined for CBO.ZERO: its store guest-page fault writes mtinst = 0
  li a0, 0x80                                                   # CBZE
  csrw menvcfg, a0
  csrw henvcfg, a0
  li a1, VA(5)
  GUEST_BEGIN VS
  .option push
  .option arch, +zicboz
  cbo.zero (a1)
  .option pop
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_STORE_GUEST_PAGE
  CHECK_CSR mtval2, GPA(5) >> 2
  CHECK_CSR mtinst, 0
  csrw menvcfg, zero
  csrw henvcfg, zero

  CASE 23                                                       # Priv §9.6.3: an instruction guest-page fault: mtval = mepc = the VA, mtval2 = GPA >> 2, mtinst = 0 (nothing to transform)
  MAP_VS VA(8), GPA(8), VSPTE_S
  li a1, VA(8) + 0x40
  GUEST_BEGIN VS
  jr a1
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_FETCH_GUEST_PAGE, VA(8) + 0x40, GPA(8) + 0x40, 0
  CHECK_CSR mepc, VA(8) + 0x40
  CHECK_FROM VS

  # ---- Implicit VS-stage PTE accesses (Priv §9.5.1, §9.6.3). VS root
  # entry 0 points to a level-1 table at GPA 0x110000000, which the G-stage
  # does not map.
  la a0, hyp_vs_root
  li a1, ((0x110000000 >> 12) << 10) | PTE_V
  sd a1, 0(a0)
  CASE 24                                                       # Priv §9.6.3: a G-stage fault reading a VS PTE: load guest-page fault, mtval2 = the PTE's GPA >> 2, mtinst = 0x3000
  li a1, 0x200000                                               # VPN[1] = 1: the level-1 PTE is at 0x110000008
  GUEST_BEGIN VS
  ld a0, 8(a1)
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, 0x200008, 0x110000008, TINST_PTE_READ
  CHECK_FROM VS

  CASE 25                                                       # Priv §9.5.1: the PTE read counts as an implicit load, but the fault is reported for the original access: a store guest-page fault
  li a1, 0x200000
  GUEST_BEGIN VS
  sd a2, 0(a1)
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_STORE_GUEST_PAGE, 0x200000, 0x110000008, TINST_PTE_READ

  CASE 26                                                       # Priv §9.5.1: ... an instruction guest-page fault for a fetch
  li a1, 0x400000                                               # VPN[1] = 2
  GUEST_BEGIN VS
  jr a1
  GUEST_TRAPPED
  CHECK_GUEST_FAULT CAUSE_FETCH_GUEST_PAGE, 0x400000, 0x110000010, TINST_PTE_READ

  CASE 27                                                       # Priv §9.5.1: the vsatp root itself is read through the G-stage: with it unmapped even the first fetch faults
  csrr s0, vsatp
  li a0, ATP_SV39 | (0x130000000 >> 12)
  csrw vsatp, a0
  GUEST_BEGIN VS
  nop
  GUEST_TRAPPED
  csrr a0, mepc
  CHECK_ADDR a0, 9b                                             # the entry point (GUEST_BEGIN's label)
  csrr a1, mtval
  CHECK_REG a1, a0
  CHECK_CSR mcause, CAUSE_FETCH_GUEST_PAGE
  CHECK_CSR mtval2, (0x130000000 + 8 * 2) >> 2                  # VA 0x8xxxxxxx: VPN[2] = 2
  CHECK_CSR mtinst, TINST_PTE_READ
  CHECK_CSR_BITS mstatus, MSTATUS_GVA, MSTATUS_GVA
  csrw vsatp, s0

  CASE 28                                                       # Priv §9.2.9-10, §9.6.2: a PTE-read guest-page fault delegated to HS: htval = PTE GPA >> 2, htinst = 0x3000, GVA = SPV = 1
  li a0, (1 << CAUSE_LOAD_GUEST_PAGE) | (1 << CAUSE_STORE_GUEST_PAGE)
  csrw medeleg, a0
  li a0, -1
  csrw hedeleg, a0                                              # bits 20-23 are read-only 0: guest-page faults never reach VS
  csrw hstatus, zero
  li a1, 0x200000
  GUEST_BEGIN VS
  ld a0, 8(a1)
  GUEST_TRAPPED
  CHECK_IN_HS CAUSE_LOAD_GUEST_PAGE
  CHECK_CSR stval, 0x200008
  CHECK_CSR htval, 0x110000008 >> 2
  CHECK_CSR htinst, TINST_PTE_READ
  CHECK_CSR_BITS hstatus, HSTATUS_GVA | HSTATUS_SPV | HSTATUS_SPVP, HSTATUS_GVA | HSTATUS_SPV | HSTATUS_SPVP
  la a0, hyp_vs_root
  sd zero, 0(a0)

  CASE 29                                                       # Priv §9.2.9-10: a store guest-page fault from VU-mode delegated to HS: htval = GPA >> 2, htinst = transformed store, SPVP = 0
  HYP_SETUP_2STAGE VSPTE_U
  MAP_VS VA(5), GPA(5), VSPTE_U
  li a1, VA(5)
  GUEST_BEGIN VU
  sh a2, 6(a1)
  GUEST_TRAPPED
  CHECK_IN_HS CAUSE_STORE_GUEST_PAGE
  CHECK_CSR stval, VA(5) + 6
  CHECK_CSR htval, (GPA(5) + 6) >> 2
  CHECK_CSR htinst, 0x00c01023                                  # sh a2, 0(x0)
  CHECK_CSR_BITS hstatus, HSTATUS_GVA | HSTATUS_SPV | HSTATUS_SPVP, HSTATUS_GVA | HSTATUS_SPV
  CHECK_CSR_BITS mstatus, MSTATUS_SPP, 0
  csrw medeleg, zero
  csrw hedeleg, zero

  # ---- VS-stage page faults delegated to the guest (Priv §9.6.2).
  HYP_SETUP_2STAGE VSPTE_S
  MAP_VS VA(6), GPA(6), PTE_V | PTE_R | PTE_A                   # read-only, not executable
  MAP_G GPA(6), HYP_PAGE(6), GPTE_ALL
  li a0, (1 << CAUSE_FETCH_PAGE) | (1 << CAUSE_LOAD_PAGE) | (1 << CAUSE_STORE_PAGE)
  csrw medeleg, a0
  csrw hedeleg, a0
  CASE 30                                                       # Priv §9.6.2: a VS-stage store page fault delegated by medeleg and hedeleg reaches VS-mode with vstval = the VA
  li a1, VA(6) + 8
  GUEST_BEGIN VS
1:
  sd a2, 0(a1)
  GUEST_TRAPPED
  CHECK_IN_VS CAUSE_STORE_PAGE
  CHECK_CSR vstval, VA(6) + 8
  csrr a0, vsepc
  CHECK_ADDR a0, 1b

  CASE 31                                                       # Priv §9.6.2: ... an instruction page fault too (vsepc = vstval = the target)
  li a1, VA(6)
  GUEST_BEGIN VS
  jr a1
  GUEST_TRAPPED
  CHECK_IN_VS CAUSE_FETCH_PAGE
  CHECK_CSR vstval, VA(6)
  CHECK_CSR vsepc, VA(6)

  CASE 32                                                       # Priv §9.2.1: delegated only by medeleg it goes to HS: stval = VA, htval = 0, GVA = SPV = 1
  csrw hedeleg, zero
  li a0, 0x5a5a5a5a
  csrw htval, a0
  li a1, VA(6) + 16
  GUEST_BEGIN VS
  sd a2, 0(a1)
  GUEST_TRAPPED
  CHECK_IN_HS CAUSE_STORE_PAGE
  CHECK_CSR stval, VA(6) + 16
  CHECK_CSR htval, 0
  CHECK_CSR_BITS hstatus, HSTATUS_GVA | HSTATUS_SPV, HSTATUS_GVA | HSTATUS_SPV
  csrw medeleg, zero

  # ---- PMP applies to the final supervisor physical address (Priv §9.5).
  # pmpaddr0: NAPOT over hyp page 12, no permissions; pmpaddr1: everything.
  la a0, HYP_PAGE(12)
  srli a0, a0, 2
  ori a0, a0, 0x1ff
  csrw pmpaddr0, a0
  li a0, -1
  csrw pmpaddr1, a0
  li a0, 0x1f18
  csrw pmpcfg0, a0
  MAP_VS VA(12), GPA(12), VSPTE_S
  MAP_G GPA(12), HYP_PAGE(12), GPTE_ALL
  CASE 33                                                       # Priv §9.5: PMP denies the guest's access after both stages: load access fault, mtval = VA, GVA = 1, mtval2 = 0
  hfence.gvma
  li a1, VA(12) + 8
  GUEST_BEGIN VS
  ld a0, 0(a1)
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_LOAD_ACCESS
  CHECK_CSR mtval, VA(12) + 8
  CHECK_CSR mtval2, 0
  CHECK_CSR_BITS mstatus, MSTATUS_GVA, MSTATUS_GVA
  CHECK_FROM VS

  CASE 34                                                       # Priv §9.5, §4.3.2: a VS-level page table in PMP-denied memory: access fault for the original access (store)
  la a0, hyp_vs_root                                            # VS root entry 0 -> a level-1 table in hyp page 12 (GPA(12))
  li a1, ((GPA(12) >> 12) << 10) | PTE_V
  sd a1, 0(a0)
  li a1, 0x200000
  GUEST_BEGIN VS
  sd a2, 0(a1)
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_STORE_ACCESS
  CHECK_CSR mtval, 0x200000
  CHECK_CSR mtval2, 0
  la a0, hyp_vs_root
  sd zero, 0(a0)
  li a0, -1
  csrw pmpaddr0, a0
  li a0, 0x1f
  csrw pmpcfg0, a0

RVHV_CODE_END
