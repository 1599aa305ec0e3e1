/* The hypervisor's shared declarations: CSR numbers and fields (Priv
 * chapters 3, 9, 18; Sstc), CSR access and H-instruction wrappers, and the
 * interfaces between console.c, hyp.c and tests.c. */
#ifndef VIRT_HYP_HYP_H
#define VIRT_HYP_HYP_H

#include <stdarg.h>
#include <stdint.h>

#include "abi.h"
#include "frame.h"

/* ---- CSR numbers the assembler may not know without the H extension. */
#define CSR_MENVCFG 0x30a
#define CSR_MSTATEEN0 0x30c
#define CSR_MTINST 0x34a
#define CSR_MTVAL2 0x34b
#define CSR_STIMECMP 0x14d
#define CSR_HSTATUS 0x600
#define CSR_HEDELEG 0x602
#define CSR_HIDELEG 0x603
#define CSR_HIE 0x604
#define CSR_HTIMEDELTA 0x605
#define CSR_HCOUNTEREN 0x606
#define CSR_HENVCFG 0x60a
#define CSR_HTVAL 0x643
#define CSR_HIP 0x644
#define CSR_HVIP 0x645
#define CSR_HTINST 0x64a
#define CSR_HGATP 0x680
#define CSR_VSSTATUS 0x200
#define CSR_VSIE 0x204
#define CSR_VSTVEC 0x205
#define CSR_VSATP 0x280
#define CSR_VSTIMECMP 0x24d

/* ---- Fields. */
#define MSTATUS_SIE (1ul << 1)
#define MSTATUS_MIE (1ul << 3)
#define MSTATUS_SPIE (1ul << 5)
#define MSTATUS_MPIE (1ul << 7)
#define MSTATUS_SPP (1ul << 8)
#define MSTATUS_MPP_SHIFT 11
#define MSTATUS_MPP (3ul << 11)
#define MSTATUS_FS_INITIAL (1ul << 13)
#define MSTATUS_GVA (1ul << 38)
#define MSTATUS_MPV (1ul << 39)
#define HSTATUS_GVA (1ul << 6)
#define HSTATUS_SPV (1ul << 7)
#define HSTATUS_SPVP (1ul << 8)
#define MIP_MSIP (1ul << 3)
#define MIP_STIP (1ul << 5)
#define MIP_VSTIP (1ul << 6)
#define MIP_MTIP (1ul << 7)
#define MIDELEG_VS_BITS 0x444ul /* VSSIP, VSTIP, VSEIP: read-only one in mideleg (Priv §9.4.2) */
#define MISA_H (1ul << 7)
#define ENVCFG_STCE (1ul << 63)
/* Smstateen: mstateen0.SE0 (hstateen0, sstateen0) and ENVCFG (henvcfg, senvcfg). */
#define MSTATEEN0_SE0 (1ul << 63)
#define MSTATEEN0_ENVCFG (1ul << 62)
#define COUNTEREN_CY (1ul << 0)
#define COUNTEREN_TM (1ul << 1)
#define COUNTEREN_IR (1ul << 2)
#define HGATP_MODE_SV39X4 (8ul << 60)
#define SATP_MODE_SV39 (8ul << 60)
#define CAUSE_INTERRUPT (1ul << 63)

/* Exception codes (Priv Table 3.6 with the H additions, Table 9.7). */
#define EXC_ILLEGAL_INSN 2
#define EXC_ECALL_U 8
#define EXC_ECALL_S 9
#define EXC_ECALL_VS 10
#define EXC_INSN_PAGE_FAULT 12
#define EXC_LOAD_PAGE_FAULT 13
#define EXC_STORE_PAGE_FAULT 15
#define EXC_INSN_GUEST_PAGE_FAULT 20
#define EXC_LOAD_GUEST_PAGE_FAULT 21
#define EXC_VIRTUAL_INSN 22
#define EXC_STORE_GUEST_PAGE_FAULT 23
#define IRQ_S_TIMER 5
#define IRQ_M_TIMER 7

/* Page-table entry bits (Priv §12.4.1). */
#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_U 0x10
#define PTE_A 0x40
#define PTE_D 0x80

/* ---- virt's devices (QEMU hw/riscv/virt.c; src/devices/virt-machine.ts). */
#define UART_BASE 0x10000000ul
#define CLINT_BASE 0x02000000ul
#define CLINT_MSIP(h) (CLINT_BASE + 4 * (h))
#define CLINT_MTIMECMP(h) (CLINT_BASE + 0x4000 + 8 * (h))
#define CLINT_MTIME (CLINT_BASE + 0xbff8)
#define SYSCON_BASE 0x00100000ul
#define SYSCON_PASS 0x5555
#define SYSCON_FAIL 0x3333

/* ---- CSR access by name or number. */
#define STR_(x) #x
#define STR(x) STR_(x)
#define csr_read(c)                                                   \
    ({                                                                \
        uint64_t v_;                                                  \
        asm volatile("csrr %0, " STR(c) : "=r"(v_)::"memory");        \
        v_;                                                           \
    })
#define csr_write(c, v) asm volatile("csrw " STR(c) ", %0" ::"r"((uint64_t)(v)) : "memory")
#define csr_set(c, v) asm volatile("csrs " STR(c) ", %0" ::"r"((uint64_t)(v)) : "memory")
#define csr_clear(c, v) asm volatile("csrc " STR(c) ", %0" ::"r"((uint64_t)(v)) : "memory")

