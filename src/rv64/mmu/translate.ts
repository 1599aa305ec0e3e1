// Virtual-to-physical translation for one access (Priv §4.3-4.5). The
// effective privilege folds in mstatus.MPRV; M-mode and satp.MODE = Bare map
// the address to itself.
import { CSR_MSTATUS, CSR_SATP, MSTATUS_MPP, MSTATUS_MPP_SHIFT, MSTATUS_MPRV, PRIV_M } from "../constants.js";
import type { Hart } from "../hart.js";

/**
 * Translates (hi:lo) for an access of `kind` (mmu.ts ACCESS_*); returns the
 * physical address as a number. `faultKind` picks the page-fault cause
 * (0 fetch, 1 load, 2 store, 3 AMO).
 */
export function translate(h: Hart, lo: number, hi: number, kind: number, faultKind: number): number {
  let priv = h.priv;
  if (kind !== 0 && priv === PRIV_M && (h.csrLo[CSR_MSTATUS] & MSTATUS_MPRV) !== 0) {
    priv = (h.csrLo[CSR_MSTATUS] & MSTATUS_MPP) >>> MSTATUS_MPP_SHIFT;
  }
  if (priv === PRIV_M || h.csrHi[CSR_SATP] >>> 28 === 0) {
    return (hi >>> 0) * 4294967296 + (lo >>> 0);
  }
  void faultKind;
  throw new Error("paged translation is not implemented yet");
}
