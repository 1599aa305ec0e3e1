# RV64M multiply and divide (Unpriv §13: "M" Extension), including the
# division-by-zero and overflow results its table gives (no trap is raised).
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  # ---- MUL and the high-half variants (Unpriv §13.1).
  TEST_RR 1, mul, 0x0000000000000006, 2, 3                            # Unpriv §13.1: MUL low 64 bits
  TEST_RR 2, mul, 0xfffffffffffffffa, -2, 3                           # Unpriv §13.1: MUL is the same for signed operands
  TEST_RR 3, mul, 0x0000000000000001, -1, -1                          # Unpriv §13.1: MUL -1 * -1
  TEST_RR 4, mul, 0x2236d88fe5618cf0, 0x123456789abcdef0, 0x0fedcba987654321  # Unpriv §13.1: MUL keeps the low 64 bits of the product
  TEST_RR 5, mulh, 0x0121fa00ad77d742, 0x123456789abcdef0, 0x0fedcba987654321  # Unpriv §13.1: MULH upper 64 bits, signed x signed
  TEST_RR 6, mulh, 0xffffffffffffffff, -1, 1                          # Unpriv §13.1: MULH of a negative product
  TEST_RR 7, mulh, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000  # Unpriv §13.1: MULH (-2^63)^2
  TEST_RR 8, mulhu, 0xfffffffffffffffe, -1, -1                        # Unpriv §13.1: MULHU unsigned x unsigned
  TEST_RR 9, mulhu, 0x0000000000000000, -1, 1                         # Unpriv §13.1: MULHU
  TEST_RR 10, mulhsu, 0xffffffffffffffff, -1, -1                      # Unpriv §13.1: MULHSU rs1 signed, rs2 unsigned
  TEST_RR 11, mulhsu, 0x0000000000000000, 1, -1                       # Unpriv §13.1: MULHSU rs2 is unsigned
  TEST_RR 12, mulhsu, 0xc000000000000000, 0x8000000000000000, 0x8000000000000000  # Unpriv §13.1: MULHSU -2^63 * 2^63
  TEST_RR 13, mulw, 0xffffffff80000000, 0x40000000, 2                 # Unpriv §13.1: MULW sign-extends the low 32 bits
  TEST_RR 14, mulw, 0x0000000000000001, 0x1ffffffff, 0x2ffffffff      # Unpriv §13.1: MULW ignores the upper operand bits
  TEST_RR 15, mulw, 0x0000000000000000, 0x10000, 0x10000              # Unpriv §13.1: MULW drops bits above 31

  # ---- DIV/REM round toward zero (Unpriv §13.2).
  TEST_RR 16, div, 0x0000000000000003, 20, 6                          # Unpriv §13.2: DIV
  TEST_RR 17, div, 0xfffffffffffffffd, -20, 6                         # Unpriv §13.2: DIV rounds toward zero
  TEST_RR 18, div, 0xfffffffffffffffd, 20, -6                         # Unpriv §13.2: DIV rounds toward zero
  TEST_RR 19, div, 0x0000000000000003, -20, -6                        # Unpriv §13.2: DIV of two negatives
  TEST_RR 20, rem, 0x0000000000000002, 20, 6                          # Unpriv §13.2: REM
  TEST_RR 21, rem, 0xfffffffffffffffe, -20, 6                         # Unpriv §13.2: REM takes the sign of the dividend
  TEST_RR 22, rem, 0x0000000000000002, 20, -6                         # Unpriv §13.2: REM takes the sign of the dividend
  TEST_RR 23, divu, 0x2aaaaaaaaaaaaaa7, -20, 6                        # Unpriv §13.2: DIVU is unsigned
  TEST_RR 24, remu, 0x0000000000000002, -20, 6                        # Unpriv §13.2: REMU is unsigned
  TEST_RR 25, divu, 0x0000000000000000, 20, -6                        # Unpriv §13.2: DIVU by a huge divisor
  TEST_RR 26, remu, 0x0000000000000014, 20, -6                        # Unpriv §13.2: REMU by a huge divisor
  TEST_RR 27, div, 0xffffffffffffffff, 12345, 0                       # Unpriv §13.2: DIV by zero gives -1
  TEST_RR 28, divu, 0xffffffffffffffff, 12345, 0                      # Unpriv §13.2: DIVU by zero gives 2^64-1
  TEST_RR 29, rem, 0x0000000000003039, 12345, 0                       # Unpriv §13.2: REM by zero gives the dividend
  TEST_RR 30, remu, 0xffffffffffffcfc7, -12345, 0                     # Unpriv §13.2: REMU by zero gives the dividend
  TEST_RR 31, div, 0x8000000000000000, 0x8000000000000000, -1         # Unpriv §13.2: DIV overflow gives the dividend
  TEST_RR 32, rem, 0x0000000000000000, 0x8000000000000000, -1         # Unpriv §13.2: REM overflow gives 0
  TEST_RR 33, div, 0x0000000000000001, 0x8000000000000000, 0x8000000000000000  # Unpriv §13.2: DIV most negative by itself
  TEST_RR 34, divu, 0x0000000000000001, 0x8000000000000000, 0x8000000000000000 # Unpriv §13.2: DIVU

  # ---- *W forms operate on the low 32 bits and sign-extend (Unpriv §13.2).
  TEST_RR 35, divw, 0xfffffffffffffffd, 0xffffffffffffffec, 6         # Unpriv §13.2: DIVW signed 32-bit
  TEST_RR 36, divw, 0x0000000000000003, 0x12345678ffffffec, 0xfffffffa  # Unpriv §13.2: DIVW ignores the upper operand bits
  TEST_RR 37, divuw, 0x000000002aaaaaa7, 0xffffffec, 6                # Unpriv §13.2: DIVUW unsigned 32-bit
  TEST_RR 38, divuw, 0xfffffffffffffffe, 0xfffffffe, 1                # Unpriv §13.2: DIVUW sign-extends its 32-bit result
  TEST_RR 39, remw, 0xfffffffffffffffe, 0xffffffec, 6                 # Unpriv §13.2: REMW signed 32-bit
  TEST_RR 40, remuw, 0x0000000000000002, 0xffffffec, 6                # Unpriv §13.2: REMUW unsigned 32-bit
  TEST_RR 41, divw, 0xffffffffffffffff, 5, 0x100000000                # Unpriv §13.2: DIVW by (32-bit) zero gives -1
  TEST_RR 42, divuw, 0xffffffffffffffff, 5, 0                         # Unpriv §13.2: DIVUW by zero gives 2^32-1, sign-extended
  TEST_RR 43, remw, 0xffffffff80000001, 0x80000001, 0                 # Unpriv §13.2: REMW by zero gives the sign-extended dividend
  TEST_RR 44, remuw, 0xffffffff80000001, 0x80000001, 0                # Unpriv §13.2: REMUW by zero gives the sign-extended dividend
  TEST_RR 45, divw, 0xffffffff80000000, 0x80000000, -1                # Unpriv §13.2: DIVW overflow gives -2^31
  TEST_RR 46, remw, 0x0000000000000000, 0x80000000, -1                # Unpriv §13.2: REMW overflow gives 0
  TEST_RR 47, remuw, 0x0000000000000001, 0x123456789, 7               # Unpriv §13.2: REMUW of 0x23456789 by 7

  TEST_RR_SAME 48, mulhu, 0xfffffffffffffffe, -1                      # Unpriv §13.1: rd = rs1 = rs2
  TEST_RR_ZERO 49, div, 1, 0                                          # Unpriv §13.2: divide by zero into x0 does not trap

RVHV_CODE_END
