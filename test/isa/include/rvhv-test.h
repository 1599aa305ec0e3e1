/*
 * rvhv-test.h: support for rvhv's self-checking RISC-V ISA tests.
 *
 * A test is one .S file run bare in M-mode from 0x80000000 (see link.ld):
 *
 *   #include "rvhv-test.h"
 *   RVHV_CODE_BEGIN
 *     TEST_RR 1, add, 3, 1, 2      # Unpriv §2.4: ...
 *     ...
 *   RVHV_CODE_END
 *     .data                        # optional test data
 *
 * Reporting is HTIF-style: the emulator watches the 8-byte word `tohost`.
 * Passing writes 1; the first failing case writes (N << 1) | 1, N being the
 * case number held in TESTNUM (gp), which each case sets first. Either way
 * the hart then spins.
 *
 * Register conventions:
 *   gp       TESTNUM: the number of the case running.
 *   tp       resume address for an expected trap, 0 when none is expected.
 *            The trap handler jumps to tp; with tp = 0 the trap is
 *            unexpected and fails the test with
 *            N = 1000000 + 100 * TESTNUM + code, where code is the mcause
 *            exception code, or 64 + the interrupt code. So 1000702 reads
 *            "unexpected illegal-instruction trap during case 7".
 *   t5, t6   scratch of the CHECK macros: never live across a macro.
 *   t0       scratch of the FP case macros.
 * The FP case macros use fa0-fa3 and a0-a1; the integer ones a0-a3.
 *
 * Every case carries a comment naming the rule it checks. Section numbers
 * ("Unpriv §14.2", "Priv §3.1.16") are those of the ratified 20240411
 * Unprivileged and Privileged ISA manuals; "rvhv" marks a choice the spec
 * leaves to the implementation.
 */
#ifndef RVHV_TEST_H
#define RVHV_TEST_H

#define TESTNUM gp

/* Priv §3.1.6: mstatus fields. */
#define MSTATUS_MIE 0x8
#define MSTATUS_MPIE 0x80
#define MSTATUS_MPP 0x1800
#define MSTATUS_MPP_M 0x1800
#define MSTATUS_FS 0x6000
#define MSTATUS_FS_INITIAL 0x2000
#define MSTATUS_FS_CLEAN 0x4000
#define MSTATUS_FS_DIRTY 0x6000
#define MSTATUS_MPRV 0x20000

/* Priv §3.1.15: mcause exception codes. */
#define CAUSE_MISALIGNED_FETCH 0
#define CAUSE_FETCH_ACCESS 1
#define CAUSE_ILLEGAL 2
#define CAUSE_BREAKPOINT 3
#define CAUSE_MISALIGNED_LOAD 4
#define CAUSE_LOAD_ACCESS 5
#define CAUSE_MISALIGNED_STORE 6
#define CAUSE_STORE_ACCESS 7
#define CAUSE_ECALL_U 8
#define CAUSE_ECALL_S 9
#define CAUSE_ECALL_M 11

/* Unpriv §20.2 (F, "Floating-Point Control and Status Register"): fflags bits. */
#define NX 0x01
#define UF 0x02
#define OF 0x04
#define DZ 0x08
#define NV 0x10

/* Unpriv §20.2: rounding-mode encodings (frm and the rm field). */
#define RM_RNE 0
#define RM_RTZ 1
#define RM_RDN 2
#define RM_RUP 3
#define RM_RMM 4
#define RM_DYN 7

/* Canonical NaNs (Unpriv §20.3) and handy constants. */
#define QNAN_H 0x7e00
#define QNAN_S 0x7fc00000
#define QNAN_D 0x7ff8000000000000
#define BOX_H 0xffffffffffff0000
#define BOX_S 0xffffffff00000000

/* A physical address with nothing mapped on the rvhv machine (RAM starts at
   0x80000000): every access there is an access fault. */
#define UNMAPPED_ADDR 0x0

/* First number used to report an unexpected trap (see above). */
#define UNEXPECTED_TRAP_BASE 1000000

/* ---------------------------------------------------------------------- */
/* Image skeleton                                                          */

/* Entry, trap handler and reset; the test's cases follow it. This code
   avoids compressed instructions so failures still report while the C
   extension itself is broken. */
