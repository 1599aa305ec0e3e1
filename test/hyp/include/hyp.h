/*
 * hyp.h: support for rvhv's hypervisor-extension tests (test/hyp/*.S).
 *
 * Builds on rvhv-test.h (HTIF pass/fail, TESTNUM in gp, tp = resume address
 * for an expected trap into M-mode). A test looks like:
 *
 *   #include "hyp.h"
 *   HYP_CODE_BEGIN
 *     HYP_RESET                       # every H/S CSR this file uses back to a known state
 *     TEST_VIRTUAL_IN 1, VS, csrr a0, hstatus     # Priv §9.6.1: ...
 *     ...
 *   RVHV_CODE_END
 *
 * Modes. ENTER mode, label leaves M-mode by MRET (mstatus.MPP, MPV) for
 * M, HS, U, VS or VU and continues at label. Code and data of the image are
 * reached in every mode because HYP_RESET opens PMP entry 0 over all of
 * memory; with translation on, HYP_SETUP_2STAGE maps the image identically.
 *
 * Coming back. Every trap that reaches M-mode jumps to tp. Traps taken in
 * HS-mode or VS-mode are funnelled into M-mode too: HYP_RESET points stvec at
 * hyp_hs_vector and vstvec at hyp_vs_vector, which both execute ECALL. So
 * after a trap, back in M-mode:
 *   - the trap was taken in M:  mcause = its cause, MPP/MPV = the mode it came from;
 *   - the trap was taken in HS: mcause = 9, mepc = hyp_hs_vector (CHECK_IN_HS);
 *   - the trap was taken in VS: mcause = 10, mepc = hyp_vs_vector (CHECK_IN_VS),
 * and the HS or VS trap CSRs (scause, htval, vscause, ...) still hold what
 * the trap wrote. Tests must therefore not delegate ECALL from HS (medeleg
 * bit 9), and delegating ECALL from VS (bit 10) makes the VS funnel go
 * through HS.
 *
 * Page tables are built at run time in the pool below (hyp_map); hyp_page0..
 * are 4 KiB data pages for the tests' own use.
 *
 * Test code after HYP_CODE_BEGIN is assembled without RVC; a case that needs
 * a compressed instruction enables it locally (`.option push; .option rvc`)
 * and pads with c.nop so later code stays 4-byte aligned.
 *
 * Registers: t5, t6 are the CHECK macros' scratch; the hyp_* routines
 * clobber ra, a0-a7 and t0-t5; s11 holds expected tval values in
 * TEST_TRAP_IN.
 */
#ifndef RVHV_HYP_H
#define RVHV_HYP_H

#include "rvhv-test.h"

/* GCC 12's -march cannot name H; the assembler can. */
.option arch, +h

/* Priv §3.1.6, §9.4.1: mstatus fields beyond rvhv-test.h's. */
#define MSTATUS_SIE 0x2
#define MSTATUS_SPIE 0x20
#define MSTATUS_SPP 0x100
#define MSTATUS_MPP_S 0x800
#define MSTATUS_SUM (1 << 18)
#define MSTATUS_MXR (1 << 19)
#define MSTATUS_TVM (1 << 20)
#define MSTATUS_TW (1 << 21)
#define MSTATUS_TSR (1 << 22)
#define MSTATUS_GVA (1 << 38)
#define MSTATUS_MPV (1 << 39)

/* Priv §9.2.1: hstatus fields. */
#define HSTATUS_VSBE 0x20
#define HSTATUS_GVA 0x40
#define HSTATUS_SPV 0x80
#define HSTATUS_SPVP 0x100
#define HSTATUS_HU 0x200
#define HSTATUS_VGEIN_SHIFT 12
#define HSTATUS_VGEIN (0x3f << 12)
#define HSTATUS_VTVM (1 << 20)
#define HSTATUS_VTW (1 << 21)
#define HSTATUS_VTSR (1 << 22)
#define HSTATUS_VSXL_64 (2 << 32)

/* Priv §9.6.1 Table: exception codes added or renamed by H. */
#define CAUSE_ECALL_HS 9
#define CAUSE_ECALL_VS 10
#define CAUSE_FETCH_PAGE 12
#define CAUSE_LOAD_PAGE 13
#define CAUSE_STORE_PAGE 15
#define CAUSE_FETCH_GUEST_PAGE 20
#define CAUSE_LOAD_GUEST_PAGE 21
#define CAUSE_VIRTUAL_INSTRUCTION 22
#define CAUSE_STORE_GUEST_PAGE 23
#define CAUSE_INTERRUPT (1 << 63)

