// SRST extension (SBI v2.0 §10): system shutdown and reboot.
import type { SbiExtension } from "./call.js";
import { EID_SRST, SBI_ERR_INVALID_PARAM, SRST_REASON_SYSTEM_FAILURE, SRST_WARM_REBOOT } from "./constants.js";

export const srstExtension: SbiExtension = {
  name: "SRST",
  eid: EID_SRST,
  functions: [
    {
      // §10.1: system_reset(reset_type, reset_reason), both 32 bits. Types
      // and reasons that are reserved, or vendor/implementation-specific
      // (rvhv defines none), are SBI_ERR_INVALID_PARAM (Table 24).
      name: "system_reset",
      handle(call) {
        const type = call.arg32(0);
        const reason = call.arg32(1);
        if (type > SRST_WARM_REBOOT || reason > SRST_REASON_SYSTEM_FAILURE) return call.fail(SBI_ERR_INVALID_PARAM);
        call.host.systemReset(type, reason);
        call.noReturn = true;
      },
    },
  ],
};
