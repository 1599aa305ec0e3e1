# Zfhmin (Unpriv §23.6): FLH and FSH (§23.1), FMV.X.H and FMV.H.X, and the
# conversions between half and single or double precision (§23.3), with the
# NaN boxing of halves (§23: bits 63:16 all ones) and the rounding of the
# narrowing conversions under every mode. Only Zfhmin instructions are used,
# and the assembler is told only Zfhmin.
# Expected results and flags come from an exact rational model of IEEE 754
# with the RISC-V rules (canonical NaNs, tininess after rounding).
#include "rvhv-test.h"

# The build's -march predates Zfhmin; binutils 2.40 knows it.
.option arch, +zfhmin

# f\freg = the 64-bit pattern \bits (no boxing).
.macro FSET64 freg, bits
  li t0, \bits
  fmv.d.x \freg, t0
.endm

# f\freg must hold the 64-bit pattern \bits.
.macro FCHECK64 freg, bits
  fmv.x.d a0, \freg
  CHECK a0, \bits
.endm

RVHV_CODE_BEGIN

  # ---- FMV.H.X / FMV.X.H (Unpriv §23.3): bits move unchanged, payloads included.
  CASE 1                                                                                       # Unpriv §23.3: FMV.H.X takes bits 15:0 of rs1 and NaN-boxes them
  li t0, 0x123456789abc3c00
  fmv.h.x fa0, t0
  FCHECK64 fa0, 0xffffffffffff3c00
  CASE 2                                                                                       # Unpriv §23.3: FMV.H.X keeps a signalling-NaN payload, raises nothing
  csrwi fflags, 0
  li t0, 0x7c01
  fmv.h.x fa0, t0
  FCHECK64 fa0, 0xffffffffffff7c01
  CHECK_CSR fflags, 0
  CASE 3                                                                                       # Unpriv §23.3: FMV.X.H sign-extends bit 15 (negative)
  li t0, 0xbc00
  fmv.h.x fa0, t0
  fmv.x.h a0, fa0
  CHECK a0, 0xffffffffffffbc00
  CASE 4                                                                                       # Unpriv §23.3: FMV.X.H of a positive half: upper bits zero
  li t0, 0x7bff
  fmv.h.x fa0, t0
  fmv.x.h a0, fa0
  CHECK a0, 0x7bff
  CASE 5                                                                                       # Unpriv §23.3: FMV.X.H moves bits 15:0 even when the register is not a boxed half
  FSET64 fa0, 0x0000000012348001
  fmv.x.h a0, fa0
  CHECK a0, 0xffffffffffff8001
  CASE 6                                                                                       # Unpriv §23.3: FMV.X.H of a double: its low 16 bits
  FSET64 fa0, 0x3ff0000000007e55
  fmv.x.h a0, fa0
  CHECK a0, 0x7e55
  # ---- FLH / FSH (Unpriv §23.1).
  CASE 7                                                                                       # Unpriv §23.1: FLH NaN-boxes the loaded half
  la a1, hdata
  flh fa0, 0(a1)
  FCHECK64 fa0, 0xffffffffffff3c00
  CASE 8                                                                                       # Unpriv §23.1: FLH keeps a signalling-NaN payload and raises nothing
  csrwi fflags, 0
  la a1, hdata
  flh fa0, 2(a1)
  FCHECK64 fa0, 0xffffffffffff7c01
  CHECK_CSR fflags, 0
  CASE 9                                                                                       # Unpriv §23.1: FLH of a negative half: bits 63:16 all ones
  la a1, hdata
  flh fa0, 4(a1)
  FCHECK64 fa0, 0xffffffffffff8001
  CASE 10                                                                                      # Unpriv §23.1: FSH stores bits 15:0 only, neighbours untouched
  la a1, hbuf
  li t0, -1
  sd t0, 0(a1)
  li t0, 0xabcd
  fmv.h.x fa0, t0
  fsh fa0, 2(a1)
  ld a0, 0(a1)
  CHECK a0, 0xffffffffabcdffff
  CASE 11                                                                                      # Unpriv §23.1: FSH ignores all but bits 15:0 of rs2, boxed or not
  la a1, hbuf
  sd zero, 0(a1)
  FSET64 fa0, 0x1122334455667788
  fsh fa0, 0(a1)
  ld a0, 0(a1)
  CHECK a0, 0x7788
  CASE 12                                                                                      # Unpriv §23.1: FSH keeps a signalling-NaN payload, FLH brings it back
  csrwi fflags, 0
  la a1, hbuf
  li t0, 0xfd01
  fmv.h.x fa0, t0
  fsh fa0, 4(a1)
  flh fa1, 4(a1)
  FCHECK64 fa1, 0xfffffffffffffd01
  CHECK_CSR fflags, 0
  CASE 13                                                                                      # Unpriv §23.1: FLH/FSH with a negative offset
  la a1, hbuf
  addi a1, a1, 16
  li t0, 0x1234
  fmv.h.x fa0, t0
  fsh fa0, -10(a1)
  flh fa1, -10(a1)
  FCHECK64 fa1, 0xffffffffffff1234
  CASE 14                                                                                      # rvhv: a misaligned FLH/FSH is performed, not trapped (Unpriv §2.6 allows either)
  la a1, hbuf
  li t0, 0xc000
  fmv.h.x fa0, t0
  fsh fa0, 9(a1)
  flh fa1, 9(a1)
  FCHECK64 fa1, 0xffffffffffffc000

  # ---- FCVT.S.H / FCVT.D.H (Unpriv §23.3): exact widening; a NaN becomes the
  # canonical NaN of the wider format, NV if it signals.
  TEST_F1 15, fcvt.s.h, , s, 0x3f800000, 0, h, 0x3c00                                        # Unpriv §23.3: FCVT.S.H of 1.0
  TEST_F1 16, fcvt.d.h, , d, 0x3ff0000000000000, 0, h, 0x3c00                                # Unpriv §23.3: FCVT.D.H of 1.0
  TEST_F1 17, fcvt.s.h, , s, 0x80000000, 0, h, 0x8000                                        # Unpriv §23.3: FCVT.S.H of -0
  TEST_F1 18, fcvt.d.h, , d, 0x8000000000000000, 0, h, 0x8000                                # Unpriv §23.3: FCVT.D.H of -0
  TEST_F1 19, fcvt.s.h, , s, 0x33800000, 0, h, 0x0001                                        # Unpriv §23.3: FCVT.S.H of the smallest subnormal (normal when wider)
  TEST_F1 20, fcvt.d.h, , d, 0x3e70000000000000, 0, h, 0x0001                                # Unpriv §23.3: FCVT.D.H of the smallest subnormal (normal when wider)
  TEST_F1 21, fcvt.s.h, , s, 0xb87fc000, 0, h, 0x83ff                                        # Unpriv §23.3: FCVT.S.H of the largest negative subnormal
  TEST_F1 22, fcvt.d.h, , d, 0xbf0ff80000000000, 0, h, 0x83ff                                # Unpriv §23.3: FCVT.D.H of the largest negative subnormal
  TEST_F1 23, fcvt.s.h, , s, 0x477fe000, 0, h, 0x7bff                                        # Unpriv §23.3: FCVT.S.H of max
  TEST_F1 24, fcvt.d.h, , d, 0x40effc0000000000, 0, h, 0x7bff                                # Unpriv §23.3: FCVT.D.H of max
  TEST_F1 25, fcvt.s.h, , s, 0xff800000, 0, h, 0xfc00                                        # Unpriv §23.3: FCVT.S.H of -inf
  TEST_F1 26, fcvt.d.h, , d, 0xfff0000000000000, 0, h, 0xfc00                                # Unpriv §23.3: FCVT.D.H of -inf
  TEST_F1 27, fcvt.s.h, , s, 0x7fc00000, 0, h, 0x7e00                                        # Unpriv §23.3: FCVT.S.H of a quiet NaN: no NV
  TEST_F1 28, fcvt.d.h, , d, 0x7ff8000000000000, 0, h, 0x7e00                                # Unpriv §23.3: FCVT.D.H of a quiet NaN: no NV
  TEST_F1 29, fcvt.s.h, , s, 0x7fc00000, 0, h, 0xfe55                                        # Unpriv §23.3: FCVT.S.H of a quiet NaN payload is dropped
  TEST_F1 30, fcvt.d.h, , d, 0x7ff8000000000000, 0, h, 0xfe55                                # Unpriv §23.3: FCVT.D.H of a quiet NaN payload is dropped
  TEST_F1 31, fcvt.s.h, , s, 0x7fc00000, NV, h, 0x7c01                                       # Unpriv §23.3: FCVT.S.H of a signalling NaN: NV
  TEST_F1 32, fcvt.d.h, , d, 0x7ff8000000000000, NV, h, 0x7c01                               # Unpriv §23.3: FCVT.D.H of a signalling NaN: NV
  # ---- FCVT.H.S (Unpriv §23.3): rounds under rm.
  TEST_F1 33, fcvt.h.s, rne, h, 0x3555, NX, s, 0x3eaaaaab                                    # Unpriv §23.3: FCVT.H.S of the single nearest 1/3, rm = RNE
  TEST_F1 34, fcvt.h.s, rtz, h, 0x3555, NX, s, 0x3eaaaaab                                    # Unpriv §23.3: FCVT.H.S of the single nearest 1/3, rm = RTZ
  TEST_F1 35, fcvt.h.s, rdn, h, 0x3555, NX, s, 0x3eaaaaab                                    # Unpriv §23.3: FCVT.H.S of the single nearest 1/3, rm = RDN
  TEST_F1 36, fcvt.h.s, rup, h, 0x3556, NX, s, 0x3eaaaaab                                    # Unpriv §23.3: FCVT.H.S of the single nearest 1/3, rm = RUP
  TEST_F1 37, fcvt.h.s, rmm, h, 0x3555, NX, s, 0x3eaaaaab                                    # Unpriv §23.3: FCVT.H.S of the single nearest 1/3, rm = RMM
  TEST_F1 38, fcvt.h.s, rne, h, 0xb555, NX, s, 0xbeaaaaab                                    # Unpriv §23.3: FCVT.H.S of the single nearest -1/3, rm = RNE
  TEST_F1 39, fcvt.h.s, rtz, h, 0xb555, NX, s, 0xbeaaaaab                                    # Unpriv §23.3: FCVT.H.S of the single nearest -1/3, rm = RTZ
  TEST_F1 40, fcvt.h.s, rdn, h, 0xb556, NX, s, 0xbeaaaaab                                    # Unpriv §23.3: FCVT.H.S of the single nearest -1/3, rm = RDN
  TEST_F1 41, fcvt.h.s, rup, h, 0xb555, NX, s, 0xbeaaaaab                                    # Unpriv §23.3: FCVT.H.S of the single nearest -1/3, rm = RUP
  TEST_F1 42, fcvt.h.s, rmm, h, 0xb555, NX, s, 0xbeaaaaab                                    # Unpriv §23.3: FCVT.H.S of the single nearest -1/3, rm = RMM
  TEST_F1 43, fcvt.h.s, rne, h, 0x3c00, NX, s, 0x3f801000                                    # Unpriv §23.3: FCVT.H.S of 1 + 2^-11: a tie, even below, rm = RNE
  TEST_F1 44, fcvt.h.s, rtz, h, 0x3c00, NX, s, 0x3f801000                                    # Unpriv §23.3: FCVT.H.S of 1 + 2^-11: a tie, even below, rm = RTZ
  TEST_F1 45, fcvt.h.s, rdn, h, 0x3c00, NX, s, 0x3f801000                                    # Unpriv §23.3: FCVT.H.S of 1 + 2^-11: a tie, even below, rm = RDN
  TEST_F1 46, fcvt.h.s, rup, h, 0x3c01, NX, s, 0x3f801000                                    # Unpriv §23.3: FCVT.H.S of 1 + 2^-11: a tie, even below, rm = RUP
  TEST_F1 47, fcvt.h.s, rmm, h, 0x3c01, NX, s, 0x3f801000                                    # Unpriv §23.3: FCVT.H.S of 1 + 2^-11: a tie, even below, rm = RMM
  TEST_F1 48, fcvt.h.s, rne, h, 0x3c02, NX, s, 0x3f803000                                    # Unpriv §23.3: FCVT.H.S of (1+ulp) + 2^-11: a tie, odd below, rm = RNE
  TEST_F1 49, fcvt.h.s, rtz, h, 0x3c01, NX, s, 0x3f803000                                    # Unpriv §23.3: FCVT.H.S of (1+ulp) + 2^-11: a tie, odd below, rm = RTZ
  TEST_F1 50, fcvt.h.s, rdn, h, 0x3c01, NX, s, 0x3f803000                                    # Unpriv §23.3: FCVT.H.S of (1+ulp) + 2^-11: a tie, odd below, rm = RDN
  TEST_F1 51, fcvt.h.s, rup, h, 0x3c02, NX, s, 0x3f803000                                    # Unpriv §23.3: FCVT.H.S of (1+ulp) + 2^-11: a tie, odd below, rm = RUP
  TEST_F1 52, fcvt.h.s, rmm, h, 0x3c02, NX, s, 0x3f803000                                    # Unpriv §23.3: FCVT.H.S of (1+ulp) + 2^-11: a tie, odd below, rm = RMM
  TEST_F1 53, fcvt.h.s, rne, h, 0x3c01, NX, s, 0x3f801001                                    # Unpriv §23.3: FCVT.H.S of just above the tie: the sticky bits decide, rm = RNE
  TEST_F1 54, fcvt.h.s, rtz, h, 0x3c00, NX, s, 0x3f801001                                    # Unpriv §23.3: FCVT.H.S of just above the tie: the sticky bits decide, rm = RTZ
  TEST_F1 55, fcvt.h.s, rdn, h, 0x3c00, NX, s, 0x3f801001                                    # Unpriv §23.3: FCVT.H.S of just above the tie: the sticky bits decide, rm = RDN
  TEST_F1 56, fcvt.h.s, rup, h, 0x3c01, NX, s, 0x3f801001                                    # Unpriv §23.3: FCVT.H.S of just above the tie: the sticky bits decide, rm = RUP
  TEST_F1 57, fcvt.h.s, rmm, h, 0x3c01, NX, s, 0x3f801001                                    # Unpriv §23.3: FCVT.H.S of just above the tie: the sticky bits decide, rm = RMM
  TEST_F1 58, fcvt.h.s, rne, h, 0x7c00, OF|NX, s, 0x477ff000                                 # Unpriv §23.3: FCVT.H.S of 65520 = max + ulp/2: the overflow threshold, rm = RNE
  TEST_F1 59, fcvt.h.s, rtz, h, 0x7bff, NX, s, 0x477ff000                                    # Unpriv §23.3: FCVT.H.S of 65520 = max + ulp/2: the overflow threshold, rm = RTZ
  TEST_F1 60, fcvt.h.s, rdn, h, 0x7bff, NX, s, 0x477ff000                                    # Unpriv §23.3: FCVT.H.S of 65520 = max + ulp/2: the overflow threshold, rm = RDN
  TEST_F1 61, fcvt.h.s, rup, h, 0x7c00, OF|NX, s, 0x477ff000                                 # Unpriv §23.3: FCVT.H.S of 65520 = max + ulp/2: the overflow threshold, rm = RUP
  TEST_F1 62, fcvt.h.s, rmm, h, 0x7c00, OF|NX, s, 0x477ff000                                 # Unpriv §23.3: FCVT.H.S of 65520 = max + ulp/2: the overflow threshold, rm = RMM
  TEST_F1 63, fcvt.h.s, rne, h, 0x7bff, NX, s, 0x477fefff                                    # Unpriv §23.3: FCVT.H.S of just below 65520, rm = RNE
  TEST_F1 64, fcvt.h.s, rtz, h, 0x7bff, NX, s, 0x477fefff                                    # Unpriv §23.3: FCVT.H.S of just below 65520, rm = RTZ
  TEST_F1 65, fcvt.h.s, rdn, h, 0x7bff, NX, s, 0x477fefff                                    # Unpriv §23.3: FCVT.H.S of just below 65520, rm = RDN
  TEST_F1 66, fcvt.h.s, rup, h, 0x7c00, OF|NX, s, 0x477fefff                                 # Unpriv §23.3: FCVT.H.S of just below 65520, rm = RUP
  TEST_F1 67, fcvt.h.s, rmm, h, 0x7bff, NX, s, 0x477fefff                                    # Unpriv §23.3: FCVT.H.S of just below 65520, rm = RMM
  TEST_F1 68, fcvt.h.s, rne, h, 0xfc00, OF|NX, s, 0xc7800000                                 # Unpriv §23.3: FCVT.H.S of -65536, rm = RNE
  TEST_F1 69, fcvt.h.s, rtz, h, 0xfbff, OF|NX, s, 0xc7800000                                 # Unpriv §23.3: FCVT.H.S of -65536, rm = RTZ
  TEST_F1 70, fcvt.h.s, rdn, h, 0xfc00, OF|NX, s, 0xc7800000                                 # Unpriv §23.3: FCVT.H.S of -65536, rm = RDN
  TEST_F1 71, fcvt.h.s, rup, h, 0xfbff, OF|NX, s, 0xc7800000                                 # Unpriv §23.3: FCVT.H.S of -65536, rm = RUP
  TEST_F1 72, fcvt.h.s, rmm, h, 0xfc00, OF|NX, s, 0xc7800000                                 # Unpriv §23.3: FCVT.H.S of -65536, rm = RMM
  TEST_F1 73, fcvt.h.s, rne, h, 0x7c00, OF|NX, s, 0x7f7fffff                                 # Unpriv §23.3: FCVT.H.S of the largest single, rm = RNE
  TEST_F1 74, fcvt.h.s, rtz, h, 0x7bff, OF|NX, s, 0x7f7fffff                                 # Unpriv §23.3: FCVT.H.S of the largest single, rm = RTZ
  TEST_F1 75, fcvt.h.s, rdn, h, 0x7bff, OF|NX, s, 0x7f7fffff                                 # Unpriv §23.3: FCVT.H.S of the largest single, rm = RDN
  TEST_F1 76, fcvt.h.s, rup, h, 0x7c00, OF|NX, s, 0x7f7fffff                                 # Unpriv §23.3: FCVT.H.S of the largest single, rm = RUP
  TEST_F1 77, fcvt.h.s, rmm, h, 0x7c00, OF|NX, s, 0x7f7fffff                                 # Unpriv §23.3: FCVT.H.S of the largest single, rm = RMM
  TEST_F1 78, fcvt.h.s, rne, h, 0x0001, 0, s, 0x33800000                                     # Unpriv §23.3: FCVT.H.S of 2^-24 = the smallest subnormal, exact, rm = RNE
  TEST_F1 79, fcvt.h.s, rtz, h, 0x0001, 0, s, 0x33800000                                     # Unpriv §23.3: FCVT.H.S of 2^-24 = the smallest subnormal, exact, rm = RTZ
  TEST_F1 80, fcvt.h.s, rdn, h, 0x0001, 0, s, 0x33800000                                     # Unpriv §23.3: FCVT.H.S of 2^-24 = the smallest subnormal, exact, rm = RDN
  TEST_F1 81, fcvt.h.s, rup, h, 0x0001, 0, s, 0x33800000                                     # Unpriv §23.3: FCVT.H.S of 2^-24 = the smallest subnormal, exact, rm = RUP
  TEST_F1 82, fcvt.h.s, rmm, h, 0x0001, 0, s, 0x33800000                                     # Unpriv §23.3: FCVT.H.S of 2^-24 = the smallest subnormal, exact, rm = RMM
  TEST_F1 83, fcvt.h.s, rne, h, 0x0000, UF|NX, s, 0x33000000                                 # Unpriv §23.3: FCVT.H.S of 2^-25: the underflow tie, rm = RNE
  TEST_F1 84, fcvt.h.s, rtz, h, 0x0000, UF|NX, s, 0x33000000                                 # Unpriv §23.3: FCVT.H.S of 2^-25: the underflow tie, rm = RTZ
  TEST_F1 85, fcvt.h.s, rdn, h, 0x0000, UF|NX, s, 0x33000000                                 # Unpriv §23.3: FCVT.H.S of 2^-25: the underflow tie, rm = RDN
  TEST_F1 86, fcvt.h.s, rup, h, 0x0001, UF|NX, s, 0x33000000                                 # Unpriv §23.3: FCVT.H.S of 2^-25: the underflow tie, rm = RUP
  TEST_F1 87, fcvt.h.s, rmm, h, 0x0001, UF|NX, s, 0x33000000                                 # Unpriv §23.3: FCVT.H.S of 2^-25: the underflow tie, rm = RMM
  TEST_F1 88, fcvt.h.s, rne, h, 0x0001, UF|NX, s, 0x33400000                                 # Unpriv §23.3: FCVT.H.S of 1.5 * 2^-25, rm = RNE
  TEST_F1 89, fcvt.h.s, rtz, h, 0x0000, UF|NX, s, 0x33400000                                 # Unpriv §23.3: FCVT.H.S of 1.5 * 2^-25, rm = RTZ
  TEST_F1 90, fcvt.h.s, rdn, h, 0x0000, UF|NX, s, 0x33400000                                 # Unpriv §23.3: FCVT.H.S of 1.5 * 2^-25, rm = RDN
  TEST_F1 91, fcvt.h.s, rup, h, 0x0001, UF|NX, s, 0x33400000                                 # Unpriv §23.3: FCVT.H.S of 1.5 * 2^-25, rm = RUP
  TEST_F1 92, fcvt.h.s, rmm, h, 0x0001, UF|NX, s, 0x33400000                                 # Unpriv §23.3: FCVT.H.S of 1.5 * 2^-25, rm = RMM
  TEST_F1 93, fcvt.h.s, rne, h, 0x0400, UF|NX, s, 0x387fe000                                 # Unpriv §23.3: FCVT.H.S of 2^-14 - 2^-25, a tie between the largest subnormal and the smallest normal (tininess after rounding), rm = RNE
  TEST_F1 94, fcvt.h.s, rtz, h, 0x03ff, UF|NX, s, 0x387fe000                                 # Unpriv §23.3: FCVT.H.S of 2^-14 - 2^-25, a tie between the largest subnormal and the smallest normal (tininess after rounding), rm = RTZ
  TEST_F1 95, fcvt.h.s, rdn, h, 0x03ff, UF|NX, s, 0x387fe000                                 # Unpriv §23.3: FCVT.H.S of 2^-14 - 2^-25, a tie between the largest subnormal and the smallest normal (tininess after rounding), rm = RDN
  TEST_F1 96, fcvt.h.s, rup, h, 0x0400, UF|NX, s, 0x387fe000                                 # Unpriv §23.3: FCVT.H.S of 2^-14 - 2^-25, a tie between the largest subnormal and the smallest normal (tininess after rounding), rm = RUP
  TEST_F1 97, fcvt.h.s, rmm, h, 0x0400, UF|NX, s, 0x387fe000                                 # Unpriv §23.3: FCVT.H.S of 2^-14 - 2^-25, a tie between the largest subnormal and the smallest normal (tininess after rounding), rm = RMM
  TEST_F1 98, fcvt.h.s, rne, h, 0x0400, NX, s, 0x387ff000                                    # Unpriv §23.3: FCVT.H.S of 2^-14 - 2^-26 (tininess after rounding), rm = RNE
  TEST_F1 99, fcvt.h.s, rtz, h, 0x03ff, UF|NX, s, 0x387ff000                                 # Unpriv §23.3: FCVT.H.S of 2^-14 - 2^-26 (tininess after rounding), rm = RTZ
  TEST_F1 100, fcvt.h.s, rdn, h, 0x03ff, UF|NX, s, 0x387ff000                                # Unpriv §23.3: FCVT.H.S of 2^-14 - 2^-26 (tininess after rounding), rm = RDN
  TEST_F1 101, fcvt.h.s, rup, h, 0x0400, NX, s, 0x387ff000                                   # Unpriv §23.3: FCVT.H.S of 2^-14 - 2^-26 (tininess after rounding), rm = RUP
  TEST_F1 102, fcvt.h.s, rmm, h, 0x0400, NX, s, 0x387ff000                                   # Unpriv §23.3: FCVT.H.S of 2^-14 - 2^-26 (tininess after rounding), rm = RMM
  TEST_F1 103, fcvt.h.s, rne, h, 0x0400, UF|NX, s, 0x387fe800                                # Unpriv §23.3: FCVT.H.S of 2^-14 - 3 * 2^-27: tiny after rounding unless rounding up, rm = RNE
  TEST_F1 104, fcvt.h.s, rtz, h, 0x03ff, UF|NX, s, 0x387fe800                                # Unpriv §23.3: FCVT.H.S of 2^-14 - 3 * 2^-27: tiny after rounding unless rounding up, rm = RTZ
  TEST_F1 105, fcvt.h.s, rdn, h, 0x03ff, UF|NX, s, 0x387fe800                                # Unpriv §23.3: FCVT.H.S of 2^-14 - 3 * 2^-27: tiny after rounding unless rounding up, rm = RDN
  TEST_F1 106, fcvt.h.s, rup, h, 0x0400, NX, s, 0x387fe800                                   # Unpriv §23.3: FCVT.H.S of 2^-14 - 3 * 2^-27: tiny after rounding unless rounding up, rm = RUP
  TEST_F1 107, fcvt.h.s, rmm, h, 0x0400, UF|NX, s, 0x387fe800                                # Unpriv §23.3: FCVT.H.S of 2^-14 - 3 * 2^-27: tiny after rounding unless rounding up, rm = RMM
  TEST_F1 108, fcvt.h.s, rne, h, 0x0000, UF|NX, s, 0x00000001                                # Unpriv §23.3: FCVT.H.S of the smallest single subnormal, rm = RNE
  TEST_F1 109, fcvt.h.s, rtz, h, 0x0000, UF|NX, s, 0x00000001                                # Unpriv §23.3: FCVT.H.S of the smallest single subnormal, rm = RTZ
  TEST_F1 110, fcvt.h.s, rdn, h, 0x0000, UF|NX, s, 0x00000001                                # Unpriv §23.3: FCVT.H.S of the smallest single subnormal, rm = RDN
  TEST_F1 111, fcvt.h.s, rup, h, 0x0001, UF|NX, s, 0x00000001                                # Unpriv §23.3: FCVT.H.S of the smallest single subnormal, rm = RUP
  TEST_F1 112, fcvt.h.s, rmm, h, 0x0000, UF|NX, s, 0x00000001                                # Unpriv §23.3: FCVT.H.S of the smallest single subnormal, rm = RMM
  TEST_F1 113, fcvt.h.s, rne, h, 0x7c00, 0, s, 0x7f800000                                    # Unpriv §23.3: FCVT.H.S of +inf: exact
  TEST_F1 114, fcvt.h.s, rne, h, 0x8000, 0, s, 0x80000000                                    # Unpriv §23.3: FCVT.H.S of -0
  TEST_F1 115, fcvt.h.s, rne, h, 0x7e00, 0, s, 0x7fc00001                                    # Unpriv §23.3: FCVT.H.S of a quiet NaN: canonical, no NV
  TEST_F1 116, fcvt.h.s, rne, h, 0x7e00, NV, s, 0xff800001                                   # Unpriv §23.3: FCVT.H.S of a signalling NaN: NV
  # ---- FCVT.H.D (Unpriv §23.3): rounds under rm.
  TEST_F1 117, fcvt.h.d, rne, h, 0x3555, NX, d, 0x3fd5555555555555                           # Unpriv §23.3: FCVT.H.D of the double nearest 1/3, rm = RNE
  TEST_F1 118, fcvt.h.d, rtz, h, 0x3555, NX, d, 0x3fd5555555555555                           # Unpriv §23.3: FCVT.H.D of the double nearest 1/3, rm = RTZ
  TEST_F1 119, fcvt.h.d, rdn, h, 0x3555, NX, d, 0x3fd5555555555555                           # Unpriv §23.3: FCVT.H.D of the double nearest 1/3, rm = RDN
  TEST_F1 120, fcvt.h.d, rup, h, 0x3556, NX, d, 0x3fd5555555555555                           # Unpriv §23.3: FCVT.H.D of the double nearest 1/3, rm = RUP
  TEST_F1 121, fcvt.h.d, rmm, h, 0x3555, NX, d, 0x3fd5555555555555                           # Unpriv §23.3: FCVT.H.D of the double nearest 1/3, rm = RMM
  TEST_F1 122, fcvt.h.d, rne, h, 0x3c00, NX, d, 0x3ff0020000000000                           # Unpriv §23.3: FCVT.H.D of 1 + 2^-11: a tie, rm = RNE
  TEST_F1 123, fcvt.h.d, rtz, h, 0x3c00, NX, d, 0x3ff0020000000000                           # Unpriv §23.3: FCVT.H.D of 1 + 2^-11: a tie, rm = RTZ
  TEST_F1 124, fcvt.h.d, rdn, h, 0x3c00, NX, d, 0x3ff0020000000000                           # Unpriv §23.3: FCVT.H.D of 1 + 2^-11: a tie, rm = RDN
  TEST_F1 125, fcvt.h.d, rup, h, 0x3c01, NX, d, 0x3ff0020000000000                           # Unpriv §23.3: FCVT.H.D of 1 + 2^-11: a tie, rm = RUP
  TEST_F1 126, fcvt.h.d, rmm, h, 0x3c01, NX, d, 0x3ff0020000000000                           # Unpriv §23.3: FCVT.H.D of 1 + 2^-11: a tie, rm = RMM
  TEST_F1 127, fcvt.h.d, rne, h, 0x3c01, NX, d, 0x3ff0020000000001                           # Unpriv §23.3: FCVT.H.D of 1 + 2^-11 + 2^-52: the lowest sticky bit decides, rm = RNE
  TEST_F1 128, fcvt.h.d, rtz, h, 0x3c00, NX, d, 0x3ff0020000000001                           # Unpriv §23.3: FCVT.H.D of 1 + 2^-11 + 2^-52: the lowest sticky bit decides, rm = RTZ
  TEST_F1 129, fcvt.h.d, rdn, h, 0x3c00, NX, d, 0x3ff0020000000001                           # Unpriv §23.3: FCVT.H.D of 1 + 2^-11 + 2^-52: the lowest sticky bit decides, rm = RDN
  TEST_F1 130, fcvt.h.d, rup, h, 0x3c01, NX, d, 0x3ff0020000000001                           # Unpriv §23.3: FCVT.H.D of 1 + 2^-11 + 2^-52: the lowest sticky bit decides, rm = RUP
  TEST_F1 131, fcvt.h.d, rmm, h, 0x3c01, NX, d, 0x3ff0020000000001                           # Unpriv §23.3: FCVT.H.D of 1 + 2^-11 + 2^-52: the lowest sticky bit decides, rm = RMM
  TEST_F1 132, fcvt.h.d, rne, h, 0xbc02, NX, d, 0xbff0060000000000                           # Unpriv §23.3: FCVT.H.D of -(1 + 3 * 2^-11): a tie, odd below, rm = RNE
  TEST_F1 133, fcvt.h.d, rtz, h, 0xbc01, NX, d, 0xbff0060000000000                           # Unpriv §23.3: FCVT.H.D of -(1 + 3 * 2^-11): a tie, odd below, rm = RTZ
  TEST_F1 134, fcvt.h.d, rdn, h, 0xbc02, NX, d, 0xbff0060000000000                           # Unpriv §23.3: FCVT.H.D of -(1 + 3 * 2^-11): a tie, odd below, rm = RDN
  TEST_F1 135, fcvt.h.d, rup, h, 0xbc01, NX, d, 0xbff0060000000000                           # Unpriv §23.3: FCVT.H.D of -(1 + 3 * 2^-11): a tie, odd below, rm = RUP
  TEST_F1 136, fcvt.h.d, rmm, h, 0xbc02, NX, d, 0xbff0060000000000                           # Unpriv §23.3: FCVT.H.D of -(1 + 3 * 2^-11): a tie, odd below, rm = RMM
  TEST_F1 137, fcvt.h.d, rne, h, 0x7c00, OF|NX, d, 0x40effe0000000000                        # Unpriv §23.3: FCVT.H.D of 65520: the overflow threshold, rm = RNE
  TEST_F1 138, fcvt.h.d, rtz, h, 0x7bff, NX, d, 0x40effe0000000000                           # Unpriv §23.3: FCVT.H.D of 65520: the overflow threshold, rm = RTZ
  TEST_F1 139, fcvt.h.d, rdn, h, 0x7bff, NX, d, 0x40effe0000000000                           # Unpriv §23.3: FCVT.H.D of 65520: the overflow threshold, rm = RDN
  TEST_F1 140, fcvt.h.d, rup, h, 0x7c00, OF|NX, d, 0x40effe0000000000                        # Unpriv §23.3: FCVT.H.D of 65520: the overflow threshold, rm = RUP
  TEST_F1 141, fcvt.h.d, rmm, h, 0x7c00, OF|NX, d, 0x40effe0000000000                        # Unpriv §23.3: FCVT.H.D of 65520: the overflow threshold, rm = RMM
  TEST_F1 142, fcvt.h.d, rne, h, 0x7bff, NX, d, 0x40effdffffffffff                           # Unpriv §23.3: FCVT.H.D of just below 65520, rm = RNE
  TEST_F1 143, fcvt.h.d, rtz, h, 0x7bff, NX, d, 0x40effdffffffffff                           # Unpriv §23.3: FCVT.H.D of just below 65520, rm = RTZ
  TEST_F1 144, fcvt.h.d, rdn, h, 0x7bff, NX, d, 0x40effdffffffffff                           # Unpriv §23.3: FCVT.H.D of just below 65520, rm = RDN
  TEST_F1 145, fcvt.h.d, rup, h, 0x7c00, OF|NX, d, 0x40effdffffffffff                        # Unpriv §23.3: FCVT.H.D of just below 65520, rm = RUP
  TEST_F1 146, fcvt.h.d, rmm, h, 0x7bff, NX, d, 0x40effdffffffffff                           # Unpriv §23.3: FCVT.H.D of just below 65520, rm = RMM
  TEST_F1 147, fcvt.h.d, rne, h, 0x7c00, OF|NX, d, 0x7fefffffffffffff                        # Unpriv §23.3: FCVT.H.D of the largest double, rm = RNE
  TEST_F1 148, fcvt.h.d, rtz, h, 0x7bff, OF|NX, d, 0x7fefffffffffffff                        # Unpriv §23.3: FCVT.H.D of the largest double, rm = RTZ
  TEST_F1 149, fcvt.h.d, rdn, h, 0x7bff, OF|NX, d, 0x7fefffffffffffff                        # Unpriv §23.3: FCVT.H.D of the largest double, rm = RDN
  TEST_F1 150, fcvt.h.d, rup, h, 0x7c00, OF|NX, d, 0x7fefffffffffffff                        # Unpriv §23.3: FCVT.H.D of the largest double, rm = RUP
  TEST_F1 151, fcvt.h.d, rmm, h, 0x7c00, OF|NX, d, 0x7fefffffffffffff                        # Unpriv §23.3: FCVT.H.D of the largest double, rm = RMM
  TEST_F1 152, fcvt.h.d, rne, h, 0x0001, 0, d, 0x3e70000000000000                            # Unpriv §23.3: FCVT.H.D of 2^-24, exact, rm = RNE
  TEST_F1 153, fcvt.h.d, rtz, h, 0x0001, 0, d, 0x3e70000000000000                            # Unpriv §23.3: FCVT.H.D of 2^-24, exact, rm = RTZ
  TEST_F1 154, fcvt.h.d, rdn, h, 0x0001, 0, d, 0x3e70000000000000                            # Unpriv §23.3: FCVT.H.D of 2^-24, exact, rm = RDN
  TEST_F1 155, fcvt.h.d, rup, h, 0x0001, 0, d, 0x3e70000000000000                            # Unpriv §23.3: FCVT.H.D of 2^-24, exact, rm = RUP
  TEST_F1 156, fcvt.h.d, rmm, h, 0x0001, 0, d, 0x3e70000000000000                            # Unpriv §23.3: FCVT.H.D of 2^-24, exact, rm = RMM
  TEST_F1 157, fcvt.h.d, rne, h, 0x0001, UF|NX, d, 0x3e60000000000001                        # Unpriv §23.3: FCVT.H.D of just above 2^-25, rm = RNE
  TEST_F1 158, fcvt.h.d, rtz, h, 0x0000, UF|NX, d, 0x3e60000000000001                        # Unpriv §23.3: FCVT.H.D of just above 2^-25, rm = RTZ
  TEST_F1 159, fcvt.h.d, rdn, h, 0x0000, UF|NX, d, 0x3e60000000000001                        # Unpriv §23.3: FCVT.H.D of just above 2^-25, rm = RDN
  TEST_F1 160, fcvt.h.d, rup, h, 0x0001, UF|NX, d, 0x3e60000000000001                        # Unpriv §23.3: FCVT.H.D of just above 2^-25, rm = RUP
  TEST_F1 161, fcvt.h.d, rmm, h, 0x0001, UF|NX, d, 0x3e60000000000001                        # Unpriv §23.3: FCVT.H.D of just above 2^-25, rm = RMM
  TEST_F1 162, fcvt.h.d, rne, h, 0x0400, UF|NX, d, 0x3f0ffc0000000000                        # Unpriv §23.3: FCVT.H.D of 2^-14 - 2^-25, a tie at the smallest normal (tininess after rounding), rm = RNE
  TEST_F1 163, fcvt.h.d, rtz, h, 0x03ff, UF|NX, d, 0x3f0ffc0000000000                        # Unpriv §23.3: FCVT.H.D of 2^-14 - 2^-25, a tie at the smallest normal (tininess after rounding), rm = RTZ
  TEST_F1 164, fcvt.h.d, rdn, h, 0x03ff, UF|NX, d, 0x3f0ffc0000000000                        # Unpriv §23.3: FCVT.H.D of 2^-14 - 2^-25, a tie at the smallest normal (tininess after rounding), rm = RDN
  TEST_F1 165, fcvt.h.d, rup, h, 0x0400, UF|NX, d, 0x3f0ffc0000000000                        # Unpriv §23.3: FCVT.H.D of 2^-14 - 2^-25, a tie at the smallest normal (tininess after rounding), rm = RUP
  TEST_F1 166, fcvt.h.d, rmm, h, 0x0400, UF|NX, d, 0x3f0ffc0000000000                        # Unpriv §23.3: FCVT.H.D of 2^-14 - 2^-25, a tie at the smallest normal (tininess after rounding), rm = RMM
  TEST_F1 167, fcvt.h.d, rne, h, 0x0400, NX, d, 0x3f0fffffffffff80                           # Unpriv §23.3: FCVT.H.D of 2^-14 - 2^-60: just below the smallest normal (tininess after rounding), rm = RNE
  TEST_F1 168, fcvt.h.d, rtz, h, 0x03ff, UF|NX, d, 0x3f0fffffffffff80                        # Unpriv §23.3: FCVT.H.D of 2^-14 - 2^-60: just below the smallest normal (tininess after rounding), rm = RTZ
  TEST_F1 169, fcvt.h.d, rdn, h, 0x03ff, UF|NX, d, 0x3f0fffffffffff80                        # Unpriv §23.3: FCVT.H.D of 2^-14 - 2^-60: just below the smallest normal (tininess after rounding), rm = RDN
  TEST_F1 170, fcvt.h.d, rup, h, 0x0400, NX, d, 0x3f0fffffffffff80                           # Unpriv §23.3: FCVT.H.D of 2^-14 - 2^-60: just below the smallest normal (tininess after rounding), rm = RUP
  TEST_F1 171, fcvt.h.d, rmm, h, 0x0400, NX, d, 0x3f0fffffffffff80                           # Unpriv §23.3: FCVT.H.D of 2^-14 - 2^-60: just below the smallest normal (tininess after rounding), rm = RMM
  TEST_F1 172, fcvt.h.d, rne, h, 0x8000, UF|NX, d, 0x8000000000000001                        # Unpriv §23.3: FCVT.H.D of the smallest negative double subnormal, rm = RNE
  TEST_F1 173, fcvt.h.d, rtz, h, 0x8000, UF|NX, d, 0x8000000000000001                        # Unpriv §23.3: FCVT.H.D of the smallest negative double subnormal, rm = RTZ
  TEST_F1 174, fcvt.h.d, rdn, h, 0x8001, UF|NX, d, 0x8000000000000001                        # Unpriv §23.3: FCVT.H.D of the smallest negative double subnormal, rm = RDN
  TEST_F1 175, fcvt.h.d, rup, h, 0x8000, UF|NX, d, 0x8000000000000001                        # Unpriv §23.3: FCVT.H.D of the smallest negative double subnormal, rm = RUP
  TEST_F1 176, fcvt.h.d, rmm, h, 0x8000, UF|NX, d, 0x8000000000000001                        # Unpriv §23.3: FCVT.H.D of the smallest negative double subnormal, rm = RMM
  TEST_F1 177, fcvt.h.d, rne, h, 0xfc00, 0, d, 0xfff0000000000000                            # Unpriv §23.3: FCVT.H.D of -inf
  TEST_F1 178, fcvt.h.d, rne, h, 0x7e00, 0, d, 0x7ff8000000000001                            # Unpriv §23.3: FCVT.H.D of a quiet NaN: canonical, no NV
  TEST_F1 179, fcvt.h.d, rne, h, 0x7e00, NV, d, 0x7ff0000000000001                           # Unpriv §23.3: FCVT.H.D of a signalling NaN: NV
  # ---- Dynamic rounding for the narrowing conversions (Unpriv §20.2).
  csrwi frm, RM_RNE
  TEST_F1 180, fcvt.h.s, dyn, h, 0xb555, NX, s, 0xbeaaaaab                                   # Unpriv §20.2: FCVT.H.S with DYN uses frm = RNE
  TEST_F1 181, fcvt.h.d, dyn, h, 0x3c00, NX, d, 0x3ff0020000000000                           # Unpriv §20.2: FCVT.H.D with DYN uses frm = RNE
  csrwi frm, RM_RTZ
  TEST_F1 182, fcvt.h.s, dyn, h, 0xb555, NX, s, 0xbeaaaaab                                   # Unpriv §20.2: FCVT.H.S with DYN uses frm = RTZ
  TEST_F1 183, fcvt.h.d, dyn, h, 0x3c00, NX, d, 0x3ff0020000000000                           # Unpriv §20.2: FCVT.H.D with DYN uses frm = RTZ
  csrwi frm, RM_RDN
  TEST_F1 184, fcvt.h.s, dyn, h, 0xb556, NX, s, 0xbeaaaaab                                   # Unpriv §20.2: FCVT.H.S with DYN uses frm = RDN
  TEST_F1 185, fcvt.h.d, dyn, h, 0x3c00, NX, d, 0x3ff0020000000000                           # Unpriv §20.2: FCVT.H.D with DYN uses frm = RDN
  csrwi frm, RM_RUP
  TEST_F1 186, fcvt.h.s, dyn, h, 0xb555, NX, s, 0xbeaaaaab                                   # Unpriv §20.2: FCVT.H.S with DYN uses frm = RUP
  TEST_F1 187, fcvt.h.d, dyn, h, 0x3c01, NX, d, 0x3ff0020000000000                           # Unpriv §20.2: FCVT.H.D with DYN uses frm = RUP
  csrwi frm, RM_RMM
  TEST_F1 188, fcvt.h.s, dyn, h, 0xb555, NX, s, 0xbeaaaaab                                   # Unpriv §20.2: FCVT.H.S with DYN uses frm = RMM
  TEST_F1 189, fcvt.h.d, dyn, h, 0x3c01, NX, d, 0x3ff0020000000000                           # Unpriv §20.2: FCVT.H.D with DYN uses frm = RMM
  csrwi frm, RM_RNE
  # ---- NaN boxing of the conversions' operands (Unpriv §23, §21.2).
  CASE 190                                                                                     # Unpriv §23: FCVT.S.H of a register that is not a boxed half: the canonical single NaN, no NV
  FSET64 fa0, 0xffffffff00003c00
  csrwi fflags, 0
  fcvt.s.h fa1, fa0
  RVHV_FFLAGS 0
  FCHECK64 fa1, 0xffffffff7fc00000
  CASE 191                                                                                     # Unpriv §23: FCVT.D.H of a register that is not a boxed half: the canonical double NaN
  FSET64 fa0, 0xfffeffffffff3c00
  csrwi fflags, 0
  fcvt.d.h fa1, fa0
  RVHV_FFLAGS 0
  FCHECK64 fa1, 0x7ff8000000000000
  CASE 192                                                                                     # Unpriv §21.2: FCVT.H.S reads a boxed half as the single 0xffff3c00, a quiet NaN
  li t0, 0x3c00
  fmv.h.x fa0, t0
  csrwi fflags, 0
  fcvt.h.s fa1, fa0
  RVHV_FFLAGS 0
  FCHECK64 fa1, 0xffffffffffff7e00
  CASE 193                                                                                     # Unpriv §21.2: FCVT.H.S of an unboxed single is the canonical NaN
  FSET64 fa0, 0x000000003f800000
  fcvt.h.s fa1, fa0
  FCHECK64 fa1, 0xffffffffffff7e00
  CASE 194                                                                                     # Unpriv §23.3: FCVT.H.D reads all 64 bits, no boxing; the result is boxed
  FSET64 fa0, 0xbff0000000000000
  fcvt.h.d fa1, fa0
  FCHECK64 fa1, 0xffffffffffffbc00
  CASE 195                                                                                     # Unpriv §23: FCVT.S.H writes a NaN-boxed single
  li t0, 0x4000
  fmv.h.x fa0, t0
  fcvt.s.h fa1, fa0
  FCHECK64 fa1, 0xffffffff40000000
  # ---- Reserved rounding modes (Unpriv §20.2), also on the exact widenings (rvhv,
  # as for FCVT.D.S: the rm field exists, so its reserved values are illegal).
  li t0, 0x3c00
  fmv.h.x fa1, t0
  TEST_ILLEGAL 196, 0x4405d553, .insn r 0x53, 5, 0x22, fa0, fa1, f0                          # Unpriv §20.2: FCVT.H.S with static rm = 101 is illegal
  TEST_ILLEGAL 197, 0x4415e553, .insn r 0x53, 6, 0x22, fa0, fa1, f1                          # Unpriv §20.2: FCVT.H.D with static rm = 110 is illegal
  TEST_ILLEGAL 198, 0x4025d553, .insn r 0x53, 5, 0x20, fa0, fa1, f2                          # rvhv: FCVT.S.H with static rm = 101 is illegal
  TEST_ILLEGAL 199, 0x4225e553, .insn r 0x53, 6, 0x21, fa0, fa1, f2                          # rvhv: FCVT.D.H with static rm = 110 is illegal
  csrwi frm, 5
  TEST_ILLEGAL 200, 0x4405f553, fcvt.h.s fa0, fa1, dyn                                       # Unpriv §20.2: FCVT.H.S with DYN and frm = 101 is illegal
  csrwi frm, 7
  TEST_ILLEGAL 201, 0x4225f553, .insn r 0x53, 7, 0x21, fa0, fa1, f2                          # rvhv: FCVT.D.H with DYN and frm = 111 is illegal
  CASE 202                                                                                     # Unpriv §20.2: moves, loads and stores ignore an invalid frm
  li t0, 0x3c00
  la a1, hbuf
  fmv.h.x fa0, t0
  fsh fa0, 0(a1)
  flh fa2, 0(a1)
  fmv.x.h a0, fa2
  CHECK a0, 0x3c00
  csrwi frm, RM_RNE

RVHV_CODE_END

  .data
  .balign 8
hdata:
  .half 0x3c00, 0x7c01, 0x8001, 0
hbuf:
  .dword 0, 0, 0