/* Priv §3.1.9, §9.2.3: interrupt bits in mip/mie/hip/hie/hvip. */
#define MIP_SSIP (1 << 1)
#define MIP_VSSIP (1 << 2)
#define MIP_MSIP (1 << 3)
#define MIP_STIP (1 << 5)
#define MIP_VSTIP (1 << 6)
#define MIP_SEIP (1 << 9)
#define MIP_VSEIP (1 << 10)
#define MIP_SGEIP (1 << 12)
#define VS_INTERRUPTS (MIP_VSSIP | MIP_VSTIP | MIP_VSEIP)

/* Priv §4.3.1: PTE bits. */
#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_U 0x10
#define PTE_G 0x20
#define PTE_A 0x40
#define PTE_D 0x80
#define PTE_RWX (PTE_R | PTE_W | PTE_X)
/* Svpbmt: PBMT = NC (bits 62:61 = 1). */
#define PTE_PBMT_NC (1 << 61)
/* A G-stage leaf usable by every guest access (G-stage checks as U-mode, Priv §9.5.1). */
#define GPTE_ALL (PTE_V | PTE_RWX | PTE_U | PTE_A | PTE_D)
/* A VS-stage leaf for VS-mode code and data. */
#define VSPTE_S (PTE_V | PTE_RWX | PTE_A | PTE_D)
/* The same for VU-mode. */
#define VSPTE_U (VSPTE_S | PTE_U)

/* Priv §4.1.11, §9.2.10: satp/vsatp/hgatp MODE (bits 63:60). */
#define ATP_SV39 (8 << 60)
#define ATP_SV48 (9 << 60)
#define ATP_SV57 (10 << 60)
#define HGATP_VMID_SHIFT 44

/* Priv §3.1.18, §9.2.5: menvcfg/henvcfg high bits. */
#define ENVCFG_STCE (1 << 63)
#define ENVCFG_PBMTE (1 << 62)
#define ENVCFG_ADUE (1 << 61)

/* Smstateen: bit 63 (SE0, SEn) of every mstateen/hstateen, bit 62 (ENVCFG) of mstateen0/hstateen0. */
#define STATEEN_SE (1 << 63)
#define STATEEN0_ENVCFG (1 << 62)

/* Priv §9.6.3: pseudoinstructions for implicit VS-stage PTE accesses (RV64). */
#define TINST_PTE_READ 0x3000
#define TINST_PTE_WRITE 0x3020

/* Implementation parameters of rvhv that the tests rely on. */
#define GEILEN 7
#define VMIDLEN 14

/* Where the image lives: RAM at 0x80000000, identity mapped as one 1 GiB page. */
#define RAM_GPA 0x80000000

#define HYP_POOL_PAGES 40
#define HYP_DATA_PAGES 16

/* ---------------------------------------------------------------------- */
/* Image skeleton                                                          */

.macro HYP_CODE_BEGIN
  RVHV_CODE_BEGIN
  .option push
  .option norvc
  j hyp_body

  /* Trap funnels: a trap taken in HS- or VS-mode comes back to M-mode as
     an ECALL from that mode (cause 9 or 10). */
  .balign 64
  .globl hyp_hs_vector
hyp_hs_vector:
  ecall
  j hyp_hs_vector
  .balign 64
  .globl hyp_vs_vector
hyp_vs_vector:
  ecall
  j hyp_vs_vector

/* hyp_reset: every CSR the tests touch back to reset-like values; page
   tables emptied. */
