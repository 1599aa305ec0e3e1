/* Check lines. A check begins, gathers expectations, and ends with one
 * line: PASS, or FAIL with the first expectation that did not hold, so a
 * check reads the same whatever else failed. SBI errors print with their
 * names (SBI v2.0 §3, Standard SBI Errors). */
#include "guest.h"

const char *check_current;
unsigned checks_passed, checks_failed;
static int failed;
static char detail[200];

void check_begin(const char *name) {
    check_current = name;
    failed = 0;
    detail[0] = 0;
}

void check_end(void) {
    if (failed) {
        checks_failed++;
        print("FAIL %s: %s\n", check_current, detail);
    } else {
        checks_passed++;
        print("PASS %s\n", check_current);
    }
    check_current = 0;
}

static void error_text(char *buf, unsigned long size, long e) {
    static const char *const names[] = {
        "SUCCESS",         "FAILED",           "NOT_SUPPORTED",   "INVALID_PARAM",   "DENIED",
        "INVALID_ADDRESS", "ALREADY_AVAILABLE", "ALREADY_STARTED", "ALREADY_STOPPED", "NO_SHMEM",
    };
    if (e <= 0 && e >= SBI_ERR_LOWEST) snprint(buf, size, "%ld (%s)", e, names[-e]);
    else snprint(buf, size, "%ld", e);
}

/* Small numbers in decimal (errors, counts, states), the rest in hex. */
static void value_text(char *buf, unsigned long size, unsigned long v) {
    if ((long)v >= -65536 && (long)v <= 65536) snprint(buf, size, "%ld", (long)v);
    else snprint(buf, size, "0x%lx", v);
}

/* "<what><field> got <x> expected <y>", the first failure only. */
static void fail_with(const char *what, const char *field, const char *got, const char *want) {
    if (failed) return;
    failed = 1;
    snprint(detail, sizeof detail, "%s%s got %s expected %s", what, field, got, want);
}

int expect_error(struct sbiret r, long error, const char *call, ...) {
    if (r.error == error) return 1;
    char what[96], got[40], want[40];
    va_list ap;
    va_start(ap, call);
    vsnprint(what, sizeof what, call, ap);
    va_end(ap);
    error_text(got, sizeof got, r.error);
    error_text(want, sizeof want, error);
    fail_with(what, " error", got, want);
    return 0;
}

int expect_ret(struct sbiret r, long value, const char *call, ...) {
    if (r.error == SBI_SUCCESS && r.value == value) return 1;
    char what[96], got[40], want[40];
    va_list ap;
    va_start(ap, call);
    vsnprint(what, sizeof what, call, ap);
    va_end(ap);
    if (r.error != SBI_SUCCESS) {
        error_text(got, sizeof got, r.error);
        error_text(want, sizeof want, SBI_SUCCESS);
        fail_with(what, " error", got, want);
    } else {
        value_text(got, sizeof got, r.value);
        value_text(want, sizeof want, value);
        fail_with(what, " value", got, want);
    }
    return 0;
}

int expect_eq(unsigned long got, unsigned long want, const char *what, ...) {
    if (got == want) return 1;
    char w[96], g[40], e[40];
    va_list ap;
    va_start(ap, what);
    vsnprint(w, sizeof w, what, ap);
    va_end(ap);
    value_text(g, sizeof g, got);
    value_text(e, sizeof e, want);
    fail_with(w, "", g, e);
    return 0;
}

int expect_that(int ok, const char *message, ...) {
    if (ok || failed) return ok;
    failed = 1;
    va_list ap;
    va_start(ap, message);
    vsnprint(detail, sizeof detail, message, ap);
    va_end(ap);
    return 0;
}

void check_error(const char *name, struct sbiret r, long error, const char *call) {
    check_begin(name);
    expect_error(r, error, "%s", call);
    check_end();
}

void check_ret(const char *name, struct sbiret r, long value, const char *call) {
    check_begin(name);
    expect_ret(r, value, "%s", call);
    check_end();
}
