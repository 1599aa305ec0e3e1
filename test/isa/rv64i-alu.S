# RV64I integer computational instructions (Unpriv §2.4 and §4.2).
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  # ---- ADD / SUB: arithmetic is modulo 2^64, overflow is ignored (Unpriv §2.4.2).
  TEST_RR 1, add, 0x0000000000000003, 1, 2                        # Unpriv §2.4.2: ADD
  TEST_RR 2, add, 0x8000000000000000, 0x7fffffffffffffff, 1       # Unpriv §2.4.2: ADD overflow wraps, no trap
  TEST_RR 3, add, 0x0000000000000000, -1, 1                       # Unpriv §2.4.2: ADD carry out of bit 63 is dropped
  TEST_RR 4, add, 0x0000000100000000, 0x00000000ffffffff, 1       # Unpriv §4.2: ADD is 64-bit, carries across bit 31
  TEST_RR 5, sub, 0xffffffffffffffff, 0, 1                        # Unpriv §2.4.2: SUB borrows modulo 2^64
  TEST_RR 6, sub, 0x7fffffffffffffff, 0x8000000000000000, 1       # Unpriv §2.4.2: SUB overflow wraps
  TEST_RR 7, sub, 0x00000000ffffffff, 0x0000000100000000, 1       # Unpriv §4.2: SUB is 64-bit, borrows across bit 32

  # ---- Logical operations (Unpriv §2.4.2).
  TEST_RR 8, and, 0x0f000f000f000f00, 0xff00ff00ff00ff00, 0x0f0f0f0f0f0f0f0f  # Unpriv §2.4.2: AND
  TEST_RR 9, or, 0xff0fff0fff0fff0f, 0xff00ff00ff00ff00, 0x0f0f0f0f0f0f0f0f   # Unpriv §2.4.2: OR
  TEST_RR 10, xor, 0xf00ff00ff00ff00f, 0xff00ff00ff00ff00, 0x0f0f0f0f0f0f0f0f # Unpriv §2.4.2: XOR

  # ---- Comparisons write 1 or 0 (Unpriv §2.4.2).
  TEST_RR 11, slt, 1, -1, 0                                       # Unpriv §2.4.2: SLT compares signed
  TEST_RR 12, slt, 0, 0, -1                                       # Unpriv §2.4.2: SLT compares signed
  TEST_RR 13, slt, 1, 0x8000000000000000, 0x7fffffffffffffff     # Unpriv §2.4.2: SLT most negative < most positive
  TEST_RR 14, slt, 0, 5, 5                                        # Unpriv §2.4.2: SLT is strict
  TEST_RR 15, sltu, 0, -1, 0                                      # Unpriv §2.4.2: SLTU compares unsigned
  TEST_RR 16, sltu, 1, 0, -1                                      # Unpriv §2.4.2: SLTU compares unsigned
  TEST_RR 17, sltu, 1, 0x00000000ffffffff, 0x0000000100000000     # Unpriv §4.2: SLTU compares all 64 bits
  TEST_RR 18, sltu, 1, 0, 1                                       # Unpriv §2.4.2: SNEZ rd, rs is SLTU rd, x0, rs
  TEST_RI 19, slti, 1, -2, -1                                     # Unpriv §2.4.1: SLTI, signed immediate
  TEST_RI 20, slti, 1, 0x8000000000000000, -2048                 # Unpriv §2.4.1: SLTI most negative register < any immediate
  TEST_RI 21, slti, 0, 0x7ff, 0x7ff                               # Unpriv §2.4.1: SLTI is strict
  TEST_RI 22, sltiu, 1, 0xfffffffffffffffe, -1                   # Unpriv §2.4.1: SLTIU sign-extends imm, then compares unsigned
  TEST_RI 23, sltiu, 0, -1, -1                                    # Unpriv §2.4.1: SLTIU with imm -1 is 1 except for all-ones
  TEST_RI 24, sltiu, 1, 0, 1                                      # Unpriv §2.4.1: SEQZ rd, rs is SLTIU rd, rs, 1
  TEST_RI 25, sltiu, 0, 0x100000000, 1                            # Unpriv §2.4.1: SEQZ looks at all 64 bits

  # ---- Register-immediate arithmetic and logic: 12-bit sign-extended immediate (Unpriv §2.4.1).
  TEST_RI 26, addi, 0xfffffffffffff800, 0, -2048                  # Unpriv §2.4.1: ADDI sign-extends its immediate
  TEST_RI 27, addi, 0x00000000000007ff, 0, 2047                   # Unpriv §2.4.1: ADDI largest immediate
  TEST_RI 28, addi, 0x8000000000000000, 0x7fffffffffffffff, 1    # Unpriv §2.4.1: ADDI overflow wraps
  TEST_RI 29, addi, 0x0000000100000000, 0xffffffff, 1             # Unpriv §4.2: ADDI is 64-bit
  TEST_RI 30, andi, 0xffffffffffff0f00, 0xffffffffffff0ff0, -256 # Unpriv §2.4.1: ANDI sign-extends its immediate
  TEST_RI 31, ori, 0xfffffffffffff80f, 0x000000000000000f, -2048 # Unpriv §2.4.1: ORI sign-extends its immediate
  TEST_RI 32, xori, 0xedcba987543210ff, 0x12345678abcdefff, -256 # Unpriv §2.4.1: XORI sign-extends its immediate
  TEST_RI 33, xori, 0xedcba9875432100f, 0x12345678abcdeff0, -1   # Unpriv §2.4.1: NOT rd, rs is XORI rd, rs, -1

  # ---- Shifts: RV64 uses the low 6 bits of rs2 (Unpriv §4.2.1, §4.2.2).
  TEST_RR 34, sll, 0x8000000000000000, 1, 63                      # Unpriv §4.2.2: SLL by 63
  TEST_RR 35, sll, 0x0000000000000002, 1, 65                      # Unpriv §4.2.2: SLL uses rs2[5:0] (65 -> 1)
  TEST_RR 36, sll, 0x1234567890abcdef, 0x1234567890abcdef, 64     # Unpriv §4.2.2: SLL by 64 is a shift by 0
  TEST_RR 37, srl, 0x0000000000000001, 0x8000000000000000, 63     # Unpriv §4.2.2: SRL shifts in zeros
  TEST_RR 38, srl, 0x00ffffffffffffff, -1, 0xffffffffffffff08     # Unpriv §4.2.2: SRL uses rs2[5:0] only
  TEST_RR 39, sra, 0xffffffffffffffff, 0x8000000000000000, 63     # Unpriv §4.2.2: SRA shifts in copies of bit 63
  TEST_RR 40, sra, 0xfff8000000000000, 0x8000000000000000, 12     # Unpriv §4.2.2: SRA
  TEST_RR 41, sra, 0x07ffffffffffffff, 0x7fffffffffffffff, 4      # Unpriv §4.2.2: SRA of a positive value
  TEST_RI 42, slli, 0x8000000000000000, 1, 63                     # Unpriv §4.2.1: SLLI shamt is 6 bits on RV64
  TEST_RI 43, slli, 0x0000000100000000, 1, 32                     # Unpriv §4.2.1: SLLI by 32 is a 64-bit shift
  TEST_RI 44, srli, 0x0000000000000001, 0x8000000000000000, 63    # Unpriv §4.2.1: SRLI
  TEST_RI 45, srli, 0x00000000ffffffff, -1, 32                    # Unpriv §4.2.1: SRLI shifts in zeros
  TEST_RI 46, srai, 0xffffffff80000000, 0x8000000000000000, 32    # Unpriv §4.2.1: SRAI copies bit 63
  TEST_RI 47, srai, 0x0000000000000000, 0x7fffffffffffffff, 63    # Unpriv §4.2.1: SRAI of a positive value by 63

  # ---- LUI / AUIPC (Unpriv §4.2.1: the 32-bit result is sign-extended to 64 bits).
  CASE 48                                                         # Unpriv §4.2.1: LUI sign-extends imm << 12
  lui a0, 0x80000
  CHECK a0, 0xffffffff80000000
  CASE 49                                                         # Unpriv §4.2.1: LUI of a positive value
  lui a0, 0x7ffff
  CHECK a0, 0x000000007ffff000
  CASE 50                                                         # Unpriv §2.4.1: AUIPC adds to the address of the AUIPC itself