hyp_reset:
  /* Priv §3.7.1: with no matching entry S/U accesses fail; entry 0 NAPOT
     over the whole address space grants RWX. */
  li t0, -1
  csrw pmpaddr0, t0
  li t0, 0x1f
  csrw pmpcfg0, t0
  csrw medeleg, zero
  csrw mideleg, zero
  csrw hedeleg, zero
  csrw hideleg, zero
  csrw mie, zero
  csrw mip, zero
  csrw hvip, zero
  csrw hgeie, zero
  csrw hstatus, zero
  csrw hgatp, zero
  csrw satp, zero
  csrw vsatp, zero
  csrw vsstatus, zero
  csrw vsie, zero
  csrw menvcfg, zero
  csrw henvcfg, zero
  csrw mcounteren, zero
  csrw hcounteren, zero
  csrw scounteren, zero
  la t0, hyp_hs_vector
  csrw stvec, t0
  la t0, hyp_vs_vector
  csrw vstvec, t0
  li t0, MSTATUS_MIE | MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR | MSTATUS_MPV | MSTATUS_GVA
  csrc mstatus, t0
  li t0, MSTATUS_FS_INITIAL
  csrs mstatus, t0
  /* Writes a platform or hart may lack; the first that traps skips the
     rest (tp). htimedelta: QEMU's spike machine has no time CSR, so no
     htimedelta either. Smstateen: below M, the hstateen and sstateen CSRs
     and henvcfg and senvcfg are reachable only through mstateen (0 at
     reset), and senvcfg in VS-mode only through hstateen0: open them as
     firmware (OpenSBI) and a hypervisor (KVM) do (QEMU 7.2 has no
     Smstateen). */
  mv t4, tp
  la tp, 2f
  csrw htimedelta, zero
  li t0, STATEEN_SE | STATEEN0_ENVCFG
  csrw mstateen0, t0
  csrw hstateen0, t0
  li t0, STATEEN_SE
  csrw mstateen1, t0
  csrw mstateen2, t0
  csrw mstateen3, t0
  csrw hstateen1, t0
  csrw hstateen2, t0
  csrw hstateen3, t0
2:
  mv tp, t4
  /* fall through */

/* hyp_pt_reset: empties both root tables and the table pool. */
hyp_pt_reset:
  la t0, hyp_g_root
  la t1, hyp_pt_pool
1:
  sd zero, 0(t0)
  addi t0, t0, 8
  bltu t0, t1, 1b
  la t0, hyp_pt_next
  sd t1, 0(t0)
  ret

/*
 * hyp_map: maps one page. a0 = root table (physical), a1 = virtual or guest
 * physical address, a2 = target address, a3 = leaf PTE flags, a4 = levels
 * (3 Sv39, 4 Sv48, 5 Sv57), a5 = leaf level (0: 4 KiB, 1: 2 MiB, 2: 1 GiB),
 * a6 = 1 for a G-stage root (2 more index bits, Priv §9.5.1). Missing
 * intermediate tables come zeroed from the pool; their PTEs hold physical
 * addresses, which are also guest physical ones under the identity G-stage.
 * An existing leaf is overwritten. Returns a0 = the leaf PTE's address.
 * Clobbers t0-t4.
 */
hyp_map:
  addi t0, a4, -1
1:
  slli t1, t0, 3
  add t1, t1, t0
  addi t1, t1, 12
  srl t2, a1, t1
  li t3, 0x1ff
  addi t4, a4, -1
  bne t0, t4, 2f
  beqz a6, 2f
  li t3, 0x7ff
2:
  and t2, t2, t3
  slli t2, t2, 3
  add t2, a0, t2
  bne t0, a5, 3f
  srli t3, a2, 12
  slli t3, t3, 10
  or t3, t3, a3
  sd t3, 0(t2)
  mv a0, t2
  ret
3:
  ld t3, 0(t2)
  andi t4, t3, PTE_V
  bnez t4, 5f
  la t4, hyp_pt_next
  ld t3, 0(t4)
  li t1, 4096
  add t1, t3, t1
  sd t1, 0(t4)
  mv t4, t3
4:
  sd zero, 0(t4)
  addi t4, t4, 8
  bltu t4, t1, 4b
  srli t3, t3, 12
  slli t3, t3, 10
  ori t3, t3, PTE_V
  sd t3, 0(t2)
5:
  srli t3, t3, 10
  slli a0, t3, 12
  addi t0, t0, -1
  j 1b

/*
 * hyp_setup_2stage: a0 = flags of the VS-stage page mapping the image.
 * Sv39x4 G-stage: GPA RAM_GPA..+1 GiB -> the same physical addresses (U, RWX).
 * Sv39 VS-stage: VA RAM_GPA..+1 GiB -> the same guest physical addresses.
 * Sets hgatp and vsatp. Clobbers a0-a7, t0-t5.
 */
