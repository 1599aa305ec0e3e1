/* One trap vector, instantiated for M-mode and HS-mode (the hypervisor) and
 * for VS-mode (the guest kernel), and the run_lower() that enters a less
 * privileged mode through it. Assembly only; include after frame.h.
 *
 *   TRAP_VECTOR name, handler, scratch, epc, status, xret, kind
 *
 * defines `name` (the vector for xtvec, direct mode) and `name_run`
 * (void name_run(struct trap_ctx *ctx)). The scratch CSR always holds the
 * trap_ctx. Two kinds of trap arrive:
 *
 * - From a less privileged mode (kind m: MPP != M; hs: SPV = 1 or SPP = U;
 *   vs: SPP = U): the registers go to ctx->f and the handler runs on the
 *   stack of whoever called name_run(). It returns TRAP_RESUME (enter the
 *   lower mode again from ctx->f, which it may have changed) or TRAP_EXIT
 *   (return from name_run()).
 * - From the same mode (a trap the code provoked on purpose, or an
 *   interrupt the guest kernel takes while running): the frame goes on the
 *   interrupted stack, and the handler must return TRAP_RESUME.
 *
 * The handler is called as handler(struct frame *f, long from_lower). */

/* x1, x3, x4, x6..x31: everything but sp and t0, which need care. */
.macro SAVE_GPRS base
    .irp n, 1, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    sd x\n, (\n * 8)(\base)
    .endr
.endm

/* Every register but sp from the frame at sp, then sp itself. */
.macro LOAD_GPRS_AND_SP
    .irp n, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    ld x\n, (\n * 8)(sp)
    .endr
    ld sp, (2 * 8)(sp)
.endm

/* Branches to \target when the trap came from a less privileged mode. Uses t0. */
.macro FROM_LOWER kind, target
    .ifc \kind, m
    csrr t0, mstatus
    srli t0, t0, 11
    andi t0, t0, 3
    addi t0, t0, -3
    bnez t0, \target
    .endif
    .ifc \kind, hs
    csrr t0, 0x600              /* hstatus.SPV: from VS or VU */
    andi t0, t0, 0x80
    bnez t0, \target
    csrr t0, sstatus            /* SPP = 0: from U */
    andi t0, t0, 0x100
    beqz t0, \target
    .endif
    .ifc \kind, vs
    csrr t0, sstatus
    andi t0, t0, 0x100
    beqz t0, \target
    .endif
.endm

.macro SAVE_TRAP_CSRS kind, epc, status, base
    csrr t0, \epc
    sd t0, FRAME_EPC(\base)
    csrr t0, \status
    sd t0, FRAME_STATUS(\base)
    .ifc \kind, hs
    csrr t0, 0x600
    sd t0, FRAME_HSTATUS(\base)
    .endif
.endm

.macro LOAD_TRAP_CSRS kind, epc, status
    ld t0, FRAME_EPC(sp)
    csrw \epc, t0
    ld t0, FRAME_STATUS(sp)
    csrw \status, t0
    .ifc \kind, hs
    ld t0, FRAME_HSTATUS(sp)
    csrw 0x600, t0
    .endif
.endm

.macro TRAP_VECTOR name, handler, scratch, epc, status, xret, kind
    .balign 4
    .globl \name
\name:
    csrrw sp, \scratch, sp      /* sp = ctx, scratch = the interrupted sp */
    sd t0, CTX_T0(sp)
    FROM_LOWER \kind, 71f

    /* Same mode: push a frame on the interrupted stack. */
    csrrw sp, \scratch, sp
    addi sp, sp, -FRAME_SIZE
    SAVE_GPRS sp
    csrr t0, \scratch
    ld t0, CTX_T0(t0)
    sd t0, (5 * 8)(sp)
    addi t0, sp, FRAME_SIZE
    sd t0, (2 * 8)(sp)
    SAVE_TRAP_CSRS \kind, \epc, \status, sp
    mv a0, sp
    li a1, 0
    call \handler
    LOAD_TRAP_CSRS \kind, \epc, \status
    LOAD_GPRS_AND_SP
    \xret

71: /* From a less privileged mode: the frame is ctx->f. */
    SAVE_GPRS sp
    ld t0, CTX_T0(sp)
    sd t0, (5 * 8)(sp)
    csrr t0, \scratch
    sd t0, (2 * 8)(sp)
    csrw \scratch, sp
    SAVE_TRAP_CSRS \kind, \epc, \status, sp
    mv a0, sp
    li a1, 1
    ld sp, CTX_HOST_SP(a0)
    call \handler
    csrr t0, \scratch
    bnez a0, 72f
    mv sp, t0
    j \name\()_enter

72: /* TRAP_EXIT: return from name_run(). */
    ld ra, (CTX_HOST_REGS + 0 * 8)(t0)
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    ld s\n, (CTX_HOST_REGS + 8 + \n * 8)(t0)
    .endr
    ld sp, CTX_HOST_SP(t0)
    ret

    .globl \name\()_run
\name\()_run:
    sd ra, (CTX_HOST_REGS + 0 * 8)(a0)
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    sd s\n, (CTX_HOST_REGS + 8 + \n * 8)(a0)
    .endr
    sd sp, CTX_HOST_SP(a0)
    mv sp, a0
\name\()_enter:                 /* sp = ctx */
    LOAD_TRAP_CSRS \kind, \epc, \status
    LOAD_GPRS_AND_SP
    \xret
.endm
