// rvhv's performance in one table: the CPU-bound programs (bench/programs/)
// and the Linux guest's boot to its marker (natively under OpenSBI, and under
// rvhv's hypervisor), each on rvhv with and without its translation engine
// and on qemu-system-riscv64 when installed; instructions, seconds and MIPS
// inside the machine's run and for the whole process, peak resident memory
// beside guest RAM, and the engine's speed-up and QEMU's lead as ratios.
// Prints the table, and writes it as Markdown with what each column means
// to bench/results/<time>-performance.md (not committed).
//
// Usage: npm run bench [-- [--iterations=N] [--quick] [--no-boot] [workload...]]
//   workload         a program (hash, sort, nbody...) or linux; default: all
//   --iterations=N   timed runs of each configuration (default 5)
//   --quick          one timed run of each and no warm-up (whatever --iterations says):
//                    a smoke test of the bench
//   --no-boot        leave out the Linux rows
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { builtGuest, guestCacheDir, type GuestBuild } from "../src/guest/build.js";
import { FW_JUMP } from "../test/boot/support.js";
import { extraCaCertsCost } from "./performance/child-process.js";
import { measureLinuxBoot } from "./performance/linux-boot.js";
import type { Measurement } from "./performance/measurement.js";
import { benchPrograms, measurePrograms } from "./performance/programs.js";
import { formatText, tableRows, writeMarkdown } from "./performance/table.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const LINUX = "linux";

function usage(message: string): never {
  console.error(`performance.bench: ${message}`);
  console.error("usage: npm run bench [-- [--iterations=N] [--quick] [--no-boot] [workload...]]");
  process.exit(2);
}

const programs = benchPrograms(root);
let iterations = 5;
let quick = false;
let boot = true;
const wanted: string[] = [];
for (const arg of process.argv.slice(2)) {
  const m = /^--iterations=(\d+)$/.exec(arg);
  if (m) iterations = Math.max(1, Number(m[1]));
  else if (arg === "--quick") quick = true;
  else if (arg === "--no-boot") boot = false;
  else if (arg.startsWith("-")) usage(`unknown option ${arg}`);
  else if (arg === LINUX || programs.includes(arg)) wanted.push(arg);
  else usage(`no workload "${arg}" (have: ${[...programs, LINUX].join(", ")})`);
}
if (quick) iterations = 1;
const warmup = !quick;
const chosen = (workload: string): boolean => wanted.length === 0 || wanted.includes(workload);
const runPrograms = programs.filter(chosen);
const runLinux = boot && chosen(LINUX);

/** QEMU's version ("7.2.22"), or null when it is not installed. */
function qemuVersion(): string | null {
  const probe = spawnSync("qemu-system-riscv64", ["--version"], { encoding: "utf8" });
  if (probe.error !== undefined || probe.status !== 0) return null;
  return /version (\S+)/.exec(probe.stdout)?.[1] ?? "unknown";
}
const qemu = qemuVersion();

const measurements: Measurement[] = [];
const notes: string[] = [];
const failures: string[] = [];
if (qemu === null) notes.push("qemu-system-riscv64 not found (apt-get install qemu-system-misc): no QEMU rows");
const caCost = extraCaCertsCost();
if (caCost !== null) {
  notes.push(
    `NODE_EXTRA_CA_CERTS is set here, and Node reads it as it starts (\`node -e 0\`: ${caCost.withMs.toFixed(0)} ms with it, ` +
      `${caCost.withoutMs.toFixed(0)} ms without): the child processes run without it (rvhv makes no TLS connection); ` +
      `where it is set, add the difference to rvhv's process times`,
  );
}
const setting = [
  `${iterations} timed run${iterations === 1 ? "" : "s"} of each configuration, ${warmup ? "after one warm-up run in process" : "no warm-up"}`,
  `node ${process.version}, QEMU ${qemu ?? "not installed"}, ${cpus()[0]?.model ?? "unknown CPU"} (${cpus().length} CPUs)`,
];
console.log(`rvhv performance: ${setting.join("; ")}`);

if (runPrograms.length > 0) {
  const build = spawnSync(process.execPath, [join(root, "scripts/build-bench.mjs")], { stdio: "inherit" });
  if (build.status !== 0) process.exit(1);
  console.log(`programs: ${runPrograms.join(", ")}; in process, then as whole processes`);
  const result = await measurePrograms(runPrograms, { root, iterations, warmup, qemu: qemu !== null });
  measurements.push(...result.rows);
  failures.push(...result.failures);
  if (result.cpuShare < 0.9) {
    notes.push(
      `the in-process runs got ${(result.cpuShare * 100).toFixed(0)}% of a CPU: other work on the machine slowed the wall times`,
    );
  }
}

/** The cached Linux guest, or why there is none (a note). */
function linuxGuest(): GuestBuild | string {
  try {
    return builtGuest() ?? `the guest is not built (${guestCacheDir()}): run npx rvhv guest build`;
  } catch (e) {
    return (e as Error).message;
  }
}

if (runLinux) {
  const guest = linuxGuest();
  if (typeof guest === "string") {
    notes.push(`no Linux rows: ${guest}`);
  } else if (!existsSync(FW_JUMP)) {
    notes.push(`no Linux rows: ${FW_JUMP} not found (apt-get install opensbi)`);
  } else {
    setting.push(`Linux guest: ${guest.dir}, firmware ${FW_JUMP}`);
    console.log(`Linux boot to the marker (${guest.dir})`);
    const result = await measureLinuxBoot({
      root,
      image: guest.image,
      initrd: guest.initrd,
      firmware: FW_JUMP,
      iterations,
      qemu: qemu !== null,
    });
    measurements.push(...result.rows);
    failures.push(...result.failures);
  }
}

// One line each: the progress lines above show a failure's whole message.
notes.push(...failures.map((f) => `failed: ${f.replace(/\s+/g, " ").slice(0, 300)}`));
const rows = tableRows(measurements);
const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
const dir = join(root, "bench/results");
mkdirSync(dir, { recursive: true });
const path = join(dir, `${stamp}-performance.md`);
writeMarkdown(path, { title: `rvhv performance (${stamp}, \`npm run bench\`)`, setting, rows, notes });

console.log("");
console.log(formatText(rows));
for (const note of notes) console.log(`note: ${note}`);
console.log(`\nreport: ${relative(process.cwd(), path)}`);
if (failures.length > 0) process.exitCode = 1;
