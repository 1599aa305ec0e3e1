// Whole-guest overhead: the same Linux workloads (guest-linux-config/workload,
// selected by `rvhv.workload=NAME` on the kernel command line) run natively
// under OpenSBI on `rvhv run --machine virt` (the baseline, no hypervisor),
// and under rvhv's hypervisor with PV devices, PV + Sstc and emulated
// devices, with K guests sharing the host's processor. Each run is a child
// process on the host clock; the host times the workload between the
// markers each guest prints, samples the process's CPU time from /proc, and
// reads the hypervisor's counters from --stats.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export type Workload = "idle" | "cpu" | "console";
export type Config = "native" | "pv" | "pv+sstc" | "emulated";

export interface WorkloadRun {
  config: Config;
  workload: Workload;
  guests: number;
  /**
   * Host seconds each guest took for its workload, from its start marker to
   * its end marker, averaged over the guests (with K guests sharing the
   * processor, each has about 1/K of it meanwhile).
   */
  spanS: number;
  /**
   * idle: host CPU seconds and wall seconds while every guest idled, in the
   * first IDLE_WINDOW_S seconds after they all started (fresh from boot), and
   * from IDLE_SETTLE_S seconds on until the first ended (settled).
   */
  idleCpuS: number;
  idleWallS: number;
  freshCpuS: number;
  freshWallS: number;
  /** From --stats (hypervisor configurations): total exits, host ms in exit handling, and its share of host time. */
  exits: number;
  hypervisorMs: number;
  hypervisorShare: number;
}

const GUEST_MIB = 128;
/** The idle workload sleeps 50 s: the host measures 0-20 s and 30-50 s of it. */
const IDLE_WINDOW_S = 20;
const IDLE_SETTLE_S = 30;
const TIMEOUT_MS = 30 * 60_000;

export interface Paths {
  root: string;
  image: string;
  initrd: string;
  firmware: string;
}

function commandFor(paths: Paths, config: Config, workload: Workload | "boot", guests: number): string[] {
  const word = workload === "boot" ? "rvhv.poweroff" : `rvhv.workload=${workload}`;
  const rvhv = join(paths.root, "bin/rvhv.js");
  if (config === "native") {
    return [
      rvhv,
      "run",
      "--machine",
      "virt",
      "--bios",
      paths.firmware,
      "--kernel",
      paths.image,
      "--initrd",
      paths.initrd,
      "--mem",
      String(GUEST_MIB),
      "--append",
      `console=ttyS0 ${word}`,
    ];
  }
  const args = [
    rvhv,
    "boot",
    "--kernel",
    paths.image,
    "--initrd",
    paths.initrd,
    "--mem",
    `${GUEST_MIB}M`,
    "--guests",
    String(guests),
    "--append",
    word,
    "--stats",
  ];
  if (config === "pv+sstc") args.push("--sstc");
  if (config === "emulated") args.push("--devices", "emulated");
  return args;
}

/** User + system seconds of process `pid` so far (/proc/PID/stat utime, stime). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[14 - 3]) + Number(fields[15 - 3])) / 100;
}

/** A --stats row's number (the first match). */
function statNumber(stderr: string, row: RegExp): number {
  const m = row.exec(stderr);
  return m === null ? NaN : Number(m[1]);
}

