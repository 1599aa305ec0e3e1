// IPI extension (SBI v2.0 §7): supervisor software interrupts to other harts.
import type { SbiExtension } from "./call.js";
import { EID_IPI, SBI_ERR_INVALID_PARAM } from "./constants.js";
import { selectHarts, selectedHarts } from "./hart-mask.js";

export const ipiExtension: SbiExtension = {
  name: "IPI",
  eid: EID_IPI,
  functions: [
    {
      // §7.1: send_ipi(hart_mask, hart_mask_base).
      name: "send_ipi",
      handle(call) {
        if (!selectHarts(call, 0)) return call.fail(SBI_ERR_INVALID_PARAM);
        for (const hartId of selectedHarts) call.host.sendIpi(hartId);
        call.ok();
      },
    },
  ],
};
