// Trap entry (Priv §3.1.6.1, §3.1.8, §4.1.1, §9.6): choose the target mode
// (M, HS or VS) from medeleg/mideleg, hedeleg/hideleg and the current mode,
// save pc/cause/tval (and for M/HS the H-extension extras: GVA, MPV/SPV/SPVP,
// mtval2/htval, mtinst/htinst), stack the interrupt enables and jump to the
// vector. Exceptions unwind the instruction that raised them by throwing
// TRAP, which the run loop catches.
import {
  CAUSE_ILLEGAL_INSTRUCTION,
  CAUSE_VIRTUAL_INSTRUCTION,
  CSR_HEDELEG,
  CSR_HIDELEG,
  CSR_HSTATUS,
  CSR_HTINST,
  CSR_HTVAL,
  CSR_MEDELEG,
  CSR_MEPC,
  CSR_MIDELEG,
  CSR_MSTATUS,
  CSR_MTINST,
  CSR_MTVAL2,
  CSR_MTVEC,
  CSR_SEPC,
  CSR_STVEC,
  CSR_VSEPC,
  CSR_VSSTATUS,
  CSR_VSTVEC,
  HSTATUS_GVA,
  HSTATUS_SPV,
  HSTATUS_SPVP,
  MSTATUSH_GVA,
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
  VS_INTERRUPTS,
} from "./constants.js";
import { SIGNAL_JUMP, SIGNAL_STOP, type Hart } from "./hart.js";
import { transformedInstruction } from "./trap-instruction.js";
import { creditMode } from "./mode-counters.js";

/** Thrown (never allocated anew) to unwind an instruction that trapped. */
export const TRAP = Object.freeze({ trap: true });

/**
 * The exception a probe raised while Hart.captureFaults was set: what trap
 * entry would have recorded, had it run.
 */
export const capturedFault = { cause: 0, tvalLo: 0, tvalHi: 0, tval2Lo: 0, tval2Hi: 0, tinst: 0 };

/** Raises a synchronous exception: enters the trap and unwinds the current instruction. */
export function raiseException(h: Hart, cause: number, tvalLo: number, tvalHi: number): never {
  if (h.captureFaults) {
    const f = capturedFault;
    f.cause = cause;
    f.tvalLo = tvalLo;
    f.tvalHi = tvalHi;
    f.tval2Lo = h.trapTval2Lo;
    f.tval2Hi = h.trapTval2Hi;
    f.tinst = h.trapTinst;
    h.trapTval2Lo = h.trapTval2Hi = h.trapTinst = 0;
    h.trapGva = false;
    throw TRAP;
  }
  enterTrap(h, cause, false, tvalLo, tvalHi);
  throw TRAP;
}

/**
 * Takes a synchronous exception that is the last thing an instruction does
 * (ECALL, EBREAK, a trapping WFI) without unwinding it by throwing: in V8 a
 * throw costs microseconds, and every SBI call is an ECALL. The caller must
 * return at once. As for a thrown trap, the instruction uses a step of the
 * slice without retiring, and the run loop re-checks interrupts.
 */
export function takeException(h: Hart, cause: number, tvalLo: number, tvalHi: number): void {
  if (h.captureFaults) raiseException(h, cause, tvalLo, tvalHi);
  enterTrap(h, cause, false, tvalLo, tvalHi);
  h.instretBase--;
  h.signal |= SIGNAL_JUMP | SIGNAL_STOP;
}

/** Illegal-instruction exception with mtval = the instruction bits (Priv §3.1.16). */
export function raiseIllegal(h: Hart, bits: number): never {
  return raiseException(h, CAUSE_ILLEGAL_INSTRUCTION, bits, 0);
}

/** Virtual-instruction exception (Priv §9.6.1): tval as for illegal instructions. */
export function raiseVirtualInstruction(h: Hart, bits: number): never {
  return raiseException(h, CAUSE_VIRTUAL_INSTRUCTION, bits, 0);
}

/**
 * Guest-page fault (Priv §9.5.1): tval = the guest virtual address,
 * mtval2/htval = the guest physical address >> 2, and `tinst` (a
 * pseudoinstruction for implicit VS-stage accesses, or 0 to let trap entry
 * write the transformed instruction).
 */
