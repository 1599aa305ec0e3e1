/* One property of one node of the flattened device tree, found by walking
 * the structure block (Devicetree Specification v0.4, chapter 5; big-endian
 * throughout) and following the node path one component per depth. */
#include "fdt-prop.h"

#define FDT_MAGIC 0xd00dfeed /* §5.2 */
#define FDT_VERSION_MIN 17   /* size_dt_struct appeared in version 17 */
#define FDT_SIZE_MAX (1u << 20)
#define FDT_BEGIN_NODE 1 /* §5.4.1 */
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4

static unsigned be32(const unsigned char *p) {
    return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3];
}

static int streq(const char *a, const char *b) {
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

/* Whether name is component i (from 0) of path: "/cpus/cpu@0" has "cpus", "cpu@0". */
static int is_component(const char *path, unsigned i, const char *name) {
    for (;;) {
        while (*path == '/') path++;
        if (*path == 0) return 0;
        if (i-- == 0) break;
        while (*path && *path != '/') path++;
    }
    while (*path && *path != '/' && *path == *name) path++, name++;
    return (*path == 0 || *path == '/') && *name == 0;
}

static unsigned components(const char *path) {
    unsigned n = 0;
    for (;;) {
        while (*path == '/') path++;
        if (*path == 0) return n;
        n++;
        while (*path && *path != '/') path++;
    }
}

unsigned long fdt_size(unsigned long dtb) {
    const unsigned char *h = (const unsigned char *)dtb;
    if (dtb == 0 || dtb % 8 != 0 || be32(h) != FDT_MAGIC) return 0;
    return be32(h + 4);
}

const void *fdt_prop(unsigned long dtb, const char *path, const char *prop, unsigned *len) {
    const unsigned char *h = (const unsigned char *)dtb;
    unsigned total = fdt_size(dtb);
    if (total == 0) return 0;
    unsigned off_struct = be32(h + 8), off_strings = be32(h + 12);
    unsigned version = be32(h + 20), size_strings = be32(h + 32), size_struct = be32(h + 36);
    if (version < FDT_VERSION_MIN || total > FDT_SIZE_MAX || off_struct > total || size_struct > total - off_struct ||
        off_strings > total || size_strings > total - off_strings)
        return 0;

    const unsigned char *p = h + off_struct, *end = p + size_struct;
    const char *strings = (const char *)h + off_strings;
    /* The root is depth 1 and path component i names a node of depth i + 2.
     * matched: how deep the current node's ancestry follows the path. */
    unsigned want = components(path), depth = 0, matched = 0;
    while (p + 4 <= end) {
        unsigned token = be32(p);
        p += 4;
        if (token == FDT_BEGIN_NODE) {
            const char *name = (const char *)p;
            unsigned n = 0;
            while (p + n < end && name[n]) n++;
            if (p + n >= end) return 0;
            p += (n + 4) & ~3u; /* the name, its NUL, padding to 4 */
            depth++;
            if (matched == depth - 1 && (depth == 1 || is_component(path, depth - 2, name))) matched = depth;
        } else if (token == FDT_PROP) {
            if (p + 8 > end) return 0;
            unsigned n = be32(p), nameoff = be32(p + 4);
            const unsigned char *value = p + 8;
            if (nameoff >= size_strings || n > (unsigned long)(end - value)) return 0;
            p = value + ((n + 3) & ~3u);
            if (matched == depth && depth == want + 1 && streq(strings + nameoff, prop)) {
                *len = n;
                return value;
            }
        } else if (token == FDT_END_NODE) {
            if (depth == 0) return 0;
            if (matched == depth) matched--;
            depth--;
        } else if (token != FDT_NOP) {
            return 0; /* FDT_END, or garbage */
        }
    }
    return 0;
}
