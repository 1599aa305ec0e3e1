/* The machine as the device tree at a1 describes it: guest RAM (the first
 * /memory node's first reg entry), the harts (/cpus/cpu@N nodes) and the
 * time CSR's frequency (/cpus timebase-frequency). A walk of the flattened
 * format (Devicetree Specification v0.4, chapter 5), big-endian throughout. */
#include "rt.h"

#define FDT_MAGIC 0xd00dfeed /* §5.2 */
#define FDT_VERSION_MIN 17   /* size_dt_struct appeared in version 17 */
#define FDT_SIZE_MAX (1u << 20)
#define FDT_BEGIN_NODE 1 /* §5.4.1 */
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4
#define FDT_END 9

static unsigned be32(const unsigned char *p) {
    return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3];
}

/* A number of n 32-bit cells (at most two fit). */
static unsigned long cells(const unsigned char *p, unsigned n) {
    unsigned long v = 0;
    for (unsigned i = 0; i < n; i++) v = v << 32 | be32(p + 4 * i);
    return v;
}

static int starts_with(const char *s, const char *prefix) {
    while (*prefix && *s == *prefix) s++, prefix++;
    return *prefix == 0;
}

static int streq(const char *a, const char *b) {
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

enum top_node { OTHER, MEMORY, CPUS };

static enum top_node classify(const char *name) {
    if (streq(name, "cpus")) return CPUS;
    if (streq(name, "memory") || starts_with(name, "memory@")) return MEMORY;
    return OTHER;
}

const char *fdt_read_machine(unsigned long dtb, struct machine *m) {
    const unsigned char *h = (const unsigned char *)dtb;
    if (dtb == 0 || dtb % 8 != 0) return "a1 is not an 8-byte aligned address";
    if (be32(h) != FDT_MAGIC) return "no device tree magic at a1";
    unsigned total = be32(h + 4), off_struct = be32(h + 8), off_strings = be32(h + 12);
    unsigned version = be32(h + 20), size_strings = be32(h + 32), size_struct = be32(h + 36);
    if (version < FDT_VERSION_MIN || total > FDT_SIZE_MAX || off_struct > total || size_struct > total - off_struct ||
        off_strings > total || size_strings > total - off_strings)
        return "a device tree header out of bounds";

    const unsigned char *p = h + off_struct, *end = p + size_struct;
    const char *strings = (const char *)h + off_strings;
    unsigned depth = 0, address_cells = 2, size_cells = 1; /* §2.3.5: the defaults; the root is depth 1 */
    enum top_node top = OTHER; /* the node under the root (depth 2) we are in */
    struct machine found = {0, 0, 0, 0};
    int have_ram = 0, have_timebase = 0;
    while (p + 4 <= end) {
        unsigned token = be32(p);
        p += 4;
        if (token == FDT_BEGIN_NODE) {
            const char *name = (const char *)p;
            unsigned len = 0;
            while (p + len < end && name[len]) len++;
            p += (len + 4) & ~3u; /* the name, its NUL, padding to 4 */
            depth++;
            if (depth == 2) top = classify(name);
            if (depth == 3 && top == CPUS && starts_with(name, "cpu@")) found.harts++;
        } else if (token == FDT_PROP) {
            if (p + 8 > end) break;
            unsigned len = be32(p), nameoff = be32(p + 4);
            const unsigned char *value = p + 8;
            if (nameoff >= size_strings || len > (unsigned long)(end - value)) break;
            p = value + ((len + 3) & ~3u);
            const char *name = strings + nameoff;
            if (depth == 1 && streq(name, "#address-cells") && len == 4) address_cells = be32(value);
            if (depth == 1 && streq(name, "#size-cells") && len == 4) size_cells = be32(value);
            if (depth == 2 && top == MEMORY && streq(name, "reg") && !have_ram && address_cells <= 2 &&
                size_cells <= 2 && len >= 4 * (address_cells + size_cells)) {
                found.ram_base = cells(value, address_cells);
                found.ram_size = cells(value + 4 * address_cells, size_cells);
                have_ram = 1;
            }
            if (depth >= 2 && top == CPUS && streq(name, "timebase-frequency") && !have_timebase &&
                (len == 4 || len == 8)) {
                found.timebase = cells(value, len / 4);
                have_timebase = 1;
            }
        } else if (token == FDT_END_NODE) {
            if (depth == 0) break;
            depth--;
        } else if (token == FDT_END) {
            if (!have_ram || found.ram_size == 0) return "no /memory node with a reg";
            if (found.harts == 0) return "no /cpus/cpu@ nodes";
            if (!have_timebase || found.timebase == 0) return "no /cpus timebase-frequency";
            *m = found;
            return 0;
        } else if (token != FDT_NOP) {
            break;
        }
    }
    return "a malformed device tree structure block";
}
