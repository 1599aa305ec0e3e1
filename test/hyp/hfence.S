# HFENCE.VVMA and HFENCE.GVMA (Priv §9.3.2): where they are legal, and
# that translations change after a page-table update and the fence.
#include "hyp.h"

#define VA(k) (0x40000000 + (k) * 0x1000)
#define GPA(k) (0x100000000 + (k) * 0x1000)

HYP_CODE_BEGIN
  HYP_RESET

  TEST_OK_IN 1, M, hfence.vvma                                  # Priv §9.3.2: HFENCE.VVMA is valid in M-mode
  TEST_OK_IN 2, M, hfence.gvma                                  # Priv §9.3.2: HFENCE.GVMA is valid in M-mode
  TEST_OK_IN 3, HS, hfence.vvma a0, a1                          # Priv §9.3.2: HFENCE.VVMA is valid in HS-mode (with operands too)
  TEST_OK_IN 4, HS, hfence.gvma a0, a1                          # Priv §9.3.2: HFENCE.GVMA is valid in HS-mode with TVM = 0
  TEST_ILLEGAL_IN 5, U, hfence.vvma                             # Priv §9.3.2: HFENCE.VVMA in U-mode is illegal
  TEST_ILLEGAL_IN 6, U, hfence.gvma                             # Priv §9.3.2: HFENCE.GVMA in U-mode is illegal
  li a0, MSTATUS_TVM
  csrs mstatus, a0
  TEST_ILLEGAL_IN 7, HS, hfence.gvma                            # Priv §9.3.2: HFENCE.GVMA in HS-mode with mstatus.TVM = 1 is illegal
  TEST_OK_IN 8, HS, hfence.vvma                                 # Priv §9.4.1: TVM does not trap HFENCE.VVMA
  TEST_OK_IN 9, M, hfence.gvma                                  # Priv §9.3.2: in M-mode HFENCE.GVMA is valid irrespective of TVM
  li a0, HSTATUS_VTVM
  csrw hstatus, a0
  TEST_OK_IN 10, HS, hfence.vvma                                # Priv §9.3.2: neither TVM nor VTVM traps HFENCE.VVMA
  csrw hstatus, zero
  li a0, MSTATUS_TVM
  csrc mstatus, a0

  # ---- A changed mapping is seen after the fence.
  HYP_SETUP_2STAGE VSPTE_S
  MAP_VS VA(0), GPA(0), VSPTE_S
  MAP_G GPA(0), HYP_PAGE(0), GPTE_ALL
  mv s0, a0                                                     # the G-stage leaf
  MAP_VS VA(1), GPA(1), VSPTE_S
  mv s1, a0                                                     # a VS-stage leaf
  MAP_G GPA(1), HYP_PAGE(1), GPTE_ALL
  la a0, HYP_PAGE(0)
  li a1, 0xa0
  sd a1, 0(a0)
  la a0, HYP_PAGE(1)
  li a1, 0xa1
  sd a1, 0(a0)
  la a0, HYP_PAGE(2)
  li a1, 0xa2
  sd a1, 0(a0)

  CASE 11                                                       # Priv §9.5: the starting mapping VA(0) -> page 0
  li a1, VA(0)
  GUEST_BEGIN VS
  ld a0, 0(a1)
  GUEST_END VS
  CHECK a0, 0xa0

  CASE 12                                                       # Priv §9.3.2: after a G-stage PTE now points GPA(0) at page 2 and HFENCE.GVMA, the guest sees page 2
  la a0, HYP_PAGE(2)
  srli a0, a0, 12
  slli a0, a0, 10
  ori a0, a0, GPTE_ALL
  sd a0, 0(s0)
  li a0, GPA(0) >> 2
  hfence.gvma a0, zero
  li a1, VA(0)
  GUEST_BEGIN VS
  ld a0, 0(a1)
  GUEST_END VS
  CHECK a0, 0xa2

  CASE 13                                                       # Priv §9.3.2: the same from HLV in M-mode, without leaving M
  li a0, HSTATUS_SPVP
  csrw hstatus, a0
  li a1, VA(0)
  hlv.d a0, (a1)
  CHECK a0, 0xa2
  la a0, HYP_PAGE(0)
  srli a0, a0, 12
  slli a0, a0, 10
  ori a0, a0, GPTE_ALL
  sd a0, 0(s0)
  hfence.gvma
  li a1, VA(0)
  hlv.d a0, (a1)
  CHECK a0, 0xa0

  CASE 14                                                       # Priv §9.3.2: after a VS-stage PTE now points VA(1) at GPA(0) and HFENCE.VVMA (HS-mode), the guest sees page 0
  li a1, VA(1)
  GUEST_BEGIN VS
  ld a0, 0(a1)
  GUEST_END VS
  CHECK a0, 0xa1
  li a0, GPA(0)
  srli a0, a0, 12
  slli a0, a0, 10
  ori a0, a0, VSPTE_S
  sd a0, 0(s1)
  li a1, VA(1)
  GUEST_BEGIN HS
  hfence.vvma a1, zero
  GUEST_END HS
  li a1, VA(1)
  GUEST_BEGIN VS
  ld a0, 0(a1)
  GUEST_END VS
  CHECK a0, 0xa0

  CASE 15                                                       # Priv §9.3.2, §9.5: a G-stage leaf made invalid (plus HFENCE.GVMA) now faults
  sd zero, 0(s0)
  hfence.gvma
  li a1, VA(0)
  GUEST_BEGIN VS
  ld a0, 0(a1)
  GUEST_TRAPPED
  CHECK_CSR mcause, CAUSE_LOAD_GUEST_PAGE
  CHECK_CSR mtval2, GPA(0) >> 2

  CASE 16                                                       # Priv §4.2.1, §9.5.3: SFENCE.VMA in VS-mode orders the guest's own VS-stage PTE update
  li a0, GPA(1)
  srli a0, a0, 12
  slli a0, a0, 10
  ori a0, a0, VSPTE_S
  li a1, VA(1)
  GUEST_BEGIN VS
  sd a0, 0(s1)                                                  # VA(1) -> GPA(1) again, written by VS-mode (RAM is identity-mapped)
  sfence.vma a1, zero
  ld a2, 0(a1)
  GUEST_END VS
  CHECK a2, 0xa1

RVHV_CODE_END
