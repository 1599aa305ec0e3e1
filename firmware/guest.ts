// A guest: its RAM and G-stage table, its emulated devices, its console and
// its vCPUs, created as kvmtool creates a VM (RAM, device tree, kernel at
// RAM + 2 MiB, vCPU 0 started at the kernel entry with a0 = hart id and
// a1 = the device tree, the others stopped until HSM starts them).
import { UART_BASE, UART_CLOCK_HZ, UART_SIZE, Uart16550 } from "../src/devices/uart16550.js";
import type { HartPlatform } from "../src/rv64/hart.js";
import type { MmioDevice, PhysicalMemory } from "../src/rv64/memory.js";
import { loOf, hiOf } from "../src/rv64/int64.js";
import { HSM_STARTED, SRST_COLD_REBOOT, SRST_WARM_REBOOT } from "../src/sbi/constants.js";
import { GuestConsole } from "./guest-console.js";
import { buildGuestDeviceTree, type GuestFdtDevice } from "./guest-fdt.js";
import { FDT_MAX_SIZE, GuestLoadError, loadGuestImages } from "./guest-loader.js";
import { GUEST_RAM_BASE, GuestMemory } from "./guest-memory.js";
import { GStageTable, HGATP_MODE_SV39X4, type TablePool } from "./gstage.js";
import { VcpuSbiHost } from "./sbi-host.js";
import { Vcpu } from "./vcpu.js";

export interface GuestConfig {
  /** Guest RAM in bytes (a multiple of 4 KiB). */
  memBytes: number;
  vcpus: number;
  /** A Linux Image (loaded at RAM + 2 MiB) or an ELF (loaded at its physical addresses). */
  kernel: Uint8Array;
  initrd?: Uint8Array;
  bootargs: string;
  /** Offer Sstc: the guest writes vstimecmp itself (henvcfg.STCE). */
  sstc: boolean;
  /** hgatp mode for the G-stage (Sv39x4 by default). */
  gstageMode?: number;
}

/** How a guest asked to end (SBI SRST, legacy shutdown). */
export interface GuestReset {
  type: number;
  reason: number;
}

export class Guest {
  readonly memory: GuestMemory;
  readonly gstage: GStageTable;
  readonly vcpus: Vcpu[] = [];
  readonly console = new GuestConsole();
  readonly devices: MmioDevice[] = [];
  readonly sstc: boolean;
  /** htimedelta: guest time starts at 0 when the guest is created. */
  readonly timeDeltaLo: number;
  readonly timeDeltaHi: number;
  /** Set when the guest asked for a shutdown or reboot. */
  reset: GuestReset | null = null;
  private codeFlushed = false;

  constructor(
    readonly vmid: number,
    config: GuestConfig,
    hw: {
      phys: PhysicalMemory;
      platform: HartPlatform;
      hostOffset: number;
      tables: TablePool;
      firstHartIndex: number;
      now: number;
      writesTrapInstruction: boolean;
    },
  ) {
    this.sstc = config.sstc;
    this.memory = new GuestMemory(hw.phys, hw.hostOffset, config.memBytes);
    this.gstage = new GStageTable(hw.phys.ram, hw.tables, config.gstageMode ?? HGATP_MODE_SV39X4);
    this.gstage.map(GUEST_RAM_BASE, this.memory.hostBase, config.memBytes);
    this.timeDeltaLo = loOf(-hw.now);
    this.timeDeltaHi = hiOf(-hw.now);

    // The emulated UART (kvmtool's 8250): a console the guest drives by MMIO, without an interrupt line.
    const uart = new Uart16550(UART_BASE, () => {});
    uart.output = (byte) => this.console.write(Uint8Array.of(byte));
    this.devices.push(uart);
    const uartNode: GuestFdtDevice = {
      node: "serial",
      compatible: "ns16550a",
      base: UART_BASE,
      size: UART_SIZE,
      clockFrequency: UART_CLOCK_HZ,
    };

    const layout = loadGuestImages(this.memory, config.kernel, config.initrd);
    const tree = buildGuestDeviceTree({
      vcpus: config.vcpus,
      memBytes: config.memBytes,
      bootargs: config.bootargs,
      sstc: config.sstc,
      initrd: config.initrd === undefined ? undefined : { start: layout.initrdStart, end: layout.initrdEnd },
      devices: [uartNode],
      stdout: uartNode,
    });
    const dtb = tree.toBlob();
    if (dtb.length > FDT_MAX_SIZE)
      throw new GuestLoadError(`the guest device tree is ${dtb.length} bytes, over ${FDT_MAX_SIZE}`);
    this.memory.load(layout.fdtAddress, dtb);

    // hgatp: MODE, VMID (bits 57:44), PPN of the 16 KiB root.
    const ppn = this.gstage.rootPpn;
    const hgatpLo = (ppn % 4294967296) | 0;
    const hgatpHi = (this.gstage.mode << 28) | (vmid << 12) | Math.floor(ppn / 4294967296);
    for (let id = 0; id < config.vcpus; id++) {
      const vcpu = new Vcpu(id, {
        phys: hw.phys,
        platform: hw.platform,
        index: hw.firstHartIndex + id,
        hgatpLo,
        hgatpHi,
        timeDeltaLo: this.timeDeltaLo,
        timeDeltaHi: this.timeDeltaHi,
        sstc: config.sstc,
        writesTrapInstruction: hw.writesTrapInstruction,
      });
      vcpu.sbiCall.host = new VcpuSbiHost(this, vcpu);
      this.vcpus.push(vcpu);
    }
    const boot = this.vcpus[0];
    boot.enterAt(layout.entry, 0, layout.fdtAddress, 0);
    boot.hsmState = HSM_STARTED;
  }

  /** The emulated device covering guest-physical `gpa`, if any. */
  deviceAt(gpa: number): MmioDevice | undefined {
    for (const dev of this.devices) if (gpa >= dev.base && gpa < dev.base + dev.size) return dev;
    return undefined;
  }

  /** SRST: remembered for the machine, which ends or restarts the guest after this slice. */
  requestReset(type: number, reason: number): void {
    this.reset = { type, reason };
  }

  /** Whether the requested reset is a reboot (cold or warm). */
  get rebooting(): boolean {
    return this.reset !== null && (this.reset.type === SRST_COLD_REBOOT || this.reset.type === SRST_WARM_REBOOT);
  }

  /** Called as each SBI call begins, so a call that fences many harts flushes decoded code once. */
  beginSbiCall(): void {
    this.codeFlushed = false;
  }

  flushCodeOnce(): void {
    if (this.codeFlushed) return;
    this.codeFlushed = true;
    this.memory.flushCode();
  }
}
