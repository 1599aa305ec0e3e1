/* The hypervisor: address translation for the guest (G-stage tables in its
 * own RAM, VS-stage tables inside the guest's), guest entry, and the trap
 * handling a hypervisor does: SBI calls, MMIO emulation from guest-page
 * faults, timer injection, counter emulation.
 *
 * It runs first in M-mode (every guest trap comes to M; the guest is
 * entered with mret and mstatus.MPV), then in HS-mode (M delegates the
 * guest's traps; the guest is entered with sret and hstatus.SPV). In the
 * HS phase M stays underneath as a tiny SBI firmware for the hypervisor:
 * it turns CLINT timer interrupts into STIP and serves ecalls from HS. */
#include "hyp.h"

volatile enum level hyp_level = LVL_M;
int have_sstc;

struct trap_ctx m_ctx __attribute__((aligned(16)));
struct trap_ctx hs_ctx __attribute__((aligned(16)));
extern char m_vector[], hs_vector[], hs_stack_top[];
void m_vector_run(struct trap_ctx *ctx);
void hs_vector_run(struct trap_ctx *ctx);

struct expected_trap expect;
struct gpf_record gpf;
struct counter_trap_record counter_trap;
struct timer_record timer;
unsigned trap_count[2][32];
unsigned irq_count[2][16];
uint64_t guest_report[REPORT_KEYS];
char guest_console[256];
unsigned guest_console_len;
char device_console[256];
unsigned device_console_len;
uint8_t device_scratch[8];
volatile uint64_t host_marker = HOST_MARKER_VALUE;
uint64_t vs_satp, g_hgatp;

static struct guest_result *current_result;
static uint64_t hartid;

/* M's ecalls for the HS hypervisor (experimental SBI range). */
#define SBI_EXT_HARNESS 0x08485951
#define HARNESS_EXIT_HS 0
#define HARNESS_SET_STCE 1
#define HARNESS_SET_MCOUNTEREN 2

/* ---- G-stage tables (Sv39x4, Priv §9.5.1): a 16 KiB root of 2048
 * entries, then ordinary Sv39 tables. */
static uint64_t g_root[2048] __attribute__((aligned(16384)));
static uint64_t g_l1[512] __attribute__((aligned(4096)));
static uint64_t g_l0[512] __attribute__((aligned(4096)));

/* The guest image's sections (link.ld), for VS-stage permissions. */
extern char guest_entry[], guest_text_start[], guest_text_end[], guest_user_start[], guest_user_data_start[],
    guest_user_end[];

static uint64_t pte_table(uint64_t pa) { return (pa >> 12) << 10 | PTE_V; }
static uint64_t pte_leaf(uint64_t pa, uint64_t perms) { return (pa >> 12) << 10 | perms | PTE_V | PTE_A | PTE_D; }

static void build_gstage(void) {
    /* Guest RAM, 4 KiB pages; every G-stage leaf has U = 1 (Priv §9.5.1:
     * all G-stage accesses are checked as U-mode accesses). */
    g_root[GPA_GUEST_RAM >> 30] = pte_table((uintptr_t)g_l1);
    g_l1[(GPA_GUEST_RAM >> 21) & 511] = pte_table((uintptr_t)g_l0);
    for (uint64_t i = 0; i < 512; i++) g_l0[i] = pte_leaf(HPA_GUEST_RAM + i * 4096, PTE_R | PTE_W | PTE_X | PTE_U);
    /* The shared region: a 2 MiB megapage. */
    g_l1[(GPA_SHARED >> 21) & 511] = pte_leaf(HPA_SHARED, PTE_R | PTE_W | PTE_U);
    /* Root indexes 512 and 1024, which only the x4 root has; read-only. */
    g_root[GPA_X4 >> 30] = pte_leaf(HPA_ALIAS, PTE_R | PTE_U);
    g_root[GPA_BIT40 >> 30] = pte_leaf(HPA_ALIAS, PTE_R | PTE_U);
    g_hgatp = HGATP_MODE_SV39X4 | (uintptr_t)g_root >> 12;
}

