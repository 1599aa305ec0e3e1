// A guest: its RAM and G-stage table, its emulated devices, its console and
// its vCPUs, created as kvmtool creates a VM (RAM, device tree, kernel at
// RAM + 2 MiB, vCPU 0 started at the kernel entry with a0 = hart id and
// a1 = the device tree, the others stopped until HSM starts them).
//
// Two device models (`--devices`):
//   pv        the console is hvc0 over SBI DBCN; an NS16550A without an
//             interrupt line is there too (it shows MMIO emulation);
//   emulated  full virtualization: the console is the NS16550A (ttyS0),
//             interrupting through an emulated PLIC; both are emulated
//             from guest-page faults. The guest uses SBI only for what a
//             RISC-V guest always must (timer, IPIs, HSM, fences, reset).
import { PLIC_NDEV, PLIC_BASE, PLIC_SIZE, Plic } from "../src/devices/plic.js";
import { UART_BASE, UART_CLOCK_HZ, UART_IRQ, UART_SIZE, Uart16550 } from "../src/devices/uart16550.js";
import { CSR_HVIP, IRQ_VS_EXT } from "../src/rv64/constants.js";
import { readCsr, writeCsr } from "../src/rv64/firmware-access.js";
import type { HartPlatform } from "../src/rv64/hart.js";
import type { MmioDevice, PhysicalMemory } from "../src/rv64/memory.js";
import { hiOf, loOf } from "../src/rv64/int64.js";
import { HSM_STARTED, SRST_COLD_REBOOT, SRST_WARM_REBOOT } from "../src/sbi/constants.js";
import type { GuestConsole } from "./guest-console.js";
import { buildGuestDeviceTree, type GuestFdtDevice } from "./guest-fdt.js";
import { FDT_MAX_SIZE, GuestLoadError, loadGuestImages } from "./guest-loader.js";
import { GuestMemory } from "./guest-memory.js";
import type { GStageTable } from "./gstage.js";
import { VcpuSbiHost } from "./sbi-host.js";
import { Vcpu } from "./vcpu.js";

export type GuestDevices = "pv" | "emulated";

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
  /** The device model (pv by default). */
  devices?: GuestDevices;
  /** hgatp mode for the G-stage (Sv39x4 by default). */
  gstageMode?: number;
  /** Map guest RAM in the G-stage on first touch, 4 KiB at a time (as KVM), instead of all up front. */
  lazyGstage?: boolean;
}

/** How a guest asked to end (SBI SRST, legacy shutdown). */
export interface GuestReset {
  type: number;
  reason: number;
}

/** What a guest keeps across reboots: its place in the host and its console. */
export interface GuestPlacement {
  vmid: number;
  hostOffset: number;
  gstage: GStageTable;
  firstHartIndex: number;
  console: GuestConsole;
}

/** The host side a guest is built on. */
export interface GuestHost {
  phys: PhysicalMemory;
  platform: HartPlatform;
  writesTrapInstruction: boolean;
}

const VSEIP = 1 << IRQ_VS_EXT;

export class Guest {
  readonly memory: GuestMemory;
  readonly vcpus: Vcpu[] = [];
  readonly devices: MmioDevice[] = [];
  readonly uart: Uart16550;
  readonly sstc: boolean;
  readonly deviceModel: GuestDevices;
  /** htimedelta: guest time starts at 0 when the guest is created. */
  readonly timeDeltaLo: number;
  readonly timeDeltaHi: number;
  /** Set when the guest asked for a shutdown or reboot. */
  reset: GuestReset | null = null;
  /** The guest has shut down for good (its vCPUs never run again). */
  ended = false;

