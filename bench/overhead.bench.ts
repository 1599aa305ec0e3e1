// The overhead benchmark: what paravirtualization and full virtualization
// cost under rvhv's TypeScript hypervisor, per operation and per guest.
//
//   1. Per-operation costs (bench/overhead/ops.ts): small bare VS-mode guests
//      time one operation each (SBI null call, console bytes, MMIO, timer,
//      IPI, first touch of a page) and a guest switch.
//   2. Whole-guest overhead (bench/overhead/workloads.ts): the Linux guest
//      idle, CPU-bound and console-heavy, natively under OpenSBI (baseline)
//      and under the hypervisor with PV devices, PV + Sstc and emulated
//      devices, K = 1, 2 and 4 guests sharing the host's processor.
//
// Prints the tables and writes a Markdown report with SVG charts to
// bench/results/ (not committed).
//
// Usage: npm run bench:overhead [-- --quick] [--iterations=N] [--cpu-runs=N] [--skip-ops] [--skip-linux]
//                                   [--workloads=idle,cpu,console] [--configs=pv,pv+sstc,emulated] [--guests=1,2,4]
//   --quick      K = 1 only, two runs of each per-operation measurement, one of each CPU-bound run
//   --cpu-runs   runs of each CPU-bound configuration, in turn, the median kept (default 5): its
//                work takes only about 2 s with the translation engine, so one run is mostly noise
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FW_JUMP, requireGuest } from "../test/boot/support.js";
import { measureGuestSwitch, measureOps, type OpCost } from "./overhead/ops.js";
import { writeReport } from "./overhead/report.js";
import {
  bootCost,
  runWorkload,
  type BootCost,
  type Config,
  type Workload,
  type WorkloadRun,
} from "./overhead/workloads.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
let quick = false;
let iterations = 5;
let cpuRuns = 5;
let skipOps = false;
let skipLinux = false;
let onlyWorkloads: string[] | null = null;
let onlyConfigs: string[] | null = null;
let onlyKs: number[] | null = null;
for (const arg of process.argv.slice(2)) {
  const m = /^--iterations=(\d+)$/.exec(arg);
  const runsArg = /^--cpu-runs=(\d+)$/.exec(arg);
  if (m) iterations = Math.max(1, Number(m[1]));
  else if (runsArg) cpuRuns = Math.max(1, Number(runsArg[1]));
  else if (arg === "--quick") quick = true;
  else if (arg === "--skip-ops") skipOps = true;
  else if (arg === "--skip-linux") skipLinux = true;
  else if (arg.startsWith("--workloads=")) onlyWorkloads = arg.slice(12).split(",");
  else if (arg.startsWith("--configs=")) onlyConfigs = arg.slice(10).split(",");
  else if (arg.startsWith("--guests=")) onlyKs = arg.slice(9).split(",").map(Number);
  else {
    console.error(
      `overhead.bench: unknown argument ${arg}\nusage: npm run bench:overhead [-- --quick] [--iterations=N] [--cpu-runs=N] [--skip-ops] [--skip-linux] [--workloads=...] [--configs=...]`,
    );
    process.exit(2);
  }
}
if (quick) {
  iterations = 2;
  cpuRuns = 1;
}

const build = spawnSync(process.execPath, [join(root, "scripts/build-bench-guests.mjs")], { stdio: "inherit" });
if (build.status !== 0) process.exit(1);

let ops: OpCost[] = [];
let guestSwitch = { hostNs: NaN, switches: 0 };
if (!skipOps) {
  console.log(`per-operation costs: ${iterations} timed run(s) of each guest (node ${process.version})`);
  ops = await measureOps(root, iterations);
  guestSwitch = await measureGuestSwitch(root);
  printTable(
    ops
      .map((o) => ({
        operation: o.what,
        "host ns": o.hostNs.toFixed(0),
        "guest insns": o.guestInsns.toFixed(1),
        exits: o.exits.toFixed(2),
      }))
      .concat([
        {
          operation: "guest switch (scheduler work per slice, two spinning guests)",
          "host ns": guestSwitch.hostNs.toFixed(0),
          "guest insns": "0",
          exits: "0",
        },
      ]),
  );
}

const runs: WorkloadRun[] = [];
const failures: string[] = [];
const bootCosts = new Map<Config, BootCost>();
if (!skipLinux) {
  const guest = requireGuest();
  const paths = { root, image: guest.image, initrd: guest.initrd, firmware: FW_JUMP };
  const ks = onlyKs ?? (quick ? [1] : [1, 2, 4]);
  const workloads = (["idle", "cpu", "console"] as Workload[]).filter((w) => onlyWorkloads?.includes(w) ?? true);
  const configs = (["pv", "pv+sstc", "emulated"] as Config[]).filter((c) => onlyConfigs?.includes(c) ?? true);
  console.log(`\nLinux workloads (${guest.dir}), K = ${ks.join(", ")} guests per host processor`);
  for (const config of configs) bootCosts.set(config, await bootCost(paths, config));
  // A run that fails is reported and left out; the others still make the report.
  const attempt = async (config: Config, workload: Workload, k: number): Promise<WorkloadRun | null> => {
    try {
      const run = await runWorkload(paths, config, workload, k);
      console.log(`  ${workload.padEnd(7)} ${config.padEnd(8)} K=${k}  span ${run.spanS.toFixed(2)} s`);
      return run;
    } catch (e) {
      failures.push(`${workload} ${config} K=${k}: ${(e as Error).message.split("\n")[0]}`);
      console.log(`  ${workload.padEnd(7)} ${config.padEnd(8)} K=${k}  FAILED: ${failures.at(-1)}`);
      return null;
    }
  };
  for (const workload of workloads) {
    const settings: [Config, number][] = [
      ["native", 1],
      ...configs.flatMap((c) => ks.map((k): [Config, number] => [c, k])),
    ];
    // Every setting once per round, so that the machine's drift touches them all alike.
    const samples = settings.map((): WorkloadRun[] => []);
    for (let round = 0; round < (workload === "cpu" ? cpuRuns : 1); round++) {
      for (const [i, [config, k]] of settings.entries()) {
        const run = await attempt(config, workload, k);
        if (run !== null) samples[i].push(run);
      }
    }
    for (const sample of samples) if (sample.length > 0) runs.push(medianRun(sample));
  }
}

const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
const dir = join(root, "bench/results");
mkdirSync(dir, { recursive: true });
const report = writeReport({ dir, stamp, ops, guestSwitch, runs, bootCosts });
console.log("");
printTable(report.rows);
for (const line of report.comparisons) console.log(line);
for (const line of failures) console.log(`failed: ${line}`);
if (failures.length > 0) process.exitCode = 1;
console.log(`\nreport: ${report.path}`);

/** The run whose span is the median of `sample`'s (the lower middle one of an even count). */
function medianRun(sample: WorkloadRun[]): WorkloadRun {
  const sorted = [...sample].sort((a, b) => a.spanS - b.spanS);
  return sorted[(sorted.length - 1) >> 1];
}

/** A plain aligned table. */
function printTable(table: Record<string, string>[]): void {
  if (table.length === 0) return;
  const columns = Object.keys(table[0]);
  const widths = columns.map((c) => Math.max(c.length, ...table.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  console.log(line(columns));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of table) console.log(line(columns.map((c) => row[c])));
}
