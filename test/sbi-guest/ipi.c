/* IPI (SBI v2.0 §7.1): send_ipi(hart_mask, hart_mask_base) raises sip.SSIP
 * on every hart named (§3.1: base -1 names all). A mask naming a hart that
 * does not exist is SBI_ERR_INVALID_PARAM. Hart 0 only looks at its own
 * sip here; hsm.c sends IPIs to running secondaries. */
#include "guest.h"

static struct sbiret send_ipi(unsigned long mask, unsigned long base) {
    return sbi2(SBI_EXT_IPI, SBI_IPI_SEND_IPI, mask, base);
}

static void test_self(void) {
    csr_clear(sip, SIP_SSIP);
    check_begin("ipi/send-self");
    expect_ret(send_ipi(1, 0), 0, "send_ipi(0x1, 0)");
    expect_that(wait_sip(SIP_SSIP, SPIN), "sip.SSIP got 0 expected 1 within %d s", WAIT_SECONDS);
    check_end();

    /* S-mode clears an IPI by clearing sip.SSIP. */
    check_begin("ipi/clear-ssip");
    csr_clear(sip, SIP_SSIP);
    expect_eq(csr_read(sip) & SIP_SSIP, 0, "sip.SSIP after csrc sip");
    check_end();

    check_begin("ipi/send-all");
    expect_ret(send_ipi(0, SBI_HART_MASK_BASE_ALL), 0, "send_ipi(0, -1)");
    expect_that(wait_sip(SIP_SSIP, SPIN), "sip.SSIP got 0 expected 1 within %d s", WAIT_SECONDS);
    check_end();
    csr_clear(sip, SIP_SSIP);
}

static void test_invalid(void) {
    unsigned long last = machine.harts - 1;
    check_begin("ipi/send-invalid-hart");
    expect_error(send_ipi(1ul << NO_SUCH_HART, 0), SBI_ERR_INVALID_PARAM, "send_ipi(1 << %lu, 0)", NO_SUCH_HART);
    check_end();

    check_begin("ipi/send-invalid-base");
    expect_error(send_ipi(1, NO_SUCH_HART), SBI_ERR_INVALID_PARAM, "send_ipi(0x1, %lu)", NO_SUCH_HART);
    check_end();

    /* Hart `last` exists, last + 1 does not. */
    check_begin("ipi/send-partly-invalid");
    expect_error(send_ipi(3, last), SBI_ERR_INVALID_PARAM, "send_ipi(0x3, %lu)", last);
    check_end();
    csr_clear(sip, SIP_SSIP);
}

void test_ipi(void) {
    test_self();
    test_invalid();
    check_error("ipi/unknown-fid", sbi0(SBI_EXT_IPI, SBI_IPI_FIDS), SBI_ERR_NOT_SUPPORTED, "IPI FID 1");
}
