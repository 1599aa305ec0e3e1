// `rvhv boot`: Linux guests in VS-mode under rvhv's TypeScript hypervisor
// (firmware/). Without --kernel it boots the cached guest of
// guest-linux-config/, building it first if needed. With one guest its
// console is the terminal; with --guests K each guest's lines are prefixed
// `[gN]` (or go to --console-dir), and typed input goes to guest 0. A guest
// that powers off ends alone, one that reboots boots again; the run ends
// when every guest has ended: exit 0, or 1 if one reported a system failure.
import { GuestLoadError } from "../../firmware/guest-loader.js";
import type { GuestConfig, GuestDevices } from "../../firmware/guest.js";
import { HGATP_MODE_SV39X4, HGATP_MODE_SV48X4 } from "../../firmware/gstage.js";
import { HypervisorBug } from "../../firmware/hypervisor.js";
import { buildGuest, builtGuest, printGuestProgress } from "../guest/build.js";
import { ElfError } from "../loader/elf.js";
import { guestBootargs } from "../machine/bootargs.js";
import { HypervisorMachine, type HypervisorRunResult } from "../machine/hypervisor-machine.js";
import { integerOption, parseCommandArgs, UsageError, type OptionSpec } from "./args.js";
import { formatBootStats } from "./boot-stats.js";
import { attachConsole } from "./console.js";
import { guestOutput } from "./guest-output.js";
import { InputError, readImage, readInput } from "./input-files.js";
import { EXIT_LIMIT, EXIT_USAGE, statsLine, type Io } from "./io.js";
import { parseMemorySize } from "./memory-size.js";
import { GDB_OPTIONS, gdbRequest, listenForGdb } from "./gdb-stub.js";
import { Execution } from "../gdb/execution.js";
import { guestTarget } from "../gdb/guest-target.js";
import { openTrace, TRACE_OPTIONS, type TraceOutput } from "./trace-options.js";

const BOOT_OPTIONS: OptionSpec = {
  smp: { type: "string" },
  mem: { type: "string" },
  kernel: { type: "string" },
  initrd: { type: "string" },
  append: { type: "string" },
  devices: { type: "string" },
  guests: { type: "string" },
  "console-dir": { type: "string" },
  sstc: { type: "boolean" },
  icount: { type: "boolean" },
  stats: { type: "boolean" },
  "max-insns": { type: "string" },
  gstage: { type: "string" },
  "lazy-gstage": { type: "boolean" },
  "no-htinst": { type: "boolean" },
  "no-jit": { type: "boolean" },
  ...GDB_OPTIONS,
  ...TRACE_OPTIONS,
};

export const MAX_VCPUS = 8;
export const MAX_GUESTS = 8;
/** An internal error in rvhv (never the guest's doing). */
const EXIT_INTERNAL = 70;

const GSTAGE_MODES: Record<string, number> = { sv39x4: HGATP_MODE_SV39X4, sv48x4: HGATP_MODE_SV48X4 };

