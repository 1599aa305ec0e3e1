/* sbi-guest: a bare-metal guest that calls every function of every SBI
 * extension the hypervisor implements, with good and bad arguments. Each
 * check prints one PASS/FAIL line; then `sbi-guest: N passed, M failed`
 * and an SRST shutdown whose reason is none or system failure (SBI v2.0
 * §10.1), so the hypervisor's process exits 0 or 1. */
#include "guest.h"

struct machine machine = MACHINE_DEFAULTS;

static void finish(void) __attribute__((noreturn));
static void finish(void) {
    print("sbi-guest: %u passed, %u failed\n", checks_passed, checks_failed);
    shutdown(checks_failed != 0);
}

/* Hart 0 enters as an SBI implementation enters a kernel: a0 = hartid,
 * a1 = the device tree, satp = 0, sstatus.SIE = 0. */
static void test_boot(void) {
    check_begin("boot/entry-a0-hartid");
    expect_eq(boot_regs.a0, 0, "a0 at _start");
    check_end();

    check_begin("boot/entry-satp-sie");
    expect_eq(boot_regs.satp, 0, "satp at _start");
    expect_eq(boot_regs.sstatus & SSTATUS_SIE, 0, "sstatus.SIE at _start");
    check_end();

    check_begin("boot/device-tree");
    const char *why = fdt_read_machine(boot_regs.a1, &machine);
    expect_that(why == 0, "the device tree at a1 = 0x%lx got %s expected /memory, /cpus/cpu@N, timebase-frequency",
                boot_regs.a1, why);
    check_end();
    print("sbi-guest: %lu harts, RAM 0x%lx..0x%lx, time at %lu Hz\n", machine.harts, machine.ram_base, RAM_END,
          machine.timebase);
}

/* No trap is expected, on any hart: it fails the run at once. */
void trap_handler(struct frame *f) {
    print("FAIL trap/unexpected: scause got 0x%lx expected no trap (sepc 0x%lx, stval 0x%lx, during %s)\n",
          csr_read(scause), f->sepc, csr_read(stval), check_current ? check_current : "no check");
    checks_failed++;
    finish();
}

void guest_main(unsigned long hartid, unsigned long dtb) {
    (void)hartid, (void)dtb; /* as boot_regs holds them */
    print("sbi-guest: SBI v2.0 checks\n");
    test_boot();
    test_base();
    test_legacy();
    test_dbcn();
    test_time();
    test_ipi();
    test_rfence();
    test_sta();
    test_hsm();
    test_srst(); /* last: a wrong answer there may end the run */
    finish();
}
