// `rvhv run`: a bare-metal program on the bare HTIF machine (the default), or
// firmware and a kernel on the QEMU-compatible virt machine (--machine virt).
import { BareMachine, type RunResult } from "../devices/bare-machine.js";
import { ElfError } from "../loader/elf.js";
import { readProgramFile } from "../loader/program-file.js";
import { integerOption, parseCommandArgs, UsageError, type OptionSpec, type ParsedArgs } from "./args.js";
import { EXIT_LIMIT, EXIT_STOPPED, EXIT_TRAP_STORM, EXIT_USAGE, MAX_MEM_MIB, statsLine, type Io } from "./io.js";
import { InputError } from "./input-files.js";
import { runVirtCommand, VIRT_OPTIONS } from "./run-virt.js";
import { openTrace, TRACE_OPTIONS, type TraceOutput } from "./trace-options.js";
import { trapStormMessage } from "./trap-storm.js";
import { GDB_OPTIONS, gdbRequest, listenForGdb } from "./gdb-stub.js";
import { Execution } from "../gdb/execution.js";
import { machineTarget } from "../gdb/target.js";

const COMMON_OPTIONS: OptionSpec = {
  machine: { type: "string" },
  mem: { type: "string" },
  "max-insns": { type: "string" },
  stats: { type: "boolean" },
  "no-jit": { type: "boolean" },
  ...GDB_OPTIONS,
  ...TRACE_OPTIONS,
};

export async function runCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseCommandArgs(args, { ...COMMON_OPTIONS, ...VIRT_OPTIONS });
  const machine = parsed.values.machine ?? "bare";
  if (machine === "virt") return runVirtCommand(parsed, io);
  if (machine !== "bare") throw new UsageError(`unknown machine '${String(machine)}' (bare or virt)`);
  for (const name of Object.keys(VIRT_OPTIONS)) {
    if (parsed.values[name] !== undefined) throw new UsageError(`--${name} is an option of --machine virt`);
  }
  return runBare(parsed, io);
}

async function runBare({ values, positionals }: ParsedArgs, io: Io): Promise<number> {
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? "run needs a program file" : "run takes one program file");
  const path = positionals[0];
  const memMiB = integerOption(values, "mem", 256, 1, MAX_MEM_MIB);
  const maxInsns = integerOption(values, "max-insns", Infinity, 1);
  const gdb = gdbRequest(values);
  let trace: TraceOutput | null = null;
  let machine: BareMachine;
  try {
    trace = openTrace(values, false);
    machine = new BareMachine({
      memBytes: memMiB * 1024 * 1024,
      // The translation engine's blocks would run past a breakpoint: the stub interprets.
      jit: values["no-jit"] !== true && gdb === null,
      trace: trace?.tracer,
    });
    machine.onConsole = (text) => io.stdout.write(text);
    machine.loadElf(readProgramFile(path));
  } catch (e) {
    trace?.close();
    if (e instanceof ElfError) io.stderr.write(`rvhv: ${path}: ${e.message}\n`);
    else if (e instanceof InputError) io.stderr.write(`rvhv: ${e.message}\n`);
    else throw e;
    return EXIT_USAGE;
  }
  let result: RunResult | undefined;
  try {
    if (gdb === null) {
      result = machine.run({ maxInsns });
    } else {
      const execution = new Execution(gdb.wait);
      const server = await listenForGdb(gdb, execution, io);
      if (server === null) return EXIT_USAGE;
      server.attach(machineTarget([machine.hart], () => machine.stop()));
      try {
        result = await machine.runDebugged({ maxInsns }, execution);
      } finally {
        server.close(result === undefined ? 1 : bareExitStatus(result));
      }
    }
  } finally {
    trace?.close();
  }

  const status = bareExitStatus(result);
  if (result.reason === "max-insns") {
    io.stderr.write(
      `rvhv: stopped after ${result.instructions} instructions (--max-insns) before the program exited\n`,
    );
  } else if (result.reason === "trap-storm") {
    io.stderr.write(`rvhv: ${trapStormMessage(result.trapStorm!)}\n`);
  } else if (result.reason === "stopped") {
    io.stderr.write("rvhv: terminated by the debugger\n");
  } else if (result.reason === "error") {
    io.stderr.write(`rvhv: ${result.error}\n`);
  }
  if (values.stats === true) io.stderr.write(statsLine(result.instructions, result.seconds));
  return status;
}

/** The process status for how the program ended. */
function bareExitStatus(result: RunResult): number {
  switch (result.reason) {
    case "exit":
      // A process status keeps 8 bits (as with Spike); never let a failure read as success.
      return result.exitCode & 0xff || (result.exitCode === 0 ? 0 : 1);
    case "max-insns":
      return EXIT_LIMIT;
    case "trap-storm":
      return EXIT_TRAP_STORM;
    case "stopped":
      return 0;
    default:
      return EXIT_STOPPED;
  }
}
