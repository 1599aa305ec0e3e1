/* Bounded waits. Whatever a check waits for (an interrupt, another hart, a
 * hart state) must come within WAIT_SECONDS by the time CSR, or the check
 * fails: a broken SBI call does not hang the run. Only a WFI the hypervisor
 * never ends could block past the deadline, so each WFI wait comes after a
 * spinning wait has shown that the event it waits for does arrive. */
#include "guest.h"

unsigned long ticks(unsigned long ms) { return machine.timebase / 1000 * ms; }

static unsigned long deadline(void) { return rdtime() + ticks(WAIT_SECONDS * 1000); }

int wait_sip(unsigned long bits, enum wait_mode mode) {
    unsigned long end = deadline();
    while (!(csr_read(sip) & bits)) {
        if (rdtime() >= end) return 0;
        if (mode == WFI) wfi();
    }
    return 1;
}

int wait_flag(volatile long *flag) {
    unsigned long end = deadline();
    while (!*flag) {
        if (rdtime() >= end) return 0;
    }
    fence(); /* what the other hart wrote before the flag */
    return 1;
}

struct sbiret wait_hart_status(unsigned long hartid, long want) {
    unsigned long end = deadline();
    for (;;) {
        struct sbiret r = sbi1(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, hartid);
        if ((r.error == SBI_SUCCESS && r.value == want) || rdtime() >= end) return r;
    }
}
