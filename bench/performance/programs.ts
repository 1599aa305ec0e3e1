// The CPU-bound programs (bench/programs/*.c, built into build/bench/*.elf by
// scripts/build-bench.mjs), about 100 M instructions each, run to their HTIF
// exit by rvhv with and without its translation engine, and by QEMU.
//
// In process: each run loads the program into a fresh BareMachine from the
// bundle users run (dist/index.js); tinybench times only run() (the
// machine's own clock), not building the machine or loading the ELF, after
// one warm-up run. Whole process: `rvhv run X.elf` and `qemu-system-riscv64
// -M spike -bios none -kernel X.elf` (QEMU's HTIF exits with the program's
// code), from spawn to exit, the configurations taking turns run by run so
// that a change in the machine's load touches them alike.
//
// A program that exits with anything but 0 failed its self-check (the
// emulator computed something wrong), and a configuration that retires a
// different number of instructions from another is wrong too (the programs
// are deterministic): either is a failure, and its row is left out.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Bench } from "tinybench";
import type * as Rvhv from "../../src/index.js";
import { runChild, rvhvInvocation, statsOf, type Invocation } from "./child-process.js";
import { largest, median, type Emulator, type Measurement } from "./measurement.js";

/** Enough for the largest program (sort: 1.6 MiB of keys); small RAM keeps machine set-up cheap. */
export const PROGRAM_RAM_MIB = 16;
/** Each program runs ~100 M instructions; this stops a runaway one (a miscompiled branch, say). */
const MAX_INSNS = 2_000_000_000;
const TIMEOUT_MS = 5 * 60_000;

export interface ProgramSettings {
  root: string;
  /** Timed runs of each configuration, in process and as a whole process. */
  iterations: number;
  /** One untimed run in process before the timed ones. */
  warmup: boolean;
  qemu: boolean;
}

export interface ProgramResults {
  rows: Measurement[];
  /** One line per configuration that failed, why. */
  failures: string[];
  /** CPU time over wall time of the timed in-process runs: well under 1 when other work shared the machine. */
  cpuShare: number;
}

/** The programs' names: bench/programs/NAME.c, built into build/bench/NAME.elf. */
export function benchPrograms(root: string): string[] {
  return readdirSync(join(root, "bench/programs"))
    .filter((f) => f.endsWith(".c"))
    .map((f) => f.slice(0, -2))
    .sort();
}

const key = (program: string, emulator: Emulator): string => `${program} ${emulator}`;
const elfPath = (root: string, program: string): string => join(root, "build/bench", `${program}.elf`);

/** What the runs found wrong, by configuration, and each program's instruction count, which every run must match. */
class Outcomes {
  readonly failures = new Map<string, string>();
  readonly instructions = new Map<string, number>();

  fail(k: string, e: unknown): void {
    if (!this.failures.has(k)) this.failures.set(k, `${k}: ${e instanceof Error ? e.message : String(e)}`);
  }

  /** Throws when `count` differs from an earlier run's: the programs are deterministic. */
  agree(program: string, emulator: Emulator, count: number): void {
    const seen = this.instructions.get(program);
    if (seen !== undefined && seen !== count) {
      throw new Error(`${emulator} retired ${count} instructions, another run ${seen}`);
    }
    this.instructions.set(program, count);
  }
}

export async function measurePrograms(programs: string[], settings: ProgramSettings): Promise<ProgramResults> {
  const outcomes = new Outcomes();
  const inProcess = await timeInProcess(programs, settings, outcomes);
  const emulators: Emulator[] = ["rvhv", "rvhv --no-jit", ...(settings.qemu ? (["qemu"] as const) : [])];
  const whole = await timeWholeProcesses(programs, emulators, settings, outcomes);
  const rows: Measurement[] = [];
  for (const program of programs) {
    for (const emulator of emulators) {
      const k = key(program, emulator);
      if (outcomes.failures.has(k)) continue;
      rows.push({
        workload: program,
        platform: "bare",
        emulator,
        guestRamMiB: PROGRAM_RAM_MIB,
        instructions: outcomes.instructions.get(program) ?? NaN,
        runS: inProcess.runS.get(k) ?? NaN,
        processS: median(whole.processS.get(k) ?? []),
        peakRssKiB: largest(whole.peakRssKiB.get(k) ?? []),
      });
    }
  }
  return { rows, failures: [...outcomes.failures.values()], cpuShare: inProcess.cpuShare };
}

