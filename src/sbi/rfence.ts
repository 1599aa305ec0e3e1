// RFENCE extension (SBI v2.0 §8): remote fences on the harts a mask names.
import type { SbiCall, SbiExtension, SbiFunction } from "./call.js";
import { EID_RFENCE, SBI_ERR_INVALID_PARAM, SBI_ERR_NOT_SUPPORTED } from "./constants.js";
import { selectHarts, selectedHarts } from "./hart-mask.js";

/** remote_sfence_vma(_asid) (§8.2-8.3): start_addr = a2, size = a3. ASIDs select nothing narrower here (a superset). */
function sfenceVma(call: SbiCall): void {
  if (!selectHarts(call, 0)) return call.fail(SBI_ERR_INVALID_PARAM);
  for (const hartId of selectedHarts) {
    call.host.sfenceVma(hartId, call.argLo[2], call.argHi[2], call.argLo[3], call.argHi[3]);
  }
  call.ok();
}

/**
 * The remote HFENCE functions (§8.4-8.7) are for a hypervisor running in
 * the supervisor: SBI_ERR_NOT_SUPPORTED when a target hart lacks the H
 * extension, as every vCPU of an rvhv guest does (no nested H).
 */
function hfence(name: string): SbiFunction {
  return {
    name,
    handle(call) {
      if (!selectHarts(call, 0)) return call.fail(SBI_ERR_INVALID_PARAM);
      call.fail(SBI_ERR_NOT_SUPPORTED);
    },
  };
}

export const rfenceExtension: SbiExtension = {
  name: "RFENCE",
  eid: EID_RFENCE,
  functions: [
    {
      name: "remote_fence_i",
      handle(call) {
        if (!selectHarts(call, 0)) return call.fail(SBI_ERR_INVALID_PARAM);
        for (const hartId of selectedHarts) call.host.fenceI(hartId);
        call.ok();
      },
    },
    { name: "remote_sfence_vma", handle: sfenceVma },
    { name: "remote_sfence_vma_asid", handle: sfenceVma },
    hfence("remote_hfence_gvma_vmid"),
    hfence("remote_hfence_gvma"),
    hfence("remote_hfence_vvma_asid"),
    hfence("remote_hfence_vvma"),
  ],
};