hyp_setup_2stage:
  mv a7, ra
  mv t5, a0
  call hyp_pt_reset
  la a0, hyp_g_root
  li a1, RAM_GPA
  li a2, RAM_GPA
  li a3, GPTE_ALL
  li a4, 3
  li a5, 2
  li a6, 1
  call hyp_map
  la a0, hyp_vs_root
  li a1, RAM_GPA
  li a2, RAM_GPA
  mv a3, t5
  li a4, 3
  li a5, 2
  li a6, 0
  call hyp_map
  la t0, hyp_g_root
  srli t0, t0, 12
  li t1, ATP_SV39
  or t0, t0, t1
  csrw hgatp, t0
  la t0, hyp_vs_root
  srli t0, t0, 12
  li t1, ATP_SV39
  or t0, t0, t1
  csrw vsatp, t0
  hfence.gvma
  mv ra, a7
  ret

  .pushsection .bss.hyp, "aw", @nobits
  .balign 16384
  .globl hyp_g_root
hyp_g_root:
  .skip 16384
  .globl hyp_vs_root
hyp_vs_root:
  .skip 4096
hyp_pt_pool:
  .skip 4096 * HYP_POOL_PAGES
  .globl hyp_page0
hyp_page0:
  .skip 4096 * HYP_DATA_PAGES
  .popsection
  .pushsection .data.hyp, "aw", @progbits
  .balign 8
hyp_pt_next:
  .dword 0
  .popsection

hyp_body:
  .option pop
  /* Test code is uncompressed (4-byte aligned) unless a case asks for RVC:
     every case then sits at the same kind of address whatever the layout,
     and no instruction straddles a page. */
  .option norvc
.endm

/* Resets the H state (see hyp_reset above). */
.macro HYP_RESET
  call hyp_reset
.endm

/* Sets up identity two-stage translation; \vsflags: VSPTE_S or VSPTE_U. */
.macro HYP_SETUP_2STAGE vsflags
  li a0, \vsflags
  call hyp_setup_2stage
.endm

/* Address of data page \k. */
#define HYP_PAGE(k) (hyp_page0 + (k) * 4096)

/* Maps 4 KiB page \gpa -> \pa in the Sv39x4 G-stage (leaf PTE address in a0). */
.macro MAP_G gpa, pa, flags
  la a0, hyp_g_root
  li a1, \gpa
  la a2, \pa
  li a3, \flags
  li a4, 3
  li a5, 0
  li a6, 1
  call hyp_map
.endm

/* Maps 4 KiB page \va -> guest physical \gpa (a number) in the Sv39 VS-stage. */
.macro MAP_VS va, gpa, flags
  la a0, hyp_vs_root
  li a1, \va
  li a2, \gpa
  li a3, \flags
  li a4, 3
  li a5, 0
  li a6, 0
  call hyp_map
.endm

/* ---------------------------------------------------------------------- */
/* Modes                                                                   */

/* Leaves M-mode by MRET into \mode (M, HS, U, VS, VU), continuing at \label. */
.macro ENTER mode, label
  li t5, MSTATUS_MPP | MSTATUS_MPV
  csrc mstatus, t5
  .ifc \mode, M
  li t5, MSTATUS_MPP_M
  .endif
  .ifc \mode, HS
  li t5, MSTATUS_MPP_S
  .endif
  .ifc \mode, U
  li t5, 0
  .endif
  .ifc \mode, VS
  li t5, MSTATUS_MPP_S | MSTATUS_MPV
  .endif
  .ifc \mode, VU
  li t5, MSTATUS_MPV
  .endif
  csrs mstatus, t5
  la t5, \label
  csrw mepc, t5
  mret
.endm

/* mstatus.MPP/MPV after a trap into M-mode name \mode (Priv §9.6.2 table). */
.macro CHECK_FROM mode
  csrr t5, mstatus
  li t6, MSTATUS_MPP | MSTATUS_MPV
  and t5, t5, t6
  .ifc \mode, M
  CHECK t5, MSTATUS_MPP_M
  .endif
  .ifc \mode, HS
  CHECK t5, MSTATUS_MPP_S
  .endif
  .ifc \mode, U
  CHECK t5, 0
  .endif
  .ifc \mode, VS
  CHECK t5, MSTATUS_MPP_S | MSTATUS_MPV
  .endif
  .ifc \mode, VU
  CHECK t5, MSTATUS_MPV
  .endif
.endm

/* The ECALL cause of \mode. */
.macro ECALL_CAUSE reg, mode
  .ifc \mode, M
  li \reg, CAUSE_ECALL_M
  .endif
  .ifc \mode, HS
  li \reg, CAUSE_ECALL_S
  .endif
  .ifc \mode, U
  li \reg, CAUSE_ECALL_U
  .endif
  .ifc \mode, VS
  li \reg, CAUSE_ECALL_VS
  .endif
  .ifc \mode, VU
  li \reg, CAUSE_ECALL_U
  .endif
