/* ops: a bare-metal VS-mode guest that times one operation for the
 * hypervisor overhead benchmark. /chosen/bootargs names it: `op=<name>
 * n=<count>` (n defaults to 1000; other words, such as the hypervisor's
 * console=hvc0, are ignored). It runs min(n, 100) warm-up iterations, then
 * n timed ones between two reads of instret and time, prints
 *
 *   ops: op=<name> n=<n> instret=<delta> ticks=<delta>
 *
 * and shuts down with SRST, reason none (SBI v2.0 §10.1). Any error prints
 * `ops: error <what>` and shuts down with reason system failure. The
 * runtime (entry, trap vector, console, device tree, shutdown) is
 * test/sbi-guest/common/. */
#include "fdt-prop.h"
#include "rt.h"

#define N_DEFAULT 1000ul
#define WARM_UP_MAX 100ul

/* The NS16550A the hypervisor emulates in both device models. */
#define UART_BASE 0x10000000ul
#define UART_THR 0 /* transmit holding register (write) */
#define UART_LSR 5 /* line status register */
#define UART_LSR_THRE (1u << 5)

#define CSR_STIMECMP 0x14d      /* Sstc; VS-mode reaches vstimecmp through it */
#define FAR_FUTURE 1000000000ul /* time ticks: 100 s at the 10 MHz timebase */
#define IPI_SPIN_MAX 1000000ul  /* sip reads before an IPI counts as lost */

#define PAGE_SIZE 4096ul
#define FIRST_TOUCH_BASE 0x81000000ul /* 16 MiB into RAM, clear of the image and the device tree */
_Static_assert(FIRST_TOUCH_BASE % PAGE_SIZE == 0, "first-touch starts on a page boundary");

static struct machine machine; /* from the device tree, or the run ends */
static unsigned long boot_dtb, boot_hartid;
static unsigned long deadline; /* timer-sbi, timer-sstc: the comparator value they write */
static char batch[64];         /* dbcn-batch: 63 dots and a newline */

static inline unsigned long rdinstret(void) {
    unsigned long v;
    asm volatile("rdinstret %0" : "=r"(v));
    return v;
}

static volatile unsigned char *uart_reg(unsigned offset) { return (volatile unsigned char *)(UART_BASE + offset); }

