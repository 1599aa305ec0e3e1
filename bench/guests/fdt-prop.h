/* What test/sbi-guest/common/fdt.c does not read from the device tree:
 * one property of one node, by path (/chosen bootargs, a cpu's
 * riscv,isa-extensions), and the tree's size. */
#ifndef BENCH_GUESTS_FDT_PROP_H
#define BENCH_GUESTS_FDT_PROP_H

/* The value of property prop of the node at path ("/chosen",
 * "/cpus/cpu@0") in the flattened device tree at dtb, its length in *len;
 * 0 if the node or the property is absent or the tree is malformed. */
const void *fdt_prop(unsigned long dtb, const char *path, const char *prop, unsigned *len);

/* The tree's totalsize (its header), or 0 if there is no tree at dtb. */
unsigned long fdt_size(unsigned long dtb);

#endif
