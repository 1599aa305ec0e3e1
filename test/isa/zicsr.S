# Zicsr: the six CSR instructions (Unpriv §7.1) on read/write CSRs, and the
# FP CSR views fflags/frm/fcsr (Unpriv §20.2).
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  CASE 1                                                        # Unpriv §7.1: CSRRW returns the old value and writes rs1 (all 64 bits of mscratch)
  li a1, 0x0123456789abcdef
  csrw mscratch, a1
  li a2, 0xfedcba9876543210
  csrrw a0, mscratch, a2
  CHECK a0, 0x0123456789abcdef
  CHECK_CSR mscratch, 0xfedcba9876543210

  CASE 2                                                        # Unpriv §7.1: CSRRW with rd = rs1 swaps register and CSR
  li a0, 0x1111
  csrw mscratch, a0
  li a0, 0x2222
  csrrw a0, mscratch, a0
  CHECK a0, 0x1111
  CHECK_CSR mscratch, 0x2222

  CASE 3                                                        # Unpriv §7.1: CSRRS sets the bits of rs1, returns the old value
  li a1, 0xf0f0
  csrw mscratch, a1
  li a2, 0x8000000000000f00
  csrrs a0, mscratch, a2
  CHECK a0, 0xf0f0
  CHECK_CSR mscratch, 0x800000000000fff0

  CASE 4                                                        # Unpriv §7.1: CSRRC clears the bits of rs1, returns the old value
  li a1, -1
  csrw mscratch, a1
  li a2, 0x80000000000000ff
  csrrc a0, mscratch, a2
  CHECK a0, -1
  CHECK_CSR mscratch, 0x7fffffffffffff00

  CASE 5                                                        # Unpriv §7.1: CSRRS with rs1 = x0 only reads
  li a1, 0x5555
  csrw mscratch, a1
  csrrs a0, mscratch, x0
  CHECK a0, 0x5555
  CHECK_CSR mscratch, 0x5555

  CASE 6                                                        # Unpriv §7.1: CSRRWI writes the zero-extended 5-bit uimm
  li a1, -1
  csrw mscratch, a1
  csrrwi a0, mscratch, 31
  CHECK a0, -1
  CHECK_CSR mscratch, 31

  CASE 7                                                        # Unpriv §7.1: CSRRSI sets uimm bits (zero-extended: no upper bits)
  csrw mscratch, zero
  csrrsi a0, mscratch, 0x11
  CHECK a0, 0
  CHECK_CSR mscratch, 0x11

  CASE 8                                                        # Unpriv §7.1: CSRRCI clears uimm bits
  li a1, 0xff
  csrw mscratch, a1
  csrrci a0, mscratch, 0x0f
  CHECK a0, 0xff
  CHECK_CSR mscratch, 0xf0

  CASE 9                                                        # Unpriv §7.1: CSRRW with rd = x0 still writes
  csrw mscratch, zero
  li a1, 77
  csrrw x0, mscratch, a1
  CHECK_CSR mscratch, 77
  CHECK x0, 0

  # ---- FP CSRs (Unpriv §20.2): fflags = fcsr[4:0], frm = fcsr[7:5].
  CASE 10                                                       # Unpriv §20.2: fcsr bits 31:8 read as zero; writes to them are ignored
  li a1, 0xffffffff
  csrw fcsr, a1
  CHECK_CSR fcsr, 0xff
  CHECK_CSR fflags, 0x1f
  CHECK_CSR frm, 7

  CASE 11                                                       # Unpriv §20.2: writing frm changes fcsr[7:5] only
  csrw fcsr, zero
  csrwi frm, RM_RUP
  CHECK_CSR fcsr, (RM_RUP << 5)
  csrwi fflags, NX | OF
  CHECK_CSR fcsr, (RM_RUP << 5) | NX | OF
  CHECK_CSR frm, RM_RUP

  CASE 12                                                       # Unpriv §20.2: fflags is 5 bits, frm 3 bits; wider writes are truncated
  li a1, 0xffe0
  csrw fflags, a1
  CHECK_CSR fflags, 0
  li a1, 0xff9
  csrw frm, a1
  CHECK_CSR frm, 1
  CHECK_CSR fcsr, 0x20

  CASE 13                                                       # Unpriv §20.2: CSRRS/CSRRC on fflags accrue and clear single flags
  csrw fcsr, zero
  csrrsi a0, fflags, DZ
  CHECK a0, 0
  csrrsi a0, fflags, NV
  CHECK a0, DZ
  csrrci a0, fflags, DZ
  CHECK a0, DZ | NV
  CHECK_CSR fflags, NV
  csrw fcsr, zero

  CASE 14                                                       # Priv §3.1.6.6: writing an FP CSR makes mstatus.FS Dirty, and SD (bit 63) summarises it
  li a1, MSTATUS_FS
  csrc mstatus, a1
  li a1, MSTATUS_FS_INITIAL
  csrs mstatus, a1
  csrwi fflags, 0
  csrr a0, mstatus
  li a1, MSTATUS_FS
  and a2, a0, a1
  CHECK a2, MSTATUS_FS_DIRTY
  srli a2, a0, 63
  CHECK a2, 1

  # ---- Machine information registers (Priv §3.1.1-§3.1.5).
  CASE 15                                                       # Priv §3.1.1: misa.MXL = 2 (XLEN 64) and I, M, A, F, D, C, S, U are present
  csrr a0, misa
  srli a1, a0, 62
  CHECK a1, 2
  li a2, (1 << 8) | (1 << 12) | (1 << 0) | (1 << 5) | (1 << 3) | (1 << 2) | (1 << 18) | (1 << 20)
  and a1, a0, a2
  CHECK_REG a1, a2
  CASE 16                                                       # Priv §3.1.5: mhartid of the only hart is 0
  CHECK_CSR mhartid, 0
  CASE 17                                                       # Priv §3.1.6.2: on RV64, mstatus.SXL and UXL read 2 (XLEN 64)
  csrr a0, mstatus
  srli a0, a0, 32
  andi a0, a0, 0xf
  CHECK a0, 0xa

RVHV_CODE_END
