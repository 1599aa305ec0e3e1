# Zbkb bit manipulation for cryptography (Unpriv §28.4.5, "Zbkb"), RV64:
# pack, packh, packw and brev8, plus the instructions Zbkb shares with Zbb
# (rotates, andn/orn/xnor, rev8; zbb.S tests them in depth).
#include "rvhv-test.h"

# The build's -march predates these extensions; binutils 2.40 knows them.
.option arch, +zbkb

RVHV_CODE_BEGIN

  # ---- pack: rs2[31:0] : rs1[31:0].
  TEST_RR 1, pack, 0x7654321089abcdef, 0x0123456789abcdef, 0xfedcba9876543210  # Zbkb PACK: low words side by side, upper words ignored
  TEST_RR 2, pack, 0x00000000ffffffff, -1, 0                                  # Zbkb PACK: rs1[31:0] fills the low word only
  TEST_RR 3, pack, 0xffffffff00000000, 0, -1                                  # Zbkb PACK: rs2[31:0] fills the high word
  TEST_RR 4, pack, 0x8000000080000000, 0x0000000080000000, 0x0000000080000000  # Zbkb PACK: bit 31 of each source is not sign-extended
  # ---- packh: rs2[7:0] : rs1[7:0], zero-extended.
  TEST_RR 5, packh, 0x00000000000010ef, 0x1234567890abcdef, 0xfedcba9876543210  # Zbkb PACKH: low bytes side by side
  TEST_RR 6, packh, 0x000000000000ffff, -1, -1                                # Zbkb PACKH: the result is zero-extended
  TEST_RR 7, packh, 0x0000000000000080, 0x0000000000000080, 0                 # Zbkb PACKH: bit 7 is not sign-extended
  TEST_RR 8, packh, 0x000000000000ff00, 0xffffffffffffff00, 0x00000000000001ff  # Zbkb PACKH: only bits 7:0 of each source count
  # ---- packw: rs2[15:0] : rs1[15:0], sign-extended from bit 31.
  TEST_RR 9, packw, 0x000000003210cdef, 0x0123456789abcdef, 0xfedcba9876543210  # Zbkb PACKW: low halfwords side by side
  TEST_RR 10, packw, 0xffffffff80001234, 0x0000000000001234, 0x0000000000008000  # Zbkb PACKW: bit 31 of the result is sign-extended
  TEST_RR 11, packw, 0xffffffffffff0000, 0, -1                                # Zbkb PACKW: rs2[15:0] all ones gives a negative word
  TEST_RR 12, packw, 0x0000000000008000, 0xffffffffffff8000, 0x0000000000000000  # Zbkb PACKW with rs2 holding 0 (not x0) gives ZEXT.H's result
  # ---- brev8: the bits of each byte reversed.
  TEST_R 13, brev8, 0x80c4a2e691d5b3f7, 0x0123456789abcdef                    # Zbkb BREV8: each byte reversed in place
  TEST_R 14, brev8, 0x0000000000000000, 0x0000000000000000                    # Zbkb BREV8 of 0
  TEST_R 15, brev8, 0xffffffffffffffff, 0xffffffffffffffff                    # Zbkb BREV8 of all ones
  TEST_R 16, brev8, 0x0100000000000080, 0x8000000000000001                    # Zbkb BREV8: bit 63 to bit 56, bit 0 to bit 7
  TEST_R 17, brev8, 0x8040201008040201, 0x0102040810204080                    # Zbkb BREV8: one bit per byte
  TEST_R 18, brev8, 0x000000000f000000, 0x00000000f0000000                    # Zbkb BREV8 does not cross the word boundary
  # ---- Shared with Zbb (Unpriv §28.4.2): the same encodings, checked here as Zbkb.
  TEST_R 19, rev8, 0x7766554433221100, 0x0011223344556677                     # Zbkb REV8 reverses the bytes
  TEST_RR 20, rol, 0x0000000000000018, 0x8000000000000001, 4                  # Zbkb ROL
  TEST_RR 21, ror, 0x8000000000000000, 0x0000000000000001, 1                  # Zbkb ROR
  TEST_RI 22, rori, 0x0000000000000ff0, 0x00000000000000ff, 60                # Zbkb RORI
  TEST_RR 23, rolw, 0xffffffff80000001, 0x00000000c0000000, 1                 # Zbkb ROLW sign-extends
  TEST_RR 24, rorw, 0xffffffff80000001, 0xffffffff00000003, 1                 # Zbkb RORW ignores rs1[63:32]
  TEST_RI 25, roriw, 0x0000000000000002, 0x0000000000000001, 31               # Zbkb RORIW
  TEST_RR 26, andn, 0xff00ff00ff00ff00, 0xffffffffffffffff, 0x00ff00ff00ff00ff  # Zbkb ANDN
  TEST_RR 27, orn, 0xff00ff00ff00ff00, 0x0000000000000000, 0x00ff00ff00ff00ff  # Zbkb ORN
  TEST_RR 28, xnor, 0xffffffffffffffff, 0x0123456789abcdef, 0x0123456789abcdef  # Zbkb XNOR
  # ---- Register handling.
  TEST_RR_SAME 29, pack, 0x0123456701234567, 0x89abcdef01234567               # Zbkb PACK with rd = rs1 = rs2
  TEST_RR_SAME 30, packh, 0x000000000000a5a5, 0x00000000000000a5              # Zbkb PACKH with rd = rs1 = rs2
  TEST_RR_SAME 31, packw, 0xffffffffc001c001, 0x000000000000c001              # Zbkb PACKW with rd = rs1 = rs2
  TEST_RR_ZERO 32, pack, -1, -1                                               # Unpriv §2.1: rd = x0 discards the result

  # ---- Encodings shared with Zbb's zext.h.
  CASE 33                                                                     # Zbkb PACK rd, rs1, x0 (RV32's zext.h encoding) is PACK on RV64: rs1[31:0] zero-extended
  li a1, 0xfedcba9880001234
  pack a0, a1, x0
  CHECK a0, 0x0000000080001234
  CASE 34                                                                     # Zbb/Zbkb: PACKW rd, rs1, x0 is RV64's zext.h
  packw a0, a1, x0
  CHECK a0, 0x0000000000001234
  CASE 35                                                                     # Zbkb: BREV8 then REV8 reverses all 64 bits
  li a1, 0x0123456789abcdef
  brev8 a0, a1
  rev8 a0, a0
  CHECK a0, 0xf7b3d591e6a2c480

  # ---- RV32-only Zbkb instructions are reserved on RV64.
  TEST_ILLEGAL 36, 0x08f59513, .insn i 0x13, 1, a0, a1, 0x08f                 # Unpriv §28.4.5: ZIP is RV32-only
  TEST_ILLEGAL 37, 0x08f5d513, .insn i 0x13, 5, a0, a1, 0x08f                 # Unpriv §28.4.5: UNZIP is RV32-only

RVHV_CODE_END
