/* hsm-entry.S's interface, for it and for C: the places HSM sends a hart
 * to (SBI v2.0 §9.1 start_addr, §9.4 resume_addr) and hsm_suspend(). */
#ifndef SBI_GUEST_HSM_ENTRY_H
#define SBI_GUEST_HSM_ENTRY_H

#define SECONDARY_STACKS 4 /* a power of two: the stack is picked by a0 & (SECONDARY_STACKS - 1) */
#define SECONDARY_STACK_SHIFT 13
#define SUSPEND_RESUMED 1 /* what hsm_suspend returns after a resume at hsm_resume_entry; no SBI error is positive */

#ifndef __ASSEMBLER__
#include "common/layout.h"

/* start_addr for hart_start: records the entry registers in
 * secondary_entry_regs, then runs secondary_main() (harts.c) on a stack of
 * its own. */
void secondary_entry(void);
extern struct entry_regs secondary_entry_regs;
void secondary_main(void) __attribute__((noreturn));

/* hart_suspend(type, resume_addr, opaque) from C. A retentive suspend, or
 * an error, returns the SBI error. A resume at hsm_resume_entry records
 * the entry registers in resume_entry_regs, sets stvec again, and returns
 * SUSPEND_RESUMED from this call with its callee-saved registers back. */
long hsm_suspend(unsigned long type, unsigned long resume_addr, unsigned long opaque);
void hsm_resume_entry(void);
extern struct entry_regs resume_entry_regs;
#endif

#endif
