# Zbs single-bit instructions (Unpriv §28.4.4, "Zbs"): the bit index is rs2[5:0] or shamt on RV64.
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  TEST_RR 1, bclr, 0xfffffffffffffffe, -1, 0                            # Zbs BCLR: clears bit rs2
  TEST_RR 2, bclr, 0x7fffffffffffffff, -1, 63                           # Zbs BCLR: bit 63
  TEST_RR 3, bclr, 0xfffffffeffffffff, -1, 96                           # Zbs BCLR: index is rs2[5:0] (96 -> 32)
  TEST_RR 4, bclr, 0x0000000000000000, 0, 5                             # Zbs BCLR of a clear bit
  TEST_RI 5, bclri, 0xffffffff7fffffff, -1, 31                          # Zbs BCLRI: bit 31, no sign effects
  TEST_RI 6, bclri, 0x7fffffffffffffff, -1, 63                          # Zbs BCLRI: 6-bit shamt
  TEST_RR 7, bset, 0x0000000000000001, 0, 0                             # Zbs BSET: sets bit rs2
  TEST_RR 8, bset, 0x8000000000000000, 0, 63                            # Zbs BSET: bit 63
  TEST_RR 9, bset, 0x0000000100000000, 0, 0xffffffffffffffe0            # Zbs BSET: index is rs2[5:0] (...e0 -> 32)
  TEST_RI 10, bseti, 0x0000000080000000, 0, 31                          # Zbs BSETI: bit 31 is not sign-extended
  TEST_RI 11, bseti, 0x1234567890abcdef, 0x1234567890abcdef, 0          # Zbs BSETI of a set bit
  TEST_RR 12, binv, 0x0000000000000002, 0, 1                            # Zbs BINV: flips bit rs2
  TEST_RR 13, binv, 0x0000000000000000, 2, 65                           # Zbs BINV: index is rs2[5:0] (65 -> 1)
  TEST_RI 14, binvi, 0x7fffffffffffffff, -1, 63                         # Zbs BINVI: bit 63
  TEST_RI 15, binvi, 0x0000000100000000, 0, 32                          # Zbs BINVI: bit 32
  TEST_RR 16, bext, 0x0000000000000001, 0x8000000000000000, 63          # Zbs BEXT: extracts bit rs2 into bit 0
  TEST_RR 17, bext, 0x0000000000000000, 0x7fffffffffffffff, 63          # Zbs BEXT of a clear bit
  TEST_RR 18, bext, 0x0000000000000001, 0x0000000100000000, 96          # Zbs BEXT: index is rs2[5:0] (96 -> 32)
  TEST_RI 19, bexti, 0x0000000000000001, 0x0000000080000000, 31         # Zbs BEXTI: bit 31
  TEST_RI 20, bexti, 0x0000000000000000, 0xfffffffffffffffe, 0          # Zbs BEXTI: bit 0
  TEST_RR_SAME 21, bset, 0x0000000000000025, 5                          # Zbs BSET with rd = rs1 = rs2: 5 | (1 << 5)
  TEST_RR_ZERO 22, binv, 5, 6                                           # Unpriv §2.1: rd = x0 discards the result

RVHV_CODE_END
