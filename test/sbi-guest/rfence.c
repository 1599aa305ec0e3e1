/* RFENCE (SBI v2.0 §8): remote FENCE.I and SFENCE.VMA, with or without an
 * ASID, on the harts a mask names (§3.1); start = size = 0, or size = -1,
 * is the whole address space. The vCPUs have no H extension, so the four
 * HFENCE functions are SBI_ERR_NOT_SUPPORTED (§8.4..§8.7) for a valid mask;
 * a mask naming a hart that does not exist is SBI_ERR_INVALID_PARAM first. */
#include "guest.h"

static const struct {
    const char *call, *self, *all, *invalid;
    unsigned long fid;
} fences[] = {
    {"remote_fence_i", "rfence/fence-i-self", "rfence/fence-i-all", "rfence/fence-i-invalid-hart",
     SBI_RFENCE_REMOTE_FENCE_I},
    {"remote_sfence_vma", "rfence/sfence-vma-self", "rfence/sfence-vma-all", "rfence/sfence-vma-invalid-hart",
     SBI_RFENCE_REMOTE_SFENCE_VMA},
    {"remote_sfence_vma_asid", "rfence/sfence-vma-asid-self", "rfence/sfence-vma-asid-all",
     "rfence/sfence-vma-asid-invalid-hart", SBI_RFENCE_REMOTE_SFENCE_VMA_ASID},
};
#define N_FENCES (sizeof fences / sizeof fences[0])

static const struct {
    const char *call, *name;
    unsigned long fid;
} hfences[] = {
    {"remote_hfence_gvma_vmid", "rfence/hfence-gvma-vmid", SBI_RFENCE_REMOTE_HFENCE_GVMA_VMID},
    {"remote_hfence_gvma", "rfence/hfence-gvma", SBI_RFENCE_REMOTE_HFENCE_GVMA},
    {"remote_hfence_vvma_asid", "rfence/hfence-vvma-asid", SBI_RFENCE_REMOTE_HFENCE_VVMA_ASID},
    {"remote_hfence_vvma", "rfence/hfence-vvma", SBI_RFENCE_REMOTE_HFENCE_VVMA},
};
#define N_HFENCES (sizeof hfences / sizeof hfences[0])

#define ASID 1 /* also the VMID of hfence_gvma_vmid; functions without one ignore it */

/* One call, checked for `error`. */
static int remote_fence(const char *call, unsigned long fid, unsigned long mask, unsigned long base,
                        unsigned long start, unsigned long size, long error) {
    struct sbiret r = sbi5(SBI_EXT_RFENCE, fid, mask, base, start, size, ASID);
    return expect_error(r, error, "%s(mask 0x%lx, base %ld, start 0x%lx, size 0x%lx)", call, mask, (long)base, start,
                        size);
}

static void test_fences(void) {
    unsigned long page = (unsigned long)image_start;
    for (unsigned i = 0; i < N_FENCES; i++) {
        const char *call = fences[i].call;
        unsigned long fid = fences[i].fid;
        check_begin(fences[i].self);
        remote_fence(call, fid, 1, 0, 0, 0, SBI_SUCCESS);
        remote_fence(call, fid, 1, 0, page, 4096, SBI_SUCCESS);
        check_end();

        check_begin(fences[i].all);
        remote_fence(call, fid, 0, SBI_HART_MASK_BASE_ALL, 0, 0, SBI_SUCCESS);
        remote_fence(call, fid, 0, SBI_HART_MASK_BASE_ALL, 0, -1ul, SBI_SUCCESS);
        check_end();

        check_begin(fences[i].invalid);
        remote_fence(call, fid, 1ul << NO_SUCH_HART, 0, 0, 0, SBI_ERR_INVALID_PARAM);
        remote_fence(call, fid, 1, NO_SUCH_HART, 0, 0, SBI_ERR_INVALID_PARAM);
        check_end();
    }
}

static void test_hfences(void) {
    for (unsigned i = 0; i < N_HFENCES; i++) {
        check_begin(hfences[i].name);
        remote_fence(hfences[i].call, hfences[i].fid, 1, 0, 0, 0, SBI_ERR_NOT_SUPPORTED);
        remote_fence(hfences[i].call, hfences[i].fid, 0, SBI_HART_MASK_BASE_ALL, 0, 0, SBI_ERR_NOT_SUPPORTED);
        check_end();
    }
    check_begin("rfence/hfence-invalid-hart");
    for (unsigned i = 0; i < N_HFENCES; i++)
        remote_fence(hfences[i].call, hfences[i].fid, 1ul << NO_SUCH_HART, 0, 0, 0, SBI_ERR_INVALID_PARAM);
    check_end();
}

/* Hart 0 and a secondary that is running (hsm.c starts it). */
void check_rfence_running_hart(unsigned long hartid) {
    check_begin("rfence/running-hart");
    for (unsigned i = 0; i < N_FENCES; i++)
        remote_fence(fences[i].call, fences[i].fid, 1 | 1ul << hartid, 0, 0, 0, SBI_SUCCESS);
    check_end();
}

void test_rfence(void) {
    test_fences();
    test_hfences();
    check_error("rfence/unknown-fid", sbi0(SBI_EXT_RFENCE, SBI_RFENCE_FIDS), SBI_ERR_NOT_SUPPORTED, "RFENCE FID 7");
}
