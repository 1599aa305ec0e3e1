/* An SBI call preserves every register but a0 and a1 (SBI v2.0 §3); a
 * legacy call every register but a0 (§5). Each register the call can see
 * gets its own value first; all of them are compared after it. */
#include "guest.h"

static const char *const abi_names[32] = {
    "zero", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6",   "a7", "s2", "s3", "s4",  "s5",  "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

void check_preserved(const char *name, unsigned long eid, unsigned long fid, int legacy) {
    unsigned long x[32] = {0}, before[32];
    for (int i = 5; i < 32; i++) x[i] = 0x5eed000000000000ul | (unsigned long)i << 32 | (unsigned long)i * 0x01010101ul;
    x[16] = fid;
    x[17] = eid;
    memcpy(before, x, sizeof x);
    ecall_all(x);
    check_begin(name);
    for (int i = 5; i < 32; i++) {
        if (i == 10 || (i == 11 && !legacy)) continue;
        expect_eq(x[i], before[i], "%s after EID 0x%lx FID %lu", abi_names[i], eid, fid);
    }
    check_end();
}
