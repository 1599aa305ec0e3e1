// TIME extension (SBI v2.0 §6): program the next timer event.
import type { SbiExtension } from "./call.js";
import { EID_TIME } from "./constants.js";

export const timeExtension: SbiExtension = {
  name: "TIME",
  eid: EID_TIME,
  functions: [
    {
      // §6.1: stime_value is absolute time; the pending timer interrupt is
      // cleared, and a value in the past raises it at once.
      name: "set_timer",
      handle(call) {
        call.host.setTimer(call.argLo[0], call.argHi[0]);
        call.ok();
      },
    },
  ],
};
