/* The console (the NS16550A at 0x1000_0000), a small printf, power-off
 * through the sifive,test syscon, and the two functions the compiler may
 * call on its own. Used by the hypervisor in M- and HS-mode alike: both
 * run with physical addressing. */
#include "hyp.h"

#define UART_THR 0
#define UART_LSR 5
#define UART_LSR_THRE 0x20

void console_putc(char c) {
    volatile uint8_t *uart = (volatile uint8_t *)UART_BASE;
    if (c == '\n') console_putc('\r');
    while (!(uart[UART_LSR] & UART_LSR_THRE)) {
    }
    uart[UART_THR] = (uint8_t)c;
}

/* ---- formatting: %[-][0][width][l|ll|z](d|u|x|s|c|p) and %% */

struct sink {
    char *buf; /* NULL: the console */
    unsigned size, len;
};

static void emit(struct sink *s, char c) {
    if (s->buf == 0) {
        console_putc(c);
    } else if (s->len + 1 < s->size) {
        s->buf[s->len++] = c;
        s->buf[s->len] = 0;
    }
}

static void emit_number(struct sink *s, uint64_t v, unsigned base, int negative, int width, char pad, int left) {
    char digits[24];
    int n = 0;
    do {
        unsigned d = v % base;
        digits[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        v /= base;
    } while (v != 0);
    int len = n + negative;
    if (!left && pad == '0' && negative) emit(s, '-');
    for (; !left && len < width; len++) emit(s, pad);
    if (!(pad == '0' && !left) && negative) emit(s, '-');
    while (n > 0) emit(s, digits[--n]);
    for (; left && len < width; len++) emit(s, ' ');
}

static void format(struct sink *s, const char *fmt, va_list ap) {
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            emit(s, *fmt);
            continue;
        }
        fmt++;
        int left = 0;
        char pad = ' ';
        if (*fmt == '-') {
            left = 1;
            fmt++;
        }
        if (*fmt == '0') {
            pad = '0';
            fmt++;
        }
        int width = 0;
        while (*fmt >= '0' && *fmt <= '9') width = width * 10 + (*fmt++ - '0');
        int longs = 0;
        while (*fmt == 'l' || *fmt == 'z') {
            longs++;
            fmt++;
        }
        switch (*fmt) {
        case 'd': {
            int64_t v = longs ? va_arg(ap, int64_t) : va_arg(ap, int);
            emit_number(s, v < 0 ? -(uint64_t)v : (uint64_t)v, 10, v < 0, width, pad, left);
            break;
        }
        case 'u':
            emit_number(s, longs ? va_arg(ap, uint64_t) : va_arg(ap, unsigned), 10, 0, width, pad, left);
            break;
        case 'x':
            emit_number(s, longs ? va_arg(ap, uint64_t) : va_arg(ap, unsigned), 16, 0, width, pad, left);
            break;
        case 'p':
            emit(s, '0');
            emit(s, 'x');
            emit_number(s, (uintptr_t)va_arg(ap, void *), 16, 0, width, pad, left);
            break;
        case 'c':
            emit(s, (char)va_arg(ap, int));
            break;
        case 's': {
            const char *str = va_arg(ap, const char *);
            int len = 0;
            while (str[len]) len++;
            for (; !left && len < width; width--) emit(s, ' ');
            for (int i = 0; str[i]; i++) emit(s, str[i]);
            for (; left && len < width; width--) emit(s, ' ');
            break;
        }
        case '%':
            emit(s, '%');
            break;
        default:
            emit(s, '%');
            emit(s, *fmt);
            if (*fmt == 0) return;
        }
    }
}

void hprintf(const char *fmt, ...) {
    struct sink s = {0, 0, 0};
    va_list ap;
    va_start(ap, fmt);
    format(&s, fmt, ap);
    va_end(ap);
}

void hvsnprintf(char *buf, unsigned size, const char *fmt, va_list ap) {
    struct sink s = {buf, size, 0};
    if (size > 0) buf[0] = 0;
    format(&s, fmt, ap);
}

void hsnprintf(char *buf, unsigned size, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    hvsnprintf(buf, size, fmt, ap);
    va_end(ap);
}

/* sifive,test0: 0x5555 powers off; 0x3333 | code << 16 reports a failure. */
void poweroff(unsigned failures) {
    uint32_t code = failures > 0xffff ? 0xffff : failures;
    mmio_write32(SYSCON_BASE, failures == 0 ? SYSCON_PASS : SYSCON_FAIL | code << 16);
    for (;;) asm volatile("wfi");
}

void *memset(void *p, int c, unsigned long n) {
    uint8_t *b = p;
    while (n--) *b++ = (uint8_t)c;
    return p;
}

void *memcpy(void *d, const void *s, unsigned long n) {
    uint8_t *o = d;
    const uint8_t *i = s;
    while (n--) *o++ = *i++;
    return d;
}