export function raiseGuestPageFault(
  h: Hart,
  cause: number,
  tvalLo: number,
  tvalHi: number,
  gpaLo: number,
  gpaHi: number,
  tinst: number,
): never {
  h.trapTval2Lo = (gpaLo >>> 2) | (gpaHi << 30);
  h.trapTval2Hi = gpaHi >>> 2;
  h.trapTinst = tinst;
  return raiseException(h, cause, tvalLo, tvalHi);
}

/** Exceptions whose tval is a virtual address (Priv §9.2.1 hstatus.GVA). */
const ADDRESS_CAUSES =
  (1 << 0) |
  (1 << 1) |
  (1 << 3) |
  (1 << 4) |
  (1 << 5) |
  (1 << 6) |
  (1 << 7) |
  (1 << 12) |
  (1 << 13) |
  (1 << 15) |
  (1 << 20) |
  (1 << 21) |
  (1 << 23);

/** Causes whose htinst/mtinst may hold the transformed trapping instruction (Priv §9.6.3). */
const TRANSFORMED_CAUSES = (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 13) | (1 << 15) | (1 << 21) | (1 << 23);

/**
 * Enters a trap at the current pc. For interrupts the pc is the next
 * instruction to run; for exceptions, the one that trapped.
 */
export function enterTrap(h: Hart, cause: number, interrupt: boolean, tvalLo: number, tvalHi: number): void {
  creditMode(h);
  const lo = h.csrLo;
  const hi = h.csrHi;
  const prevPriv = h.priv;
  const prevVirt = h.virt;
  const bit = 1 << (cause & 31);
  const mdeleg = interrupt ? lo[CSR_MIDELEG] : cause < 32 ? lo[CSR_MEDELEG] : 0;
  const hdeleg = interrupt ? lo[CSR_HIDELEG] : cause < 32 ? lo[CSR_HEDELEG] : 0;
  // Extras recorded by the raiser (guest-page faults, HLV/HSV); consumed here.
  const tval2Lo = h.trapTval2Lo;
  const tval2Hi = h.trapTval2Hi;
  let tinst = h.trapTinst;
  const gva =
    !interrupt &&
    cause < 32 &&
    (h.trapGva ||
      (prevVirt && (ADDRESS_CAUSES & bit) !== 0) ||
      ((TRANSFORMED_CAUSES & bit) !== 0 && mprvGuestAccess(h)));
  h.trapTval2Lo = h.trapTval2Hi = h.trapTinst = 0;
  h.trapGva = false;

  h.phys.reservation[h.index] = -1;
  h.waiting = false;
  const causeHi = interrupt ? 0x80000000 | 0 : 0;

  if (prevPriv <= PRIV_S && (mdeleg & bit) !== 0) {
    if (prevVirt && (hdeleg & bit) !== 0) {
      // Priv §9.6.2: trap to VS-mode. VS-level interrupts appear to the
      // guest as the matching S-level ones (VSSI 2 -> SSI 1, etc.).
      const vsCause = interrupt && ((VS_INTERRUPTS >>> cause) & 1) !== 0 ? cause - 1 : cause;
      recordTrap(h, CSR_VSEPC, vsCause, causeHi, tvalLo, tvalHi);
      lo[CSR_VSSTATUS] = stackS(lo[CSR_VSSTATUS], prevPriv);
      h.priv = PRIV_S;
      jumpToVector(h, lo[CSR_VSTVEC], hi[CSR_VSTVEC], vsCause, interrupt);
    } else {
      // Priv §4.1.1, §9.6.2: trap to HS-mode.
      if (!interrupt && tinst === 0 && h.writesTrapInstruction && (TRANSFORMED_CAUSES & bit) !== 0) {
        tinst = transformedInstruction(h, tvalLo);
      }
      let hs = lo[CSR_HSTATUS];
      hs = prevVirt ? hs | HSTATUS_SPV : hs & ~HSTATUS_SPV;
      if (prevVirt) hs = prevPriv === PRIV_S ? hs | HSTATUS_SPVP : hs & ~HSTATUS_SPVP;
      hs = gva ? hs | HSTATUS_GVA : hs & ~HSTATUS_GVA;
      lo[CSR_HSTATUS] = hs;
      lo[CSR_HTVAL] = tval2Lo;
      hi[CSR_HTVAL] = tval2Hi;
      lo[CSR_HTINST] = tinst;
      hi[CSR_HTINST] = 0;
      recordTrap(h, CSR_SEPC, cause, causeHi, tvalLo, tvalHi);
      lo[CSR_MSTATUS] = stackS(lo[CSR_MSTATUS], prevPriv);
      h.priv = PRIV_S;
      h.virt = false;
      if (h.firmware !== null && h.firmware.onTrap(h, PRIV_S, cause, interrupt)) return;
      jumpToVector(h, lo[CSR_STVEC], hi[CSR_STVEC], cause, interrupt);
    }
  } else {
    if (!interrupt && tinst === 0 && h.writesTrapInstruction && (TRANSFORMED_CAUSES & bit) !== 0) {
      tinst = transformedInstruction(h, tvalLo);
    }
    let mh = hi[CSR_MSTATUS];
    mh = prevVirt ? mh | MSTATUSH_MPV : mh & ~MSTATUSH_MPV;
    mh = gva ? mh | MSTATUSH_GVA : mh & ~MSTATUSH_GVA;
    hi[CSR_MSTATUS] = mh;
    h.virt = false;
    lo[CSR_MTVAL2] = tval2Lo;
    hi[CSR_MTVAL2] = tval2Hi;
    lo[CSR_MTINST] = tinst;
    hi[CSR_MTINST] = 0;
    recordTrap(h, CSR_MEPC, cause, causeHi, tvalLo, tvalHi);
    let s = lo[CSR_MSTATUS];
    s = (s & MSTATUS_MIE ? s | MSTATUS_MPIE : s & ~MSTATUS_MPIE) & ~MSTATUS_MIE;
    s = (s & ~MSTATUS_MPP) | (prevPriv << MSTATUS_MPP_SHIFT);
    lo[CSR_MSTATUS] = s;
    h.priv = PRIV_M;
    if (h.firmware !== null && h.firmware.onTrap(h, PRIV_M, cause, interrupt)) return;
    jumpToVector(h, lo[CSR_MTVEC], hi[CSR_MTVEC], cause, interrupt);
  }
  // Cached translations depend on the mode, and under MPRV on MPP/MPV, which
  // a trap from M into M rewrites (to M, 0) while the mode stays the same.
  if ((lo[CSR_MSTATUS] & MSTATUS_MPRV) !== 0) h.mmu.flush();
  if (h.priv !== prevPriv || h.virt !== prevVirt) h.mmu.selectContext();
}

