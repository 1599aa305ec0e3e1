# Zbkx crossbar permutations (Unpriv §28.4.7, "Zbkx"): rs1 is a table of
# sixteen 4-bit (xperm4) or eight 8-bit (xperm8) elements, each element of
# rs2 an index into it; indexes past the table give 0.
#include "rvhv-test.h"

# The build's -march predates these extensions; binutils 2.40 knows them.
.option arch, +zbkx

RVHV_CODE_BEGIN

  # ---- xperm4: each nibble of rs2 indexes the 16 nibbles of rs1.
  TEST_RR 1, xperm4, 0x0123456789abcdef, 0xfedcba9876543210, 0x0123456789abcdef  # Zbkx XPERM4: the identity table returns the indexes
  TEST_RR 2, xperm4, 0x0123456789abcdef, 0x0123456789abcdef, 0xfedcba9876543210  # Zbkx XPERM4: the identity indexes return the table
  TEST_RR 3, xperm4, 0x5555555555555555, 0x0000000000000005, 0x0000000000000000  # Zbkx XPERM4: index 0 everywhere broadcasts nibble 0
  TEST_RR 4, xperm4, 0xaaaaaaaaaaaaaaaa, 0xa000000000000000, 0xffffffffffffffff  # Zbkx XPERM4: index 15 reads rs1[63:60] (the high word)
  TEST_RR 5, xperm4, 0xffffffff0000ffff, 0x0123456789abcdef, 0x00000000ffff0000  # Zbkx XPERM4: low-word indexes into the high word and back
  TEST_RR 6, xperm4, 0x1234567800000000, 0x8765432100000000, 0x89abcdef01234567  # Zbkx XPERM4: indexes 8-15 read the high word, 0-7 the low word
  TEST_RR 7, xperm4, 0x44444444cccccccc, 0x0f1e2d3c4b5a6978, 0x7777777788888888  # Zbkx XPERM4: nibbles 7 and 8 straddle the word boundary
  # ---- xperm8: each byte of rs2 indexes the 8 bytes of rs1; indexes >= 8 give 0.
  TEST_RR 8, xperm8, 0x0001020304050607, 0x0706050403020100, 0x0001020304050607  # Zbkx XPERM8: the identity table returns the indexes
  TEST_RR 9, xperm8, 0xefcdab8967452301, 0x0123456789abcdef, 0x0001020304050607  # Zbkx XPERM8: reversed indexes reverse the bytes (like REV8)
  TEST_RR 10, xperm8, 0xa5a5a5a5a5a5a5a5, 0x00000000000000a5, 0x0000000000000000  # Zbkx XPERM8: index 0 everywhere broadcasts byte 0
  TEST_RR 11, xperm8, 0x5a5a5a5a5a5a5a5a, 0x5a00000000000000, 0x0707070707070707  # Zbkx XPERM8: index 7 reads rs1[63:56]
  TEST_RR 12, xperm8, 0x0000000000000000, 0x0123456789abcdef, 0x08ff10807f090a0b  # Zbkx XPERM8: indexes 8 and up (to 0xff) give 0
  TEST_RR 13, xperm8, 0x00ef00cd0100ab89, 0x0123456789abcdef, 0x0800ff0107100203  # Zbkx XPERM8: in-range and out-of-range indexes mixed
  TEST_RR 14, xperm8, 0x00000000ffffffff, -1, 0xffffffff00000000              # Zbkx XPERM8: out-of-range bytes are 0 even in an all-ones table
  # ---- Register handling.
  TEST_RR_SAME 15, xperm4, 0xfedcba9876543210, 0x0123456789abcdef             # Zbkx XPERM4 with rd = rs1 = rs2
  TEST_RR_SAME 16, xperm8, 0x0706050403020100, 0x0001020304050607             # Zbkx XPERM8 with rd = rs1 = rs2
  TEST_RR_ZERO 17, xperm8, -1, 0                                              # Unpriv §2.1: rd = x0 discards the result

  # ---- Neighbouring encodings.
  TEST_ILLEGAL 18, 0x28c5b533, .insn r 0x33, 3, 0x14, a0, a1, a2              # Zbkx: funct7 0010100 with funct3 011 is reserved (xperm4 is 010)

RVHV_CODE_END
