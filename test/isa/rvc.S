# RV64C compressed instructions (Unpriv §26): each one written with its c.
# mnemonic so the encoding under test is certain. The FP loads/stores come
# last (they need F/D).
#include "rvhv-test.h"

RVHV_CODE_BEGIN
  la sp, stack_top

  # ---- Integer constant and register-immediate (Unpriv §26.5).
  CASE 1                                                        # Unpriv §26.5: C.LI sign-extends its 6-bit immediate
  c.li a0, -32
  CHECK a0, 0xffffffffffffffe0
  c.li a0, 31
  CHECK a0, 31
  CASE 2                                                        # Unpriv §26.5: C.LUI loads nzimm[17:12], sign-extended from bit 17
  c.lui a0, 1
  CHECK a0, 0x1000
  c.lui a0, 0x1f
  CHECK a0, 0x1f000
  c.lui a0, 0xfffe0
  CHECK a0, 0xfffffffffffe0000
  c.lui a0, 0xfffff
  CHECK a0, 0xfffffffffffff000
  CASE 3                                                        # Unpriv §26.5: C.ADDI adds a sign-extended 6-bit immediate
  li a0, 10
  c.addi a0, -32
  CHECK a0, -22
  c.addi a0, 31
  CHECK a0, 9
  CASE 4                                                        # Unpriv §26.5: C.ADDIW adds in 32 bits and sign-extends
  li a0, 0x7fffffff
  c.addiw a0, 1
  CHECK a0, 0xffffffff80000000
  li a0, 0x123456789
  c.addiw a0, 0
  CHECK a0, 0x23456789
  CASE 5                                                        # Unpriv §26.5: C.ADDI16SP adds a multiple of 16 to sp
  mv s1, sp
  c.addi16sp sp, -512
  sub a0, s1, sp
  CHECK a0, 512
  c.addi16sp sp, 496
  sub a0, sp, s1
  CHECK a0, -16
  mv sp, s1
  CASE 6                                                        # Unpriv §26.5: C.ADDI4SPN adds a zero-extended multiple of 4 to sp
  c.addi4spn a0, sp, 1020
  sub a0, a0, sp
  CHECK a0, 1020
  c.addi4spn a1, sp, 4
  sub a1, a1, sp
  CHECK a1, 4
  CASE 7                                                        # Unpriv §26.5: C.SLLI shamt is 6 bits on RV64
  li a0, 1
  c.slli a0, 63
  CHECK a0, 0x8000000000000000
  li s0, 0x12345
  c.slli s0, 32
  CHECK s0, 0x0001234500000000
  CASE 8                                                        # Unpriv §26.5: C.SRLI shifts in zeros
  li a0, -1
  c.srli a0, 63
  CHECK a0, 1
  li a1, 0x8000000000000000
  c.srli a1, 32
  CHECK a1, 0x80000000
  CASE 9                                                        # Unpriv §26.5: C.SRAI shifts in copies of bit 63
  li a0, 0x8000000000000000
  c.srai a0, 32
  CHECK a0, 0xffffffff80000000
  li a0, 0x4000000000000000
  c.srai a0, 62
  CHECK a0, 1
  CASE 10                                                       # Unpriv §26.5: C.ANDI sign-extends its immediate
  li a0, 0x123456789abcdef0
  c.andi a0, -16
  CHECK a0, 0x123456789abcdef0
  c.andi a0, 0x1f
  CHECK a0, 0x10

  # ---- Register-register (Unpriv §26.5).
  CASE 11                                                       # Unpriv §26.5: C.MV copies all 64 bits
  li a1, 0xfedcba9876543210
  c.mv a0, a1
  CHECK a0, 0xfedcba9876543210
  CASE 12                                                       # Unpriv §26.5: C.ADD adds 64 bits (any registers)
  li t1, 0x00000000ffffffff
  li t2, 1
  c.add t1, t2
  CHECK t1, 0x100000000
  CASE 13                                                       # Unpriv §26.5: C.SUB, C.XOR, C.OR, C.AND on x8-x15
  li a0, 0x00ff00ff00ff00ff
  li a1, 0x0f0f0f0f0f0f0f0f
  mv a2, a0
  c.sub a2, a1
  CHECK a2, 0xf1eff1eff1eff1f0
  mv a2, a0
  c.xor a2, a1
  CHECK a2, 0x0ff00ff00ff00ff0
  mv a2, a0
  c.or a2, a1
  CHECK a2, 0x0fff0fff0fff0fff
  mv a2, a0
  c.and a2, a1
  CHECK a2, 0x000f000f000f000f
  CASE 14                                                       # Unpriv §26.5: C.ADDW and C.SUBW operate on 32 bits and sign-extend
  li a0, 0x7fffffff
  li a1, 1
  c.addw a0, a1
  CHECK a0, 0xffffffff80000000
  li a0, 0x100000000
  c.subw a0, a1
  CHECK a0, 0xffffffffffffffff

  # ---- Loads and stores (Unpriv §26.3).
  CASE 15                                                       # Unpriv §26.3.2: C.SW / C.LW with the largest offset (124); C.LW sign-extends
  la s0, cbuf
  li a0, 0x80000001
  c.sw a0, 124(s0)
  li a0, 0
  c.lw a0, 124(s0)
  CHECK a0, 0xffffffff80000001
  CASE 16                                                       # Unpriv §26.3.2: C.SD / C.LD with the largest offset (248)
  la s0, cbuf
  li a0, 0x0123456789abcdef
  c.sd a0, 248(s0)
  li a0, 0
  c.ld a0, 248(s0)
  CHECK a0, 0x0123456789abcdef
  CASE 17                                                       # Unpriv §26.3.1: C.SWSP / C.LWSP (offset up to 252, zero-extended)
  li a0, 0xfffffffe
  c.swsp a0, 252(sp)
  li a5, 0
  c.lwsp a5, 252(sp)
  CHECK a5, 0xfffffffffffffffe
  CASE 18                                                       # Unpriv §26.3.1: C.SDSP / C.LDSP (offset up to 504)
  li a0, 0x1122334455667788
  c.sdsp a0, 504(sp)
  li t3, 0
  c.ldsp t3, 504(sp)
  CHECK t3, 0x1122334455667788

  # ---- Control transfer (Unpriv §26.4).
  CASE 19                                                       # Unpriv §26.4: C.J
  c.j 1f
  j rvhv_fail
