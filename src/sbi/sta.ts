// STA extension (SBI v2.0 §16): steal-time accounting. The supervisor
// names a 64-byte area per hart (u32 sequence, u32 flags, u64 steal in ns,
// u8 preempted); the hypervisor keeps it current.
import type { SbiExtension } from "./call.js";
import { EID_STA, SBI_ERR_INVALID_ADDRESS, SBI_ERR_INVALID_PARAM } from "./constants.js";

/** §16.1: the shared memory's size and alignment. */
export const STA_SHMEM_SIZE = 64;

export const staExtension: SbiExtension = {
  name: "STA",
  eid: EID_STA,
  functions: [
    {
      // §16.2: steal_time_set_shmem(shmem_phys_lo, shmem_phys_hi, flags).
      name: "steal_time_set_shmem",
      handle(call) {
        if (call.argLo[2] !== 0 || call.argHi[2] !== 0) return call.fail(SBI_ERR_INVALID_PARAM);
        if (call.isAllOnes(0) && call.isAllOnes(1)) {
          call.host.setStealTimeArea(null);
          return call.ok();
        }
        if ((call.argLo[0] & (STA_SHMEM_SIZE - 1)) !== 0) return call.fail(SBI_ERR_INVALID_PARAM);
        // On RV64 shmem_phys_hi holds address bits above 63: nonzero is no address of this guest.
        if (call.argLo[1] !== 0 || call.argHi[1] !== 0) return call.fail(SBI_ERR_INVALID_ADDRESS);
        if (call.host.guestRamOffset(call.argLo[0], call.argHi[0], STA_SHMEM_SIZE) < 0) {
          return call.fail(SBI_ERR_INVALID_ADDRESS);
        }
        call.host.setStealTimeArea(call.arg(0));
        call.ok();
      },
    },
  ],
};
