// `rvhv boot`: a Linux guest in VS-mode under rvhv's TypeScript hypervisor
// (firmware/), its console hvc0 over SBI DBCN on stdin/stdout. Without
// --kernel it boots the cached guest of guest-linux-config/, building it
// first if needed. Power-off exits 0 (1 if the guest reported a system
// failure); a reboot boots the guest again.
import { GuestLoadError } from "../../firmware/guest-loader.js";
import type { GuestConfig } from "../../firmware/guest.js";
import { HGATP_MODE_SV39X4, HGATP_MODE_SV48X4 } from "../../firmware/gstage.js";
import { HypervisorBug } from "../../firmware/hypervisor.js";
import { buildGuest, builtGuest, printGuestProgress } from "../guest/build.js";
import { ElfError } from "../loader/elf.js";
import { HypervisorMachine, type HypervisorRunResult } from "../machine/hypervisor-machine.js";
import { integerOption, parseCommandArgs, UsageError, type OptionSpec } from "./args.js";
import { formatBootStats } from "./boot-stats.js";
import { attachConsole } from "./console.js";
import { InputError, readImage, readInput } from "./input-files.js";
import { EXIT_LIMIT, EXIT_USAGE, statsLine, type Io } from "./io.js";
import { parseMemorySize } from "./memory-size.js";

const BOOT_OPTIONS: OptionSpec = {
  smp: { type: "string" },
  mem: { type: "string" },
  kernel: { type: "string" },
  initrd: { type: "string" },
  append: { type: "string" },
  sstc: { type: "boolean" },
  icount: { type: "boolean" },
  stats: { type: "boolean" },
  "max-insns": { type: "string" },
  gstage: { type: "string" },
  "no-htinst": { type: "boolean" },
};

/** The guest's console is hvc0 (SBI DBCN); earlycon=sbi shows the boot before hvc0 registers. */
const DEFAULT_BOOTARGS = "console=hvc0 earlycon=sbi";
export const MAX_VCPUS = 8;
/** An internal error in rvhv (never the guest's doing). */
const EXIT_INTERNAL = 70;

const GSTAGE_MODES: Record<string, number> = { sv39x4: HGATP_MODE_SV39X4, sv48x4: HGATP_MODE_SV48X4 };

export async function bootCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, BOOT_OPTIONS);
  if (positionals.length > 0) throw new UsageError(`boot takes no file argument ('${positionals[0]}'): use --kernel`);
  const str = (name: string): string | undefined => (values[name] === undefined ? undefined : String(values[name]));
  const vcpus = integerOption(values, "smp", 1, 1, MAX_VCPUS);
  const memBytes = parseMemorySize(str("mem") ?? "256M");
  const maxInsns = integerOption(values, "max-insns", Infinity, 1);
  const gstageName = (str("gstage") ?? "sv39x4").toLowerCase();
  const gstageMode = GSTAGE_MODES[gstageName];
  if (gstageMode === undefined) throw new UsageError(`--gstage is sv39x4 or sv48x4, not '${gstageName}'`);
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

  let config: GuestConfig;
  let machine: HypervisorMachine;
  const options = {
    icount: values.icount === true,
    timed: values.stats === true,
    writesTrapInstruction: values["no-htinst"] !== true,
  };
  try {
    config = {
      memBytes,
      vcpus,
      kernel: readImage("kernel", kernelPath),
      initrd: initrdPath === undefined ? undefined : readInput("initrd", initrdPath),
      bootargs: values.append === undefined ? DEFAULT_BOOTARGS : `${DEFAULT_BOOTARGS} ${String(values.append)}`,
      sstc: values.sstc === true,
      gstageMode,
    };
    machine = new HypervisorMachine({ ...options, guests: [config] });
  } catch (e) {
    if (e instanceof InputError || e instanceof ElfError || e instanceof GuestLoadError)
      io.stderr.write(`rvhv: ${e.message}\n`);
    else if (e instanceof Error && e.message.startsWith("rvhv: ")) io.stderr.write(`${e.message}\n`);
    else throw e;
    return EXIT_USAGE;
  }

  let atLineStart = true;
  const say = (line: string): void => {
    io.stderr.write(`${atLineStart ? "" : "\n"}${line}\n`);
    atLineStart = true;
  };
  const terminal = attachConsole(io.stdin, io.stderr, {
    input: (bytes) => machine.pushConsoleInput(bytes),
    quit: () => machine.stop(),
  });
  let result: HypervisorRunResult;
  let instructions = 0;
  let seconds = 0;
  try {
    for (;;) {
      machine.onConsoleOutput = (bytes) => {
        io.stdout.write(bytes);
        atLineStart = bytes[bytes.length - 1] === 0x0a;
      };
      result = await machine.run({ maxInsns: maxInsns - instructions });
      instructions += result.instructions;
      seconds += result.seconds;
      if (result.reason !== "reboot") break;
      if (values.stats === true) say(formatBootStats(machine, "before the reboot"));
      machine = new HypervisorMachine({ ...options, guests: [config] });
    }
  } catch (e) {
    if (!(e instanceof HypervisorBug)) throw e;
    say(e.message);
    return EXIT_INTERNAL;
  } finally {
    terminal.detach();
  }
  if (values.stats === true) {
    say(formatBootStats(machine));
    say(statsLine(instructions, seconds).trimEnd());
  }
  switch (result.reason) {
    case "max-insns":
      say("rvhv: stopped at the --max-insns limit before the guest powered off");
      return EXIT_LIMIT;
    case "stopped":
      say("rvhv: terminated");
      return 0;
    default:
      return result.exitCode;
  }
}
