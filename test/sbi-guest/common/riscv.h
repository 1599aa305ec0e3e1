/* The supervisor CSRs and fields the guests use (Priv, Supervisor-Level
 * ISA), reached from VS-mode exactly as from S-mode, and the time CSR. */
#ifndef SBI_GUEST_RISCV_H
#define SBI_GUEST_RISCV_H

#define SSTATUS_SIE (1ul << 1)
#define SIE_SSIE (1ul << 1) /* supervisor software interrupt: IPIs (SBI v2.0 §7) */
#define SIE_STIE (1ul << 5) /* supervisor timer interrupt (SBI v2.0 §6) */
#define SIP_SSIP SIE_SSIE
#define SIP_STIP SIE_STIE
#define SCAUSE_INTERRUPT (1ul << 63)
#define EXC_LOAD_ACCESS_FAULT 5
#define EXC_LOAD_PAGE_FAULT 13

#define STR_(x) #x
#define STR(x) STR_(x)
#define csr_read(c)                                            \
    ({                                                         \
        unsigned long v_;                                      \
        asm volatile("csrr %0, " STR(c) : "=r"(v_)::"memory"); \
        v_;                                                    \
    })
#define csr_write(c, v) asm volatile("csrw " STR(c) ", %0" ::"r"((unsigned long)(v)) : "memory")
#define csr_set(c, v) asm volatile("csrs " STR(c) ", %0" ::"r"((unsigned long)(v)) : "memory")
#define csr_clear(c, v) asm volatile("csrc " STR(c) ", %0" ::"r"((unsigned long)(v)) : "memory")

static inline unsigned long rdtime(void) {
    unsigned long t;
    asm volatile("rdtime %0" : "=r"(t));
    return t;
}

/* Priv, WFI: it resumes once an interrupt enabled in sie is pending,
 * whatever sstatus.SIE says; it may also resume for no reason. */
static inline void wfi(void) { asm volatile("wfi" ::: "memory"); }

/* Orders this hart's memory accesses for another hart. */
static inline void fence(void) { asm volatile("fence rw, rw" ::: "memory"); }

#endif
