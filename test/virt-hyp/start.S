/* Reset entry and the hypervisor's trap vectors.
 *
 * The virt machine's reset ROM enters here, at 0x8000_0000, in M-mode with
 * a0 = hart id and a1 = the device tree (src/devices/reset-rom.ts; QEMU's
 * riscv_setup_rom_reset_vec). Hart 0 runs the hypervisor; any others park. */
#include "frame.h"
#include "trap-vector.h"

    .section .text.entry, "ax"
    .globl _start
_start:
    csrr t0, mhartid
    bnez t0, park
    la sp, m_stack_top
    la t0, bss_start
    la t1, bss_end
1:  bgeu t0, t1, 2f
    sd zero, 0(t0)
    addi t0, t0, 8
    j 1b
2:  la t0, m_vector
    csrw mtvec, t0
    la t0, m_ctx
    csrw mscratch, t0
    call hyp_main               /* (hart id, device tree); powers off */
park:
    wfi
    j park

    .text
    TRAP_VECTOR m_vector, m_trap, mscratch, mepc, mstatus, mret, m
    TRAP_VECTOR hs_vector, hs_trap, sscratch, sepc, sstatus, sret, hs

    .bss
    .balign 16
    .skip 16384
    .globl m_stack_top
m_stack_top:
    .skip 16384
    .globl hs_stack_top
hs_stack_top:
