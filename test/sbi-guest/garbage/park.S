/* The start address given in place of any random start_addr that lies in
 * guest RAM: a hart that hart_start sends here stops again (SBI v2.0 §9.2).
 * It needs no stack and no trap vector. */
#include "../common/sbi.h"

    .text
    .balign 4
    .globl park
park:
    li a7, SBI_EXT_HSM
    li a6, SBI_HSM_HART_STOP
    ecall
1:  wfi                             /* hart_stop failed: stay out of the way */
    j 1b
