// One emulator run as a child process, measured as a whole: wall time from
// spawn to a marker on its stdout and to its exit, its stderr (rvhv's
// --stats line), and, for rvhv, the process's peak resident memory.
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";

/** A command line: the executable and its arguments. */
export interface Invocation {
  command: string;
  args: string[];
}

export interface ChildRun {
  /** Seconds from spawn to the marker's first appearance on stdout (NaN when none was asked for). */
  markerS: number;
  /** Seconds from spawn to exit. */
  exitS: number;
  stderr: string;
  /** Peak resident set in KiB (getrusage's ru_maxrss); NaN unless the child is rvhv. */
  peakRssKiB: number;
}

const PEAK_RSS_TAG = "rvhv-bench: peak-rss-kib=";
const PEAK_RSS_LINE = new RegExp(`\\n${PEAK_RSS_TAG}(\\d+)\\n`);
/**
 * Loaded into each rvhv child with `node --import`: as the process exits, it
 * writes its peak resident set to stderr (a pipe, so the write completes
 * before exit). A data: URL rather than a file, so nothing else loads
 * (a TypeScript module would need tsx, which slows start-up).
 */
const PEAK_RSS_HOOK = `data:text/javascript,${encodeURIComponent(
  `process.on("exit", () => process.stderr.write("\\n${PEAK_RSS_TAG}" + process.resourceUsage().maxRSS + "\\n"));`,
)}`;

/**
 * The children's environment: this process's without NODE_EXTRA_CA_CERTS.
 * Node reads that file of certificates as it starts, before any of rvhv's
 * code runs; on this project's machine, where the sandbox sets it, that
 * costs every Node process about 50 ms (`node -e 0` 80 ms against 30).
 * rvhv makes no TLS connection, and QEMU does not read it. The report says
 * what it costs where it is set (extraCaCertsCost).
 */
const childEnv = { ...process.env };
delete childEnv.NODE_EXTRA_CA_CERTS;

/** When NODE_EXTRA_CA_CERTS is set: Node's start-up (`node -e 0`, median of 5, ms) with it and without it. */
export function extraCaCertsCost(): { withMs: number; withoutMs: number } | null {
  if (process.env.NODE_EXTRA_CA_CERTS === undefined) return null;
  const startup = (env: NodeJS.ProcessEnv): number => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      spawnSync(process.execPath, ["-e", "0"], { env });
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[2];
  };
  return { withMs: startup(process.env), withoutMs: startup(childEnv) };
}

/** `rvhv <args>` as users run it (bin/rvhv.js, the bundle), reporting its peak resident set. */
export function rvhvInvocation(root: string, args: string[]): Invocation {
  return { command: process.execPath, args: ["--import", PEAK_RSS_HOOK, join(root, "bin/rvhv.js"), ...args] };
}

/**
 * Runs `invocation` in `cwd` to its exit. Rejects, with the end of its
 * output, when it exits with anything but 0, is killed after `timeoutMs`,
 * or never prints `marker` (when given).
 */
export function runChild(
  invocation: Invocation,
  options: { cwd: string; timeoutMs: number; marker?: string },
): Promise<ChildRun> {
  const { marker } = options;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(invocation.command, invocation.args, {
      cwd: options.cwd,
      env: childEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let markerS = NaN;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      // Only the tail is kept: enough to find the marker and to show in an error.
      stdout = (stdout + chunk).slice(-4000);
      if (marker !== undefined && Number.isNaN(markerS) && stdout.includes(marker)) {
        markerS = (performance.now() - start) / 1000;
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      const exitS = (performance.now() - start) / 1000;
      const rss = PEAK_RSS_LINE.exec(stderr);
      stderr = stderr.replace(PEAK_RSS_LINE, "");
      const why = timedOut
        ? `no exit after ${options.timeoutMs / 1000} s`
        : status !== 0
          ? `exit ${status ?? signal}`
          : marker !== undefined && Number.isNaN(markerS)
            ? `no "${marker}" on its console`
            : "";
      if (why !== "") {
        const tail = `${stdout.slice(-1500)}\n${stderr.slice(-1500)}`.trim();
        reject(new Error(`${why}${tail === "" ? "" : `; its output ends: ${tail}`}`));
        return;
      }
      resolve({ markerS, exitS, stderr, peakRssKiB: rss === null ? NaN : Number(rss[1]) });
    });
  });
}

/** The instruction count and machine seconds on rvhv's --stats line. */
export function statsOf(stderr: string): { instructions: number; seconds: number } {
  const m = /instructions=(\d+) seconds=([\d.]+)/.exec(stderr);
  if (m === null) throw new Error(`no --stats line on stderr: ${stderr.trim().slice(-500)}`);
  return { instructions: Number(m[1]), seconds: Number(m[2]) };
}
