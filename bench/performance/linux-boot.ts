// The Linux guest's boot to its marker: the cached Image and initramfs
// (`npx rvhv guest build`), one hart, LINUX_RAM_MIB of RAM and
// `rvhv.poweroff` on the kernel command line (the guest's /init prints
// "rvhv-guest: ready" and powers off at once). Each run is a child process:
//
//   OpenSBI  rvhv run --machine virt --bios fw_jump.elf: the kernel in
//            S-mode under Debian's OpenSBI (natively), console ttyS0
//   PV       rvhv boot: the same kernel in VS-mode under rvhv's TypeScript
//            hypervisor, console hvc0 (SBI DBCN)
//   qemu     qemu-system-riscv64 -M virt (TCG) on the same firmware, kernel
//            and initramfs, natively
//
// each rvhv one with and without the translation engine, the configurations
// taking turns run by run. Guest time follows the host clock (no --icount,
// as users run it), so the instruction count (rvhv's --stats, boot to
// power-off) varies a little with speed and from run to run: the median is
// shown.
import { MARKER } from "../../test/boot/support.js";
import { runChild, rvhvInvocation, statsOf, type Invocation } from "./child-process.js";
import { largest, median, type Emulator, type Measurement, type Platform } from "./measurement.js";

export const LINUX_RAM_MIB = 256;

const TIMEOUT_MS = 10 * 60_000;

export interface LinuxBootSettings {
  root: string;
  image: string;
  initrd: string;
  /** OpenSBI's fw_jump.elf, for the native boots (rvhv and QEMU). */
  firmware: string;
  iterations: number;
  qemu: boolean;
}

interface BootConfig {
  platform: Platform;
  emulator: Emulator;
  invocation: Invocation;
}

function bootConfigs(s: LinuxBootSettings): BootConfig[] {
  const native = [
    "run",
    "--machine",
    "virt",
    "--bios",
    s.firmware,
    "--kernel",
    s.image,
    "--initrd",
    s.initrd,
    "--append",
    "console=ttyS0 rvhv.poweroff",
    "--smp",
    "1",
    "--mem",
    `${LINUX_RAM_MIB}`,
    "--stats",
  ];
  // rvhv boot puts "console=hvc0 earlycon=sbi" before --append.
  const pv = [
    "boot",
    "--kernel",
    s.image,
    "--initrd",
    s.initrd,
    "--append",
    "rvhv.poweroff",
    "--smp",
    "1",
    "--mem",
    `${LINUX_RAM_MIB}M`,
    "--stats",
  ];
  const configs: BootConfig[] = [
    { platform: "OpenSBI", emulator: "rvhv", invocation: rvhvInvocation(s.root, native) },
    { platform: "OpenSBI", emulator: "rvhv --no-jit", invocation: rvhvInvocation(s.root, [...native, "--no-jit"]) },
    { platform: "PV", emulator: "rvhv", invocation: rvhvInvocation(s.root, pv) },
    { platform: "PV", emulator: "rvhv --no-jit", invocation: rvhvInvocation(s.root, [...pv, "--no-jit"]) },
  ];
  if (s.qemu) {
    configs.push({
      platform: "OpenSBI",
      emulator: "qemu",
      invocation: {
        command: "qemu-system-riscv64",
        args: [
          "-M",
          "virt",
          "-m",
          `${LINUX_RAM_MIB}M`,
          "-smp",
          "1",
          "-nographic",
          "-bios",
          s.firmware,
          "-kernel",
          s.image,
          "-initrd",
          s.initrd,
          "-append",
          "console=ttyS0 rvhv.poweroff",
        ],
      },
    });
  }
  return configs;
}

export async function measureLinuxBoot(s: LinuxBootSettings): Promise<{ rows: Measurement[]; failures: string[] }> {
  const configs = bootConfigs(s);
  const name = (c: BootConfig): string => `linux, ${c.platform}  ${c.emulator}`;
  const samples = new Map(
    configs.map((c) => [
      c,
      { markerS: [] as number[], runS: [] as number[], instructions: [] as number[], rssKiB: [] as number[] },
    ]),
  );
  const failures = new Map<BootConfig, string>();
  for (let i = 1; i <= s.iterations; i++) {
    for (const config of configs) {
      if (failures.has(config)) continue;
      const progress = `  ${i}/${s.iterations}  ${name(config).padEnd(30)}`;
      try {
        const run = await runChild(config.invocation, { cwd: s.root, timeoutMs: TIMEOUT_MS, marker: MARKER });
        const sample = samples.get(config)!;
        sample.markerS.push(run.markerS);
        if (config.emulator !== "qemu") {
          const stats = statsOf(run.stderr);
          sample.instructions.push(stats.instructions);
          sample.runS.push(stats.seconds);
          sample.rssKiB.push(run.peakRssKiB);
        }
        console.log(`${progress} ${run.markerS.toFixed(2)} s to the marker`);
      } catch (e) {
        failures.set(config, `${name(config)}: ${(e as Error).message}`);
        console.log(`${progress} FAILED: ${(e as Error).message}`);
      }
    }
  }
  const rows = configs
    .filter((c) => !failures.has(c))
    .map((c): Measurement => {
      const sample = samples.get(c)!;
      return {
        workload: "linux",
        platform: c.platform,
        emulator: c.emulator,
        guestRamMiB: LINUX_RAM_MIB,
        instructions: median(sample.instructions),
        runS: median(sample.runS),
        processS: median(sample.markerS),
        peakRssKiB: largest(sample.rssKiB),
      };
    });
  return { rows, failures: [...failures.values()] };
}
