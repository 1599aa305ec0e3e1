/* sbi-garbage: a guest that passes garbage to every SBI call and survives.
 * For each extension id (the legacy range 0x00..0x0f, every extension the
 * hypervisor implements, some it does not, two random ones per round) and
 * each function id (0..8 and three random large ones), ROUNDS times over,
 * it makes an ECALL with pseudo-random a0..a5 and every other register
 * random too (args.c says what is kept out). Each call must return with
 * the registers an SBI call preserves intact (SBI v2.0 §3; §5 for legacy
 * calls) and, but for the legacy functions 0x00..0x08 whose a0 is their
 * own, an SBI error in a0. Then `sbi-garbage: N calls, all returned` and
 * an SRST shutdown with no reason (or a count of bad calls and reason
 * system failure). */
#include "garbage.h"

#define ROUNDS 13
#define FIRST_REPORTS 20 /* bad calls printed in full */

static const unsigned long fixed_eids[] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
    SBI_EXT_BASE, SBI_EXT_TIME, SBI_EXT_IPI, SBI_EXT_RFENCE, SBI_EXT_HSM, SBI_EXT_SRST, SBI_EXT_DBCN, SBI_EXT_STA,
    SBI_EXT_PMU, SBI_EXT_EXPERIMENTAL_FIRST, SBI_EXT_VENDOR_FIRST, SBI_EXT_FIRMWARE_FIRST, 0x12345678, 0xffffffff,
};
#define N_FIXED_EIDS (sizeof fixed_eids / sizeof fixed_eids[0])
#define RANDOM_EIDS 2
#define FIXED_FIDS 9
#define RANDOM_FIDS 3

static unsigned long calls, bad;
static volatile int trapped;
static volatile unsigned long trap_cause;

static void finish(void) __attribute__((noreturn));
static void finish(void) {
    if (bad == 0) print("\nsbi-garbage: %lu calls, all returned\n", calls);
    else print("\nsbi-garbage: %lu calls, %lu bad\n", calls, bad);
    shutdown(bad != 0);
}

/* Only a trap at the ECALL of ecall_all is survivable: §5 lets a legacy
 * call that reads guest memory redirect its fault to the supervisor with
 * sepc at the ECALL. It is skipped and judged by the caller. */
void trap_handler(struct frame *f) {
    unsigned long cause = csr_read(scause);
    if (f->sepc == (unsigned long)ecall_all_ecall && !(cause & SCAUSE_INTERRUPT)) {
        trapped = 1;
        trap_cause = cause;
        f->sepc += 4;
        return;
    }
    print("\nFAIL trap/unexpected: scause got 0x%lx expected no trap (sepc 0x%lx, stval 0x%lx)\n", cause, f->sepc,
          csr_read(stval));
    bad++;
    finish();
}

static int is_legacy_function(unsigned e) { return e <= SBI_EXT_LEGACY_SHUTDOWN; }

/* §5.5..§5.8: the legacy calls that take a hart mask by address. */
static int reads_memory(unsigned e) {
    return e >= SBI_EXT_LEGACY_SEND_IPI && e <= SBI_EXT_LEGACY_REMOTE_SFENCE_VMA_ASID;
}

static int memory_fault(unsigned long cause) {
    return cause == EXC_LOAD_ACCESS_FAULT || cause == EXC_LOAD_PAGE_FAULT;
}

static void report(const unsigned long *in, const char *what, unsigned long got, const char *expected) {
    if (++bad > FIRST_REPORTS) return;
    print("\nFAIL garbage/call-%lu: %s got 0x%lx expected %s (EID 0x%lx FID 0x%lx a0..a5 0x%lx 0x%lx 0x%lx 0x%lx 0x%lx "
          "0x%lx)\n",
          calls, what, got, expected, in[17], in[16], in[10], in[11], in[12], in[13], in[14], in[15]);
}

static void judge(const unsigned long *in, const unsigned long *out) {
    unsigned e = (unsigned)in[17];
    if (trapped) {
        if (!(reads_memory(e) && memory_fault(trap_cause)))
            report(in, "a trap with scause", trap_cause, "a return");
        return;
    }
    long a0 = (long)out[10];
    if (!is_legacy_function(e) && (a0 < SBI_ERR_LOWEST || a0 > SBI_SUCCESS)) report(in, "a0", out[10], "-9..0");
    for (int i = 5; i < 32; i++) {
        if (i == 10 || (i == 11 && !is_legacy_function(e))) continue;
        if (out[i] != in[i]) {
            char what[24];
            snprint(what, sizeof what, "x%d", i);
            report(in, what, out[i], "unchanged");
            return;
        }
    }
}

static void call(unsigned long eid, unsigned long fid) {
    unsigned long x[32] = {0}, in[32];
    for (int i = 5; i < 32; i++) x[i] = random64();
    x[16] = fid;
    x[17] = eid;
    if (!make_args(eid, fid, x)) return;
    memcpy(in, x, sizeof x);
    trapped = 0;
    ecall_all(x);
    calls++;
    judge(in, x);
}

static void round_of_calls(void) {
    unsigned long eids[N_FIXED_EIDS + RANDOM_EIDS], fids[FIXED_FIDS + RANDOM_FIDS];
    memcpy(eids, fixed_eids, sizeof fixed_eids);
    eids[N_FIXED_EIDS] = random64() & 0xffffffff;
    eids[N_FIXED_EIDS + 1] = random64();
    for (unsigned i = 0; i < FIXED_FIDS; i++) fids[i] = i;
    fids[FIXED_FIDS] = (random64() & 0xffffffff) | 0x100;
    fids[FIXED_FIDS + 1] = random64() | 0x80000000; /* negative as a 32-bit id */
    fids[FIXED_FIDS + 2] = random64();
    for (unsigned i = 0; i < sizeof eids / sizeof eids[0]; i++)
        for (unsigned j = 0; j < sizeof fids / sizeof fids[0]; j++) call(eids[i], fids[j]);
}

void guest_main(unsigned long hartid, unsigned long dtb) {
    (void)hartid;
    struct machine m = MACHINE_DEFAULTS;
    const char *why = fdt_read_machine(dtb, &m);
    if (why) print("sbi-garbage: %s: assuming RAM 0x%lx + 0x%lx\n", why, m.ram_base, m.ram_size);
    args_init(&m);
    print("sbi-garbage: %d rounds of random arguments to every SBI call\n", ROUNDS);
    for (int r = 0; r < ROUNDS; r++) round_of_calls();
    finish();
}
