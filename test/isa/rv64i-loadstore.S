# RV64I loads and stores (Unpriv §2.6, §4.3): widths, sign/zero extension,
# byte order, offsets, and that a store touches only its own bytes.
#include "rvhv-test.h"

# Case \n: \op a0, \off(base) with base = the address of \sym gives \result.
.macro TEST_LOAD n, op, result, sym, off
  li gp, \n
  la a1, \sym
  \op a0, \off(a1)
  CHECK a0, \result
.endm

# Case \n: after filling sbuf[0..15] with 0x11 bytes, \op of \val at sbuf + \off
# leaves the two doublewords of sbuf equal to \d0 and \d1.
.macro TEST_STORE n, op, off, val, d0, d1
  li gp, \n
  la a1, sbuf
  li a2, 0x1111111111111111
  sd a2, 0(a1)
  sd a2, 8(a1)
  li a2, \val
  \op a2, \off(a1)
  ld a3, 0(a1)
  CHECK a3, \d0
  ld a3, 8(a1)
  CHECK a3, \d1
.endm

RVHV_CODE_BEGIN

  # ldata0 bytes (address order): 87 96 a5 b4 c3 d2 e1 f0; ldata1: ef cd ab 89 67 45 23 01.
  TEST_LOAD 1, lb, 0xffffffffffffff87, ldata0, 0               # Unpriv §2.6: LB sign-extends
  TEST_LOAD 2, lbu, 0x0000000000000087, ldata0, 0              # Unpriv §2.6: LBU zero-extends
  TEST_LOAD 3, lb, 0xfffffffffffffff0, ldata0, 7               # Unpriv §2.6: little-endian byte order (byte 7 is the MSB)
  TEST_LOAD 4, lb, 0x0000000000000001, ldata1, 7               # Unpriv §2.6: LB of a positive byte
  TEST_LOAD 5, lh, 0xffffffffffff9687, ldata0, 0               # Unpriv §2.6: LH sign-extends
  TEST_LOAD 6, lhu, 0x0000000000009687, ldata0, 0              # Unpriv §2.6: LHU zero-extends
  TEST_LOAD 7, lh, 0xfffffffffffff0e1, ldata0, 6               # Unpriv §2.6: LH of the top halfword
  TEST_LOAD 8, lh, 0x0000000000000123, ldata1, 6               # Unpriv §2.6: LH of a positive halfword
  TEST_LOAD 9, lw, 0xffffffffb4a59687, ldata0, 0               # Unpriv §4.3: LW sign-extends to 64 bits
  TEST_LOAD 10, lwu, 0x00000000b4a59687, ldata0, 0             # Unpriv §4.3: LWU zero-extends
  TEST_LOAD 11, lw, 0xfffffffff0e1d2c3, ldata0, 4              # Unpriv §4.3: LW of the upper word
  TEST_LOAD 12, lw, 0x0000000001234567, ldata1, 4              # Unpriv §4.3: LW of a positive word
  TEST_LOAD 13, lwu, 0x0000000001234567, ldata1, 4             # Unpriv §4.3: LWU of a positive word
  TEST_LOAD 14, ld, 0xf0e1d2c3b4a59687, ldata0, 0              # Unpriv §4.3: LD
  TEST_LOAD 15, ld, 0x0123456789abcdef, ldata1, 0              # Unpriv §4.3: LD
  TEST_LOAD 16, lb, 0xfffffffffffffff0, ldata1, -1             # Unpriv §2.6: negative offsets
  TEST_LOAD 17, ld, 0xf0e1d2c3b4a59687, ldata1, -8             # Unpriv §2.6: negative offsets
  TEST_LOAD 18, lhu, 0x000000000000cdef, ldata1, 0             # Unpriv §2.6: LHU

  CASE 19                                                      # Unpriv §2.6: offset is a 12-bit signed immediate (-2048)
  la a1, ldata1
  addi a1, a1, 2047
  addi a1, a1, 1
  ld a0, -2048(a1)
  CHECK a0, 0x0123456789abcdef
  CASE 20                                                      # Unpriv §2.6: offset is a 12-bit signed immediate (+2047)
  la a1, ldata1
  addi a1, a1, -2047
  ld a0, 2047(a1)
  CHECK a0, 0x0123456789abcdef
  CASE 21                                                      # Unpriv §2.6: rd = rs1 reads the base before writing rd
  la a0, ldata1
  ld a0, 0(a0)
  CHECK a0, 0x0123456789abcdef
  CASE 22                                                      # Unpriv §2.6: a load to x0 still executes and leaves x0 zero
  la a1, ldata1
  ld x0, 0(a1)
  CHECK x0, 0

  TEST_STORE 23, sb, 3, 0xffffffffffffffab, 0x11111111ab111111, 0x1111111111111111  # Unpriv §2.6: SB writes rs2[7:0] only
  TEST_STORE 24, sh, 6, 0x000012345678cdef, 0xcdef111111111111, 0x1111111111111111  # Unpriv §2.6: SH writes rs2[15:0] only
  TEST_STORE 25, sw, 4, 0xfedcba9876543210, 0x7654321011111111, 0x1111111111111111  # Unpriv §2.6: SW writes rs2[31:0] only
  TEST_STORE 26, sd, 8, 0x0123456789abcdef, 0x1111111111111111, 0x0123456789abcdef  # Unpriv §4.3: SD writes 8 bytes
  TEST_STORE 27, sh, 0, 0xffffffffffff8001, 0x1111111111118001, 0x1111111111111111  # Unpriv §2.6: SH little-endian
  TEST_STORE 28, sw, 12, 0x00000000deadbeef, 0x1111111111111111, 0xdeadbeef11111111 # Unpriv §2.6: SW to the upper word

  CASE 29                                                      # Unpriv §2.6: store offsets are sign-extended 12-bit immediates
  la a1, sbuf
  li a2, 0
  sd a2, 0(a1)
  addi a1, a1, 2047
  addi a1, a1, 1
  li a2, 0x5a
  sb a2, -2048(a1)
  la a1, sbuf
  lbu a0, 0(a1)
  CHECK a0, 0x5a
  CASE 30                                                      # Unpriv §2.6: a load sees the bytes of earlier stores
  la a1, sbuf
  li a2, 0x8877665544332211
  sd a2, 0(a1)
  lhu a0, 2(a1)
  CHECK a0, 0x4433
  lbu a0, 7(a1)
  CHECK a0, 0x88
  lw a0, 4(a1)
  CHECK a0, 0xffffffff88776655
  CASE 31                                                      # Unpriv §2.7: FENCE has no architectural effect on one hart
  fence
  fence rw, rw
  fence.tso
  CHECK x0, 0

RVHV_CODE_END

  .data
  .balign 16
ldata0:
  .dword 0xf0e1d2c3b4a59687
ldata1:
  .dword 0x0123456789abcdef
  .balign 16
sbuf:
  .dword 0, 0
