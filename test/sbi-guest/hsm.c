/* HSM (SBI v2.0 §9): hart_start, hart_stop, hart_get_status, hart_suspend.
 * Hart 1 is started, waits for an IPI and stops, then is started again;
 * hart 2 suspends until an IPI; the last hart is refused starts at bad
 * addresses. Hart 0 suspends itself, retentive and non-retentive, until its
 * timer fires. Calls a wrong answer could turn into a lost hart come last;
 * a reserved suspend type is tried with an interrupt pending, so that a
 * wrongly accepted suspend returns at once. */
#include "guest.h"

/* The opaque values, one per start or resume, told apart from each other
 * and from any address. */
#define OPAQUE_WAIT_IPI 0x0badcafe00000001ul
#define OPAQUE_RESTART 0x0badcafe00000002ul
#define OPAQUE_SUSPEND 0x0badcafe00000003ul
#define OPAQUE_RESUME 0x0badcafe00000004ul

static struct sbiret hart_start(unsigned long hartid, unsigned long start_addr, unsigned long opaque) {
    return sbi3(SBI_EXT_HSM, SBI_HSM_HART_START, hartid, start_addr, opaque);
}

static struct sbiret get_status(unsigned long hartid) { return sbi1(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, hartid); }

static struct sbiret send_ipi(unsigned long mask, unsigned long base) {
    return sbi2(SBI_EXT_IPI, SBI_IPI_SEND_IPI, mask, base);
}

static struct sbiret error_only(long error) { return (struct sbiret){error, 0}; }

static int hart_exists(unsigned long hartid) {
    return expect_that(hartid < machine.harts, "hart %lu got absent expected present (the tests run with --smp 4)",
                       hartid);
}

/* For the checks that need a secondary that hsm/start (or its like) got going. */
static int running(int up, unsigned long hartid) {
    return expect_that(up, "hart %lu got not started expected running (its start failed)", hartid);
}

/* Starts hartid with task; 1 once it runs its C code with the task armed. */
static int start(unsigned long hartid, enum secondary_task task, unsigned long opaque) {
    if (!hart_exists(hartid)) return 0;
    if (!expect_error(start_secondary(hartid, task, opaque), SBI_SUCCESS, "hart_start(%lu, secondary_entry)", hartid))
        return 0;
    return expect_that(wait_flag(&secondary.ready),
                       "hart %lu's report from start_addr got none expected one within %d s", hartid, WAIT_SECONDS);
}

/* §9.1, §9.4: a0 = hartid, a1 = opaque, satp = 0, sstatus.SIE = 0 on arrival. */
static void check_arrival(const char *const names[3], int arrived, const struct entry_regs *e, unsigned long hartid,
                          unsigned long opaque) {
    const char *never = "the hart's arrival at its entry point got none expected one";
    check_begin(names[0]);
    if (expect_that(arrived, "%s", never)) expect_eq(e->a0, hartid, "a0 on arrival");
    check_end();
    check_begin(names[1]);
    if (expect_that(arrived, "%s", never)) expect_eq(e->a1, opaque, "a1 on arrival");
    check_end();
    check_begin(names[2]);
    if (expect_that(arrived, "%s", never)) {
        expect_eq(e->satp, 0, "satp on arrival");
        expect_eq(e->sstatus & SSTATUS_SIE, 0, "sstatus.SIE on arrival");
    }
    check_end();
}

static void test_status(void) {
    check_ret("hsm/status-self", get_status(0), SBI_HSM_STARTED, "hart_get_status(0)");

    check_begin("hsm/status-stopped");
    for (unsigned long h = 1; h < machine.harts; h++)
        expect_ret(get_status(h), SBI_HSM_STOPPED, "hart_get_status(%lu) of a hart never started", h);
    check_end();

    check_begin("hsm/status-invalid-hartid");
    expect_error(get_status(NO_SUCH_HART), SBI_ERR_INVALID_PARAM, "hart_get_status(%lu)", NO_SUCH_HART);
    expect_error(get_status(-1ul), SBI_ERR_INVALID_PARAM, "hart_get_status(-1)");
    check_end();
}

static void test_start_refused(void) {
    unsigned long entry = (unsigned long)secondary_entry;
    check_begin("hsm/start-invalid-hartid");
    expect_error(hart_start(NO_SUCH_HART, entry, 0), SBI_ERR_INVALID_PARAM, "hart_start(%lu)", NO_SUCH_HART);
    expect_error(hart_start(-1ul, entry, 0), SBI_ERR_INVALID_PARAM, "hart_start(-1)");
    check_end();

    check_error("hsm/start-self", hart_start(0, entry, 0), SBI_ERR_ALREADY_AVAILABLE, "hart_start(0) on hart 0");
}