1:
  auipc a0, 0
  la a1, 1b
  CHECK_REG a0, a1
  CASE 51                                                         # Unpriv §4.2.1: AUIPC adds the sign-extended upper immediate
2:
  auipc a0, 0xfffff
  la a1, 2b
  li a2, -4096
  add a1, a1, a2
  CHECK_REG a0, a1

  # ---- *W operations: 32-bit result sign-extended to 64 bits (Unpriv §4.2).
  TEST_RR 52, addw, 0xffffffff80000000, 0x7fffffff, 1             # Unpriv §4.2.2: ADDW overflows into bit 31, sign-extends
  TEST_RR 53, addw, 0x0000000000000000, 0xffffffff, 1             # Unpriv §4.2.2: ADDW ignores upper bits and the carry
  TEST_RR 54, addw, 0x0000000000000003, 0x1234567800000001, 0xabcdef0000000002  # Unpriv §4.2.2: ADDW reads only rs[31:0]
  TEST_RR 55, subw, 0x000000007fffffff, 0x80000000, 1             # Unpriv §4.2.2: SUBW wraps at 32 bits
  TEST_RR 56, subw, 0xffffffffffffffff, 0x100000000, 1            # Unpriv §4.2.2: SUBW ignores rs1[63:32]
  TEST_RR 57, sllw, 0xffffffff80000000, 1, 31                     # Unpriv §4.2.2: SLLW sign-extends bit 31
  TEST_RR 58, sllw, 0x0000000000000001, 1, 32                     # Unpriv §4.2.2: SLLW uses rs2[4:0] (32 -> 0)
  TEST_RR 59, sllw, 0x0000000000000000, 0xffffffff00000000, 0     # Unpriv §4.2.2: SLLW discards rs1[63:32]
  TEST_RR 60, srlw, 0x0000000000000001, 0x80000000, 31            # Unpriv §4.2.2: SRLW shifts a 32-bit value in zeros
  TEST_RR 61, srlw, 0xffffffff80000000, 0xffffffff80000000, 0     # Unpriv §4.2.2: SRLW by 0 still sign-extends bit 31
  TEST_RR 62, srlw, 0x000000007fffffff, 0xfffffffffffffffe, 33    # Unpriv §4.2.2: SRLW ignores rs1[63:32] and rs2[5]
  TEST_RR 63, sraw, 0xffffffffffffffff, 0x80000000, 31            # Unpriv §4.2.2: SRAW copies bit 31
  TEST_RR 64, sraw, 0xfffffffffffffffe, 0x0000000180000000, 62    # Unpriv §4.2.2: SRAW uses rs2[4:0] (62 -> 30) and rs1[31:0]
  TEST_RI 65, addiw, 0xffffffff80000000, 0x7fffffff, 1            # Unpriv §4.2.1: ADDIW overflow, sign-extended
  TEST_RI 66, addiw, 0xffffffffffffffff, 0, -1                    # Unpriv §4.2.1: ADDIW sign-extends its immediate
  TEST_RI 67, addiw, 0x0000000012345678, 0xabcdef0012345678, 0    # Unpriv §4.2.1: SEXT.W is ADDIW rd, rs, 0
  TEST_RI 68, addiw, 0xffffffff87654321, 0x0000000087654321, 0    # Unpriv §4.2.1: SEXT.W of a negative word
  TEST_RI 69, slliw, 0xffffffff80000000, 1, 31                    # Unpriv §4.2.1: SLLIW sign-extends bit 31
  TEST_RI 70, slliw, 0x0000000000000000, 0x100000000, 0           # Unpriv §4.2.1: SLLIW discards rs1[63:32]
  TEST_RI 71, srliw, 0x0000000000000001, 0xffffffff80000000, 31   # Unpriv §4.2.1: SRLIW shifts in zeros at bit 31
  TEST_RI 72, srliw, 0xffffffff80000000, 0x0000000080000000, 0    # Unpriv §4.2.1: SRLIW by 0 sign-extends
  TEST_RI 73, sraiw, 0xffffffffffffffff, 0x0000000080000000, 31   # Unpriv §4.2.1: SRAIW copies bit 31 of the word
  TEST_RI 74, sraiw, 0x0000000000123456, 0xffffffff12345678, 8    # Unpriv §4.2.1: SRAIW ignores rs1[63:32]

  # ---- Register aliasing and x0.
  TEST_RR_SAME 75, add, 0x2468acf13579bde0, 0x123456789abcdef0    # Unpriv §2.4.2: rd = rs1 = rs2 reads the operands first
  TEST_RR_SAME 76, sub, 0, 0x123456789abcdef0                     # Unpriv §2.4.2: SUB rd, rs, rs is 0
  TEST_RR_ZERO 77, add, 1, 2                                      # Unpriv §2.1: writes to x0 are discarded
  CASE 78                                                         # Unpriv §2.1: x0 reads as zero
  addi x0, x0, 5
  add a0, x0, x0
  CHECK a0, 0
  CASE 79                                                         # Unpriv §2.4.1: ADDI rd, rs, 0 (MV) copies all 64 bits
  li a1, 0xfedcba9876543210
  addi a0, a1, 0
  CHECK a0, 0xfedcba9876543210

RVHV_CODE_END
