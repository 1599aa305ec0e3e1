/* TIME (SBI v2.0 §6.1): set_timer raises the supervisor timer interrupt
 * once time reaches stime_value and clears it when given a later value;
 * (uint64_t)-1 is never. The interrupt is only looked at in sip, with
 * sie.STIE = 1 and sstatus.SIE = 0: it is never taken. */
#include "guest.h"

int timer_works;

static struct sbiret set_timer(unsigned long when) { return sbi1(SBI_EXT_TIME, SBI_TIME_SET_TIMER, when); }

static int stip(void) { return (csr_read(sip) & SIP_STIP) != 0; }

static void test_fires(void) {
    check_begin("time/set-timer-past");
    expect_ret(set_timer(0), 0, "set_timer(0)");
    expect_that(wait_sip(SIP_STIP, SPIN), "sip.STIP after set_timer(0) got 0 expected 1 within %d s", WAIT_SECONDS);
    check_end();

    check_begin("time/set-timer-far-future");
    expect_ret(set_timer(-1ul), 0, "set_timer(-1)");
    expect_eq(stip(), 0, "sip.STIP after set_timer(-1)");
    check_end();

    unsigned long target = rdtime() + ticks(10);
    check_begin("time/set-timer");
    expect_ret(set_timer(target), 0, "set_timer(now + 10 ms)");
    timer_works = expect_that(wait_sip(SIP_STIP, SPIN), "sip.STIP got 0 expected 1 within %d s", WAIT_SECONDS);
    unsigned long seen = rdtime();
    check_end();

    check_begin("time/set-timer-not-early");
    if (timer_works) expect_that(seen >= target, "time with sip.STIP got 0x%lx expected >= 0x%lx", seen, target);
    else expect_that(0, "sip.STIP got 0 expected 1 (see time/set-timer)");
    check_end();

    /* The interrupt from time/set-timer is pending: a later deadline clears it. */
    check_begin("time/set-timer-later-clears");
    expect_ret(set_timer(rdtime() + ticks(60 * 1000)), 0, "set_timer(now + 60 s)");
    expect_eq(stip(), 0, "sip.STIP after set_timer(now + 60 s)");
    check_end();
    set_timer(-1ul);
}

/* WFI with sie.STIE = 1 and sstatus.SIE = 0 wakes for the timer. Run only
 * once the timer is known to fire: otherwise WFI might never return. */
static void test_wfi(void) {
    check_begin("time/wfi-wakes");
    if (timer_works) {
        unsigned long target = rdtime() + ticks(10);
        expect_ret(set_timer(target), 0, "set_timer(now + 10 ms)");
        expect_that(wait_sip(SIP_STIP, WFI), "sip.STIP after WFI got 0 expected 1 within %d s", WAIT_SECONDS);
        unsigned long now = rdtime();
        expect_that(now >= target, "time after WFI got 0x%lx expected >= 0x%lx", now, target);
    } else {
        expect_that(0, "sip.STIP got 0 expected 1 (not run: see time/set-timer)");
    }
    check_end();
    set_timer(-1ul);
}

void test_time(void) {
    csr_set(sie, SIE_STIE);
    test_fires();
    test_wfi();
    csr_clear(sie, SIE_STIE);
    check_error("time/unknown-fid", sbi0(SBI_EXT_TIME, SBI_TIME_FIDS), SBI_ERR_NOT_SUPPORTED, "TIME FID 1");
}
