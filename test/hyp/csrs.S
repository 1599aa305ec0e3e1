# Hypervisor CSRs seen from M-mode and HS-mode: which bits exist, which are
# read-only, and the aliases between mip/mie, hip/hie and hvip (Priv §9.2,
# §9.4).
#include "hyp.h"

HYP_CODE_BEGIN
  HYP_RESET

  CASE 1                                                        # Priv §9 intro: the hypervisor extension is misa bit 7 (H)
  CHECK_CSR_BITS misa, 0x80, 0x80

  # ---- hstatus (Priv §9.2.1).
  CASE 2                                                        # Priv §9.2.1: VSXL is WARL; with RV64 only it must read 2 (VSXLEN = 64), whatever is written
  li a0, 1 << 32
  csrw hstatus, a0
  CHECK_CSR_BITS hstatus, 3 << 32, HSTATUS_VSXL_64
  csrw hstatus, zero
  CHECK_CSR_BITS hstatus, 3 << 32, HSTATUS_VSXL_64

  CASE 3                                                        # Priv §9.2.1: VGEIN (WLRL) holds every value 0..GEILEN
  li a0, GEILEN << HSTATUS_VGEIN_SHIFT
  csrw hstatus, a0
  CHECK_CSR_BITS hstatus, HSTATUS_VGEIN, GEILEN << HSTATUS_VGEIN_SHIFT
  li a0, 1 << HSTATUS_VGEIN_SHIFT
  csrw hstatus, a0
  CHECK_CSR_BITS hstatus, HSTATUS_VGEIN, 1 << HSTATUS_VGEIN_SHIFT

  CASE 4                                                        # Priv §9.2.1: VGEIN is WLRL over 0..GEILEN: reading after an out-of-range write still gives a legal value
  li a0, HSTATUS_VGEIN
  csrw hstatus, a0
  csrr a0, hstatus
  li a1, HSTATUS_VGEIN
  and a0, a0, a1
  srli a0, a0, HSTATUS_VGEIN_SHIFT
  li a1, GEILEN
  bleu a0, a1, 1f
  FAIL_HERE
