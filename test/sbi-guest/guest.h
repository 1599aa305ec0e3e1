/* What the check files of sbi-guest share: the machine, the check lines,
 * bounded waits, the secondary harts, and one suite per SBI extension. */
#ifndef SBI_GUEST_GUEST_H
#define SBI_GUEST_GUEST_H

#include "common/rt.h"
#include "hsm-entry.h"

/* ---- main.c */
extern struct machine machine;
#define RAM_END (machine.ram_base + machine.ram_size)
#define UNMAPPED_ADDR 0x1000ul /* below guest RAM: nothing is mapped there */
#define NO_SUCH_HART (machine.harts)

/* ---- check.c: each check prints one line, `PASS <ext>/<name>` or
 * `FAIL <ext>/<name>: <what> got <x> expected <y>` for its first failed
 * expectation. Expectations return whether they held. */
void check_begin(const char *name);
void check_end(void);
int expect_error(struct sbiret r, long error, const char *call, ...) __attribute__((format(printf, 3, 4)));
int expect_ret(struct sbiret r, long value, const char *call, ...) __attribute__((format(printf, 3, 4)));
int expect_eq(unsigned long got, unsigned long want, const char *what, ...) __attribute__((format(printf, 3, 4)));
/* A free-form failure: the message is the whole "<what> got <x> expected <y>". */
int expect_that(int ok, const char *message, ...) __attribute__((format(printf, 2, 3)));
/* A one-expectation check. */
void check_error(const char *name, struct sbiret r, long error, const char *call);
void check_ret(const char *name, struct sbiret r, long value, const char *call);
extern const char *check_current; /* the check under way, or 0 */
extern unsigned checks_passed, checks_failed;

/* ---- preserved.c: the registers an SBI call must leave alone. */
void check_preserved(const char *name, unsigned long eid, unsigned long fid, int legacy);

/* ---- wait.c: every wait ends within WAIT_SECONDS of the time CSR. */
#define WAIT_SECONDS 2
enum wait_mode { SPIN, WFI };
unsigned long ticks(unsigned long ms);
int wait_sip(unsigned long bits, enum wait_mode mode); /* 1: a bit of sip came up */
int wait_flag(volatile long *flag);                    /* 1: *flag became nonzero */
/* hart_get_status until it says want; its last answer. */
struct sbiret wait_hart_status(unsigned long hartid, long want);

/* ---- harts.c: secondary harts, started one at a time with
 * hart_start(hartid, secondary_entry, opaque) (hsm-entry.h). A secondary
 * does its task, says so through `secondary`, and calls hart_stop. */
enum secondary_task {
    TASK_STOP,     /* stop at once */
    TASK_WAIT_IPI, /* wait for sip.SSIP with WFI */
    TASK_SUSPEND,  /* a default retentive hart_suspend, woken by an IPI */
};
struct secondary_mailbox {
    volatile long task;          /* written by hart 0 before hart_start */
    volatile long ready;         /* the secondary runs C and its task is armed */
    volatile long ipi_seen;      /* sip.SSIP came up */
    volatile long suspend_error; /* hart_suspend's error (TASK_SUSPEND) */
    volatile long done;          /* the task is over: hart_stop comes next */
    volatile long stop_returned; /* hart_stop returned, with stop_error */
    volatile long stop_error;
};
extern struct secondary_mailbox secondary;
/* Clears the mailbox and the entry record, then calls hart_start. */
struct sbiret start_secondary(unsigned long hartid, enum secondary_task task, unsigned long opaque);

/* ---- the suites, in the order main.c runs them */
void test_base(void);
void test_legacy(void);
void test_dbcn(void);
void test_time(void);
extern int timer_works; /* time/set-timer passed: waiting for the timer cannot hang */
void test_ipi(void);
void test_rfence(void);
void check_rfence_running_hart(unsigned long hartid);
void test_sta(void);
void test_hsm(void);
void test_srst(void);

#endif