/* The VS-stage tables live in guest RAM at GPA_VS_PT; the hypervisor
 * writes them through the host address and links them by guest physical
 * address, as a guest kernel would have. */
static uint64_t *vs_page(int i) { return (uint64_t *)(HPA_GUEST_RAM + (GPA_VS_PT - GPA_GUEST_RAM) + i * 4096ul); }
static uint64_t vs_gpa(int i) { return GPA_VS_PT + i * 4096ul; }

static uint64_t guest_page_perms(uint64_t gva) {
    if (gva >= (uintptr_t)guest_text_start && gva < (uintptr_t)guest_text_end) return PTE_R | PTE_X;
    if (gva >= (uintptr_t)guest_user_start && gva < (uintptr_t)guest_user_data_start) return PTE_R | PTE_X | PTE_U;
    if (gva >= (uintptr_t)guest_user_data_start && gva < (uintptr_t)guest_user_end) return PTE_R | PTE_W | PTE_U;
    return PTE_R | PTE_W;
}

static void build_vs_stage(void) {
    enum { ROOT, L1_HIGH, L0_RAM, L1_LOW, L0_DEV };
    memset(vs_page(0), 0, VS_PT_PAGES * 4096);
    uint64_t *root = vs_page(ROOT), *l1h = vs_page(L1_HIGH), *l0 = vs_page(L0_RAM);
    uint64_t *l1l = vs_page(L1_LOW), *l0d = vs_page(L0_DEV);
    root[GVA_GUEST_RAM >> 30] = pte_table(vs_gpa(L1_HIGH));
    l1h[(GVA_GUEST_RAM >> 21) & 511] = pte_table(vs_gpa(L0_RAM));
    for (uint64_t i = 0; i < 512; i++) l0[i] = pte_leaf(GPA_GUEST_RAM + i * 4096, guest_page_perms(GVA_GUEST_RAM + i * 4096));
    l1h[(GVA_SHARED >> 21) & 511] = pte_leaf(GPA_SHARED, PTE_R | PTE_W);
    l1h[(GVA_HOLE >> 21) & 511] = pte_leaf(GPA_HOLE, PTE_R | PTE_W);
    root[GVA_X4 >> 30] = pte_leaf(GPA_X4, PTE_R | PTE_W); /* the G-stage refuses writes */
    root[GVA_BIT40 >> 30] = pte_leaf(GPA_BIT40, PTE_R | PTE_W);
    root[GVA_DEV >> 30] = pte_table(vs_gpa(L1_LOW));
    l1l[(GVA_DEV >> 21) & 511] = pte_table(vs_gpa(L0_DEV));
    l0d[(GVA_DEV >> 12) & 511] = pte_leaf(GPA_DEV, PTE_R | PTE_W);
    vs_satp = SATP_MODE_SV39 | vs_gpa(ROOT) >> 12;
}

uint64_t read_mtime(void) { return mmio_read64(CLINT_MTIME); }

/* Delegation while the hypervisor runs in M: the guest's own traps (VU's
 * ecalls, page faults) reach VS through HS (medeleg, then hedeleg);
 * everything else comes to M. */
#define TO_VS ((1ul << EXC_ECALL_U) | (1ul << EXC_INSN_PAGE_FAULT) | (1ul << EXC_LOAD_PAGE_FAULT) | (1ul << EXC_STORE_PAGE_FAULT))
/* ...and while it runs in HS: the hypervisor's traps go to HS too. */
#define TO_HS                                                                                                       \
    (TO_VS | (1ul << EXC_ILLEGAL_INSN) | (1ul << EXC_ECALL_VS) | (1ul << EXC_INSN_GUEST_PAGE_FAULT) |               \
     (1ul << EXC_LOAD_GUEST_PAGE_FAULT) | (1ul << EXC_VIRTUAL_INSN) | (1ul << EXC_STORE_GUEST_PAGE_FAULT))

