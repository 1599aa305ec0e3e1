// Trap entry (Priv §3.1.6.1, §3.1.8, §4.1.1): choose the target mode from the
// delegation registers, save pc/cause/tval, update the status stacks and jump
// to the trap vector. Exceptions unwind the instruction that raised them by
// throwing TRAP, which the run loop catches.
import {
  CSR_MCAUSE,
  CSR_MENVCFG,
  CSR_MEDELEG,
  CSR_MEPC,
  CSR_MIDELEG,
  CSR_MIE,
  CSR_MIP,
  CSR_MSTATUS,
  CSR_MTVAL,
  CSR_MTVEC,
  CSR_SCAUSE,
  CSR_SEPC,
  CSR_STVAL,
  CSR_STVEC,
  IRQ_M_EXT,
  IRQ_M_SOFT,
  IRQ_M_TIMER,
  IRQ_S_EXT,
  IRQ_S_SOFT,
  IRQ_S_TIMER,
  MSTATUS_MIE,
  MSTATUS_MPIE,
  MSTATUS_MPP,
  MSTATUS_MPP_SHIFT,
  MSTATUS_SIE,
  MSTATUS_SPIE,
  MSTATUS_SPP,
  PRIV_M,
  PRIV_S,
} from "./constants.js";
import { SIGNAL_JUMP, type Hart } from "./hart.js";

/** Thrown (never allocated anew) to unwind an instruction that trapped. */
export const TRAP = Object.freeze({ trap: true });

/** Raises a synchronous exception: enters the trap and unwinds the current instruction. */
export function raiseException(h: Hart, cause: number, tvalLo: number, tvalHi: number): never {
  enterTrap(h, cause, false, tvalLo, tvalHi);
  throw TRAP;
}

/** Illegal-instruction exception with mtval = the instruction bits (Priv §3.1.16). */
export function raiseIllegal(h: Hart, bits: number): never {
  return raiseException(h, 2, bits, 0);
}

/**
 * Enters a trap at the current pc. For interrupts the pc is the next
 * instruction to run; for exceptions the one that faulted.
 */
export function enterTrap(h: Hart, cause: number, interrupt: boolean, tvalLo: number, tvalHi: number): void {
  const lo = h.csrLo;
  const hi = h.csrHi;
  const deleg = interrupt ? lo[CSR_MIDELEG] : cause < 32 ? lo[CSR_MEDELEG] : hi[CSR_MEDELEG];
  const prev = h.priv;
  h.phys.reservation[h.index] = -1;
  h.waiting = false;

  if (prev <= PRIV_S && ((deleg >>> (cause & 31)) & 1) !== 0) {
    // Priv §4.1.1: trap to S-mode.
    lo[CSR_SEPC] = h.pcLo;
    hi[CSR_SEPC] = h.pcHi;
    lo[CSR_SCAUSE] = cause;
    hi[CSR_SCAUSE] = interrupt ? 0x80000000 | 0 : 0;
    lo[CSR_STVAL] = tvalLo;
    hi[CSR_STVAL] = tvalHi;
    let s = lo[CSR_MSTATUS];
    s = (s & MSTATUS_SIE ? s | MSTATUS_SPIE : s & ~MSTATUS_SPIE) & ~MSTATUS_SIE;
    s = prev === PRIV_S ? s | MSTATUS_SPP : s & ~MSTATUS_SPP;
    lo[CSR_MSTATUS] = s;
    h.priv = PRIV_S;
    jumpToVector(h, lo[CSR_STVEC], hi[CSR_STVEC], cause, interrupt);
  } else {
    if (h.machineModeHandler !== null) {
      // The TS firmware owns M-mode: it handles the trap and resumes the hart.
      h.mmu.flush();
      h.machineModeHandler.handleTrap(h, cause, interrupt ? 0x80000000 | 0 : 0, tvalLo, tvalHi);
      h.signal |= SIGNAL_JUMP;
      return;
    }
    lo[CSR_MEPC] = h.pcLo;
    hi[CSR_MEPC] = h.pcHi;
    lo[CSR_MCAUSE] = cause;
    hi[CSR_MCAUSE] = interrupt ? 0x80000000 | 0 : 0;
    lo[CSR_MTVAL] = tvalLo;
    hi[CSR_MTVAL] = tvalHi;
    let s = lo[CSR_MSTATUS];
    s = (s & MSTATUS_MIE ? s | MSTATUS_MPIE : s & ~MSTATUS_MPIE) & ~MSTATUS_MIE;
    s = (s & ~MSTATUS_MPP) | (prev << MSTATUS_MPP_SHIFT);
    lo[CSR_MSTATUS] = s;
    h.priv = PRIV_M;
    jumpToVector(h, lo[CSR_MTVEC], hi[CSR_MTVEC], cause, interrupt);
  }
  if (h.priv !== prev) h.mmu.flush();
}

/** xtvec MODE: 0 direct, 1 vectored (interrupts go to BASE + 4 * cause). */
function jumpToVector(h: Hart, tvecLo: number, tvecHi: number, cause: number, interrupt: boolean): void {
  const base = tvecLo & ~3;
  if (interrupt && (tvecLo & 3) === 1) {
    const lo = (base + 4 * cause) | 0;
    h.jumpTo(lo, (tvecHi + (lo >>> 0 < base >>> 0 ? 1 : 0)) | 0);
  } else {
    h.jumpTo(base, tvecHi);
  }
}

/** Priv §3.1.9: decreasing priority of simultaneous interrupts. */
const PRIORITY = [IRQ_M_EXT, IRQ_M_SOFT, IRQ_M_TIMER, IRQ_S_EXT, IRQ_S_SOFT, IRQ_S_TIMER];

/**
 * mip as software sees it: the writable bits OR the platform's interrupt
 * lines. With Sstc enabled (menvcfg.STCE), STIP is the stimecmp comparator
 * alone (a line), so the software-written STIP bit is ignored.
 */
export function effectiveMip(h: Hart): number {
  const soft = h.csrHi[CSR_MENVCFG] < 0 ? h.csrLo[CSR_MIP] & ~(1 << IRQ_S_TIMER) : h.csrLo[CSR_MIP];
  return soft | h.irqLines;
}

/**
 * The interrupt the hart takes now, or -1. Priv §3.1.9: an interrupt i traps
 * to M if pending, enabled in mie, not delegated, and (priv < M or
 * mstatus.MIE); to S if delegated and (priv < S or (priv = S and SIE)).
 */
export function pendingInterrupt(h: Hart): number {
  const pending = effectiveMip(h) & h.csrLo[CSR_MIE];
  if (pending === 0) return -1;
  const mstatus = h.csrLo[CSR_MSTATUS];
  const mideleg = h.csrLo[CSR_MIDELEG];
  const mEnabled = h.priv < PRIV_M || (mstatus & MSTATUS_MIE) !== 0;
  const sEnabled = h.priv < PRIV_S || (h.priv === PRIV_S && (mstatus & MSTATUS_SIE) !== 0);
  let take = 0;
  if (mEnabled) take |= pending & ~mideleg;
  if (sEnabled) take |= pending & mideleg;
  if (take === 0) return -1;
  for (let i = 0; i < PRIORITY.length; i++) {
    if ((take >>> PRIORITY[i]) & 1) return PRIORITY[i];
  }
  return 31 - Math.clz32(take);
}
