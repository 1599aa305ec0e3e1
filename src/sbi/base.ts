// BASE extension (SBI v2.0 §4): versions, implementation identity, probing,
// and the machine's vendor/architecture/implementation IDs.
import { CSR_MARCHID, CSR_MIMPID, CSR_MVENDORID } from "../rv64/constants.js";
import { readCsr } from "../rv64/firmware-access.js";
import { csrOut } from "../rv64/csr/all.js";
import type { SbiCall, SbiExtension } from "./call.js";
import { EID_BASE, SBI_IMPL_ID, SBI_IMPL_VERSION, SBI_SPEC_VERSION } from "./constants.js";

function machineId(call: SbiCall, csrno: number): void {
  const lo = readCsr(call.host.hart, csrno);
  call.ok(lo, csrOut.hi);
}

/** `isImplemented` answers probe_extension (the registry knows the extensions). */
export function baseExtension(isImplemented: (eid: number) => boolean): SbiExtension {
  return {
    name: "BASE",
    eid: EID_BASE,
    functions: [
      { name: "get_spec_version", handle: (call) => call.ok(SBI_SPEC_VERSION) },
      { name: "get_impl_id", handle: (call) => call.ok(SBI_IMPL_ID) },
      { name: "get_impl_version", handle: (call) => call.ok(SBI_IMPL_VERSION) },
      // §4.4: 0 when the extension is not available, else an extension-specific nonzero value (1).
      { name: "probe_extension", handle: (call) => call.ok(isImplemented(call.arg(0)) ? 1 : 0) },
      { name: "get_mvendorid", handle: (call) => machineId(call, CSR_MVENDORID) },
      { name: "get_marchid", handle: (call) => machineId(call, CSR_MARCHID) },
      { name: "get_mimpid", handle: (call) => machineId(call, CSR_MIMPID) },
    ],
  };
}
