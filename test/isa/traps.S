# Synchronous exceptions taken in M-mode (Priv §3.1.15 mcause, §3.1.14 mepc,
# §3.1.16 mtval, §3.1.7 mtvec, §3.3.2 mret), illegal CSR accesses (Priv §2.1)
# and the access-fault / address-misaligned exceptions of loads, stores and
# atomics.
#include "rvhv-test.h"

# Case \n: jumping to \addr (unmapped) raises an instruction access fault
# with mepc = mtval = \addr (Priv §3.1.14, §3.1.16).
.macro TEST_FETCH_FAULT n, addr
  li gp, \n
  li t6, 0x5a5a5a5a
  csrw mtval, t6
  la tp, .Lresume\@
  li a1, \addr
  jr a1
  j rvhv_fail
.Lresume\@:
  li tp, 0
  CHECK_CSR mcause, CAUSE_FETCH_ACCESS
  CHECK_CSR mepc, \addr
  CHECK_CSR mtval, \addr
.endm

RVHV_CODE_BEGIN

  # ---- Environment calls and breakpoints.
  TEST_TRAP 1, CAUSE_ECALL_M, zero, ecall                       # Priv §3.1.15: ECALL from M sets mcause 11, mepc = the ECALL, mtval = 0
  TEST_TRAP 2, CAUSE_BREAKPOINT, any, .4byte 0x00100073         # Priv §3.1.15: EBREAK (32-bit) sets mcause 3 and mepc = the EBREAK
  TEST_TRAP 3, CAUSE_BREAKPOINT, any, c.ebreak                  # Priv §3.1.15: C.EBREAK sets mcause 3 and mepc = the 16-bit EBREAK

  CASE 4                                                        # Priv §3.1.6.1: trap entry copies MIE to MPIE, clears MIE and sets MPP = M
  csrsi mstatus, MSTATUS_MIE                                    # mie = 0, so no interrupt can be taken
  la tp, 1f
  ecall
  j rvhv_fail
1:
  li tp, 0
  csrr a0, mstatus
  andi a1, a0, MSTATUS_MIE
  CHECK a1, 0
  andi a1, a0, MSTATUS_MPIE
  CHECK a1, MSTATUS_MPIE
  li a2, MSTATUS_MPP
  and a1, a0, a2
  CHECK a1, MSTATUS_MPP_M

  CASE 5                                                        # Priv §3.3.2: MRET sets MIE = MPIE, MPIE = 1, and jumps to mepc
  li a0, MSTATUS_MPP_M | MSTATUS_MPIE
  csrs mstatus, a0
  csrci mstatus, MSTATUS_MIE
  la a0, 2f
  csrw mepc, a0
  mret
  j rvhv_fail
2:
  csrr a0, mstatus
  andi a1, a0, MSTATUS_MIE
  CHECK a1, MSTATUS_MIE
  andi a1, a0, MSTATUS_MPIE
  CHECK a1, MSTATUS_MPIE
  csrci mstatus, MSTATUS_MIE
  # Priv §3.3.2: MRET sets MPP to the least-privileged supported mode (U, if misa.U).
  csrr a3, misa
  srli a3, a3, 20                                               # misa bit 20 = 'U'
  andi a3, a3, 1
  beqz a3, 3f
  li a2, MSTATUS_MPP
  and a1, a0, a2
  CHECK a1, 0
3:

  CASE 6                                                        # Priv §3.3.2: MRET with MPIE = 0 leaves MIE = 0 (and sets MPIE)
  li a0, MSTATUS_MPP_M
  csrs mstatus, a0
  li a0, MSTATUS_MPIE | MSTATUS_MIE
  csrc mstatus, a0
  la a0, 4f
  csrw mepc, a0
  mret
  j rvhv_fail
