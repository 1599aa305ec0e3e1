/* The console: text goes out through DBCN console_write (SBI v2.0 §12.1),
 * which may take only part of it, and through legacy console_putchar
 * (§5.2) whenever DBCN refuses, so that a broken DBCN still leaves the
 * check lines readable. And a small printf. */
#include "rt.h"

void console_write(const char *s, unsigned long n) {
    while (n > 0) {
        struct sbiret r = sbi3(SBI_EXT_DBCN, SBI_DBCN_WRITE, n, (unsigned long)s, 0);
        if (r.error != SBI_SUCCESS || r.value <= 0 || (unsigned long)r.value > n) break;
        s += r.value;
        n -= r.value;
    }
    for (; n > 0; n--) sbi_legacy(SBI_EXT_LEGACY_CONSOLE_PUTCHAR, (unsigned char)*s++, 0, 0, 0);
}

struct out {
    char *buf;
    unsigned long size, len;
};

static void put(struct out *o, char c) {
    if (o->len + 1 < o->size) o->buf[o->len++] = c;
}

static void put_number(struct out *o, unsigned long v, unsigned base, int negative) {
    char digits[24];
    int n = 0;
    do {
        digits[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v != 0);
    if (negative) put(o, '-');
    while (n > 0) put(o, digits[--n]);
}

void vsnprint(char *buf, unsigned long size, const char *fmt, va_list ap) {
    struct out o = {buf, size, 0};
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            put(&o, *fmt);
            continue;
        }
        int is_long = 0;
        while (*++fmt == 'l') is_long = 1;
        switch (*fmt) {
        case 'd': {
            long v = is_long ? va_arg(ap, long) : va_arg(ap, int);
            put_number(&o, v < 0 ? -(unsigned long)v : (unsigned long)v, 10, v < 0);
            break;
        }
        case 'u':
            put_number(&o, is_long ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 10, 0);
            break;
        case 'x':
            put_number(&o, is_long ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 16, 0);
            break;
        case 's':
            for (const char *s = va_arg(ap, const char *); *s; s++) put(&o, *s);
            break;
        case 'c':
            put(&o, (char)va_arg(ap, int));
            break;
        case '%':
            put(&o, '%');
            break;
        default: /* not a conversion we know, or the end of fmt */
            put(&o, '%');
            if (*fmt == 0) fmt--;
            else put(&o, *fmt);
        }
    }
    if (size > 0) buf[o.len] = 0;
}

void snprint(char *buf, unsigned long size, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprint(buf, size, fmt, ap);
    va_end(ap);
}

void print(const char *fmt, ...) {
    char line[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprint(line, sizeof line, fmt, ap);
    va_end(ap);
    unsigned long n = 0;
    while (line[n]) n++;
    console_write(line, n);
}
