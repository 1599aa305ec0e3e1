/* sbi-garbage's parts: the random arguments (args.c), made safe to pass,
 * and park.S, where a hart started with a random start_addr goes. */
#ifndef SBI_GARBAGE_H
#define SBI_GARBAGE_H

#include "../common/rt.h"

/* ---- args.c */
unsigned long random64(void);
/* Learns guest RAM and places the scratch area above the image. */
void args_init(const struct machine *m);
/* Puts random arguments for (eid, fid) in x[10..15] (a0..a5): 1, or 0 if
 * the call must not be made at all. */
int make_args(unsigned long eid, unsigned long fid, unsigned long x[32]);

/* ---- park.S: hart_stop, at once. */
void park(void);

#endif
