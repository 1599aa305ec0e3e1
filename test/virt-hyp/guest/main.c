/* The guest: a tiny VS-mode kernel. It knows only what a guest knows (SBI,
 * its own address space, its own CSRs) and checks what it sees; the first
 * failing check's number goes to the hypervisor before an SRST shutdown
 * with reason "system failure". It must not call into the hypervisor's
 * code: the build checks it links on its own. */
#include <stdint.h>

#include "../abi.h"
#include "../frame.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define csr_read(c)                                            \
    ({                                                         \
        uint64_t v_;                                           \
        asm volatile("csrr %0, " STR(c) : "=r"(v_)::"memory"); \
        v_;                                                    \
    })
#define csr_write(c, v) asm volatile("csrw " STR(c) ", %0" ::"r"((uint64_t)(v)) : "memory")
#define csr_set(c, v) asm volatile("csrs " STR(c) ", %0" ::"r"((uint64_t)(v)) : "memory")
#define csr_clear(c, v) asm volatile("csrc " STR(c) ", %0" ::"r"((uint64_t)(v)) : "memory")

#define SSTATUS_SIE (1ul << 1)
#define SSTATUS_SPIE (1ul << 5)
#define SSTATUS_SPP (1ul << 8)
#define SSTATUS_SUM (1ul << 18)
#define SIE_STIE (1ul << 5)
#define SIP_STIP (1ul << 5)
#define CSR_STIMECMP 0x14d
#define SCAUSE_STI ((1ul << 63) | 5)
#define EXC_ECALL_U 8
#define EXC_LOAD_PAGE_FAULT 13

void guest_main(long program, long arg) __attribute__((noreturn));
long guest_trap(struct frame *f, long from_user);
void guest_vector_run(struct trap_ctx *ctx);
extern struct trap_ctx guest_ctx;
extern char user_add[], user_add_ecall[], user_load[], user_stack_top[];
extern uint64_t user_data[2], user_word;

/* ---- SBI */

struct sbiret {
    long error, value;
};

static struct sbiret sbi(long ext, long fid, long a0, long a1) {
    register long r0 asm("a0") = a0;
    register long r1 asm("a1") = a1;
    register long r6 asm("a6") = fid;
    register long r7 asm("a7") = ext;
    asm volatile("ecall" : "+r"(r0), "+r"(r1) : "r"(r6), "r"(r7) : "memory");
    return (struct sbiret){r0, r1};
}

static void putc_sbi(char c) { sbi(SBI_EXT_LEGACY_PUTCHAR, 0, c, 0); }

static void puts_sbi(const char *s) {
    while (*s) putc_sbi(*s++);
}

static void put_hex(uint64_t v) {
    puts_sbi("0x");
    for (int i = 60; i >= 0; i -= 4) putc_sbi("0123456789abcdef"[v >> i & 15]);
}

static void report(uint64_t key, uint64_t value) { sbi(SBI_EXT_HYPTEST, HYPTEST_REPORT, key, value); }

static void set_timer(uint64_t when) { sbi(SBI_EXT_TIME, 0, when, 0); }

static uint64_t rdtime(void) {
    uint64_t t;
    asm volatile("rdtime %0" : "=r"(t));
    return t;
}

/* ---- checks */

static int failed_check;