4:
  csrr a0, mstatus
  andi a1, a0, MSTATUS_MIE
  CHECK a1, 0
  andi a1, a0, MSTATUS_MPIE
  CHECK a1, MSTATUS_MPIE

  CASE 7                                                        # Priv §3.1.7: in vectored mode, exceptions still go to BASE
  la a0, vector_table
  ori a0, a0, 1
  csrw mtvec, a0
  csrr a1, mtvec
  CHECK_REG a1, a0
  li s10, 0
  la tp, 5f
  ecall
  j rvhv_fail
5:
  li tp, 0
  la a0, rvhv_trap_vector
  csrw mtvec, a0
  CHECK s10, 1
  CHECK_CSR mcause, CAUSE_ECALL_M

  CASE 8                                                        # Priv §3.1.14: mepc[0] is always zero (IALIGN = 16 with C)
  li a0, 0x80000003
  csrw mepc, a0
  CHECK_CSR mepc, 0x80000002

  # ---- Illegal instructions: mtval = the instruction bits (Priv §3.1.16).
  TEST_ILLEGAL 9, 0xfe0575b3, .4byte 0xfe0575b3                 # Unpriv §2.4: OP with funct7 = 1111111 is reserved; mtval = the 32 bits
  TEST_ILLEGAL 10, 0x0205151b, .4byte 0x0205151b                # Unpriv §4.2.1: SLLIW with imm[5] = 1 is reserved on RV64
  TEST_ILLEGAL 11, 0x00009c7d, .2byte 0x9c7d                    # Unpriv §26.8: reserved CA encoding; mtval = the 16 bits, zero-extended
  TEST_ILLEGAL 12, 0x00000000, .2byte 0x0000                    # Unpriv §26.5.4: the all-zero 16-bit parcel is illegal
  TEST_ILLEGAL 13, 0xffffffff, .4byte 0xffffffff                # Unpriv §1.5: the all-ones pattern is illegal; mtval holds the first 32 bits

  # ---- CSR access rules (Priv §2.1).
  TEST_ILLEGAL 14, 0x0ff02573, csrr a0, 0x0ff                   # Priv §2.1: reading a nonexistent CSR is illegal
  TEST_ILLEGAL 15, 0x0ff51073, csrw 0x0ff, a0                   # Priv §2.1: writing a nonexistent CSR is illegal
  TEST_ILLEGAL 16, 0xf1451073, csrw mhartid, a0                 # Priv §2.1: writing a read-only CSR (mhartid) is illegal
  TEST_ILLEGAL 17, 0xf1401073, csrrw x0, mhartid, x0            # Priv §2.1: CSRRW always writes, even with rs1 = x0
  TEST_ILLEGAL 18, 0xc0051073, csrw cycle, a0                   # Priv §2.1: writing the read-only cycle CSR is illegal
  TEST_ILLEGAL 19, 0xc0052073, csrs cycle, a0                   # Unpriv §7.1: CSRRS with rs1 != x0 writes, so it is illegal on cycle
  TEST_ILLEGAL 20, 0xc0205573, csrrwi a0, instret, 0            # Unpriv §7.1: CSRRWI always writes, even with uimm = 0
  TEST_ILLEGAL 21, 0xc8002573, csrr a0, 0xc80                   # Priv §2.2: cycleh exists on RV32 only
  CASE 22                                                       # Unpriv §7.1: CSRRS/CSRRSI with rs1 = x0 / uimm = 0 only read a read-only CSR
  csrrs a0, mhartid, x0
  csrrsi a0, cycle, 0
  csrrc a0, instret, x0
  CHECK x0, 0

  # ---- Access faults on unmapped physical addresses: mtval = the address.
  li s1, UNMAPPED_ADDR
  addi s2, s1, 8
  addi s3, s1, 16
  TEST_TRAP 23, CAUSE_LOAD_ACCESS, s1, lb a0, 0(s1)             # Priv §3.1.15: load access fault, mcause 5
  TEST_TRAP 24, CAUSE_LOAD_ACCESS, s2, lbu a0, 8(s1)            # Priv §3.1.16: mtval = the faulting effective address
  TEST_TRAP 25, CAUSE_LOAD_ACCESS, s2, lh a0, 8(s1)             # Priv §3.1.15: LH access fault
  TEST_TRAP 26, CAUSE_LOAD_ACCESS, s3, lhu a0, 16(s1)           # Priv §3.1.15: LHU access fault
  TEST_TRAP 27, CAUSE_LOAD_ACCESS, s2, lw a0, 8(s1)             # Priv §3.1.15: LW access fault
  TEST_TRAP 28, CAUSE_LOAD_ACCESS, s3, lwu a0, 16(s1)           # Priv §3.1.15: LWU access fault
  TEST_TRAP 29, CAUSE_LOAD_ACCESS, s2, ld a0, 8(s1)             # Priv §3.1.15: LD access fault
  TEST_TRAP 30, CAUSE_LOAD_ACCESS, s2, fld fa0, 8(s1)           # Priv §3.1.15: FLD access fault
  TEST_TRAP 31, CAUSE_LOAD_ACCESS, s3, flw fa0, 16(s1)          # Priv §3.1.15: FLW access fault
  TEST_TRAP 32, CAUSE_LOAD_ACCESS, s1, lr.d a0, (s1)            # Priv §3.1.15: LR is a load: load access fault
  TEST_TRAP 33, CAUSE_STORE_ACCESS, s1, sb a0, 0(s1)            # Priv §3.1.15: store access fault, mcause 7
  TEST_TRAP 34, CAUSE_STORE_ACCESS, s2, sh a0, 8(s1)            # Priv §3.1.15: SH access fault
  TEST_TRAP 35, CAUSE_STORE_ACCESS, s3, sw a0, 16(s1)           # Priv §3.1.15: SW access fault
  TEST_TRAP 36, CAUSE_STORE_ACCESS, s2, sd a0, 8(s1)            # Priv §3.1.15: SD access fault
  TEST_TRAP 37, CAUSE_STORE_ACCESS, s2, fsd fa0, 8(s1)          # Priv §3.1.15: FSD access fault
  TEST_TRAP 38, CAUSE_STORE_ACCESS, s3, fsw fa0, 16(s1)         # Priv §3.1.15: FSW access fault
  TEST_TRAP 39, CAUSE_STORE_ACCESS, s1, amoadd.d a0, a1, (s1)   # Priv §3.1.15: an AMO faults as a store/AMO access (mcause 7)
  TEST_TRAP 40, CAUSE_STORE_ACCESS, s2, amoswap.w a0, a1, (s2)  # Priv §3.1.15: AMOSWAP.W access fault
  CASE 41                                                       # Priv §3.1.15: a faulting load leaves rd unchanged
  li a0, 0x1234
  la tp, 6f
  ld a0, 0(s1)
  j rvhv_fail
