// The smallest machine that runs bare-metal RISC-V programs such as
// riscv-tests, modelled on Spike's platform (riscv-isa-sim riscv/sim.cc,
// clint.cc): one hart starting in M-mode at the ELF entry, RAM at
// 0x8000_0000, HTIF (found through the ELF's `tohost`/`fromhost` symbols)
// for console output and exit, and a CLINT at 0x0200_0000 (msip +0,
// mtimecmp +0x4000, mtime +0xbff8) driving the hart's MSIP and MTIP.
//
// Time is derived from the instruction count, so a run is deterministic:
// mtime advances one tick per INSNS_PER_RTC_TICK instruction steps (a step
// is a retired or trapping instruction). Each run slice ends exactly when
// mtime reaches the next timer deadline (mtimecmp, or Sstc's stimecmp and
// vstimecmp - htimedelta), so a timer interrupt is taken before the first
// instruction that would see mtime >= the compare value. A hart waiting in
// WFI with nothing to wake it jumps time straight to the next deadline; with
// none ahead it would wait forever, and the run ends with an error.
import { Hart } from "../rv64/hart.js";
import { PhysicalMemory, Ram } from "../rv64/memory.js";
import { JitEngine } from "../jit/engine.js";
import type { Tracer } from "../trace/tracer.js";
import { runHart } from "../rv64/run-loop.js";
import { wakesFromWfi } from "../rv64/interrupts.js";
import { nextSstcDeadline, updateTimerLines } from "../rv64/timer.js";
import "../h-extension/index.js";
import type { DebugControl } from "../machine/debug-control.js";
import { checkEntry, ElfError, loadSegments, parseElf } from "../loader/elf.js";
import { nodePlatform } from "../platform/node.js";
import { CLINT_BASE, Clint, NEVER_TICKS } from "./clint.js";
import { Htif } from "./htif.js";
import { TrapStormWatch, type TrapStorm } from "./trap-storm-watch.js";

export { TRAP_STORM_STEPS, type TrapStorm } from "./trap-storm-watch.js";

export const BARE_RAM_BASE = 0x80000000;
export const DEFAULT_MEM_BYTES = 256 * 1024 * 1024;
/**
 * Instructions per run slice: HTIF is polled and the stop conditions
 * checked between slices. A slice ends early at a timer deadline.
 */
const SLICE = 1 << 16;
/** Under a debugger: host time between yields to the event loop (ms), so its packets and Ctrl-C get through. */
const DEBUG_YIELD_MS = 10;
/**
 * Instruction steps per mtime tick: Spike's INSNS_PER_RTC_TICK (riscv/sim.h),
 * a 10 MHz timer for its nominal 1 GHz hart, so a delay a program computes
 * in mtime ticks lasts as many instructions as on Spike. (Spike adds the
 * ticks 50 at a time, every 5000 instructions; here mtime is exact at every
 * instruction.)
 */
export const INSNS_PER_RTC_TICK = 100;

export interface BareMachineOptions {
  /** RAM size in bytes (a multiple of 4 KiB); default 256 MiB. */
  memBytes?: number;
  /** Run hot code through the translation engine (src/jit/); default true. false: interpret only (--no-jit). */
  jit?: boolean;
  /** Arrivals at a block before the engine compiles it (default HOT_THRESHOLD; 1 compiles all code, as tests do). */
  jitThreshold?: number;
  /** Write a commit log (src/trace/): the tracer becomes the harts' page engine, wrapping the translation engine. */
  trace?: Tracer;
}

export interface RunOptions {
  /** Stop after exactly this many instructions if the program has not exited. */
  maxInsns?: number;
}

export interface RunResult {
  /**
   * "exit": the program exited through HTIF; "max-insns": the limit was
   * reached; "trap-storm": see `trapStorm`; "error": see `error`;
   * "stopped": stop() (a debugger's kill).
   */
  reason: "exit" | "max-insns" | "trap-storm" | "error" | "stopped";
  /** The program's exit code (reason "exit"), else -1. */
  exitCode: number;
  /** Instructions executed by this run (including ones that trapped). */
  instructions: number;
  seconds: number;
  /** Why the machine stopped, for reason "error" (one line). */
  error?: string;
  /** The trap the hart was stuck in, for reason "trap-storm". */
  trapStorm?: TrapStorm;
}

