// Boot-test support: the cached Linux guest, Debian's OpenSBI, and the rvhv
// command run from source as a child process with piped stdin and stdout.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { builtGuest, guestCacheDir, type GuestBuild } from "../../src/guest/build.js";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const FW_JUMP = "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.elf";
export const FW_DYNAMIC = "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.elf";
/** What the guest's /init prints once user space runs. */
export const MARKER = "rvhv-guest: ready";

/**
 * The guest built from the current guest-linux-config, and the firmware;
 * throws (so the boot tests fail, never skip) with what to run when missing.
 */
export function requireGuest(): GuestBuild {
  const guest = builtGuest();
  if (guest === null) {
    throw new Error(
      `the Linux guest is not built for the current guest-linux-config (${guestCacheDir()}): run npx rvhv guest build`,
    );
  }
  if (!existsSync(FW_JUMP)) throw new Error(`${FW_JUMP} not found: run apt-get install opensbi`);
  return guest;
}

export interface RvhvRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from spawn to the first appearance of MARKER on stdout (-1: never). */
  markerMs: number;
  ms: number;
}

/**
 * Runs `rvhv <args>` from the TypeScript source with `input` piped to its
 * stdin (then EOF), killing it after `timeoutMs`.
 */
export function runRvhv(args: string[], input: string, timeoutMs: number): Promise<RvhvRun> {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", join(REPO, "src/cli/main.ts"), ...args], {
      cwd: REPO,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let markerMs = -1;
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (markerMs < 0 && stdout.includes(MARKER)) markerMs = performance.now() - start;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolvePromise({ status, stdout, stderr, markerMs, ms: performance.now() - start });
    });
    child.stdin.end(input);
  });
}

/** One step of a console conversation: once `after` has appeared on stdout (counting from the last step's match), wait `delayMs`, then type `send`. */
export interface ConsoleStep {
  after: string | RegExp;
  send: string;
  delayMs?: number;
}

/**
 * Runs `rvhv <args>` and types into its console step by step, as a person
 * would: each step waits for its text to appear after the previous step's.
 * stdin closes after the last step; the child is killed after `timeoutMs`.
 */
export function runRvhvScript(args: string[], steps: ConsoleStep[], timeoutMs: number): Promise<RvhvRun> {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", join(REPO, "src/cli/main.ts"), ...args], {
      cwd: REPO,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let markerMs = -1;
    let next = 0;
    let searchFrom = 0;
    let waiting = false;
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    const advance = (): void => {
      if (waiting || next >= steps.length) return;
      const step = steps[next];
      const rest = stdout.slice(searchFrom);
      const m = typeof step.after === "string" ? rest.indexOf(step.after) : rest.search(step.after);
      if (m < 0) return;
      searchFrom += m + 1;
      waiting = true;
      setTimeout(() => {
        waiting = false;
        next++;
        child.stdin.write(step.send);
        if (next === steps.length) child.stdin.end();
        advance();
      }, step.delayMs ?? 0);
    };
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (markerMs < 0 && stdout.includes(MARKER)) markerMs = performance.now() - start;
      advance();
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.stdin.on("error", () => {}); // the child may exit before reading everything
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolvePromise({ status, stdout, stderr, markerMs, ms: performance.now() - start });
    });
  });
}
