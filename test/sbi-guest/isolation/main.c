/* sbi-isolation: a guest that scans its guest-physical address space.
 * Run beside other guests (each with a different RAM size), it must find
 * its own RAM readable and holding only what it wrote itself, its emulated
 * UART answering, and everything else — every other MiB below 4 GiB, and
 * addresses up to the G-stage's width and beyond — an access fault (Priv
 * §3.7.1: what a real machine raises where nothing is; the hypervisor
 * turns the guest-page fault into it); a hypervisor CSR, the illegal
 * instruction it would be without H. Ends with
 * "isolation: N passed, M failed" and an SRST shutdown. */
#include "../common/rt.h"

#define MiB (1ul << 20)
#define PAGE 4096ul
#define UART_BASE 0x10000000ul
#define UART_SIZE 0x100ul
#define EXC_STORE_ACCESS_FAULT 7

static unsigned long passed, failed;

/* The probe in flight: the address whose fault is expected, and what happened. */
static volatile unsigned long probe_addr;
static volatile unsigned long probe_cause; /* 0: no trap */
static volatile unsigned long probe_tval;
static volatile int expect_illegal;

#define EXC_ILLEGAL_INSTRUCTION 2
/* csrr t0, hstatus (0x600): a hypervisor CSR, which VS-mode may not touch. */
#define CSRR_T0_HSTATUS 0x600022f3u

static void check(int ok, const char *name, const char *fmt, unsigned long got, unsigned long expected) {
    if (ok) {
        passed++;
        print("PASS isolation/%s\n", name);
    } else {
        failed++;
        print("FAIL isolation/%s: ", name);
        print(fmt, got, expected);
        print("\n");
    }
}

/* A load or store that may fault: 32-bit encodings only, so the trap
 * handler skips it with sepc += 4. */
static unsigned long load64(unsigned long addr) {
    unsigned long v;
    asm volatile(".option push\n.option norvc\nld %0, 0(%1)\n.option pop" : "=r"(v) : "r"(addr) : "memory");
    return v;
}

static void store64(unsigned long addr, unsigned long v) {
    asm volatile(".option push\n.option norvc\nsd %0, 0(%1)\n.option pop" ::"r"(v), "r"(addr) : "memory");
}

static unsigned long load8(unsigned long addr) {
    unsigned long v;
    asm volatile(".option push\n.option norvc\nlbu %0, 0(%1)\n.option pop" : "=r"(v) : "r"(addr) : "memory");
    return v;
}

void trap_handler(struct frame *f) {
    unsigned long cause = csr_read(scause);
    unsigned long tval = csr_read(stval);
    if ((cause == EXC_LOAD_ACCESS_FAULT || cause == EXC_STORE_ACCESS_FAULT) && tval == probe_addr) {
        probe_cause = cause;
        f->sepc += 4;
        return;
    }
    if (cause == EXC_ILLEGAL_INSTRUCTION && expect_illegal) {
        probe_cause = cause;
        probe_tval = tval;
        f->sepc += 4;
        return;
    }
    print("FAIL trap/unexpected: scause %lx sepc %lx stval %lx\n", cause, f->sepc, tval);
    shutdown(1);
}

/* Reads (or writes) addr expecting an access fault; returns whether it came. */
static int faults(unsigned long addr, int store) {
    probe_addr = addr;
    probe_cause = 0;
    if (store)
        store64(addr, 0x5a5a5a5a5a5a5a5aul);
    else
        (void)load64(addr);
    probe_addr = ~0ul;
    return probe_cause == (store ? EXC_STORE_ACCESS_FAULT : EXC_LOAD_ACCESS_FAULT);
}

/* What this guest writes into each of its pages: its RAM size (different
 * in every guest of the test) and the page's index. */
static unsigned long pattern(const struct machine *m, unsigned long page) {
    return 0x15a7000000000000ul | (m->ram_size / MiB) << 32 | page;
}