export async function bootCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, BOOT_OPTIONS);
  if (positionals.length > 0) throw new UsageError(`boot takes no file argument ('${positionals[0]}'): use --kernel`);
  const str = (name: string): string | undefined => (values[name] === undefined ? undefined : String(values[name]));
  const vcpus = integerOption(values, "smp", 1, 1, MAX_VCPUS);
  const guests = integerOption(values, "guests", 1, 1, MAX_GUESTS);
  const memBytes = parseMemorySize(str("mem") ?? "256M");
  const maxInsns = integerOption(values, "max-insns", Infinity, 1);
  const gstageName = (str("gstage") ?? "sv39x4").toLowerCase();
  const gstageMode = GSTAGE_MODES[gstageName];
  if (gstageMode === undefined) throw new UsageError(`--gstage is sv39x4 or sv48x4, not '${gstageName}'`);
  const devices = (str("devices") ?? "pv") as GuestDevices;
  if (devices !== "pv" && devices !== "emulated") throw new UsageError(`--devices is pv or emulated, not '${devices}'`);
  let kernelPath = str("kernel");
  let initrdPath = str("initrd");
  if (initrdPath !== undefined && kernelPath === undefined) throw new UsageError("--initrd needs --kernel");
  const gdb = gdbRequest(values);
  const execution = gdb === null ? undefined : new Execution(gdb.wait);

  if (kernelPath === undefined) {
    // The cached guest of guest-linux-config/, built on first use.
    let guest = builtGuest();
    if (guest === null) {
      io.stderr.write("rvhv: building the Linux guest first (once; 6 to 20 minutes)\n");
      try {
        guest = await buildGuest({ onProgress: printGuestProgress(process.stderr) });
      } catch (e) {
        io.stderr.write(`${(e as Error).message}\n`);
        return 1;
      }
    }
    kernelPath = guest.image;
    initrdPath = guest.initrd;
  }

  let machine: HypervisorMachine;
  let trace: TraceOutput | null = null;
  try {
    trace = openTrace(values, true);
    const config: GuestConfig = {
      memBytes,
      vcpus,
      kernel: readImage("kernel", kernelPath),
      initrd: initrdPath === undefined ? undefined : readInput("initrd", initrdPath),
      bootargs: guestBootargs(devices, str("append")),
      sstc: values.sstc === true,
      devices,
      gstageMode,
      lazyGstage: values["lazy-gstage"] === true,
    };
    machine = new HypervisorMachine({
      guests: Array.from({ length: guests }, () => config),
      icount: values.icount === true,
      // The translation engine's blocks would run past a breakpoint: the stub interprets.
      jit: values["no-jit"] !== true && gdb === null,
      debug: execution,
      timed: values.stats === true,
      writesTrapInstruction: values["no-htinst"] !== true,
      trace: trace?.tracer,
    });
  } catch (e) {
    trace?.close();
    if (e instanceof InputError || e instanceof ElfError || e instanceof GuestLoadError)
      io.stderr.write(`rvhv: ${e.message}\n`);
    else if (e instanceof Error && e.message.startsWith("rvhv: ")) io.stderr.write(`${e.message}\n`);
    else throw e;
    return EXIT_USAGE;
  }

  const server = gdb === null || execution === undefined ? null : await listenForGdb(gdb, execution, io);
  if (gdb !== null && server === null) return EXIT_USAGE;
  server?.attach(guestTarget(machine));
  // A rebooted guest has new vCPUs: the debugger's threads are theirs.
  if (server !== null) machine.onGuestReboot = () => server.attach(guestTarget(machine));

  const output = guestOutput(io.stdout, guests, str("console-dir"));
  const say = (line: string): void => {
    io.stderr.write(`${output.atLineStart ? "" : "\n"}${line}\n`);
  };
  const terminal = attachConsole(io.stdin, io.stderr, {
    input: (bytes) => machine.pushConsoleInput(bytes),
    quit: () => {
      machine.stop();
      // A machine the debugger holds ends too.
      execution?.resume(null);
    },
  });
  // A script's input reaches an emulated UART only as the guest reads it (uart16550.ts).
  machine.pacedInput = !terminal.interactive;
  machine.onConsoleOutput = (guest, bytes) => output.write(guest, bytes);
  let result: HypervisorRunResult | undefined;
  try {
    result = await machine.run({ maxInsns });
  } catch (e) {
    if (!(e instanceof HypervisorBug)) throw e;
    say(e.message);
    return EXIT_INTERNAL;
  } finally {
    terminal.detach();
    trace?.close();
    await output.close();
    server?.close(result === undefined ? EXIT_INTERNAL : bootExitStatus(result));
  }
  if (values.stats === true) {
    say(formatBootStats(machine));
    say(statsLine(result.instructions, result.seconds).trimEnd());
  }
  if (result.reason === "max-insns") say("rvhv: stopped at the --max-insns limit before the guests powered off");
  else if (result.reason === "stopped") say("rvhv: terminated");
  return bootExitStatus(result);
}

/** The process status for how the run ended. */
function bootExitStatus(result: HypervisorRunResult): number {
  switch (result.reason) {
    case "max-insns":
      return EXIT_LIMIT;
    case "stopped":
      return 0;
    default:
      return result.exitCode;
  }
}