6:
  li tp, 0
  CHECK a0, 0x1234
  TEST_FETCH_FAULT 42, UNMAPPED_ADDR                            # Priv §3.1.15: instruction access fault, mcause 1, mepc = mtval = target

  # ---- Misaligned atomics raise address-misaligned (Unpriv §14.4, §14.2): mtval = the address.
  la s4, abuf
  addi s5, s4, 2
  addi s6, s4, 4
  addi s7, s4, 1
  TEST_TRAP 43, CAUSE_MISALIGNED_STORE, s5, amoadd.w a0, a1, (s5)   # Unpriv §14.4: misaligned AMO.W raises store/AMO address misaligned (6)
  TEST_TRAP 44, CAUSE_MISALIGNED_STORE, s6, amoadd.d a0, a1, (s6)   # Unpriv §14.4: AMO.D must be 8-byte aligned
  TEST_TRAP 45, CAUSE_MISALIGNED_STORE, s7, amoswap.d a0, a1, (s7)  # Unpriv §14.4: AMOSWAP.D at an odd address
  TEST_TRAP 46, CAUSE_MISALIGNED_LOAD, s5, lr.w a0, (s5)            # Unpriv §14.2: misaligned LR raises load address misaligned (4)
  TEST_TRAP 47, CAUSE_MISALIGNED_LOAD, s6, lr.d a0, (s6)            # Unpriv §14.2: LR.D must be 8-byte aligned
  TEST_TRAP 48, CAUSE_MISALIGNED_STORE, s5, sc.w a0, a1, (s5)       # Unpriv §14.2: misaligned SC raises store/AMO address misaligned (6)
  TEST_TRAP 49, CAUSE_MISALIGNED_STORE, s6, sc.d a0, a1, (s6)       # Unpriv §14.2: SC.D must be 8-byte aligned
  CASE 50                                                       # Unpriv §14.4: a trapping AMO writes neither memory nor rd
  CHECK_ADDR s4, abuf
  ld a2, 0(s4)
  CHECK a2, 0x0123456789abcdef
  ld a2, 8(s4)
  CHECK a2, 0x0fedcba987654321

  # ---- Traps from lower privilege modes. PMP entry 0 opens all memory to S/U
  # (Priv §3.7.1: with no matching entry, S/U accesses fail).
  CASE 51                                                       # Priv §3.7.1: PMP entry 0 as a NAPOT region covering all addresses
  li a0, -1
  csrw pmpaddr0, a0
  li a0, 0x1f                                                   # A = NAPOT, X W R
  csrw pmpcfg0, a0
  csrr a1, pmpcfg0
  andi a1, a1, 0xff
  CHECK a1, 0x1f
  CASE 52                                                       # Priv §3.1.15: ECALL from U-mode sets mcause 8; MPP records U
  li a0, MSTATUS_MPP
  csrc mstatus, a0
  la a0, 7f
  csrw mepc, a0
  la tp, 8f
  mret
