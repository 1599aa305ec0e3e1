# Smstateen/Ssstateen (Priv "Smstateen/Ssstateen" chapter, "Smstateen"
# below): mstateen0..3, hstateen0..3, sstateen0..3. rvhv implements SE0/SEn
# (bit 63: access to hstateenN and sstateenN) and ENVCFG (mstateen0 and
# hstateen0 bit 62: access to henvcfg and senvcfg); every other bit is
# read-only zero, since rvhv has none of the state they guard (custom state,
# Zfinx's fcsr, Zcmt's jvt, AIA, Sdtrig's contexts, srmcfg...). HYP_RESET
# opens SE and ENVCFG at both levels, as OpenSBI and KVM do; the cases
# close them again.
# Not for QEMU 7.2, which has no Smstateen (the CSRs are illegal there).
#include "hyp.h"

#define SE STATEEN_SE
#define ENVCFG STATEEN0_ENVCFG

HYP_CODE_BEGIN
  HYP_RESET

  # ---- Which bits exist (Smstateen: "Bits ... defined to control state that
  # a hart doesn't implement are read-only zeros"; reserved bits likewise).
  CASE 1                                                        # Smstateen: mstateen0 keeps SE0 and ENVCFG of all ones written; C, FCSR (F is present), JVT, CONTEXT, AIA... read 0
  li a0, -1
  csrw mstateen0, a0
  CHECK_CSR mstateen0, SE | ENVCFG
  CASE 2                                                        # Smstateen: mstateen1..3 keep only bit 63 (SE1..SE3)
  li a0, -1
  csrw mstateen1, a0
  csrw mstateen2, a0
  csrw mstateen3, a0
  CHECK_CSR mstateen1, SE
  CHECK_CSR mstateen2, SE
  CHECK_CSR mstateen3, SE
  CASE 3                                                        # Smstateen: the writable bits clear
  csrw mstateen1, zero
  CHECK_CSR mstateen1, 0
  li a0, -1
  csrw mstateen1, a0
  CASE 4                                                        # Smstateen: hstateen0 has the same bits as mstateen0, hstateen1..3 bit 63
  li a0, -1
  csrw hstateen0, a0
  csrw hstateen1, a0
  csrw hstateen3, a0
  CHECK_CSR hstateen0, SE | ENVCFG
  CHECK_CSR hstateen1, SE
  CHECK_CSR hstateen3, SE
  CASE 5                                                        # Smstateen: sstateen0..3 are all read-only 0 (their low 32 bits guard user state rvhv lacks; no upper bits exist)
  li a0, -1
  csrw sstateen0, a0
  csrw sstateen3, a0
  CHECK_CSR sstateen0, 0
  CHECK_CSR sstateen3, 0
  CASE 6                                                        # Smstateen: "for every bit in an mstateen CSR that is zero ... the same bit appears as read-only zero in the matching hstateen"
  li a0, SE
  csrw mstateen0, a0
  CHECK_CSR hstateen0, SE
  li a0, -1
  csrw hstateen0, a0
  CHECK_CSR hstateen0, SE
  csrw mstateen0, zero
  CHECK_CSR hstateen0, 0
  csrw mstateen1, zero
  CHECK_CSR hstateen1, 0
  HYP_RESET

  # ---- SE: access to hstateenN and sstateenN (Smstateen: "bit 63 of
  # mstateen0 controls access to sstateen0 and hstateen0 ... bit 63 of each
  # hstateen correspondingly controls access to the matching sstateen").
  TEST_OK_IN 7, HS, csrr a0, hstateen0                          # Smstateen: with mstateen0.SE0 = 1 HS-mode reaches hstateen0 ...
  TEST_OK_IN 8, HS, csrw sstateen0, zero                        # ... and sstateen0
  TEST_OK_IN 9, VS, csrr a0, sstateen0                          # Smstateen: with hstateen0.SE0 = 1 too, VS-mode reaches sstateen0
  TEST_VIRTUAL_IN 10, VS, csrr a0, hstateen0                    # Priv §9.6.1: hstateen0 from VS-mode is a virtual instruction (HS-mode could access it)
  TEST_VIRTUAL_IN 11, VU, csrr a0, sstateen0                    # Priv §9.6.1: an S-level CSR from VU-mode HS-mode could access: virtual instruction
  TEST_ILLEGAL_IN 12, U, csrr a0, sstateen0                     # Priv §2.1: an S-level CSR from U-mode is illegal
  li a0, ENVCFG
  csrw hstateen0, a0
  TEST_VIRTUAL_IN 13, VS, csrr a0, sstateen0                    # Smstateen: hstateen0.SE0 = 0: sstateen0 from VS-mode is a virtual instruction
  TEST_VIRTUAL_IN 14, VS, csrw sstateen0, zero                  # ... also a write
  TEST_VIRTUAL_IN 15, VU, csrr a0, sstateen0                    # ... and from VU-mode
  TEST_OK_IN 16, HS, csrr a0, sstateen0                         # Smstateen: hstateen0 does not restrict HS-mode
  li a0, ENVCFG
  csrw mstateen0, a0
  TEST_ILLEGAL_IN 17, HS, csrr a0, hstateen0                    # Smstateen: mstateen0.SE0 = 0: hstateen0 from HS-mode is illegal
  TEST_ILLEGAL_IN 18, HS, csrw hstateen0, zero                  # ... also a write
  TEST_ILLEGAL_IN 19, HS, csrr a0, sstateen0                    # ... and sstateen0 is illegal from HS-mode
  TEST_ILLEGAL_IN 20, VS, csrr a0, sstateen0                    # Smstateen, Priv §9.6.1: ... from VS-mode illegal, not virtual (HS-mode could not access it either)
  TEST_ILLEGAL_IN 21, VS, csrr a0, hstateen0                    # Priv §9.6.1: ... hstateen0 from VS-mode is then illegal too
  TEST_ILLEGAL_IN 22, VU, csrr a0, sstateen0                    # Priv §9.6.1: ... and sstateen0 from VU-mode
  li a0, SE | ENVCFG
  csrw hstateen0, a0
  TEST_ILLEGAL_IN 23, VS, csrr a0, sstateen0                    # Smstateen: mstateen0.SE0 = 0 wins over hstateen0.SE0 (which reads 0 meanwhile)
  TEST_OK_IN 24, M, csrr a0, hstateen0                          # Smstateen: the stateen CSRs never restrict M-mode
  TEST_OK_IN 25, M, csrr a0, sstateen0
  CHECK_CSR_BITS hstateen0, SE, 0                               # Smstateen: hstateen0.SE0 appears as 0 while mstateen0.SE0 = 0
  TEST_OK_IN 26, HS, csrr a0, sstateen1                         # Smstateen: SE0 of mstateen0 guards only the ...0 registers: sstateen1 is still reachable (mstateen1.SE1 = 1)
  TEST_OK_IN 27, HS, csrr a0, hstateen3
  HYP_RESET
  csrw mstateen1, zero
  TEST_ILLEGAL_IN 28, HS, csrr a0, sstateen1                    # Smstateen: mstateen1.SE1 = 0: sstateen1 and hstateen1 are illegal from HS-mode
  TEST_ILLEGAL_IN 29, HS, csrr a0, hstateen1
  TEST_OK_IN 30, HS, csrr a0, sstateen2                         # ... while sstateen2 is not
  csrw hstateen2, zero
  TEST_VIRTUAL_IN 31, VS, csrr a0, sstateen2                    # Smstateen: hstateen2.SE2 = 0: sstateen2 from VS-mode is a virtual instruction
  TEST_OK_IN 32, VS, csrr a0, sstateen3                         # ... sstateen3 stays reachable
  csrw mstateen3, zero
  TEST_ILLEGAL_IN 33, VS, csrr a0, sstateen3                    # Smstateen: mstateen3.SE3 = 0: illegal from VS-mode
  HYP_RESET

  # ---- ENVCFG: access to henvcfg and senvcfg (Smstateen: "The ENVCFG bit in
  # mstateen0 controls access to the henvcfg, henvcfgh, and the senvcfg CSRs.
  # The ENVCFG bit in hstateen0 controls access to the senvcfg CSRs").
  TEST_OK_IN 34, HS, csrr a0, senvcfg                           # Smstateen: with ENVCFG set in mstateen0, HS-mode reaches senvcfg ...
  TEST_OK_IN 35, HS, csrr a0, henvcfg                           # ... and henvcfg
  TEST_OK_IN 36, VS, csrw senvcfg, zero                         # Smstateen: with hstateen0.ENVCFG too, VS-mode reaches senvcfg
  TEST_VIRTUAL_IN 37, VS, csrr a0, henvcfg                      # Priv §9.6.1: henvcfg from VS-mode: virtual instruction
  TEST_VIRTUAL_IN 38, VU, csrr a0, senvcfg                      # Priv §9.6.1: senvcfg from VU-mode: virtual instruction
  li a0, SE
  csrw hstateen0, a0
  TEST_VIRTUAL_IN 39, VS, csrr a0, senvcfg                      # Smstateen: hstateen0.ENVCFG = 0: senvcfg from VS-mode is a virtual instruction
  TEST_VIRTUAL_IN 40, VS, csrw senvcfg, zero                    # ... also a write
  TEST_OK_IN 41, HS, csrr a0, senvcfg                           # Smstateen: hstateen0.ENVCFG does not restrict HS-mode
  li a0, SE
  csrw mstateen0, a0
  TEST_ILLEGAL_IN 42, HS, csrr a0, senvcfg                      # Smstateen: mstateen0.ENVCFG = 0: senvcfg from HS-mode is illegal
  TEST_ILLEGAL_IN 43, HS, csrw henvcfg, zero                    # ... and henvcfg
  TEST_ILLEGAL_IN 44, VS, csrr a0, senvcfg                      # Smstateen, Priv §9.6.1: ... from VS-mode illegal, not virtual
  TEST_ILLEGAL_IN 45, VS, csrr a0, henvcfg                      # Priv §9.6.1: henvcfg from VS-mode: illegal, as HS-mode could not access it
  TEST_ILLEGAL_IN 46, VU, csrr a0, senvcfg                      # Priv §9.6.1: ... and senvcfg from VU-mode
  TEST_ILLEGAL_IN 47, U, csrr a0, senvcfg                       # Priv §2.1: an S-level CSR from U-mode
  TEST_OK_IN 48, M, csrw senvcfg, zero                          # Smstateen: M-mode is never restricted
  CHECK_CSR hstateen0, SE                                       # Smstateen: hstateen0.ENVCFG reads 0 while mstateen0.ENVCFG = 0
  TEST_OK_IN 49, HS, csrr a0, sstateen0                         # Smstateen: SE0 still opens sstateen0 with ENVCFG = 0
  HYP_RESET

  j rvhv_pass
RVHV_CODE_END