static void fail(const char *fmt, ...) __attribute__((noreturn, cold, format(printf, 1, 2)));
static void fail(const char *fmt, ...) {
    char what[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprint(what, sizeof what, fmt, ap);
    va_end(ap);
    print("ops: error %s\n", what);
    shutdown(1);
}

static inline void expect_success(long error, const char *call) {
    if (error != SBI_SUCCESS) fail("%s returned %ld", call, error);
}

/* No trap is expected: a bug ends the run instead of hanging it. */
void trap_handler(struct frame *f) {
    fail("trap scause=0x%lx sepc=0x%lx stval=0x%lx", csr_read(scause), f->sepc, csr_read(stval));
}

/* Whether word (len bytes, not NUL-terminated) begins with key; *rest is what follows it. */
static int has_key(const char *word, unsigned long len, const char *key, const char **rest) {
    unsigned long k = 0;
    while (key[k]) {
        if (k == len || word[k] != key[k]) return 0;
        k++;
    }
    *rest = word + k;
    return 1;
}

/* ---- The operations: run(n) does n iterations, each an empty loop plus its body. */

static void run_loop(unsigned long n) {
    for (unsigned long i = 0; i < n; i++) asm volatile("" ::: "memory"); /* keeps the empty loop */
}

/* SBI v2.0 §4.1: get_spec_version, the cheapest call there is. */
static void run_sbi_null(unsigned long n) {
    for (unsigned long i = 0; i < n; i++)
        expect_success(sbi0(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION).error, "base get_spec_version");
}

/* §12.3: console_write_byte. */
static void run_dbcn_byte(unsigned long n) {
    for (unsigned long i = 0; i < n; i++)
        expect_success(sbi1(SBI_EXT_DBCN, SBI_DBCN_WRITE_BYTE, '.').error, "dbcn console_write_byte");
}

static void prepare_dbcn_batch(unsigned long n) {
    (void)n;
    memset(batch, '.', sizeof batch - 1);
    batch[sizeof batch - 1] = '\n';
}

/* §12.1: console_write of 64 bytes at a physical address (hi = 0); all must be taken. */
static void run_dbcn_batch(unsigned long n) {
    for (unsigned long i = 0; i < n; i++) {
        struct sbiret r = sbi3(SBI_EXT_DBCN, SBI_DBCN_WRITE, sizeof batch, (unsigned long)batch, 0);
        expect_success(r.error, "dbcn console_write");
        if (r.value != sizeof batch) fail("dbcn console_write wrote %ld of %lu bytes", r.value, sizeof batch);
    }
}

/* §5.2: legacy console_putchar, 0 on success. */
static void run_legacy_putchar(unsigned long n) {
    for (unsigned long i = 0; i < n; i++)
        expect_success(sbi_legacy(SBI_EXT_LEGACY_CONSOLE_PUTCHAR, '.', 0, 0, 0), "legacy console_putchar");
}

/* The emulated UART transmits at once, so THRE checked once stays set. */
static void prepare_uart_byte(unsigned long n) {
    (void)n;
    if (!(*uart_reg(UART_LSR) & UART_LSR_THRE)) fail("uart LSR.THRE is clear");
}

static void run_uart_byte(unsigned long n) {
    for (unsigned long i = 0; i < n; i++) *uart_reg(UART_THR) = '.';
}

static void run_mmio_read(unsigned long n) {
    for (unsigned long i = 0; i < n; i++) (void)*uart_reg(UART_LSR);
}

static void prepare_timer_sbi(unsigned long n) {
    (void)n;
    deadline = rdtime() + FAR_FUTURE;
}

/* §6.1: set_timer, far enough ahead that it never fires. */
static void run_timer_sbi(unsigned long n) {
    for (unsigned long i = 0; i < n; i++)
        expect_success(sbi1(SBI_EXT_TIME, SBI_TIME_SET_TIMER, deadline).error, "time set_timer");
}

/* Whether the boot hart's riscv,isa-extensions (a string list) names Sstc. */
static int have_sstc(void) {
    char path[24];
    snprint(path, sizeof path, "/cpus/cpu@%lx", boot_hartid);
    unsigned len = 0;
    const char *list = fdt_prop(boot_dtb, path, "riscv,isa-extensions", &len);
    if (list == 0 || len == 0 || list[len - 1] != 0) return 0;
    for (const char *s = list; s < list + len; s++) {
        const char *rest;
        if (has_key(s, list + len - s, "sstc", &rest) && *rest == 0) return 1;
        while (*s) s++; /* to the NUL that ends this name */
    }
    return 0;
}

static void prepare_timer_sstc(unsigned long n) {
    (void)n;
    if (!have_sstc()) fail("no sstc");
    deadline = rdtime() + FAR_FUTURE;
}

static void run_timer_sstc(unsigned long n) {
    for (unsigned long i = 0; i < n; i++) csr_write(CSR_STIMECMP, deadline);
}

/* The IPI is observed in sip, never taken: sie.SSIE on, sstatus.SIE off. */
static void prepare_ipi(unsigned long n) {
    (void)n;
    csr_clear(sstatus, SSTATUS_SIE);
    csr_set(sie, SIE_SSIE);
    csr_clear(sip, SIP_SSIP);
}

/* §7.1: send_ipi to this hart (hart_mask 1 from base hartid, which is 0),
 * then wait for sip.SSIP and clear it. */
static void run_ipi(unsigned long n) {
    for (unsigned long i = 0; i < n; i++) {
        expect_success(sbi2(SBI_EXT_IPI, SBI_IPI_SEND_IPI, 1, boot_hartid).error, "ipi send_ipi");
        unsigned long spins = 0;
        while (!(csr_read(sip) & SIP_SSIP))
            if (++spins == IPI_SPIN_MAX) fail("ipi: sip.SSIP still clear after %lu reads", spins);
        asm volatile("csrc sip, 2" ::: "memory"); /* SIP_SSIP */
    }
}

/* Pages FIRST_TOUCH_BASE.. must be in RAM and untouched so far: above the
 * image and the device tree. */
static void prepare_first_touch(unsigned long n) {
    unsigned long ram_end = machine.ram_base + machine.ram_size;
    if (ram_end < FIRST_TOUCH_BASE || n > (ram_end - FIRST_TOUCH_BASE) / PAGE_SIZE)
        fail("first-touch: %lu pages from 0x%lx pass the RAM end 0x%lx", n, FIRST_TOUCH_BASE, ram_end);
    if ((unsigned long)image_end > FIRST_TOUCH_BASE || boot_dtb + fdt_size(boot_dtb) > FIRST_TOUCH_BASE)
        fail("first-touch: the image or the device tree reaches 0x%lx", FIRST_TOUCH_BASE);
}

static void run_first_touch(unsigned long n) {
    volatile unsigned char *page = (volatile unsigned char *)FIRST_TOUCH_BASE;
    for (unsigned long i = 0; i < n; i++, page += PAGE_SIZE) *page = 1;
}

/* xorshift64: ALU only, no memory access, no exit. */
static void run_spin(unsigned long n) {
    unsigned long x = 88172645463325252ul;
    for (unsigned long i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    asm volatile("" ::"r"(x)); /* keeps the loop */
}

struct op {
    const char *name;
    void (*prepare)(unsigned long n); /* untimed, before the warm-up; may be 0 */
    void (*run)(unsigned long n);
    int warm_up; /* whether min(n, 100) iterations run untimed first */
    int dots;    /* whether it prints a row of dots, which a newline ends before the result line */
};

static const struct op OPS[] = {
    {"loop", 0, run_loop, 1, 0},
    {"sbi-null", 0, run_sbi_null, 1, 0},
    {"dbcn-byte", 0, run_dbcn_byte, 1, 1},
    {"dbcn-batch", prepare_dbcn_batch, run_dbcn_batch, 1, 0},
    {"legacy-putchar", 0, run_legacy_putchar, 1, 1},
    {"uart-byte", prepare_uart_byte, run_uart_byte, 1, 1},
    {"mmio-read", 0, run_mmio_read, 1, 0},
    {"timer-sbi", prepare_timer_sbi, run_timer_sbi, 1, 0},
    {"timer-sstc", prepare_timer_sstc, run_timer_sstc, 1, 0},
    {"ipi", prepare_ipi, run_ipi, 1, 0},
    {"first-touch", prepare_first_touch, run_first_touch, 0, 0}, /* a warm-up would touch the pages */
    {"spin", 0, run_spin, 0, 0},
};

/* ---- The command line. */

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Reads op=<name> and n=<count> from /chosen/bootargs into *op and *n. */
static void parse_bootargs(const struct op **op, unsigned long *n) {
    unsigned len = 0;
    const char *args = fdt_prop(boot_dtb, "/chosen", "bootargs", &len);
    if (args == 0 || len == 0 || args[len - 1] != 0) fail("no /chosen/bootargs in the device tree");
    const char *name = 0, *value;
    unsigned long name_len = 0;
    *n = N_DEFAULT;
    for (const char *p = args; *p;) {
        while (is_space(*p)) p++;
        const char *word = p;
        while (*p && !is_space(*p)) p++;
        unsigned long word_len = p - word;
        if (has_key(word, word_len, "op=", &value)) {
            name = value;
            name_len = p - value;
        } else if (has_key(word, word_len, "n=", &value)) {
            unsigned long v = 0;
            if (value == p) fail("n= without a number");
            for (const char *d = value; d < p; d++) {
                if (*d < '0' || *d > '9' || v > (~0ul - 9) / 10) fail("n= is not a decimal count");
                v = v * 10 + (unsigned long)(*d - '0');
            }
            if (v == 0) fail("n=0: nothing to time");
            *n = v;
        }
    }
    if (name == 0) fail("no op=<name> in bootargs");
    for (unsigned long i = 0; i < sizeof OPS / sizeof OPS[0]; i++) {
        const char *rest;
        if (has_key(name, name_len, OPS[i].name, &rest) && rest == name + name_len) {
            *op = &OPS[i];
            return;
        }
    }
    char unknown[40];
    unsigned long k = 0;
    for (; k < name_len && k < sizeof unknown - 1; k++) unknown[k] = name[k];
    unknown[k] = 0;
    fail("unknown op '%s'", unknown);
}

void guest_main(unsigned long hartid, unsigned long dtb) {
    boot_hartid = hartid;
    boot_dtb = dtb;
    const char *why = fdt_read_machine(dtb, &machine);
    if (why != 0) fail("device tree: %s", why);
    const struct op *op;
    unsigned long n;
    parse_bootargs(&op, &n);

    if (op->prepare != 0) op->prepare(n);
    if (op->warm_up) op->run(n < WARM_UP_MAX ? n : WARM_UP_MAX);
    unsigned long time0 = rdtime(), instret0 = rdinstret();
    op->run(n);
    unsigned long instret1 = rdinstret(), time1 = rdtime();

    if (op->dots) console_write("\n", 1);
    print("ops: op=%s n=%lu instret=%lu ticks=%lu\n", op->name, n, instret1 - instret0, time1 - time0);
    shutdown(0);
}
