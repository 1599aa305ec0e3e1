/* gdb-guest's entry (VS-mode, a0 = hart id, a1 = the device tree, satp = 0):
   a stack, then guest_main, which ends the run through SBI SRST. */
    .section .text.entry, "ax"
    .globl _start
_start:
    la sp, stack_top
    call guest_main
1:  wfi
    j 1b
