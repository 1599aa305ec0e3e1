# RV64F rounding modes (Unpriv §20.2): every static rm and every dynamic frm
# value on operations whose results differ between the modes, a static rm
# overriding frm, and the reserved rm/frm values (illegal instruction).
# Expected values come from IEEE 754 rounding rules (checked against an exact
# rational model); RMM rounds ties away from zero.
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  # ---- tie, even below: 1 + ulp/2, under each static rounding mode.
  TEST_S2 1, fadd.s, rne, 0x3f800000, NX, 0x3f800000, 0x33800000                         # Unpriv §20.6: tie, even below: 1 + ulp/2, rm = RNE
  TEST_S2 2, fadd.s, rtz, 0x3f800000, NX, 0x3f800000, 0x33800000                         # Unpriv §20.6: tie, even below: 1 + ulp/2, rm = RTZ
  TEST_S2 3, fadd.s, rdn, 0x3f800000, NX, 0x3f800000, 0x33800000                         # Unpriv §20.6: tie, even below: 1 + ulp/2, rm = RDN
  TEST_S2 4, fadd.s, rup, 0x3f800001, NX, 0x3f800000, 0x33800000                         # Unpriv §20.6: tie, even below: 1 + ulp/2, rm = RUP
  TEST_S2 5, fadd.s, rmm, 0x3f800001, NX, 0x3f800000, 0x33800000                         # Unpriv §20.6: tie, even below: 1 + ulp/2, rm = RMM
  # ---- tie, odd below: (1+ulp) + ulp/2, under each static rounding mode.
  TEST_S2 6, fadd.s, rne, 0x3f800002, NX, 0x3f800001, 0x33800000                         # Unpriv §20.6: tie, odd below: (1+ulp) + ulp/2, rm = RNE
  TEST_S2 7, fadd.s, rtz, 0x3f800001, NX, 0x3f800001, 0x33800000                         # Unpriv §20.6: tie, odd below: (1+ulp) + ulp/2, rm = RTZ
  TEST_S2 8, fadd.s, rdn, 0x3f800001, NX, 0x3f800001, 0x33800000                         # Unpriv §20.6: tie, odd below: (1+ulp) + ulp/2, rm = RDN
  TEST_S2 9, fadd.s, rup, 0x3f800002, NX, 0x3f800001, 0x33800000                         # Unpriv §20.6: tie, odd below: (1+ulp) + ulp/2, rm = RUP
  TEST_S2 10, fadd.s, rmm, 0x3f800002, NX, 0x3f800001, 0x33800000                        # Unpriv §20.6: tie, odd below: (1+ulp) + ulp/2, rm = RMM
  # ---- negative tie: -1 - ulp/2, under each static rounding mode.
  TEST_S2 11, fadd.s, rne, 0xbf800000, NX, 0xbf800000, 0xb3800000                        # Unpriv §20.6: negative tie: -1 - ulp/2, rm = RNE
  TEST_S2 12, fadd.s, rtz, 0xbf800000, NX, 0xbf800000, 0xb3800000                        # Unpriv §20.6: negative tie: -1 - ulp/2, rm = RTZ
  TEST_S2 13, fadd.s, rdn, 0xbf800001, NX, 0xbf800000, 0xb3800000                        # Unpriv §20.6: negative tie: -1 - ulp/2, rm = RDN
  TEST_S2 14, fadd.s, rup, 0xbf800000, NX, 0xbf800000, 0xb3800000                        # Unpriv §20.6: negative tie: -1 - ulp/2, rm = RUP
  TEST_S2 15, fadd.s, rmm, 0xbf800001, NX, 0xbf800000, 0xb3800000                        # Unpriv §20.6: negative tie: -1 - ulp/2, rm = RMM
  # ---- not a tie: 1/3, under each static rounding mode.
  TEST_S2 16, fdiv.s, rne, 0x3eaaaaab, NX, 0x3f800000, 0x40400000                        # Unpriv §20.6: not a tie: 1/3, rm = RNE
  TEST_S2 17, fdiv.s, rtz, 0x3eaaaaaa, NX, 0x3f800000, 0x40400000                        # Unpriv §20.6: not a tie: 1/3, rm = RTZ
  TEST_S2 18, fdiv.s, rdn, 0x3eaaaaaa, NX, 0x3f800000, 0x40400000                        # Unpriv §20.6: not a tie: 1/3, rm = RDN
  TEST_S2 19, fdiv.s, rup, 0x3eaaaaab, NX, 0x3f800000, 0x40400000                        # Unpriv §20.6: not a tie: 1/3, rm = RUP
  TEST_S2 20, fdiv.s, rmm, 0x3eaaaaab, NX, 0x3f800000, 0x40400000                        # Unpriv §20.6: not a tie: 1/3, rm = RMM
  # ---- not a tie: -1/3, under each static rounding mode.
  TEST_S2 21, fdiv.s, rne, 0xbeaaaaab, NX, 0xbf800000, 0x40400000                        # Unpriv §20.6: not a tie: -1/3, rm = RNE
  TEST_S2 22, fdiv.s, rtz, 0xbeaaaaaa, NX, 0xbf800000, 0x40400000                        # Unpriv §20.6: not a tie: -1/3, rm = RTZ
  TEST_S2 23, fdiv.s, rdn, 0xbeaaaaab, NX, 0xbf800000, 0x40400000                        # Unpriv §20.6: not a tie: -1/3, rm = RDN
  TEST_S2 24, fdiv.s, rup, 0xbeaaaaaa, NX, 0xbf800000, 0x40400000                        # Unpriv §20.6: not a tie: -1/3, rm = RUP
  TEST_S2 25, fdiv.s, rmm, 0xbeaaaaab, NX, 0xbf800000, 0x40400000                        # Unpriv §20.6: not a tie: -1/3, rm = RMM
  # ---- overflow: max * 2, under each static rounding mode.
  TEST_S2 26, fmul.s, rne, 0x7f800000, OF|NX, 0x7f7fffff, 0x40000000                     # Unpriv §20.6: overflow: max * 2, rm = RNE
  TEST_S2 27, fmul.s, rtz, 0x7f7fffff, OF|NX, 0x7f7fffff, 0x40000000                     # Unpriv §20.6: overflow: max * 2, rm = RTZ
  TEST_S2 28, fmul.s, rdn, 0x7f7fffff, OF|NX, 0x7f7fffff, 0x40000000                     # Unpriv §20.6: overflow: max * 2, rm = RDN
  TEST_S2 29, fmul.s, rup, 0x7f800000, OF|NX, 0x7f7fffff, 0x40000000                     # Unpriv §20.6: overflow: max * 2, rm = RUP
  TEST_S2 30, fmul.s, rmm, 0x7f800000, OF|NX, 0x7f7fffff, 0x40000000                     # Unpriv §20.6: overflow: max * 2, rm = RMM
  # ---- overflow: -max * 2, under each static rounding mode.
  TEST_S2 31, fmul.s, rne, 0xff800000, OF|NX, 0xff7fffff, 0x40000000                     # Unpriv §20.6: overflow: -max * 2, rm = RNE
  TEST_S2 32, fmul.s, rtz, 0xff7fffff, OF|NX, 0xff7fffff, 0x40000000                     # Unpriv §20.6: overflow: -max * 2, rm = RTZ
  TEST_S2 33, fmul.s, rdn, 0xff800000, OF|NX, 0xff7fffff, 0x40000000                     # Unpriv §20.6: overflow: -max * 2, rm = RDN
  TEST_S2 34, fmul.s, rup, 0xff7fffff, OF|NX, 0xff7fffff, 0x40000000                     # Unpriv §20.6: overflow: -max * 2, rm = RUP
  TEST_S2 35, fmul.s, rmm, 0xff800000, OF|NX, 0xff7fffff, 0x40000000                     # Unpriv §20.6: overflow: -max * 2, rm = RMM
  # ---- underflow tie: minsub / 2, under each static rounding mode.
  TEST_S2 36, fmul.s, rne, 0x00000000, UF|NX, 0x00000001, 0x3f000000                     # Unpriv §20.6: underflow tie: minsub / 2, rm = RNE
  TEST_S2 37, fmul.s, rtz, 0x00000000, UF|NX, 0x00000001, 0x3f000000                     # Unpriv §20.6: underflow tie: minsub / 2, rm = RTZ
  TEST_S2 38, fmul.s, rdn, 0x00000000, UF|NX, 0x00000001, 0x3f000000                     # Unpriv §20.6: underflow tie: minsub / 2, rm = RDN
  TEST_S2 39, fmul.s, rup, 0x00000001, UF|NX, 0x00000001, 0x3f000000                     # Unpriv §20.6: underflow tie: minsub / 2, rm = RUP
  TEST_S2 40, fmul.s, rmm, 0x00000001, UF|NX, 0x00000001, 0x3f000000                     # Unpriv §20.6: underflow tie: minsub / 2, rm = RMM
  # ---- underflow above the tie: -minsub * 3/4, under each static rounding mode.
  TEST_S2 41, fmul.s, rne, 0x80000001, UF|NX, 0x80000001, 0x3f400000                     # Unpriv §20.6: underflow above the tie: -minsub * 3/4, rm = RNE
  TEST_S2 42, fmul.s, rtz, 0x80000000, UF|NX, 0x80000001, 0x3f400000                     # Unpriv §20.6: underflow above the tie: -minsub * 3/4, rm = RTZ
  TEST_S2 43, fmul.s, rdn, 0x80000001, UF|NX, 0x80000001, 0x3f400000                     # Unpriv §20.6: underflow above the tie: -minsub * 3/4, rm = RDN
  TEST_S2 44, fmul.s, rup, 0x80000000, UF|NX, 0x80000001, 0x3f400000                     # Unpriv §20.6: underflow above the tie: -minsub * 3/4, rm = RUP
  TEST_S2 45, fmul.s, rmm, 0x80000001, UF|NX, 0x80000001, 0x3f400000                     # Unpriv §20.6: underflow above the tie: -minsub * 3/4, rm = RMM
  # ---- exact zero: x - x is -0 only in RDN, under each static rounding mode.
  TEST_S2 46, fsub.s, rne, 0x00000000, 0, 0x3fc00000, 0x3fc00000                         # Unpriv §20.6: exact zero: x - x is -0 only in RDN, rm = RNE
  TEST_S2 47, fsub.s, rtz, 0x00000000, 0, 0x3fc00000, 0x3fc00000                         # Unpriv §20.6: exact zero: x - x is -0 only in RDN, rm = RTZ
  TEST_S2 48, fsub.s, rdn, 0x80000000, 0, 0x3fc00000, 0x3fc00000                         # Unpriv §20.6: exact zero: x - x is -0 only in RDN, rm = RDN
  TEST_S2 49, fsub.s, rup, 0x00000000, 0, 0x3fc00000, 0x3fc00000                         # Unpriv §20.6: exact zero: x - x is -0 only in RDN, rm = RUP
  TEST_S2 50, fsub.s, rmm, 0x00000000, 0, 0x3fc00000, 0x3fc00000                         # Unpriv §20.6: exact zero: x - x is -0 only in RDN, rm = RMM
  # ---- sqrt(2), under each static rounding mode.
  TEST_S1 51, fsqrt.s, rne, 0x3fb504f3, NX, 0x40000000                                   # Unpriv §20.6: sqrt(2), rm = RNE
  TEST_S1 52, fsqrt.s, rtz, 0x3fb504f3, NX, 0x40000000                                   # Unpriv §20.6: sqrt(2), rm = RTZ
  TEST_S1 53, fsqrt.s, rdn, 0x3fb504f3, NX, 0x40000000                                   # Unpriv §20.6: sqrt(2), rm = RDN
  TEST_S1 54, fsqrt.s, rup, 0x3fb504f4, NX, 0x40000000                                   # Unpriv §20.6: sqrt(2), rm = RUP
  TEST_S1 55, fsqrt.s, rmm, 0x3fb504f3, NX, 0x40000000                                   # Unpriv §20.6: sqrt(2), rm = RMM
  # ---- FMA: (1+u)(1-u) - 1 = -u^2 exactly, then rounding only applies once, under each static rounding mode.
  TEST_S3 56, fmadd.s, rne, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000            # Unpriv §20.6: FMA: (1+u)(1-u) - 1 = -u^2 exactly, then rounding only applies once, rm = RNE
  TEST_S3 57, fmadd.s, rtz, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000            # Unpriv §20.6: FMA: (1+u)(1-u) - 1 = -u^2 exactly, then rounding only applies once, rm = RTZ
  TEST_S3 58, fmadd.s, rdn, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000            # Unpriv §20.6: FMA: (1+u)(1-u) - 1 = -u^2 exactly, then rounding only applies once, rm = RDN
  TEST_S3 59, fmadd.s, rup, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000            # Unpriv §20.6: FMA: (1+u)(1-u) - 1 = -u^2 exactly, then rounding only applies once, rm = RUP
  TEST_S3 60, fmadd.s, rmm, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000            # Unpriv §20.6: FMA: (1+u)(1-u) - 1 = -u^2 exactly, then rounding only applies once, rm = RMM
  # ---- FMA tie: 1*1 + ulp/2, under each static rounding mode.
  TEST_S3 61, fmadd.s, rne, 0x3f800000, NX, 0x3f800000, 0x3f800000, 0x33800000           # Unpriv §20.6: FMA tie: 1*1 + ulp/2, rm = RNE
  TEST_S3 62, fmadd.s, rtz, 0x3f800000, NX, 0x3f800000, 0x3f800000, 0x33800000           # Unpriv §20.6: FMA tie: 1*1 + ulp/2, rm = RTZ
  TEST_S3 63, fmadd.s, rdn, 0x3f800000, NX, 0x3f800000, 0x3f800000, 0x33800000           # Unpriv §20.6: FMA tie: 1*1 + ulp/2, rm = RDN
  TEST_S3 64, fmadd.s, rup, 0x3f800001, NX, 0x3f800000, 0x3f800000, 0x33800000           # Unpriv §20.6: FMA tie: 1*1 + ulp/2, rm = RUP
  TEST_S3 65, fmadd.s, rmm, 0x3f800001, NX, 0x3f800000, 0x3f800000, 0x33800000           # Unpriv §20.6: FMA tie: 1*1 + ulp/2, rm = RMM
  # ---- Dynamic rounding (rm = DYN) uses frm (Unpriv §20.2).
  csrwi frm, RM_RNE
  TEST_S2 66, fadd.s, dyn, 0x3f800000, NX, 0x3f800000, 0x33800000                        # Unpriv §20.2: tie, even below: 1 + ulp/2, DYN with frm = RNE
  TEST_S2 67, fadd.s, dyn, 0x3f800002, NX, 0x3f800001, 0x33800000                        # Unpriv §20.2: tie, odd below: (1+ulp) + ulp/2, DYN with frm = RNE
  TEST_S2 68, fadd.s, dyn, 0xbf800000, NX, 0xbf800000, 0xb3800000                        # Unpriv §20.2: negative tie: -1 - ulp/2, DYN with frm = RNE
  TEST_S2 69, fdiv.s, dyn, 0x3eaaaaab, NX, 0x3f800000, 0x40400000                        # Unpriv §20.2: not a tie: 1/3, DYN with frm = RNE
  TEST_S2 70, fdiv.s, dyn, 0xbeaaaaab, NX, 0xbf800000, 0x40400000                        # Unpriv §20.2: not a tie: -1/3, DYN with frm = RNE
  TEST_S2 71, fmul.s, dyn, 0x00000000, UF|NX, 0x00000001, 0x3f000000                     # Unpriv §20.2: underflow tie: minsub / 2, DYN with frm = RNE
  csrwi frm, RM_RTZ
  TEST_S2 72, fadd.s, dyn, 0x3f800000, NX, 0x3f800000, 0x33800000                        # Unpriv §20.2: tie, even below: 1 + ulp/2, DYN with frm = RTZ
  TEST_S2 73, fadd.s, dyn, 0x3f800001, NX, 0x3f800001, 0x33800000                        # Unpriv §20.2: tie, odd below: (1+ulp) + ulp/2, DYN with frm = RTZ
  TEST_S2 74, fadd.s, dyn, 0xbf800000, NX, 0xbf800000, 0xb3800000                        # Unpriv §20.2: negative tie: -1 - ulp/2, DYN with frm = RTZ
  TEST_S2 75, fdiv.s, dyn, 0x3eaaaaaa, NX, 0x3f800000, 0x40400000                        # Unpriv §20.2: not a tie: 1/3, DYN with frm = RTZ
  TEST_S2 76, fdiv.s, dyn, 0xbeaaaaaa, NX, 0xbf800000, 0x40400000                        # Unpriv §20.2: not a tie: -1/3, DYN with frm = RTZ
  TEST_S2 77, fmul.s, dyn, 0x00000000, UF|NX, 0x00000001, 0x3f000000                     # Unpriv §20.2: underflow tie: minsub / 2, DYN with frm = RTZ
  csrwi frm, RM_RDN
  TEST_S2 78, fadd.s, dyn, 0x3f800000, NX, 0x3f800000, 0x33800000                        # Unpriv §20.2: tie, even below: 1 + ulp/2, DYN with frm = RDN
  TEST_S2 79, fadd.s, dyn, 0x3f800001, NX, 0x3f800001, 0x33800000                        # Unpriv §20.2: tie, odd below: (1+ulp) + ulp/2, DYN with frm = RDN
  TEST_S2 80, fadd.s, dyn, 0xbf800001, NX, 0xbf800000, 0xb3800000                        # Unpriv §20.2: negative tie: -1 - ulp/2, DYN with frm = RDN
  TEST_S2 81, fdiv.s, dyn, 0x3eaaaaaa, NX, 0x3f800000, 0x40400000                        # Unpriv §20.2: not a tie: 1/3, DYN with frm = RDN
  TEST_S2 82, fdiv.s, dyn, 0xbeaaaaab, NX, 0xbf800000, 0x40400000                        # Unpriv §20.2: not a tie: -1/3, DYN with frm = RDN
  TEST_S2 83, fmul.s, dyn, 0x00000000, UF|NX, 0x00000001, 0x3f000000                     # Unpriv §20.2: underflow tie: minsub / 2, DYN with frm = RDN
  csrwi frm, RM_RUP
  TEST_S2 84, fadd.s, dyn, 0x3f800001, NX, 0x3f800000, 0x33800000                        # Unpriv §20.2: tie, even below: 1 + ulp/2, DYN with frm = RUP
  TEST_S2 85, fadd.s, dyn, 0x3f800002, NX, 0x3f800001, 0x33800000                        # Unpriv §20.2: tie, odd below: (1+ulp) + ulp/2, DYN with frm = RUP
  TEST_S2 86, fadd.s, dyn, 0xbf800000, NX, 0xbf800000, 0xb3800000                        # Unpriv §20.2: negative tie: -1 - ulp/2, DYN with frm = RUP
  TEST_S2 87, fdiv.s, dyn, 0x3eaaaaab, NX, 0x3f800000, 0x40400000                        # Unpriv §20.2: not a tie: 1/3, DYN with frm = RUP
  TEST_S2 88, fdiv.s, dyn, 0xbeaaaaaa, NX, 0xbf800000, 0x40400000                        # Unpriv §20.2: not a tie: -1/3, DYN with frm = RUP
  TEST_S2 89, fmul.s, dyn, 0x00000001, UF|NX, 0x00000001, 0x3f000000                     # Unpriv §20.2: underflow tie: minsub / 2, DYN with frm = RUP
  csrwi frm, RM_RMM
  TEST_S2 90, fadd.s, dyn, 0x3f800001, NX, 0x3f800000, 0x33800000                        # Unpriv §20.2: tie, even below: 1 + ulp/2, DYN with frm = RMM
  TEST_S2 91, fadd.s, dyn, 0x3f800002, NX, 0x3f800001, 0x33800000                        # Unpriv §20.2: tie, odd below: (1+ulp) + ulp/2, DYN with frm = RMM
  TEST_S2 92, fadd.s, dyn, 0xbf800001, NX, 0xbf800000, 0xb3800000                        # Unpriv §20.2: negative tie: -1 - ulp/2, DYN with frm = RMM
  TEST_S2 93, fdiv.s, dyn, 0x3eaaaaab, NX, 0x3f800000, 0x40400000                        # Unpriv §20.2: not a tie: 1/3, DYN with frm = RMM
  TEST_S2 94, fdiv.s, dyn, 0xbeaaaaab, NX, 0xbf800000, 0x40400000                        # Unpriv §20.2: not a tie: -1/3, DYN with frm = RMM
  TEST_S2 95, fmul.s, dyn, 0x00000001, UF|NX, 0x00000001, 0x3f000000                     # Unpriv §20.2: underflow tie: minsub / 2, DYN with frm = RMM
  # ---- A static rm overrides frm (Unpriv §20.2).
  csrwi frm, RM_RUP
  TEST_S2 96, fadd.s, rtz, 0x3f800001, NX, 0x3f800001, 0x33800000                        # Unpriv §20.2: static RTZ wins over frm = RUP
  csrwi frm, RM_RDN
  TEST_S2 97, fadd.s, rne, 0xbf800000, NX, 0xbf800000, 0xb3800000                        # Unpriv §20.2: static RNE wins over frm = RDN
  TEST_S2 98, fadd.s, rmm, 0x3f800001, NX, 0x3f800000, 0x33800000                        # Unpriv §20.2: static RMM wins over frm = RDN
  csrwi frm, RM_RNE
  # ---- FCVT.S.D rounds under rm too.
  TEST_S_FROM_D 99, rne, 0x3eaaaaab, NX, 0x3fd5555555555555                              # Unpriv §21.5: FCVT.S.D of the double nearest 1/3, rm = RNE
  TEST_S_FROM_D 100, rtz, 0x3eaaaaaa, NX, 0x3fd5555555555555                             # Unpriv §21.5: FCVT.S.D of the double nearest 1/3, rm = RTZ
  TEST_S_FROM_D 101, rdn, 0x3eaaaaaa, NX, 0x3fd5555555555555                             # Unpriv §21.5: FCVT.S.D of the double nearest 1/3, rm = RDN
  TEST_S_FROM_D 102, rup, 0x3eaaaaab, NX, 0x3fd5555555555555                             # Unpriv §21.5: FCVT.S.D of the double nearest 1/3, rm = RUP
  TEST_S_FROM_D 103, rmm, 0x3eaaaaab, NX, 0x3fd5555555555555                             # Unpriv §21.5: FCVT.S.D of the double nearest 1/3, rm = RMM
  TEST_S_FROM_D 104, rne, 0xbeaaaaab, NX, 0xbfd5555555555555                             # Unpriv §21.5: FCVT.S.D of the double nearest -1/3, rm = RNE
  TEST_S_FROM_D 105, rtz, 0xbeaaaaaa, NX, 0xbfd5555555555555                             # Unpriv §21.5: FCVT.S.D of the double nearest -1/3, rm = RTZ
  TEST_S_FROM_D 106, rdn, 0xbeaaaaab, NX, 0xbfd5555555555555                             # Unpriv §21.5: FCVT.S.D of the double nearest -1/3, rm = RDN
  TEST_S_FROM_D 107, rup, 0xbeaaaaaa, NX, 0xbfd5555555555555                             # Unpriv §21.5: FCVT.S.D of the double nearest -1/3, rm = RUP
  TEST_S_FROM_D 108, rmm, 0xbeaaaaab, NX, 0xbfd5555555555555                             # Unpriv §21.5: FCVT.S.D of the double nearest -1/3, rm = RMM

  # ---- Reserved rounding modes (Unpriv §20.2): rm = 101 and 110 are reserved;
  # with rm = DYN, an frm of 101-111 makes the instruction illegal.
  li a0, 0x3f800000
  fmv.w.x fa1, a0
  fmv.w.x fa2, a0
  TEST_ILLEGAL 109, 0x00c5d553, .insn r 0x53, 5, 0, fa0, fa1, fa2            # Unpriv §20.2: FADD.S with static rm = 101 is illegal
  TEST_ILLEGAL 110, 0x00c5e553, .insn r 0x53, 6, 0, fa0, fa1, fa2            # Unpriv §20.2: FADD.S with static rm = 110 is illegal
  csrwi frm, 5
  TEST_ILLEGAL 111, 0x00c5f553, fadd.s fa0, fa1, fa2, dyn                         # Unpriv §20.2: DYN with frm = 101 is illegal
  csrwi frm, 6
  TEST_ILLEGAL 112, 0x00c5f553, fadd.s fa0, fa1, fa2, dyn                         # Unpriv §20.2: DYN with frm = 110 is illegal
  csrwi frm, 7
  TEST_ILLEGAL 113, 0x00c5f553, fadd.s fa0, fa1, fa2, dyn                         # Unpriv §20.2: DYN with frm = 111 is illegal
  CASE 114                                                                         # Unpriv §20.2: a static rm still works while frm holds a reserved value
  fadd.s fa0, fa1, fa2, rne
  fmv.x.d a1, fa0
  CHECK a1, 0xffffffff40000000
  CASE 115                                                                         # Unpriv §20.2: instructions without rounding ignore an invalid frm
  fsgnj.s fa0, fa1, fa2
  fmin.s fa0, fa1, fa2
  feq.s a1, fa1, fa2
  CHECK a1, 1
  csrwi frm, RM_RNE

RVHV_CODE_END
