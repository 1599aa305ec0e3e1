// Virtual-to-physical translation for one access (Priv §4.3-4.5, §9.5).
// Picks the effective privilege and virtualization mode (mstatus.MPRV with
// MPP/MPV applies to loads and stores), then the stages: none (M-mode or
// Bare), single-stage (satp), or two-stage (vsatp then hgatp) when V=1.
import {
  CSR_HGATP,
  CSR_MSTATUS,
  CSR_SATP,
  CSR_VSATP,
  MSTATUSH_MPV,
  MSTATUS_MPP,
  MSTATUS_MPP_SHIFT,
  MSTATUS_MPRV,
  PRIV_M,
} from "../constants.js";
import type { Hart } from "../hart.js";
import { SATP_MODE_BARE, STAGE_G, STAGE_S, STAGE_VS, levelsOf, walk, walkOrigin } from "./page-walk.js";

/** The privilege an access of `kind` (mmu.ts ACCESS_*) is performed at. */
export function effectivePriv(h: Hart, kind: number): number {
  if (kind !== 0 && h.priv === PRIV_M && (h.csrLo[CSR_MSTATUS] & MSTATUS_MPRV) !== 0) {
    return (h.csrLo[CSR_MSTATUS] & MSTATUS_MPP) >>> MSTATUS_MPP_SHIFT;
  }
  return h.priv;
}

/** The virtualization mode an access of `kind` is performed in (MPRV with MPV, Priv §9.4.1). */
export function effectiveVirt(h: Hart, kind: number): boolean {
  if (kind !== 0 && h.priv === PRIV_M && (h.csrLo[CSR_MSTATUS] & MSTATUS_MPRV) !== 0) {
    return (h.csrHi[CSR_MSTATUS] & MSTATUSH_MPV) !== 0 && (h.csrLo[CSR_MSTATUS] & MSTATUS_MPP) !== MSTATUS_MPP;
  }
  return h.virt;
}

/** Root table address of satp/vsatp/hgatp: PPN (bits 43:0) * 4 KiB. */
function rootOf(h: Hart, csrno: number): number {
  return ((h.csrHi[csrno] & 0xfff) * 4294967296 + (h.csrLo[csrno] >>> 0)) * 4096;
}

/**
 * Translates (hi:lo) for an access of `kind` (mmu.ts ACCESS_*); returns the
 * physical address as a number. `walkKind` (page-walk.ts WALK_*) picks the
 * permission checked and the fault causes.
 */
export function translate(h: Hart, lo: number, hi: number, kind: number, walkKind: number): number {
  return translateAs(h, lo, hi, walkKind, effectivePriv(h, kind), effectiveVirt(h, kind));
}

/** Translates as though at privilege `priv` and virtualization mode `virt` (also HLV/HSV). */
export function translateAs(h: Hart, lo: number, hi: number, walkKind: number, priv: number, virt: boolean): number {
  walkOrigin.spanBits = 0;
  if (priv === PRIV_M) return (hi >>> 0) * 4294967296 + (lo >>> 0);
  walkOrigin.lo = lo;
  walkOrigin.hi = hi;
  if (!virt) {
    const mode = h.csrHi[CSR_SATP] >>> 28;
    if (mode === SATP_MODE_BARE) return (hi >>> 0) * 4294967296 + (lo >>> 0);
    return walk(h, lo, hi, STAGE_S, rootOf(h, CSR_SATP), levelsOf(mode), walkKind, walkKind, priv, 0, 0, 0);
  }
  // Two-stage (Priv §9.5). hgatp's root is 16 KiB aligned: PPN[1:0] read as zero.
  const gMode = h.csrHi[CSR_HGATP] >>> 28;
  const gLevels = gMode === SATP_MODE_BARE ? 0 : levelsOf(gMode);
  const gRoot = rootOf(h, CSR_HGATP);
  const vsMode = h.csrHi[CSR_VSATP] >>> 28;
  let gpaLo = lo;
  let gpaHi = hi;
  if (vsMode !== SATP_MODE_BARE) {
    const gpa = walk(
      h,
      lo,
      hi,
      STAGE_VS,
      rootOf(h, CSR_VSATP),
      levelsOf(vsMode),
      walkKind,
      walkKind,
      priv,
      gRoot,
      gLevels,
      0,
    );
    if (gLevels === 0) return gpa;
    gpaLo = (gpa % 4294967296) | 0;
    gpaHi = Math.floor(gpa / 4294967296) | 0;
  } else if (gLevels === 0) {
    return (hi >>> 0) * 4294967296 + (lo >>> 0);
  }
  return walk(h, gpaLo, gpaHi, STAGE_G, gRoot, gLevels, walkKind, walkKind, priv, 0, 0, 0);
}
