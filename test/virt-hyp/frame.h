/* The register frame a trap saves, and the context a trap vector finds in
 * its scratch CSR (mscratch, sscratch). Shared by C and assembly, by the
 * hypervisor (M and HS) and by the guest kernel (VS). */
#ifndef VIRT_HYP_FRAME_H
#define VIRT_HYP_FRAME_H

/* frame: x0..x31 (x0's slot unused), then the trap CSRs. */
#define FRAME_EPC (32 * 8)
#define FRAME_STATUS (33 * 8)  /* mstatus or sstatus */
#define FRAME_HSTATUS (34 * 8) /* HS only: SPV/SPVP survive a nested trap */
#define FRAME_SIZE (36 * 8)    /* a multiple of 16: frames live on stacks too */

/* trap_ctx: the frame of the less-privileged code that was interrupted,
 * then the state of the code that entered it with run_lower(). */
#define CTX_FRAME 0
#define CTX_HOST_SP (FRAME_SIZE)
#define CTX_HOST_REGS (FRAME_SIZE + 8) /* ra, s0..s11 */
#define CTX_T0 (FRAME_SIZE + 8 + 13 * 8)
#define CTX_SIZE (CTX_T0 + 8)

#ifndef __ASSEMBLER__
#include <stdint.h>

struct frame {
    uint64_t x[32];
    uint64_t epc;
    uint64_t status;
    uint64_t hstatus;
    uint64_t pad;
};

struct trap_ctx {
    struct frame f;
    uint64_t host_sp;
    uint64_t host_regs[13];
    uint64_t t0;
};

_Static_assert(sizeof(struct frame) == FRAME_SIZE, "frame layout");
_Static_assert(__builtin_offsetof(struct trap_ctx, host_sp) == CTX_HOST_SP, "ctx layout");
_Static_assert(__builtin_offsetof(struct trap_ctx, t0) == CTX_T0, "ctx layout");
_Static_assert(sizeof(struct trap_ctx) == CTX_SIZE, "ctx layout");

/* Trap handlers return what the vector does next. */
#define TRAP_RESUME 0 /* return to the code that trapped */
#define TRAP_EXIT 1   /* return from run_lower() instead (lower-mode traps only) */
#endif

#endif
