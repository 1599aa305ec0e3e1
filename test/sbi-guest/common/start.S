/* The boot hart's entry and the trap vector, for both guests.
 *
 * The hypervisor enters _start on hart 0 in S-mode (VS to the hypervisor)
 * with a0 = hartid, a1 = the device tree, satp = 0 and sstatus.SIE = 0, as
 * an SBI implementation enters a kernel. The guests never take an
 * interrupt (SIE stays 0: pending interrupts are read from sip), so every
 * trap is an exception the program's trap_handler decides about. */
#include "layout.h"

    .section .text.entry, "ax"
    .globl _start
_start:
    la t0, bss_start
    la t1, bss_end
1:  bgeu t0, t1, 2f
    sd zero, 0(t0)
    addi t0, t0, 8
    j 1b
2:  RECORD_ENTRY boot_regs
    SET_TRAP_STACK zero
    la t0, trap_vector
    csrw stvec, t0
    la sp, boot_stack_top
    call guest_main             /* (hartid, device tree); shuts the system down */
3:  wfi
    j 3b

/* Saves every register in a struct frame on this hart's trap stack, calls
 * trap_handler(frame), and returns to frame->sepc with the frame's
 * registers. sscratch holds the trap stack's top, or 0 while a handler
 * runs: a trap inside the handler then stacks below it. A trap stack of
 * its own keeps a trap reportable when sp itself is what went wrong. */
    .text
    .balign 4
    .globl trap_vector
trap_vector:
    csrrw sp, sscratch, sp          /* sp = the trap stack, sscratch = the interrupted sp */
    bnez sp, 1f
    csrr sp, sscratch               /* a trap inside the handler: below its frames */
1:  addi sp, sp, -FRAME_SIZE
    .irp n, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    sd x\n, (\n * 8)(sp)
    .endr
    csrr t1, sscratch
    sd t1, (2 * 8)(sp)
    addi t0, sp, FRAME_SIZE         /* the trap stack's top, unless nested */
    bne t0, t1, 2f
    li t0, 0
2:  sd t0, FRAME_SSCRATCH(sp)
    csrw sscratch, zero
    csrr t0, sepc
    sd t0, FRAME_SEPC(sp)
    mv a0, sp
    call trap_handler
    ld t0, FRAME_SEPC(sp)
    csrw sepc, t0
    ld t0, FRAME_SSCRATCH(sp)
    csrw sscratch, t0
    .irp n, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    ld x\n, (\n * 8)(sp)
    .endr
    ld sp, (2 * 8)(sp)
    sret

    .bss
    .balign 8
    .globl boot_regs
boot_regs:                      /* struct entry_regs */
    .skip ENTRY_SIZE
    .balign 16
    .skip 16384
boot_stack_top:
    .globl trap_stacks
trap_stacks:
    .skip TRAP_STACKS << TRAP_STACK_SHIFT