1:

  CASE 5                                                        # Priv §9.2.1: GVA, SPV, SPVP, HU, VTVM, VTW and VTSR are read/write
  li a0, HSTATUS_GVA | HSTATUS_SPV | HSTATUS_SPVP | HSTATUS_HU | HSTATUS_VTVM | HSTATUS_VTW | HSTATUS_VTSR
  csrw hstatus, a0
  CHECK_CSR_BITS hstatus, HSTATUS_GVA | HSTATUS_SPV | HSTATUS_SPVP | HSTATUS_HU | HSTATUS_VTVM | HSTATUS_VTW | HSTATUS_VTSR, HSTATUS_GVA | HSTATUS_SPV | HSTATUS_SPVP | HSTATUS_HU | HSTATUS_VTVM | HSTATUS_VTW | HSTATUS_VTSR
  csrw hstatus, zero
  CHECK_CSR_BITS hstatus, 0xffffffff, 0

  # ---- hedeleg / hideleg (Priv §9.2.2).
  CASE 6                                                        # Priv §9.2.2 table: hedeleg bits 1-8, 12, 13, 15 must be writable
  li a0, -1
  csrw hedeleg, a0
  CHECK_CSR_BITS hedeleg, 0xb1fe, 0xb1fe

  CASE 7                                                        # Priv §9.2.2 table: hedeleg bits 9-11 (ecall from HS/VS/M), 16 and 20-23 (guest-page faults, virtual instruction) are read-only 0
  CHECK_CSR_BITS hedeleg, 0xf10e00, 0
  csrw hedeleg, zero
  CHECK_CSR hedeleg, 0

  CASE 8                                                        # Priv §9.2.2: in hideleg[15:0] bits 10, 6, 2 are writable and 12, 9, 5, 1 read-only 0
  li a0, -1
  csrw hideleg, a0
  CHECK_CSR_BITS hideleg, 0x1666, 0x444
  csrw hideleg, zero
  CHECK_CSR hideleg, 0

  CASE 9                                                        # Priv §9.4.2: mideleg bits 2, 6, 10, and 12 (GEILEN > 0) are read-only one
  csrw mideleg, zero
  CHECK_CSR_BITS mideleg, 0x1444, 0x1444
  li a0, MIP_SSIP
  csrw mideleg, a0
  CHECK_CSR_BITS mideleg, 0x1666, 0x1446
  csrw mideleg, zero

  # ---- hvip, hip, hie and their mip/mie aliases (Priv §9.2.3, §9.4.3).
  CASE 10                                                       # Priv §9.2.3: hvip's writable bits are VSEIP, VSTIP, VSSIP; the rest read 0
  li a0, -1
  csrw hvip, a0
  CHECK_CSR hvip, VS_INTERRUPTS
  csrw hvip, zero
  CHECK_CSR hvip, 0

  CASE 11                                                       # Priv §9.2.3: hip.VSSIP is a writable alias of hvip.VSSIP
  csrwi hip, MIP_VSSIP
  CHECK_CSR hvip, MIP_VSSIP
  CHECK_CSR_BITS hip, MIP_VSSIP, MIP_VSSIP
  csrci hip, MIP_VSSIP
  CHECK_CSR hvip, 0
  CHECK_CSR_BITS hip, MIP_VSSIP, 0

  CASE 12                                                       # Priv §9.4.3: mip.VSSIP aliases hip.VSSIP, hence hvip.VSSIP
  csrsi mip, MIP_VSSIP
  CHECK_CSR hvip, MIP_VSSIP
  CHECK_CSR_BITS hip, MIP_VSSIP, MIP_VSSIP
  csrci mip, MIP_VSSIP
  CHECK_CSR hvip, 0
  CHECK_CSR_BITS mip, MIP_VSSIP, 0

  CASE 13                                                       # Priv §9.2.3: hip.VSTIP/VSEIP include hvip.VSTIP/VSEIP, and mip shows the same bits
  li a0, MIP_VSTIP | MIP_VSEIP
  csrw hvip, a0
  CHECK_CSR_BITS hip, VS_INTERRUPTS, MIP_VSTIP | MIP_VSEIP
  CHECK_CSR_BITS mip, VS_INTERRUPTS, MIP_VSTIP | MIP_VSEIP
  csrw hvip, zero
  CHECK_CSR_BITS hip, VS_INTERRUPTS, 0

  CASE 14                                                       # Priv §9.2.3: VSTIP and VSEIP are read-only in hip, and mip.VSTIP/VSEIP are not writable either
  li a0, MIP_VSTIP | MIP_VSEIP
  csrs hip, a0
  csrs mip, a0
  CHECK_CSR_BITS hip, VS_INTERRUPTS, 0
  CHECK_CSR hvip, 0

  CASE 15                                                       # Priv §9.2.3: hie's writable bits are VSSIE, VSTIE, VSEIE, SGEIE; they alias mie (Priv §9.4.3)
  li a0, -1
  csrw hie, a0
  CHECK_CSR hie, VS_INTERRUPTS | MIP_SGEIP
  CHECK_CSR_BITS mie, VS_INTERRUPTS | MIP_SGEIP, VS_INTERRUPTS | MIP_SGEIP
  csrw mie, zero
  CHECK_CSR hie, 0

  CASE 16                                                       # Priv §9.2.3: hip/hie bits are read-only 0 where sip/sie are writable (SSIP, STIP, SEIP)
  li a0, MIP_SSIP | MIP_STIP | MIP_SEIP
  csrw mideleg, a0
  csrw mie, a0
  csrsi mip, MIP_SSIP
  CHECK_CSR_BITS hie, 0x222, 0
  CHECK_CSR_BITS hip, 0x222, 0
  csrw mie, zero
  csrw mip, zero
  csrw mideleg, zero

  CASE 17                                                       # Priv §4.1.3, §9.2.3: the VS-level and SGEI bits do not appear in sip/sie
  li a0, VS_INTERRUPTS
  csrw hvip, a0
  li a0, VS_INTERRUPTS | MIP_SGEIP
  csrw mie, a0
  CHECK_CSR_BITS sip, VS_INTERRUPTS | MIP_SGEIP, 0
  CHECK_CSR_BITS sie, VS_INTERRUPTS | MIP_SGEIP, 0
  csrw hvip, zero
  csrw mie, zero

  # ---- hgeie / hgeip (Priv §9.2.4).
  CASE 18                                                       # Priv §9.2.4: hgeie bits GEILEN:1 are writable, all others read-only 0
  li a0, -1
  csrw hgeie, a0
  CHECK_CSR hgeie, (1 << (GEILEN + 1)) - 2
  csrw hgeie, zero
  CHECK_CSR hgeie, 0

  CASE 19                                                       # Priv §9.2.4: with no guest external interrupt pending hgeip reads 0
  CHECK_CSR hgeip, 0
  TEST_ILLEGAL_IN 20, M, csrw hgeip, a0                         # Priv §9.2.4, §2.1: hgeip is read-only (CSR number 0xE12); writing it is illegal

  # ---- hgatp (Priv §9.2.10).
  CASE 21                                                       # Priv §9.2.10: MODE Sv39x4 (8) with a PPN is held
  li a0, ATP_SV39 | 0x80000
  csrw hgatp, a0
  CHECK_CSR hgatp, ATP_SV39 | 0x80000

  CASE 22                                                       # Priv §9.2.10: with an unsupported MODE the write is not ignored: fields are WARL, so VMID and PPN are written and MODE keeps a legal value
  li a0, (1 << 60) | (5 << HGATP_VMID_SHIFT) | 0x81234
  csrw hgatp, a0
  csrr a0, hgatp
  li a1, (1 << 58) - 1                                          # VMID (57:44) and PPN (43:0)
  and a1, a0, a1
  CHECK a1, (5 << HGATP_VMID_SHIFT) | 0x81234
  srli a0, a0, 60
  beqz a0, 1f                                                   # Bare, Sv39x4, Sv48x4, Sv57x4 are the legal modes
  addi a0, a0, -8
  li a1, 2
  bleu a0, a1, 1f
  FAIL_HERE
