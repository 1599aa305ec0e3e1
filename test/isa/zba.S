# Zba address generation (Unpriv §28.4.1, "Zba": add.uw, shNadd, shNadd.uw, slli.uw).
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  TEST_RR 1, add.uw, 0x0000000100000000, 0xffffffffffffffff, 1          # Zba ADD.UW: zero-extends rs1[31:0] before adding
  TEST_RR 2, add.uw, 0x0000000080000005, 0x1234567880000000, 5          # Zba ADD.UW: rs1[63:32] is ignored
  TEST_RR 3, add.uw, 0xffffffffffffffff, 0, -1                          # Zba ADD.UW: rs2 is used in full
  TEST_RR 4, add.uw, 0x00000000deadbeef, 0xffffffffdeadbeef, 0          # Zba ZEXT.W rd, rs is ADD.UW rd, rs, x0
  TEST_RR 5, sh1add, 0x0000000000000007, 2, 3                           # Zba SH1ADD: (rs1 << 1) + rs2
  TEST_RR 6, sh2add, 0x000000000000000b, 2, 3                           # Zba SH2ADD: (rs1 << 2) + rs2
  TEST_RR 7, sh3add, 0x0000000000000013, 2, 3                           # Zba SH3ADD: (rs1 << 3) + rs2
  TEST_RR 8, sh1add, 0x0000000000000001, 0x8000000000000000, 1          # Zba SH1ADD: bits shifted out of bit 63 are lost
  TEST_RR 9, sh3add, 0xfffffffffffffff0, -1, -8                         # Zba SH3ADD: wraps modulo 2^64
  TEST_RR 10, sh2add, 0x4000000000000000, 0x1000000000000000, 0         # Zba SH2ADD: 64-bit shift
  TEST_RR 11, sh1add.uw, 0x00000001fffffffe, 0xffffffffffffffff, 0      # Zba SH1ADD.UW: zero-extends rs1[31:0] then shifts
  TEST_RR 12, sh2add.uw, 0x00000003fffffffd, 0x12345678ffffffff, 1      # Zba SH2ADD.UW: rs1[63:32] is ignored
  TEST_RR 13, sh3add.uw, 0x0000000400000000, 0x0000000080000000, 0      # Zba SH3ADD.UW: bit 31 moves to bit 34, no sign extension
  TEST_RR 14, sh3add.uw, 0x0000000000000000, 0xffffffff00000000, 0      # Zba SH3ADD.UW: only rs1[31:0] counts
  TEST_RI 15, slli.uw, 0x0000000100000000, 0xffffffff80000000, 1        # Zba SLLI.UW: zero-extends rs1[31:0] then shifts
  TEST_RI 16, slli.uw, 0x00000000ffffffff, 0xffffffffffffffff, 0        # Zba SLLI.UW by 0 is ZEXT.W
  TEST_RI 17, slli.uw, 0x8000000000000000, 0x0000000000000001, 63       # Zba SLLI.UW: 6-bit shamt
  TEST_RI 18, slli.uw, 0xfffffffe00000000, 0x12345678ffffffff, 33       # Zba SLLI.UW: bits beyond 63 are lost
  TEST_RR_SAME 19, sh1add, 0x0000000000000009, 3                        # Zba SH1ADD with rd = rs1 = rs2
  TEST_RR_ZERO 20, sh3add.uw, 5, 6                                      # Unpriv §2.1: rd = x0 discards the result

RVHV_CODE_END