1:
  CASE 20                                                       # Unpriv §26.4: C.BEQZ taken on zero, not taken otherwise
  li a0, 0
  c.beqz a0, 2f
  j rvhv_fail
2:
  li a0, 1
  c.beqz a0, 3f
  j 4f
3:
  j rvhv_fail
4:
  CASE 21                                                       # Unpriv §26.4: C.BNEZ tests all 64 bits
  li a0, 0x100000000
  c.bnez a0, 5f
  j rvhv_fail
5:
  li a0, 0
  c.bnez a0, 6f
  j 7f
6:
  j rvhv_fail
7:
  CASE 22                                                       # Unpriv §26.4: C.JR jumps to rs1
  la t0, 8f
  c.jr t0
  j rvhv_fail
8:
  CASE 23                                                       # Unpriv §26.4: C.JALR writes pc + 2 to ra
  la t0, 9f
10:
  c.jalr t0
  j rvhv_fail
9:
  la a1, 10b
  addi a1, a1, 2
  CHECK_REG ra, a1
  CASE 24                                                       # Unpriv §26.4: backward C.J and C.BNEZ loop
  li a0, 3
11:
  c.addi a0, -1
  c.bnez a0, 11b
  CHECK a0, 0

  # ---- NOP and HINTs execute without effect (Unpriv §26.7).
  CASE 25                                                       # Unpriv §26.7: C.NOP, and C.LI/C.MV/C.ADD/C.SLLI/C.ADDI to x0 are HINTs
  li a0, 0x55
  c.nop
  .2byte 0x4015                                                 # c.li x0, 5
  .2byte 0x802a                                                 # c.mv x0, a0
  .2byte 0x902a                                                 # c.add x0, a0
  .2byte 0x0006                                                 # c.slli x0, 1
  .2byte 0x0005                                                 # c.addi x0, 1 (C.NOP with nonzero imm)
  CHECK x0, 0
  CHECK a0, 0x55
  CASE 26                                                       # Unpriv §26.7: C.ADDI with imm = 0 is a HINT
  li a0, 0x77
  .2byte 0x0501                                                 # c.addi a0, 0
  CHECK a0, 0x77

  # ---- FP loads and stores (Unpriv §26.3; need D).
  CASE 27                                                       # Unpriv §26.3.2: C.FSD / C.FLD
  la s0, cbuf
  li a0, 0x400921fb54442d18
  fmv.d.x fa0, a0
  c.fsd fa0, 8(s0)
  c.fld fa1, 8(s0)
  fmv.x.d a1, fa1
  CHECK a1, 0x400921fb54442d18
  ld a2, 8(s0)
  CHECK a2, 0x400921fb54442d18
  CASE 28                                                       # Unpriv §26.3.1: C.FSDSP / C.FLDSP (offset up to 504)
  li a0, 0xc000000000000000
  fmv.d.x fa0, a0
  c.fsdsp fa0, 504(sp)
  c.fldsp fa2, 504(sp)
  fmv.x.d a1, fa2
  CHECK a1, 0xc000000000000000

RVHV_CODE_END

  .data
  .balign 16
cbuf:
  .skip 256
  .balign 16
stack:
  .skip 1024
stack_top:
  .skip 512