void hyp_init(uint64_t id) {
    hartid = id;
    /* PMP: let S and U reach everything (Priv §3.7: with PMP implemented
     * and no entry matching, S/U accesses fail). NAPOT over all addresses. */
    csr_write(pmpaddr0, ~0ul >> 10);
    csr_write(pmpcfg0, 0x1f);
    csr_set(mstatus, MSTATUS_FS_INITIAL);
    csr_write(mcounteren, COUNTEREN_CY | COUNTEREN_TM | COUNTEREN_IR);
    csr_write(medeleg, TO_VS);
    csr_write(mideleg, 0);
    csr_write(mie, 0);
    csr_write(CSR_HEDELEG, TO_VS);
    csr_write(CSR_HIDELEG, MIDELEG_VS_BITS);
    csr_write(CSR_HCOUNTEREN, COUNTEREN_CY | COUNTEREN_TM | COUNTEREN_IR);
    csr_write(CSR_HVIP, 0);
    /* Smstateen: below M, henvcfg (which the HS phase writes) is reachable
     * only through mstateen0.ENVCFG, which resets to 0; open it, and SE0,
     * as OpenSBI does. A hart without Smstateen (QEMU 7.2) traps here. */
    EXPECT_TRAP();
    csr_write(CSR_MSTATEEN0, MSTATEEN0_SE0 | MSTATEEN0_ENVCFG);
    expect.armed = 0;
    /* Sstc is present when menvcfg.STCE sticks (Sstc spec; Priv §3.1.18). */
    csr_set(CSR_MENVCFG, ENVCFG_STCE);
    have_sstc = (csr_read(CSR_MENVCFG) & ENVCFG_STCE) != 0;
    if (have_sstc) {
        csr_write(CSR_STIMECMP, ~0ul);
        csr_write(CSR_VSTIMECMP, ~0ul);
    }
    mmio_write64(CLINT_MTIMECMP(hartid), ~0ul);
    build_gstage();
    build_vs_stage();
    csr_write(CSR_HGATP, g_hgatp);
    hfence_gvma();
    hfence_vvma();
}

/* ---- entering the guest */

void guest_run(long test, long arg, struct guest_result *r) {
    memset(r, 0, sizeof *r);
    memset(guest_report, 0, sizeof guest_report);
    guest_console_len = 0;
    memset(guest_console, 0, sizeof guest_console);
    current_result = r;
    csr_write(CSR_VSATP, vs_satp);
    csr_write(CSR_VSSTATUS, MSTATUS_FS_INITIAL);
    csr_write(CSR_VSIE, 0);
    csr_write(CSR_HVIP, 0);
    csr_write(CSR_HGATP, g_hgatp);
    hfence_gvma();
    hfence_vvma();
    struct trap_ctx *ctx = hyp_level == LVL_M ? &m_ctx : &hs_ctx;
    memset(&ctx->f, 0, sizeof ctx->f);
    ctx->f.x[10] = test;
    ctx->f.x[11] = arg;
    ctx->f.epc = (uintptr_t)guest_entry;
    if (hyp_level == LVL_M) {
        /* mret to VS: MPP = S, MPV = 1 (Priv §9.6.4). */
        uint64_t s = csr_read(mstatus) & ~(MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE);
        ctx->f.status = s | 1ul << MSTATUS_MPP_SHIFT | MSTATUS_MPV;
        m_vector_run(ctx);
    } else {
        /* sret to VS: SPP = S, hstatus.SPV = 1; SPVP = 1 for HLV on its behalf. */
        uint64_t s = csr_read(sstatus) & ~(MSTATUS_SPIE | MSTATUS_SIE);
        ctx->f.status = s | MSTATUS_SPP;
        ctx->f.hstatus = csr_read(CSR_HSTATUS) | HSTATUS_SPV | HSTATUS_SPVP;
        hs_vector_run(ctx);
    }
    current_result = 0;
    csr_write(CSR_HVIP, 0);
    if (hyp_level == LVL_M) csr_clear(mie, MIP_MTIP);
}

static long guest_stop(struct frame *f, const struct trap_info *t, const char *what) {
    hsnprintf(current_result->why, sizeof current_result->why, "%s: cause %lu at 0x%lx, tval 0x%lx, tval2 0x%lx",
              what, t->cause, f->epc, t->tval, t->tval2);
    current_result->end = END_STOPPED;
    return TRAP_EXIT;
}

