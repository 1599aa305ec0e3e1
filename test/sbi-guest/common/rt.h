/* The runtime both guests link (common/): the console, the machine as the
 * device tree describes it, the end of the run, the functions the compiler
 * may call, and the symbols of start.S, ecall-all.S and link.ld. Each guest
 * defines guest_main() and trap_handler(). */
#ifndef SBI_GUEST_RT_H
#define SBI_GUEST_RT_H

#include <stdarg.h>

#include "layout.h"
#include "riscv.h"
#include "sbi.h"

/* ---- Defined by each guest. */
void guest_main(unsigned long hartid, unsigned long dtb) __attribute__((noreturn));
void trap_handler(struct frame *f); /* may change f (sepc, registers) and return */

/* ---- start.S, ecall-all.S, link.ld */
extern struct entry_regs boot_regs; /* hart 0 at _start */
extern char image_start[], image_end[];
void trap_vector(void);
void ecall_all(unsigned long x[32]);
extern char ecall_all_ecall[];

/* ---- console.c: %s %c %d %u %x, with l for longs. */
void print(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void snprint(char *buf, unsigned long size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void vsnprint(char *buf, unsigned long size, const char *fmt, va_list ap);
void console_write(const char *s, unsigned long n);

/* ---- fdt.c */
struct machine {
    unsigned long ram_base, ram_size;
    unsigned long timebase; /* time CSR ticks per second */
    unsigned long harts;    /* hartids 0..harts-1 exist */
};
/* What the tests run with (--mem 64 --smp 4), for a device tree that cannot be read. */
#define MACHINE_DEFAULTS {0x80000000ul, 64ul << 20, 10000000ul, 4}
/* Fills *m from the flattened device tree at dtb: 0, or why it could not (m untouched). */
const char *fdt_read_machine(unsigned long dtb, struct machine *m);

/* ---- shutdown.c */
void shutdown(int failed) __attribute__((noreturn));

/* ---- mem.c */
void *memset(void *p, int c, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n);

#endif
