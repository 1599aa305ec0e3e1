// Return from a trap handler (Priv §3.3.2, §9.6.4): the state changes of
// MRET and SRET, shared by the instructions (exec/system.ts) and by the
// TypeScript firmware (firmware-access.ts returnFromTrap). Callers check
// that the return is legal in the current mode.
import {
  CSR_HSTATUS,
  CSR_MEPC,
  CSR_MSTATUS,
  CSR_SEPC,
  CSR_VSEPC,
  CSR_VSSTATUS,
  HSTATUS_SPV,
  MSTATUSH_MPV,
  MSTATUS_MIE,
  MSTATUS_MPIE,
  MSTATUS_MPP,
  MSTATUS_MPP_SHIFT,
  MSTATUS_MPRV,
  MSTATUS_SIE,
  MSTATUS_SPIE,
  MSTATUS_SPP,
  PRIV_M,
  PRIV_S,
  PRIV_U,
} from "./constants.js";
import { SIGNAL_STOP, type Hart } from "./hart.js";
import { creditMode } from "./mode-counters.js";

/**
 * Switches privilege and V; the TLB set and interrupt enables depend on
 * them. `mprvCleared`: the return cleared mstatus.MPRV, which M-mode entries
 * may have been translated under.
 */
function setMode(h: Hart, priv: number, virt: boolean, mprvCleared: boolean): void {
  creditMode(h);
  h.priv = priv;
  h.virt = virt;
  if (mprvCleared) h.mmu.flush();
  h.mmu.selectContext();
  h.signal |= SIGNAL_STOP;
}

/** MRET: MIE = MPIE, MPIE = 1, mode = MPP, V = MPV unless MPP = M; MPP = U, MPV = 0; pc = mepc. */
export function returnFromM(h: Hart): void {
  let s = h.csrLo[CSR_MSTATUS];
  const mpp = (s & MSTATUS_MPP) >>> MSTATUS_MPP_SHIFT;
  const mpv = (h.csrHi[CSR_MSTATUS] & MSTATUSH_MPV) !== 0 && mpp !== PRIV_M;
  s = s & MSTATUS_MPIE ? s | MSTATUS_MIE : s & ~MSTATUS_MIE;
  s = (s | MSTATUS_MPIE) & ~MSTATUS_MPP; // MPP := U
  if (mpp !== PRIV_M) s &= ~MSTATUS_MPRV;
  const mprvCleared = ((h.csrLo[CSR_MSTATUS] ^ s) & MSTATUS_MPRV) !== 0;
  h.csrLo[CSR_MSTATUS] = s;
  h.csrHi[CSR_MSTATUS] &= ~MSTATUSH_MPV;
  setMode(h, mpp, mpv, mprvCleared);
  h.jumpTo(h.csrLo[CSR_MEPC], h.csrHi[CSR_MEPC]);
}

/** SRET in HS-mode: mode = SPP, V = hstatus.SPV (SPV := 0), sstatus unstacked, MPRV := 0; pc = sepc. */
export function returnFromHs(h: Hart): void {
  const s0 = h.csrLo[CSR_MSTATUS];
  const spv = (h.csrLo[CSR_HSTATUS] & HSTATUS_SPV) !== 0;
  h.csrLo[CSR_HSTATUS] &= ~HSTATUS_SPV;
  h.csrLo[CSR_MSTATUS] = unstackS(s0) & ~MSTATUS_MPRV; // the new mode is below M
  setMode(h, (s0 & MSTATUS_SPP) !== 0 ? PRIV_S : PRIV_U, spv, (s0 & MSTATUS_MPRV) !== 0);
  h.jumpTo(h.csrLo[CSR_SEPC], h.csrHi[CSR_SEPC]);
}

/** SRET in VS-mode: uses vsstatus and vsepc and stays in V = 1. */
export function returnFromVs(h: Hart): void {
  const vs = h.csrLo[CSR_VSSTATUS];
  h.csrLo[CSR_VSSTATUS] = unstackS(vs);
  setMode(h, (vs & MSTATUS_SPP) !== 0 ? PRIV_S : PRIV_U, true, false);
  h.jumpTo(h.csrLo[CSR_VSEPC], h.csrHi[CSR_VSEPC]);
}

/** sstatus/vsstatus on SRET: SIE = SPIE, SPIE = 1, SPP = U. */
function unstackS(s: number): number {
  s = s & MSTATUS_SPIE ? s | MSTATUS_SIE : s & ~MSTATUS_SIE;
  return (s | MSTATUS_SPIE) & ~MSTATUS_SPP;
}
