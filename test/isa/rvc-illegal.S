# Reserved RV64C encodings raise illegal-instruction (Unpriv §26.8, Table
# "RVC opcode map"), with mtval = the 16 instruction bits, zero-extended
# (Priv §3.1.16). Each encoding here is reserved in RV64C, also with Zcb.
#include "rvhv-test.h"

RVHV_CODE_BEGIN

  TEST_ILLEGAL 1, 0x0000, .2byte 0x0000                         # Unpriv §26.5.4: the all-zero parcel is defined illegal
  TEST_ILLEGAL 2, 0x0004, .2byte 0x0004                         # Unpriv §26.5: C.ADDI4SPN with nzuimm = 0 is reserved
  TEST_ILLEGAL 3, 0x6101, .2byte 0x6101                         # Unpriv §26.5: C.ADDI16SP with nzimm = 0 is reserved
  TEST_ILLEGAL 4, 0x6081, .2byte 0x6081                         # Unpriv §26.5: C.LUI with nzimm = 0 is reserved
  TEST_ILLEGAL 5, 0x4002, .2byte 0x4002                         # Unpriv §26.3.1: C.LWSP with rd = x0 is reserved
  TEST_ILLEGAL 6, 0x6002, .2byte 0x6002                         # Unpriv §26.3.1: C.LDSP with rd = x0 is reserved
  TEST_ILLEGAL 7, 0x8002, .2byte 0x8002                         # Unpriv §26.4: C.JR with rs1 = x0 is reserved
  TEST_ILLEGAL 8, 0x2001, .2byte 0x2001                         # Unpriv §26.5: C.ADDIW with rd = x0 is reserved (RV64)
  TEST_ILLEGAL 9, 0x9000, .2byte 0x9000                         # Unpriv §26.8: quadrant 0, funct3 = 100, bit 12 set is reserved
  TEST_ILLEGAL 10, 0x9c7d, .2byte 0x9c7d                        # Unpriv §26.8: CA-format funct6 = 100111, funct2 = 11, bits 4:2 = 111 is reserved

RVHV_CODE_END