/* ---- instructions: length, fetch, decode */

static unsigned insn_len(uint32_t low) { return (low & 3) == 3 ? 4 : 2; }

/* A compressed load or store as the transformation of its 32-bit
 * equivalent (Priv §9.6.3): immediate and rs1 zero. 0 if it is neither. */
static uint32_t transform_compressed(uint32_t c) {
    uint32_t op = c & 3, f3 = c >> 13 & 7;
    uint32_t rdp = 8 + (c >> 2 & 7); /* rd' / rs2' in bits 4:2 */
    uint32_t rd = c >> 7 & 31, rs2 = c >> 2 & 31;
    if (op == 0 && (f3 == 2 || f3 == 3)) return 0x03 | rdp << 7 | f3 << 12;      /* C.LW, C.LD */
    if (op == 0 && (f3 == 6 || f3 == 7)) return 0x23 | (f3 - 4) << 12 | rdp << 20; /* C.SW, C.SD */
    if (op == 2 && (f3 == 2 || f3 == 3)) return 0x03 | rd << 7 | f3 << 12;        /* C.LWSP, C.LDSP */
    if (op == 2 && (f3 == 6 || f3 == 7)) return 0x23 | (f3 - 4) << 12 | rs2 << 20; /* C.SWSP, C.SDSP */
    return 0;
}

/* The transformation of a 32-bit load or store: immediate and rs1 zero. */
static uint32_t transform_standard(uint32_t insn) {
    if ((insn & 0x7f) == 0x03) return insn & 0x000fffff & ~(31u << 15);
    if ((insn & 0x7f) == 0x23) return insn & 0x01fff07f & ~(31u << 15);
    return 0;
}

/* The guest's instruction at epc, read with HLVX (execute permission at both
 * stages, Priv §9.3.1) with the trapping privilege in SPVP. */
static uint32_t fetch_guest_insn(uint64_t epc, int from_priv) {
    if (from_priv) csr_set(CSR_HSTATUS, HSTATUS_SPVP);
    else csr_clear(CSR_HSTATUS, HSTATUS_SPVP);
    uint32_t lo = (uint32_t)hlvx_hu(epc) & 0xffff;
    if (insn_len(lo) == 2) return lo;
    return lo | ((uint32_t)hlvx_hu(epc + 2) & 0xffff) << 16;
}

/* ---- the emulated device at GPA_DEV */

static uint64_t device_read(uint64_t off, unsigned size) {
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++) {
        uint64_t o = off + i, b = 0;
        if (o >= DEV_SCRATCH && o < DEV_SCRATCH + 8) b = device_scratch[o - DEV_SCRATCH];
        else if (o >= DEV_ID && o < DEV_ID + 4) b = (uint64_t)DEV_ID_VALUE >> 8 * (o - DEV_ID) & 0xff;
        else if (o == DEV_LSR) b = 0x60; /* THR empty, transmitter idle */
        v |= b << 8 * i;
    }
    return v;
}

static void device_write(uint64_t off, unsigned size, uint64_t v) {
    for (unsigned i = 0; i < size; i++) {
        uint64_t o = off + i;
        uint8_t b = (uint8_t)(v >> 8 * i);
        if (o >= DEV_SCRATCH && o < DEV_SCRATCH + 8) {
            device_scratch[o - DEV_SCRATCH] = b;
        } else if (o == DEV_THR) {
            console_putc((char)b);
            if (device_console_len + 1 < sizeof device_console) device_console[device_console_len++] = (char)b;
        }
    }
}

/* Emulates the load or store that faulted on the device page. The
 * instruction comes from htinst/mtinst when it holds a transformed load or
 * store (bit 0 set, bits 63:32 zero: Priv §9.6.3), else from guest memory;
 * it is fetched either way so the transformation can be checked. */