.macro RVHV_CODE_BEGIN
  .section .text.init, "ax", @progbits
  .option push
  .option norvc
  .globl _start
_start:
  j rvhv_reset

  /* Aligned beyond the 4 bytes mtvec.BASE needs so tests may also use it
     in vectored mode. */
  .balign 256
  .globl rvhv_trap_vector
rvhv_trap_vector:
  beqz tp, rvhv_unexpected_trap
  jr tp

rvhv_unexpected_trap:
  csrr t5, mcause
  andi t6, t5, 63
  bgez t5, 1f
  addi t6, t6, 64
1:
  /* 100 * gp, without relying on the M extension. */
  slli t5, gp, 6
  add t6, t6, t5
  slli t5, gp, 5
  add t6, t6, t5
  slli t5, gp, 2
  add t6, t6, t5
  li t5, UNEXPECTED_TRAP_BASE
  add gp, t6, t5
  j rvhv_fail

rvhv_reset:
  .irp r, 1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
  li x\r, 0
  .endr
  li gp, 0
  li tp, 0
  la t0, rvhv_trap_vector
  csrw mtvec, t0
  csrwi mie, 0
  csrci mstatus, MSTATUS_MIE
  /* Priv §3.1.6.6: FP instructions are illegal while mstatus.FS = Off. */
  li t0, MSTATUS_FS_INITIAL
  csrs mstatus, t0
  csrwi fcsr, 0
  li t0, 0
  j rvhv_body
  .option pop

  .text
rvhv_body:
.endm

/* Falls into the pass report; emits the fail report and tohost/fromhost. */
.macro RVHV_CODE_END
  .option push
  .option norvc
rvhv_pass:
  li tp, 0
  fence
  li t6, 1
  la t5, tohost
  sd t6, 0(t5)
1:
  j 1b

rvhv_fail:
  li tp, 0
  fence
  /* A failure outside any case still must not read as a pass. */
  bnez gp, 2f
  li gp, 999999
2:
  slli t6, gp, 1
  ori t6, t6, 1
  la t5, tohost
  sd t6, 0(t5)
3:
  j 3b
  .option pop

  .pushsection .tohost, "aw", @progbits
  .balign 64
  .globl tohost
  .type tohost, @object
tohost:
  .dword 0
  /* QEMU's spike machine finds HTIF through these symbols and wants their size. */
  .size tohost, 8
  .balign 64
  .globl fromhost
  .type fromhost, @object
fromhost:
  .dword 0
  .size fromhost, 8
  .popsection
.endm

/* ---------------------------------------------------------------------- */
/* Checks. Each fails the running case unless its condition holds.         */

.macro CASE n
  li gp, \n
.endm

/* reg == value (a constant `li` accepts). */
.macro CHECK reg, value
  li t6, \value
  beq \reg, t6, .Lrvhv_ok\@
  j rvhv_fail
.Lrvhv_ok\@:
.endm

/* reg == other register. */
.macro CHECK_REG reg, other
  beq \reg, \other, .Lrvhv_ok\@
  j rvhv_fail
.Lrvhv_ok\@:
.endm

/* reg == the address of symbol. */
.macro CHECK_ADDR reg, symbol
  la t6, \symbol
  beq \reg, t6, .Lrvhv_ok\@
  j rvhv_fail
.Lrvhv_ok\@:
.endm

/* csr == value. */
.macro CHECK_CSR csr, value
  csrr t5, \csr
  CHECK t5, \value
.endm

/* Fails unconditionally (for paths that must not be reached). */
.macro FAIL_HERE
  j rvhv_fail
.endm

/* ---------------------------------------------------------------------- */
/* Integer cases                                                           */

/* \op a0, a1, a2 with a1 = \a, a2 = \b gives \result. */
.macro TEST_RR n, op, result, a, b
  li gp, \n
  li a1, \a
  li a2, \b
  \op a0, a1, a2
  CHECK a0, \result
.endm

/* \op a0, a1, \imm with a1 = \a gives \result. */
.macro TEST_RI n, op, result, a, imm
  li gp, \n
  li a1, \a
  \op a0, a1, \imm
  CHECK a0, \result
.endm

/* \op a0, a1 with a1 = \a gives \result (unary ops: clz, sext.b, ...). */
.macro TEST_R n, op, result, a
  li gp, \n
  li a1, \a
  \op a0, a1
  CHECK a0, \result