export class BareMachine {
  readonly phys: PhysicalMemory;
  readonly hart: Hart;
  readonly clint: Clint;
  htif: Htif | null = null;
  /** Receives the program's console output. */
  onConsole: (text: string) => void = (text) => nodePlatform.writeConsole(text);
  /** Instruction steps executed over the machine's life. */
  private steps = 0;
  /** mtime = timeBase + steps / INSNS_PER_RTC_TICK (rounded down); moved by mtime writes and WFI waits. */
  private timeBase = 0;
  private stopRequested = false;

  constructor(options: BareMachineOptions = {}) {
    this.phys = new PhysicalMemory(new Ram(BARE_RAM_BASE, options.memBytes ?? DEFAULT_MEM_BYTES));
    if (options.jit ?? true) new JitEngine(this.phys, options.jitThreshold);
    options.trace?.attach(this.phys);
    this.hart = new Hart(0, 0, this.phys, {
      readTime: () => this.now(),
      timerSettingsChanged: () => this.replan(),
    });
    this.clint = new Clint(CLINT_BASE, [this.hart], {
      now: () => this.now(),
      set: (ticks) => {
        this.timeBase += ticks - this.now();
        updateTimerLines(this.hart);
        this.replan();
      },
      compareChanged: () => this.replan(),
    });
    this.phys.addDevice(this.clint);
  }

  /** mtime in ticks: exact at every instruction, also in the middle of a slice. */
  now(): number {
    const h = this.hart;
    return this.timeBase + Math.floor((this.steps + (h.sliceBudget - h.sliceLeft)) / INSNS_PER_RTC_TICK);
  }

  /** Loads an ELF program and points the hart at its entry. Throws ElfError. */
  loadElf(bytes: Uint8Array): void {
    const image = parseElf(bytes);
    const tohost = image.symbols.get("tohost");
    if (tohost === undefined) {
      throw new ElfError(
        "no `tohost` symbol (stripped?); the bare machine needs it for console output and exit (HTIF)",
      );
    }
    const fromhost = image.symbols.get("fromhost");
    const ram = this.phys.ram;
    for (const [name, addr] of [
      ["tohost", tohost],
      ["fromhost", fromhost],
    ] as const) {
      if (addr !== undefined && (addr < BigInt(ram.base) || addr + 8n > BigInt(ram.base + ram.size))) {
        throw new ElfError(`\`${name}\` at 0x${addr.toString(16)} is outside RAM`);
      }
    }
    loadSegments(image, bytes, ram);
    checkEntry(image, ram);
    this.phys.dropAllCode();
    this.hart.pcLo = Number(image.entry & 0xffffffffn) | 0;
    this.hart.pcHi = Number(image.entry >> 32n) | 0;
    this.htif = new Htif(
      this.phys,
      Number(tohost),
      fromhost === undefined ? null : Number(fromhost),
      (text) => this.onConsole(text),
      () => this.hart.endSlice(),
    );
  }

  /**
   * Runs until the program exits, `maxInsns` instructions have run, or the
   * machine cannot go on. Time a hart spends waiting in WFI is not counted
   * in `instructions`.
   */
  run(options: RunOptions = {}): RunResult {
    const slices = this.slices(options, runHart);
    for (;;) {
      const next = slices.next();
      if (next.done === true) return next.value;
    }
  }

  /**
   * Runs as run() does under a debugger (the gdb stub): the hart runs
   * through `debug.runSlice`, and between slices the machine waits while
   * the debugger holds it and lets the event loop serve the debugger's
   * connection. stop() ends it with reason "stopped".
   */
  async runDebugged(options: RunOptions, debug: DebugControl): Promise<RunResult> {
    const slices = this.slices(options, (h, budget) => debug.runSlice(h, budget));
    let lastYield = performance.now();
    for (;;) {
      if (debug.stopped) {
        await debug.held();
        lastYield = performance.now();
      } else if (performance.now() - lastYield >= DEBUG_YIELD_MS) {
        await nodePlatform.yieldToHost();
        lastYield = performance.now();
      }
      const next = slices.next();
      if (next.done === true) return next.value;
    }
  }

