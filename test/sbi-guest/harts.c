/* Secondary harts (SBI v2.0 §9): hart 0 starts one at a time with a task;
 * the secondary arms it, says `ready`, does it, says `done`, and calls
 * hart_stop. hart 0 reads everything else from the mailbox and from
 * secondary_entry_regs. */
#include "guest.h"

struct secondary_mailbox secondary;

struct sbiret start_secondary(unsigned long hartid, enum secondary_task task, unsigned long opaque) {
    memset((void *)&secondary, 0, sizeof secondary);
    memset(&secondary_entry_regs, 0xff, sizeof secondary_entry_regs);
    secondary.task = task;
    fence();
    return sbi3(SBI_EXT_HSM, SBI_HSM_HART_START, hartid, (unsigned long)secondary_entry, opaque);
}

void secondary_main(void) {
    long task = secondary.task;
    csr_write(sie, 0);
    csr_clear(sip, SIP_SSIP); /* an IPI that came while this hart was stopped */
    if (task != TASK_STOP) csr_set(sie, SIE_SSIE);
    fence();
    secondary.ready = 1;

    if (task == TASK_WAIT_IPI) secondary.ipi_seen = wait_sip(SIP_SSIP, WFI);
    if (task == TASK_SUSPEND) {
        /* §9.4: returns once an interrupt enabled in sie is pending, whatever sstatus.SIE. */
        secondary.suspend_error = sbi3(SBI_EXT_HSM, SBI_HSM_HART_SUSPEND, SBI_HSM_SUSPEND_RETENTIVE, 0, 0).error;
        secondary.ipi_seen = (csr_read(sip) & SIP_SSIP) != 0;
    }
    csr_write(sie, 0);
    csr_clear(sip, SIP_SSIP);
    fence();
    secondary.done = 1;

    /* §9.2: called with supervisor interrupts off; it returns only on failure. */
    secondary.stop_error = sbi0(SBI_EXT_HSM, SBI_HSM_HART_STOP).error;
    fence();
    secondary.stop_returned = 1;
    for (;;) wfi();
}
