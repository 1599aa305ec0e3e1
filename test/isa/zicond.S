# Zicond conditional zero (Unpriv §12, "Zicond"): czero.eqz rd = (rs2 == 0) ? 0 : rs1;
# czero.nez rd = (rs2 != 0) ? 0 : rs1. rs2 is tested in all 64 bits.
#include "rvhv-test.h"

# Debian 12's binutils 2.40 predates Zicond, so the two instructions are
# emitted with .insn: R-type, OP opcode, funct7 = 0000111, funct3 = 101 / 111.
.macro czero.eqz rd, rs1, rs2
  .insn r 0x33, 5, 7, \rd, \rs1, \rs2
.endm
.macro czero.nez rd, rs1, rs2
  .insn r 0x33, 7, 7, \rd, \rs1, \rs2
.endm

RVHV_CODE_BEGIN

  TEST_RR 1, czero.eqz, 0x0000000000000000, 0x123456789abcdef0, 0       # Zicond CZERO.EQZ: rs2 == 0 gives 0
  TEST_RR 2, czero.eqz, 0x123456789abcdef0, 0x123456789abcdef0, 1       # Zicond CZERO.EQZ: rs2 != 0 gives rs1
  TEST_RR 3, czero.eqz, 0x123456789abcdef0, 0x123456789abcdef0, 0x8000000000000000  # Zicond: rs2 is tested in all 64 bits (bit 63)
  TEST_RR 4, czero.eqz, 0xffffffffffffffff, -1, 0x100000000             # Zicond: rs2 is tested in all 64 bits (bit 32)
  TEST_RR 5, czero.nez, 0x123456789abcdef0, 0x123456789abcdef0, 0       # Zicond CZERO.NEZ: rs2 == 0 gives rs1
  TEST_RR 6, czero.nez, 0x0000000000000000, 0x123456789abcdef0, 1       # Zicond CZERO.NEZ: rs2 != 0 gives 0
  TEST_RR 7, czero.nez, 0x0000000000000000, -1, 0x100000000             # Zicond: rs2 is tested in all 64 bits (bit 32)
  TEST_RR 8, czero.nez, 0x0000000000000000, 0, 0                        # Zicond CZERO.NEZ: rs1 = 0 passes through as 0
  TEST_RR_SAME 9, czero.eqz, 0xfedcba9876543210, 0xfedcba9876543210     # Zicond with rd = rs1 = rs2 (nonzero: keeps it)
  TEST_RR_SAME 10, czero.nez, 0x0000000000000000, 0xfedcba9876543210    # Zicond with rd = rs1 = rs2 (nonzero: zero)
  TEST_RR_ZERO 11, czero.eqz, 5, 6                                      # Unpriv §2.1: rd = x0 discards the result

  CASE 12                                                               # Zicond: the idiom for rd = c ? a : b (czero.nez; czero.eqz; or)
  li a1, 111                                                            # a
  li a2, 222                                                            # b
  li a3, 0                                                              # c = false
  czero.eqz a4, a1, a3
  czero.nez a5, a2, a3
  or a0, a4, a5
  CHECK a0, 222
  li a3, 7                                                              # c = true
  czero.eqz a4, a1, a3
  czero.nez a5, a2, a3
  or a0, a4, a5
  CHECK a0, 111

RVHV_CODE_END