  /** Ends runDebugged() before its next slice, with reason "stopped" (the debugger's kill). */
  stop(): void {
    this.stopRequested = true;
  }

  /** The run loop, one slice per step of the generator; `runSlice` runs the hart (runHart, or a debugger's). */
  private *slices(options: RunOptions, runSlice: (h: Hart, budget: number) => number): Generator<void, RunResult> {
    const htif = this.htif;
    if (htif === null) throw new Error("BareMachine.run: no program loaded");
    const maxInsns = options.maxInsns ?? Infinity;
    const start = performance.now();
    let count = 0;
    let sincePoll = 0;
    const watch = new TrapStormWatch(this.hart);
    let storm: TrapStorm | null = null;
    const result = (reason: RunResult["reason"], error?: string): RunResult => ({
      reason,
      exitCode: reason === "exit" ? htif.exitCode! : -1,
      instructions: count,
      seconds: (performance.now() - start) / 1000,
      ...(error === undefined ? {} : { error }),
      ...(storm === null ? {} : { trapStorm: storm }),
    });
    for (;;) {
      if (htif.exitCode !== null) return result("exit");
      if (htif.error !== null) return result("error", htif.error);
      if (storm !== null) return result("trap-storm");
      if (count >= maxInsns) return result("max-insns");
      if (this.stopRequested) return result("stopped");
      const budget = Math.min(SLICE, maxInsns - count, this.stepsToNextDeadline());
      const ran = runSlice(this.hart, budget);
      count += ran;
      this.steps += ran;
      storm = watch.check(ran);
      this.refreshTimers();
      // HTIF is polled once per SLICE steps whatever the deadlines did to
      // the slices: poll() serves a partly stored command after two polls.
      sincePoll += ran;
      if (sincePoll >= SLICE) {
        htif.poll();
        sincePoll = 0;
      }
      yield;
      if (this.hart.waiting && !wakesFromWfi(this.hart)) {
        htif.flush();
        sincePoll = 0;
        if (htif.exitCode !== null || htif.error !== null) continue;
        // Nothing runs until an interrupt: time jumps to the next deadline.
        const deadline = this.nextDeadline(this.now());
        if (deadline === Infinity) {
          return result(
            "error",
            "the hart is waiting for an interrupt (WFI) that cannot come: none is pending in mie, no timer is set ahead",
          );
        }
        this.timeBase += deadline - this.now();
        this.refreshTimers();
      }
    }
  }

  /** Raises or lowers MTIP (CLINT) and the Sstc lines (STIP, VSTIP) against the current time. */
  private refreshTimers(): void {
    this.clint.updateTimers();
    updateTimerLines(this.hart);
  }

  /** The earliest timer deadline after `after` (ticks): mtimecmp, stimecmp, vstimecmp - htimedelta; or Infinity. */
  private nextDeadline(after: number): number {
    return Math.min(this.clint.nextDeadline(after), nextSstcDeadline(this.hart, after, NEVER_TICKS));
  }

  /** Steps from now (between slices) until mtime reaches the next deadline, at least 1; or Infinity. */
  private stepsToNextDeadline(): number {
    const deadline = this.nextDeadline(this.now());
    // The first step count at which timeBase + floor(steps / INSNS_PER_RTC_TICK) = deadline.
    return deadline === Infinity ? Infinity : (deadline - this.timeBase) * INSNS_PER_RTC_TICK - this.steps;
  }

  /**
   * A deadline or mtime moved during a slice: end the slice after the
   * current instruction, so the next one is planned from the new deadline.
   */
  private replan(): void {
    if (this.hart.sliceLeft > 0) this.hart.endSlice();
  }
}
