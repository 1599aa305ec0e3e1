/* The checks, in the shape of the public H test suites: a table of test
 * functions, each a few CHECKs, one PASS/FAIL line per test. Most run
 * twice: first with the hypervisor in M-mode ("m/"), then in HS-mode
 * ("hs/"). The summary line and the syscon's power-off code end the run. */
#include "hyp.h"

#define AT_M (1u << LVL_M)
#define AT_HS (1u << LVL_HS)
#define AT_BOTH (AT_M | AT_HS)

struct test {
    const char *name;
    void (*run)(void);
    unsigned levels;
};

unsigned tests_passed, tests_failed;
static int check_failed, skipped;
static char detail[200];
static uint64_t boot_hartid, boot_dtb;
static struct guest_result gr;

static void check_fail(int line, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void check_fail(int line, const char *fmt, ...) {
    if (check_failed) return;
    check_failed = 1;
    va_list ap;
    va_start(ap, fmt);
    hvsnprintf(detail, sizeof detail - 16, fmt, ap);
    va_end(ap);
    unsigned n = 0;
    while (detail[n]) n++;
    hsnprintf(detail + n, sizeof detail - n, ", line %d", line);
}

/* CHECK(condition, "what went wrong", ...): the first failure is the test's detail. */
#define CHECK(cond, ...)                                   \
    do {                                                   \
        if (!(cond)) check_fail(__LINE__, __VA_ARGS__);    \
    } while (0)

static void skip(const char *why) {
    skipped = 1;
    hsnprintf(detail, sizeof detail, "%s", why);
}

void fatal(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    hvsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    hprintf("FAIL fatal (%s)\n", detail);
    hprintf("virt-hyp: %u passed, %u failed\n", tests_passed, tests_failed + 1);
    poweroff(tests_failed + 1);
}

static enum level L(void) { return hyp_level; }

static int streq(const char *a, const char *b) {
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

/* Runs a guest program; a failure becomes this test's detail. */
static int guest(long program, long arg) {
    guest_run(program, arg, &gr);
    if (gr.end == END_STOPPED) check_fail(0, "the hypervisor stopped the guest: %s", gr.why);
    if (gr.end == END_FAIL) check_fail(0, "guest program %ld: its check %lu failed", program, gr.failed_check);
    return gr.end == END_PASS;
}

static void set_mcounteren(uint64_t v) {
    if (L() == LVL_M) csr_write(mcounteren, v);
    else harness_set_mcounteren(v);
}

static uint64_t marker_offset(void) { return (uintptr_t)&host_marker - HPA_ALIAS; }

/* An expected trap's htinst/mtinst: zero, or the instruction with its
 * Addr. Offset field (bits 19:15) zero (Priv §9.6.3, HLV/HLVX/HSV). */
static int tinst_ok(void) { return expect.t.tinst == 0 || expect.t.tinst == (expect.insn & ~(31u << 15)); }

/* ---- M-mode only: the machine */

/* a0 = hart id, a1 = a flattened device tree (big-endian magic 0xd00dfeed). */
static void t_boot_protocol(void) {
    CHECK(boot_hartid == 0, "a0 = %lu", boot_hartid);
    uint32_t magic = *(volatile uint32_t *)(uintptr_t)boot_dtb;
    CHECK(__builtin_bswap32(magic) == 0xd00dfeed, "no device tree at a1 = 0x%lx (0x%x)", boot_dtb, magic);
}

static void t_misa_h(void) {
    CHECK(csr_read(misa) & MISA_H, "misa = 0x%lx", csr_read(misa));
    csr_write(mideleg, 0);
    uint64_t d = csr_read(mideleg);
    CHECK((d & MIDELEG_VS_BITS) == MIDELEG_VS_BITS, "mideleg = 0x%lx after writing 0: VS bits must read one", d);
}

/* mtime counts, the time CSR reads it, msip drives MSIP, mtimecmp drives MTIP. */
static void t_clint(void) {
    uint64_t a = read_mtime();
    for (volatile int i = 0; i < 2000; i++) {
    }
    uint64_t b = csr_read(time), c = read_mtime();
    CHECK(a < c, "mtime did not advance: 0x%lx then 0x%lx", a, c);
    CHECK(a <= b && b <= c, "time CSR 0x%lx outside mtime [0x%lx, 0x%lx]", b, a, c);
    mmio_write32(CLINT_MSIP(boot_hartid), 1);
    CHECK(csr_read(mip) & MIP_MSIP, "msip = 1 but mip.MSIP = 0");
    mmio_write32(CLINT_MSIP(boot_hartid), 0);
    CHECK(!(csr_read(mip) & MIP_MSIP), "msip = 0 but mip.MSIP = 1");
    mmio_write64(CLINT_MTIMECMP(boot_hartid), read_mtime());
    int seen = 0;
    for (int i = 0; i < 1000 && !seen; i++) seen = (csr_read(mip) & MIP_MTIP) != 0;
    CHECK(seen, "mtimecmp <= mtime but mip.MTIP = 0");
    mmio_write64(CLINT_MTIMECMP(boot_hartid), ~0ul);
    CHECK(!(csr_read(mip) & MIP_MTIP), "mtimecmp = ~0 but mip.MTIP = 1");
}

/* ---- both levels */

/* Sv39x4 is accepted; PPN[1:0] of the 16 KiB-aligned root read zero (Priv §9.2.10). */
static void t_hgatp(void) {
    csr_write(CSR_HGATP, g_hgatp | 3);
    uint64_t v = csr_read(CSR_HGATP);
    csr_write(CSR_HGATP, g_hgatp);
    CHECK(v >> 60 == 8, "hgatp.MODE = %lu after writing Sv39x4", v >> 60);
    CHECK((v & 0xfffffffffff) == (g_hgatp & 0xfffffffffff), "hgatp.PPN = 0x%lx, wrote 0x%lx with PPN[1:0] = 3",
          v & 0xfffffffffff, (g_hgatp & 0xfffffffffff) | 3);
}

static void t_guest_hello(void) {
    unsigned m_ecalls = trap_count[LVL_M][EXC_ECALL_VS];
    if (!guest(GT_HELLO, 0)) return;
    CHECK(streq(guest_console, "guest: hello from VS-mode\n"), "the guest printed \"%s\"", guest_console);
    CHECK(trap_count[L()][EXC_ECALL_VS] > 0, "no ecall reached %s", L() == LVL_M ? "M" : "HS");
    if (L() == LVL_HS) CHECK(trap_count[LVL_M][EXC_ECALL_VS] == m_ecalls, "a delegated ecall reached M");
}

static void t_sbi_base(void) { guest(GT_SBI_BASE, 0); }

static void t_two_stage(void) {
    volatile uint64_t *shared = (volatile uint64_t *)HPA_SHARED;
    uint64_t pattern = 0x5a5aa5a5c3c33c3cul ^ L();
    shared[0] = pattern;
    shared[1] = 0;
    if (!guest(GT_MEMORY, (long)marker_offset())) return;
    CHECK(guest_report[R_SHARED_READ] == pattern, "the guest read 0x%lx through the megapage, expected 0x%lx",
          guest_report[R_SHARED_READ], pattern);
    CHECK(shared[1] == ~pattern, "the guest's write through the megapage reads 0x%lx", shared[1]);
}

/* 2^40 is a valid Sv39x4 GPA: bits 63:41 must be zero, bit 40 is the
 * root index's top bit, not a sign bit (Priv §9.5.1). */
static void t_gpa_bit40(void) { guest(GT_BIT40, (long)marker_offset()); }

/* A guest store to a G-stage read-only page: store guest-page fault with
 * the GVA in xtval (GVA = 1) and the GPA >> 2 in htval/mtval2 (Priv §9.4.4). */
static void t_gstage_write_fault(void) {
    if (!guest(GT_MEMORY, (long)marker_offset())) return;
    uint64_t gva = GVA_X4 + marker_offset(), gpa = GPA_X4 + marker_offset();
    CHECK(gpf.write_protect == 1, "%u write-protect faults", gpf.write_protect);
    CHECK(gpf.t.cause == EXC_STORE_GUEST_PAGE_FAULT, "cause %lu", gpf.t.cause);
    CHECK(gpf.t.tval == gva, "tval 0x%lx, expected the GVA 0x%lx", gpf.t.tval, gva);
    CHECK(gpf.t.tval2 == gpa >> 2, "htval/mtval2 0x%lx, expected 0x%lx", gpf.t.tval2, gpa >> 2);
    CHECK(gpf.t.gva == 1 && gpf.t.from_virt == 1, "GVA %d, MPV/SPV %d", gpf.t.gva, gpf.t.from_virt);
    CHECK(host_marker == HOST_MARKER_VALUE, "the read-only page was written");
}

/* time with V = 1 reads time + htimedelta (Priv §9.2.7). */
static void t_time_htimedelta(void) {
    uint64_t delta = 1ul << 40;
    csr_write(CSR_HTIMEDELTA, delta);
    uint64_t t0 = read_mtime();
    int ok = guest(GT_TIME, 0);
    uint64_t t1 = read_mtime(), g = guest_report[R_TIME];
    csr_write(CSR_HTIMEDELTA, 0);
    if (!ok) return;
    CHECK(g >= t0 + delta && g <= t1 + delta, "guest time 0x%lx outside [0x%lx, 0x%lx]", g, t0 + delta, t1 + delta);
    CHECK(counter_trap.count == 0, "rdtime trapped (cause %lu)", counter_trap.t.cause);
}

/* rdtime in VS with hcounteren.TM = 0 and mcounteren.TM = 1 raises a
 * virtual-instruction exception (Priv §9.2.6); the hypervisor emulates it. */
static void t_time_virtual_insn(void) {
    csr_write(CSR_HCOUNTEREN, COUNTEREN_CY | COUNTEREN_IR);
    csr_write(CSR_HTIMEDELTA, 12345);
    uint64_t t0 = read_mtime();
    int ok = guest(GT_TIME, 0);
    uint64_t t1 = read_mtime(), g = guest_report[R_TIME];
    csr_write(CSR_HCOUNTEREN, COUNTEREN_CY | COUNTEREN_TM | COUNTEREN_IR);
    csr_write(CSR_HTIMEDELTA, 0);
    if (!ok) return;
    CHECK(counter_trap.count == 1, "%u counter traps", counter_trap.count);
    CHECK(counter_trap.t.cause == EXC_VIRTUAL_INSN, "cause %lu, expected 22", counter_trap.t.cause);
    CHECK(counter_trap.t.level == L(), "taken in the wrong mode");
    CHECK(counter_trap.t.tval == 0 || counter_trap.t.tval == counter_trap.insn, "tval 0x%lx is neither 0 nor the instruction",
          counter_trap.t.tval);
    CHECK(g >= t0 + 12345 && g <= t1 + 12345, "emulated time 0x%lx outside [0x%lx, 0x%lx]", g, t0 + 12345, t1 + 12345);
}

/* With mcounteren.TM = 0 the same read is an illegal instruction (Priv §3.1.11). */
static void t_time_illegal(void) {
    set_mcounteren(COUNTEREN_CY | COUNTEREN_IR);
    int ok = guest(GT_TIME, 0);
    set_mcounteren(COUNTEREN_CY | COUNTEREN_TM | COUNTEREN_IR);
    if (!ok) return;
    CHECK(counter_trap.count == 1, "%u counter traps", counter_trap.count);
    CHECK(counter_trap.t.cause == EXC_ILLEGAL_INSN, "cause %lu, expected 2", counter_trap.t.cause);
    CHECK(counter_trap.t.level == L(), "taken in the wrong mode");
}

/* Device accesses fault with the GVA in xtval and GPA >> 2 in htval/mtval2;
 * htinst/mtinst, when not zero, is the transformed instruction. */
static void check_mmio_faults(unsigned loads, unsigned stores) {
    CHECK(gpf.mmio_loads == loads && gpf.mmio_stores == stores, "%u loads, %u stores emulated; expected %u, %u",
          gpf.mmio_loads, gpf.mmio_stores, loads, stores);
    CHECK(!gpf.tinst_mismatch, "tinst 0x%lx for instruction 0x%x, expected 0 or 0x%lx", gpf.bad_tinst, gpf.insn,
          gpf.want_tinst);
    CHECK(gpf.t.level == L() && gpf.t.from_virt == 1 && gpf.t.from_priv == 1, "level %d, V %d, priv %d", gpf.t.level,
          gpf.t.from_virt, gpf.t.from_priv);
    CHECK(gpf.t.gva == 1, "GVA = 0 for a guest-page fault that wrote a GVA");
    CHECK(gpf.t.tval - GVA_DEV < 0x1000 && gpf.t.tval - GVA_DEV == gpf.gpa - GPA_DEV,
          "tval 0x%lx and GPA 0x%lx disagree", gpf.t.tval, gpf.gpa);
    hprintf("INFO %s/mmio: htinst/mtinst held the transformed instruction for %u of %u faults\n",
            L() == LVL_M ? "m" : "hs", gpf.from_tinst, gpf.count);
}

static void t_mmio(void) {
    memset(device_scratch, 0, sizeof device_scratch);
    device_console_len = 0;
    memset(device_console, 0, sizeof device_console);
    if (!guest(GT_MMIO, 0)) return;
    static const char line[] = "guest: hello through the emulated UART\n";
    unsigned n = sizeof line - 1;
    CHECK(streq(device_console, line), "the emulated UART got \"%s\"", device_console);
    uint64_t scratch = 0;
    for (int i = 7; i >= 0; i--) scratch = scratch << 8 | device_scratch[i];
    CHECK(scratch == 0xfedcba9889775566ul, "device scratch 0x%lx", scratch);
    check_mmio_faults(n + 8, n + 4);
}

static void t_mmio_compressed(void) {
    memset(device_scratch, 0, sizeof device_scratch);
    if (!guest(GT_MMIO, 1)) return;
    CHECK(gpf.insn < 0x10000 && (gpf.insn & 3) != 3, "the last fault was not compressed (0x%x)", gpf.insn);
    check_mmio_faults(3, 2);
}

static void check_tick(void) {
    CHECK(guest_report[R_TICK_CAUSE] == (CAUSE_INTERRUPT | IRQ_S_TIMER), "the guest saw scause 0x%lx",
          guest_report[R_TICK_CAUSE]);
    CHECK(guest_report[R_TICK_TIME] >= guest_report[R_TARGET], "the interrupt came at 0x%lx, before 0x%lx",
          guest_report[R_TICK_TIME], guest_report[R_TARGET]);
}

/* SBI set_timer on the host timer (CLINT mtimecmp), MTIP -> hvip.VSTIP ->
 * the guest's STI. In the HS phase M forwards MTIP as STIP first. */
static void t_timer_clint_hvip(void) {
    timer.mode = TIMER_CLINT;
    csr_write(CSR_HTIMEDELTA, 1ul << 36); /* set_timer converts guest time to host time */
    if (L() == LVL_HS && have_sstc) harness_set_stce(0); /* mip.STIP is M's to write only then */
    int ok = guest(GT_TIMER, TIMER_BY_SBI);
    if (L() == LVL_HS && have_sstc) harness_set_stce(1);
    csr_write(CSR_HTIMEDELTA, 0);
    if (!ok) return;
    check_tick();
    CHECK(timer.injections == 1, "%u injections through hvip", timer.injections);
    CHECK(irq_count[LVL_M][IRQ_M_TIMER] == 1, "%u machine timer interrupts", irq_count[LVL_M][IRQ_M_TIMER]);
    if (L() == LVL_HS) CHECK(irq_count[LVL_HS][IRQ_S_TIMER] == 1, "%u STIs in HS", irq_count[LVL_HS][IRQ_S_TIMER]);
}

/* 2 s at 10 MHz: longer than the guest waits (1 s), short enough for a failure. */
#define WATCHDOG_TICKS 20000000

/* Sstc: vstimecmp against time + htimedelta raises VSTIP with no
 * hypervisor involvement (Priv §9.2.11, Sstc). */
static void timer_sstc(long by) {
    if (!have_sstc) {
        skip("no Sstc");
        return;
    }
    timer.mode = TIMER_VSTIMECMP;
    csr_write(CSR_HTIMEDELTA, 1ul << 36);
    csr_write(CSR_HENVCFG, ENVCFG_STCE);
    hyp_watchdog(WATCHDOG_TICKS);
    int ok = guest(GT_TIMER, by);
    hyp_watchdog(0);
    uint64_t cmp = csr_read(CSR_VSTIMECMP);
    csr_write(CSR_HENVCFG, 0);
    csr_write(CSR_HTIMEDELTA, 0);
    if (!ok) return;
    check_tick();
    CHECK(timer.injections == 0, "the hypervisor injected a timer interrupt");
    CHECK(cmp == ~0ul, "vstimecmp = 0x%lx after the guest lowered its timer", cmp);
    if (by == TIMER_BY_STIMECMP) CHECK(timer.set_calls == 0, "%u set_timer calls", timer.set_calls);
    else CHECK(timer.set_calls == 2, "%u set_timer calls", timer.set_calls);
}

static void t_timer_sstc_sbi(void) { timer_sstc(TIMER_BY_SBI); }
static void t_timer_sstc_guest(void) { timer_sstc(TIMER_BY_STIMECMP); }

/* VS -> VU -> VS: VU's ecall and page fault go to VS (medeleg + hedeleg),
 * never to the hypervisor. */
static void t_vs_vu(void) {
    if (!guest(GT_USER, 0)) return;
    CHECK(trap_count[L()][EXC_ECALL_U] == 0 && trap_count[L()][EXC_LOAD_PAGE_FAULT] == 0,
          "a VU trap reached the hypervisor");
}

/* Reads of guest memory from the hypervisor: HLV with hstatus.SPVP as the
 * privilege, through vsatp and hgatp (Priv §9.3.1). */
static void t_hlv_read(void) {
    if (!guest(GT_HLV_PREP, 0)) return;
    uint64_t mb = guest_report[R_MAILBOX_GVA], uw = guest_report[R_USER_WORD_GVA];
    csr_set(CSR_HSTATUS, HSTATUS_SPVP);
    CHECK(hlv_d(mb + MB_D) == MAILBOX_D, "hlv.d 0x%lx", hlv_d(mb + MB_D));
    CHECK(hlv_w(mb + MB_W) == (uint64_t)(int64_t)(int32_t)MAILBOX_W, "hlv.w 0x%lx", hlv_w(mb + MB_W));
    CHECK(hlv_wu(mb + MB_W) == MAILBOX_W, "hlv.wu 0x%lx", hlv_wu(mb + MB_W));
    CHECK(hlv_h(mb + MB_H) == (uint64_t)(int64_t)(int16_t)MAILBOX_H, "hlv.h 0x%lx", hlv_h(mb + MB_H));
    CHECK(hlv_hu(mb + MB_H) == MAILBOX_H, "hlv.hu 0x%lx", hlv_hu(mb + MB_H));
    CHECK(hlv_b(mb + MB_B) == (uint64_t)(int64_t)(int8_t)MAILBOX_B, "hlv.b 0x%lx", hlv_b(mb + MB_B));
    CHECK(hlv_bu(mb + MB_B) == MAILBOX_B, "hlv.bu 0x%lx", hlv_bu(mb + MB_B));
    csr_clear(CSR_HSTATUS, HSTATUS_SPVP);
    CHECK(hlv_d(uw) == USER_WORD, "hlv.d of the user page with SPVP = 0: 0x%lx", hlv_d(uw));
}

/* HLVX reads need execute permission and fault as loads (Priv §9.3.1). */
static void t_hlvx(void) {
    if (!guest(GT_HLV_PREP, 0)) return;
    uint64_t text = guest_report[R_TEXT_GVA], mb = guest_report[R_MAILBOX_GVA];
    uint32_t word = *(volatile uint32_t *)(uintptr_t)text; /* linked where the guest sees it */
    csr_set(CSR_HSTATUS, HSTATUS_SPVP);
    CHECK(hlvx_wu(text) == word, "hlvx.wu 0x%lx, memory 0x%x", hlvx_wu(text), word);
    CHECK(hlvx_hu(text) == (word & 0xffff), "hlvx.hu 0x%lx", hlvx_hu(text));
    EXPECT_TRAP();
    uint64_t v = hlvx_hu(mb);
    CHECK(expect.taken, "hlvx.hu of a page without X returned 0x%lx", v);
    CHECK(expect.t.cause == EXC_LOAD_PAGE_FAULT, "cause %lu, expected a load page fault", expect.t.cause);
    CHECK(expect.t.tval == mb && expect.t.gva == 1, "tval 0x%lx, GVA %d", expect.t.tval, expect.t.gva);
}

static void t_hlv_faults(void) {
    if (!guest(GT_HLV_PREP, 0)) return;
    uint64_t mb = guest_report[R_MAILBOX_GVA];
    /* A user access (SPVP = 0) to a supervisor page: load page fault, GVA = 1,
     * htval = 0 (Priv §9.2.1, §9.2.5). */
    csr_clear(CSR_HSTATUS, HSTATUS_SPVP);
    EXPECT_TRAP();
    hlv_d(mb);
    CHECK(expect.taken && expect.t.cause == EXC_LOAD_PAGE_FAULT,
          "user hlv.d of a supervisor page: cause %lu (taken %d) in %s, tval 0x%lx", expect.t.cause, expect.taken,
          expect.t.level == LVL_M ? "M" : "HS", expect.t.tval);
    CHECK(expect.t.tval == mb && expect.t.gva == 1 && expect.t.tval2 == 0, "tval 0x%lx GVA %d htval 0x%lx",
          expect.t.tval, expect.t.gva, expect.t.tval2);
    CHECK(expect.t.level == L(), "taken in the wrong mode");
    CHECK(tinst_ok(), "tinst 0x%lx for 0x%x", expect.t.tinst, expect.insn);
    /* No G-stage mapping: load guest-page fault with the GPA. */
    csr_set(CSR_HSTATUS, HSTATUS_SPVP);
    EXPECT_TRAP();
    hlv_d(GVA_HOLE + 0x18);
    CHECK(expect.taken && expect.t.cause == EXC_LOAD_GUEST_PAGE_FAULT,
          "hlv.d of an unmapped GPA: cause %lu (taken %d), tval 0x%lx, tval2 0x%lx", expect.t.cause, expect.taken,
          expect.t.tval, expect.t.tval2);
    CHECK(expect.t.tval == GVA_HOLE + 0x18 && expect.t.gva == 1, "tval 0x%lx GVA %d", expect.t.tval, expect.t.gva);
    CHECK(expect.t.tval2 == (GPA_HOLE + 0x18) >> 2, "htval/mtval2 0x%lx, expected 0x%lx", expect.t.tval2,
          (uint64_t)(GPA_HOLE + 0x18) >> 2);
    CHECK(tinst_ok(), "tinst 0x%lx for 0x%x", expect.t.tinst, expect.insn);
    /* A G-stage read-only page: store guest-page fault. */
    uint64_t gva = GVA_X4 + marker_offset();
    EXPECT_TRAP();
    hsv_d(gva, 0);
    CHECK(expect.taken && expect.t.cause == EXC_STORE_GUEST_PAGE_FAULT, "hsv.d to a read-only page: cause %lu (taken %d)",
          expect.t.cause, expect.taken);
    CHECK(expect.t.tval2 == (GPA_X4 + marker_offset()) >> 2, "htval/mtval2 0x%lx", expect.t.tval2);
    CHECK(tinst_ok(), "tinst 0x%lx for 0x%x", expect.t.tinst, expect.insn);
    CHECK(host_marker == HOST_MARKER_VALUE, "the read-only page was written");
}

/* Writes into guest memory with HSV; the guest then checks them. */
static void t_hsv(void) {
    if (!guest(GT_HLV_PREP, 0)) return;
    uint64_t mb = guest_report[R_MAILBOX_GVA];
    csr_set(CSR_HSTATUS, HSTATUS_SPVP);
    hsv_d(mb + MB_HSV_D, HSV_D);
    hsv_w(mb + MB_HSV_W, HSV_W);
    hsv_h(mb + MB_HSV_H, HSV_H);
    hsv_b(mb + MB_HSV_B, HSV_B);
    /* The guest image's GVA is also its host address. */
    CHECK(*(volatile uint64_t *)(uintptr_t)(mb + MB_HSV_D) == HSV_D, "hsv.d wrote 0x%lx",
          *(volatile uint64_t *)(uintptr_t)(mb + MB_HSV_D));
    guest(GT_HLV_CHECK, (long)HSV_D);
}

static const struct test tests[] = {
    {"boot-protocol", t_boot_protocol, AT_M},
    {"misa-h", t_misa_h, AT_M},
    {"clint", t_clint, AT_M},
    {"hgatp-sv39x4", t_hgatp, AT_BOTH},
    {"guest-hello", t_guest_hello, AT_BOTH},
    {"sbi-base", t_sbi_base, AT_BOTH},
    {"two-stage", t_two_stage, AT_BOTH},
    {"gstage-gpa-bit40", t_gpa_bit40, AT_BOTH},
    {"gstage-write-fault", t_gstage_write_fault, AT_BOTH},
    {"time-htimedelta", t_time_htimedelta, AT_BOTH},
    {"time-virtual-insn", t_time_virtual_insn, AT_BOTH},
    {"time-illegal-insn", t_time_illegal, AT_BOTH},
    {"mmio", t_mmio, AT_BOTH},
    {"mmio-compressed", t_mmio_compressed, AT_BOTH},
    {"timer-clint-hvip", t_timer_clint_hvip, AT_BOTH},
    {"timer-sstc-sbi", t_timer_sstc_sbi, AT_BOTH},
    {"timer-sstc-guest", t_timer_sstc_guest, AT_BOTH},
    {"vs-vu-roundtrip", t_vs_vu, AT_BOTH},
    {"hlv-read", t_hlv_read, AT_BOTH},
    {"hlvx", t_hlvx, AT_BOTH},
    {"hlv-faults", t_hlv_faults, AT_BOTH},
    {"hsv", t_hsv, AT_BOTH},
};

static void reset_records(void) {
    memset(&gpf, 0, sizeof gpf);
    memset(&counter_trap, 0, sizeof counter_trap);
    memset(&timer, 0, sizeof timer);
    memset(&expect, 0, sizeof expect);
    memset(trap_count, 0, sizeof trap_count);
    memset(irq_count, 0, sizeof irq_count);
}

void run_tests(enum level level) {
    const char *prefix = level == LVL_M ? "m" : "hs";
    for (unsigned i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        const struct test *t = &tests[i];
        if (!(t->levels & (1u << level))) continue;
        reset_records();
        check_failed = skipped = 0;
        detail[0] = 0;
        t->run();
        if (skipped) {
            hprintf("SKIP %s/%s (%s)\n", prefix, t->name, detail);
        } else if (check_failed) {
            tests_failed++;
            hprintf("FAIL %s/%s (%s)\n", prefix, t->name, detail);
        } else {
            tests_passed++;
            hprintf("PASS %s/%s\n", prefix, t->name);
        }
    }
}

void hyp_main(uint64_t hartid, uint64_t dtb) __attribute__((noreturn));
void hyp_main(uint64_t hartid, uint64_t dtb) {
    boot_hartid = hartid;
    boot_dtb = dtb;
    hprintf("virt-hyp: a bare-metal hypervisor, hart %lu, device tree at 0x%lx\n", hartid, dtb);
    if (!(csr_read(misa) & MISA_H)) {
        hprintf("FAIL m/misa-h (no H extension: misa = 0x%lx)\n", csr_read(misa));
        hprintf("virt-hyp: 0 passed, 1 failed\n");
        poweroff(1);
    }
    hyp_init(hartid);
    hprintf("virt-hyp: Sstc %s\n", have_sstc ? "present" : "absent");
    run_tests(LVL_M);
    hprintf("virt-hyp: the hypervisor moves to HS-mode\n");
    run_hs_phase();
    hprintf("virt-hyp: %u passed, %u failed\n", tests_passed, tests_failed);
    poweroff(tests_failed);
}
