# A bare-metal tour of the virt machine's devices, for VirtMachine's tests.
# Needs two harts. Hart 0:
#   1. checks the boot protocol registers from the reset ROM
#      (a0 = mhartid, a1 -> device tree, a2 -> fw_dynamic_info);
#   2. prints "hello" on the UART (polling LSR.THRE);
#   3. waits in WFI for a CLINT timer interrupt 200 ms (2,000,000 ticks) ahead;
#   4. sends hart 1 a software interrupt through msip[1] and waits for its answer;
#   5. prints "ready" and waits in WFI for a UART receive interrupt through the PLIC;
#   6. prints the character and, by it, powers off ('p'), resets ('r') or
#      fails with code 42 (anything else) through the sifive,test syscon.
# Failed checks exit through the syscon with codes 1..7.

#define UART        0x10000000
#define SYSCON      0x100000
#define CLINT       0x2000000
#define MTIMECMP0   (CLINT + 0x4000)
#define MTIME       (CLINT + 0xbff8)
#define PLIC        0xc000000

  .section .text.init
  .globl _start
_start:
  csrr t0, mhartid
  li s0, 1
  bne a0, t0, fail_code        # a0 must be the hart id
  bnez a0, secondary
  li s0, 2
  lwu t0, 0(a1)
  li t1, 0xedfe0dd0            # FDT magic 0xd00dfeed, stored big-endian
  bne t0, t1, fail_code
  li s0, 3
  ld t0, 0(a2)
  li t1, 0x4942534f            # fw_dynamic_info.magic "OSBI"
  bne t0, t1, fail_code

  la sp, stack0_top
  la t0, trap0
  csrw mtvec, t0
  la a0, msg_hello
  call puts

  # Timer: mtimecmp[0] = mtime + 2,000,000; MTIE; MIE; wait.
  li t0, MTIME
  ld t1, 0(t0)
  li t2, 2000000
  add t1, t1, t2
  li t0, MTIMECMP0
  sd t1, 0(t0)
  li t0, 0x80
  csrw mie, t0
  csrsi mstatus, 8
1:
  wfi
  la t0, timer_seen
  ld t0, 0(t0)
  beqz t0, 1b
  la a0, msg_timer
  call puts

  # IPI to hart 1; it answers through ipi_seen.
  li t0, CLINT + 4
  li t1, 1
  sw t1, 0(t0)
2:
  la t0, ipi_seen
  lw t0, 0(t0)
  beqz t0, 2b
  la a0, msg_ipi
  call puts

  # UART receive interrupt through PLIC source 10, context 0 (hart 0 M-mode).
  li t0, PLIC + 4 * 10
  li t1, 1
  sw t1, 0(t0)
  li t0, PLIC + 0x2000
  li t1, 1 << 10
  sw t1, 0(t0)
  li t0, PLIC + 0x200000
  sw zero, 0(t0)
  li t0, UART + 1
  li t1, 1
  sb t1, 0(t0)
  la a0, msg_ready
  call puts
  li t0, 0x800
  csrs mie, t0
3:
  wfi
  la t0, rx_char
  lbu t0, 0(t0)
  beqz t0, 3b
  csrci mstatus, 8
  la a0, msg_got
  call puts
  la t0, rx_char
  lbu a0, 0(t0)
  call putc
  li a0, '\n'
  call putc

  la t0, rx_char
  lbu t0, 0(t0)
  li t1, 'p'
  beq t0, t1, poweroff
  li t1, 'r'
  beq t0, t1, reboot
  li s0, 42
  j fail_code

poweroff:
  li t0, SYSCON
  li t1, 0x5555
  sw t1, 0(t0)
  j .
reboot:
  li t0, SYSCON
  li t1, 0x7777
  sw t1, 0(t0)
  j .
# Exit with failure code s0.
fail_code:
  slli s0, s0, 16
  li t1, 0x3333
  or s0, s0, t1
  li t0, SYSCON
  sw s0, 0(t0)
  j .

# Hart 0's trap handler: machine timer and machine external interrupts only.
  .align 2
trap0:
  addi sp, sp, -32
  sd t0, 0(sp)
  sd t1, 8(sp)
  sd t2, 16(sp)
  csrr t0, mcause
  li s0, 4
  bgez t0, fail_code           # an exception
  slli t0, t0, 1
  srli t0, t0, 1
  li t1, 7
  beq t0, t1, on_timer
  li t1, 11
  beq t0, t1, on_external
  li s0, 5
  j fail_code
on_timer:
  li t0, MTIMECMP0
  li t1, -1
  sd t1, 0(t0)
  la t0, timer_seen
  li t1, 1
  sd t1, 0(t0)
  j trap0_return
on_external:
  li t0, PLIC + 0x200004
  lw t1, 0(t0)                 # claim
  li t2, 10
  li s0, 6
  bne t1, t2, fail_code
  li t2, UART
  lbu t2, 0(t2)
  la t0, rx_char
  sb t2, 0(t0)
  li t0, PLIC + 0x200004
  sw t1, 0(t0)                 # complete
trap0_return:
  ld t0, 0(sp)
  ld t1, 8(sp)
  ld t2, 16(sp)
  addi sp, sp, 32
  mret

# Hart 1: wait for software interrupts; answer each through ipi_seen.
secondary:
  la t0, trap1
  csrw mtvec, t0
  li t0, 8
  csrw mie, t0
  csrsi mstatus, 8
1:
  wfi
  j 1b

  .align 2
trap1:
  csrr t0, mcause
  li t1, (1 << 63) | 3
  li s0, 7
  bne t0, t1, fail_code
  li t0, CLINT + 4
  sw zero, 0(t0)
  la t0, ipi_seen
  li t1, 1
  sw t1, 0(t0)
  mret

# puts(a0: string); putc(a0: byte). Clobber t0-t2, a0, a1.
puts:
  mv t2, ra
1:
  lbu a1, 0(a0)
  beqz a1, 2f
  mv t0, a0
  mv a0, a1
  jal putc_raw
  addi a0, t0, 1
  j 1b
2:
  mv ra, t2
  ret

putc:
putc_raw:
  li t1, UART + 5
1:
  lbu a1, 0(t1)
  andi a1, a1, 0x20
  beqz a1, 1b
  li t1, UART
  sb a0, 0(t1)
  ret

  .data
timer_seen: .dword 0
ipi_seen:   .word 0
rx_char:    .byte 0
msg_hello:  .asciz "hello\n"
msg_timer:  .asciz "timer\n"
msg_ipi:    .asciz "ipi\n"
msg_ready:  .asciz "ready\n"
msg_got:    .asciz "got "

  .bss
  .align 4
stack0: .space 1024
stack0_top:
