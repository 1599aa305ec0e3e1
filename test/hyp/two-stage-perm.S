# Two-stage translation permissions and formats (Priv §9.5): A/D bits at each
# stage (Svade vs Svadu through menvcfg.ADUE / henvcfg.ADUE, including the
# 0x3020 pseudoinstruction for a failed A/D write), MXR at VS level vs HS
# level, vsstatus.SUM, VU vs VS, Sv48x4 / Sv57x4 and G-stage superpages.
#include "hyp.h"

#define VA(k) (0x40000000 + (k) * 0x1000)
#define GPA(k) (0x100000000 + (k) * 0x1000)

.macro CHECK_GUEST_FAULT cause, tval, gpa, tinst
  CHECK_CSR mcause, \cause
  CHECK_CSR mtval, \tval
  CHECK_CSR mtval2, (\gpa) >> 2
  CHECK_CSR mtinst, \tinst
  CHECK_CSR_BITS mstatus, MSTATUS_GVA, MSTATUS_GVA
.endm

/* A VS-stage page fault trapped into M-mode: mtval = GVA, mtval2 = 0, GVA = 1. */
.macro CHECK_VS_PAGE_FAULT cause, tval
  CHECK_CSR mcause, \cause
  CHECK_CSR mtval, \tval
  CHECK_CSR mtval2, 0
  CHECK_CSR_BITS mstatus, MSTATUS_GVA, MSTATUS_GVA
  CHECK_FROM VS
.endm

/* Runs `ld a0, 0(a1)` at a1 = \va in \mode; expects no trap. */
.macro LOAD_OK mode, va
  li a1, \va
  GUEST_BEGIN \mode
  ld a0, 0(a1)
  GUEST_END \mode
.endm

/* Runs `\insn` with a1 = \va in \mode; expects a trap into M-mode. */
.macro ACCESS_TRAPS mode, va, insn:vararg
  li a1, \va
  GUEST_BEGIN \mode
  \insn
  GUEST_TRAPPED
.endm

/* s0 = (8-byte word at s0) & \bits, for checking A/D in a PTE. */
.macro PTE_BITS reg, addr, bits
  ld \reg, 0(\addr)
  andi \reg, \reg, \bits
.endm