static long emulate_mmio(struct frame *f, const struct trap_info *t, uint64_t off) {
    uint32_t raw = fetch_guest_insn(f->epc, t->from_priv);
    unsigned len = insn_len(raw);
    uint32_t want = len == 4 ? transform_standard(raw) : transform_compressed(raw) & ~2u;
    gpf.insn = raw;
    uint32_t insn = want | 2; /* as a 32-bit instruction */
    if (t->tinst != 0) {
        if (t->tinst != want) {
            gpf.tinst_mismatch = 1;
            gpf.bad_tinst = t->tinst;
            gpf.want_tinst = want;
        } else {
            gpf.from_tinst++;
            insn = (uint32_t)t->tinst | 2;
        }
    }
    if (want == 0) return guest_stop(f, t, "not a load or store on the device page");
    unsigned f3 = insn >> 12 & 7, size = 1u << (f3 & 3);
    if ((insn & 0x7f) == 0x03) {
        if (t->cause != EXC_LOAD_GUEST_PAGE_FAULT) return guest_stop(f, t, "a load reported as a store fault");
        uint64_t v = device_read(off, size);
        int sign = f3 < 4 && size < 8 && (v >> (8 * size - 1) & 1);
        if (sign) v |= ~0ul << 8 * size;
        unsigned rd = insn >> 7 & 31;
        if (rd != 0) f->x[rd] = v;
        gpf.mmio_loads++;
    } else {
        if (t->cause != EXC_STORE_GUEST_PAGE_FAULT) return guest_stop(f, t, "a store reported as a load fault");
        device_write(off, size, f->x[insn >> 20 & 31]);
        gpf.mmio_stores++;
    }
    f->epc += len;
    return TRAP_RESUME;
}

/* GPA = htval << 2 | the low bits of the GVA (Priv §9.4.4: htval holds the
 * guest physical address shifted right by 2). */
static long guest_page_fault(struct frame *f, const struct trap_info *t) {
    uint64_t gpa = t->tval2 << 2 | (t->tval & 3);
    gpf.count++;
    gpf.t = *t;
    gpf.gpa = gpa;
    if (gpa >= GPA_DEV && gpa < GPA_DEV + 0x1000) return emulate_mmio(f, t, gpa - GPA_DEV);
    if (t->cause == EXC_STORE_GUEST_PAGE_FAULT && gpa >= GPA_X4 && gpa < GPA_X4 + (1ul << 30)) {
        /* A write to the read-only alias: drop it, as a ROM would. */
        gpf.write_protect++;
        gpf.insn = fetch_guest_insn(f->epc, t->from_priv);
        f->epc += insn_len(gpf.insn);
        return TRAP_RESUME;
    }
    return guest_stop(f, t, "guest-page fault outside the device");
}

/* rdtime that trapped (mcounteren.TM = 0: illegal instruction;
 * hcounteren.TM = 0: virtual instruction, Priv §9.2.6): emulate it. */
static long emulate_counter(struct frame *f, const struct trap_info *t) {
    uint32_t insn = t->tval != 0 ? (uint32_t)t->tval : fetch_guest_insn(f->epc, t->from_priv);
    counter_trap.count++;
    counter_trap.t = *t;
    counter_trap.insn = insn;
    /* csrrs rd, time, x0 */
    if ((insn & 0xfff0707f) != 0xc0102073) return guest_stop(f, t, "not rdtime");
    unsigned rd = insn >> 7 & 31;
    if (rd != 0) f->x[rd] = read_mtime() + csr_read(CSR_HTIMEDELTA);
    f->epc += 4;
    return TRAP_RESUME;
}

/* ---- the guest's timer */

static void m_ecall(uint64_t ext, uint64_t fid, uint64_t arg) {
    register uint64_t a0 asm("a0") = arg;
    register uint64_t a6 asm("a6") = fid;
    register uint64_t a7 asm("a7") = ext;
    asm volatile("ecall" : "+r"(a0) : "r"(a6), "r"(a7) : "a1", "memory");
}

void harness_set_stce(int on) { m_ecall(SBI_EXT_HARNESS, HARNESS_SET_STCE, on); }
void harness_set_mcounteren(uint64_t v) { m_ecall(SBI_EXT_HARNESS, HARNESS_SET_MCOUNTEREN, v); }