#define GCHECK(n, cond)                                    \
    do {                                                   \
        if (!(cond) && failed_check == 0) {                \
            failed_check = (n);                            \
            puts_sbi("guest: check " #n " failed: " #cond "\n"); \
        }                                                  \
    } while (0)

static void shutdown(void) __attribute__((noreturn));
static void shutdown(void) {
    if (failed_check) report(R_FAILED_CHECK, failed_check);
    sbi(SBI_EXT_SRST, 0, SBI_SRST_RESET_TYPE_SHUTDOWN, failed_check ? SBI_SRST_REASON_FAILURE : SBI_SRST_REASON_NONE);
    for (;;) {
    }
}

/* A trap the guest provokes in itself (a load from a U page with SUM = 0). */
static volatile int expect_armed;
static volatile uint64_t expect_cause, expect_tval;

/* The timer interrupt. */
static volatile int ticks;
static volatile uint64_t tick_cause, tick_time;
static long timer_by;

/* What VU did before it trapped back. */
static uint64_t user_cause, user_tval, user_epc, user_a0, user_a7;

long guest_trap(struct frame *f, long from_user) {
    uint64_t cause = csr_read(scause);
    if (cause == SCAUSE_STI) {
        ticks++;
        tick_cause = cause;
        tick_time = rdtime();
        /* Lower the interrupt: a later deadline (SBI spec §6.1, Sstc). */
        if (timer_by == TIMER_BY_STIMECMP) csr_write(CSR_STIMECMP, ~0ul);
        else set_timer(~0ul);
        return TRAP_RESUME;
    }
    if (from_user) {
        user_cause = cause;
        user_tval = csr_read(stval);
        user_epc = f->epc;
        user_a0 = f->x[10];
        user_a7 = f->x[17];
        return TRAP_EXIT;
    }
    if (expect_armed && !(cause >> 63)) {
        expect_armed = 0;
        expect_cause = cause;
        expect_tval = csr_read(stval);
        f->epc += (*(uint16_t *)f->epc & 3) == 3 ? 4 : 2;
        return TRAP_RESUME;
    }
    puts_sbi("guest: unexpected trap, scause ");
    put_hex(cause);
    puts_sbi(" sepc ");
    put_hex(f->epc);
    puts_sbi(" stval ");
    put_hex(csr_read(stval));
    puts_sbi("\n");
    failed_check = 99;
    shutdown();
}

/* Runs VU code at entry with a0 = arg until it traps back to VS. */
static void run_user(void *entry, uint64_t arg) {
    struct frame *f = &guest_ctx.f;
    for (int i = 0; i < 32; i++) f->x[i] = 0;
    f->x[2] = (uintptr_t)user_stack_top;
    f->x[10] = arg;
    f->epc = (uintptr_t)entry;
    f->status = csr_read(sstatus) & ~(SSTATUS_SPP | SSTATUS_SPIE);
    guest_vector_run(&guest_ctx);
}

/* ---- the programs */

static void hello(void) { puts_sbi("guest: hello from VS-mode\n"); }

static void sbi_base(void) {
    struct sbiret r = sbi(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0, 0);
    GCHECK(1, r.error == SBI_SUCCESS && r.value == SBI_SPEC_VERSION_2_0);
    r = sbi(SBI_EXT_BASE, SBI_BASE_PROBE_EXTENSION, SBI_EXT_TIME, 0);
    GCHECK(2, r.error == SBI_SUCCESS && r.value != 0);
    r = sbi(SBI_EXT_BASE, SBI_BASE_PROBE_EXTENSION, 0x0a0b0c0d, 0);
    GCHECK(3, r.error == SBI_SUCCESS && r.value == 0);
    r = sbi(0x0a0b0c0d, 0, 0, 0);
    GCHECK(4, r.error == SBI_ERR_NOT_SUPPORTED);
}

/* The shared megapage, the Sv39x4 gigapage at 2^39, a G-stage read-only
 * page; arg = the host marker's offset in the hypervisor's RAM. */
static uint64_t scratch_words[64];

static void memory(long arg) {
    for (int i = 0; i < 64; i++) scratch_words[i] = (uint64_t)i * 0x0101010101010101ul;
    for (int i = 0; i < 64; i++) GCHECK(1, scratch_words[i] == (uint64_t)i * 0x0101010101010101ul);
    volatile uint64_t *shared = (volatile uint64_t *)GVA_SHARED;
    uint64_t v = shared[0];
    report(R_SHARED_READ, v);
    shared[1] = ~v;
    GCHECK(2, shared[1] == ~v);
    volatile uint64_t *alias = (volatile uint64_t *)(GVA_X4 + arg);
    GCHECK(3, *alias == HOST_MARKER_VALUE);
    *alias = 0; /* store guest-page fault: the hypervisor drops the write */
    GCHECK(4, *alias == HOST_MARKER_VALUE);
}

static void bit40(long arg) { GCHECK(1, *(volatile uint64_t *)(GVA_BIT40 + arg) == HOST_MARKER_VALUE); }

static void read_time(void) { report(R_TIME, rdtime()); }

/* Loads and stores to the emulated device, each a guest-page fault. The
 * asm pins down the instructions: width, signedness, compressed or not. */
#define DEV(off) ((uintptr_t)GVA_DEV + (off))
#define LOAD(insn, addr)                                                  \
    ({                                                                    \
        uint64_t v_;                                                      \
        asm volatile(insn " %0, 0(%1)" : "=r"(v_) : "r"(addr) : "memory"); \
        v_;                                                               \
    })
#define STORE(insn, addr, v) asm volatile(insn " %0, 0(%1)" ::"r"((uint64_t)(v)), "r"(addr) : "memory")

static void mmio_uart_puts(const char *s) {
    for (; *s; s++) {
        while (!(LOAD("lbu", DEV(DEV_LSR)) & 0x20)) {
        }
        STORE("sb", DEV(DEV_THR), *s);
    }
}

static void mmio(long compressed) {
    if (!compressed) {
        mmio_uart_puts("guest: hello through the emulated UART\n");
        STORE("sd", DEV(DEV_SCRATCH), 0x0123456789abcdeful);
        GCHECK(1, LOAD("ld", DEV(DEV_SCRATCH)) == 0x0123456789abcdeful);
        GCHECK(2, LOAD("lw", DEV(DEV_ID)) == 0xffffffff8badf00dul);
        GCHECK(3, LOAD("lwu", DEV(DEV_ID)) == 0x8badf00dul);
        GCHECK(4, LOAD("lh", DEV(DEV_ID + 2)) == 0xffffffffffff8badul);
        GCHECK(5, LOAD("lhu", DEV(DEV_ID + 2)) == 0x8badul);
        GCHECK(6, LOAD("lb", DEV(DEV_ID + 3)) == 0xffffffffffffff8bul);
        GCHECK(7, LOAD("lbu", DEV(DEV_ID + 3)) == 0x8bul);
        STORE("sw", DEV(DEV_SCRATCH + 4), 0xfedcba98u);
        STORE("sh", DEV(DEV_SCRATCH), 0x5566u);
        STORE("sb", DEV(DEV_SCRATCH + 2), 0x77u);
        GCHECK(8, LOAD("ld", DEV(DEV_SCRATCH)) == 0xfedcba9889775566ul);
        return;
    }
    /* C.SD / C.LD / C.SW / C.LW take x8..x15 only. */
    register uint64_t base asm("a5") = DEV(DEV_SCRATCH);
    register uint64_t val asm("a4") = 0x1122334455667788ul;
    register uint64_t out asm("s1");
    asm volatile(".option push\n.option rvc\nc.sd %0, 0(%1)\n.option pop" ::"r"(val), "r"(base) : "memory");
    asm volatile(".option push\n.option rvc\nc.ld %0, 0(%1)\n.option pop" : "=r"(out) : "r"(base) : "memory");
    GCHECK(11, out == 0x1122334455667788ul);
    val = 0x99aabbccu;
    asm volatile(".option push\n.option rvc\nc.sw %0, 4(%1)\n.option pop" ::"r"(val), "r"(base) : "memory");
    asm volatile(".option push\n.option rvc\nc.lw %0, 4(%1)\n.option pop" : "=r"(out) : "r"(base) : "memory");
    GCHECK(12, out == 0xffffffff99aabbccul);
    register uint64_t id_base asm("a3") = DEV(DEV_ID);
    asm volatile(".option push\n.option rvc\nc.lw %0, 0(%1)\n.option pop" : "=r"(out) : "r"(id_base) : "memory");
    GCHECK(13, out == 0xffffffff8badf00dul);
}

/* A timer interrupt end to end: STIE and SIE on, a deadline, WFI. */
static void timer(long by) {
    timer_by = by;
    csr_set(sie, SIE_STIE);
    uint64_t target = rdtime() + 5000; /* 0.5 ms at virt's 10 MHz */
    report(R_TARGET, target);
    if (by == TIMER_BY_STIMECMP) csr_write(CSR_STIMECMP, target);
    else set_timer(target);
    /* WFI wakes on a pending enabled interrupt even with SIE = 0; opening
     * SIE afterwards takes it, so none is lost between check and WFI. One
     * WFI only: the hypervisor's watchdog or host timer ends it even if the
     * VS interrupt never comes, and the loop then gives up at the deadline. */
    int waited = 0;
    while (ticks == 0 && rdtime() < target + 10000000) {
        if (!waited) asm volatile("wfi");
        waited = 1;
        csr_set(sstatus, SSTATUS_SIE);
        csr_clear(sstatus, SSTATUS_SIE);
    }
    csr_clear(sie, SIE_STIE);
    report(R_TICK_CAUSE, tick_cause);
    report(R_TICK_TIME, tick_time);
    GCHECK(1, ticks == 1);
    GCHECK(2, tick_cause == SCAUSE_STI);
    GCHECK(3, tick_time >= target);
    GCHECK(4, (csr_read(sip) & SIP_STIP) == 0);
}

static uint64_t supervisor_only = 0x5e5e5e5e5e5e5e5eul;

/* VS -> VU -> VS, and the U bit both ways. */
static void user(void) {
    /* VS touching a U page with SUM = 0: a load page fault (Priv §12.1.1.2). */
    csr_clear(sstatus, SSTATUS_SUM);
    expect_armed = 1;
    uint64_t v = LOAD("ld", (uintptr_t)&user_data[0]);
    (void)v;
    GCHECK(1, expect_armed == 0 && expect_cause == EXC_LOAD_PAGE_FAULT && expect_tval == (uintptr_t)&user_data[0]);
    csr_set(sstatus, SSTATUS_SUM);
    user_data[0] = 41;
    user_data[1] = 0;
    csr_clear(sstatus, SSTATUS_SUM);

    run_user(user_add, (uintptr_t)user_data);
    report(R_USER_CAUSE, user_cause);
    GCHECK(2, user_cause == EXC_ECALL_U);
    GCHECK(3, user_epc == (uintptr_t)user_add_ecall);
    GCHECK(4, user_a0 == 42 && user_a7 == 0x100);
    csr_set(sstatus, SSTATUS_SUM);
    GCHECK(5, user_data[1] == 42);
    csr_clear(sstatus, SSTATUS_SUM);
    GCHECK(6, (csr_read(sstatus) & SSTATUS_SPP) == 0); /* sstatus.SPP: the trap came from U */

    /* VU touching a supervisor page. */
    run_user(user_load, (uintptr_t)&supervisor_only);
    report(R_USER_TVAL, user_tval);
    GCHECK(7, user_cause == EXC_LOAD_PAGE_FAULT);
    GCHECK(8, user_tval == (uintptr_t)&supervisor_only);
    GCHECK(9, user_epc == (uintptr_t)user_load);
}

/* What the hypervisor reads with HLV and writes with HSV. */
static struct {
    uint64_t d;
    uint32_t w;
    uint16_t h;
    uint8_t b, pad;
    uint64_t hsv_d;
    uint32_t hsv_w;
    uint16_t hsv_h;
    uint8_t hsv_b;
} mailbox __attribute__((section(".data"))) = {1, 2, 3, 4, 5, 6, 7, 8, 9};
_Static_assert(__builtin_offsetof(__typeof__(mailbox), w) == MB_W, "mailbox layout");
_Static_assert(__builtin_offsetof(__typeof__(mailbox), b) == MB_B, "mailbox layout");
_Static_assert(__builtin_offsetof(__typeof__(mailbox), hsv_b) == MB_HSV_B, "mailbox layout");

static void hlv_prep(void) {
    mailbox.d = MAILBOX_D;
    mailbox.w = MAILBOX_W;
    mailbox.h = MAILBOX_H;
    mailbox.b = MAILBOX_B;
    mailbox.hsv_d = mailbox.hsv_w = mailbox.hsv_h = mailbox.hsv_b = 0;
    csr_set(sstatus, SSTATUS_SUM);
    user_word = USER_WORD;
    csr_clear(sstatus, SSTATUS_SUM);
    report(R_MAILBOX_GVA, (uintptr_t)&mailbox);
    report(R_USER_WORD_GVA, (uintptr_t)&user_word);
    report(R_TEXT_GVA, (uintptr_t)&hlv_prep);
}

static void hlv_check(long value) {
    GCHECK(1, mailbox.hsv_d == (uint64_t)value);
    GCHECK(2, mailbox.hsv_w == HSV_W);
    GCHECK(3, mailbox.hsv_h == HSV_H);
    GCHECK(4, mailbox.hsv_b == HSV_B);
    GCHECK(5, mailbox.d == MAILBOX_D);
}

void guest_main(long program, long arg) {
    switch (program) {
    case GT_HELLO:
        hello();
        break;
    case GT_SBI_BASE:
        sbi_base();
        break;
    case GT_MEMORY:
        memory(arg);
        break;
    case GT_TIME:
        read_time();
        break;
    case GT_MMIO:
        mmio(arg);
        break;
    case GT_TIMER:
        timer(arg);
        break;
    case GT_USER:
        user();
        break;
    case GT_HLV_PREP:
        hlv_prep();
        break;
    case GT_HLV_CHECK:
        hlv_check(arg);
        break;
    case GT_BIT40:
        bit40(arg);
        break;
    default:
        puts_sbi("guest: no such program\n");
        failed_check = 100;
    }
    shutdown();
}
