// Interpreter speed on CPU-bound bare-metal programs (bench/programs/*.c).
// Each run loads one program into a fresh BareMachine and runs it to its HTIF
// exit; only run() is timed (its own clock), not building the machine or
// loading the ELF. A program that does not exit with code 0 fails the bench:
// a fast wrong answer is no result.
//
// Usage: npm run bench, or after npm run build:
//   node --import tsx bench/interpreter.bench.ts [--iterations=N] [program...]
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Bench } from "tinybench";
import type * as Rvhv from "../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// The machine under test is the bundle users run (npm run bench builds it
// first): esbuild's single module optimises differently from the sources.
const { BareMachine } = (await import(join(root, "dist/index.js"))) as typeof Rvhv;
const elfDir = join(root, "build/bench");
/** Enough for the largest program (sort: 1.6 MiB of keys); small RAM keeps machine set-up cheap. */
const MEM_BYTES = 16 * 1024 * 1024;
/** Each program runs ~100 M instructions; this stops a runaway one (a miscompiled branch, say). */
const MAX_INSNS = 2_000_000_000;

function usage(message: string): never {
  console.error(`interpreter.bench: ${message}`);
  console.error("usage: node --import tsx bench/interpreter.bench.ts [--iterations=N] [program...]");
  process.exit(2);
}

let iterations = 5;
const wanted: string[] = [];
for (const arg of process.argv.slice(2)) {
  const m = /^--iterations=(\d+)$/.exec(arg);
  if (m) iterations = Math.max(1, Number(m[1]));
  else if (arg.startsWith("-")) usage(`unknown option ${arg}`);
  else wanted.push(arg);
}

const build = spawnSync(process.execPath, [join(root, "scripts/build-bench.mjs")], { stdio: "inherit" });
if (build.status !== 0) process.exit(1);

const available = readdirSync(elfDir)
  .filter((f) => f.endsWith(".elf"))
  .map((f) => f.slice(0, -4))
  .sort();
for (const name of wanted) {
  if (!available.includes(name)) usage(`no program "${name}" (have: ${available.join(", ")})`);
}
const programs = wanted.length > 0 ? wanted : available;

/** Instructions per program; every run of a program retires the same number (the machine is deterministic). */
const instructions = new Map<string, number>();
/**
 * CPU seconds of each timed run, per program. On a loaded machine wall time
 * counts time spent waiting for a CPU; CPU time mostly does not, so MIPS per
 * CPU second estimates the figure an idle machine would give.
 */
const cpuSeconds = new Map<string, number[]>();
let cpuMicros = 0;
let wallMicros = 0;

function runOnce(name: string, elf: Uint8Array, timed: boolean): number {
  const machine = new BareMachine({ memBytes: MEM_BYTES });
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
    throw new Error(`${name}: ${why}${output === "" ? "" : `; console: ${output.trim()}`}`);
  }
  const seen = instructions.get(name);
  if (seen !== undefined && seen !== result.instructions) {
    throw new Error(`${name}: ran ${result.instructions} instructions, an earlier run ${seen}`);
  }
  instructions.set(name, result.instructions);
  if (timed) {
    cpuMicros += cpu.user + cpu.system;
    wallMicros += result.seconds * 1e6;
    cpuSeconds.get(name)!.push((cpu.user + cpu.system) / 1e6);
  }
  return result.seconds;
}

const bench = new Bench({ iterations, time: 0, warmup: false, throws: true });
for (const name of programs) {
  const elf = new Uint8Array(readFileSync(join(elfDir, `${name}.elf`)));
  cpuSeconds.set(name, []);
  // tinybench's own warm-up is off: the warm-up run here is kept out of the CPU figures.
  bench.add(name, () => ({ overriddenDuration: runOnce(name, elf, true) * 1000 }), {
    beforeAll: () => void runOnce(name, elf, false),
  });
}

console.log(
  `rvhv interpreter benchmark: ${iterations} timed runs per program after 1 warm-up (node ${process.version})`,
);
await bench.run();

const rows = bench.tasks.map((task) => {
  const result = task.result;
  if (result.state !== "completed") {
    const error = "error" in result ? result.error : undefined;
    throw new Error(`${task.name}: ${result.state}${error instanceof Error ? `: ${error.message}` : ""}`);
  }
  const insns = instructions.get(task.name)!;
  const seconds = result.latency.p50 / 1000;
  const cpu = median(cpuSeconds.get(task.name)!);
  return {
    program: task.name,
    instructions: insns.toLocaleString("en-US"),
    "seconds (median)": seconds.toFixed(3),
    "min..max": `${(result.latency.min / 1000).toFixed(3)}..${(result.latency.max / 1000).toFixed(3)}`,
    MIPS: (insns / seconds / 1e6).toFixed(1),
    "MIPS per CPU s": (insns / cpu / 1e6).toFixed(1),
  };
});
printTable(rows);
const cpuShare = cpuMicros / wallMicros;
if (cpuShare < 0.9) {
  console.log(
    `note: the runs got ${(cpuShare * 100).toFixed(0)}% of a CPU; other load on the machine slowed the wall-time figures`,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A plain aligned table (console.table's index column and quotes are noise here). */
function printTable(table: Record<string, string>[]): void {
  const columns = Object.keys(table[0]);
  const widths = columns.map((c) => Math.max(c.length, ...table.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  console.log(line(columns));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const r of table) console.log(line(columns.map((c) => r[c])));
}
