// DBCN extension (SBI v2.0 §12): the debug console, over buffers in guest
// physical memory that must lie wholly in the calling guest's RAM.
import type { SbiCall, SbiExtension } from "./call.js";
import { EID_DBCN, SBI_ERR_INVALID_PARAM } from "./constants.js";

/**
 * The RAM offset of the buffer (num_bytes = a0, base_addr_lo = a1,
 * base_addr_hi = a2), or -1. On RV64 base_addr_hi holds address bits above
 * 63, so it must be zero (§12.1).
 */
function buffer(call: SbiCall): number {
  if (call.argLo[2] !== 0 || call.argHi[2] !== 0 || call.argHi[0] !== 0) return -1;
  return call.host.guestRamOffset(call.argLo[1], call.argHi[1], call.argLo[0] >>> 0);
}

export const dbcnExtension: SbiExtension = {
  name: "DBCN",
  eid: EID_DBCN,
  functions: [
    {
      // §12.1: console_write returns the number of bytes written.
      name: "console_write",
      handle(call) {
        const length = call.arg(0);
        if (length === 0) return call.ok(0);
        const off = buffer(call);
        if (off < 0) return call.fail(SBI_ERR_INVALID_PARAM);
        call.host.consoleWrite(call.host.ram.subarray(off, off + length));
        call.ok(length);
      },
    },
    {
      // §12.2: console_read returns the number of bytes read (0 when none is pending).
      name: "console_read",
      handle(call) {
        const length = call.arg(0);
        if (length === 0) return call.ok(0);
        const off = buffer(call);
        if (off < 0) return call.fail(SBI_ERR_INVALID_PARAM);
        call.ok(call.host.consoleRead(call.host.ram.subarray(off, off + length), length));
      },
    },
    {
      // §12.3: console_write_byte writes the low 8 bits of a0.
      name: "console_write_byte",
      handle(call) {
        oneByte[0] = call.argLo[0];
        call.host.consoleWrite(oneByte);
        call.ok();
      },
    },
  ],
};

const oneByte = new Uint8Array(1);