/** Runs one configuration with `guests` guests doing `workload`. */
export function runWorkload(paths: Paths, config: Config, workload: Workload, guests: number): Promise<WorkloadRun> {
  return new Promise((resolve, reject) => {
    const [cmd0, ...args] = commandFor(paths, config, workload, guests);
    const child = spawn(process.execPath, [cmd0, ...args], { cwd: paths.root, stdio: ["ignore", "pipe", "pipe"] });
    const starts: number[] = [];
    const ends: number[] = [];
    /** Per guest (the [gN] prefix; 0 with one guest): its start and end times. */
    const startOf = new Map<number, number>();
    const endOf = new Map<number, number>();
    let idleCpu0 = NaN;
    let idleWall0 = NaN;
    let idleCpuS = NaN;
    let idleWallS = NaN;
    let freshCpuS = NaN;
    let freshWallS = NaN;
    const timers: NodeJS.Timeout[] = [];
    const joinLines = guestLineJoiner(guests);
    let pending = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      const now = performance.now();
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop()!;
      for (const raw of joinLines(lines)) {
        const { guest, line } = raw;
        // A line joined from pieces is seen again with each piece: count each guest's markers once.
        if (line.includes(`rvhv-workload: start ${workload}`) && !startOf.has(guest)) {
          starts.push(now);
          startOf.set(guest, now);
          if (starts.length === guests && workload === "idle") {
            const cpu0 = cpuSeconds(child.pid!);
            timers.push(
              setTimeout(() => {
                freshCpuS = cpuSeconds(child.pid!) - cpu0;
                freshWallS = (performance.now() - now) / 1000;
              }, IDLE_WINDOW_S * 1000),
              setTimeout(() => {
                idleCpu0 = cpuSeconds(child.pid!);
                idleWall0 = performance.now();
              }, IDLE_SETTLE_S * 1000),
            );
          }
        } else if (line.includes(`rvhv-workload: end ${workload}`) && !endOf.has(guest)) {
          if (ends.length === 0 && !Number.isNaN(idleCpu0)) {
            idleCpuS = cpuSeconds(child.pid!) - idleCpu0;
            idleWallS = (now - idleWall0) / 1000;
          }
          ends.push(now);
          endOf.set(guest, now);
        }
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      for (const t of timers) clearTimeout(t);
      if (status !== 0 || starts.length !== guests || ends.length !== guests) {
        reject(
          new Error(
            `${config} ${workload} x${guests}: exit ${status}, ${starts.length} starts, ${ends.length} ends\n${stderr.slice(-1500)}`,
          ),
        );
        return;
      }
      resolve({
        config,
        workload,
        guests,
        spanS: [...endOf].reduce((sum, [g, end]) => sum + end - (startOf.get(g) ?? end), 0) / endOf.size / 1000,
        idleCpuS,
        idleWallS,
        freshCpuS,
        freshWallS,
        exits: statNumber(stderr, /^\s+total\s+(\d+)$/m),
        hypervisorMs: statNumber(stderr, HYPERVISOR_MS),
        hypervisorShare: statNumber(stderr, /hypervisor share\s+([\d.]+)%/),
      });
    });
  });
}

/** What a boot that powers off at once (rvhv.poweroff) costs: subtracted to count a workload's own exits and time. */
export interface BootCost {
  exits: number;
  hypervisorMs: number;
}

const HYPERVISOR_MS = /in the hypervisor \(exit handling\)\s+([\d.]+) ms/;

export function bootCost(paths: Paths, config: Config): Promise<BootCost> {
  return new Promise((resolve, reject) => {
    const [cmd0, ...args] = commandFor(paths, config, "boot", 1);
    const child = spawn(process.execPath, [cmd0, ...args], { cwd: paths.root, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => {
      if (status !== 0) reject(new Error(`${config} boot: exit ${status}\n${stderr.slice(-1500)}`));
      else
        resolve({ exits: statNumber(stderr, /^\s+total\s+(\d+)$/m), hypervisorMs: statNumber(stderr, HYPERVISOR_MS) });
    });
  });
}

/**
 * With several guests each line reads `[gN] text`, and a line another
 * guest's output cut goes on after `[gN]+ ` (src/cli/guest-output.ts):
 * returns a function that joins the pieces of each batch of lines, giving
 * whole lines with their guest.
 */
function guestLineJoiner(guests: number): (lines: string[]) => { guest: number; line: string }[] {
  const pieces = new Map<number, string>();
  return (lines) => {
    if (guests === 1) return lines.map((line) => ({ guest: 0, line }));
    const whole: { guest: number; line: string }[] = [];
    for (const line of lines) {
      const m = /^\[g(\d+)\](\+?) ([^]*)$/.exec(line); // [^]: the line may end in \r
      if (m === null) continue;
      const guest = Number(m[1]);
      const text = (m[2] === "+" ? (pieces.get(guest) ?? "") : "") + m[3];
      pieces.set(guest, text);
      whole.push({ guest, line: text });
    }
    return whole;
  };
}