7:
  ecall
  j rvhv_fail
8:
  li tp, 0
  CHECK_CSR mcause, CAUSE_ECALL_U
  csrr a0, mepc
  CHECK_ADDR a0, 7b
  csrr a0, mstatus
  li a1, MSTATUS_MPP
  and a0, a0, a1
  CHECK a0, 0
  CASE 53                                                       # Priv §3.1.15: ECALL from S-mode sets mcause 9; MPP records S
  li a0, MSTATUS_MPP
  csrc mstatus, a0
  li a0, 0x800                                                  # MPP = S
  csrs mstatus, a0
  la a0, 9f
  csrw mepc, a0
  la tp, 10f
  mret
9:
  ecall
  j rvhv_fail
10:
  li tp, 0
  CHECK_CSR mcause, CAUSE_ECALL_S
  csrr a0, mstatus
  li a1, MSTATUS_MPP
  and a0, a0, a1
  CHECK a0, 0x800
  CASE 54                                                       # Priv §2.1: U-mode access to an M-mode CSR is illegal (mtval = the bits)
  li a0, MSTATUS_MPP
  csrc mstatus, a0
  la a0, 11f
  csrw mepc, a0
  la tp, 12f
  mret
11:
  csrr a0, mstatus
  j rvhv_fail
12:
  li tp, 0
  CHECK_CSR mcause, CAUSE_ILLEGAL
  csrr a0, mepc
  CHECK_ADDR a0, 11b
  CHECK_CSR mtval, 0x30002573

RVHV_CODE_END

  # A vectored trap table: only BASE may be used by exceptions.
  .text
  .option push
  .option norvc
  .balign 256
vector_table:
  j vector_base
  .rept 31
  j rvhv_fail
  .endr
vector_base:
  li s10, 1
  jr tp
  .option pop

  .data
  .balign 16
abuf:
  .dword 0x0123456789abcdef
  .dword 0x0fedcba987654321
