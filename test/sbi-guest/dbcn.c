/* DBCN (SBI v2.0 §12): console write and read by physical address, and
 * write_byte. A buffer must lie entirely in guest RAM (§3.2); nothing is
 * mapped at 0x1000, RAM ends at RAM_END, and a nonzero base_addr_hi puts
 * the buffer above 2^64. The tests give the guest an empty stdin. */
#include "guest.h"

static void test_write(void) {
    static const char text[] = "sbi-guest: hello through DBCN console_write\n";
    unsigned long n = sizeof text - 1;
    check_begin("dbcn/write");
    struct sbiret r = sbi3(SBI_EXT_DBCN, SBI_DBCN_WRITE, n, (unsigned long)text, 0);
    /* §12.1: the call may write only part of the buffer. */
    if (expect_error(r, SBI_SUCCESS, "console_write(%lu bytes)", n))
        expect_that(r.value >= 1 && (unsigned long)r.value <= n,
                    "console_write(%lu bytes) value got %ld expected 1..%lu", n, r.value, n);
    check_end();

    check_begin("dbcn/write-byte");
    static const char bytes[] = "sbi-guest: hello through DBCN console_write_byte\n";
    for (const char *c = bytes; *c; c++)
        expect_ret(sbi1(SBI_EXT_DBCN, SBI_DBCN_WRITE_BYTE, (unsigned char)*c), 0, "console_write_byte(0x%x)", *c);
    check_end();

    check_begin("dbcn/write-past-ram-end");
    expect_error(sbi3(SBI_EXT_DBCN, SBI_DBCN_WRITE, 16, RAM_END - 8, 0), SBI_ERR_INVALID_PARAM,
                 "console_write(16 bytes at RAM end - 8)");
    check_end();

    check_begin("dbcn/write-unmapped");
    expect_error(sbi3(SBI_EXT_DBCN, SBI_DBCN_WRITE, 16, UNMAPPED_ADDR, 0), SBI_ERR_INVALID_PARAM,
                 "console_write(16 bytes at 0x%lx)", UNMAPPED_ADDR);
    check_end();

    check_begin("dbcn/write-high-address");
    expect_error(sbi3(SBI_EXT_DBCN, SBI_DBCN_WRITE, n, (unsigned long)text, 1), SBI_ERR_INVALID_PARAM,
                 "console_write(%lu bytes, base_addr_hi = 1)", n);
    check_end();
}

static void test_read(void) {
    static unsigned char buf[32];
    memset(buf, 0xa5, sizeof buf);
    check_begin("dbcn/read-empty");
    expect_ret(sbi3(SBI_EXT_DBCN, SBI_DBCN_READ, sizeof buf, (unsigned long)buf, 0), 0, "console_read(%lu bytes)",
               sizeof buf);
    /* §12.2: nothing is written when there is nothing to read. */
    for (unsigned i = 0; i < sizeof buf; i++) expect_eq(buf[i], 0xa5, "buffer byte %u after console_read", i);
    check_end();

    check_begin("dbcn/read-past-ram-end");
    expect_error(sbi3(SBI_EXT_DBCN, SBI_DBCN_READ, 16, RAM_END - 8, 0), SBI_ERR_INVALID_PARAM,
                 "console_read(16 bytes at RAM end - 8)");
    check_end();

    check_begin("dbcn/read-unmapped");
    expect_error(sbi3(SBI_EXT_DBCN, SBI_DBCN_READ, 16, UNMAPPED_ADDR, 0), SBI_ERR_INVALID_PARAM,
                 "console_read(16 bytes at 0x%lx)", UNMAPPED_ADDR);
    check_end();
}

void test_dbcn(void) {
    test_write();
    test_read();
    check_error("dbcn/unknown-fid", sbi0(SBI_EXT_DBCN, SBI_DBCN_FIDS), SBI_ERR_NOT_SUPPORTED, "DBCN FID 3");
}
