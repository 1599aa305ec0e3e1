# An S-mode payload for OpenSBI (the kernel slot at 0x8020_0000): prints
# a message through the SBI debug console (legacy putchar, EID 0x01), then
# asks for a shutdown through SBI SRST, which OpenSBI carries out on the
# sifive,test device. a0 = hart id and a1 = device tree on entry.

#define SBI_EXT_LEGACY_PUTCHAR 0x01
#define SBI_EXT_SRST 0x53525354

  .section .text.init
  .globl _start
_start:
  la s0, message
1:
  lbu a0, 0(s0)
  beqz a0, 2f
  li a7, SBI_EXT_LEGACY_PUTCHAR
  ecall
  addi s0, s0, 1
  j 1b
2:
  li a7, SBI_EXT_SRST
  li a6, 0                     # sbi_system_reset
  li a0, 0                     # shutdown
  li a1, 0                     # no reason
  ecall
  j .

  .data
message: .asciz "hello from S-mode\n"
