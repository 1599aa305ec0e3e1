/* The legacy extensions (SBI v2.0 §5, EIDs 0x00..0x07): one EID per
 * function, a6 ignored, a0 the only result, hart masks passed by address.
 * Legacy shutdown (0x08) is not called: it would end the run. */
#include "guest.h"

/* §5.5: the hart mask is read from guest memory. */
static unsigned long hart_mask;

static void legacy_console(void) {
    static const char text[] = "sbi-guest: hello through legacy console_putchar\n";
    check_begin("legacy/console-putchar");
    for (const char *c = text; *c; c++)
        expect_eq(sbi_legacy(SBI_EXT_LEGACY_CONSOLE_PUTCHAR, (unsigned char)*c, 0, 0, 0), 0, "console_putchar(0x%x)",
                  *c);
    check_end();

    /* §5.3: -1 when there is nothing to read (stdin is empty in the tests). */
    check_begin("legacy/console-getchar");
    expect_eq(sbi_legacy(SBI_EXT_LEGACY_CONSOLE_GETCHAR, 0, 0, 0, 0), -1ul, "console_getchar");
    check_end();

    check_begin("legacy/fid-ignored");
    expect_eq(sbi_call(SBI_EXT_LEGACY_CONSOLE_GETCHAR, 1, 0, 0, 0, 0, 0, 0).error, -1ul, "console_getchar with a6 = 1");
    check_end();
}

/* §5.1: set_timer programs the next event and clears the pending timer
 * interrupt; (uint64_t)-1 is never. */
static void legacy_timer(void) {
    csr_set(sie, SIE_STIE);
    check_begin("legacy/set-timer");
    expect_eq(sbi_legacy(SBI_EXT_LEGACY_SET_TIMER, rdtime() + ticks(10), 0, 0, 0), 0, "set_timer(now + 10 ms)");
    expect_that(wait_sip(SIP_STIP, SPIN), "sip.STIP got 0 expected 1 within %d s", WAIT_SECONDS);
    check_end();

    check_begin("legacy/set-timer-clears");
    expect_eq(sbi_legacy(SBI_EXT_LEGACY_SET_TIMER, -1ul, 0, 0, 0), 0, "set_timer(-1)");
    expect_eq(csr_read(sip) & SIP_STIP, 0, "sip.STIP after set_timer(-1)");
    check_end();
    csr_clear(sie, SIE_STIE);
}

/* §5.4, §5.5: IPIs arrive as sip.SSIP; clear_ipi returns 0 if none was
 * pending, something positive if one was. */
static void legacy_ipi(void) {
    csr_clear(sip, SIP_SSIP);
    check_begin("legacy/clear-ipi-none");
    expect_eq(sbi_legacy(SBI_EXT_LEGACY_CLEAR_IPI, 0, 0, 0, 0), 0, "clear_ipi with sip.SSIP = 0");
    check_end();

    check_begin("legacy/send-ipi-self");
    hart_mask = 1ul << 0;
    expect_eq(sbi_legacy(SBI_EXT_LEGACY_SEND_IPI, (unsigned long)&hart_mask, 0, 0, 0), 0, "send_ipi(&{0x1})");
    expect_that(wait_sip(SIP_SSIP, SPIN), "sip.SSIP got 0 expected 1 within %d s", WAIT_SECONDS);
    check_end();
    csr_clear(sip, SIP_SSIP);

    /* S-mode may raise sip.SSIP itself: an IPI pending without send_ipi. */
    check_begin("legacy/clear-ipi-pending");
    csr_set(sip, SIP_SSIP);
    if (expect_eq(csr_read(sip) & SIP_SSIP, SIP_SSIP, "sip.SSIP after csrs sip")) {
        long r = sbi_legacy(SBI_EXT_LEGACY_CLEAR_IPI, 0, 0, 0, 0);
        expect_that(r > 0, "clear_ipi with sip.SSIP = 1 got %ld expected > 0", r);
        expect_eq(csr_read(sip) & SIP_SSIP, 0, "sip.SSIP after clear_ipi");
    }
    check_end();
    csr_clear(sip, SIP_SSIP);
}

/* §5.6..§5.8: start = size = 0 is the whole address space. */
static void legacy_fences(void) {
    unsigned long mask = machine.harts >= 64 ? ~0ul : (1ul << machine.harts) - 1, p = (unsigned long)&hart_mask;
    unsigned long page = (unsigned long)image_start;
    hart_mask = mask;
    check_begin("legacy/remote-fence-i");
    expect_eq(sbi_legacy(SBI_EXT_LEGACY_REMOTE_FENCE_I, p, 0, 0, 0), 0, "remote_fence_i(&{0x%lx})", mask);
    check_end();

    check_begin("legacy/remote-sfence-vma");
    expect_eq(sbi_legacy(SBI_EXT_LEGACY_REMOTE_SFENCE_VMA, p, 0, 0, 0), 0, "remote_sfence_vma(&{0x%lx}, 0, 0)", mask);
    expect_eq(sbi_legacy(SBI_EXT_LEGACY_REMOTE_SFENCE_VMA, p, page, 4096, 0), 0,
              "remote_sfence_vma(&{0x%lx}, 0x%lx, 4096)", mask, page);
    check_end();

    check_begin("legacy/remote-sfence-vma-asid");
    expect_eq(sbi_legacy(SBI_EXT_LEGACY_REMOTE_SFENCE_VMA_ASID, p, 0, 0, 1), 0,
              "remote_sfence_vma_asid(&{0x%lx}, 0, 0, 1)", mask);
    expect_eq(sbi_legacy(SBI_EXT_LEGACY_REMOTE_SFENCE_VMA_ASID, p, page, 4096, 1), 0,
              "remote_sfence_vma_asid(&{0x%lx}, 0x%lx, 4096, 1)", mask, page);
    check_end();
}

void test_legacy(void) {
    legacy_console();
    legacy_timer();
    legacy_ipi();
    legacy_fences();
    check_preserved("legacy/registers-preserved", SBI_EXT_LEGACY_CONSOLE_GETCHAR, 0, 1);
}
