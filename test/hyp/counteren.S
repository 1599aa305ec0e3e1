# Who may read the user-level counters cycle, time, instret and
# hpmcounter3..31 (Unpriv "Zicntr", "Zihpm"; Priv §3.1.11 mcounteren,
# §4.1.5 scounteren, §9.2.6 hcounteren, §9.6.1 virtual instructions), and
# the hpm counters rvhv implements as read-only zero (Priv §3.1.10).
#include "clint.h"

/*
 * Cases \n .. \n+15 for counter CSR \csr, enabled by bit \bit of the three
 * counteren registers. Each line names its rule; in short: M-mode always
 * reads; below M mcounteren must be set (else illegal); in U-mode also
 * scounteren (else illegal); with V = 1 also hcounteren, and in VU-mode
 * scounteren (else a virtual instruction, where HS-mode could read it).
 */
.macro COUNTER_RULES n, csr, bit
  csrw mcounteren, zero
  csrw hcounteren, zero
  csrw scounteren, zero
  TEST_OK_IN \n+0, M, csrr a0, \csr                             # Priv §3.1.11: M-mode reads every counter, whatever the counteren registers
  TEST_ILLEGAL_IN \n+1, HS, csrr a0, \csr                       # Priv §3.1.11: mcounteren bit 0: illegal in HS-mode
  TEST_ILLEGAL_IN \n+2, U, csrr a0, \csr                        # Priv §3.1.11: ... in U-mode
  TEST_ILLEGAL_IN \n+3, VS, csrr a0, \csr                       # Priv §9.6.1: ... in VS-mode illegal, not virtual (mcounteren bit 0)
  TEST_ILLEGAL_IN \n+4, VU, csrr a0, \csr                       # Priv §9.6.1: ... in VU-mode illegal, not virtual
  li a0, \bit
  csrw mcounteren, a0
  TEST_OK_IN \n+5, HS, csrr a0, \csr                            # Priv §3.1.11: mcounteren bit 1: HS-mode reads it
  TEST_ILLEGAL_IN \n+6, U, csrr a0, \csr                        # Priv §4.1.5: scounteren bit 0: illegal in U-mode
  TEST_VIRTUAL_IN \n+7, VS, csrr a0, \csr                       # Priv §9.6.1: hcounteren bit 0 (mcounteren bit 1): virtual instruction in VS-mode
  TEST_VIRTUAL_IN \n+8, VU, csrr a0, \csr                       # Priv §9.6.1: ... and in VU-mode
  li a0, \bit
  csrw hcounteren, a0
  TEST_OK_IN \n+9, VS, csrr a0, \csr                            # Priv §9.2.6: mcounteren and hcounteren bits 1: VS-mode reads it (scounteren does not matter)
  TEST_VIRTUAL_IN \n+10, VU, csrr a0, \csr                      # Priv §9.6.1: VU-mode with scounteren bit 0: virtual instruction
  li a0, \bit
  csrw scounteren, a0
  TEST_OK_IN \n+11, U, csrr a0, \csr                            # Priv §4.1.5: mcounteren and scounteren bits 1: U-mode reads it
  TEST_OK_IN \n+12, VU, csrr a0, \csr                           # Priv §9.2.6: all three bits 1: VU-mode reads it
  csrw hcounteren, zero
  TEST_VIRTUAL_IN \n+13, VU, csrr a0, \csr                      # Priv §9.6.1: VU-mode with hcounteren bit 0 (scounteren 1): virtual instruction
  TEST_OK_IN \n+14, U, csrr a0, \csr                            # Priv §9.2.6: hcounteren does not concern U-mode (V = 0)
  li a0, ~(\bit)
  csrw mcounteren, a0
  csrw hcounteren, a0
  csrw scounteren, a0
  TEST_ILLEGAL_IN \n+15, HS, csrr a0, \csr                      # Priv §3.1.11: each counter has its own bit: every other bit set does not help
.endm

HYP_CODE_BEGIN
  HYP_RESET

  COUNTER_RULES 100, cycle, COUNTEREN_CY                        # Priv §3.1.11: CY
  COUNTER_RULES 200, time, COUNTEREN_TM                         # Priv §3.1.11: TM
  COUNTER_RULES 300, instret, COUNTEREN_IR                      # Priv §3.1.11: IR
  COUNTER_RULES 400, hpmcounter3, 1 << 3                        # Priv §3.1.11: HPM3
  COUNTER_RULES 500, hpmcounter17, 1 << 17                      # Priv §3.1.11: HPM17
  COUNTER_RULES 600, hpmcounter31, 1 << 31                      # Priv §3.1.11: HPM31

  # ---- The user-level counters are read-only CSRs (Priv §2.1: "attempts to
  # write a read-only register raise an illegal-instruction exception").
  li a0, -1
  csrw mcounteren, a0
  csrw hcounteren, a0
  csrw scounteren, a0
  TEST_ILLEGAL_IN 700, M, csrw cycle, zero                      # Priv §2.1: writing cycle is illegal, even in M-mode
  TEST_ILLEGAL_IN 701, M, csrrsi a0, instret, 1                 # Priv §2.1: ... also a CSRRS that sets a bit
  TEST_ILLEGAL_IN 702, HS, csrw time, zero                      # Priv §2.1: ... time, in HS-mode
  TEST_ILLEGAL_IN 703, VS, csrw cycle, zero                     # Priv §9.6.1: in VS-mode with every counter enabled it is illegal, not virtual
  TEST_ILLEGAL_IN 704, VU, csrw hpmcounter3, zero               # Priv §9.6.1: ... in VU-mode
  TEST_OK_IN 705, VU, csrrs a0, cycle, zero                     # Unpriv §7.1: CSRRS with rs1 = x0 does not write: a plain read

  # ---- The hpm counters and events (Priv §3.1.10: "A legal implementation
  # is to make both the counter and its corresponding event selector be
  # read-only 0"; rvhv does, for all 29).
  CASE 800                                                      # Priv §3.1.10: mhpmcounter3..31 read 0 after writing all ones (rvhv: no events)
  li a0, -1
  .irp k, 3, 4, 10, 17, 31
  csrw mhpmcounter\k, a0
  CHECK_CSR mhpmcounter\k, 0
  .endr
  CASE 801                                                      # Priv §3.1.10: mhpmevent3..31 read 0 after writing all ones
  .irp k, 3, 4, 10, 17, 31
  csrw mhpmevent\k, a0
  CHECK_CSR mhpmevent\k, 0
  .endr
  CASE 802                                                      # Unpriv "Zihpm": hpmcounterN is mhpmcounterN's read-only shadow: 0
  .irp k, 3, 4, 10, 17, 31
  CHECK_CSR hpmcounter\k, 0
  .endr
  CASE 803                                                      # Priv §3.1.12: mcountinhibit keeps CY and IR; TM (bit 1) is read-only 0, and so are the bits of the read-only-0 hpm counters (rvhv)
  csrw mcountinhibit, a0
  CHECK_CSR mcountinhibit, 5
  csrw mcountinhibit, zero
  HYP_RESET

  j rvhv_pass
RVHV_CODE_END
