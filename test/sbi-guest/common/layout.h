/* What C and assembly share about the trap vector (its frame, its
 * stacks) and about entry points (the record of the registers a hart
 * arrived with). */
#ifndef SBI_GUEST_LAYOUT_H
#define SBI_GUEST_LAYOUT_H

/* frame: x0..x31 (x0's slot unused; x2 holds the interrupted sp), sepc,
 * and the sscratch to restore on the way out. */
#define FRAME_SEPC (32 * 8)
#define FRAME_SSCRATCH (33 * 8)
#define FRAME_SIZE (34 * 8) /* a multiple of 16: the frame lives on the stack */

/* Each hart takes its traps on a stack of its own, whatever sp holds:
 * sscratch is the top of trap stack (hartid & (TRAP_STACKS - 1)). */
#define TRAP_STACKS 4 /* a power of two */
#define TRAP_STACK_SHIFT 12

/* entry_regs: what a hart found at an entry point, saved before any code
 * could change it. */
#define ENTRY_A0 0
#define ENTRY_A1 8
#define ENTRY_SSTATUS 16
#define ENTRY_SATP 24
#define ENTRY_SIZE 32

#ifdef __ASSEMBLER__
/* Saves a0, a1, sstatus and satp in the struct entry_regs at \record. Uses t0, t1. */
.macro RECORD_ENTRY record
    la t0, \record
    sd a0, ENTRY_A0(t0)
    sd a1, ENTRY_A1(t0)
    csrr t1, sstatus
    sd t1, ENTRY_SSTATUS(t0)
    csrr t1, satp
    sd t1, ENTRY_SATP(t0)
.endm

/* sscratch = the top of trap stack (\index & (TRAP_STACKS - 1)), \index a
 * register. Uses t0, t1. */
.macro SET_TRAP_STACK index
    andi t0, \index, TRAP_STACKS - 1
    addi t0, t0, 1
    slli t0, t0, TRAP_STACK_SHIFT
    la t1, trap_stacks
    add t0, t0, t1
    csrw sscratch, t0
.endm
#else
struct frame {
    unsigned long x[32];
    unsigned long sepc;
    unsigned long sscratch;
};

struct entry_regs {
    unsigned long a0, a1, sstatus, satp;
};

_Static_assert(sizeof(struct frame) == FRAME_SIZE, "frame layout");
_Static_assert(__builtin_offsetof(struct frame, sepc) == FRAME_SEPC, "frame layout");
_Static_assert(__builtin_offsetof(struct frame, sscratch) == FRAME_SSCRATCH, "frame layout");
_Static_assert(__builtin_offsetof(struct entry_regs, satp) == ENTRY_SATP, "entry_regs layout");
_Static_assert(sizeof(struct entry_regs) == ENTRY_SIZE, "entry_regs layout");
#endif

#endif
