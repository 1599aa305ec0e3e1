/* void ecall_all(unsigned long x[32]): loads x5..x31 from x[5..31], runs
 * one ECALL, and stores x5..x31 back into x[5..31], so that C can see
 * every register an SBI call changed: all but a0 and a1 must be preserved
 * (SBI v2.0 §3), all but a0 by a legacy call (§5). The caller's ra, sp and
 * callee-saved registers survive; gp and tp are not touched. The ECALL is
 * at the global label ecall_all_ecall, for a trap handler to recognise. */
    .text
    .globl ecall_all, ecall_all_ecall
ecall_all:
    addi sp, sp, -112
    sd ra, 0(sp)
    sd s0, 8(sp)
    sd s1, 16(sp)
    .irp n, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    sd s\n, (8 + \n * 8)(sp)
    .endr
    sd a0, 104(sp)
    mv ra, a0
    .irp n, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    ld x\n, (\n * 8)(ra)
    .endr
ecall_all_ecall:
    ecall
    ld ra, 104(sp)
    .irp n, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    sd x\n, (\n * 8)(ra)
    .endr
    ld ra, 0(sp)
    ld s0, 8(sp)
    ld s1, 16(sp)
    .irp n, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    ld s\n, (8 + \n * 8)(sp)
    .endr
    addi sp, sp, 112
    ret