1:

  CASE 23                                                       # Priv §9.2.10: VMIDLEN is discoverable by writing ones; rvhv has VMIDLEN = 14 (VMIDMAX for Sv39x4), the LSBs implemented first
  li a0, ATP_SV39 | (0x3fff << HGATP_VMID_SHIFT)
  csrw hgatp, a0
  li a1, 0x3fff
  csrr a0, hgatp
  srli a0, a0, HGATP_VMID_SHIFT
  and a0, a0, a1
  CHECK a0, (1 << VMIDLEN) - 1

  CASE 24                                                       # Priv §9.2.10: the root table is 16 KiB aligned: PPN[1:0] read as zero
  li a0, ATP_SV39 | 0x80003
  csrw hgatp, a0
  CHECK_CSR hgatp, ATP_SV39 | 0x80000
  csrw hgatp, zero
  CHECK_CSR hgatp, 0

  CASE 25                                                       # Priv §9.2.10: in M-mode hgatp stays accessible with mstatus.TVM = 1
  li a0, MSTATUS_TVM
  csrs mstatus, a0
  csrr a1, hgatp
  csrw hgatp, zero
  TEST_ILLEGAL_IN 26, HS, csrr a0, hgatp                        # Priv §9.2.10: with mstatus.TVM = 1, HS-mode reads of hgatp are illegal
  TEST_ILLEGAL_IN 27, HS, csrw hgatp, zero                      # Priv §9.2.10: ... and so are writes
  li a0, MSTATUS_TVM
  csrc mstatus, a0
  TEST_OK_IN 28, HS, csrw hgatp, zero                           # Priv §9.2.10: with TVM = 0 HS-mode may access hgatp
  li a0, MSTATUS_TVM
  csrs mstatus, a0
  TEST_OK_IN 42, HS, csrr a0, vsatp                             # Priv §9.4.1: TVM = 1 has no effect on HS-mode accesses to vsatp
  TEST_ILLEGAL_IN 43, HS, csrr a0, satp                         # Priv §3.1.6.5: ... while satp is trapped
  li a0, MSTATUS_TVM
  csrc mstatus, a0

  # ---- henvcfg (Priv §9.2.5, §3.1.18).
  CASE 29                                                       # Priv §3.1.18: henvcfg.STCE, PBMTE, ADUE are read-only 0 while the menvcfg bit is 0
  csrw menvcfg, zero
  li a0, ENVCFG_STCE | ENVCFG_PBMTE | ENVCFG_ADUE
  csrw henvcfg, a0
  CHECK_CSR_BITS henvcfg, ENVCFG_STCE | ENVCFG_PBMTE | ENVCFG_ADUE, 0

  CASE 30                                                       # Priv §9.2.5: with the menvcfg bits set, henvcfg.STCE, PBMTE, ADUE are writable
  li a0, ENVCFG_STCE | ENVCFG_PBMTE | ENVCFG_ADUE
  csrw menvcfg, a0
  csrw henvcfg, a0
  CHECK_CSR_BITS henvcfg, ENVCFG_STCE | ENVCFG_PBMTE | ENVCFG_ADUE, ENVCFG_STCE | ENVCFG_PBMTE | ENVCFG_ADUE

  CASE 31                                                       # Priv §3.1.18: clearing a menvcfg bit makes the henvcfg bit read 0 again
  li a0, ENVCFG_STCE
  csrc menvcfg, a0
  CHECK_CSR_BITS henvcfg, ENVCFG_STCE | ENVCFG_PBMTE | ENVCFG_ADUE, ENVCFG_PBMTE | ENVCFG_ADUE
  csrw menvcfg, zero
  CHECK_CSR_BITS henvcfg, ENVCFG_STCE | ENVCFG_PBMTE | ENVCFG_ADUE, 0
  csrw henvcfg, zero

  # ---- mstatus additions (Priv §9.4.1).
  CASE 32                                                       # Priv §9.4.1: mstatus.MPV (bit 39) and GVA (bit 38) are read/write
  li a0, MSTATUS_MPV | MSTATUS_GVA
  csrs mstatus, a0
  CHECK_CSR_BITS mstatus, MSTATUS_MPV | MSTATUS_GVA, MSTATUS_MPV | MSTATUS_GVA
  csrc mstatus, a0
  CHECK_CSR_BITS mstatus, MSTATUS_MPV | MSTATUS_GVA, 0

  CASE 33                                                       # Priv §9.2.11: vsstatus.UXL is WARL and RV64-only rvhv can only hold 2 (64-bit)
  csrw vsstatus, zero
  CHECK_CSR_BITS vsstatus, 3 << 32, 2 << 32

  CASE 34                                                       # Priv §9.2.6: hcounteren CY, TM, IR are writable (rvhv implements all three counters)
  li a0, 7
  csrw hcounteren, a0
  CHECK_CSR_BITS hcounteren, 7, 7
  csrw hcounteren, zero

  CASE 35                                                       # Priv §9.2.9, §9.4.4-5: htval, htinst, mtval2, mtinst can hold zero
  csrw htval, zero
  csrw htinst, zero
  csrw mtval2, zero
  csrw mtinst, zero
  CHECK_CSR htval, 0
  CHECK_CSR htinst, 0
  CHECK_CSR mtval2, 0
  CHECK_CSR mtinst, 0

  # ---- Who may access the hypervisor CSRs with V = 0 (Priv §2.1, §9.2).
  TEST_OK_IN 36, HS, csrr a0, hstatus                           # Priv §9.2: hypervisor CSRs (level 2) belong to HS-mode
  TEST_OK_IN 37, HS, csrr a0, vsstatus                          # Priv §9.2: VS CSRs are accessible as themselves from HS-mode
  TEST_ILLEGAL_IN 38, U, csrr a0, hstatus                       # Priv §2.1: U-mode access to a hypervisor CSR is illegal
  TEST_ILLEGAL_IN 39, U, csrr a0, vsstatus                      # Priv §9.2: U-mode access to a VS CSR is illegal "as usual"
  TEST_ILLEGAL_IN 40, HS, csrr a0, mtval2                       # Priv §2.1: mtval2 is an M-level CSR
  TEST_ILLEGAL_IN 41, HS, csrr a0, mtinst                       # Priv §2.1: mtinst is an M-level CSR

RVHV_CODE_END
