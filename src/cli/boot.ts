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
import { HypervisorMachine, type HypervisorRunResult } from "../machine/hypervisor-machine.js";
import { integerOption, parseCommandArgs, UsageError, type OptionSpec } from "./args.js";
import { formatBootStats } from "./boot-stats.js";
import { attachConsole } from "./console.js";
import { guestOutput } from "./guest-output.js";
import { InputError, readImage, readInput } from "./input-files.js";
import { EXIT_LIMIT, EXIT_USAGE, statsLine, type Io } from "./io.js";
import { parseMemorySize } from "./memory-size.js";
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
  ...TRACE_OPTIONS,
};

/**
 * The kernel command line of each device model: the PV console is hvc0
 * (SBI DBCN; earlycon=sbi shows the boot before hvc0 registers), the
 * emulated one ttyS0 (its early console from stdout-path).
 */
const DEFAULT_BOOTARGS: Record<GuestDevices, string> = {
  pv: "console=hvc0 earlycon=sbi",
  emulated: "console=ttyS0 earlycon",
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
      bootargs:
        values.append === undefined
          ? DEFAULT_BOOTARGS[devices]
          : `${DEFAULT_BOOTARGS[devices]} ${String(values.append)}`,
      sstc: values.sstc === true,
      devices,
      gstageMode,
      lazyGstage: values["lazy-gstage"] === true,
    };
    machine = new HypervisorMachine({
      guests: Array.from({ length: guests }, () => config),
      icount: values.icount === true,
      jit: values["no-jit"] !== true,
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

  const output = guestOutput(io.stdout, guests, str("console-dir"));
  const say = (line: string): void => {
    io.stderr.write(`${output.atLineStart ? "" : "\n"}${line}\n`);
  };
  const terminal = attachConsole(io.stdin, io.stderr, {
    input: (bytes) => machine.pushConsoleInput(bytes),
    quit: () => machine.stop(),
  });
  // A script's input reaches an emulated UART only as the guest reads it (uart16550.ts).
  machine.pacedInput = !terminal.interactive;
  machine.onConsoleOutput = (guest, bytes) => output.write(guest, bytes);
  let result: HypervisorRunResult;
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
  }
  if (values.stats === true) {
    say(formatBootStats(machine));
    say(statsLine(result.instructions, result.seconds).trimEnd());
  }
  switch (result.reason) {
    case "max-insns":
      say("rvhv: stopped at the --max-insns limit before the guests powered off");
      return EXIT_LIMIT;
    case "stopped":
      say("rvhv: terminated");
      return 0;
    default:
      return result.exitCode;
  }
}
