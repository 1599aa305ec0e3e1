/* The SBI v2.0 numbers both guests use, and the call itself: an ECALL with
 * the extension id in a7, the function id in a6 and arguments in a0..a5;
 * the error comes back in a0 and the value in a1 (SBI v2.0 §3). The ids
 * are plain numbers: assembly includes this file too. */
#ifndef SBI_GUEST_SBI_H
#define SBI_GUEST_SBI_H

/* ---- Extension ids. */
#define SBI_EXT_LEGACY_SET_TIMER 0x00 /* §5: one EID per legacy function, a6 ignored */
#define SBI_EXT_LEGACY_CONSOLE_PUTCHAR 0x01
#define SBI_EXT_LEGACY_CONSOLE_GETCHAR 0x02
#define SBI_EXT_LEGACY_CLEAR_IPI 0x03
#define SBI_EXT_LEGACY_SEND_IPI 0x04
#define SBI_EXT_LEGACY_REMOTE_FENCE_I 0x05
#define SBI_EXT_LEGACY_REMOTE_SFENCE_VMA 0x06
#define SBI_EXT_LEGACY_REMOTE_SFENCE_VMA_ASID 0x07
#define SBI_EXT_LEGACY_SHUTDOWN 0x08
#define SBI_EXT_LEGACY_RESERVED_FIRST 0x09 /* 0x09..0x0f are reserved */
#define SBI_EXT_LEGACY_RESERVED_LAST 0x0f
#define SBI_EXT_BASE 0x10
#define SBI_EXT_TIME 0x54494d45
#define SBI_EXT_IPI 0x735049
#define SBI_EXT_RFENCE 0x52464e43
#define SBI_EXT_HSM 0x48534d
#define SBI_EXT_SRST 0x53525354
#define SBI_EXT_PMU 0x504d55 /* not implemented by the hypervisor */
#define SBI_EXT_DBCN 0x4442434e
#define SBI_EXT_SUSP 0x53555350 /* not implemented by the hypervisor */
#define SBI_EXT_STA 0x535441
#define SBI_EXT_EXPERIMENTAL_FIRST 0x08000000 /* §17, §18, §19: ranges no standard extension uses */
#define SBI_EXT_VENDOR_FIRST 0x09000000
#define SBI_EXT_FIRMWARE_FIRST 0x0a000000

/* ---- Function ids. */
#define SBI_BASE_GET_SPEC_VERSION 0 /* §4 */
#define SBI_BASE_GET_IMPL_ID 1
#define SBI_BASE_GET_IMPL_VERSION 2
#define SBI_BASE_PROBE_EXTENSION 3
#define SBI_BASE_GET_MVENDORID 4
#define SBI_BASE_GET_MARCHID 5
#define SBI_BASE_GET_MIMPID 6
#define SBI_BASE_FIDS 7
#define SBI_TIME_SET_TIMER 0 /* §6 */
#define SBI_TIME_FIDS 1
#define SBI_IPI_SEND_IPI 0 /* §7 */
#define SBI_IPI_FIDS 1
#define SBI_RFENCE_REMOTE_FENCE_I 0 /* §8 */
#define SBI_RFENCE_REMOTE_SFENCE_VMA 1
#define SBI_RFENCE_REMOTE_SFENCE_VMA_ASID 2
#define SBI_RFENCE_REMOTE_HFENCE_GVMA_VMID 3
#define SBI_RFENCE_REMOTE_HFENCE_GVMA 4
#define SBI_RFENCE_REMOTE_HFENCE_VVMA_ASID 5
#define SBI_RFENCE_REMOTE_HFENCE_VVMA 6
#define SBI_RFENCE_FIDS 7
#define SBI_HSM_HART_START 0 /* §9 */
#define SBI_HSM_HART_STOP 1
#define SBI_HSM_HART_GET_STATUS 2
#define SBI_HSM_HART_SUSPEND 3
#define SBI_HSM_FIDS 4
#define SBI_SRST_SYSTEM_RESET 0 /* §10 */
#define SBI_SRST_FIDS 1
#define SBI_DBCN_WRITE 0 /* §12 */
#define SBI_DBCN_READ 1
#define SBI_DBCN_WRITE_BYTE 2
#define SBI_DBCN_FIDS 3
#define SBI_STA_SET_SHMEM 0 /* §16 */
#define SBI_STA_FIDS 1

/* ---- Errors (§3, Standard SBI Errors). */
#define SBI_SUCCESS 0
#define SBI_ERR_FAILED (-1)
#define SBI_ERR_NOT_SUPPORTED (-2)
#define SBI_ERR_INVALID_PARAM (-3)
#define SBI_ERR_DENIED (-4)
#define SBI_ERR_INVALID_ADDRESS (-5)
#define SBI_ERR_ALREADY_AVAILABLE (-6)
#define SBI_ERR_ALREADY_STARTED (-7)
#define SBI_ERR_ALREADY_STOPPED (-8)
#define SBI_ERR_NO_SHMEM (-9)
#define SBI_ERR_LOWEST SBI_ERR_NO_SHMEM

