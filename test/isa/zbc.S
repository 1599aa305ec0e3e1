# Zbc carry-less multiplication (Unpriv §28.4.3, "Zbc"): clmul gives bits 63:0
# of the 128-bit carry-less product of rs1 and rs2, clmulh bits 127:64,
# clmulr bits 126:63. clmul and clmulh are also all of Zbkc (§28.4.6).
#include "rvhv-test.h"

# The build's -march predates these extensions; binutils 2.40 knows them.
.option arch, +zbc

RVHV_CODE_BEGIN

  # ---- clmul: bits 63:0 of the carry-less product.
  TEST_RR 1, clmul, 0x0000000000000000, 0, -1                                 # Zbc CLMUL: anything times 0 is 0
  TEST_RR 2, clmul, 0xfedcba9876543210, 1, 0xfedcba9876543210                 # Zbc CLMUL: 1 is the identity
  TEST_RR 3, clmul, 0x0000000000000005, 3, 3                                  # Zbc CLMUL: no carries, (x+1)^2 = x^2+1
  TEST_RR 4, clmul, 0x0000000000000000, 0x8000000000000000, 2                 # Zbc CLMUL: bit 64 of the product is not in the low half
  TEST_RR 5, clmul, 0x5555555555555555, -1, -1                                # Zbc CLMUL: all ones squared keeps the even bits
  TEST_RR 6, clmul, 0x5555555500000000, 0x00000000ffffffff, 0xffffffff00000000  # Zbc CLMUL: low word of rs1 times high word of rs2 lands in bits 63:32
  TEST_RR 7, clmul, 0x40a0789828c810f0, 0x0123456789abcdef, 0xfedcba9876543210  # Zbc CLMUL: mixed halves
  TEST_RR 8, clmul, 0x63363cdf01410032, 0xdeadbeef00c0ffee, 0x8000000100000003  # Zbc CLMUL: sign bits and both words of rs2
  # ---- clmulh: bits 127:64.
  TEST_RR 9, clmulh, 0x0000000000000000, 0x123456789abcdef0, 1                # Zbc CLMULH: a 64-bit product has a zero high half
  TEST_RR 10, clmulh, 0x0000000000000001, 0x8000000000000000, 2               # Zbc CLMULH: bit 64 of the product
  TEST_RR 11, clmulh, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000  # Zbc CLMULH: bit 126, the highest a product can have
  TEST_RR 12, clmulh, 0x5555555555555555, -1, -1                              # Zbc CLMULH: all ones squared
  TEST_RR 13, clmulh, 0x0000000055555555, 0x00000000ffffffff, 0xffffffff00000000  # Zbc CLMULH: cross-word terms reach bit 94
  TEST_RR 14, clmulh, 0x00e038d8688850b0, 0x0123456789abcdef, 0xfedcba9876543210  # Zbc CLMULH: mixed halves
  TEST_RR 15, clmulh, 0x6f56df775ecdc119, 0xdeadbeef00c0ffee, 0x8000000100000003  # Zbc CLMULH: sign bits and both words of rs2
  # ---- clmulr: bits 126:63 (the reversed clmul).
  TEST_RR 16, clmulr, 0x0000000000000001, 0x8000000000000000, 1               # Zbc CLMULR: product bit 63 is result bit 0
  TEST_RR 17, clmulr, 0x0000000000000002, 0x8000000000000000, 2               # Zbc CLMULR: product bit 64 is result bit 1
  TEST_RR 18, clmulr, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000  # Zbc CLMULR: product bit 126 is result bit 63
  TEST_RR 19, clmulr, 0x0000000000000000, 0x7fffffffffffffff, 1               # Zbc CLMULR: product bits 62:0 are dropped
  TEST_RR 20, clmulr, 0xaaaaaaaaaaaaaaaa, -1, -1                              # Zbc CLMULR: all ones squared
  TEST_RR 21, clmulr, 0x01c071b0d110a160, 0x0123456789abcdef, 0xfedcba9876543210  # Zbc CLMULR: mixed halves
  TEST_RR 22, clmulr, 0xdeadbeeebd9b8232, 0xdeadbeef00c0ffee, 0x8000000100000003  # Zbc CLMULR: sign bits and both words of rs2
  # ---- Register handling.
  TEST_RR_SAME 23, clmul, 0x5555555555555555, 0x00000001ffffffff              # Zbc CLMUL with rd = rs1 = rs2
  TEST_RR_SAME 24, clmulh, 0x5500000000000000, 0xf0000000000000ff             # Zbc CLMULH with rd = rs1 = rs2
  TEST_RR_SAME 25, clmulr, 0x8000000000000000, 0x8000000080000001             # Zbc CLMULR with rd = rs1 = rs2
  TEST_RR_ZERO 26, clmulh, -1, -1                                             # Unpriv §2.1: rd = x0 discards the result

  # ---- Neighbouring encodings.
  TEST_ILLEGAL 27, 0x0ac58533, .insn r 0x33, 0, 5, a0, a1, a2                 # Zbc: funct7 0000101 with funct3 000 is reserved (clmul is 001)

RVHV_CODE_END