.endm

/* The same operation with rd = rs1 = rs2 (operands read before rd is written). */
.macro TEST_RR_SAME n, op, result, a
  li gp, \n
  li a1, \a
  \op a1, a1, a1
  CHECK a1, \result
.endm

/* rd = x0: the result is discarded (Unpriv §2.1: x0 is hardwired to zero). */
.macro TEST_RR_ZERO n, op, a, b
  li gp, \n
  li a1, \a
  li a2, \b
  \op x0, a1, a2
  CHECK x0, 0
.endm

/* ---------------------------------------------------------------------- */
/* Traps                                                                   */

/*
 * Case \n: the single instruction \insn must raise exception \cause with
 * mepc = its address and mtval = the value in register \tval (or `any` to
 * skip the mtval check). mtval is preset to a junk value so a trap that
 * forgets to write it shows.
 */
.macro TEST_TRAP n, cause, tval, insn:vararg
  li gp, \n
  li t6, 0x5a5a5a5a
  csrw mtval, t6
  la tp, .Lrvhv_resume\@
.Lrvhv_insn\@:
  \insn
  j rvhv_fail
.Lrvhv_resume\@:
  li tp, 0
  csrr t5, mcause
  CHECK t5, \cause
  csrr t5, mepc
  CHECK_ADDR t5, .Lrvhv_insn\@
  .ifnc \tval, any
  csrr t5, mtval
  CHECK_REG t5, \tval
  .endif
.endm

/* Case \n: the single instruction \insn must raise an illegal-instruction
   exception with mtval = \bits (its encoding). */
.macro TEST_ILLEGAL n, bits, insn:vararg
  li s11, \bits
  TEST_TRAP \n, CAUSE_ILLEGAL, s11, \insn
.endm

/* Case \n: \insn must execute without trapping. */
.macro TEST_NO_TRAP n, insn:vararg
  li gp, \n
  \insn
.endm

/* ---------------------------------------------------------------------- */
/* Floating point. Operands and results are given as raw bit patterns; single
   operands are NaN-boxed by fmv.w.x, and single results are checked boxed
   (Unpriv §21.2: upper 32 bits all ones); likewise halves (fmt h, which needs
   Zfhmin in the test's arch) by fmv.h.x, checked with bits 63:16 all ones
   (Unpriv §23). The rm argument is a rounding-mode operand (rne, rtz, rdn,
   rup, rmm, dyn) or empty for instructions without one. fflags is cleared
   before the operation and must equal \flags after. */

.macro RVHV_FSET freg, fmt, bits
  li t0, \bits
  .ifc \fmt, s
  fmv.w.x \freg, t0
  .else
  .ifc \fmt, h
  fmv.h.x \freg, t0
  .else
  fmv.d.x \freg, t0
  .endif
  .endif
.endm

.macro RVHV_FCHECK freg, fmt, bits
  fmv.x.d a0, \freg
  .ifc \fmt, s
  CHECK a0, (BOX_S | (\bits))
  .else
  .ifc \fmt, h
  CHECK a0, (BOX_H | (\bits))
  .else
  CHECK a0, \bits
  .endif
  .endif
.endm

.macro RVHV_FFLAGS flags
  csrr a1, fflags
  CHECK a1, \flags
.endm

.macro RVHV_OP3 op, rm, rd, r1, r2, r3
  .ifb \rm
  \op \rd, \r1, \r2, \r3
  .else
  \op \rd, \r1, \r2, \r3, \rm
  .endif
.endm

.macro RVHV_OP2 op, rm, rd, r1, r2
  .ifb \rm
  \op \rd, \r1, \r2
  .else
  \op \rd, \r1, \r2, \rm
  .endif
.endm

.macro RVHV_OP1 op, rm, rd, r1
  .ifb \rm
  \op \rd, \r1
  .else
  \op \rd, \r1, \rm
  .endif
.endm

/* fd = op(fa), fa in format \ifmt, fd in format \ofmt. */
.macro TEST_F1 n, op, rm, ofmt, result, flags, ifmt, a
  li gp, \n
  RVHV_FSET fa0, \ifmt, \a
  csrwi fflags, 0
  RVHV_OP1 \op, \rm, fa3, fa0
  RVHV_FFLAGS \flags
  RVHV_FCHECK fa3, \ofmt, \result