void guest_main(unsigned long hartid, unsigned long dtb) {
    (void)hartid;
    struct machine m = MACHINE_DEFAULTS;
    const char *why = fdt_read_machine(dtb, &m);
    if (why != 0) {
        print("FAIL isolation/device-tree: %s\n", why);
        shutdown(1);
    }
    unsigned long ram_end = m.ram_base + m.ram_size;
    unsigned long first = ((unsigned long)image_end + PAGE - 1) & ~(PAGE - 1);
    print("isolation: RAM %lx..%lx\n", m.ram_base, ram_end);

    /* 1. Own RAM: write every page, then read every page back. */
    for (unsigned long a = first; a < ram_end; a += PAGE) store64(a, pattern(&m, (a - m.ram_base) / PAGE));
    unsigned long bad = 0, pages = 0;
    for (unsigned long a = first; a < ram_end; a += PAGE, pages++) {
        if (load64(a) != pattern(&m, (a - m.ram_base) / PAGE)) bad++;
    }
    check(bad == 0 && pages > 0, "own-ram", "%lu pages differ from what this guest wrote (of %lu)", bad, pages);

    /* 2. The emulated UART answers: LSR (offset 5) shows the transmitter empty. */
    probe_cause = 0;
    unsigned long lsr = load8(UART_BASE + 5);
    check(probe_cause == 0 && (lsr & 0x60) == 0x60, "uart", "LSR %lx expected THRE|TEMT (%lx)", lsr, 0x60);

    /* 3. Every other MiB below 4 GiB: loads fault, and so do stores. */
    unsigned long probes = 0, faulted = 0;
    for (unsigned long a = 0; a < (4ul << 30); a += MiB) {
        if (a >= m.ram_base && a < ram_end) continue;
        if (a >= UART_BASE && a < UART_BASE + UART_SIZE) continue;
        probes++;
        if (faults(a, 0)) faulted++;
    }
    check(faulted == probes, "below-4g-loads", "%lu of the other MiBs faulted (of %lu)", faulted, probes);
    unsigned long stores = 0, store_faults = 0;
    for (unsigned long a = 64 * MiB; a < (4ul << 30); a += 64 * MiB) {
        if (a >= m.ram_base && a < ram_end) continue;
        if (a >= UART_BASE && a < UART_BASE + UART_SIZE) continue;
        stores++;
        if (faults(a, 1)) store_faults++;
    }
    check(store_faults == stores, "below-4g-stores", "%lu stores faulted (of %lu)", store_faults, stores);

    /* 4. Just past the end of RAM, and far above: up to and beyond the
     * G-stage's reach (Sv39x4: 41 bits of guest-physical address). */
    unsigned long high = 0, high_faults = 0;
    unsigned long edges[] = {ram_end, ram_end + 8, ram_end + PAGE, ram_end + 2 * MiB, m.ram_base - 8};
    for (unsigned i = 0; i < sizeof edges / sizeof edges[0]; i++, high++) high_faults += faults(edges[i], 0);
    for (unsigned bit = 32; bit < 63; bit++, high++) high_faults += faults(1ul << bit, 0);
    high_faults += faults((1ul << 41) - 8, 0);
    high++;
    check(high_faults == high, "edges-and-high", "%lu faulted (of %lu)", high_faults, high);

    /* 5. A hypervisor CSR from VS-mode is a virtual-instruction exception (Priv
     * §9.6.1) the hypervisor delivers to the guest as the illegal instruction
     * it would be on a hart without H, with the instruction in stval. */
    expect_illegal = 1;
    probe_cause = 0;
    asm volatile(".option push\n.option norvc\n.word " STR(CSRR_T0_HSTATUS) "\n.option pop" ::: "t0", "memory");
    expect_illegal = 0;
    check(probe_cause == EXC_ILLEGAL_INSTRUCTION && probe_tval == CSRR_T0_HSTATUS, "hypervisor-csr",
          "stval %lx expected %lx", probe_tval, CSRR_T0_HSTATUS);

    /* 6. Own RAM is still as this guest left it (nothing wrote into it meanwhile). */
    bad = 0;
    for (unsigned long a = first; a < ram_end; a += PAGE) {
        if (load64(a) != pattern(&m, (a - m.ram_base) / PAGE)) bad++;
    }
    check(bad == 0, "own-ram-unchanged", "%lu pages changed (of %lu)", bad, pages);

    print("isolation: %lu passed, %lu failed\n", passed, failed);
    shutdown(failed != 0);
}
