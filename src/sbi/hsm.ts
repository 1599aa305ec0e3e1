// HSM extension (SBI v2.0 §9): start, stop, query and suspend harts.
import type { SbiCall, SbiExtension } from "./call.js";
import {
  EID_HSM,
  HSM_STOPPED,
  SBI_ERR_ALREADY_AVAILABLE,
  SBI_ERR_INVALID_ADDRESS,
  SBI_ERR_INVALID_PARAM,
} from "./constants.js";

function validHart(call: SbiCall, i: number): boolean {
  return call.argHi[i] === 0 && call.argLo[i] >>> 0 < call.host.hartCount;
}

// §9.4, Table 15: the two default suspend types (0x10000000-0x7fffffff and
// 0x90000000-0xffffffff are platform-specific; the rest is reserved).
const SUSPEND_DEFAULT_RETENTIVE = 0x00000000;
const SUSPEND_DEFAULT_NON_RETENTIVE = 0x80000000;

export const hsmExtension: SbiExtension = {
  name: "HSM",
  eid: EID_HSM,
  functions: [
    {
      // §9.1: hart_start(hartid, start_addr, opaque).
      name: "hart_start",
      handle(call) {
        const host = call.host;
        if (!validHart(call, 0)) return call.fail(SBI_ERR_INVALID_PARAM);
        const hartId = call.argLo[0];
        if (host.hartState(hartId) !== HSM_STOPPED) return call.fail(SBI_ERR_ALREADY_AVAILABLE);
        if (!host.isExecutable(call.argLo[1], call.argHi[1])) return call.fail(SBI_ERR_INVALID_ADDRESS);
        host.startHart(hartId, call.argLo[1], call.argHi[1], call.argLo[2], call.argHi[2]);
        call.ok();
      },
    },
    {
      // §9.2: hart_stop() does not return on success.
      name: "hart_stop",
      handle(call) {
        call.host.stopHart();
        call.noReturn = true;
      },
    },
    {
      // §9.3: hart_get_status(hartid).
      name: "hart_get_status",
      handle(call) {
        if (!validHart(call, 0)) return call.fail(SBI_ERR_INVALID_PARAM);
        call.ok(call.host.hartState(call.argLo[0]));
      },
    },
    {
      // §9.4: hart_suspend(suspend_type, resume_addr, opaque); suspend_type is 32 bits.
      name: "hart_suspend",
      handle(call) {
        const type = call.arg32(0);
        const nonRetentive = type === SUSPEND_DEFAULT_NON_RETENTIVE;
        // Reserved types, and the platform-specific ones (rvhv implements none), are invalid.
        if (type !== SUSPEND_DEFAULT_RETENTIVE && !nonRetentive) return call.fail(SBI_ERR_INVALID_PARAM);
        if (nonRetentive && !call.host.isExecutable(call.argLo[1], call.argHi[1])) {
          return call.fail(SBI_ERR_INVALID_ADDRESS);
        }
        // A retentive suspend returns SBI_SUCCESS once woken; a non-retentive one resumes at resume_addr.
        call.ok();
        call.host.suspendHart(nonRetentive, call.argLo[1], call.argHi[1], call.argLo[2], call.argHi[2]);
        call.noReturn = nonRetentive;
      },
    },
  ],
};
