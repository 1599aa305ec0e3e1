# RV64D rounding modes (Unpriv §20.2): every static rm and every dynamic frm
# value on operations whose results differ between the modes, a static rm
# overriding frm, and the reserved rm/frm values (illegal instruction).
# Expected values come from IEEE 754 rounding rules (checked against an exact
# rational model); RMM rounds ties away from zero.
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  # ---- tie, even below: 1 + ulp/2, under each static rounding mode.
  TEST_D2 1, fadd.d, rne, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000 # Unpriv §21.4: tie, even below: 1 + ulp/2, rm = RNE
  TEST_D2 2, fadd.d, rtz, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000 # Unpriv §21.4: tie, even below: 1 + ulp/2, rm = RTZ
  TEST_D2 3, fadd.d, rdn, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000 # Unpriv §21.4: tie, even below: 1 + ulp/2, rm = RDN
  TEST_D2 4, fadd.d, rup, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca0000000000000 # Unpriv §21.4: tie, even below: 1 + ulp/2, rm = RUP
  TEST_D2 5, fadd.d, rmm, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca0000000000000 # Unpriv §21.4: tie, even below: 1 + ulp/2, rm = RMM
  # ---- tie, odd below: (1+ulp) + ulp/2, under each static rounding mode.
  TEST_D2 6, fadd.d, rne, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ca0000000000000 # Unpriv §21.4: tie, odd below: (1+ulp) + ulp/2, rm = RNE
  TEST_D2 7, fadd.d, rtz, 0x3ff0000000000001, NX, 0x3ff0000000000001, 0x3ca0000000000000 # Unpriv §21.4: tie, odd below: (1+ulp) + ulp/2, rm = RTZ
  TEST_D2 8, fadd.d, rdn, 0x3ff0000000000001, NX, 0x3ff0000000000001, 0x3ca0000000000000 # Unpriv §21.4: tie, odd below: (1+ulp) + ulp/2, rm = RDN
  TEST_D2 9, fadd.d, rup, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ca0000000000000 # Unpriv §21.4: tie, odd below: (1+ulp) + ulp/2, rm = RUP
  TEST_D2 10, fadd.d, rmm, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ca0000000000000 # Unpriv §21.4: tie, odd below: (1+ulp) + ulp/2, rm = RMM
  # ---- negative tie: -1 - ulp/2, under each static rounding mode.
  TEST_D2 11, fadd.d, rne, 0xbff0000000000000, NX, 0xbff0000000000000, 0xbca0000000000000 # Unpriv §21.4: negative tie: -1 - ulp/2, rm = RNE
  TEST_D2 12, fadd.d, rtz, 0xbff0000000000000, NX, 0xbff0000000000000, 0xbca0000000000000 # Unpriv §21.4: negative tie: -1 - ulp/2, rm = RTZ
  TEST_D2 13, fadd.d, rdn, 0xbff0000000000001, NX, 0xbff0000000000000, 0xbca0000000000000 # Unpriv §21.4: negative tie: -1 - ulp/2, rm = RDN
  TEST_D2 14, fadd.d, rup, 0xbff0000000000000, NX, 0xbff0000000000000, 0xbca0000000000000 # Unpriv §21.4: negative tie: -1 - ulp/2, rm = RUP
  TEST_D2 15, fadd.d, rmm, 0xbff0000000000001, NX, 0xbff0000000000000, 0xbca0000000000000 # Unpriv §21.4: negative tie: -1 - ulp/2, rm = RMM
  # ---- not a tie: 1/3, under each static rounding mode.
  TEST_D2 16, fdiv.d, rne, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000 # Unpriv §21.4: not a tie: 1/3, rm = RNE
  TEST_D2 17, fdiv.d, rtz, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000 # Unpriv §21.4: not a tie: 1/3, rm = RTZ
  TEST_D2 18, fdiv.d, rdn, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000 # Unpriv §21.4: not a tie: 1/3, rm = RDN
  TEST_D2 19, fdiv.d, rup, 0x3fd5555555555556, NX, 0x3ff0000000000000, 0x4008000000000000 # Unpriv §21.4: not a tie: 1/3, rm = RUP
  TEST_D2 20, fdiv.d, rmm, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000 # Unpriv §21.4: not a tie: 1/3, rm = RMM
  # ---- not a tie: -1/3, under each static rounding mode.
  TEST_D2 21, fdiv.d, rne, 0xbfd5555555555555, NX, 0xbff0000000000000, 0x4008000000000000 # Unpriv §21.4: not a tie: -1/3, rm = RNE
  TEST_D2 22, fdiv.d, rtz, 0xbfd5555555555555, NX, 0xbff0000000000000, 0x4008000000000000 # Unpriv §21.4: not a tie: -1/3, rm = RTZ
  TEST_D2 23, fdiv.d, rdn, 0xbfd5555555555556, NX, 0xbff0000000000000, 0x4008000000000000 # Unpriv §21.4: not a tie: -1/3, rm = RDN
  TEST_D2 24, fdiv.d, rup, 0xbfd5555555555555, NX, 0xbff0000000000000, 0x4008000000000000 # Unpriv §21.4: not a tie: -1/3, rm = RUP
  TEST_D2 25, fdiv.d, rmm, 0xbfd5555555555555, NX, 0xbff0000000000000, 0x4008000000000000 # Unpriv §21.4: not a tie: -1/3, rm = RMM
  # ---- overflow: max * 2, under each static rounding mode.
  TEST_D2 26, fmul.d, rne, 0x7ff0000000000000, OF|NX, 0x7fefffffffffffff, 0x4000000000000000 # Unpriv §21.4: overflow: max * 2, rm = RNE
  TEST_D2 27, fmul.d, rtz, 0x7fefffffffffffff, OF|NX, 0x7fefffffffffffff, 0x4000000000000000 # Unpriv §21.4: overflow: max * 2, rm = RTZ
  TEST_D2 28, fmul.d, rdn, 0x7fefffffffffffff, OF|NX, 0x7fefffffffffffff, 0x4000000000000000 # Unpriv §21.4: overflow: max * 2, rm = RDN
  TEST_D2 29, fmul.d, rup, 0x7ff0000000000000, OF|NX, 0x7fefffffffffffff, 0x4000000000000000 # Unpriv §21.4: overflow: max * 2, rm = RUP
  TEST_D2 30, fmul.d, rmm, 0x7ff0000000000000, OF|NX, 0x7fefffffffffffff, 0x4000000000000000 # Unpriv §21.4: overflow: max * 2, rm = RMM
  # ---- overflow: -max * 2, under each static rounding mode.
  TEST_D2 31, fmul.d, rne, 0xfff0000000000000, OF|NX, 0xffefffffffffffff, 0x4000000000000000 # Unpriv §21.4: overflow: -max * 2, rm = RNE
  TEST_D2 32, fmul.d, rtz, 0xffefffffffffffff, OF|NX, 0xffefffffffffffff, 0x4000000000000000 # Unpriv §21.4: overflow: -max * 2, rm = RTZ
  TEST_D2 33, fmul.d, rdn, 0xfff0000000000000, OF|NX, 0xffefffffffffffff, 0x4000000000000000 # Unpriv §21.4: overflow: -max * 2, rm = RDN
  TEST_D2 34, fmul.d, rup, 0xffefffffffffffff, OF|NX, 0xffefffffffffffff, 0x4000000000000000 # Unpriv §21.4: overflow: -max * 2, rm = RUP
  TEST_D2 35, fmul.d, rmm, 0xfff0000000000000, OF|NX, 0xffefffffffffffff, 0x4000000000000000 # Unpriv §21.4: overflow: -max * 2, rm = RMM
  # ---- underflow tie: minsub / 2, under each static rounding mode.
  TEST_D2 36, fmul.d, rne, 0x0000000000000000, UF|NX, 0x0000000000000001, 0x3fe0000000000000 # Unpriv §21.4: underflow tie: minsub / 2, rm = RNE
  TEST_D2 37, fmul.d, rtz, 0x0000000000000000, UF|NX, 0x0000000000000001, 0x3fe0000000000000 # Unpriv §21.4: underflow tie: minsub / 2, rm = RTZ
  TEST_D2 38, fmul.d, rdn, 0x0000000000000000, UF|NX, 0x0000000000000001, 0x3fe0000000000000 # Unpriv §21.4: underflow tie: minsub / 2, rm = RDN
  TEST_D2 39, fmul.d, rup, 0x0000000000000001, UF|NX, 0x0000000000000001, 0x3fe0000000000000 # Unpriv §21.4: underflow tie: minsub / 2, rm = RUP
  TEST_D2 40, fmul.d, rmm, 0x0000000000000001, UF|NX, 0x0000000000000001, 0x3fe0000000000000 # Unpriv §21.4: underflow tie: minsub / 2, rm = RMM
  # ---- underflow above the tie: -minsub * 3/4, under each static rounding mode.
  TEST_D2 41, fmul.d, rne, 0x8000000000000001, UF|NX, 0x8000000000000001, 0x3fe8000000000000 # Unpriv §21.4: underflow above the tie: -minsub * 3/4, rm = RNE
  TEST_D2 42, fmul.d, rtz, 0x8000000000000000, UF|NX, 0x8000000000000001, 0x3fe8000000000000 # Unpriv §21.4: underflow above the tie: -minsub * 3/4, rm = RTZ
  TEST_D2 43, fmul.d, rdn, 0x8000000000000001, UF|NX, 0x8000000000000001, 0x3fe8000000000000 # Unpriv §21.4: underflow above the tie: -minsub * 3/4, rm = RDN
  TEST_D2 44, fmul.d, rup, 0x8000000000000000, UF|NX, 0x8000000000000001, 0x3fe8000000000000 # Unpriv §21.4: underflow above the tie: -minsub * 3/4, rm = RUP
  TEST_D2 45, fmul.d, rmm, 0x8000000000000001, UF|NX, 0x8000000000000001, 0x3fe8000000000000 # Unpriv §21.4: underflow above the tie: -minsub * 3/4, rm = RMM
  # ---- exact zero: x - x is -0 only in RDN, under each static rounding mode.
  TEST_D2 46, fsub.d, rne, 0x0000000000000000, 0, 0x3ff8000000000000, 0x3ff8000000000000 # Unpriv §21.4: exact zero: x - x is -0 only in RDN, rm = RNE
  TEST_D2 47, fsub.d, rtz, 0x0000000000000000, 0, 0x3ff8000000000000, 0x3ff8000000000000 # Unpriv §21.4: exact zero: x - x is -0 only in RDN, rm = RTZ
  TEST_D2 48, fsub.d, rdn, 0x8000000000000000, 0, 0x3ff8000000000000, 0x3ff8000000000000 # Unpriv §21.4: exact zero: x - x is -0 only in RDN, rm = RDN
  TEST_D2 49, fsub.d, rup, 0x0000000000000000, 0, 0x3ff8000000000000, 0x3ff8000000000000 # Unpriv §21.4: exact zero: x - x is -0 only in RDN, rm = RUP
  TEST_D2 50, fsub.d, rmm, 0x0000000000000000, 0, 0x3ff8000000000000, 0x3ff8000000000000 # Unpriv §21.4: exact zero: x - x is -0 only in RDN, rm = RMM
  # ---- sqrt(2), under each static rounding mode.
  TEST_D1 51, fsqrt.d, rne, 0x3ff6a09e667f3bcd, NX, 0x4000000000000000                   # Unpriv §21.4: sqrt(2), rm = RNE
  TEST_D1 52, fsqrt.d, rtz, 0x3ff6a09e667f3bcc, NX, 0x4000000000000000                   # Unpriv §21.4: sqrt(2), rm = RTZ
  TEST_D1 53, fsqrt.d, rdn, 0x3ff6a09e667f3bcc, NX, 0x4000000000000000                   # Unpriv §21.4: sqrt(2), rm = RDN
  TEST_D1 54, fsqrt.d, rup, 0x3ff6a09e667f3bcd, NX, 0x4000000000000000                   # Unpriv §21.4: sqrt(2), rm = RUP
  TEST_D1 55, fsqrt.d, rmm, 0x3ff6a09e667f3bcd, NX, 0x4000000000000000                   # Unpriv §21.4: sqrt(2), rm = RMM
  # ---- FMA: (1+u)(1-u) - 1 = -u^2 exactly, then rounding only applies once, under each static rounding mode.
  TEST_D3 56, fmadd.d, rne, 0xb970000000000000, 0, 0x3ff0000000000001, 0x3feffffffffffffe, 0xbff0000000000000 # Unpriv §21.4: FMA: (1+u)(1-u) - 1 = -u^2 exactly, then rounding only applies once, rm = RNE
  TEST_D3 57, fmadd.d, rtz, 0xb970000000000000, 0, 0x3ff0000000000001, 0x3feffffffffffffe, 0xbff0000000000000 # Unpriv §21.4: FMA: (1+u)(1-u) - 1 = -u^2 exactly, then rounding only applies once, rm = RTZ
  TEST_D3 58, fmadd.d, rdn, 0xb970000000000000, 0, 0x3ff0000000000001, 0x3feffffffffffffe, 0xbff0000000000000 # Unpriv §21.4: FMA: (1+u)(1-u) - 1 = -u^2 exactly, then rounding only applies once, rm = RDN
  TEST_D3 59, fmadd.d, rup, 0xb970000000000000, 0, 0x3ff0000000000001, 0x3feffffffffffffe, 0xbff0000000000000 # Unpriv §21.4: FMA: (1+u)(1-u) - 1 = -u^2 exactly, then rounding only applies once, rm = RUP
  TEST_D3 60, fmadd.d, rmm, 0xb970000000000000, 0, 0x3ff0000000000001, 0x3feffffffffffffe, 0xbff0000000000000 # Unpriv §21.4: FMA: (1+u)(1-u) - 1 = -u^2 exactly, then rounding only applies once, rm = RMM
  # ---- FMA tie: 1*1 + ulp/2, under each static rounding mode.
  TEST_D3 61, fmadd.d, rne, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000 # Unpriv §21.4: FMA tie: 1*1 + ulp/2, rm = RNE
  TEST_D3 62, fmadd.d, rtz, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000 # Unpriv §21.4: FMA tie: 1*1 + ulp/2, rm = RTZ
  TEST_D3 63, fmadd.d, rdn, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000 # Unpriv §21.4: FMA tie: 1*1 + ulp/2, rm = RDN
  TEST_D3 64, fmadd.d, rup, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000 # Unpriv §21.4: FMA tie: 1*1 + ulp/2, rm = RUP
  TEST_D3 65, fmadd.d, rmm, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000 # Unpriv §21.4: FMA tie: 1*1 + ulp/2, rm = RMM
  # ---- Dynamic rounding (rm = DYN) uses frm (Unpriv §20.2).
  csrwi frm, RM_RNE
  TEST_D2 66, fadd.d, dyn, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000 # Unpriv §20.2: tie, even below: 1 + ulp/2, DYN with frm = RNE
  TEST_D2 67, fadd.d, dyn, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ca0000000000000 # Unpriv §20.2: tie, odd below: (1+ulp) + ulp/2, DYN with frm = RNE
  TEST_D2 68, fadd.d, dyn, 0xbff0000000000000, NX, 0xbff0000000000000, 0xbca0000000000000 # Unpriv §20.2: negative tie: -1 - ulp/2, DYN with frm = RNE
  TEST_D2 69, fdiv.d, dyn, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000 # Unpriv §20.2: not a tie: 1/3, DYN with frm = RNE
  TEST_D2 70, fdiv.d, dyn, 0xbfd5555555555555, NX, 0xbff0000000000000, 0x4008000000000000 # Unpriv §20.2: not a tie: -1/3, DYN with frm = RNE
  TEST_D2 71, fmul.d, dyn, 0x0000000000000000, UF|NX, 0x0000000000000001, 0x3fe0000000000000 # Unpriv §20.2: underflow tie: minsub / 2, DYN with frm = RNE
  csrwi frm, RM_RTZ
  TEST_D2 72, fadd.d, dyn, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000 # Unpriv §20.2: tie, even below: 1 + ulp/2, DYN with frm = RTZ
  TEST_D2 73, fadd.d, dyn, 0x3ff0000000000001, NX, 0x3ff0000000000001, 0x3ca0000000000000 # Unpriv §20.2: tie, odd below: (1+ulp) + ulp/2, DYN with frm = RTZ
  TEST_D2 74, fadd.d, dyn, 0xbff0000000000000, NX, 0xbff0000000000000, 0xbca0000000000000 # Unpriv §20.2: negative tie: -1 - ulp/2, DYN with frm = RTZ
  TEST_D2 75, fdiv.d, dyn, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000 # Unpriv §20.2: not a tie: 1/3, DYN with frm = RTZ
  TEST_D2 76, fdiv.d, dyn, 0xbfd5555555555555, NX, 0xbff0000000000000, 0x4008000000000000 # Unpriv §20.2: not a tie: -1/3, DYN with frm = RTZ
  TEST_D2 77, fmul.d, dyn, 0x0000000000000000, UF|NX, 0x0000000000000001, 0x3fe0000000000000 # Unpriv §20.2: underflow tie: minsub / 2, DYN with frm = RTZ
  csrwi frm, RM_RDN
  TEST_D2 78, fadd.d, dyn, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000 # Unpriv §20.2: tie, even below: 1 + ulp/2, DYN with frm = RDN
  TEST_D2 79, fadd.d, dyn, 0x3ff0000000000001, NX, 0x3ff0000000000001, 0x3ca0000000000000 # Unpriv §20.2: tie, odd below: (1+ulp) + ulp/2, DYN with frm = RDN
  TEST_D2 80, fadd.d, dyn, 0xbff0000000000001, NX, 0xbff0000000000000, 0xbca0000000000000 # Unpriv §20.2: negative tie: -1 - ulp/2, DYN with frm = RDN
  TEST_D2 81, fdiv.d, dyn, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000 # Unpriv §20.2: not a tie: 1/3, DYN with frm = RDN
  TEST_D2 82, fdiv.d, dyn, 0xbfd5555555555556, NX, 0xbff0000000000000, 0x4008000000000000 # Unpriv §20.2: not a tie: -1/3, DYN with frm = RDN
  TEST_D2 83, fmul.d, dyn, 0x0000000000000000, UF|NX, 0x0000000000000001, 0x3fe0000000000000 # Unpriv §20.2: underflow tie: minsub / 2, DYN with frm = RDN
  csrwi frm, RM_RUP
  TEST_D2 84, fadd.d, dyn, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca0000000000000 # Unpriv §20.2: tie, even below: 1 + ulp/2, DYN with frm = RUP
  TEST_D2 85, fadd.d, dyn, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ca0000000000000 # Unpriv §20.2: tie, odd below: (1+ulp) + ulp/2, DYN with frm = RUP
  TEST_D2 86, fadd.d, dyn, 0xbff0000000000000, NX, 0xbff0000000000000, 0xbca0000000000000 # Unpriv §20.2: negative tie: -1 - ulp/2, DYN with frm = RUP
  TEST_D2 87, fdiv.d, dyn, 0x3fd5555555555556, NX, 0x3ff0000000000000, 0x4008000000000000 # Unpriv §20.2: not a tie: 1/3, DYN with frm = RUP
  TEST_D2 88, fdiv.d, dyn, 0xbfd5555555555555, NX, 0xbff0000000000000, 0x4008000000000000 # Unpriv §20.2: not a tie: -1/3, DYN with frm = RUP
  TEST_D2 89, fmul.d, dyn, 0x0000000000000001, UF|NX, 0x0000000000000001, 0x3fe0000000000000 # Unpriv §20.2: underflow tie: minsub / 2, DYN with frm = RUP
  csrwi frm, RM_RMM
  TEST_D2 90, fadd.d, dyn, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca0000000000000 # Unpriv §20.2: tie, even below: 1 + ulp/2, DYN with frm = RMM
  TEST_D2 91, fadd.d, dyn, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ca0000000000000 # Unpriv §20.2: tie, odd below: (1+ulp) + ulp/2, DYN with frm = RMM
  TEST_D2 92, fadd.d, dyn, 0xbff0000000000001, NX, 0xbff0000000000000, 0xbca0000000000000 # Unpriv §20.2: negative tie: -1 - ulp/2, DYN with frm = RMM
  TEST_D2 93, fdiv.d, dyn, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000 # Unpriv §20.2: not a tie: 1/3, DYN with frm = RMM
  TEST_D2 94, fdiv.d, dyn, 0xbfd5555555555555, NX, 0xbff0000000000000, 0x4008000000000000 # Unpriv §20.2: not a tie: -1/3, DYN with frm = RMM
  TEST_D2 95, fmul.d, dyn, 0x0000000000000001, UF|NX, 0x0000000000000001, 0x3fe0000000000000 # Unpriv §20.2: underflow tie: minsub / 2, DYN with frm = RMM
  # ---- A static rm overrides frm (Unpriv §20.2).
  csrwi frm, RM_RUP
  TEST_D2 96, fadd.d, rtz, 0x3ff0000000000001, NX, 0x3ff0000000000001, 0x3ca0000000000000 # Unpriv §20.2: static RTZ wins over frm = RUP
  csrwi frm, RM_RDN
  TEST_D2 97, fadd.d, rne, 0xbff0000000000000, NX, 0xbff0000000000000, 0xbca0000000000000 # Unpriv §20.2: static RNE wins over frm = RDN
  TEST_D2 98, fadd.d, rmm, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca0000000000000 # Unpriv §20.2: static RMM wins over frm = RDN
  csrwi frm, RM_RNE

  # ---- Reserved rounding modes (Unpriv §20.2): rm = 101 and 110 are reserved;
  # with rm = DYN, an frm of 101-111 makes the instruction illegal.
  li a0, 0x3ff0000000000000
  fmv.d.x fa1, a0
  fmv.d.x fa2, a0
  TEST_ILLEGAL 99, 0x02c5d553, .insn r 0x53, 5, 1, fa0, fa1, fa2            # Unpriv §20.2: FADD.D with static rm = 101 is illegal
  TEST_ILLEGAL 100, 0x02c5e553, .insn r 0x53, 6, 1, fa0, fa1, fa2            # Unpriv §20.2: FADD.D with static rm = 110 is illegal
  csrwi frm, 5
  TEST_ILLEGAL 101, 0x02c5f553, fadd.d fa0, fa1, fa2, dyn                         # Unpriv §20.2: DYN with frm = 101 is illegal
  csrwi frm, 6
  TEST_ILLEGAL 102, 0x02c5f553, fadd.d fa0, fa1, fa2, dyn                         # Unpriv §20.2: DYN with frm = 110 is illegal
  csrwi frm, 7
  TEST_ILLEGAL 103, 0x02c5f553, fadd.d fa0, fa1, fa2, dyn                         # Unpriv §20.2: DYN with frm = 111 is illegal
  CASE 104                                                                         # Unpriv §20.2: a static rm still works while frm holds a reserved value
  fadd.d fa0, fa1, fa2, rne
  fmv.x.d a1, fa0
  CHECK a1, 0x4000000000000000
  CASE 105                                                                         # Unpriv §20.2: instructions without rounding ignore an invalid frm
  fsgnj.d fa0, fa1, fa2
  fmin.d fa0, fa1, fa2
  feq.d a1, fa1, fa2
  CHECK a1, 1
  csrwi frm, RM_RNE

RVHV_CODE_END
