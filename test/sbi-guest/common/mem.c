/* The two functions GCC may call on its own even with -ffreestanding. */
#include "rt.h"

void *memset(void *p, int c, unsigned long n) {
    unsigned char *b = p;
    while (n--) *b++ = (unsigned char)c;
    return p;
}

void *memcpy(void *d, const void *s, unsigned long n) {
    unsigned char *o = d;
    const unsigned char *i = s;
    while (n--) *o++ = *i++;
    return d;
}
