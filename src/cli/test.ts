// `rvhv test <paths…>`: runs every ELF program under the given files and
// directories, each on a fresh bare machine, spread over worker threads.
// Results print in path order as soon as every earlier one is known.
import { closeSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { hasElfMagic } from "../loader/elf.js";
import { fileKind, NotRegularFileError } from "../loader/program-file.js";
import { integerOption, parseCommandArgs, UsageError } from "./args.js";
import { EXIT_USAGE, type Io } from "./io.js";
import { HOT_THRESHOLD } from "../jit/engine.js";
import { formatOutcome, type TestOutcome, type TestSettings } from "./test-case.js";
import type { TestJob } from "./test-worker.js";

const DEFAULT_TIMEOUT_INSNS = 10_000_000;

export async function testCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    "timeout-insns": { type: "string" },
    jobs: { type: "string" },
    "no-jit": { type: "boolean" },
    "jit-threshold": { type: "string" },
  });
  if (positionals.length === 0) throw new UsageError("test needs files or directories of test programs");
  const settings: TestSettings = {
    timeoutInsns: integerOption(values, "timeout-insns", DEFAULT_TIMEOUT_INSNS, 1),
    jit: values["no-jit"] !== true,
    jitThreshold: integerOption(values, "jit-threshold", HOT_THRESHOLD, 1, 65535),
  };
  const jobs = integerOption(values, "jobs", availableParallelism(), 1, 256);

  const files: string[] = [];
  for (const path of positionals) {
    try {
      collectElfFiles(path, files);
    } catch (e) {
      io.stderr.write(
        `rvhv: ${path}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (e as Error).message}\n`,
      );
      return EXIT_USAGE;
    }
  }
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const unique = files.filter((f, i) => i === 0 || f !== files[i - 1]);
  if (unique.length === 0) {
    io.stderr.write(`rvhv: no ELF programs found in ${positionals.join(" ")}\n`);
    return EXIT_USAGE;
  }

  const outcomes: (TestOutcome | undefined)[] = new Array(unique.length);
  let printed = 0;
  let passed = 0;
  await runPool(unique, Math.min(jobs, unique.length), settings, (index, outcome) => {
    outcomes[index] = outcome;
    for (let o = outcomes[printed]; o !== undefined; o = outcomes[++printed]) {
      if (o.kind === "pass") passed++;
      io.stdout.write(`${formatOutcome(o, unique[printed])}\n`);
    }
  });
  const failed = unique.length - passed;
  io.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

/**
 * Adds `path` if it is an ELF file, or every ELF file below it if it is a
 * directory. Nothing else is opened (a FIFO would block, a device never
 * end): named on the command line it is an error, met in a directory it is
 * skipped.
 */
function collectElfFiles(path: string, out: string[], named = true): void {
  const stats = statSync(path);
  if (stats.isDirectory()) {
    for (const name of readdirSync(path)) collectElfFiles(join(path, name), out, false);
  } else if (stats.isFile()) {
    if (startsWithElfMagic(path)) out.push(path);
  } else if (named) {
    throw new NotRegularFileError(fileKind(stats));
  }
}

function startsWithElfMagic(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const head = new Uint8Array(4);
    return readSync(fd, head, 0, 4, 0) === 4 && hasElfMagic(head);
  } finally {
    closeSync(fd);
  }
}

/** The worker entry next to this module: the bundle in dist/, or the source under tsx. */
const workerUrl = new URL(import.meta.url.endsWith(".ts") ? "./test-worker.ts" : "./test-worker.js", import.meta.url);

/**
 * Runs every file on `jobs` workers, calling `onResult` as each finishes. A
 * worker that dies takes only its current test down (reported as ERROR) and
 * is replaced.
 */
function runPool(
  files: string[],
  jobs: number,
  settings: TestSettings,
  onResult: (index: number, outcome: TestOutcome) => void,
): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    let done = 0;
    const finish = (index: number, outcome: TestOutcome) => {
      onResult(index, outcome);
      if (++done === files.length) resolve();
    };
    const startWorker = () => {
      const worker = new Worker(workerUrl, { workerData: settings });
      let current = -1;
      let crash = "";
      const feed = () => {
        if (next < files.length) {
          current = next++;
          const job: TestJob = { index: current, path: files[current] };
          worker.postMessage(job);
        } else {
          current = -1;
          void worker.terminate();
        }
      };
      worker.on("message", (msg: { index: number; outcome: TestOutcome }) => {
        current = -1;
        finish(msg.index, msg.outcome);
        feed();
      });
      worker.on("error", (err: Error) => {
        crash = String(err.message).split("\n")[0];
      });
      worker.on("exit", (code) => {
        if (current < 0) return;
        finish(current, { kind: "error", reason: `test worker died (${crash || `exit code ${code}`})` });
        if (next < files.length) startWorker();
      });
      feed();
    };
    for (let i = 0; i < jobs; i++) startWorker();
  });
}
