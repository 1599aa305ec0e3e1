// The gdb stub options of `run`, `run --machine virt` and `boot`, after
// QEMU's: --gdb PORT listens on localhost:PORT, -s is --gdb 1234, -S holds
// the machine before its first instruction until gdb resumes it. With the
// stub the translation engine is off (execution.ts).
import type { Execution } from "../gdb/execution.js";
import { GdbListenError, GdbServer } from "../gdb/server.js";
import { UsageError, type OptionSpec, type ParsedArgs } from "./args.js";
import type { Io } from "./io.js";

export const GDB_OPTIONS: OptionSpec = {
  gdb: { type: "string" },
  "gdb-default-port": { type: "boolean", short: "s" },
  "wait-for-gdb": { type: "boolean", short: "S" },
};

/** QEMU's -s: tcp::1234. */
const DEFAULT_PORT = 1234;

export interface GdbRequest {
  port: number;
  wait: boolean;
}

/** The stub the options ask for, or null; bad values are UsageErrors. */
export function gdbRequest(values: ParsedArgs["values"]): GdbRequest | null {
  const raw = values.gdb;
  const short = values["gdb-default-port"] === true;
  const wait = values["wait-for-gdb"] === true;
  if (raw !== undefined && short) throw new UsageError("-s is --gdb 1234: give one of them");
  if (raw === undefined && !short) {
    if (wait) throw new UsageError("-S waits for gdb: give --gdb PORT (or -s) too");
    return null;
  }
  // Both take the hart's run loop (the tracer single-steps it as the engine would).
  if (values.trace !== undefined) throw new UsageError("--trace and --gdb cannot be used together");
  let port = DEFAULT_PORT;
  if (raw !== undefined) {
    const text = String(raw);
    port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
    if (!(port >= 1 && port <= 65535)) throw new UsageError(`--gdb needs a TCP port from 1 to 65535, got '${text}'`);
  }
  return { port, wait };
}

/**
 * Listens for gdb as `request` asks, serving the machine `execution` runs,
 * and says where; null (the line already on stderr) when the port cannot be
 * had. The caller attaches the machine (GdbServer.attach) and closes the
 * server with the exit status when the run ends.
 */
export async function listenForGdb(request: GdbRequest, execution: Execution, io: Io): Promise<GdbServer | null> {
  const server = new GdbServer(execution);
  try {
    await server.listen(request.port);
  } catch (e) {
    if (!(e instanceof GdbListenError)) throw e;
    io.stderr.write(`rvhv: ${e.message}\n`);
    return null;
  }
  const waiting = request.wait ? "; the machine waits for it to continue" : "";
  io.stderr.write(`rvhv: gdb stub on localhost:${request.port} (target remote :${request.port})${waiting}\n`);
  return server;
}
