/* Where HSM sends a hart (SBI v2.0 §9): secondary_entry, hart_start's
 * start_addr, and hsm_resume_entry, the resume_addr of a non-retentive
 * hart_suspend, with hsm_suspend() that makes that call. Both entries
 * record a0 (hartid), a1 (opaque), sstatus and satp first (§9.1, §9.4:
 * satp = 0 and sstatus.SIE = 0 there), then set sscratch and stvec for the
 * trap vector: nothing else of the hart's state is defined on arrival. */
#include "common/layout.h"
#include "common/sbi.h"
#include "hsm-entry.h"

    .text
    .globl secondary_entry
secondary_entry:
    RECORD_ENTRY secondary_entry_regs
    fence rw, rw
    SET_TRAP_STACK a0
    la t0, trap_vector
    csrw stvec, t0
    andi t0, a0, SECONDARY_STACKS - 1   /* any a0 picks a stack */
    addi t0, t0, 1
    slli t0, t0, SECONDARY_STACK_SHIFT
    la sp, secondary_stacks
    add sp, sp, t0
    call secondary_main                 /* never returns */
1:  wfi
    j 1b

/* long hsm_suspend(type, resume_addr, opaque): the callee-saved registers
 * go to suspend_ctx, where hsm_resume_entry finds them. */
    .globl hsm_suspend
hsm_suspend:
    la t0, suspend_ctx
    sd ra, 0(t0)
    sd sp, 8(t0)
    sd s0, 16(t0)
    sd s1, 24(t0)
    .irp n, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    sd s\n, (16 + \n * 8)(t0)
    .endr
    li a7, SBI_EXT_HSM
    li a6, SBI_HSM_HART_SUSPEND
    ecall
    ret                                 /* retentive, or refused: a0 = the error */

    .globl hsm_resume_entry
hsm_resume_entry:
    RECORD_ENTRY resume_entry_regs
    SET_TRAP_STACK a0
    la t0, trap_vector
    csrw stvec, t0
    la t0, suspend_ctx
    ld ra, 0(t0)
    ld sp, 8(t0)
    ld s0, 16(t0)
    ld s1, 24(t0)
    .irp n, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    ld s\n, (16 + \n * 8)(t0)
    .endr
    li a0, SUSPEND_RESUMED
    ret                                 /* from hsm_suspend */

    .bss
    .balign 8
    .globl secondary_entry_regs, resume_entry_regs
secondary_entry_regs:
    .skip ENTRY_SIZE
resume_entry_regs:
    .skip ENTRY_SIZE
suspend_ctx:                            /* ra, sp, s0..s11 */
    .skip 14 * 8
    .balign 16
secondary_stacks:
    .skip SECONDARY_STACKS << SECONDARY_STACK_SHIFT
