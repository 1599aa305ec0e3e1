// Boot time of the Linux guest: Debian's OpenSBI fw_jump, the cached Image
// and initramfs (`npx rvhv guest build`), one hart, the kernel command line
// `console=ttyS0 rvhv.poweroff` (the guest's /init prints its marker and
// powers off at once). Each run is a child process, timed from spawn to the
// marker on its stdout and to its exit:
//
//   rvhv             node bin/rvhv.js run --machine virt ... --stats (mtime from the host clock):
//                    the kernel in S-mode under OpenSBI (native)
//   rvhv --icount    the same with mtime from the instruction count
//   rvhv boot (PV)   node bin/rvhv.js boot ... --stats: the same kernel in VS-mode under
//                    rvhv's TypeScript hypervisor, console hvc0 (SBI DBCN), `rvhv.poweroff`
//   rvhv boot --icount  the same with mtime from the instruction count
//   qemu             qemu-system-riscv64 -M virt -m 256M -nographic (TCG), same files
//
// The instruction count is rvhv's --stats line. CPU seconds are the child's
// user + system time; on the shared 2-core machine a CPU share well under
// 100% means the wall times include waiting for a CPU.
//
// Usage: npm run bench:boot [-- --runs=N]   (default 3 runs each; the median is shown)
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FW_JUMP, MARKER, requireGuest } from "../test/boot/support.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const APPEND = "console=ttyS0 rvhv.poweroff";
const TIMEOUT_MS = 300_000;

let runs = 3;
for (const arg of process.argv.slice(2)) {
  const m = /^--runs=(\d+)$/.exec(arg);
  if (!m) {
    console.error(`boot.bench: unknown argument ${arg}\nusage: npm run bench:boot [-- --runs=N]`);
    process.exit(2);
  }
  runs = Math.max(1, Number(m[1]));
}

const guest = requireGuest();
const qemuFound = !spawnSync("qemu-system-riscv64", ["--version"]).error;

interface Sample {
  markerS: number;
  exitS: number;
  cpuS: number;
  instructions: number;
}

/** User + system seconds of this process's waited-for children (/proc/self/stat cutime, cstime). */
function childCpuSeconds(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields after the command name start at field 3 (state); cutime and cstime are fields 16 and 17.
  return (Number(fields[16 - 3]) + Number(fields[17 - 3])) / 100;
}

function runOnce(command: string, args: string[]): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const cpuBefore = childCpuSeconds();
    const start = performance.now();
    const child = spawn(command, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let markerS = -1;
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      if (markerS < 0 && out.includes(MARKER)) markerS = (performance.now() - start) / 1000;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      const exitS = (performance.now() - start) / 1000;
      if (status !== 0 || markerS < 0) {
        reject(
          new Error(
            `${command} exited with ${status}${markerS < 0 ? " without the marker" : ""}:\n${out.slice(-2000)}${err}`,
          ),
        );
        return;
      }
      const m = /instructions=(\d+)/.exec(err);
      resolve({ markerS, exitS, cpuS: childCpuSeconds() - cpuBefore, instructions: m ? Number(m[1]) : NaN });
    });
  });
}

const rvhvArgs = [
  join(root, "bin/rvhv.js"),
  "run",
  "--machine",
  "virt",
  "--bios",
  FW_JUMP,
  "--kernel",
  guest.image,
  "--initrd",
  guest.initrd,
  "--append",
  APPEND,
  "--smp",
  "1",
  "--stats",
];
const pvArgs = [
  join(root, "bin/rvhv.js"),
  "boot",
  "--kernel",
  guest.image,
  "--initrd",
  guest.initrd,
  "--append",
  "rvhv.poweroff",
  "--stats",
];
const configs: { name: string; command: string; args: string[] }[] = [
  { name: "rvhv (native, OpenSBI)", command: process.execPath, args: rvhvArgs },
  { name: "rvhv --icount (native)", command: process.execPath, args: [...rvhvArgs, "--icount"] },
  { name: "rvhv boot (PV)", command: process.execPath, args: pvArgs },
  { name: "rvhv boot --icount (PV)", command: process.execPath, args: [...pvArgs, "--icount"] },
];
if (qemuFound) {
  configs.push({
    name: "qemu-system-riscv64 (TCG)",
    command: "qemu-system-riscv64",
    args: [
      "-M",
      "virt",
      "-m",
      "256M",
      "-nographic",
      "-bios",
      FW_JUMP,
      "-kernel",
      guest.image,
      "-initrd",
      guest.initrd,
      "-append",
      APPEND,
    ],
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

console.log(
  `Linux guest boot to "${MARKER}" (${guest.dir}), --smp 1, ${runs} run(s) each, median (node ${process.version})`,
);
const rows = [];
for (const config of configs) {
  const samples: Sample[] = [];
  // Each run is a fresh process: there is no warm-up to discard.
  for (let i = 0; i < runs; i++) samples.push(await runOnce(config.command, config.args));
  const insns = median(samples.map((s) => s.instructions));
  const exitS = median(samples.map((s) => s.exitS));
  const cpuS = median(samples.map((s) => s.cpuS));
  rows.push({
    emulator: config.name,
    "to marker (s)": median(samples.map((s) => s.markerS)).toFixed(2),
    "to exit (s)": exitS.toFixed(2),
    "min..max exit (s)": `${Math.min(...samples.map((s) => s.exitS)).toFixed(2)}..${Math.max(...samples.map((s) => s.exitS)).toFixed(2)}`,
    instructions: Number.isNaN(insns) ? "-" : Math.round(insns).toLocaleString("en-US"),
    MIPS: Number.isNaN(insns) ? "-" : (insns / exitS / 1e6).toFixed(1),
    "CPU s": cpuS.toFixed(2),
    "CPU share": `${Math.round((100 * cpuS) / exitS)}%`,
  });
}
console.table(rows);
if (!qemuFound) console.log("qemu-system-riscv64 not found (apt-get install qemu-system-misc): no QEMU row");