.endm

/* (csr & mask) == value. */
.macro CHECK_CSR_BITS csr, mask, value
  csrr t5, \csr
  li t6, \mask
  and t5, t5, t6
  CHECK t5, \value
.endm

/* The last trap was taken in HS-mode with scause = \cause. */
.macro CHECK_IN_HS cause
  CHECK_CSR mcause, CAUSE_ECALL_S
  csrr t5, mepc
  CHECK_ADDR t5, hyp_hs_vector
  CHECK_CSR scause, \cause
.endm

/* The last trap was taken in VS-mode (V = 1 in the handler) with vscause = \cause. */
.macro CHECK_IN_VS cause
  CHECK_CSR mcause, CAUSE_ECALL_VS
  csrr t5, mepc
  CHECK_ADDR t5, hyp_vs_vector
  CHECK_FROM VS
  CHECK_CSR vscause, \cause
.endm

/*
 * Case \n: in \mode, the single instruction \insn raises exception \cause,
 * taken in M-mode, with mepc = the instruction and mtval = \tval: a
 * register, `insn` for the instruction's own 32 bits (as illegal and
 * virtual instructions report them), or `any`. mtval is preset to junk so a
 * missing write shows.
 */
.macro TEST_TRAP_IN n, mode, cause, tval, insn:vararg
  li gp, \n
  li t6, 0x5a5a5a5a
  csrw mtval, t6
  la tp, .Lhyp_resume\@
  ENTER \mode, .Lhyp_insn\@
.Lhyp_insn\@:
  \insn
  ecall
.Lhyp_resume\@:
  li tp, 0
  CHECK_CSR mcause, \cause
  csrr t5, mepc
  CHECK_ADDR t5, .Lhyp_insn\@
  .ifc \tval, insn
  la t5, .Lhyp_insn\@
  lwu s11, 0(t5)
  csrr t5, mtval
  CHECK_REG t5, s11
  .else
  .ifnc \tval, any
  csrr t5, mtval
  CHECK_REG t5, \tval
  .endif
  .endif
  CHECK_FROM \mode
.endm

/* Case \n: the 32-bit \insn in \mode is an illegal instruction (mtval = its encoding). */
.macro TEST_ILLEGAL_IN n, mode, insn:vararg
  TEST_TRAP_IN \n, \mode, CAUSE_ILLEGAL, insn, \insn
.endm

/* Case \n: the 32-bit \insn in \mode is a virtual instruction (Priv §9.6.1; mtval = its encoding). */
.macro TEST_VIRTUAL_IN n, mode, insn:vararg
  TEST_TRAP_IN \n, \mode, CAUSE_VIRTUAL_INSTRUCTION, insn, \insn
.endm

/* Case \n: \insn runs in \mode without trapping (the ECALL after it is the first trap). */
.macro TEST_OK_IN n, mode, insn:vararg
  li gp, \n
  la tp, .Lhyp_resume\@
  ENTER \mode, .Lhyp_insn\@
.Lhyp_insn\@:
  \insn
.Lhyp_ecall\@:
  ecall
.Lhyp_resume\@:
  li tp, 0
  ECALL_CAUSE t6, \mode
  csrr t5, mcause
  CHECK_REG t5, t6
  csrr t5, mepc
  CHECK_ADDR t5, .Lhyp_ecall\@
  CHECK_FROM \mode
.endm

/*
 * A block of code run in \mode:
 *
 *   GUEST_BEGIN VS
 *     ...instructions run in VS-mode...
 *   GUEST_END VS          # ECALL back to M-mode; checks it came from VS-mode
 *
 * The numeric labels 7, 8 and 9 belong to these macros; code between them
 * must not define them. A trap inside the block lands at the GUEST_END
 * check, which then fails unless the trap was its ECALL.
 */
.macro GUEST_BEGIN mode
  la tp, 8f
  ENTER \mode, 9f
9:
.endm

.macro GUEST_END mode
7:
  ecall
8:
  li tp, 0
  ECALL_CAUSE t6, \mode
  csrr t5, mcause
  CHECK_REG t5, t6
  csrr t5, mepc
  CHECK_ADDR t5, 7b
  CHECK_FROM \mode
.endm

/* Ends a GUEST_BEGIN block that is expected to trap (the ECALL is only
   reached if it did not); checks nothing, so the test inspects the trap. */
.macro GUEST_TRAPPED
  ecall
8:
  li tp, 0
.endm

#endif