/* Hart 1: started, running (status, a second start, fences, an IPI), stopped. */
static void session_wait_ipi(void) {
    static const char *const arrival[3] = {"hsm/start-a0-hartid", "hsm/start-a1-opaque", "hsm/start-satp-sie"};
    const unsigned long hart = 1;
    check_begin("hsm/start");
    int up = start(hart, TASK_WAIT_IPI, OPAQUE_WAIT_IPI);
    check_end();
    check_arrival(arrival, up, &secondary_entry_regs, hart, OPAQUE_WAIT_IPI);

    check_begin("hsm/status-started");
    if (running(up, hart)) expect_ret(get_status(hart), SBI_HSM_STARTED, "hart_get_status(%lu)", hart);
    check_end();

    check_begin("hsm/start-already-started");
    if (running(up, hart))
        expect_error(hart_start(hart, (unsigned long)secondary_entry, 0), SBI_ERR_ALREADY_AVAILABLE,
                     "hart_start(%lu) of a started hart", hart);
    check_end();

    if (up) {
        check_rfence_running_hart(hart);
    } else {
        check_begin("rfence/running-hart");
        running(up, hart);
        check_end();
    }

    check_begin("ipi/send-secondary");
    if (running(up, hart) && expect_ret(send_ipi(1ul << hart, 0), 0, "send_ipi(1 << %lu, 0)", hart) &&
        expect_that(wait_flag(&secondary.done), "hart %lu's report got nothing expected one within %d s", hart,
                    WAIT_SECONDS))
        expect_eq(secondary.ipi_seen, 1, "sip.SSIP on hart %lu", hart);
    check_end();

    check_begin("hsm/stop");
    if (running(up, hart)) {
        expect_ret(wait_hart_status(hart, SBI_HSM_STOPPED), SBI_HSM_STOPPED, "hart_get_status(%lu) after hart_stop",
                   hart);
        expect_eq(secondary.stop_returned, 0, "hart_stop returned on hart %lu, error %ld", hart, secondary.stop_error);
    }
    check_end();
}

/* Hart 1 again: a stopped hart starts anew, with the new opaque. */
static void session_restart(void) {
    const unsigned long hart = 1;
    check_begin("hsm/restart");
    if (start(hart, TASK_STOP, OPAQUE_RESTART)) {
        expect_eq(secondary_entry_regs.a0, hart, "a0 on arrival");
        expect_eq(secondary_entry_regs.a1, OPAQUE_RESTART, "a1 on arrival");
        expect_ret(wait_hart_status(hart, SBI_HSM_STOPPED), SBI_HSM_STOPPED, "hart_get_status(%lu) after hart_stop",
                   hart);
    }
    check_end();
}

/* Hart 2: a retentive suspend shows as SUSPENDED and ends with an IPI, sent
 * with a mask base (§3.1: hartid = base + bit index). */
static void session_suspend(void) {
    const unsigned long hart = 2;
    check_begin("hsm/status-suspended");
    int up = start(hart, TASK_SUSPEND, OPAQUE_SUSPEND);
    if (up)
        expect_ret(wait_hart_status(hart, SBI_HSM_SUSPENDED), SBI_HSM_SUSPENDED,
                   "hart_get_status(%lu) of a suspended hart", hart);
    check_end();

    check_begin("hsm/suspend-ipi-wake");
    if (running(up, hart) && expect_ret(send_ipi(1, hart), 0, "send_ipi(0x1, base %lu)", hart) &&
        expect_that(wait_flag(&secondary.done), "hart %lu's report got nothing expected one within %d s", hart,
                    WAIT_SECONDS)) {
        expect_error(error_only(secondary.suspend_error), SBI_SUCCESS, "hart_suspend(retentive) on hart %lu", hart);
        expect_eq(secondary.ipi_seen, 1, "sip.SSIP when hart_suspend returned on hart %lu", hart);
        expect_ret(wait_hart_status(hart, SBI_HSM_STOPPED), SBI_HSM_STOPPED, "hart_get_status(%lu) after hart_stop",
                   hart);
    }
    check_end();
}

/* Arms hart 0's timer 10 ms ahead, sie.STIE on, with the deadline in
 * *target; only once the timer is known to fire (else: 0 and a failure). */
static int timer_in_10ms(unsigned long *target) {
    if (!expect_that(timer_works, "sip.STIP got 0 expected 1 (not run: see time/set-timer)")) return 0;
    csr_set(sie, SIE_STIE);
    *target = rdtime() + ticks(10);
    sbi1(SBI_EXT_TIME, SBI_TIME_SET_TIMER, *target);
    return 1;
}

