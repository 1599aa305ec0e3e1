// The device tree of rvhv's virt machine, laid out as QEMU 7.2 builds it for
// `-M virt` (hw/riscv/virt.c create_fdt*; compare `qemu-system-riscv64 -M
// virt,dumpdtb=q.dtb` decompiled with dtc), restricted to the devices rvhv
// has: harts, RAM, CLINT, PLIC, the 16550 UART and the sifive,test
// power/reset device. CPUs also carry the newer `riscv,isa-base` and
// `riscv,isa-extensions` properties (Linux devicetree bindings,
// riscv/extensions.yaml), which Linux 6.7+ prefers over `riscv,isa`.
// The harts this tree describes: the core with the hypervisor extension loaded.
import "../h-extension/index.js";
import { CACHE_BLOCK_SIZE, IRQ_M_EXT, IRQ_M_SOFT, IRQ_M_TIMER, IRQ_S_EXT } from "../rv64/constants.js";
import { hartIsaExtensions, riscvIsaString } from "../rv64/isa.js";
import { CLINT_BASE, CLINT_SIZE } from "./clint.js";
import { DeviceTree } from "./fdt.js";
import { PLIC_BASE, PLIC_NDEV, PLIC_SIZE } from "./plic.js";
import { SYSCON_BASE, SYSCON_POWEROFF, SYSCON_REBOOT, SYSCON_SIZE } from "./syscon.js";
import { UART_BASE, UART_CLOCK_HZ, UART_IRQ, UART_SIZE } from "./uart16550.js";

export const VIRT_DRAM_BASE = 0x80000000;
/** mtime frequency (virt's RISCV_ACLINT_DEFAULT_TIMEBASE_FREQ). */
export const TIMEBASE_HZ = 10_000_000;

/** Sv57 is the widest mode the page walker implements (Sv39 and Sv48 too). */
const MMU_TYPE = "riscv,sv57";

export interface VirtDtbConfig {
  harts: number;
  memBytes: number;
  bootargs?: string;
  /** The initrd's physical range [start, end), as the kernel will find it. */
  initrd?: { start: number; end: number };
}