HYP_CODE_BEGIN
  HYP_RESET
  HYP_SETUP_2STAGE VSPTE_S
  MAP_G GPA(0), HYP_PAGE(0), GPTE_ALL

  # ---- VS-stage A/D (Priv §9.2.5 henvcfg.ADUE).
  CASE 1                                                        # Priv §9.2.5: henvcfg.ADUE = 0 behaves as Svade for the VS-stage: A = 0 gives a load page fault
  MAP_VS VA(0), GPA(0), PTE_V | PTE_R | PTE_W
  mv s0, a0
  ACCESS_TRAPS VS, VA(0), ld a0, 0(a1)
  CHECK_VS_PAGE_FAULT CAUSE_LOAD_PAGE, VA(0)

  CASE 2                                                        # Priv §9.2.5: ... and D = 0 a store page fault
  MAP_VS VA(0), GPA(0), PTE_V | PTE_R | PTE_W | PTE_A
  ACCESS_TRAPS VS, VA(0), sd a2, 0(a1)
  CHECK_VS_PAGE_FAULT CAUSE_STORE_PAGE, VA(0)

  CASE 3                                                        # Priv §3.1.18, §9.2.5: menvcfg.ADUE alone does not enable VS-stage updates (henvcfg.ADUE = 0)
  li a0, ENVCFG_ADUE
  csrw menvcfg, a0
  MAP_VS VA(0), GPA(0), PTE_V | PTE_R | PTE_W
  ACCESS_TRAPS VS, VA(0), ld a0, 0(a1)
  CHECK_VS_PAGE_FAULT CAUSE_LOAD_PAGE, VA(0)

  CASE 4                                                        # Priv §9.2.5: with henvcfg.ADUE = 1 a VS-stage load sets A in the PTE instead
  li a0, ENVCFG_ADUE
  csrw henvcfg, a0
  hfence.vvma
  LOAD_OK VS, VA(0)
  PTE_BITS a0, s0, PTE_A | PTE_D
  CHECK a0, PTE_A

  CASE 5                                                        # Priv §9.2.5: ... and a store sets D
  li a1, VA(0)
  GUEST_BEGIN VS
  sd a2, 0(a1)
  GUEST_END VS
  PTE_BITS a0, s0, PTE_A | PTE_D
  CHECK a0, PTE_A | PTE_D
  csrw henvcfg, zero
  csrw menvcfg, zero

  # ---- G-stage A/D (Priv §3.1.18 menvcfg.ADUE).
  MAP_VS VA(1), GPA(1), VSPTE_S
  CASE 6                                                        # Priv §3.1.18: menvcfg.ADUE = 0: a G-stage leaf with A = 0 gives a guest-page fault
  MAP_G GPA(1), HYP_PAGE(1), PTE_V | PTE_RWX | PTE_U
  mv s0, a0
  ACCESS_TRAPS VS, VA(1) + 8, ld a0, 0(a1)
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, VA(1) + 8, GPA(1) + 8, 0x3503

  CASE 7                                                        # Priv §3.1.18: ... and D = 0 a store guest-page fault
  MAP_G GPA(1), HYP_PAGE(1), PTE_V | PTE_RWX | PTE_U | PTE_A
  ACCESS_TRAPS VS, VA(1) + 8, sd a2, 0(a1)
  CHECK_GUEST_FAULT CAUSE_STORE_GUEST_PAGE, VA(1) + 8, GPA(1) + 8, 0x00c03023

  CASE 8                                                        # Priv §3.1.18: menvcfg.ADUE = 1 makes the G-stage set A on a load (henvcfg.ADUE = 0)
  li a0, ENVCFG_ADUE
  csrw menvcfg, a0
  MAP_G GPA(1), HYP_PAGE(1), PTE_V | PTE_RWX | PTE_U
  hfence.gvma
  LOAD_OK VS, VA(1)
  PTE_BITS a0, s0, PTE_A | PTE_D
  CHECK a0, PTE_A

  CASE 9                                                        # Priv §3.1.18: ... and D on a store
  li a1, VA(1)
  GUEST_BEGIN VS
  sd a2, 0(a1)
  GUEST_END VS
  PTE_BITS a0, s0, PTE_A | PTE_D
  CHECK a0, PTE_A | PTE_D
  csrw menvcfg, zero

  # ---- A failed A/D write to a VS PTE (Priv §9.6.3 pseudoinstruction 0x3020).
  # VS root[0] -> level-1 table at GPA 0x120000000 (G: hyp page 8, RW) ->
  # level-0 table at GPA 0x121000000 (G: hyp page 9, read-only) -> leaf for
  # VA 0x200000 -> GPA(0) with A = D = 0.
  la a0, hyp_vs_root
  li a1, ((0x120000000 >> 12) << 10) | PTE_V
  sd a1, 0(a0)
  la a0, HYP_PAGE(8)
  li a1, ((0x121000000 >> 12) << 10) | PTE_V
  sd a1, 8(a0)
  la a0, HYP_PAGE(9)
  li a1, ((0x100000000 >> 12) << 10) | PTE_V | PTE_R | PTE_W
  sd a1, 0(a0)
  MAP_G 0x120000000, HYP_PAGE(8), GPTE_ALL
  MAP_G 0x121000000, HYP_PAGE(9), PTE_V | PTE_R | PTE_U | PTE_A | PTE_D
  li a0, ENVCFG_ADUE
  csrw menvcfg, a0
  csrw henvcfg, a0

  CASE 10                                                       # Priv §9.6.3: the G-stage refuses the A update of a VS PTE: load guest-page fault, mtval2 = PTE GPA >> 2, mtinst = 0x3020
  ACCESS_TRAPS VS, 0x200010, ld a0, 0(a1)
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, 0x200010, 0x121000000, TINST_PTE_WRITE
  CHECK_FROM VS

  CASE 11                                                       # Priv §9.5.1: ... for a store it is a store guest-page fault, still 0x3020
  ACCESS_TRAPS VS, 0x200010, sd a2, 0(a1)
  CHECK_GUEST_FAULT CAUSE_STORE_GUEST_PAGE, 0x200010, 0x121000000, TINST_PTE_WRITE

  CASE 12                                                       # Priv §9.2.5: with henvcfg.ADUE = 0 no write is tried: a plain load page fault
  csrw henvcfg, zero
  ACCESS_TRAPS VS, 0x200010, ld a0, 0(a1)
  CHECK_VS_PAGE_FAULT CAUSE_LOAD_PAGE, 0x200010

  CASE 13                                                       # Priv §9.5.1: once the G-stage allows the write (after HFENCE.GVMA), the access works and A is set
  li a0, ENVCFG_ADUE
  csrw henvcfg, a0
  MAP_G 0x121000000, HYP_PAGE(9), GPTE_ALL
  hfence.gvma
  LOAD_OK VS, 0x200010
  la a1, HYP_PAGE(9)
  PTE_BITS a0, a1, PTE_A | PTE_D
  CHECK a0, PTE_A
  la a0, hyp_vs_root
  sd zero, 0(a0)
  csrw henvcfg, zero
  csrw menvcfg, zero

  # ---- MXR (Priv §9.3.1, §9.5).
  MAP_VS VA(2), GPA(2), PTE_V | PTE_X | PTE_A
  MAP_G GPA(2), HYP_PAGE(2), GPTE_ALL
  CASE 14                                                       # Priv §4.3.1: loading from a VS-stage execute-only page faults without MXR
  ACCESS_TRAPS VS, VA(2), ld a0, 0(a1)
  CHECK_VS_PAGE_FAULT CAUSE_LOAD_PAGE, VA(2)

  CASE 15                                                       # Priv §9.5: vsstatus.MXR makes VS-stage execute-only pages readable
  li a0, MSTATUS_MXR
  csrw vsstatus, a0
  LOAD_OK VS, VA(2)
  csrw vsstatus, zero

  CASE 16                                                       # Priv §9.5: HS-level MXR (mstatus.MXR) also applies to the VS-stage
  li a0, MSTATUS_MXR
  csrs mstatus, a0
  LOAD_OK VS, VA(2)
  li a0, MSTATUS_MXR
  csrc mstatus, a0

  MAP_VS VA(3), GPA(3), VSPTE_S
  MAP_G GPA(3), HYP_PAGE(3), PTE_V | PTE_X | PTE_U | PTE_A | PTE_D
  CASE 17                                                       # Priv §9.5.1: a G-stage execute-only page is not readable: load guest-page fault
  ACCESS_TRAPS VS, VA(3), ld a0, 0(a1)
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, VA(3), GPA(3), 0x3503

  CASE 18                                                       # Priv §9.5: vsstatus.MXR does not override G-stage protection
  li a0, MSTATUS_MXR
  csrw vsstatus, a0
  ACCESS_TRAPS VS, VA(3), ld a0, 0(a1)
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, VA(3), GPA(3), 0x3503
  csrw vsstatus, zero

  CASE 19                                                       # Priv §9.5: HS-level MXR overrides both stages
  li a0, MSTATUS_MXR
  csrs mstatus, a0
  LOAD_OK VS, VA(3)
  li a0, MSTATUS_MXR
  csrc mstatus, a0

  # ---- SUM with V=1 (Priv §9.2.11, §4.3.1).
  MAP_VS VA(4), GPA(4), VSPTE_U
  MAP_G GPA(4), HYP_PAGE(4), GPTE_ALL
  CASE 20                                                       # Priv §9.2.11: VS-mode loads from U pages fault unless vsstatus.SUM; HS-level SUM does not count with V=1
  li a0, MSTATUS_SUM
  csrs mstatus, a0
  ACCESS_TRAPS VS, VA(4), ld a0, 0(a1)
  CHECK_VS_PAGE_FAULT CAUSE_LOAD_PAGE, VA(4)
  li a0, MSTATUS_SUM
  csrc mstatus, a0

  CASE 21                                                       # Priv §4.3.1: with vsstatus.SUM VS-mode may load from U pages
  li a0, MSTATUS_SUM
  csrw vsstatus, a0
  LOAD_OK VS, VA(4)

  CASE 22                                                       # Priv §4.3.1: ... but never execute them, SUM or not (instruction page fault)
  li a1, VA(4)
  li a0, 0x00000073                                             # an ECALL at VA(4), should the fetch wrongly succeed
  la a2, HYP_PAGE(4)
  sw a0, 0(a2)
  fence.i
  GUEST_BEGIN VS
  jr a1
  GUEST_TRAPPED
  CHECK_VS_PAGE_FAULT CAUSE_FETCH_PAGE, VA(4)
  CHECK_CSR mepc, VA(4)
  csrw vsstatus, zero

  CASE 23                                                       # Priv §4.3.1: VS-mode code on a U page cannot even start (fetch page fault at the entry)
  HYP_SETUP_2STAGE VSPTE_U
  GUEST_BEGIN VS
  nop
  GUEST_TRAPPED
  csrr a0, mepc
  CHECK_ADDR a0, 9b
  CHECK_CSR mcause, CAUSE_FETCH_PAGE
  CHECK_FROM VS

  CASE 24                                                       # Priv §4.3.1: VU-mode loads from a VS-stage U=0 page fault
  MAP_VS VA(0), GPA(0), VSPTE_S
  MAP_G GPA(0), HYP_PAGE(0), GPTE_ALL
  ACCESS_TRAPS VU, VA(0), ld a0, 0(a1)
  CHECK_CSR mcause, CAUSE_LOAD_PAGE
  CHECK_CSR mtval, VA(0)
  CHECK_FROM VU

  CASE 25                                                       # Priv §4.3.1: ... and work on U=1 pages
  MAP_VS VA(1), GPA(0), VSPTE_U
  LOAD_OK VU, VA(1)

  # ---- Sv48x4 and Sv57x4 (Priv §9.5.1), with vsatp Bare (VA = GPA).
  CASE 26                                                       # Priv §9.5.1: Sv48x4 translates 50-bit GPAs (bit 49 set: root entry 1024)
  call hyp_pt_reset
  la a0, hyp_g_root
  li a1, RAM_GPA
  li a2, RAM_GPA
  li a3, GPTE_ALL
  li a4, 4
  li a5, 2
  li a6, 1
  call hyp_map
  la a0, hyp_g_root
  li a1, 1 << 49
  la a2, HYP_PAGE(10)
  li a3, GPTE_ALL
  li a4, 4
  li a5, 0
  li a6, 1
  call hyp_map
  la a0, hyp_g_root
  srli a0, a0, 12
  li a1, ATP_SV48
  or a0, a0, a1
  csrw hgatp, a0
  csrw vsatp, zero
  hfence.gvma
  la a0, HYP_PAGE(10)
  li a1, 0x4848
  sd a1, 8(a0)
  LOAD_OK VS, (1 << 49) + 8
  CHECK a0, 0x4848

  CASE 27                                                       # Priv §9.5.1: Sv48x4 GPA bits 63:50 must be zero
  ACCESS_TRAPS VS, (1 << 50) + 8, ld a0, 0(a1)
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, (1 << 50) + 8, (1 << 50) + 8, 0x3503

  CASE 28                                                       # Priv §9.5.1: Sv57x4 translates 59-bit GPAs (bit 58 set: root entry 1024)
  call hyp_pt_reset
  la a0, hyp_g_root
  li a1, RAM_GPA
  li a2, RAM_GPA
  li a3, GPTE_ALL
  li a4, 5
  li a5, 2
  li a6, 1
  call hyp_map
  la a0, hyp_g_root
  li a1, 1 << 58
  la a2, HYP_PAGE(11)
  li a3, GPTE_ALL
  li a4, 5
  li a5, 0
  li a6, 1
  call hyp_map
  la a0, hyp_g_root
  srli a0, a0, 12
  li a1, ATP_SV57
  or a0, a0, a1
  csrw hgatp, a0
  hfence.gvma
  la a0, HYP_PAGE(11)
  li a1, 0x5757
  sd a1, 16(a0)
  LOAD_OK VS, (1 << 58) + 16
  CHECK a0, 0x5757

  CASE 29                                                       # Priv §9.5.1: Sv57x4 GPA bits 63:59 must be zero
  ACCESS_TRAPS VS, (1 << 59) + 16, ld a0, 0(a1)
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, (1 << 59) + 16, (1 << 59) + 16, 0x3503

  # ---- G-stage superpages (Priv §4.3.2 step 6, 8, as adopted by §9.5.1).
  CASE 30                                                       # Priv §4.3.2: a 2 MiB G-stage leaf takes GPA bits 20:0 unchanged (GPA 0x100200100 -> PA 0x80000100)
  HYP_SETUP_2STAGE VSPTE_S
  csrw vsatp, zero
  la a0, hyp_g_root
  li a1, 0x100200000
  li a2, RAM_GPA
  li a3, GPTE_ALL
  li a4, 3
  li a5, 1
  li a6, 1
  call hyp_map
  li a1, 0x100200100
  GUEST_BEGIN VS
  lwu a0, 0(a1)
  GUEST_END VS
  li a1, RAM_GPA + 0x100
  lwu a1, 0(a1)
  CHECK_REG a0, a1

  CASE 31                                                       # Priv §4.3.2 step 6: a misaligned G-stage superpage (PPN not 2 MiB aligned) is a guest-page fault
  la a0, hyp_g_root
  li a1, 0x100400000
  li a2, RAM_GPA + 0x1000
  li a3, GPTE_ALL
  li a4, 3
  li a5, 1
  li a6, 1
  call hyp_map
  ACCESS_TRAPS VS, 0x100400008, ld a0, 0(a1)
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, 0x100400008, 0x100400008, 0x3503

  # ---- Svpbmt at each stage (Priv §9.2.5 henvcfg.PBMTE, §3.1.18 menvcfg.PBMTE).
  HYP_SETUP_2STAGE VSPTE_S
  MAP_VS VA(0), GPA(0), VSPTE_S | PTE_PBMT_NC
  MAP_G GPA(0), HYP_PAGE(0), GPTE_ALL
  MAP_VS VA(1), GPA(1), VSPTE_S
  MAP_G GPA(1), HYP_PAGE(1), GPTE_ALL | PTE_PBMT_NC
  CASE 32                                                       # Priv §9.2.5: with henvcfg.PBMTE = 0 a VS-stage PBMT value is reserved: page fault
  li a0, ENVCFG_PBMTE
  csrw menvcfg, a0
  ACCESS_TRAPS VS, VA(0), ld a0, 0(a1)
  CHECK_VS_PAGE_FAULT CAUSE_LOAD_PAGE, VA(0)

  CASE 33                                                       # Priv §9.2.5: with henvcfg.PBMTE = 1 (and menvcfg.PBMTE) the VS-stage PBMT is accepted
  li a0, ENVCFG_PBMTE
  csrw henvcfg, a0
  LOAD_OK VS, VA(0)

  CASE 34                                                       # Priv §3.1.18: G-stage PBMT follows menvcfg.PBMTE, whatever henvcfg.PBMTE
  csrw henvcfg, zero
  LOAD_OK VS, VA(1)
  csrw menvcfg, zero
  ACCESS_TRAPS VS, VA(1), ld a0, 0(a1)
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, VA(1), GPA(1), 0x3503

  # ---- Other stage combinations.
  CASE 35                                                       # Priv §9.5: hgatp Bare: VS-stage translation alone, its result used as the physical address
  la a0, hyp_vs_root
  li a1, VA(9)
  la a2, HYP_PAGE(9)
  li a3, VSPTE_S
  li a4, 3
  li a5, 0
  li a6, 0
  call hyp_map
  la a0, HYP_PAGE(9)
  li a1, 0x9999
  sd a1, 0(a0)
  csrw hgatp, zero
  hfence.gvma
  LOAD_OK VS, VA(9)
  CHECK a0, 0x9999

  CASE 36                                                       # Priv §9.2.18: vsatp Sv48 over an Sv39x4 G-stage
  HYP_SETUP_2STAGE VSPTE_S                                      # sets hgatp; the tables are then rebuilt
  call hyp_pt_reset
  la a0, hyp_g_root
  li a1, RAM_GPA
  li a2, RAM_GPA
  li a3, GPTE_ALL
  li a4, 3
  li a5, 2
  li a6, 1
  call hyp_map
  MAP_G GPA(0), HYP_PAGE(0), GPTE_ALL
  la a0, hyp_vs_root                                            # Sv48 VS-stage: the image by a 1 GiB page, VA 1 << 40 by a 4 KiB page
  li a1, RAM_GPA
  li a2, RAM_GPA
  li a3, VSPTE_S
  li a4, 4
  li a5, 2
  li a6, 0
  call hyp_map
  la a0, hyp_vs_root
  li a1, 1 << 40
  li a2, GPA(0)
  li a3, VSPTE_S
  li a4, 4
  li a5, 0
  li a6, 0
  call hyp_map
  la a0, hyp_vs_root
  srli a0, a0, 12
  li a1, ATP_SV48
  or a0, a0, a1
  csrw vsatp, a0
  hfence.gvma
  la a0, HYP_PAGE(0)
  li a1, 0x4848
  sd a1, 0(a0)
  LOAD_OK VS, 1 << 40
  CHECK a0, 0x4848

  # ---- Which stage faults first (Priv §9.5, §9.6.1 exception priority).
  # VA(5) is read-only in the VS-stage; its GPA is not mapped in the G-stage.
  CASE 37                                                       # Priv §9.5: the G-stage translates the GPA the VS-stage produced: a load reaches it and takes a load guest-page fault
  HYP_SETUP_2STAGE VSPTE_S
  MAP_VS VA(5), GPA(5), PTE_V | PTE_R | PTE_A | PTE_D
  ACCESS_TRAPS VS, VA(5), ld a0, 0(a1)
  CHECK_GUEST_FAULT CAUSE_LOAD_GUEST_PAGE, VA(5), GPA(5), 0x3503
  CHECK_FROM VS

  CASE 38                                                       # Priv §9.6.1: for an AMO the VS-stage refuses the write first: a store/AMO page fault, not a (load) guest-page fault
  ACCESS_TRAPS VS, VA(5), amoadd.d a0, a2, (a1)
  CHECK_VS_PAGE_FAULT CAUSE_STORE_PAGE, VA(5)

  CASE 39                                                       # Priv §9.6.1: ... and so for a store
  ACCESS_TRAPS VS, VA(5), sd a2, 0(a1)
  CHECK_VS_PAGE_FAULT CAUSE_STORE_PAGE, VA(5)

RVHV_CODE_END
