// Sstc timer comparators (Sstc §2.1-2.2): with menvcfg.STCE, STIP is
// time >= stimecmp; with henvcfg.STCE too, VSTIP (in hip) includes
// (time + htimedelta) >= vstimecmp. Both are platform lines in irqLines.
import {
  CSR_HENVCFG,
  CSR_HTIMEDELTA,
  CSR_MENVCFG,
  CSR_STIMECMP,
  CSR_VSTIMECMP,
  IRQ_S_TIMER,
  IRQ_VS_TIMER,
} from "./constants.js";
import type { Hart } from "./hart.js";
import { add64, loOf, hiOf, r, ltu64, sub64, toNumberU } from "./int64.js";

/** menvcfg.STCE (bit 63). */
export function sstcEnabled(h: Hart): boolean {
  return h.csrHi[CSR_MENVCFG] < 0;
}

/** henvcfg.STCE, effective only when menvcfg.STCE is set. */
export function vsSstcEnabled(h: Hart): boolean {
  return h.csrHi[CSR_MENVCFG] < 0 && h.csrHi[CSR_HENVCFG] < 0;
}

/** time + htimedelta, truncated to 64 bits (Priv §9.2.7): low word returned, high in r.hi. */
export function guestTime(h: Hart): number {
  const t = h.platform.readTime();
  return add64(loOf(t), hiOf(t), h.csrLo[CSR_HTIMEDELTA], h.csrHi[CSR_HTIMEDELTA]);
}

/**
 * Re-evaluates both comparators. Called when stimecmp, vstimecmp,
 * htimedelta or the envcfg registers are written, and by the machine after
 * time advances.
 */
export function updateTimerLines(h: Hart): void {
  const t = h.platform.readTime();
  const tLo = loOf(t);
  const tHi = hiOf(t);
  h.setIrqLine(IRQ_S_TIMER, sstcEnabled(h) && !ltu64(tLo, tHi, h.csrLo[CSR_STIMECMP], h.csrHi[CSR_STIMECMP]));
  let vstip = false;
  if (vsSstcEnabled(h)) {
    const gLo = add64(tLo, tHi, h.csrLo[CSR_HTIMEDELTA], h.csrHi[CSR_HTIMEDELTA]);
    vstip = !ltu64(gLo, r.hi, h.csrLo[CSR_VSTIMECMP], h.csrHi[CSR_VSTIMECMP]);
  }
  h.setIrqLine(IRQ_VS_TIMER, vstip);
}

/**
 * A CSR write changed a comparator, htimedelta or an STCE enable: the lines
 * follow at once, and the machine learns that the next deadline may have
 * moved (HartPlatform.timerSettingsChanged).
 */
export function timerSettingsChanged(h: Hart): void {
  updateTimerLines(h);
  h.platform.timerSettingsChanged?.();
}

/**
 * The earliest Sstc deadline of `h` later than `after` (mtime ticks):
 * stimecmp where menvcfg.STCE is on, vstimecmp - htimedelta (mod 2^64)
 * where henvcfg.STCE is too; Infinity if none, or if it is at or beyond
 * `never` (all-ones compare values mean "no timer").
 */
export function nextSstcDeadline(h: Hart, after: number, never: number): number {
  let next = Infinity;
  if (sstcEnabled(h)) {
    const cmp = toNumberU(h.csrLo[CSR_STIMECMP], h.csrHi[CSR_STIMECMP]);
    if (cmp > after && cmp < never) next = cmp;
  }
  if (vsSstcEnabled(h)) {
    const lo = sub64(h.csrLo[CSR_VSTIMECMP], h.csrHi[CSR_VSTIMECMP], h.csrLo[CSR_HTIMEDELTA], h.csrHi[CSR_HTIMEDELTA]);
    const cmp = toNumberU(lo, r.hi);
    if (cmp > after && cmp < never && cmp < next) next = cmp;
  }
  return next;
}
