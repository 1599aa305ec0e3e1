# Zbb basic bit manipulation (Unpriv §28.4.2, "Zbb").
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  # ---- Logical with negate.
  TEST_RR 1, andn, 0x00f000f000f000f0, 0x0ff00ff00ff00ff0, 0x0f000f000f000f00  # Zbb ANDN: rs1 & ~rs2
  TEST_RR 2, orn, 0x0fff0fff0fff0fff, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00   # Zbb ORN: rs1 | ~rs2
  TEST_RR 3, xnor, 0xff0fff0fff0fff0f, 0x0ff00ff00ff00ff0, 0x0f000f000f000f00  # Zbb XNOR: ~(rs1 ^ rs2)

  # ---- Counting.
  TEST_R 4, clz, 64, 0                                                  # Zbb CLZ of 0 is XLEN
  TEST_R 5, clz, 0, 0x8000000000000000                                  # Zbb CLZ with bit 63 set
  TEST_R 6, clz, 31, 0x00000001ffffffff                                 # Zbb CLZ counts over 64 bits
  TEST_R 7, clzw, 32, 0xffffffff00000000                                # Zbb CLZW of a zero word is 32 (upper bits ignored)
  TEST_R 8, clzw, 0, 0x0000000080000000                                 # Zbb CLZW with bit 31 set
  TEST_R 9, clzw, 15, 0x0000000000010000                                # Zbb CLZW
  TEST_R 10, ctz, 64, 0                                                 # Zbb CTZ of 0 is XLEN
  TEST_R 11, ctz, 63, 0x8000000000000000                                # Zbb CTZ
  TEST_R 12, ctz, 32, 0x0000000100000000                                # Zbb CTZ counts over 64 bits
  TEST_R 13, ctzw, 32, 0xffffffff00000000                               # Zbb CTZW of a zero word is 32
  TEST_R 14, ctzw, 31, 0x0000000080000000                               # Zbb CTZW
  TEST_R 15, cpop, 64, -1                                               # Zbb CPOP counts all 64 bits
  TEST_R 16, cpop, 0, 0                                                 # Zbb CPOP of 0
  TEST_R 17, cpop, 32, 0x5555555555555555                               # Zbb CPOP
  TEST_R 18, cpopw, 32, -1                                              # Zbb CPOPW counts rs1[31:0] only
  TEST_R 19, cpopw, 1, 0xffffffff00000001                               # Zbb CPOPW ignores rs1[63:32]

  # ---- Integer minimum/maximum.
  TEST_RR 20, max, 0x0000000000000001, -1, 1                            # Zbb MAX is signed
  TEST_RR 21, maxu, 0xffffffffffffffff, -1, 1                           # Zbb MAXU is unsigned
  TEST_RR 22, min, 0xffffffffffffffff, -1, 1                            # Zbb MIN is signed
  TEST_RR 23, minu, 0x0000000000000001, -1, 1                           # Zbb MINU is unsigned
  TEST_RR 24, min, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000  # Zbb MIN extremes
  TEST_RR 25, maxu, 0x0000000100000000, 0x00000000ffffffff, 0x0000000100000000 # Zbb MAXU compares 64 bits

  # ---- Sign and zero extension.
  TEST_R 26, sext.b, 0xffffffffffffff80, 0x1234567890abcd80             # Zbb SEXT.B
  TEST_R 27, sext.b, 0x000000000000007f, 0xffffffffffffff7f             # Zbb SEXT.B of a positive byte
  TEST_R 28, sext.h, 0xffffffffffff8000, 0x0000000000008000             # Zbb SEXT.H
  TEST_R 29, sext.h, 0x0000000000007fff, 0xffffffffffff7fff             # Zbb SEXT.H of a positive halfword
  TEST_R 30, zext.h, 0x000000000000ffff, 0xffffffffffffffff             # Zbb ZEXT.H

  # ---- Rotations: amount is rs2[5:0] (rs2[4:0] for the W forms).
  TEST_RR 31, rol, 0x0000000000000003, 0x8000000000000001, 1            # Zbb ROL: bit 63 wraps to bit 0
  TEST_RR 32, rol, 0x23456789abcdef01, 0x0123456789abcdef, 72           # Zbb ROL: amount is rs2[5:0] (72 -> 8)
  TEST_RR 33, ror, 0xc000000000000000, 0x8000000000000001, 1            # Zbb ROR: bit 0 wraps to bit 63
  TEST_RR 34, ror, 0x0123456789abcdef, 0x0123456789abcdef, 64           # Zbb ROR by 64 is by 0
  TEST_RI 35, rori, 0xef0123456789abcd, 0x0123456789abcdef, 8           # Zbb RORI
  TEST_RI 36, rori, 0x02468acf13579bde, 0x0123456789abcdef, 63          # Zbb RORI by 63 is ROL by 1
  TEST_RR 37, rolw, 0xffffffff80000000, 0x0000000040000000, 1           # Zbb ROLW sign-extends its 32-bit result
  TEST_RR 38, rolw, 0x0000000000000003, 0xffffffff80000001, 33          # Zbb ROLW: rs1[63:32] and rs2[5] ignored
  TEST_RR 39, rorw, 0xffffffff80000000, 0x0000000000000001, 1           # Zbb RORW: bit 0 wraps to bit 31, sign-extended
  TEST_RI 40, roriw, 0x0000000012345678, 0xffffffff12345678, 0          # Zbb RORIW by 0 sign-extends (here: positive)
  TEST_RI 41, roriw, 0xffffffff81234567, 0x0000000012345678, 4          # Zbb RORIW

  # ---- Byte operations.
  TEST_R 42, orc.b, 0xff00ff00ffff00ff, 0x0100800001ff0002             # Zbb ORC.B: each nonzero byte becomes 0xff
  TEST_R 43, orc.b, 0x0000000000000000, 0                               # Zbb ORC.B of 0
  TEST_R 44, rev8, 0xefcdab8967452301, 0x0123456789abcdef               # Zbb REV8 reverses all 8 bytes on RV64
  TEST_R 45, rev8, 0x00000000000000ff, 0xff00000000000000               # Zbb REV8

  TEST_RR_SAME 46, andn, 0, 0x123456789abcdef0                          # Zbb ANDN rs, rs is 0
  TEST_RR_ZERO 47, max, 5, 6                                            # Unpriv §2.1: rd = x0 discards the result
  CASE 48                                                               # Zbb CLZ with rd = rs1
  li a0, 1
  clz a0, a0
  CHECK a0, 63

RVHV_CODE_END
