// The smallest machine that runs bare-metal RISC-V programs such as
// riscv-tests: one hart starting in M-mode at the ELF entry, RAM at
// 0x8000_0000, and HTIF (found through the ELF's `tohost`/`fromhost`
// symbols) for console output and exit. There are no interrupt sources, and
// time is derived from the instruction count, so a run is deterministic.
import { Hart } from "../rv64/hart.js";
import { PhysicalMemory, Ram } from "../rv64/memory.js";
import { runHart } from "../rv64/run-loop.js";
import { updateTimerLines } from "../rv64/timer.js";
import "../h-extension/index.js";
import { checkEntry, ElfError, loadSegments, parseElf } from "../loader/elf.js";
import { Htif } from "./htif.js";
import { TrapStormWatch, type TrapStorm } from "./trap-storm-watch.js";

export { TRAP_STORM_STEPS, type TrapStorm } from "./trap-storm-watch.js";

export const BARE_RAM_BASE = 0x80000000;
export const DEFAULT_MEM_BYTES = 256 * 1024 * 1024;
/** Instructions per run slice: HTIF is polled and the stop conditions checked between slices. */
const SLICE = 1 << 16;

export interface BareMachineOptions {
  /** RAM size in bytes (a multiple of 4 KiB); default 256 MiB. */
  memBytes?: number;
}

export interface RunOptions {
  /** Stop after exactly this many instructions if the program has not exited. */
  maxInsns?: number;
}

export interface RunResult {
  /**
   * "exit": the program exited through HTIF; "max-insns": the limit was
   * reached; "trap-storm": see `trapStorm`; "error": see `error`.
   */
  reason: "exit" | "max-insns" | "trap-storm" | "error";
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
  htif: Htif | null = null;
  /** Receives the program's console output. */
  onConsole: (text: string) => void = (text) => {
    process.stdout.write(text);
  };
  /** Instructions executed over the machine's life; mtime ticks once per instruction. */
  private executed = 0;

  constructor(options: BareMachineOptions = {}) {
    this.phys = new PhysicalMemory(new Ram(BARE_RAM_BASE, options.memBytes ?? DEFAULT_MEM_BYTES));
    this.hart = new Hart(0, 0, this.phys, {
      readTime: () => this.executed + (this.hart.sliceBudget - this.hart.sliceLeft),
    });
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

  /** Runs until the program exits, `maxInsns` instructions have run, or the machine cannot go on. */
  run(options: RunOptions = {}): RunResult {
    const htif = this.htif;
    if (htif === null) throw new Error("BareMachine.run: no program loaded");
    const maxInsns = options.maxInsns ?? Infinity;
    const start = performance.now();
    let count = 0;
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
      const budget = Math.min(SLICE, maxInsns - count);
      const ran = runHart(this.hart, budget);
      count += ran;
      this.executed += ran;
      storm = watch.check(ran);
      // Time moved on: the Sstc comparators (stimecmp, vstimecmp) may fire.
      updateTimerLines(this.hart);
      htif.poll();
      if (ran < budget && this.hart.waiting) {
        // runHart returns early only when WFI waits with nothing pending; no
        // device here can raise an interrupt, so it would wait forever.
        htif.flush();
        if (htif.exitCode !== null || htif.error !== null) continue;
        return result("error", "the hart is waiting for an interrupt (WFI), and this machine has no interrupt sources");
      }
    }
  }
}