static void timer_off(void) {
    sbi1(SBI_EXT_TIME, SBI_TIME_SET_TIMER, -1ul);
    csr_write(sie, 0);
}

static void check_woken(unsigned long target) {
    unsigned long now = rdtime();
    expect_eq(csr_read(sip) & SIP_STIP, SIP_STIP, "sip.STIP on return");
    expect_that(now >= target, "time on return got 0x%lx expected >= 0x%lx", now, target);
}

static void test_suspend_self(void) {
    unsigned long entry = (unsigned long)hsm_resume_entry, target;
    check_begin("hsm/suspend-retentive");
    if (timer_in_10ms(&target)) {
        long error = hsm_suspend(SBI_HSM_SUSPEND_RETENTIVE, entry, 0);
        expect_error(error_only(error), SBI_SUCCESS, "hart_suspend(retentive)");
        check_woken(target);
    }
    check_end();
    timer_off();

    static const char *const arrival[3] = {"hsm/resume-a0-hartid", "hsm/resume-a1-opaque", "hsm/resume-satp-sie"};
    int resumed = 0;
    check_begin("hsm/suspend-non-retentive");
    if (timer_in_10ms(&target)) {
        memset(&resume_entry_regs, 0xff, sizeof resume_entry_regs);
        long r = hsm_suspend(SBI_HSM_SUSPEND_NON_RETENTIVE, entry, OPAQUE_RESUME);
        resumed = expect_that(r == SUSPEND_RESUMED,
                              "hart_suspend(non-retentive) got a return, error %ld, expected a resume at resume_addr", r);
        if (resumed) check_woken(target);
    }
    check_end();
    timer_off();
    check_arrival(arrival, resumed, &resume_entry_regs, 0, OPAQUE_RESUME);
}

/* An IPI pending and enabled: a suspend that should have been refused but
 * was not returns (or resumes) at once instead of waiting forever. */
static void interrupt_pending(int on) {
    if (on) {
        csr_set(sip, SIP_SSIP);
        csr_set(sie, SIE_SSIE);
    } else {
        csr_write(sie, 0);
        csr_clear(sip, SIP_SSIP);
    }
}

/* §9.4: reserved types, and platform-specific ones the hypervisor has none of. */
static void test_suspend_reserved(void) {
    static const unsigned long types[] = {0x00000001, 0x0fffffff, 0x10000000, 0x80000001, 0x8fffffff};
    check_begin("hsm/suspend-reserved-type");
    interrupt_pending(1);
    for (unsigned i = 0; i < sizeof types / sizeof types[0]; i++)
        expect_error(error_only(hsm_suspend(types[i], (unsigned long)hsm_resume_entry, 0)), SBI_ERR_INVALID_PARAM,
                     "hart_suspend(0x%lx)", types[i]);
    interrupt_pending(0);
    check_end();
}

static void test_bad_addresses(void) {
    unsigned long last = machine.harts - 1;
    check_begin("hsm/start-invalid-address");
    if (hart_exists(1)) {
        expect_error(hart_start(last, UNMAPPED_ADDR, 0), SBI_ERR_INVALID_ADDRESS, "hart_start(%lu, 0x%lx)", last,
                     UNMAPPED_ADDR);
        expect_error(hart_start(last, RAM_END, 0), SBI_ERR_INVALID_ADDRESS, "hart_start(%lu, RAM end 0x%lx)", last,
                     RAM_END);
        expect_ret(get_status(last), SBI_HSM_STOPPED, "hart_get_status(%lu) after the refused starts", last);
    }
    check_end();

    check_begin("hsm/suspend-invalid-address");
    interrupt_pending(1);
    expect_error(error_only(hsm_suspend(SBI_HSM_SUSPEND_NON_RETENTIVE, UNMAPPED_ADDR, 0)), SBI_ERR_INVALID_ADDRESS,
                 "hart_suspend(non-retentive, 0x%lx)", UNMAPPED_ADDR);
    expect_error(error_only(hsm_suspend(SBI_HSM_SUSPEND_NON_RETENTIVE, RAM_END, 0)), SBI_ERR_INVALID_ADDRESS,
                 "hart_suspend(non-retentive, RAM end 0x%lx)", RAM_END);
    interrupt_pending(0);
    check_end();
}

void test_hsm(void) {
    test_status();
    test_start_refused();
    check_error("hsm/unknown-fid", sbi0(SBI_EXT_HSM, SBI_HSM_FIDS), SBI_ERR_NOT_SUPPORTED, "HSM FID 4");
    session_wait_ipi();
    session_restart();
    session_suspend();
    test_suspend_self();
    test_suspend_reserved();
    test_bad_addresses();
}
