// Running the machine under the debugger: the DebugControl the machines'
// run loops use (src/machine/debug-control.ts). All-stop: when one hart
// stops, the machine stops.
//
// - With no breakpoint or watchpoint and no step asked for, a slice is
//   runHart's, at full interpreter speed (--gdb turns the translation
//   engine off: its blocks would run past a breakpoint).
// - Otherwise a slice is one instruction, checked first: a pending
//   interrupt is taken (so a breakpoint on the handler's first instruction
//   is seen), then the breakpoints at pc, then the watchpoints against the
//   access the instruction is about to make (memory-operand.ts). The
//   machine's loop counts each step as for any slice, so time, timers and
//   --icount stay exact.
// - A single step runs one instruction of one hart (the others wait, as
//   gdb's scheduler-locking step): an instruction that traps ends its step
//   at the trap handler; a pending interrupt is taken as the step (the step
//   ends at the interrupt handler, where hardware would be after it).
import type { DebugControl } from "../machine/debug-control.js";
import type { Hart } from "../rv64/hart.js";
import { pendingInterrupt, wakesFromWfi } from "../rv64/interrupts.js";
import { runHart } from "../rv64/run-loop.js";
import { TRAP, enterTrap } from "../rv64/trap.js";
import { Breakpoints } from "./breakpoints.js";
import { readMemory } from "./debug-memory.js";
import { MACHINE_VIEW, type HartView } from "./hart-view.js";
import type { DebugTarget } from "./target.js";
import { halvesToAddress } from "./hex.js";
import { operand, operandOf } from "./memory-operand.js";

/** Stop signals (gdb's numbering, include/gdb/signals.def). */
export const SIGINT = 2;
export const SIGTRAP = 5;

/** Why the machine stopped, for the stop reply (T packet). */
export interface StopReason {
  hart: Hart;
  signal: number;
  /** Stop reply fields before "thread:": "swbreak:;", "watch:ADDR;", or "". */
  fields: string;
}

export class Execution implements DebugControl {
  readonly points = new Breakpoints();
  stopped: boolean;
  wakeMachine: () => void = () => {};
  /** The last stop (the reply to `?`); bind() sets the first. */
  lastStop!: StopReason;
  /** Called when the machine stops on its own (breakpoint, watchpoint, end of a step). */
  onStop: (stop: StopReason) => void = () => {};
  private stepping: Hart | null = null;
  private release: (() => void) | null = null;
  private view: HartView = MACHINE_VIEW;

  /** `startStopped` (-S): the machine waits before its first instruction until the debugger resumes it. */
  constructor(startStopped: boolean) {
    this.stopped = startStopped;
  }

  /** The machine to run (again after a reboot builds a new one): its view, and its first hart as the stopped one. */
  bind(target: DebugTarget): void {
    this.view = target.view;
    this.stepping = null;
    this.lastStop = { hart: target.harts()[0], signal: SIGTRAP, fields: "" };
  }

  held(): Promise<void> {
    if (!this.stopped) return Promise.resolve();
    return new Promise<void>((resolve) => (this.release = resolve));
  }

  /** Lets the machine run: every hart (`step` null) or one instruction of `step`. */
  resume(step: Hart | null): void {
    this.stepping = step;
    this.stopped = false;
    const release = this.release;
    this.release = null;
    release?.();
  }

  /** Stops the machine from outside a slice (Ctrl-C, a debugger attaching); the run loop holds at its next yield. */
  interrupt(hart: Hart, signal: number): void {
    if (this.stopped) return;
    this.stopped = true;
    this.stepping = null;
    this.lastStop = { hart, signal, fields: "" };
    this.wakeMachine();
  }

  runSlice(h: Hart, budget: number): number {
    if (this.stopped) return 0;
    if (this.stepping === null && this.points.empty) return runHart(h, budget);
    if (this.stepping !== null && this.stepping !== h) return 0;
    return this.runChecked(h);
  }

  /** One checked instruction step of `h` (see the file comment); 0 if it stopped before it or waits in WFI. */
  private runChecked(h: Hart): number {
    if (h.waiting && !wakesFromWfi(h)) return 0;
    const stepping = this.stepping === h;
    if (takeInterrupt(h) && stepping) return this.stop(h, "");
    if (!stepping) {
      const kind = this.points.breakpointAt(h.pcLo, h.pcHi);
      if (kind !== null) return this.stop(h, `${kind}:;`);
    }
    if (this.points.watching) {
      const hit = this.watchHit(h);
      if (hit !== null) return this.stop(h, hit);
    }
    const ran = runHart(h, 1);
    if (stepping) this.stop(h, "");
    return ran;
  }

  /** The stop reply field of the watchpoint the instruction at pc would trigger, or null. */
  private watchHit(h: Hart): string | null {
    const pc = halvesToAddress(h.pcLo, h.pcHi);
    const first = readMemory(this.view, h, pc, 2);
    if (first.length < 2) return null; // the fetch faults: no access happens
    let hi16 = 0;
    if ((first[0] & 3) === 3) {
      const second = readMemory(this.view, h, pc + 2n, 2);
      if (second.length < 2) return null;
      hi16 = second[0] | (second[1] << 8);
    }
    operandOf(h, first[0] | (first[1] << 8), hi16);
    if (operand.kind === 0) return null;
    const hit = this.points.watchHit(operand.kind, operand.lo, operand.hi, operand.size);
    return hit === null ? null : `${hit.reason}:${halvesToAddress(hit.lo, hit.hi).toString(16)};`;
  }

  /** Stops the machine at `h` (before its next instruction); returns 0, the steps run since the check. */
  private stop(h: Hart, fields: string): number {
    this.stopped = true;
    this.stepping = null;
    this.lastStop = { hart: h, signal: SIGTRAP, fields };
    this.onStop(this.lastStop);
    return 0;
  }
}

/** Takes a pending interrupt as runHart would at a slice's start; true if one was taken. */
function takeInterrupt(h: Hart): boolean {
  h.mmu.selectContext();
  const irq = pendingInterrupt(h);
  if (irq < 0) return false;
  try {
    enterTrap(h, irq, true, 0, 0);
  } catch (e) {
    if (e !== TRAP) throw e;
  }
  h.signal = 0;
  return true;
}
