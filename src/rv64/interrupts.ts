// Interrupt pending and enable logic (Priv §3.1.9, §4.1.3, §9.2.3-9.2.4).
import {
  CSR_HGEIE,
  CSR_HIDELEG,
  CSR_HSTATUS,
  CSR_HVIP,
  CSR_MENVCFG,
  CSR_MIDELEG,
  CSR_MIE,
  CSR_MIP,
  CSR_MSTATUS,
  CSR_VSSTATUS,
  HSTATUS_VGEIN,
  HSTATUS_VGEIN_SHIFT,
  IRQ_M_EXT,
  IRQ_M_SOFT,
  IRQ_M_TIMER,
  IRQ_S_EXT,
  IRQ_S_SOFT,
  IRQ_S_TIMER,
  IRQ_SG_EXT,
  IRQ_VS_EXT,
  IRQ_VS_SOFT,
  IRQ_VS_TIMER,
  MSTATUS_MIE,
  MSTATUS_SIE,
  PRIV_M,
  PRIV_S,
  PRIV_U,
  VS_INTERRUPTS,
} from "./constants.js";
import type { Hart } from "./hart.js";

/**
 * mip as software sees it (Priv §3.1.9, §9.2.3): the software-writable
 * bits, the platform's lines (MSIP, MTIP, MEIP, SEIP, and STIP/VSTIP from
 * the Sstc comparators), hvip's VS bits, the guest external interrupt
 * selected by hstatus.VGEIN (VSEIP), and SGEIP = (hgeip & hgeie) != 0.
 * With Sstc on (menvcfg.STCE), STIP is the comparator alone.
 */
export function effectiveMip(h: Hart): number {
  let mip = h.csrHi[CSR_MENVCFG] < 0 ? h.csrLo[CSR_MIP] & ~(1 << IRQ_S_TIMER) : h.csrLo[CSR_MIP];
  mip |= h.irqLines | (h.csrLo[CSR_HVIP] & VS_INTERRUPTS);
  const vgein = (h.csrLo[CSR_HSTATUS] & HSTATUS_VGEIN) >>> HSTATUS_VGEIN_SHIFT;
  if (vgein !== 0 && ((h.hgeipLines >>> vgein) & 1) !== 0) mip |= 1 << IRQ_VS_EXT;
  if ((h.hgeipLines & h.csrLo[CSR_HGEIE]) !== 0) mip |= 1 << IRQ_SG_EXT;
  return mip;
}

/** Decreasing priority within one level (Priv §3.1.9, §9.2.3). */
const PRIORITY = [
  IRQ_M_EXT,
  IRQ_M_SOFT,
  IRQ_M_TIMER,
  IRQ_S_EXT,
  IRQ_S_SOFT,
  IRQ_S_TIMER,
  IRQ_SG_EXT,
  IRQ_VS_EXT,
  IRQ_VS_SOFT,
  IRQ_VS_TIMER,
];

function highest(bits: number): number {
  for (let i = 0; i < PRIORITY.length; i++) {
    if ((bits >>> PRIORITY[i]) & 1) return PRIORITY[i];
  }
  return 31 - Math.clz32(bits);
}

/**
 * The interrupt the hart takes now, or -1. Interrupts for M-mode outrank
 * those for HS-mode, which outrank those for VS-mode (Priv §9.5). Each level
 * is enabled when the hart runs below it, or at it with the level's global
 * enable (mstatus.MIE, sstatus.SIE, vsstatus.SIE); HS-level interrupts are
 * always enabled while V=1, VS-level ones only while V=1.
 */
export function pendingInterrupt(h: Hart): number {
  const pending = effectiveMip(h) & h.csrLo[CSR_MIE];
  if (pending === 0) return -1;
  const mstatus = h.csrLo[CSR_MSTATUS];
  const mideleg = h.csrLo[CSR_MIDELEG];
  const hideleg = h.csrLo[CSR_HIDELEG];
  if (h.priv < PRIV_M || (mstatus & MSTATUS_MIE) !== 0) {
    const m = pending & ~mideleg;
    if (m !== 0) return highest(m);
  }
  if (h.virt || h.priv < PRIV_S || (h.priv === PRIV_S && (mstatus & MSTATUS_SIE) !== 0)) {
    const hs = pending & mideleg & ~hideleg;
    if (hs !== 0) return highest(hs);
  }
  if (h.virt && (h.priv === PRIV_U || (h.csrLo[CSR_VSSTATUS] & MSTATUS_SIE) !== 0)) {
    const vs = pending & mideleg & hideleg;
    if (vs !== 0) return highest(vs);
  }
  return -1;
}

/** Whether WFI should stop waiting: any interrupt pending and enabled in mie (Priv §3.3.3). */
export function wakesFromWfi(h: Hart): boolean {
  return (effectiveMip(h) & h.csrLo[CSR_MIE]) !== 0;
}