/* The host timer (CLINT mtimecmp): directly from M, through M's SBI from HS. */
static void set_host_deadline(uint64_t host) {
    if (hyp_level == LVL_HS) {
        m_ecall(SBI_EXT_TIME, 0, host);
        return;
    }
    mmio_write64(CLINT_MTIMECMP(hartid), host);
    if (host == ~0ul) csr_clear(mie, MIP_MTIP);
    else csr_set(mie, MIP_MTIP);
}

/* A host timer for a deadline in guest time (time + htimedelta). */
static void set_host_timer(uint64_t guest_deadline) {
    set_host_deadline(guest_deadline == ~0ul ? ~0ul : guest_deadline - csr_read(CSR_HTIMEDELTA));
}

/* While the guest's timer is vstimecmp the host timer is free: a watchdog
 * that wakes a guest waiting for an interrupt that never comes. */
void hyp_watchdog(uint64_t ticks) { set_host_deadline(ticks == 0 ? ~0ul : read_mtime() + ticks); }

/* SBI set_timer: clears the pending timer interrupt and arms the next. With
 * Sstc the guest's comparator is vstimecmp (compared with time +
 * htimedelta); without, the host timer, and VSTIP injected through hvip. */
static void sbi_set_timer(uint64_t deadline) {
    timer.set_calls++;
    csr_clear(CSR_HVIP, MIP_VSTIP);
    if (timer.mode == TIMER_VSTIMECMP) csr_write(CSR_VSTIMECMP, deadline);
    else set_host_timer(deadline);
}

static void inject_guest_timer(void) {
    timer.injections++;
    csr_set(CSR_HVIP, MIP_VSTIP);
}

/* ---- SBI for the guest */

static int sbi_extension_known(uint64_t eid) {
    switch (eid) {
    case SBI_EXT_LEGACY_SET_TIMER:
    case SBI_EXT_LEGACY_PUTCHAR:
    case SBI_EXT_LEGACY_SHUTDOWN:
    case SBI_EXT_BASE:
    case SBI_EXT_TIME:
    case SBI_EXT_SRST:
    case SBI_EXT_HYPTEST:
        return 1;
    default:
        return 0;
    }
}

static long guest_exit(int failed) {
    current_result->end = failed ? END_FAIL : END_PASS;
    current_result->failed_check = guest_report[R_FAILED_CHECK];
    return TRAP_EXIT;
}

static long sbi_call(struct frame *f) {
    uint64_t eid = f->x[17], fid = f->x[16], a0 = f->x[10], a1 = f->x[11];
    int64_t error = SBI_SUCCESS;
    uint64_t value = 0;
    f->epc += 4;
    switch (eid) {
    case SBI_EXT_LEGACY_PUTCHAR:
        console_putc((char)a0);
        if (guest_console_len + 1 < sizeof guest_console) guest_console[guest_console_len++] = (char)a0;
        f->x[10] = 0;
        return TRAP_RESUME;
    case SBI_EXT_LEGACY_SET_TIMER:
        sbi_set_timer(a0);
        f->x[10] = 0;
        return TRAP_RESUME;
    case SBI_EXT_LEGACY_SHUTDOWN:
        return guest_exit(0);
    case SBI_EXT_BASE:
        if (fid == SBI_BASE_GET_SPEC_VERSION) value = SBI_SPEC_VERSION_2_0;
        else if (fid == SBI_BASE_PROBE_EXTENSION) value = sbi_extension_known(a0);
        else if (fid > 6) error = SBI_ERR_NOT_SUPPORTED; /* ids 1, 2, 4, 5, 6: 0 */
        break;
    case SBI_EXT_TIME:
        if (fid == 0) sbi_set_timer(a0);
        else error = SBI_ERR_NOT_SUPPORTED;
        break;
    case SBI_EXT_SRST:
        if (fid == 0 && a0 == SBI_SRST_RESET_TYPE_SHUTDOWN) return guest_exit(a1 != SBI_SRST_REASON_NONE);
        error = SBI_ERR_NOT_SUPPORTED;
        break;
    case SBI_EXT_HYPTEST:
        if (fid == HYPTEST_REPORT && a0 < REPORT_KEYS) guest_report[a0] = a1;
        else error = SBI_ERR_NOT_SUPPORTED;
        break;
    default:
        error = SBI_ERR_NOT_SUPPORTED;
    }
    f->x[10] = (uint64_t)error;
    f->x[11] = value;
    return TRAP_RESUME;
}

