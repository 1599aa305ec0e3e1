// Virtual-to-physical translation for one access (Priv §4.3-4.5). The
// effective privilege folds in mstatus.MPRV (loads and stores only); M-mode
// and satp.MODE = Bare map an address to itself.
import { CSR_MSTATUS, CSR_SATP, MSTATUS_MPP, MSTATUS_MPP_SHIFT, MSTATUS_MPRV, PRIV_M } from "../constants.js";
import type { Hart } from "../hart.js";
import { SATP_MODE_BARE, levelsOf, walkPageTable } from "./page-walk.js";

/** The privilege an access of `kind` (mmu.ts ACCESS_*) is performed at. */
export function effectivePriv(h: Hart, kind: number): number {
  if (kind !== 0 && h.priv === PRIV_M && (h.csrLo[CSR_MSTATUS] & MSTATUS_MPRV) !== 0) {
    return (h.csrLo[CSR_MSTATUS] & MSTATUS_MPP) >>> MSTATUS_MPP_SHIFT;
  }
  return h.priv;
}

/**
 * Translates (hi:lo) for an access of `kind` (mmu.ts ACCESS_*); returns the
 * physical address as a number. `faultKind` (page-walk.ts WALK_*) picks
 * the permission checked and the fault causes.
 */
export function translate(h: Hart, lo: number, hi: number, kind: number, faultKind: number): number {
  const priv = effectivePriv(h, kind);
  const mode = h.csrHi[CSR_SATP] >>> 28;
  if (priv === PRIV_M || mode === SATP_MODE_BARE) {
    return (hi >>> 0) * 4294967296 + (lo >>> 0);
  }
  // satp.PPN: bits 43:0 (high word bits 11:0 hold PPN[43:32]).
  const root = ((h.csrHi[CSR_SATP] & 0xfff) * 4294967296 + (h.csrLo[CSR_SATP] >>> 0)) * 4096;
  return walkPageTable(h, lo, hi, root, levelsOf(mode), faultKind, priv);
}
