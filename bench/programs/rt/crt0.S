/* Start-up for the benchmark programs: bare M-mode at the start of RAM.
 * Sets up gp, sp, the FPU and .bss, calls main, then reports its return value
 * through HTIF: tohost = (code << 1) | 1, so 0 (pass) becomes 1. A trap also
 * ends the run, with code 1000 + mcause, instead of looping into mtvec. */
    .section .text.init, "ax", @progbits
    .globl _start
_start:
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    la      sp, __stack_top
    la      t0, trap
    csrw    mtvec, t0
    /* Priv §3.1.6.6: FP instructions are illegal while mstatus.FS is Off;
       set it to Initial (01). */
    li      t0, 1 << 13
    csrs    mstatus, t0
    fscsr   zero
    la      t0, __bss_start
    la      t1, __bss_end
1:  bgeu    t0, t1, 2f
    sd      zero, 0(t0)
    addi    t0, t0, 8
    j       1b
2:  call    main
exit:
    slli    a0, a0, 1
    ori     a0, a0, 1
    la      t0, tohost
    sd      a0, 0(t0)
3:  j       3b

    .align  2
trap:
    csrr    a0, mcause
    addi    a0, a0, 1000
    j       exit

    /* HTIF mailboxes, found by the host through these symbols. */
    .section .tohost, "aw", @progbits
    .align  6
    .globl  tohost
    .type   tohost, @object
    .size   tohost, 8
tohost:
    .dword  0
    .align  6
    .globl  fromhost
    .type   fromhost, @object
    .size   fromhost, 8
fromhost:
    .dword  0