/* ---- traps */

/* A trap the hypervisor provoked in itself: note it, skip the instruction. */
static long same_level_trap(struct frame *f, struct trap_info *t) {
    t->epc = f->epc;
    if (!expect.armed || (t->cause & CAUSE_INTERRUPT)) {
        fatal("unexpected trap into %s from itself: cause 0x%lx at 0x%lx, tval 0x%lx", t->level == LVL_M ? "M" : "HS",
              t->cause, f->epc, t->tval);
    }
    expect.armed = 0;
    expect.taken = 1;
    expect.t = *t;
    uint16_t lo = *(volatile uint16_t *)(uintptr_t)f->epc;
    expect.insn = insn_len(lo) == 4 ? *(volatile uint32_t *)(uintptr_t)f->epc : lo;
    f->epc += insn_len(lo);
    return TRAP_RESUME;
}

/* A trap from the guest, at either level. */
static long handle_guest_trap(struct frame *f, struct trap_info *t) {
    t->epc = f->epc;
    if (t->cause & CAUSE_INTERRUPT) {
        uint64_t code = t->cause & 0xf;
        irq_count[t->level][code]++;
        if ((t->level == LVL_M && code == IRQ_M_TIMER) || (t->level == LVL_HS && code == IRQ_S_TIMER)) {
            /* In HS, M raised STIP for the host timer; SBI set_timer lowers it. */
            set_host_deadline(~0ul);
            /* With vstimecmp it was the watchdog: the trap alone woke the guest. */
            if (timer.mode == TIMER_CLINT) inject_guest_timer();
            return TRAP_RESUME;
        }
        return guest_stop(f, t, "unexpected interrupt");
    }
    trap_count[t->level][t->cause & 31]++;
    switch (t->cause) {
    case EXC_ECALL_VS:
        return sbi_call(f);
    case EXC_INSN_GUEST_PAGE_FAULT:
    case EXC_LOAD_GUEST_PAGE_FAULT:
    case EXC_STORE_GUEST_PAGE_FAULT:
        return guest_page_fault(f, t);
    case EXC_ILLEGAL_INSN:
    case EXC_VIRTUAL_INSN:
        return emulate_counter(f, t);
    default:
        return guest_stop(f, t, "unexpected trap from the guest");
    }
}

/* M while the hypervisor runs in HS: the SBI firmware underneath. */
static long m_serve_hs(struct frame *f, uint64_t cause) {
    if (cause == (CAUSE_INTERRUPT | IRQ_M_TIMER)) {
        irq_count[LVL_M][IRQ_M_TIMER]++;
        /* Forward the host timer as STIP (writable by M while menvcfg.STCE = 0). */
        csr_clear(mie, MIP_MTIP);
        csr_set(mip, MIP_STIP);
        return TRAP_RESUME;
    }
    trap_count[LVL_M][cause & 31]++;
    if (cause != EXC_ECALL_S && expect.armed && !(f->status & MSTATUS_MPV)) {
        /* HS provoked a trap that should have been delegated to it: note
         * where it went (the test reports the wrong level) and carry on. */
        uint64_t s = csr_read(mstatus);
        struct trap_info t = {
            .level = LVL_M,
            .cause = cause,
            .tval = csr_read(mtval),
            .tval2 = csr_read(CSR_MTVAL2),
            .tinst = csr_read(CSR_MTINST),
            .gva = (s & MSTATUS_GVA) != 0,
            .from_priv = (int)(f->status >> MSTATUS_MPP_SHIFT & 3),
        };
        return same_level_trap(f, &t);
    }
    if (cause != EXC_ECALL_S) {
        fatal("unexpected trap into M in the HS phase: cause 0x%lx at 0x%lx, tval 0x%lx, mtval2 0x%lx", cause, f->epc,
              csr_read(mtval), csr_read(CSR_MTVAL2));
    }
    f->epc += 4;
    uint64_t eid = f->x[17], fid = f->x[16], a0 = f->x[10];
    if (eid == SBI_EXT_TIME && fid == 0) {
        mmio_write64(CLINT_MTIMECMP(hartid), a0);
        csr_clear(mip, MIP_STIP);
        if (a0 != ~0ul) csr_set(mie, MIP_MTIP);
        f->x[10] = 0;
        return TRAP_RESUME;
    }
    if (eid == SBI_EXT_HARNESS && fid == HARNESS_EXIT_HS) return TRAP_EXIT;
    if (eid == SBI_EXT_HARNESS && fid == HARNESS_SET_STCE) {
        if (a0) csr_set(CSR_MENVCFG, ENVCFG_STCE);
        else csr_clear(CSR_MENVCFG, ENVCFG_STCE);
        f->x[10] = 0;
        return TRAP_RESUME;
    }
    if (eid == SBI_EXT_HARNESS && fid == HARNESS_SET_MCOUNTEREN) {
        csr_write(mcounteren, a0);
        f->x[10] = 0;
        return TRAP_RESUME;
    }
    fatal("unknown ecall from HS: eid 0x%lx fid %lu", eid, fid);
}

