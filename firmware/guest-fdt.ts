// The guest's device tree, laid out as kvmtool's riscv/fdt.c writes it for
// a KVM guest: a dummy-virt root, /chosen (bootargs, initrd, stdout-path),
// /memory, and /cpus with one node per vCPU (mmu-type, the ISA in both the
// riscv,isa-base/riscv,isa-extensions form Linux 6.12 reads first and the
// riscv,isa string for older kernels, and a riscv,cpu-intc child). Emulated
// devices (an NS16550A UART) sit on a simple-bus as kvmtool's do.
import { DeviceTree } from "../src/devices/fdt.js";
import { TIMEBASE_HZ } from "../src/devices/virt-dtb.js";
import { riscvIsaString } from "../src/rv64/isa.js";
import { IRQ_S_EXT } from "../src/rv64/constants.js";
import { GUEST_RAM_BASE } from "./guest-memory.js";

/**
 * The ISA a vCPU offers its guest: what the hart implements in VS/VU-mode
 * and the hypervisor lets through. No H (no nested virtualization), no
 * Zicbo*, Svpbmt or Svadu (their henvcfg enables stay off); Sstc only when
 * the hypervisor enables it in henvcfg.
 */
// prettier-ignore
const GUEST_EXTENSIONS: readonly string[] = [
  "i", "m", "a", "f", "d", "c",
  "zicntr", "zicond", "zicsr", "zifencei", "zihintpause",
  "zfa", "zfh", "zfhmin",
  "zba", "zbb", "zbc", "zbkb", "zbkc", "zbkx", "zbs",
];

export function guestIsaExtensions(sstc: boolean): string[] {
  return sstc ? [...GUEST_EXTENSIONS, "sstc", "svnapot"] : [...GUEST_EXTENSIONS, "svnapot"];
}

/** A device the guest sees, for its node. */
export interface GuestFdtDevice {
  node: string;
  compatible: string;
  base: number;
  size: number;
  clockFrequency?: number;
  /** Its PLIC source, when it has an interrupt line. */
  irq?: number;
}

/** The emulated PLIC: one S-level context per vCPU (as kvmtool's riscv/plic.c). */
export interface GuestFdtPlic {
  base: number;
  size: number;
  sources: number;
}

export interface GuestFdtConfig {
  vcpus: number;
  memBytes: number;
  bootargs: string;
  sstc: boolean;
  initrd?: { start: number; end: number };
  devices: readonly GuestFdtDevice[];
  plic?: GuestFdtPlic;
  /** The device /chosen/stdout-path names (the first UART), if any. */
  stdout?: GuestFdtDevice;
}

/** VS-stage translation modes the vCPU walks: Sv39, Sv48 and Sv57 (mmu-type names the largest). */
const GUEST_MMU_TYPE = "riscv,sv57";

export function buildGuestDeviceTree(config: GuestFdtConfig): DeviceTree {
  const tree = new DeviceTree();
  const root = tree.root;
  root.setString("compatible", "linux,dummy-virt");
  root.setU32("#address-cells", 2);
  root.setU32("#size-cells", 2);

  const chosen = root.addChild("chosen");
  chosen.setString("bootargs", config.bootargs);
  if (config.initrd !== undefined) {
    chosen.setU64("linux,initrd-start", config.initrd.start);
    chosen.setU64("linux,initrd-end", config.initrd.end);
  }
  if (config.stdout !== undefined) chosen.setString("stdout-path", `/smb/${nodeName(config.stdout)}`);

  const memory = root.addChild("memory");
  memory.setString("device_type", "memory");
  memory.setU64("reg", GUEST_RAM_BASE, config.memBytes);

  const cpus = root.addChild("cpus");
  cpus.setU32("#address-cells", 1);
  cpus.setU32("#size-cells", 0);
  cpus.setU32("timebase-frequency", TIMEBASE_HZ);
  const extensions = guestIsaExtensions(config.sstc);
  const intcPhandles: number[] = [];
  for (let id = 0; id < config.vcpus; id++) {
    const cpu = cpus.addChild(`cpu@${id.toString(16)}`);
    cpu.setString("device_type", "cpu");
    cpu.setString("compatible", "riscv");
    cpu.setString("mmu-type", GUEST_MMU_TYPE);
    cpu.setU32("reg", id);
    cpu.setString("status", "okay");
    cpu.setString("riscv,isa", riscvIsaString(extensions));
    cpu.setString("riscv,isa-base", "rv64i");
    cpu.setStrings("riscv,isa-extensions", extensions);
    const intc = cpu.addChild("interrupt-controller");
    intc.setU32("#interrupt-cells", 1);
    intc.setU32("#address-cells", 0);
    intc.setEmpty("interrupt-controller");
    intc.setString("compatible", "riscv,cpu-intc");
    intcPhandles.push(intc.phandle());
  }

  if (config.devices.length > 0) {
    const smb = root.addChild("smb");
    smb.setString("compatible", "simple-bus");
    smb.setU32("#address-cells", 2);
    smb.setU32("#size-cells", 2);
    smb.setEmpty("ranges");
    let plicPhandle = 0;
    if (config.plic !== undefined) {
      const plic = smb.addChild(`interrupt-controller@${config.plic.base.toString(16)}`);
      plicPhandle = plic.phandle();
      plic.setStrings("compatible", ["sifive,plic-1.0.0", "riscv,plic0"]);
      plic.setU64("reg", config.plic.base, config.plic.size);
      plic.setU32("#interrupt-cells", 1);
      plic.setU32("#address-cells", 0);
      plic.setEmpty("interrupt-controller");
      plic.setU32("riscv,ndev", config.plic.sources);
      // Context i is vCPU i's supervisor external interrupt.
      plic.setU32("interrupts-extended", ...intcPhandles.flatMap((p) => [p, IRQ_S_EXT]));
    }
    for (const dev of config.devices) {
      const node = smb.addChild(nodeName(dev));
      node.setString("compatible", dev.compatible);
      node.setU64("reg", dev.base, dev.size);
      if (dev.clockFrequency !== undefined) node.setU32("clock-frequency", dev.clockFrequency);
      if (dev.irq !== undefined && plicPhandle !== 0) {
        node.setU32("interrupt-parent", plicPhandle);
        node.setU32("interrupts", dev.irq);
      }
    }
  }
  return tree;
}

function nodeName(dev: GuestFdtDevice): string {
  return `${dev.node}@${dev.base.toString(16)}`;
}
