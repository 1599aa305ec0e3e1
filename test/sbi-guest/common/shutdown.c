/* The end of a run: SRST system_reset, type shutdown, reason none or
 * system failure (SBI v2.0 §10.1); the hypervisor's process exits 0 or 1.
 * Should that return, a FAIL line says so (the legacy shutdown that
 * follows, §5.9, cannot carry the reason), and the hart waits forever. */
#include "rt.h"

void shutdown(int failed) {
    struct sbiret r = sbi2(SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET, SBI_SRST_TYPE_SHUTDOWN,
                           failed ? SBI_SRST_REASON_SYSTEM_FAILURE : SBI_SRST_REASON_NONE);
    print("FAIL srst/shutdown: system_reset(shutdown) error got %ld expected no return\n", r.error);
    sbi_legacy(SBI_EXT_LEGACY_SHUTDOWN, 0, 0, 0, 0);
    for (;;) wfi();
}
