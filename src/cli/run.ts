// `rvhv run <elf>`: runs one bare-metal program on the bare machine.
import { BareMachine } from "../devices/bare-machine.js";
import { ElfError, readProgramFile } from "../loader/elf.js";
import { integerOption, parseCommandArgs, UsageError } from "./args.js";
import { EXIT_LIMIT, EXIT_STOPPED, EXIT_USAGE, type Io } from "./io.js";

const MAX_MEM_MIB = 2048;

export function runCommand(args: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(args, {
    mem: { type: "string" },
    "max-insns": { type: "string" },
    stats: { type: "boolean" },
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "run needs a program file" : "run takes one program file");
  const path = positionals[0];
  const memMiB = integerOption(values, "mem", 256, 1, MAX_MEM_MIB);
  const maxInsns = integerOption(values, "max-insns", Infinity, 1);

  const machine = new BareMachine({ memBytes: memMiB * 1024 * 1024 });
  machine.onConsole = (text) => io.stdout.write(text);
  try {
    machine.loadElf(readProgramFile(path));
  } catch (e) {
    if (!(e instanceof ElfError)) throw e;
    io.stderr.write(`rvhv: ${path}: ${e.message}\n`);
    return EXIT_USAGE;
  }
  const result = machine.run({ maxInsns });

  let status: number;
  if (result.reason === "exit") {
    // A process status keeps 8 bits (as with Spike); never let a failure read as success.
    status = result.exitCode & 0xff || (result.exitCode === 0 ? 0 : 1);
  } else if (result.reason === "max-insns") {
    io.stderr.write(`rvhv: stopped after ${result.instructions} instructions (--max-insns) before the program exited\n`);
    status = EXIT_LIMIT;
  } else {
    io.stderr.write(`rvhv: ${result.error}\n`);
    status = EXIT_STOPPED;
  }
  if (values.stats === true) {
    const mips = result.seconds > 0 ? result.instructions / result.seconds / 1e6 : 0;
    io.stderr.write(`instructions=${result.instructions} seconds=${result.seconds.toFixed(3)} mips=${mips.toFixed(1)}\n`);
  }
  return status;
}
