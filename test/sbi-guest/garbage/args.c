/* Random arguments, from a xorshift64 generator with a fixed seed (the
 * same calls on every run), shaped so that some land where SBI functions
 * look: small numbers, all ones, guest RAM, its end, unmapped space. Then
 * the few rules that let the guest survive what it passes:
 *
 * - calls that would end the run or stop this hart are not made: legacy
 *   shutdown (SBI v2.0 §5.9), system_reset of a type that resets (§10.1:
 *   0..2, and the vendor types), hart_stop and hart_suspend (§9.2, §9.4),
 *   and system suspend (§13, not implemented, but it would suspend);
 * - memory the SBI implementation may write (DBCN read's buffer, §12.2;
 *   STA's area, §16.1, written again on every later run of the vCPU) never
 *   overlaps the image: such an address moves to the scratch area above it;
 * - a hart_start address in guest RAM becomes park, which stops the hart;
 * - console output stays printable: a buffer in RAM is moved into
 *   `printable`, and a written byte is one of its characters.
 *
 * Ids are compared on their low 32 bits (§3: EIDs and FIDs are 32-bit), so
 * that no wider random id can reach a function the rules keep away. */
#include "garbage.h"

#define SCRATCH_SIZE 0x10000ul

static unsigned long ram_start, ram_end, scratch;
static const char printable[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+/";
#define PRINTABLE_LEN (sizeof printable - 1)

unsigned long random64(void) {
    static unsigned long state = 0x9e3779b97f4a7c15ul;
    unsigned long x = state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return state = x;
}

void args_init(const struct machine *m) {
    ram_start = m->ram_base;
    ram_end = m->ram_base + m->ram_size;
    scratch = ((unsigned long)image_end + 0xfff) & ~0xffful;
}

static unsigned long random_arg(void) {
    unsigned long r = random64();
    switch (random64() % 8) {
    case 0:
    case 1:
        return r;
    case 2:
        return r % 8; /* hartids, types, small counts */
    case 3:
        return -1ul; /* mask base -1, STA's disable */
    case 4:
        return ram_start + r % (ram_end - ram_start);
    case 5:
        return scratch + ((r % SCRATCH_SIZE) & ~63ul);
    case 6:
        return ram_end - r % 128;
    default:
        return r % ram_start; /* below RAM: unmapped */
    }
}

static int in_ram(unsigned long a) { return a >= ram_start && a < ram_end; }

/* [lo, lo + len) overlaps the image (a range that wraps past 2^64 does). */
static int touches_image(unsigned long lo, unsigned long len) {
    unsigned long end = lo + len;
    return lo < (unsigned long)image_end && (end > (unsigned long)image_start || end < lo);
}

static void keep_off_image(unsigned long *lo, unsigned long len) {
    if (touches_image(*lo, len)) *lo = scratch + *lo % SCRATCH_SIZE;
}

/* A console_write buffer wholly in RAM prints `printable` instead. */
static void printable_buffer(unsigned long *num, unsigned long *lo) {
    if (!in_ram(*lo) || *num > ram_end - *lo) return;
    unsigned long offset = *lo % PRINTABLE_LEN;
    *lo = (unsigned long)printable + offset;
    *num %= PRINTABLE_LEN - offset + 1;
}

static unsigned long printable_byte(unsigned long a) {
    return (a & ~0xfful) | (unsigned char)printable[a % PRINTABLE_LEN];
}

int make_args(unsigned long eid, unsigned long fid, unsigned long x[32]) {
    for (int i = 10; i < 16; i++) x[i] = random_arg();
    unsigned e = (unsigned)eid, f = (unsigned)fid;
    unsigned type = (unsigned)x[10];
    if (e == SBI_EXT_LEGACY_SHUTDOWN || e == SBI_EXT_SUSP) return 0;
    int resets = type <= SBI_SRST_TYPE_WARM_REBOOT || type >= SBI_SRST_TYPE_VENDOR_FIRST;
    if (e == SBI_EXT_SRST && f == SBI_SRST_SYSTEM_RESET && resets) return 0;
    if (e == SBI_EXT_HSM && (f == SBI_HSM_HART_STOP || f == SBI_HSM_HART_SUSPEND)) return 0;
    if (e == SBI_EXT_HSM && f == SBI_HSM_HART_START && in_ram(x[11])) x[11] = (unsigned long)park;
    if (e == SBI_EXT_DBCN && f == SBI_DBCN_READ) keep_off_image(&x[11], x[10]);
    if (e == SBI_EXT_STA && f == SBI_STA_SET_SHMEM) keep_off_image(&x[10], SBI_STA_ALIGN);
    if (e == SBI_EXT_DBCN && f == SBI_DBCN_WRITE) printable_buffer(&x[10], &x[11]);
    if ((e == SBI_EXT_DBCN && f == SBI_DBCN_WRITE_BYTE) || e == SBI_EXT_LEGACY_CONSOLE_PUTCHAR)
        x[10] = printable_byte(x[10]);
    return 1;
}
