# mstatus.FS = Off disables the F and D extensions (Priv §3.1.6.6): every FP
# instruction, including loads, stores, moves and the compressed FP forms, and
# every access to fflags/frm/fcsr raises illegal-instruction (mtval = its
# bits). The FP registers keep their values while FS is Off.
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  CASE 1                                                        # Priv §3.1.6.6: FS is writable and reads back Off
  li a0, 0x1122334455667788
  fmv.d.x fa5, a0                                               # kept while FP is off (case 23)
  li a0, MSTATUS_FS
  csrc mstatus, a0
  csrr a1, mstatus
  and a1, a1, a0
  CHECK a1, 0
  li a1, UNMAPPED_ADDR                                          # base for the memory forms: the illegal instruction wins over an access fault

  .option push
  .option norvc
  TEST_ILLEGAL 2, 0x00c5f553, fadd.s fa0, fa1, fa2              # Priv §3.1.6.6: FADD.S with FS = Off is illegal
  TEST_ILLEGAL 3, 0x02c58553, fadd.d fa0, fa1, fa2, rne         # Priv §3.1.6.6: FADD.D with FS = Off is illegal
  TEST_ILLEGAL 4, 0x5a058553, fsqrt.d fa0, fa1, rne             # Priv §3.1.6.6: FSQRT.D with FS = Off is illegal
  TEST_ILLEGAL 5, 0x6ac5f543, fmadd.d fa0, fa1, fa2, fa3        # Priv §3.1.6.6: FMADD.D with FS = Off is illegal
  TEST_ILLEGAL 6, 0x00002507, flw fa0, 0(zero)                  # Priv §3.1.6.6: FLW with FS = Off is illegal (before any access fault)
  TEST_ILLEGAL 7, 0x0005b507, fld fa0, 0(a1)                    # Priv §3.1.6.6: FLD with FS = Off is illegal
  TEST_ILLEGAL 8, 0x00a5b027, fsd fa0, 0(a1)                    # Priv §3.1.6.6: FSD with FS = Off is illegal
  TEST_ILLEGAL 9, 0xe0058553, fmv.x.w a0, fa1                   # Priv §3.1.6.6: FMV.X.W with FS = Off is illegal
  TEST_ILLEGAL 10, 0xf0058553, fmv.w.x fa0, a1                  # Priv §3.1.6.6: FMV.W.X with FS = Off is illegal
  TEST_ILLEGAL 11, 0xf2058553, fmv.d.x fa0, a1                  # Priv §3.1.6.6: FMV.D.X with FS = Off is illegal
  TEST_ILLEGAL 12, 0xc2059553, fcvt.w.d a0, fa1, rtz            # Priv §3.1.6.6: FCVT.W.D with FS = Off is illegal
  TEST_ILLEGAL 13, 0x42058553, fcvt.d.s fa0, fa1                # Priv §3.1.6.6: FCVT.D.S with FS = Off is illegal
  TEST_ILLEGAL 14, 0xa0c5a553, feq.s a0, fa1, fa2               # Priv §3.1.6.6: FEQ.S with FS = Off is illegal
  TEST_ILLEGAL 15, 0x22c58553, fsgnj.d fa0, fa1, fa2            # Priv §3.1.6.6: FSGNJ.D with FS = Off is illegal
  TEST_ILLEGAL 16, 0xe0059553, fclass.s a0, fa1                 # Priv §3.1.6.6: FCLASS.S with FS = Off is illegal
  TEST_ILLEGAL 17, 0x00102573, csrr a0, fflags                  # Priv §3.1.6.6: reading fflags with FS = Off is illegal
  TEST_ILLEGAL 18, 0x00259073, csrw frm, a1                     # Priv §3.1.6.6: writing frm with FS = Off is illegal
  TEST_ILLEGAL 19, 0x00302573, csrr a0, fcsr                    # Priv §3.1.6.6: reading fcsr with FS = Off is illegal
  .option pop
  TEST_ILLEGAL 20, 0x2588, c.fld fa0, 8(a1)                     # Priv §3.1.6.6: C.FLD with FS = Off is illegal (mtval = 16 bits)
  TEST_ILLEGAL 21, 0xa82a, c.fsdsp fa0, 16(sp)                  # Priv §3.1.6.6: C.FSDSP with FS = Off is illegal

  CASE 22                                                       # Priv §3.1.6.6: an illegal FP instruction leaves FS Off
  csrr a1, mstatus
  li a0, MSTATUS_FS
  and a1, a1, a0
  CHECK a1, 0

  CASE 23                                                       # Priv §3.1.6.6: turning FP back on finds the registers as they were
  li a0, MSTATUS_FS_INITIAL
  csrs mstatus, a0
  fmv.x.d a1, fa5
  CHECK a1, 0x1122334455667788

  CASE 24                                                       # Priv §3.1.6.6: an FP instruction that writes an f register makes FS Dirty
  li a0, MSTATUS_FS
  csrc mstatus, a0
  li a0, MSTATUS_FS_CLEAN
  csrs mstatus, a0
  fmv.d.x fa0, zero
  csrr a1, mstatus
  li a0, MSTATUS_FS
  and a1, a1, a0
  CHECK a1, MSTATUS_FS_DIRTY

RVHV_CODE_END
