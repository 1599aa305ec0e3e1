// SRST extension (SBI v2.0 §10): system shutdown and reboot.
import type { SbiExtension } from "./call.js";
import {
  EID_SRST,
  SBI_ERR_INVALID_PARAM,
  SBI_ERR_NOT_SUPPORTED,
  SRST_REASON_SYSTEM_FAILURE,
  SRST_WARM_REBOOT,
} from "./constants.js";

// §10.1, Tables 22-23: vendor or platform specific ranges.
const TYPE_VENDOR = 0xf0000000;
const REASON_IMPLEMENTATION = 0xe0000000;

export const srstExtension: SbiExtension = {
  name: "SRST",
  eid: EID_SRST,
  functions: [
    {
      // §10.1: system_reset(reset_type, reset_reason), both 32 bits.
      name: "system_reset",
      handle(call) {
        const type = call.arg32(0);
        const reason = call.arg32(1);
        if (type > SRST_WARM_REBOOT) {
          // Reserved types are invalid; vendor types are valid, and rvhv implements none.
          return call.fail(type >= TYPE_VENDOR ? SBI_ERR_NOT_SUPPORTED : SBI_ERR_INVALID_PARAM);
        }
        if (reason > SRST_REASON_SYSTEM_FAILURE && reason < REASON_IMPLEMENTATION) {
          return call.fail(SBI_ERR_INVALID_PARAM);
        }
        call.host.systemReset(type, reason);
        call.noReturn = true;
      },
    },
  ],
};
