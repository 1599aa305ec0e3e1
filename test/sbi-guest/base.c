/* BASE (SBI v2.0 §4): the versions and ids the hypervisor reports, probing
 * what it implements and what it does not, calls to unknown extensions and
 * functions (§3: SBI_ERR_NOT_SUPPORTED), and the registers a call keeps. */
#include "guest.h"

#define RVHV_IMPL_ID 0x52564856l /* "RVHV" */

static const struct {
    const char *name;
    unsigned long eid;
} implemented[] = {
    {"base/probe-base", SBI_EXT_BASE},
    {"base/probe-time", SBI_EXT_TIME},
    {"base/probe-ipi", SBI_EXT_IPI},
    {"base/probe-rfence", SBI_EXT_RFENCE},
    {"base/probe-hsm", SBI_EXT_HSM},
    {"base/probe-srst", SBI_EXT_SRST},
    {"base/probe-dbcn", SBI_EXT_DBCN},
    {"base/probe-sta", SBI_EXT_STA},
    {"base/probe-legacy-set-timer", SBI_EXT_LEGACY_SET_TIMER},
    {"base/probe-legacy-console-putchar", SBI_EXT_LEGACY_CONSOLE_PUTCHAR},
    {"base/probe-legacy-console-getchar", SBI_EXT_LEGACY_CONSOLE_GETCHAR},
    {"base/probe-legacy-clear-ipi", SBI_EXT_LEGACY_CLEAR_IPI},
    {"base/probe-legacy-send-ipi", SBI_EXT_LEGACY_SEND_IPI},
    {"base/probe-legacy-remote-fence-i", SBI_EXT_LEGACY_REMOTE_FENCE_I},
    {"base/probe-legacy-remote-sfence-vma", SBI_EXT_LEGACY_REMOTE_SFENCE_VMA},
    {"base/probe-legacy-remote-sfence-vma-asid", SBI_EXT_LEGACY_REMOTE_SFENCE_VMA_ASID},
    {"base/probe-legacy-shutdown", SBI_EXT_LEGACY_SHUTDOWN},
};

/* Extensions the hypervisor does not implement: PMU (§11), the reserved
 * legacy EIDs, the first id of each range no standard extension takes, and
 * an id nobody uses. */
static const unsigned long unknown[] = {
    SBI_EXT_PMU, SBI_EXT_LEGACY_RESERVED_FIRST, SBI_EXT_LEGACY_RESERVED_LAST,
    SBI_EXT_EXPERIMENTAL_FIRST, SBI_EXT_VENDOR_FIRST, SBI_EXT_FIRMWARE_FIRST,
    0x12345678,
};
#define N_UNKNOWN (sizeof unknown / sizeof unknown[0])

static struct sbiret probe(unsigned long eid) { return sbi1(SBI_EXT_BASE, SBI_BASE_PROBE_EXTENSION, eid); }

static void test_ids(void) {
    check_ret("base/spec-version", sbi0(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION), SBI_SPEC_VERSION_2_0,
              "get_spec_version");
    check_ret("base/impl-id", sbi0(SBI_EXT_BASE, SBI_BASE_GET_IMPL_ID), RVHV_IMPL_ID, "get_impl_id");

    check_begin("base/impl-version");
    struct sbiret r = sbi0(SBI_EXT_BASE, SBI_BASE_GET_IMPL_VERSION);
    if (expect_error(r, SBI_SUCCESS, "get_impl_version"))
        expect_that(r.value != 0, "get_impl_version value got 0 expected nonzero");
    check_end();

    /* §4.5..§4.7: 0 is always a legal mvendorid, marchid, mimpid; the hypervisor reports 0. */
    check_ret("base/mvendorid", sbi0(SBI_EXT_BASE, SBI_BASE_GET_MVENDORID), 0, "get_mvendorid");
    check_ret("base/marchid", sbi0(SBI_EXT_BASE, SBI_BASE_GET_MARCHID), 0, "get_marchid");
    check_ret("base/mimpid", sbi0(SBI_EXT_BASE, SBI_BASE_GET_MIMPID), 0, "get_mimpid");
}

/* §4.4: 1 for an available extension, 0 for one that is not. */
static void test_probe(void) {
    for (unsigned i = 0; i < sizeof implemented / sizeof implemented[0]; i++) {
        check_begin(implemented[i].name);
        expect_ret(probe(implemented[i].eid), 1, "probe_extension(0x%lx)", implemented[i].eid);
        check_end();
    }
    check_begin("base/probe-unknown");
    for (unsigned i = 0; i < N_UNKNOWN; i++) expect_ret(probe(unknown[i]), 0, "probe_extension(0x%lx)", unknown[i]);
    check_end();
}

static void test_unknown(void) {
    check_begin("base/unknown-eid");
    for (unsigned i = 0; i < N_UNKNOWN; i++)
        expect_error(sbi0(unknown[i], 0), SBI_ERR_NOT_SUPPORTED, "EID 0x%lx FID 0", unknown[i]);
    check_end();

    check_begin("base/unknown-fid");
    expect_error(sbi0(SBI_EXT_BASE, SBI_BASE_FIDS), SBI_ERR_NOT_SUPPORTED, "BASE FID %d", SBI_BASE_FIDS);
    expect_error(sbi0(SBI_EXT_BASE, 0x7fffffff), SBI_ERR_NOT_SUPPORTED, "BASE FID 0x7fffffff");
    check_end();
}

void test_base(void) {
    test_ids();
    test_probe();
    test_unknown();
    check_preserved("base/registers-preserved", SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0);
}
