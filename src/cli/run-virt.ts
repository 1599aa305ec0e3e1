// `rvhv run --machine virt`: firmware (and a kernel) on the QEMU-compatible
// virt machine, its UART on stdin/stdout (console.ts). The guest decides the
// exit status through the syscon: power-off is 0, a failure report its code;
// a reset boots a fresh machine from the same files, as QEMU does without
// -no-reboot.
import { writeFileSync } from "node:fs";
import { VIRT_MAX_HARTS, VirtMachine, type VirtMachineOptions, type VirtRunResult } from "../devices/virt-machine.js";
import { ElfError } from "../loader/elf.js";
import { InputError, readCode, readInput } from "./input-files.js";
import { integerOption, UsageError, type OptionSpec, type ParsedArgs } from "./args.js";
import { attachConsole } from "./console.js";
import { EXIT_LIMIT, EXIT_TRAP_STORM, EXIT_USAGE, MAX_MEM_MIB, statsLine, type Io } from "./io.js";
import { trapStormMessage } from "./trap-storm.js";
import { gdbRequest, listenForGdb } from "./gdb-stub.js";
import { Execution } from "../gdb/execution.js";
import { machineTarget, type DebugTarget } from "../gdb/target.js";
import { openTrace, type TraceOutput } from "./trace-options.js";

export const VIRT_OPTIONS: OptionSpec = {
  bios: { type: "string" },
  kernel: { type: "string" },
  initrd: { type: "string" },
  append: { type: "string" },
  smp: { type: "string" },
  icount: { type: "boolean" },
  "dump-dtb": { type: "string" },
};

const DEBIAN_OPENSBI = "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.elf";
/** Stands in for the firmware when only the device tree is wanted (--dump-dtb). */
const NO_FIRMWARE = new Uint8Array([0x6f, 0x00, 0x00, 0x00]); // j .

/** The RISC-V Linux Image header's magic2, "RSC\x05" at offset 56 (Documentation/arch/riscv/boot-image-header.rst). */
const IMAGE_MAGIC2 = [0x52, 0x53, 0x43, 0x05];
const IMAGE_MAGIC2_OFFSET = 56;

function isLinuxImage(bytes: Uint8Array): boolean {
  return IMAGE_MAGIC2.every((b, i) => bytes[IMAGE_MAGIC2_OFFSET + i] === b);
}

/**
 * The exit status for how the run ended, saying why where the guest did not.
 * `stormHint` ends the line of a trap storm.
 */
function exitStatus(result: VirtRunResult, harts: number, stormHint: string, say: (line: string) => void): number {
  switch (result.reason) {
    case "trap-storm":
      say(`rvhv: ${trapStormMessage(result.trapStorm!, harts > 1)}${stormHint}`);
      return EXIT_TRAP_STORM;
    case "fail":
      // A process status keeps 8 bits; never let a failure read as success.
      return result.exitCode & 0xff || 1;
    case "max-insns":
      say("rvhv: stopped at the --max-insns limit before the guest powered off");
      return EXIT_LIMIT;
    case "stopped":
      say("rvhv: terminated");
      return 0;
    default:
      return 0;
  }
}

