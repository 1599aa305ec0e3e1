/* What the hypervisor and its guest agree on: the guest's memory map (host
 * physical, guest physical and guest virtual addresses), the SBI calls the
 * hypervisor serves, and the guest programs it can be asked to run.
 * Included by the hypervisor's C and the guest's alike. */
#ifndef VIRT_HYP_ABI_H
#define VIRT_HYP_ABI_H

/* ---- The guest's memory, three ways.
 *
 *   guest virtual (VS-stage, Sv39)   guest physical (G-stage, Sv39x4)   host physical
 *   0x8020_0000 +2 MiB, 4 KiB pages  0x8000_0000 +2 MiB, 4 KiB pages    0x8020_0000 (the guest image)
 *   0x8060_0000 +2 MiB, megapage     0x9000_0000 +2 MiB, megapage       0x8040_0000 (shared with the hypervisor)
 *   0x4000_0000 +1 GiB, gigapage     0x80_0000_0000, gigapage, R only   0x8000_0000 (the hypervisor's own RAM)
 *   0xc000_0000 +1 GiB, gigapage     0x100_0000_0000, gigapage, R only  0x8000_0000 (the same)
 *   0x1020_0000 +4 KiB               0x1000_0000: not mapped            emulated device (MMIO traps)
 *   0x8080_0000 +2 MiB, megapage     0xa000_0000: not mapped            nothing (guest-page faults)
 *
 * The guest image is linked at its guest virtual address, which is also
 * its host physical address, so its absolute addresses are right in VS-mode.
 * GPA_X4 (2^39, root index 512) and GPA_BIT40 (2^40, root index 1024, the
 * top bit of a 41-bit GPA) are reached only through Sv39x4's 2048-entry
 * root (Priv §9.5.1). */
#define HPA_GUEST_RAM 0x80200000ul
#define GPA_GUEST_RAM 0x80000000ul
#define GVA_GUEST_RAM 0x80200000ul
#define GUEST_RAM_SIZE 0x200000ul

#define HPA_SHARED 0x80400000ul
#define GPA_SHARED 0x90000000ul
#define GVA_SHARED 0x80600000ul
#define SHARED_SIZE 0x200000ul

#define HPA_ALIAS 0x80000000ul
#define GPA_X4 0x8000000000ul
#define GVA_X4 0x40000000ul
#define GPA_BIT40 0x10000000000ul
#define GVA_BIT40 0xc0000000ul

#define GPA_DEV 0x10000000ul
#define GVA_DEV 0x10200000ul

#define GPA_HOLE 0xa0000000ul
#define GVA_HOLE 0x80800000ul

/* The VS-stage tables sit in the last pages of guest RAM. */
#define VS_PT_PAGES 8
#define GPA_VS_PT (GPA_GUEST_RAM + GUEST_RAM_SIZE - VS_PT_PAGES * 0x1000)

/* The emulated device at GPA_DEV: an NS16550A-like transmitter (THR at 0,
 * LSR at 5 reads 0x60: transmitter empty), a 64-bit scratch register and a
 * read-only 32-bit id whose bit 31 is set, to tell LW from LWU. */
#define DEV_THR 0x0
#define DEV_LSR 0x5
#define DEV_SCRATCH 0x100
#define DEV_ID 0x108
#define DEV_ID_VALUE 0x8badf00dul

/* A doubleword the hypervisor keeps at a known place in its own RAM; the
 * guest reads it through the GPA_X4 and GPA_BIT40 gigapages. */
#define HOST_MARKER_VALUE 0x4879704d61726b21ul /* "!kraMpyH" */

/* ---- SBI (SBI spec v2.0): extension ids in a7, function id in a6,
 * arguments a0..a5, returns error in a0 and value in a1. */
#define SBI_EXT_LEGACY_SET_TIMER 0x00
#define SBI_EXT_LEGACY_PUTCHAR 0x01
#define SBI_EXT_LEGACY_SHUTDOWN 0x08
#define SBI_EXT_BASE 0x10
#define SBI_EXT_TIME 0x54494d45ul
#define SBI_EXT_SRST 0x53525354ul
#define SBI_BASE_GET_SPEC_VERSION 0
#define SBI_BASE_PROBE_EXTENSION 3
#define SBI_SRST_RESET_TYPE_SHUTDOWN 0
#define SBI_SRST_REASON_NONE 0
#define SBI_SRST_REASON_FAILURE 1
#define SBI_SUCCESS 0
#define SBI_ERR_NOT_SUPPORTED (-2)
#define SBI_SPEC_VERSION_2_0 0x02000000

/* Our own extension, in the experimental range 0x0800_0000..0x08ff_ffff:
 * the guest reports values for the hypervisor to check. */
#define SBI_EXT_HYPTEST 0x08485950ul
#define HYPTEST_REPORT 0 /* a0 = key, a1 = value */
#define REPORT_KEYS 16

/* The guest programs (a0 at the guest's entry; a1 is an argument). The
 * guest ends each with an SRST shutdown whose reason says pass or fail. */
#define GT_HELLO 1     /* print through the SBI console */
#define GT_SBI_BASE 2  /* base extension: version, probe, an unknown extension */
#define GT_MEMORY 3    /* the megapage, the GPA_X4 gigapage, a read-only G-stage page (a1 = marker offset) */
#define GT_TIME 4      /* read time; report it */
#define GT_MMIO 5      /* loads and stores to the emulated device (a1 = 1: compressed) */
#define GT_TIMER 6     /* a timer interrupt (a1 = TIMER_BY_*) */
#define GT_USER 7      /* VS -> VU -> VS, and VU/VS page-permission faults */
#define GT_HLV_PREP 8  /* fill the mailbox the hypervisor reads with HLV */
#define GT_HLV_CHECK 9 /* check what the hypervisor wrote with HSV (a1 = value) */
#define GT_BIT40 10    /* read through the GPA_BIT40 gigapage (a1 = marker offset) */

#define TIMER_BY_SBI 0      /* sbi_set_timer */
#define TIMER_BY_STIMECMP 1 /* the guest writes stimecmp (vstimecmp) itself */

/* Report keys. */
#define R_FAILED_CHECK 0 /* the number of the guest's first failing check */
#define R_TIME 1
#define R_TICK_CAUSE 2
#define R_TICK_TIME 3
#define R_TARGET 4
#define R_SHARED_READ 5
#define R_USER_CAUSE 6
#define R_USER_TVAL 7
#define R_MAILBOX_GVA 8
#define R_USER_WORD_GVA 9
#define R_TEXT_GVA 10

/* The mailbox the guest fills for GT_HLV_PREP (values in the guest's .data). */
#define MAILBOX_D 0x1122334455667788ul
#define MAILBOX_W 0x87654321ul /* bit 31 set: HLV.W sign-extends, HLV.WU does not */
#define MAILBOX_H 0x8001
#define MAILBOX_B 0x80
#define USER_WORD 0x5555aaaa0000fffful
/* Byte offsets in the mailbox. */
#define MB_D 0
#define MB_W 8
#define MB_H 12
#define MB_B 14
#define MB_HSV_D 16
#define MB_HSV_W 24
#define MB_HSV_H 28
#define MB_HSV_B 30
/* What the hypervisor writes there with HSV (the doubleword is the argument of GT_HLV_CHECK). */
#define HSV_D 0xcafef00d12345678ul
#define HSV_W 0x13579bdful
#define HSV_H 0x2468
#define HSV_B 0x5a

#endif
