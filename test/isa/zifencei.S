# Zifencei (Unpriv §6): after FENCE.I, instruction fetches on the same hart
# see all earlier stores to instruction memory. Only this guaranteed
# behaviour is checked (what a hart fetches without FENCE.I is unspecified).
#include "rvhv-test.h"

#define ADDI_A0_1 0x00100513   /* addi a0, zero, 1 */
#define ADDI_A0_2 0x00200513   /* addi a0, zero, 2 */
#define ADDI_A0_5 0x00500513   /* addi a0, zero, 5 */
#define ADDI_A0_6 0x00600513   /* addi a0, zero, 6 */
#define CLI_A0_4_CNOP 0x00014511  /* c.li a0, 4 ; c.nop */

RVHV_CODE_BEGIN

  CASE 1                                                        # Unpriv §6: a routine already executed, rewritten, then FENCE.I: the new code runs
  call patch_fn
  CHECK a0, 1
  la a1, patch_fn
  li a2, ADDI_A0_2
  sw a2, 0(a1)
  fence.i
  call patch_fn
  CHECK a0, 2

  CASE 2                                                        # Unpriv §6: a 32-bit instruction replaced by two 16-bit ones
  la a1, patch_fn
  li a2, CLI_A0_4_CNOP
  sw a2, 0(a1)
  fence.i
  call patch_fn
  CHECK a0, 4

  CASE 3                                                        # Unpriv §6: the instruction right after FENCE.I, on the same page, was rewritten before it
  la a1, 1f
  li a2, ADDI_A0_5
  sw a2, 0(a1)
  fence.i
  .option push
  .option norvc
1:
  addi a0, zero, 9
  .option pop
  CHECK a0, 5

  CASE 4                                                        # Unpriv §6: code in a data page, written then executed after FENCE.I
  la a1, data_code
  li a2, ADDI_A0_6
  sw a2, 0(a1)
  fence.i
  jalr ra, 0(a1)
  CHECK a0, 6

  CASE 5                                                        # Unpriv §6: a loop body rewritten between iterations (each write followed by FENCE.I)
  li s1, 0                                                      # sum of a0 over two iterations
  li s2, 2
  la a1, 2f
  li a2, ADDI_A0_1
  sw a2, 0(a1)
  fence.i
3:
  .option push
  .option norvc
2:
  addi a0, zero, 0
  .option pop
  add s1, s1, a0
  li a2, ADDI_A0_5
  sw a2, 0(a1)
  fence.i
  addi s2, s2, -1
  bnez s2, 3b
  CHECK s1, 6                                                   # 1 + 5

  CASE 6                                                        # Unpriv §6: a halfword store that rewrites half of a 32-bit instruction
  la a1, 4f
  li a2, 0x0070                                                 # low half: addi a0, zero, 7 is 0x00700513
  sh a2, 2(a1)
  fence.i
  .option push
  .option norvc
4:
  addi a0, zero, 3                                              # 0x00300513
  .option pop
  CHECK a0, 7

RVHV_CODE_END

  .text
  .option push
  .option norvc
  .balign 4
patch_fn:
  addi a0, zero, 1
  ret
  .option pop

  .data
  .balign 4
data_code:
  .4byte 0x00000013                                             # nop, rewritten by case 4
  .4byte 0x00008067                                             # ret