long m_trap(struct frame *f, long from_lower) {
    uint64_t s = csr_read(mstatus);
    struct trap_info t = {
        .level = LVL_M,
        .cause = csr_read(mcause),
        .tval = csr_read(mtval),
        .tval2 = csr_read(CSR_MTVAL2),
        .tinst = csr_read(CSR_MTINST),
        .gva = (s & MSTATUS_GVA) != 0,
        .from_virt = (f->status & MSTATUS_MPV) != 0,
        .from_priv = (int)(f->status >> MSTATUS_MPP_SHIFT & 3),
    };
    if (!from_lower) return same_level_trap(f, &t);
    if (hyp_level == LVL_HS) return m_serve_hs(f, t.cause);
    return handle_guest_trap(f, &t);
}

long hs_trap(struct frame *f, long from_lower) {
    uint64_t hs = csr_read(CSR_HSTATUS);
    struct trap_info t = {
        .level = LVL_HS,
        .cause = csr_read(scause),
        .tval = csr_read(stval),
        .tval2 = csr_read(CSR_HTVAL),
        .tinst = csr_read(CSR_HTINST),
        .gva = (hs & HSTATUS_GVA) != 0,
        .from_virt = (hs & HSTATUS_SPV) != 0,
        .from_priv = (f->status & MSTATUS_SPP) != 0,
    };
    if (!from_lower) return same_level_trap(f, &t);
    return handle_guest_trap(f, &t);
}

/* ---- the HS phase */

void hs_main(void) __attribute__((noreturn));
void hs_main(void) {
    csr_write(stvec, hs_vector);
    csr_write(sscratch, &hs_ctx);
    run_tests(LVL_HS);
    m_ecall(SBI_EXT_HARNESS, HARNESS_EXIT_HS, 0);
    fatal("M returned to HS after the HS phase ended");
}

/* M delegates the guest's traps and the supervisor timer interrupt to HS,
 * then enters hs_main in HS-mode (mret with MPP = S, MPV = 0). */
void run_hs_phase(void) {
    csr_write(medeleg, TO_HS);
    csr_write(mideleg, MIP_STIP);
    csr_write(mie, MIP_STIP);
    hyp_level = LVL_HS;
    memset(&m_ctx.f, 0, sizeof m_ctx.f);
    m_ctx.f.x[2] = (uintptr_t)hs_stack_top;
    m_ctx.f.epc = (uintptr_t)hs_main;
    uint64_t s = csr_read(mstatus) & ~(MSTATUS_MPP | MSTATUS_MPV | MSTATUS_MPIE | MSTATUS_MIE);
    m_ctx.f.status = s | 1ul << MSTATUS_MPP_SHIFT;
    m_vector_run(&m_ctx);
    hyp_level = LVL_M;
    csr_write(medeleg, TO_VS);
    csr_write(mideleg, 0);
    csr_write(mie, 0);
}
