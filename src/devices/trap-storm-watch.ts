// Trap storms: a hart taking the same exception at its own trap vector over
// and over, retiring nothing, never recovers. Both the bare and the virt
// machine watch for it between run slices and end the run with a clear
// report instead of spinning forever.
import {
  CSR_MCAUSE,
  CSR_MEPC,
  CSR_MTVAL,
  CSR_MTVEC,
  CSR_SCAUSE,
  CSR_SEPC,
  CSR_STVAL,
  CSR_STVEC,
  CSR_VSCAUSE,
  CSR_VSEPC,
  CSR_VSTVAL,
  CSR_VSTVEC,
  PRIV_M,
  PRIV_U,
} from "../rv64/constants.js";
import type { Hart } from "../rv64/hart.js";

/** A hart stuck taking the same exception at its trap vector, retiring nothing (see TrapStormWatch). */
export interface TrapStorm {
  hartId: number;
  /** The exception code (xcause; a storm is never of interrupts). */
  cause: number;
  /** Where the hart traps: its trap vector, which the trap enters again. */
  pc: bigint;
  /** xtval of the last trap. */
  tval: bigint;
  /** The trap-vector CSR of the mode the traps go to, and its value. */
  tvecName: "mtvec" | "stvec" | "vstvec";
  tvec: bigint;
}

/**
 * Consecutive trapping steps with nothing retired after which a hart is in a
 * trap storm. A handled trap retires at least its handler's first
 * instruction before the next one, so traps come back to back only a few at
 * a time in a working program (an interrupt taken at a handler's first
 * instruction; a handler whose first fetch faults into a more privileged
 * mode that maps it), never a thousand. The watch looks between run slices,
 * which are longer (the machines' SLICE), so in practice a storm is reported
 * after the first whole slice of it: tens of milliseconds.
 */
export const TRAP_STORM_STEPS = 1000;

/**
 * Watches one hart for a trap storm: the same exception at the same pc over
 * and over with nothing retired in between. No instruction of the hart's
 * then runs to change anything, so it never recovers (and a machine with no
 * instruction limit would run forever). It needs no hook in the core: a trapping
 * instruction uses a step of the run slice without retiring (run-loop.ts),
 * so a slice that ran steps and retired nothing trapped at every one. After
 * TRAP_STORM_STEPS of those, the trap CSRs of the hart's mode confirm it: in
 * a storm the hart traps at the trap vector itself (xepc = pc = xtvec's
 * base, for the same cause each time, since nothing else changes).
 */
export class TrapStormWatch {
  /** hart.retired() after the last slice. */
  private retired: number;
  /** Steps since the last retired instruction, counted in whole slices. */
  private trapSteps = 0;

  constructor(private readonly hart: Hart) {
    this.retired = hart.retired();
  }

  /** Call after each run slice of `steps` steps: the storm, once the hart is in one. */
  check(steps: number): TrapStorm | null {
    const retired = this.hart.retired();
    this.trapSteps = steps > 0 && retired === this.retired ? this.trapSteps + steps : 0;
    this.retired = retired;
    return this.trapSteps >= TRAP_STORM_STEPS ? trapStormAt(this.hart) : null;
  }
}

/** The storm `h` is in, read from the trap CSRs of its mode; null if they do not show one. */
function trapStormAt(h: Hart): TrapStorm | null {
  // Traps go to M, HS or VS, never to U (Priv §3.1.8, §9.6.2).
  if (h.priv === PRIV_U) return null;
  const [epc, cause, tval, tvec, tvecName] =
    h.priv === PRIV_M
      ? [CSR_MEPC, CSR_MCAUSE, CSR_MTVAL, CSR_MTVEC, "mtvec" as const]
      : h.virt
        ? [CSR_VSEPC, CSR_VSCAUSE, CSR_VSTVAL, CSR_VSTVEC, "vstvec" as const]
        : [CSR_SEPC, CSR_SCAUSE, CSR_STVAL, CSR_STVEC, "stvec" as const];
  const lo = h.csrLo;
  const hi = h.csrHi;
  const interrupt = hi[cause] < 0;
  // An exception vectors to BASE whatever xtvec.MODE (Priv §3.1.7).
  const atVector = (lo[tvec] & ~3) === h.pcLo && hi[tvec] === h.pcHi;
  if (interrupt || lo[epc] !== h.pcLo || hi[epc] !== h.pcHi || !atVector) return null;
  const u64 = (csr: number) => (BigInt(hi[csr] >>> 0) << 32n) | BigInt(lo[csr] >>> 0);
  return { hartId: h.hartId, cause: lo[cause], pc: u64(epc), tval: u64(tval), tvecName, tvec: u64(tvec) };
}