.endm

.macro TEST_F2 n, op, rm, fmt, result, flags, a, b
  li gp, \n
  RVHV_FSET fa0, \fmt, \a
  RVHV_FSET fa1, \fmt, \b
  csrwi fflags, 0
  RVHV_OP2 \op, \rm, fa3, fa0, fa1
  RVHV_FFLAGS \flags
  RVHV_FCHECK fa3, \fmt, \result
.endm

.macro TEST_F3 n, op, rm, fmt, result, flags, a, b, c
  li gp, \n
  RVHV_FSET fa0, \fmt, \a
  RVHV_FSET fa1, \fmt, \b
  RVHV_FSET fa2, \fmt, \c
  csrwi fflags, 0
  RVHV_OP3 \op, \rm, fa3, fa0, fa1, fa2
  RVHV_FFLAGS \flags
  RVHV_FCHECK fa3, \fmt, \result
.endm

/* Same-format arithmetic. */
.macro TEST_S1 n, op, rm, result, flags, a
  TEST_F1 \n, \op, \rm, s, \result, \flags, s, \a
.endm
.macro TEST_D1 n, op, rm, result, flags, a
  TEST_F1 \n, \op, \rm, d, \result, \flags, d, \a
.endm
.macro TEST_S2 n, op, rm, result, flags, a, b
  TEST_F2 \n, \op, \rm, s, \result, \flags, \a, \b
.endm
.macro TEST_D2 n, op, rm, result, flags, a, b
  TEST_F2 \n, \op, \rm, d, \result, \flags, \a, \b
.endm
.macro TEST_S3 n, op, rm, result, flags, a, b, c
  TEST_F3 \n, \op, \rm, s, \result, \flags, \a, \b, \c
.endm
.macro TEST_D3 n, op, rm, result, flags, a, b, c
  TEST_F3 \n, \op, \rm, d, \result, \flags, \a, \b, \c
.endm

/* Half-precision arithmetic (Zfh). */
.macro TEST_H1 n, op, rm, result, flags, a
  TEST_F1 \n, \op, \rm, h, \result, \flags, h, \a
.endm
.macro TEST_H2 n, op, rm, result, flags, a, b
  TEST_F2 \n, \op, \rm, h, \result, \flags, \a, \b
.endm
.macro TEST_H3 n, op, rm, result, flags, a, b, c
  TEST_F3 \n, \op, \rm, h, \result, \flags, \a, \b, \c
.endm

/* fcvt.s.d / fcvt.d.s. */
.macro TEST_S_FROM_D n, rm, result, flags, a
  TEST_F1 \n, fcvt.s.d, \rm, s, \result, \flags, d, \a
.endm
.macro TEST_D_FROM_S n, result, flags, a
  TEST_F1 \n, fcvt.d.s, , d, \result, \flags, s, \a
.endm

/* Integer result from an FP operand: fcvt.{w,wu,l,lu}.{h,s,d}, fclass, fmv.x.*.
   \result is the full 64-bit x register value. */
.macro TEST_F_TO_X n, op, rm, fmt, result, flags, a
  li gp, \n
  RVHV_FSET fa0, \fmt, \a
  csrwi fflags, 0
  RVHV_OP1 \op, \rm, a0, fa0
  csrr a1, fflags
  CHECK a0, \result
  CHECK a1, \flags
.endm

/* Integer result from two FP operands: feq, flt, fle. */
.macro TEST_F_CMP n, op, fmt, result, flags, a, b
  li gp, \n
  RVHV_FSET fa0, \fmt, \a
  RVHV_FSET fa1, \fmt, \b
  csrwi fflags, 0
  \op a0, fa0, fa1
  csrr a1, fflags
  CHECK a0, \result
  CHECK a1, \flags
.endm

/* FP result from an integer operand: fcvt.{h,s,d}.{w,wu,l,lu}. */
.macro TEST_X_TO_F n, op, rm, fmt, result, flags, a
  li gp, \n
  li a2, \a
  csrwi fflags, 0
  RVHV_OP1 \op, \rm, fa3, a2
  RVHV_FFLAGS \flags
  RVHV_FCHECK fa3, \fmt, \result
.endm

#endif
