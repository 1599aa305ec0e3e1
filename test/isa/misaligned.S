# Misaligned loads and stores (Unpriv §2.6: the execution environment decides
# whether they are supported). rvhv's EEI handles every misaligned access in
# place: it must read or write exactly the addressed bytes and must not trap,
# also across an 8-byte boundary and across a 4 KiB page boundary.
#
# medge and sedge are 64-byte windows whose offset 32 is a page boundary.
#include "rvhv-test.h"

# Case \n: \op a0, 0(medge + \off) gives \result.
.macro TEST_MLOAD n, op, result, off
  li gp, \n
  la a1, medge + \off
  \op a0, 0(a1)
  CHECK a0, \result
.endm

# Case \n: \op fa0, 0(medge + \off) leaves the 64-bit register \result.
.macro TEST_MFLOAD n, op, result, off
  li gp, \n
  la a1, medge + \off
  \op fa0, 0(a1)
  fmv.x.d a0, fa0
  CHECK a0, \result
.endm

# Case \n: with the doublewords at sedge + \d0 and + \d0 + 8 preset, storing
# 0x8877665544332211 (its low bytes) with \op at sedge + \off leaves them \e0, \e1.
.macro TEST_MSTORE n, op, off, d0, e0, e1
  li gp, \n
  la a2, sedge + \d0
  li a3, 0xa0a1a2a3a4a5a6a7
  sd a3, 0(a2)
  li a3, 0xb0b1b2b3b4b5b6b7
  sd a3, 8(a2)
  la a1, sedge + \off
  li a0, 0x8877665544332211
  \op a0, 0(a1)
  ld a3, 0(a2)
  CHECK a3, \e0
  ld a3, 8(a2)
  CHECK a3, \e1
.endm

# The same for FP stores; the value goes through fa0 (FSW stores its low 32 bits).
.macro TEST_MFSTORE n, op, off, d0, e0, e1
  li gp, \n
  la a2, sedge + \d0
  li a3, 0xa0a1a2a3a4a5a6a7
  sd a3, 0(a2)
  li a3, 0xb0b1b2b3b4b5b6b7
  sd a3, 8(a2)
  la a1, sedge + \off
  li a0, 0x8877665544332211
  fmv.d.x fa0, a0
  .ifc \op, fsw
  fmv.w.x fa0, a0
  .endif
  \op fa0, 0(a1)
  ld a3, 0(a2)
  CHECK a3, \e0
  ld a3, 8(a2)
  CHECK a3, \e1
.endm