/** Median seconds of BareMachine.run(), by configuration, rvhv's two only; and the runs' CPU share. */
async function timeInProcess(
  programs: string[],
  settings: ProgramSettings,
  outcomes: Outcomes,
): Promise<{ runS: Map<string, number>; cpuShare: number }> {
  // The bundle, not the sources: esbuild's single module optimises differently.
  const { BareMachine } = (await import(join(settings.root, "dist/index.js"))) as typeof Rvhv;
  let cpuMicros = 0;
  let wallMicros = 0;
  const runOnce = (program: string, elf: Uint8Array, emulator: Emulator, timed: boolean): number => {
    const machine = new BareMachine({ memBytes: PROGRAM_RAM_MIB << 20, jit: emulator === "rvhv" });
    let output = "";
    machine.onConsole = (text) => {
      output += text;
    };
    machine.loadElf(elf);
    const cpuBefore = process.cpuUsage();
    const result = machine.run({ maxInsns: MAX_INSNS });
    const cpu = process.cpuUsage(cpuBefore);
    if (result.reason !== "exit" || result.exitCode !== 0) {
      const why =
        result.reason === "exit"
          ? `exit code ${result.exitCode} (the program's self-check failed)`
          : result.reason === "max-insns"
            ? `no exit after ${result.instructions} instructions`
            : `error: ${result.error}`;
      throw new Error(`${why}${output === "" ? "" : `; console: ${output.trim()}`}`);
    }
    outcomes.agree(program, emulator, result.instructions);
    if (timed) {
      cpuMicros += cpu.user + cpu.system;
      wallMicros += result.seconds * 1e6;
    }
    return result.seconds;
  };

  const bench = new Bench({ iterations: settings.iterations, time: 0, warmup: false, throws: false });
  for (const program of programs) {
    const elf = new Uint8Array(readFileSync(elfPath(settings.root, program)));
    for (const emulator of ["rvhv", "rvhv --no-jit"] as const) {
      // tinybench's own warm-up is off: this one stays out of the CPU-share figure.
      bench.add(key(program, emulator), () => ({ overriddenDuration: runOnce(program, elf, emulator, true) * 1000 }), {
        beforeAll: settings.warmup ? () => void runOnce(program, elf, emulator, false) : undefined,
      });
    }
  }
  await bench.run();
  const runS = new Map<string, number>();
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state === "completed") runS.set(task.name, result.latency.p50 / 1000);
    else outcomes.fail(task.name, "error" in result ? result.error : result.state);
  }
  return { runS, cpuShare: cpuMicros / wallMicros };
}

/** The command line that runs a program's ELF to its exit on `emulator`. */
function invocation(root: string, emulator: Emulator, elf: string): Invocation {
  const mem = `${PROGRAM_RAM_MIB}`;
  switch (emulator) {
    case "rvhv":
      return rvhvInvocation(root, ["run", elf, "--mem", mem, "--stats"]);
    case "rvhv --no-jit":
      return rvhvInvocation(root, ["run", elf, "--mem", mem, "--stats", "--no-jit"]);
    case "qemu":
      return {
        command: "qemu-system-riscv64",
        args: ["-M", "spike", "-m", `${mem}M`, "-nographic", "-bios", "none", "-kernel", elf],
      };
  }
}

/** Wall seconds from spawn to exit and peak RSS of every run, by configuration. */
async function timeWholeProcesses(
  programs: string[],
  emulators: Emulator[],
  settings: ProgramSettings,
  outcomes: Outcomes,
): Promise<{ processS: Map<string, number[]>; peakRssKiB: Map<string, number[]> }> {
  const processS = new Map<string, number[]>();
  const peakRssKiB = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, k: string, v: number): void => void map.set(k, [...(map.get(k) ?? []), v]);
  for (let i = 1; i <= settings.iterations; i++) {
    for (const program of programs) {
      for (const emulator of emulators) {
        const k = key(program, emulator);
        if (outcomes.failures.has(k)) continue;
        const progress = `  ${i}/${settings.iterations}  ${k.padEnd(24)}`;
        try {
          const elf = elfPath(settings.root, program);
          const run = await runChild(invocation(settings.root, emulator, elf), {
            cwd: settings.root,
            timeoutMs: TIMEOUT_MS,
          });
          if (emulator !== "qemu") outcomes.agree(program, emulator, statsOf(run.stderr).instructions);
          add(processS, k, run.exitS);
          add(peakRssKiB, k, run.peakRssKiB);
          console.log(`${progress} ${run.exitS.toFixed(2)} s`);
        } catch (e) {
          outcomes.fail(k, e);
          console.log(`${progress} FAILED: ${(e as Error).message}`);
        }
      }
    }
  }
  return { processS, peakRssKiB };
}
