/* The guest kernel's entry, its trap vector, and the little U-mode program
 * it runs in VU. The hypervisor enters guest_entry in VS-mode with the
 * VS-stage tables already on (vsatp), a0 = which guest program, a1 = its
 * argument. Each run is a fresh boot: .bss is cleared first. */
#include "../frame.h"
#include "../trap-vector.h"

    .text
    .globl guest_entry
guest_entry:
    la t0, guest_bss_start
    la t1, guest_bss_end
1:  bgeu t0, t1, 2f
    sd zero, 0(t0)
    addi t0, t0, 8
    j 1b
2:  la sp, guest_stack_top
    la t0, guest_ctx
    csrw sscratch, t0
    la t0, guest_vector
    csrw stvec, t0
    call guest_main             /* (program, argument); never returns */
3:  j 3b

    TRAP_VECTOR guest_vector, guest_trap, sscratch, sepc, sstatus, sret, vs

    .bss
    .balign 16
    .globl guest_ctx
guest_ctx:
    .skip CTX_SIZE
    .balign 16
    .skip 8192
guest_stack_top:

/* ---- VU-mode code and data: the only pages with U = 1 in the VS-stage tables. */
    .section .guest_user_text, "ax"
    .globl user_add, user_add_ecall, user_load
/* a0 = &user_data: user_data[1] = user_data[0] + 1, then ecall(a0 = the sum, a7 = 0x100). */
user_add:
    ld t0, 0(a0)
    addi t0, t0, 1
    sd t0, 8(a0)
    mv a0, t0
    li a7, 0x100
user_add_ecall:
    ecall
    j user_add_ecall
/* a0 = an address; loads from it (a supervisor page faults). */
user_load:
    ld a0, 0(a0)
    ecall
    j user_load

    .section .guest_user_data, "aw"
    .balign 8
    .globl user_data, user_word, user_stack_top
user_data:
    .dword 0, 0
user_word:
    .dword 0
    .balign 16
    .skip 1024
user_stack_top:
