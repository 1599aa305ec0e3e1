// mstatus and its sstatus view (Priv §3.1.6, §4.1.1). mstatus is stored in
// csrLo/csrHi[CSR_MSTATUS]; SD is derived on read; UXL/SXL are fixed at 64.
import {
  CSR_MSTATUS,
  MSTATUSH_SD,
  MSTATUS_FS,
  MSTATUS_MIE,
  MSTATUS_MPIE,
  MSTATUS_MPP,
  MSTATUS_MPP_SHIFT,
  MSTATUS_MPRV,
  MSTATUS_MXR,
  MSTATUS_SIE,
  MSTATUS_SPIE,
  MSTATUS_SPP,
  MSTATUS_SUM,
  MSTATUS_TSR,
  MSTATUS_TVM,
  MSTATUS_TW,
  MSTATUS_XS,
  MSTATUS_UBE,
  MSTATUS_VS,
  MSTATUSH_UXL,
  MSTATUSH_GVA,
  MSTATUSH_MPV,
  PRIV_U,
} from "../constants.js";
import { SIGNAL_STOP, type Hart } from "../hart.js";
import { hasHypervisor } from "./table.js";

/** UXL = SXL = 2 (64-bit), in the high word. */
export const MSTATUSH_XLEN64 = (2 << 0) | (2 << 2);

const MSTATUS_WRITABLE =
  MSTATUS_SIE |
  MSTATUS_MIE |
  MSTATUS_SPIE |
  MSTATUS_MPIE |
  MSTATUS_SPP |
  MSTATUS_MPP |
  MSTATUS_FS |
  MSTATUS_MPRV |
  MSTATUS_SUM |
  MSTATUS_MXR |
  MSTATUS_TVM |
  MSTATUS_TW |
  MSTATUS_TSR;

/** The sstatus view of mstatus (Priv §4.1.1). */
export const SSTATUS_MASK_LO =
  MSTATUS_SIE |
  MSTATUS_SPIE |
  MSTATUS_UBE |
  MSTATUS_SPP |
  MSTATUS_VS |
  MSTATUS_FS |
  MSTATUS_XS |
  MSTATUS_SUM |
  MSTATUS_MXR;
export const SSTATUS_MASK_HI = MSTATUSH_UXL | MSTATUSH_SD;

/** Spike's legalize_privilege: MPP is WARL over {U, S, M}; the reserved value 2 becomes U. */
function legalPriv(p: number): number {
  return p === 2 ? PRIV_U : p;
}

/** mstatus with SD filled in: Priv §3.1.6.6, SD = (FS == Dirty || XS == Dirty || VS == Dirty). */
export function readMstatus(h: Hart): { lo: number; hi: number } {
  const lo = h.csrLo[CSR_MSTATUS];
  const dirty =
    (lo & MSTATUS_FS) === MSTATUS_FS || (lo & MSTATUS_XS) === MSTATUS_XS || (lo & MSTATUS_VS) === MSTATUS_VS;
  statusOut.hi = dirty ? h.csrHi[CSR_MSTATUS] | MSTATUSH_SD : h.csrHi[CSR_MSTATUS] & ~MSTATUSH_SD;
  statusOut.lo = lo;
  return statusOut;
}
const statusOut = { lo: 0, hi: 0 };

/** mstatus high-word bits software can write: GVA and MPV (H extension; Priv §9.4.1). */
const MSTATUSH_WRITABLE = MSTATUSH_GVA | MSTATUSH_MPV;

/**
 * Writes mstatus bits under `mask` (the sstatus view passes a narrower mask
 * and no high word).
 */
export function writeMstatus(h: Hart, lo: number, mask: number, hi?: number): void {
  if (hi !== undefined && hasHypervisor()) {
    const oldHi = h.csrHi[CSR_MSTATUS];
    h.csrHi[CSR_MSTATUS] = (oldHi & ~MSTATUSH_WRITABLE) | (hi & MSTATUSH_WRITABLE);
    if (((oldHi ^ hi) & MSTATUSH_MPV) !== 0) h.mmu.flush();
  }
  const old = h.csrLo[CSR_MSTATUS];
  let v = (old & ~(mask & MSTATUS_WRITABLE)) | (lo & mask & MSTATUS_WRITABLE);
  const mpp = legalPriv((v & MSTATUS_MPP) >>> MSTATUS_MPP_SHIFT);
  v = (v & ~MSTATUS_MPP) | (mpp << MSTATUS_MPP_SHIFT);
  h.csrLo[CSR_MSTATUS] = v;
  // Translation and interrupt enables may have changed: the TLB (filled for
  // the old MXR, MPRV, and MPP when MPRV is on) and the run loop's interrupt
  // check must see it.
  const changed = old ^ v;
  if ((changed & (MSTATUS_MPRV | MSTATUS_MXR)) !== 0 || ((changed & MSTATUS_MPP) !== 0 && (v & MSTATUS_MPRV) !== 0)) {
    h.mmu.flush();
  }
  // SUM picks between the S-mode TLB sets.
  if ((changed & MSTATUS_SUM) !== 0) h.mmu.selectContext();
  h.signal |= SIGNAL_STOP;
}
