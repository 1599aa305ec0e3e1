/* SRST (SBI v2.0 §10.1): system_reset with a reserved type or reason is
 * refused with SBI_ERR_INVALID_PARAM. The good calls end the run: the
 * final shutdown (common/shutdown.c) is the test of those. */
#include "guest.h"

static struct sbiret system_reset(unsigned long type, unsigned long reason) {
    return sbi2(SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET, type, reason);
}

void test_srst(void) {
    check_begin("srst/reserved-type");
    expect_error(system_reset(3, SBI_SRST_REASON_NONE), SBI_ERR_INVALID_PARAM, "system_reset(3, none)");
    expect_error(system_reset(0xefffffff, SBI_SRST_REASON_NONE), SBI_ERR_INVALID_PARAM,
                 "system_reset(0xefffffff, none)");
    check_end();

    /* With the shutdown type: a wrong acceptance ends the run, visibly, before the summary. */
    check_begin("srst/reserved-reason");
    expect_error(system_reset(SBI_SRST_TYPE_SHUTDOWN, 2), SBI_ERR_INVALID_PARAM, "system_reset(shutdown, 2)");
    expect_error(system_reset(SBI_SRST_TYPE_SHUTDOWN, 0xdfffffff), SBI_ERR_INVALID_PARAM,
                 "system_reset(shutdown, 0xdfffffff)");
    check_end();

    check_error("srst/unknown-fid", sbi0(SBI_EXT_SRST, SBI_SRST_FIDS), SBI_ERR_NOT_SUPPORTED, "SRST FID 1");
}