/**
 * Priv §9.4.1: in M-mode with MPRV = 1, MPV = 1 and MPP != M, loads and
 * stores are made as though V = 1, so a fault of theirs reports a guest
 * virtual address (GVA = 1) although the hart itself runs with V = 0.
 */
function mprvGuestAccess(h: Hart): boolean {
  const s = h.csrLo[CSR_MSTATUS];
  return (
    h.priv === PRIV_M &&
    (s & MSTATUS_MPRV) !== 0 &&
    (s & MSTATUS_MPP) !== MSTATUS_MPP &&
    (h.csrHi[CSR_MSTATUS] & MSTATUSH_MPV) !== 0
  );
}

/**
 * Writes xepc = pc, xcause, xtval. `epcCsr` is sepc, vsepc or mepc: in
 * each set xcause and xtval follow xepc (0x141-0x143, 0x241-0x243,
 * 0x341-0x343; Priv §2.2).
 */
function recordTrap(h: Hart, epcCsr: number, cause: number, causeHi: number, tvalLo: number, tvalHi: number): void {
  const lo = h.csrLo;
  const hi = h.csrHi;
  lo[epcCsr] = h.pcLo;
  hi[epcCsr] = h.pcHi;
  lo[epcCsr + 1] = cause;
  hi[epcCsr + 1] = causeHi;
  lo[epcCsr + 2] = tvalLo;
  hi[epcCsr + 2] = tvalHi;
}

/** sstatus/vsstatus trap stacking: SPIE = SIE, SIE = 0, SPP = the previous (nominal) privilege. */
function stackS(s: number, prevPriv: number): number {
  s = (s & MSTATUS_SIE ? s | MSTATUS_SPIE : s & ~MSTATUS_SPIE) & ~MSTATUS_SIE;
  return prevPriv === PRIV_S ? s | MSTATUS_SPP : s & ~MSTATUS_SPP;
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