#define mmio_read32(a) (*(volatile uint32_t *)(uintptr_t)(a))
#define mmio_write32(a, v) (*(volatile uint32_t *)(uintptr_t)(a) = (v))
#define mmio_read64(a) (*(volatile uint64_t *)(uintptr_t)(a))
#define mmio_write64(a, v) (*(volatile uint64_t *)(uintptr_t)(a) = (v))

/* ---- The hypervisor-extension instructions (Priv §9.3). A load that
 * traps is skipped by the expected-trap handler, leaving the sentinel. */
#define H_SENTINEL 0xdeadbeefdeadbeeful
#define H_ASM(insn) ".option push\n.option arch, +h\n" insn "\n.option pop"
#define HLV(insn, addr)                                                       \
    ({                                                                        \
        uint64_t v_ = H_SENTINEL;                                             \
        asm volatile(H_ASM(insn " %0, (%1)") : "+r"(v_) : "r"((uint64_t)(addr)) : "memory"); \
        v_;                                                                   \
    })
#define hlv_b(a) HLV("hlv.b", a)
#define hlv_bu(a) HLV("hlv.bu", a)
#define hlv_h(a) HLV("hlv.h", a)
#define hlv_hu(a) HLV("hlv.hu", a)
#define hlv_w(a) HLV("hlv.w", a)
#define hlv_wu(a) HLV("hlv.wu", a)
#define hlv_d(a) HLV("hlv.d", a)
#define hlvx_hu(a) HLV("hlvx.hu", a)
#define hlvx_wu(a) HLV("hlvx.wu", a)
#define HSV(insn, addr, val) asm volatile(H_ASM(insn " %1, (%0)")::"r"((uint64_t)(addr)), "r"((uint64_t)(val)) : "memory")
#define hsv_b(a, v) HSV("hsv.b", a, v)
#define hsv_h(a, v) HSV("hsv.h", a, v)
#define hsv_w(a, v) HSV("hsv.w", a, v)
#define hsv_d(a, v) HSV("hsv.d", a, v)
#define hfence_gvma() asm volatile(H_ASM("hfence.gvma zero, zero")::: "memory")
#define hfence_vvma() asm volatile(H_ASM("hfence.vvma zero, zero")::: "memory")

/* ---- console.c */
void console_putc(char c);
void hprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void hsnprintf(char *buf, unsigned size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void hvsnprintf(char *buf, unsigned size, const char *fmt, va_list ap);
void poweroff(unsigned failures) __attribute__((noreturn));
void *memset(void *p, int c, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n);

/* ---- hyp.c: the hypervisor. It runs at one of two levels. */
enum level { LVL_M = 0, LVL_HS = 1 };
extern volatile enum level hyp_level;
extern int have_sstc;

/* How guest_run() ended. */
enum guest_end { END_PASS, END_FAIL, END_STOPPED };
struct guest_result {
    enum guest_end end;
    uint64_t failed_check;   /* R_FAILED_CHECK when the guest failed */
    char why[120];           /* when the hypervisor stopped the guest */
};

/* What a trap told the hypervisor (from M's or HS's CSRs). */
struct trap_info {
    enum level level;
    uint64_t cause, tval, tval2, tinst;
    int gva;       /* mstatus.GVA / hstatus.GVA */
    int from_virt; /* MPV / SPV */
    int from_priv; /* MPP / SPP */
    uint64_t epc;
};

/* A trap the hypervisor provoked in itself (HLV, HSV, a CSR probe). */
struct expected_trap {
    volatile int armed, taken;
    struct trap_info t;
    uint32_t insn; /* the instruction that trapped */
};
extern struct expected_trap expect;
#define EXPECT_TRAP() (expect.taken = 0, expect.armed = 1)

/* The last guest-page fault and MMIO emulation. */
struct gpf_record {
    unsigned count, mmio_loads, mmio_stores, from_tinst, write_protect;
    struct trap_info t;
    uint64_t gpa;
    uint32_t insn;          /* the instruction, fetched with HLVX */
    int tinst_mismatch;     /* htinst/mtinst was nonzero but not its transformation */
    uint64_t bad_tinst, want_tinst;
};
extern struct gpf_record gpf;

/* The last emulated counter read (illegal or virtual instruction). */
struct counter_trap_record {
    unsigned count;
    struct trap_info t;
    uint32_t insn;
};
extern struct counter_trap_record counter_trap;

enum timer_mode { TIMER_CLINT, TIMER_VSTIMECMP };
struct timer_record {
    enum timer_mode mode;
    unsigned set_calls, injections;
};
extern struct timer_record timer;

extern unsigned trap_count[2][32]; /* exceptions by level and cause */
extern unsigned irq_count[2][16];  /* interrupts by level and code */
extern uint64_t guest_report[REPORT_KEYS];
extern char guest_console[256];
extern unsigned guest_console_len;
extern char device_console[256];
extern unsigned device_console_len;
extern uint8_t device_scratch[8];
extern volatile uint64_t host_marker;
extern uint64_t vs_satp, g_hgatp;

uint64_t read_mtime(void);
void hyp_watchdog(uint64_t ticks); /* 0: off */
void hyp_init(uint64_t hartid);
void guest_run(long test, long arg, struct guest_result *r);
void run_hs_phase(void);
/* HS asks M (ecall): flip menvcfg.STCE, set mcounteren. */
void harness_set_stce(int on);
void harness_set_mcounteren(uint64_t v);

/* ---- tests.c */
void run_tests(enum level level);
void fatal(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
extern unsigned tests_passed, tests_failed;

#endif