  constructor(
    readonly config: GuestConfig,
    readonly placement: GuestPlacement,
    host: GuestHost,
  ) {
    this.sstc = config.sstc;
    this.deviceModel = config.devices ?? "pv";
    this.memory = new GuestMemory(host.phys, placement.hostOffset, config.memBytes);
    const now = host.platform.readTime();
    this.timeDeltaLo = loOf(-now);
    this.timeDeltaHi = hiOf(-now);

    // vCPUs first: the PLIC's contexts drive their VSEIP.
    const gstage = placement.gstage;
    const ppn = gstage.rootPpn;
    // hgatp: MODE, VMID (bits 57:44), PPN of the 16 KiB root.
    const hgatpLo = (ppn % 4294967296) | 0;
    const hgatpHi = (gstage.mode << 28) | (placement.vmid << 12) | Math.floor(ppn / 4294967296);
    for (let id = 0; id < config.vcpus; id++) {
      const vcpu = new Vcpu(id, {
        phys: host.phys,
        platform: host.platform,
        index: placement.firstHartIndex + id,
        hgatpLo,
        hgatpHi,
        timeDeltaLo: this.timeDeltaLo,
        timeDeltaHi: this.timeDeltaHi,
        sstc: config.sstc,
        writesTrapInstruction: host.writesTrapInstruction,
      });
      vcpu.sbiCall.host = new VcpuSbiHost(this, vcpu);
      this.vcpus.push(vcpu);
    }

    const console = placement.console;
    const fdtDevices: GuestFdtDevice[] = [];
    const uartNode: GuestFdtDevice = {
      node: "serial",
      compatible: "ns16550a",
      base: UART_BASE,
      size: UART_SIZE,
      clockFrequency: UART_CLOCK_HZ,
    };
    let plic: Plic | undefined;
    if (this.deviceModel === "emulated") {
      plic = new Plic(
        PLIC_BASE,
        this.vcpus.map((vcpu) => ({ target: { setIrqLine: (_bit, level) => setVseip(vcpu, level) }, bit: 0 })),
      );
      const p = plic;
      this.uart = new Uart16550(UART_BASE, (level) => p.setSourceLevel(UART_IRQ, level));
      uartNode.irq = UART_IRQ;
      console.onInput = (bytes) => this.uart.pushInput(bytes);
      this.devices.push(plic);
    } else {
      // kvmtool's 8250 without an interrupt line: Linux polls it.
      this.uart = new Uart16550(UART_BASE, () => {});
      console.onInput = null;
    }
    this.uart.output = (byte) => console.writeByte(byte);
    this.devices.push(this.uart);
    fdtDevices.push(uartNode);

    const layout = loadGuestImages(this.memory, config.kernel, config.initrd);
    const tree = buildGuestDeviceTree({
      vcpus: config.vcpus,
      memBytes: config.memBytes,
      bootargs: config.bootargs,
      sstc: config.sstc,
      initrd: config.initrd === undefined ? undefined : { start: layout.initrdStart, end: layout.initrdEnd },
      devices: fdtDevices,
      plic: plic === undefined ? undefined : { base: PLIC_BASE, size: PLIC_SIZE, sources: PLIC_NDEV },
      stdout: uartNode,
    });
    const dtb = tree.toBlob();
    if (dtb.length > FDT_MAX_SIZE)
      throw new GuestLoadError(`the guest device tree is ${dtb.length} bytes, over ${FDT_MAX_SIZE}`);
    this.memory.load(layout.fdtAddress, dtb);

    const boot = this.vcpus[0];
    boot.enterAt(layout.entry, 0, layout.fdtAddress, 0);
    boot.hsmState = HSM_STARTED;
  }

  get vmid(): number {
    return this.placement.vmid;
  }

  get console(): GuestConsole {
    return this.placement.console;
  }

  get gstage(): GStageTable {
    return this.placement.gstage;
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
}

/** The PLIC's context for a vCPU drives its VS-level external interrupt (hvip.VSEIP). */
function setVseip(vcpu: Vcpu, level: boolean): void {
  const h = vcpu.hart;
  const hvip = readCsr(h, CSR_HVIP);
  if (((hvip & VSEIP) !== 0) === level) return;
  writeCsr(h, CSR_HVIP, level ? hvip | VSEIP : hvip & ~VSEIP, 0);
}