/** Builds the virt machine's device tree. */
export function buildVirtDeviceTree(config: VirtDtbConfig): DeviceTree {
  const tree = new DeviceTree();
  const root = tree.root;
  root.setU32("#address-cells", 2);
  root.setU32("#size-cells", 2);
  root.setString("compatible", "riscv-virtio");
  root.setString("model", "riscv-virtio,qemu");

  const chosen = root.addChild("chosen");
  if (config.bootargs !== undefined) chosen.setString("bootargs", config.bootargs);
  chosen.setString("stdout-path", `/soc/serial@${UART_BASE.toString(16)}`);
  if (config.initrd !== undefined) {
    chosen.setU64("linux,initrd-start", config.initrd.start);
    chosen.setU64("linux,initrd-end", config.initrd.end);
  }

  const memory = root.addChild(`memory@${VIRT_DRAM_BASE.toString(16)}`);
  memory.setString("device_type", "memory");
  memory.setU64("reg", VIRT_DRAM_BASE, config.memBytes);

  // CPUs, each with its local interrupt controller (RISC-V CPU bindings,
  // riscv/cpus.yaml); phandles are handed out from the last hart down, as QEMU does.
  const cpus = root.addChild("cpus");
  cpus.setU32("#address-cells", 1);
  cpus.setU32("#size-cells", 0);
  cpus.setU32("timebase-frequency", TIMEBASE_HZ);
  const intcPhandles: number[] = new Array(config.harts);
  const cpuPhandles: number[] = new Array(config.harts);
  const cpuNodes = Array.from({ length: config.harts }, (_, id) => cpus.addChild(`cpu@${id.toString(16)}`));
  for (let id = config.harts - 1; id >= 0; id--) {
    const cpu = cpuNodes[id];
    cpuPhandles[id] = cpu.phandle();
    cpu.setString("device_type", "cpu");
    cpu.setU32("reg", id);
    cpu.setString("status", "okay");
    cpu.setString("compatible", "riscv");
    cpu.setString("riscv,isa", riscvIsaString());
    cpu.setString("riscv,isa-base", "rv64i");
    cpu.setStrings("riscv,isa-extensions", hartIsaExtensions());
    cpu.setU32("riscv,cbom-block-size", CACHE_BLOCK_SIZE);
    cpu.setU32("riscv,cboz-block-size", CACHE_BLOCK_SIZE);
    cpu.setString("mmu-type", MMU_TYPE);
    const intc = cpu.addChild("interrupt-controller");
    intc.setU32("#interrupt-cells", 1);
    // Not in QEMU 7.2's tree; dtc's interrupt_provider check asks for it.
    intc.setU32("#address-cells", 0);
    intc.setEmpty("interrupt-controller");
    intc.setString("compatible", "riscv,cpu-intc");
    intcPhandles[id] = intc.phandle();
  }
  const cluster = cpus.addChild("cpu-map").addChild("cluster0");
  for (let id = 0; id < config.harts; id++) cluster.addChild(`core${id}`).setU32("cpu", cpuPhandles[id]);

  const soc = root.addChild("soc");
  soc.setU32("#address-cells", 2);
  soc.setU32("#size-cells", 2);
  soc.setString("compatible", "simple-bus");
  soc.setEmpty("ranges");

  const perHart = (irqs: number[]): number[] => intcPhandles.flatMap((p) => irqs.flatMap((irq) => [p, irq]));

  const clint = soc.addChild(`clint@${CLINT_BASE.toString(16)}`);
  clint.setStrings("compatible", ["sifive,clint0", "riscv,clint0"]);
  clint.setU64("reg", CLINT_BASE, CLINT_SIZE);
  clint.setU32("interrupts-extended", ...perHart([IRQ_M_SOFT, IRQ_M_TIMER]));

  const plic = soc.addChild(`plic@${PLIC_BASE.toString(16)}`);
  const plicPhandle = plic.phandle();
  plic.setU32("#interrupt-cells", 1);
  plic.setU32("#address-cells", 0);
  plic.setStrings("compatible", ["sifive,plic-1.0.0", "riscv,plic0"]);
  plic.setEmpty("interrupt-controller");
  // Contexts in order: hart 0 M, hart 0 S, hart 1 M, ...
  plic.setU32("interrupts-extended", ...perHart([IRQ_M_EXT, IRQ_S_EXT]));
  plic.setU64("reg", PLIC_BASE, PLIC_SIZE);
  plic.setU32("riscv,ndev", PLIC_NDEV);

  const serial = soc.addChild(`serial@${UART_BASE.toString(16)}`);
  serial.setString("compatible", "ns16550a");
  serial.setU64("reg", UART_BASE, UART_SIZE);
  serial.setU32("clock-frequency", UART_CLOCK_HZ);
  serial.setU32("interrupt-parent", plicPhandle);
  serial.setU32("interrupts", UART_IRQ);

  const test = soc.addChild(`test@${SYSCON_BASE.toString(16)}`);
  const testPhandle = test.phandle();
  test.setStrings("compatible", ["sifive,test1", "sifive,test0", "syscon"]);
  test.setU64("reg", SYSCON_BASE, SYSCON_SIZE);

  // Linux's syscon-poweroff / syscon-reboot drivers write `value` to `offset` in the regmap.
  for (const [name, value] of [
    ["poweroff", SYSCON_POWEROFF],
    ["reboot", SYSCON_REBOOT],
  ] as const) {
    const node = root.addChild(name);
    node.setString("compatible", `syscon-${name}`);
    node.setU32("regmap", testPhandle);
    node.setU32("offset", 0);
    node.setU32("value", value);
  }
  return tree;
}
