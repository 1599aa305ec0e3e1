// --trace FILE, --trace-start N, --trace-count N on `run`, `run --machine
// virt` and `boot`: a commit log in Spike's --log-commits format
// (src/trace/), written to FILE in large chunks and completed on every way
// the command ends.
import { closeSync, openSync, writeSync } from "node:fs";
import { Tracer } from "../trace/tracer.js";
import { integerOption, UsageError, type OptionSpec, type ParsedArgs } from "./args.js";
import { InputError } from "./input-files.js";

export const TRACE_OPTIONS: OptionSpec = {
  trace: { type: "string" },
  "trace-start": { type: "string" },
  "trace-count": { type: "string" },
};

/** An open commit log: give `tracer` to the machine, call close() when the run ends (also on errors). */
export interface TraceOutput {
  readonly tracer: Tracer;
  close(): void;
}

const SIGNALS: NodeJS.Signals[] = ["SIGTERM", "SIGHUP", "SIGINT", "SIGQUIT"];

/**
 * The commit log the options ask for, or null without --trace. Bad numbers
 * are UsageErrors; a FILE that cannot be written is an InputError (one line,
 * exit 2), found before the machine runs. With `flushOnSignals` (machines
 * whose run yields to the event loop: virt, boot) a terminating signal
 * writes out the log before the process dies of it; a synchronous run
 * (bare `run`) would never see the signal, so it keeps the default.
 */
export function openTrace(values: ParsedArgs["values"], flushOnSignals: boolean): TraceOutput | null {
  const start = integerOption(values, "trace-start", 0, 0);
  const count = integerOption(values, "trace-count", Infinity, 1);
  const path = values.trace;
  if (path === undefined) {
    for (const name of ["trace-start", "trace-count"]) {
      if (values[name] !== undefined) throw new UsageError(`--${name} needs --trace FILE`);
    }
    return null;
  }
  let fd: number;
  try {
    fd = openSync(String(path), "w");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "EACCES"
        ? "permission denied"
        : code === "EISDIR"
          ? "is a directory"
          : code === "ENOENT"
            ? "no such directory"
            : (e as Error).message;
    throw new InputError(`cannot write the trace file ${String(path)}: ${why}`);
  }
  const tracer = new Tracer({ write: (text) => writeAll(fd, Buffer.from(text)) }, start, count);
  let open = true;
  const close = (): void => {
    if (!open) return;
    open = false;
    for (const s of SIGNALS) process.off(s, onSignal);
    try {
      tracer.flush();
    } finally {
      closeSync(fd);
    }
  };
  // Complete the log, then die of the signal as if we had no handler (as console.ts does).
  const onSignal = (signal: NodeJS.Signals): void => {
    close();
    process.kill(process.pid, signal);
  };
  if (flushOnSignals) for (const s of SIGNALS) process.on(s, onSignal);
  return { tracer, close };
}

/** Writes all of `bytes` (a pipe may take a write in parts). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
}