export async function runVirtCommand({ values, positionals }: ParsedArgs, io: Io): Promise<number> {
  if (positionals.length > 0) {
    throw new UsageError(
      `--machine virt takes no program file ('${positionals[0]}'): give the firmware with --bios and a kernel with --kernel`,
    );
  }
  const memMiB = integerOption(values, "mem", 256, 1, MAX_MEM_MIB);
  const harts = integerOption(values, "smp", 1, 1, VIRT_MAX_HARTS);
  const maxInsns = integerOption(values, "max-insns", Infinity, 1);
  const str = (name: string): string | undefined => (values[name] === undefined ? undefined : String(values[name]));
  const dumpDtb = str("dump-dtb");
  const biosPath = str("bios");
  const kernelPath = str("kernel");
  const initrdPath = str("initrd");
  if (biosPath === undefined && dumpDtb === undefined) {
    throw new UsageError(`--machine virt needs firmware: --bios FILE (such as Debian's OpenSBI, ${DEBIAN_OPENSBI})`);
  }
  if (initrdPath !== undefined && kernelPath === undefined) throw new UsageError("--initrd needs --kernel");
  const gdb = gdbRequest(values);
  const execution = gdb === null ? undefined : new Execution(gdb.wait);

  let options: VirtMachineOptions;
  let machine: VirtMachine;
  let trace: TraceOutput | null = null;
  try {
    trace = dumpDtb === undefined ? openTrace(values, true) : null;
    options = {
      memBytes: memMiB * 1024 * 1024,
      harts,
      bios: biosPath === undefined ? NO_FIRMWARE : readCode("--bios", biosPath),
      kernel: kernelPath === undefined ? undefined : readCode("--kernel", kernelPath),
      initrd: initrdPath === undefined ? undefined : readInput("initrd", initrdPath),
      bootargs: str("append"),
      icount: values.icount === true,
      // The translation engine's blocks would run past a breakpoint: the stub interprets.
      jit: values["no-jit"] !== true && gdb === null,
      debug: execution,
      trace: trace?.tracer,
    };
    machine = new VirtMachine(options);
  } catch (e) {
    trace?.close();
    // The machine's own refusals (an image that does not fit, a kernel entry
    // outside RAM) already read "rvhv: ...".
    if (e instanceof InputError || e instanceof ElfError) io.stderr.write(`rvhv: ${e.message}\n`);
    else if (e instanceof Error && e.message.startsWith("rvhv: ")) io.stderr.write(`${e.message}\n`);
    else throw e;
    return EXIT_USAGE;
  }

  if (dumpDtb !== undefined) {
    try {
      writeFileSync(dumpDtb, machine.dumpDtb());
    } catch (e) {
      io.stderr.write(`rvhv: cannot write ${dumpDtb}: ${(e as Error).message}\n`);
      return EXIT_USAGE;
    }
    return 0;
  }

  const server = gdb === null || execution === undefined ? null : await listenForGdb(gdb, execution, io);
  if (gdb !== null && server === null) return EXIT_USAGE;
  const debugTarget = (m: VirtMachine): DebugTarget => machineTarget(m.harts, () => m.stop());
  server?.attach(debugTarget(machine));

  let instructions = 0;
  let seconds = 0;
  let result: VirtRunResult | undefined;
  // rvhv's own lines start on a fresh line of the terminal the guest writes to.
  let atLineStart = true;
  const say = (line: string): void => {
    io.stderr.write(`${atLineStart ? "" : "\n"}${line}\n`);
    atLineStart = true;
  };
  const terminal = attachConsole(io.stdin, io.stderr, {
    input: (bytes) => machine.pushConsoleInput(bytes),
    quit: () => {
      machine.stop();
      // A machine the debugger holds ends too.
      execution?.resume(null);
    },
  });
  try {
    for (;;) {
      // A script's input waits until the guest reads the console (uart16550.ts).
      machine.uart.pacedInput = !terminal.interactive;
      machine.onConsoleOutput = (bytes) => {
        io.stdout.write(bytes);
        atLineStart = bytes[bytes.length - 1] === 0x0a;
      };
      result = await machine.run({ maxInsns: maxInsns - instructions });
      instructions += result.instructions;
      seconds += result.seconds;
      if (result.reason !== "reboot") break;
      machine = new VirtMachine(options);
      server?.attach(debugTarget(machine));
    }
  } finally {
    terminal.detach();
    server?.close(result === undefined ? 1 : exitStatus(result, harts, "", () => {}));
    trace?.close();
  }
  // A kernel given as the firmware runs in M-mode without an SBI below it: it soon traps for good.
  const stormHint =
    biosPath !== undefined && isLinuxImage(options.bios)
      ? ` (${biosPath} is a Linux kernel Image: give it with --kernel, and firmware such as OpenSBI with --bios)`
      : "";
  const status = exitStatus(result, harts, stormHint, say);
  if (values.stats === true) say(statsLine(instructions, seconds).trimEnd());
  return status;
}
