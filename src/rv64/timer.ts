// Sstc (stimecmp): with menvcfg.STCE set, mip.STIP is driven by
// time >= stimecmp and is no longer writable through mip (Sstc §2.1).
import { CSR_MENVCFG, CSR_STIMECMP, IRQ_S_TIMER } from "./constants.js";
import type { Hart } from "./hart.js";
import { toNumberU } from "./int64.js";

/** menvcfg.STCE (bit 63). */
export function sstcEnabled(h: Hart): boolean {
  return h.csrHi[CSR_MENVCFG] < 0;
}

/**
 * Re-evaluates the STIP comparator. Called when stimecmp or menvcfg is
 * written and by the machine after time advances.
 */
export function updateSstcLine(h: Hart): void {
  if (!sstcEnabled(h)) {
    h.setIrqLine(IRQ_S_TIMER, false);
    return;
  }
  const cmp = toNumberU(h.csrLo[CSR_STIMECMP], h.csrHi[CSR_STIMECMP]);
  h.setIrqLine(IRQ_S_TIMER, h.platform.readTime() >= cmp);
}