RVHV_CODE_BEGIN

  TEST_MLOAD 1, lh, 0x0000000000005d38, 1     # Unpriv §2.6 (rvhv EEI: in place): LH at offset 1: misaligned within a doubleword
  TEST_MLOAD 2, lh, 0x0000000000003b16, 7     # Unpriv §2.6 (rvhv EEI: in place): LH at offset 7: crosses an 8-byte boundary
  TEST_MLOAD 3, lh, 0xffffffffffffb38e, 31    # Unpriv §2.6 (rvhv EEI: in place): LH at offset 31: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MLOAD 4, lhu, 0x000000000000b38e, 31    # Unpriv §2.6 (rvhv EEI: in place): LHU at offset 31: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MLOAD 5, lhu, 0x0000000000003b16, 7     # Unpriv §2.6 (rvhv EEI: in place): LHU at offset 7: crosses an 8-byte boundary
  TEST_MLOAD 6, lw, 0xffffffffa7825d38, 1     # Unpriv §2.6 (rvhv EEI: in place): LW at offset 1: misaligned within a doubleword
  TEST_MLOAD 7, lw, 0x000000003b16f1cc, 5     # Unpriv §2.6 (rvhv EEI: in place): LW at offset 5: crosses an 8-byte boundary
  TEST_MLOAD 8, lw, 0x00000000603b16f1, 6     # Unpriv §2.6 (rvhv EEI: in place): LW at offset 6: crosses an 8-byte boundary
  TEST_MLOAD 9, lw, 0xffffffff85603b16, 7     # Unpriv §2.6 (rvhv EEI: in place): LW at offset 7: crosses an 8-byte boundary
  TEST_MLOAD 10, lw, 0xffffffffb38e6944, 29    # Unpriv §2.6 (rvhv EEI: in place): LW at offset 29: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MLOAD 11, lw, 0xfffffffffdd8b38e, 31    # Unpriv §2.6 (rvhv EEI: in place): LW at offset 31: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MLOAD 12, lwu, 0x00000000d8b38e69, 30    # Unpriv §2.6 (rvhv EEI: in place): LWU at offset 30: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MLOAD 13, lwu, 0x000000003b16f1cc, 5     # Unpriv §2.6 (rvhv EEI: in place): LWU at offset 5: crosses an 8-byte boundary
  TEST_MLOAD 14, ld, 0x3b16f1cca7825d38, 1     # Unpriv §2.6 (rvhv EEI: in place): LD at offset 1: crosses an 8-byte boundary
  TEST_MLOAD 15, ld, 0xaa85603b16f1cca7, 4     # Unpriv §2.6 (rvhv EEI: in place): LD at offset 4: crosses an 8-byte boundary
  TEST_MLOAD 16, ld, 0x19f4cfaa85603b16, 7     # Unpriv §2.6 (rvhv EEI: in place): LD at offset 7: crosses an 8-byte boundary
  TEST_MLOAD 17, ld, 0xb38e69441ffad5b0, 25    # Unpriv §2.6 (rvhv EEI: in place): LD at offset 25: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MLOAD 18, ld, 0x22fdd8b38e69441f, 28    # Unpriv §2.6 (rvhv EEI: in place): LD at offset 28: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MLOAD 19, ld, 0x916c4722fdd8b38e, 31    # Unpriv §2.6 (rvhv EEI: in place): LD at offset 31: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MLOAD 20, c.lw, 0xffffffffd8b38e69, 30    # Unpriv §2.6 (rvhv EEI: in place): C.LW at offset 30: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MLOAD 21, c.ld, 0x4722fdd8b38e6944, 29    # Unpriv §2.6 (rvhv EEI: in place): C.LD at offset 29: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MLOAD 22, c.lw, 0xfffffffff1cca782, 3     # Unpriv §2.6 (rvhv EEI: in place): C.LW at offset 3: misaligned within a doubleword
  TEST_MFLOAD 23, flw, 0xffffffffd8b38e69, 30   # Unpriv §2.6 (rvhv EEI: in place): FLW at offset 30: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MFLOAD 24, fld, 0xfdd8b38e69441ffa, 27   # Unpriv §2.6 (rvhv EEI: in place): FLD at offset 27: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MFLOAD 25, fld, 0x85603b16f1cca782, 3    # Unpriv §2.6 (rvhv EEI: in place): FLD at offset 3: crosses an 8-byte boundary
  TEST_MFLOAD 26, c.fld, 0xd8b38e69441ffad5, 26   # Unpriv §2.6 (rvhv EEI: in place): C.FLD at offset 26: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MSTORE 27, sh, 1 , 0 , 0xa0a1a2a3a42211a7, 0xb0b1b2b3b4b5b6b7   # Unpriv §2.6 (rvhv EEI: in place): SH at offset 1: misaligned within a doubleword
  TEST_MSTORE 28, sh, 7 , 0 , 0x11a1a2a3a4a5a6a7, 0xb0b1b2b3b4b5b622   # Unpriv §2.6 (rvhv EEI: in place): SH at offset 7: crosses an 8-byte boundary
  TEST_MSTORE 29, sh, 31, 24, 0x11a1a2a3a4a5a6a7, 0xb0b1b2b3b4b5b622   # Unpriv §2.6 (rvhv EEI: in place): SH at offset 31: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MSTORE 30, sw, 1 , 0 , 0xa0a1a244332211a7, 0xb0b1b2b3b4b5b6b7   # Unpriv §2.6 (rvhv EEI: in place): SW at offset 1: misaligned within a doubleword
  TEST_MSTORE 31, sw, 6 , 0 , 0x2211a2a3a4a5a6a7, 0xb0b1b2b3b4b54433   # Unpriv §2.6 (rvhv EEI: in place): SW at offset 6: crosses an 8-byte boundary
  TEST_MSTORE 32, sw, 30, 24, 0x2211a2a3a4a5a6a7, 0xb0b1b2b3b4b54433   # Unpriv §2.6 (rvhv EEI: in place): SW at offset 30: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MSTORE 33, sw, 31, 24, 0x11a1a2a3a4a5a6a7, 0xb0b1b2b3b4443322   # Unpriv §2.6 (rvhv EEI: in place): SW at offset 31: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MSTORE 34, sd, 1 , 0 , 0x77665544332211a7, 0xb0b1b2b3b4b5b688   # Unpriv §2.6 (rvhv EEI: in place): SD at offset 1: crosses an 8-byte boundary
  TEST_MSTORE 35, sd, 4 , 0 , 0x44332211a4a5a6a7, 0xb0b1b2b388776655   # Unpriv §2.6 (rvhv EEI: in place): SD at offset 4: crosses an 8-byte boundary
  TEST_MSTORE 36, sd, 7 , 0 , 0x11a1a2a3a4a5a6a7, 0xb088776655443322   # Unpriv §2.6 (rvhv EEI: in place): SD at offset 7: crosses an 8-byte boundary
  TEST_MSTORE 37, sd, 28, 24, 0x44332211a4a5a6a7, 0xb0b1b2b388776655   # Unpriv §2.6 (rvhv EEI: in place): SD at offset 28: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MSTORE 38, sd, 31, 24, 0x11a1a2a3a4a5a6a7, 0xb088776655443322   # Unpriv §2.6 (rvhv EEI: in place): SD at offset 31: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MSTORE 39, c.sw, 30, 24, 0x2211a2a3a4a5a6a7, 0xb0b1b2b3b4b54433   # Unpriv §2.6 (rvhv EEI: in place): C.SW at offset 30: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MSTORE 40, c.sd, 29, 24, 0x332211a3a4a5a6a7, 0xb0b1b28877665544   # Unpriv §2.6 (rvhv EEI: in place): C.SD at offset 29: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MFSTORE 41, fsw, 29, 24, 0x332211a3a4a5a6a7, 0xb0b1b2b3b4b5b644   # Unpriv §2.6 (rvhv EEI: in place): FSW at offset 29: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MFSTORE 42, fsd, 27, 24, 0x5544332211a5a6a7, 0xb0b1b2b3b4887766   # Unpriv §2.6 (rvhv EEI: in place): FSD at offset 27: crosses an 8-byte boundary, crosses the 4 KiB page boundary
  TEST_MFSTORE 43, c.fsd, 30, 24, 0x2211a2a3a4a5a6a7, 0xb0b1887766554433   # Unpriv §2.6 (rvhv EEI: in place): C.FSD at offset 30: crosses an 8-byte boundary, crosses the 4 KiB page boundary

  CASE 44                                                       # Unpriv §2.6 (rvhv EEI: in place): a misaligned store then load of the same bytes across the page
  la a1, sedge + 27
  li a0, 0x0102030405060708
  sd a0, 0(a1)
  ld a2, 0(a1)
  CHECK a2, 0x0102030405060708
  lw a2, 3(a1)
  CHECK a2, 0x0000000002030405

RVHV_CODE_END

  .data
  .balign 4096
  .skip 4096 - 32
medge:
  .byte 0x13, 0x38, 0x5d, 0x82, 0xa7, 0xcc, 0xf1, 0x16, 0x3b, 0x60, 0x85, 0xaa, 0xcf, 0xf4, 0x19, 0x3e, 0x63, 0x88, 0xad, 0xd2, 0xf7, 0x1c, 0x41, 0x66, 0x8b, 0xb0, 0xd5, 0xfa, 0x1f, 0x44, 0x69, 0x8e
  .byte 0xb3, 0xd8, 0xfd, 0x22, 0x47, 0x6c, 0x91, 0xb6, 0xdb, 0x00, 0x25, 0x4a, 0x6f, 0x94, 0xb9, 0xde, 0x03, 0x28, 0x4d, 0x72, 0x97, 0xbc, 0xe1, 0x06, 0x2b, 0x50, 0x75, 0x9a, 0xbf, 0xe4, 0x09, 0x2e
  .balign 4096
  .skip 4096 - 32
sedge:
  .skip 64
