// The SBI implementation: every extension rvhv offers, found by EID, and
// the dispatcher that runs one call (SBI v2.0 §3: EID in a7, FID in a6,
// arguments in a0-a5, sbiret in a0/a1; legacy calls return a0 only).
import type { Hart } from "../rv64/hart.js";
import { baseExtension } from "./base.js";
import type { SbiCall, SbiExtension, SbiFunction } from "./call.js";
import { SBI_ERR_NOT_SUPPORTED } from "./constants.js";
import { dbcnExtension } from "./dbcn.js";
import { hsmExtension } from "./hsm.js";
import { ipiExtension } from "./ipi.js";
import { legacyExtensions } from "./legacy.js";
import { rfenceExtension } from "./rfence.js";
import { srstExtension } from "./srst.js";
import { staExtension } from "./sta.js";
import { timeExtension } from "./time.js";

const byEid = new Map<number, SbiExtension>();

export const SBI_EXTENSIONS: readonly SbiExtension[] = [
  baseExtension((eid) => byEid.has(eid)),
  timeExtension,
  ipiExtension,
  rfenceExtension,
  hsmExtension,
  srstExtension,
  dbcnExtension,
  staExtension,
  ...legacyExtensions,
];
for (const ext of SBI_EXTENSIONS) byEid.set(ext.eid, ext);

const A0 = 10;
const A6 = 16;
const A7 = 17;

/** What the last dispatch ran (for statistics): the extension and function, or null for an unknown call. */
export const lastDispatch: { extension: SbiExtension | null; fn: SbiFunction | null } = { extension: null, fn: null };

/**
 * Runs the SBI call in `h`'s registers with `call.host` set. Writes the
 * result to a0 (and a1) unless the call does not return (call.noReturn).
 */
export function dispatchSbi(h: Hart, call: SbiCall): void {
  const eidLo = h.xl[A7];
  const ext = h.xh[A7] === 0 ? byEid.get(eidLo >>> 0) : undefined;
  call.eid = eidLo >>> 0;
  call.noReturn = false;
  for (let i = 0; i < 6; i++) {
    call.argLo[i] = h.xl[A0 + i];
    call.argHi[i] = h.xh[A0 + i];
  }
  const fid = ext?.legacy === true ? 0 : h.xh[A6] === 0 ? h.xl[A6] >>> 0 : -1;
  call.fid = fid;
  const fn = ext === undefined || fid < 0 ? undefined : ext.functions[fid];
  lastDispatch.extension = ext ?? null;
  lastDispatch.fn = fn ?? null;
  if (fn === undefined) call.fail(SBI_ERR_NOT_SUPPORTED);
  else fn.handle(call);
  if (call.noReturn) return;
  if (ext?.legacy === true) {
    // §5: legacy calls return one value in a0 (an error code, or the result).
    const failed = call.error !== 0;
    h.xl[A0] = failed ? call.error : call.valueLo;
    h.xh[A0] = failed ? call.error >> 31 : call.valueHi;
    return;
  }
  h.xl[A0] = call.error;
  h.xh[A0] = call.error >> 31;
  h.xl[A0 + 1] = call.valueLo;
  h.xh[A0 + 1] = call.valueHi;
}
