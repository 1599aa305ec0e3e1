/* STA (SBI v2.0 §16.1): set_shmem(lo, hi, flags) gives the hypervisor 64
 * bytes of guest RAM, 64-byte aligned, where it reports this vCPU's steal
 * time; lo = hi = -1 stops it. flags must be 0. The hypervisor zeroes the
 * area before returning and updates it between runs of the vCPU, with an
 * odd sequence while it writes steal. */
#include "guest.h"

/* Two areas' worth, so that a misaligned area that is wrongly accepted
 * stays inside this buffer. */
static struct sbi_sta_shmem areas[2] __attribute__((aligned(SBI_STA_ALIGN)));
static volatile struct sbi_sta_shmem *const area = &areas[0];

static struct sbiret set_shmem(unsigned long lo, unsigned long hi, unsigned long flags) {
    return sbi3(SBI_EXT_STA, SBI_STA_SET_SHMEM, lo, hi, flags);
}

/* §16.1: read steal between two equal, even sequence numbers. */
static int read_steal(unsigned long *steal) {
    for (int tries = 0; tries < 1000; tries++) {
        unsigned seq = area->sequence;
        fence();
        unsigned long v = area->steal;
        fence();
        if (seq % 2 == 0 && area->sequence == seq) {
            *steal = v;
            return 1;
        }
    }
    return 0;
}

/* Exits to the hypervisor, each one a chance for it to update the area. */
static void run_a_while(void) {
    for (int i = 0; i < 16; i++) sbi0(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION);
    unsigned long end = rdtime() + ticks(10);
    while (rdtime() < end) {
    }
}

static void test_bad_args(void) {
    unsigned long a = (unsigned long)area;
    check_begin("sta/set-shmem-flags");
    expect_error(set_shmem(a, 0, 1), SBI_ERR_INVALID_PARAM, "set_shmem(area, 0, flags 1)");
    check_end();

    check_begin("sta/set-shmem-misaligned");
    expect_error(set_shmem(a + 8, 0, 0), SBI_ERR_INVALID_PARAM, "set_shmem(area + 8, 0, 0)");
    expect_error(set_shmem(a + 32, 0, 0), SBI_ERR_INVALID_PARAM, "set_shmem(area + 32, 0, 0)");
    check_end();

    check_begin("sta/set-shmem-outside-ram");
    expect_error(set_shmem(UNMAPPED_ADDR, 0, 0), SBI_ERR_INVALID_ADDRESS, "set_shmem(0x%lx, 0, 0)", UNMAPPED_ADDR);
    expect_error(set_shmem(RAM_END, 0, 0), SBI_ERR_INVALID_ADDRESS, "set_shmem(RAM end 0x%lx, 0, 0)", RAM_END);
    expect_error(set_shmem(a, 1, 0), SBI_ERR_INVALID_ADDRESS, "set_shmem(area, hi 1, 0)");
    check_end();
}

static void test_reporting(void) {
    memset(areas, 0xa5, sizeof areas);
    check_begin("sta/set-shmem");
    expect_ret(set_shmem((unsigned long)area, 0, 0), 0, "set_shmem(area, 0, 0)");
    check_end();

    /* Zeroed on return, then only sequence and steal may have moved. */
    check_begin("sta/shmem-initialised");
    expect_eq(area->flags, 0, "flags");
    expect_eq(area->preempted, 0, "preempted while running");
    for (unsigned i = 0; i < sizeof area->pad; i++) expect_eq(area->pad[i], 0, "pad byte %u", i);
    check_end();

    check_begin("sta/sequence-even");
    unsigned seq = area->sequence;
    expect_that(seq % 2 == 0, "sequence got 0x%x expected an even number", seq);
    check_end();

    unsigned long before = 0, after = 0;
    check_begin("sta/steal-readable");
    expect_that(read_steal(&before), "a steal read between equal even sequences got none expected one in 1000 tries");
    run_a_while();
    expect_that(read_steal(&after), "a second steal read got none expected one in 1000 tries");
    check_end();

    check_begin("sta/steal-monotonic");
    expect_that(after >= before, "steal after running got %lu expected >= %lu", after, before);
    check_end();

    check_begin("sta/disable");
    expect_ret(set_shmem(SBI_STA_DISABLE, SBI_STA_DISABLE, 0), 0, "set_shmem(-1, -1, 0)");
    check_end();

    check_begin("sta/disabled-not-written");
    memset(areas, 0x5a, sizeof areas);
    run_a_while();
    for (unsigned i = 0; i < sizeof areas; i++)
        expect_eq(((volatile unsigned char *)areas)[i], 0x5a, "area byte %u after disable", i);
    check_end();
}

void test_sta(void) {
    test_bad_args();
    test_reporting();
    check_error("sta/unknown-fid", sbi0(SBI_EXT_STA, SBI_STA_FIDS), SBI_ERR_NOT_SUPPORTED, "STA FID 1");
}
