// The Linux guest rvhv boots: a Linux 6.12 Image and a busybox initramfs built
// from Debian's source packages by guest-linux-config/build.sh, cached under
// ${XDG_CACHE_HOME:-~/.cache}/rvhv/guest/<key>. The script is the one
// definition of the build (it runs as well by hand or in CI); this module runs
// it in its machine mode and turns its records into progress events.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** A built guest: the directory and the two files a boot needs. */
export interface GuestBuild {
  dir: string;
  image: string;
  initrd: string;
  /** True when nothing was built because the cache already held these inputs. */
  cached: boolean;
}

/** What build.sh reports while it works. */
export type GuestProgress =
  | { kind: "phase"; index: number; count: number; title: string }
  | { kind: "progress"; done: number; total: number }
  | { kind: "log"; path: string }
  | { kind: "message"; text: string };

/** One stdout record of `build.sh --machine`. */
export type GuestRecord =
  GuestProgress | { kind: "error"; text: string } | { kind: "done"; dir: string; cached: boolean };

export interface BuildGuestOptions {
  onProgress?: (event: GuestProgress) => void;
  /** Aborting stops the build (the script stops its make). */
  signal?: AbortSignal;
}

/**
 * The guest-linux-config directory, found upward from this module so that it
 * resolves from src/ under tsx and from a bundle in bin/ alike.
 */
export function guestConfigDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "guest-linux-config");
    if (existsSync(join(candidate, "build.sh"))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("rvhv: guest-linux-config/build.sh not found next to the rvhv package");
    dir = parent;
  }
}

function buildScript(): string {
  return join(guestConfigDir(), "build.sh");
}

/** The cache directory for the current inputs, whether or not it is built yet. */
export function guestCacheDir(): string {
  const r = spawnSync("bash", [buildScript(), "--print-dir"], { encoding: "utf8" });
  if (r.status !== 0)
    throw new Error(`rvhv: guest build.sh --print-dir failed: ${(r.stderr || String(r.error)).trim()}`);
  return r.stdout.trim();
}

function guestIn(dir: string, cached: boolean): GuestBuild {
  return { dir, image: join(dir, "Image"), initrd: join(dir, "initramfs.cpio.gz"), cached };
}

/** The guest built from the current inputs, or null when it needs a build. */
export function builtGuest(): GuestBuild | null {
  const dir = guestCacheDir();
  // build.sh writes versions.txt last: its presence marks a complete build.
  return existsSync(join(dir, "versions.txt")) ? guestIn(dir, true) : null;
}

/** Parses one stdout line of `build.sh --machine`; null for anything else. */
export function parseGuestRecord(line: string): GuestRecord | null {
  const f = line.split("\t");
  switch (f[0]) {
    case "phase":
      return f.length === 4 ? { kind: "phase", index: Number(f[1]), count: Number(f[2]), title: f[3] } : null;
    case "progress":
      return f.length === 3 ? { kind: "progress", done: Number(f[1]), total: Number(f[2]) } : null;
    case "log":
      return f.length === 2 ? { kind: "log", path: f[1] } : null;
    case "message":
      return f.length === 2 ? { kind: "message", text: f[1] } : null;
    case "error":
      return f.length === 2 ? { kind: "error", text: f[1] } : null;
    case "done":
      return f.length === 3 ? { kind: "done", dir: f[1], cached: f[2] === "1" } : null;
    default:
      return null;
  }
}

/** Calls `onLine` for each complete line of a stream's text. */
function forEachLine(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let pending = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    pending += chunk;
    let nl: number;
    while ((nl = pending.indexOf("\n")) >= 0) {
      onLine(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
    }
  });
  stream.on("end", () => {
    if (pending) onLine(pending);
  });
}

/**
 * Builds the guest unless the cache already has it, and returns where it is.
 * Rejects with build.sh's error report (it names the full log).
 */
export function buildGuest(options: BuildGuestOptions = {}): Promise<GuestBuild> {
  const { onProgress, signal } = options;
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [buildScript(), "--machine"], { stdio: ["ignore", "pipe", "pipe"] });
    let result: GuestBuild | null = null;
    const errors: string[] = [];
    const abort = (): void => {
      child.kill("SIGTERM");
    };
    signal?.addEventListener("abort", abort, { once: true });

    forEachLine(child.stdout, (line) => {
      const record = parseGuestRecord(line);
      if (record === null) return;
      if (record.kind === "done") result = guestIn(record.dir, record.cached);
      else if (record.kind === "error") errors.push(record.text);
      else onProgress?.(record);
    });
    // In machine mode the script itself writes nothing to stderr: anything
    // there (bash or a tool failing early) belongs in the error report.
    forEachLine(child.stderr, (line) => errors.push(line));

    child.on("error", (err) => {
      signal?.removeEventListener("abort", abort);
      reject(new Error(`rvhv: cannot run guest build.sh: ${err.message}`));
    });
    child.on("close", (code, sig) => {
      signal?.removeEventListener("abort", abort);
      if (code === 0 && result !== null) resolve(result);
      else if (signal?.aborted) reject(new Error("rvhv: guest build aborted"));
      else {
        // build.sh reports "error: <cause>" plus detail lines (bad options, the log's path).
        const cause = errors.find((l) => l.startsWith("error: "));
        const details = errors.filter((l) => l !== cause).map((l) => `  ${l.trim()}`);
        const first = `rvhv: guest build failed: ${cause?.slice(7) ?? `build.sh exited with ${sig ?? `code ${code}`}`}`;
        reject(new Error([first, ...details].join("\n")));
      }
    });
  });
}

/**
 * A ready-made `onProgress` that draws the build like build.sh does by hand:
 * phase lines, and one progress bar redrawn in place on a terminal (a line per
 * 10% when the stream is not a terminal).
 */
export function printGuestProgress(out: NodeJS.WriteStream): (event: GuestProgress) => void {
  let started = 0;
  let lastDecile = -1;
  let barShown = false;
  const endBar = (): void => {
    if (barShown) out.write("\n");
    barShown = false;
  };
  return (event) => {
    switch (event.kind) {
      case "phase":
        endBar();
        started = Date.now();
        lastDecile = -1;
        out.write(`[${event.index}/${event.count}] ${event.title}\n`);
        break;
      case "progress": {
        const pct = Math.min(99, Math.floor((event.done * 100) / event.total));
        const secs = Math.floor((Date.now() - started) / 1000);
        const time = `${Math.floor(secs / 60)}m${String(secs % 60).padStart(2, "0")}s`;
        if (out.isTTY) {
          const bar = "#".repeat(Math.floor(pct / 5)).padEnd(20);
          out.write(`\r      [${bar}] ${String(pct).padStart(3)}%  ${event.done} steps  ${time} `);
          barShown = true;
        } else if (Math.floor(pct / 10) > lastDecile) {
          lastDecile = Math.floor(pct / 10);
          out.write(`      ${String(pct).padStart(3)}%  ${event.done} steps  ${time}\n`);
        }
        break;
      }
      case "log":
        break;
      case "message":
        endBar();
        out.write(`rvhv guest: ${event.text}\n`);
        break;
    }
  };
}