/* ---- Values. */
#define SBI_SPEC_VERSION_2_0 0x02000000 /* §4.1: major 2 in bits 30:24, minor 0 */
#define SBI_HART_MASK_BASE_ALL (-1ul)    /* §3.1: hart_mask is ignored, every hart is meant */
#define SBI_HSM_STARTED 0                /* §9, HSM Hart States */
#define SBI_HSM_STOPPED 1
#define SBI_HSM_START_PENDING 2
#define SBI_HSM_STOP_PENDING 3
#define SBI_HSM_SUSPENDED 4
#define SBI_HSM_SUSPEND_PENDING 5
#define SBI_HSM_RESUME_PENDING 6
#define SBI_HSM_SUSPEND_RETENTIVE 0x00000000 /* §9.4, HSM Hart Suspend Types */
#define SBI_HSM_SUSPEND_NON_RETENTIVE 0x80000000
#define SBI_SRST_TYPE_SHUTDOWN 0 /* §10.1, SRST System Reset Types */
#define SBI_SRST_TYPE_COLD_REBOOT 1
#define SBI_SRST_TYPE_WARM_REBOOT 2
#define SBI_SRST_TYPE_VENDOR_FIRST 0xf0000000
#define SBI_SRST_REASON_NONE 0 /* §10.1, SRST System Reset Reasons */
#define SBI_SRST_REASON_SYSTEM_FAILURE 1
#define SBI_STA_DISABLE (-1ul) /* §16.1: lo = hi = all ones stops the reporting */
#define SBI_STA_ALIGN 64

#ifndef __ASSEMBLER__
/* §16.1, STA Shared Memory Structure. */
struct sbi_sta_shmem {
    unsigned int sequence; /* odd while the SBI implementation updates steal */
    unsigned int flags;
    unsigned long steal; /* nanoseconds */
    unsigned char preempted;
    unsigned char pad[47];
};
_Static_assert(sizeof(struct sbi_sta_shmem) == SBI_STA_ALIGN, "STA shared memory layout");
_Static_assert(__builtin_offsetof(struct sbi_sta_shmem, preempted) == 16, "STA shared memory layout");

/* ---- The call. */
struct sbiret {
    long error;
    long value;
};

static inline struct sbiret sbi_call(unsigned long eid, unsigned long fid, unsigned long arg0, unsigned long arg1,
                                     unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5) {
    register unsigned long a0 asm("a0") = arg0;
    register unsigned long a1 asm("a1") = arg1;
    register unsigned long a2 asm("a2") = arg2;
    register unsigned long a3 asm("a3") = arg3;
    register unsigned long a4 asm("a4") = arg4;
    register unsigned long a5 asm("a5") = arg5;
    register unsigned long a6 asm("a6") = fid;
    register unsigned long a7 asm("a7") = eid;
    asm volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a6), "r"(a7) : "memory");
    return (struct sbiret){(long)a0, (long)a1};
}

static inline struct sbiret sbi0(unsigned long eid, unsigned long fid) { return sbi_call(eid, fid, 0, 0, 0, 0, 0, 0); }
static inline struct sbiret sbi1(unsigned long eid, unsigned long fid, unsigned long a0) {
    return sbi_call(eid, fid, a0, 0, 0, 0, 0, 0);
}
static inline struct sbiret sbi2(unsigned long eid, unsigned long fid, unsigned long a0, unsigned long a1) {
    return sbi_call(eid, fid, a0, a1, 0, 0, 0, 0);
}
static inline struct sbiret sbi3(unsigned long eid, unsigned long fid, unsigned long a0, unsigned long a1,
                                 unsigned long a2) {
    return sbi_call(eid, fid, a0, a1, a2, 0, 0, 0);
}
static inline struct sbiret sbi4(unsigned long eid, unsigned long fid, unsigned long a0, unsigned long a1,
                                 unsigned long a2, unsigned long a3) {
    return sbi_call(eid, fid, a0, a1, a2, a3, 0, 0);
}
static inline struct sbiret sbi5(unsigned long eid, unsigned long fid, unsigned long a0, unsigned long a1,
                                 unsigned long a2, unsigned long a3, unsigned long a4) {
    return sbi_call(eid, fid, a0, a1, a2, a3, a4, 0);
}

/* §5: a legacy call returns a0 only. */
static inline long sbi_legacy(unsigned long eid, unsigned long a0, unsigned long a1, unsigned long a2,
                              unsigned long a3) {
    return sbi_call(eid, 0, a0, a1, a2, a3, 0, 0).error;
}
#endif

#endif
