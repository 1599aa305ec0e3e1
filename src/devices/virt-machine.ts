// rvhv's virt machine: the memory map, boot protocol and device tree of
// QEMU 7.2's `-M virt` (hw/riscv/virt.c, hw/riscv/boot.c), so Debian's
// OpenSBI and a Linux kernel boot on it as on QEMU.
//
//   0x0000_1000  mask ROM: reset vector + fw_dynamic_info   (reset-rom.ts)
//   0x0010_0000  sifive,test0 power/reset                  (syscon.ts)
//   0x0200_0000  CLINT                                      (clint.ts)
//   0x0c00_0000  PLIC                                       (plic.ts)
//   0x1000_0000  NS16550A UART, PLIC source 10              (uart16550.ts)
//   0x8000_0000  RAM
//
// Boot: the firmware (`bios`) is loaded at 0x8000_0000 (raw) or at its
// physical addresses (ELF), a kernel at the next 2 MiB boundary after it
// (0x8020_0000 for OpenSBI), an initrd at kernel + min(RAM/2, 128 MiB)
// (QEMU 7.2's riscv_load_initrd; 8.1 raised the cap to 512 MiB), the device
// tree at the top of RAM (below 3 GiB) aligned down to 2 MiB
// (riscv_load_fdt). Every hart starts at 0x1000, whose reset code enters
// the firmware at 0x8000_0000 (whatever an ELF's entry, as on QEMU) with
// a0 = hart id, a1 = device tree, a2 = &fw_dynamic_info.
//
// Scheduling: one thread runs the harts in turn, SLICE instructions each,
// in a fixed order. After every slice the timer lines (MTIP from the CLINT;
// STIP and VSTIP from Sstc's stimecmp and vstimecmp) are re-evaluated;
// device registers drive their lines as they are written. When a whole round retires nothing,
// every hart is in WFI with nothing to wake it: the machine sleeps until the
// next timer deadline or console input instead of spinning.
// A hart in a trap storm (the same exception at its trap vector over and
// over, nothing retired: trap-storm-watch.ts) ends the run, as a
// failure would: it can never recover.
//
// Time: mtime runs at 10 MHz. By default it follows the host's monotonic
// clock. With `icount: true` it is derived from the instruction count
// instead: one tick per ICOUNT_INSNS_PER_TICK instruction steps executed by
// any hart (a step is a retired or trapping instruction), and an idle
// machine jumps mtime straight to the next deadline. A run is then
// deterministic given the same console input at the same points.
import { Hart } from "../rv64/hart.js";
import { PhysicalMemory, Ram } from "../rv64/memory.js";
import { JitEngine } from "../jit/engine.js";
import type { Tracer } from "../trace/tracer.js";
import { runHart } from "../rv64/run-loop.js";
import { wakesFromWfi } from "../rv64/interrupts.js";
import { nextSstcDeadline, updateTimerLines } from "../rv64/timer.js";
import { IRQ_M_EXT, IRQ_S_EXT } from "../rv64/constants.js";
import "../h-extension/index.js";
import { hasElfMagic, loadSegments, parseElf } from "../loader/elf.js";
import { TrapStormWatch, type TrapStorm } from "./trap-storm-watch.js";
import { CLINT_BASE, Clint, NEVER_TICKS } from "./clint.js";
import { PLIC_BASE, Plic } from "./plic.js";
import { MROM_BASE, MROM_SIZE, Rom, resetRomImage } from "./reset-rom.js";
import { SYSCON_BASE, SifiveTest, type SysconEvent } from "./syscon.js";
import { UART_BASE, UART_IRQ, Uart16550 } from "./uart16550.js";
import { TIMEBASE_HZ, VIRT_DRAM_BASE, buildVirtDeviceTree } from "./virt-dtb.js";
import { sleepHost } from "../machine/host-sleep.js";
import type { Platform } from "../platform/platform.js";
import { nodePlatform } from "../platform/node.js";
import type { DebugControl } from "../machine/debug-control.js";

export const VIRT_MAX_HARTS = 8;
/** Instructions per hart per scheduling round. */
const SLICE = 1 << 14;
/** icount mode: instruction steps per mtime tick (1 tick = 100 ns, so a nominal 100 MIPS). */
export const ICOUNT_INSNS_PER_TICK = 10;
/** Host time between yields to the event loop while busy (ms), so input and timers get through. */
const YIELD_MS = 10;
const TICKS_PER_MS = TIMEBASE_HZ / 1000;

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
/** RV64 kernels load 2 MiB-aligned (riscv_calc_kernel_start_addr). */
const KERNEL_ALIGN = 2 * MiB;
const FDT_ALIGN = 2 * MiB;
/** riscv_load_fdt keeps the device tree below 3 GiB for 32-bit software. */
const FDT_LIMIT = 3 * GiB;

export interface VirtMachineOptions {
  /** RAM size in bytes (a multiple of 4 KiB, at most 2 GiB). */
  memBytes: number;
  /** Number of harts, 1..8; hart ids 0..harts-1. */
  harts: number;
  /** Firmware (OpenSBI fw_dynamic, or any M-mode program): ELF or raw binary for 0x8000_0000. */
  bios: Uint8Array;
  /** Kernel: a raw Image (or an ELF), entered in S-mode by the firmware. */
  kernel?: Uint8Array;
  initrd?: Uint8Array;
  /** Kernel command line (/chosen/bootargs). */
  bootargs?: string;
  /** Derive mtime from the instruction count (deterministic) instead of the host clock. */
  icount?: boolean;
  /** Run hot code through the translation engine (src/jit/); default true. false: interpret only (--no-jit). */
  jit?: boolean;
  /** The host: Node (the default) or a browser's worker (src/platform/). */
  platform?: Platform;
  /** A debugger holding the run loop (the gdb stub; see src/machine/debug-control.ts). */
  debug?: DebugControl;
  /** Write a commit log (src/trace/): the tracer becomes the harts' page engine, wrapping the translation engine. */
  trace?: Tracer;
}

export interface VirtRunOptions {
  /** Stop once this many instructions have run in this call. */
  maxInsns?: number;
}

export interface VirtRunResult {
  /**
   * "stopped": the host asked (stop()), as QEMU's Ctrl-A x; "trap-storm": a
   * hart traps at its trap vector over and over (see `trapStorm`).
   */
  reason: "poweroff" | "reboot" | "fail" | "max-insns" | "stopped" | "trap-storm";
  /** 0 for poweroff, reboot and stopped, the guest's code for "fail", -1 for "max-insns" and "trap-storm". */
  exitCode: number;
  /** Instruction steps executed by all harts in this call. */
  instructions: number;
  seconds: number;
  /** The trap the hart was stuck in, for reason "trap-storm". */
  trapStorm?: TrapStorm;
}

/** Where boot put things (physical addresses). */
export interface VirtBootLayout {
  firmwareEnd: number;
  /** The kernel's entry (fw_dynamic_info.next_addr), 0 without a kernel. */
  kernelEntry: number;
  kernelEnd: number;
  initrdStart: number;
  initrdEnd: number;
  fdtAddress: number;
}

const hex = (v: number): string => `0x${v.toString(16)}`;
const alignUp = (v: number, a: number): number => Math.ceil(v / a) * a;
const alignDown = (v: number, a: number): number => Math.floor(v / a) * a;

export class VirtMachine {
  readonly phys: PhysicalMemory;
  readonly harts: readonly Hart[];
  readonly clint: Clint;
  readonly plic: Plic;
  readonly uart: Uart16550;
  readonly syscon: SifiveTest;
  readonly layout: VirtBootLayout;
  readonly icount: boolean;
  readonly platform: Platform;

  /** Receives console (UART) output, in batches. */
  onConsoleOutput: (bytes: Uint8Array) => void = (bytes) => this.platform.writeConsole(bytes);

  private readonly dtb: Uint8Array;
  private readonly outBuf = new Uint8Array(4096);
  private outLen = 0;
  private exit: { event: SysconEvent | "stopped"; code: number } | null = null;
  /** The hart inside runHart, if any. */
  private current: Hart | null = null;
  /** Instruction steps over the machine's life (icount time). */
  private steps = 0;
  /** mtime = timeBase + elapsed (ticks); moved by mtime writes and icount jumps. */
  private timeBase = 0;
  private readonly hostEpoch = performance.now();
  /** Resolves the idle wait early (console input arrived). */
  private wake: (() => void) | null = null;
  private running = false;
  private readonly debug: DebugControl | null;
  /** runHart, or the debugger's slice runner. */
  private readonly runSlice: (h: Hart, budget: number) => number;

  constructor(options: VirtMachineOptions) {
    const { memBytes, harts: hartCount } = options;
    if (!Number.isInteger(hartCount) || hartCount < 1 || hartCount > VIRT_MAX_HARTS) {
      throw new Error(`rvhv: the virt machine has 1 to ${VIRT_MAX_HARTS} harts, not ${hartCount}`);
    }
    this.icount = options.icount ?? false;
    this.platform = options.platform ?? nodePlatform;
    const debug = options.debug ?? null;
    this.debug = debug;
    this.runSlice = debug === null ? runHart : (h, budget) => debug.runSlice(h, budget);
    if (debug !== null) debug.wakeMachine = () => this.wake?.();
    this.phys = new PhysicalMemory(new Ram(VIRT_DRAM_BASE, memBytes));
    if (options.jit ?? true) new JitEngine(this.phys);
    options.trace?.attach(this.phys);
    const platform = { readTime: () => this.now() };
    const harts: Hart[] = [];
    for (let i = 0; i < hartCount; i++) {
      const h = new Hart(i, i, this.phys, platform);
      h.pcLo = MROM_BASE;
      harts.push(h);
    }
    this.harts = harts;

    this.clint = new Clint(CLINT_BASE, harts, {
      now: () => this.now(),
      set: (ticks) => {
        this.timeBase += ticks - this.now();
        for (const h of this.harts) updateTimerLines(h);
      },
    });
    this.plic = new Plic(PLIC_BASE, Plic.virtContexts(harts, IRQ_M_EXT, IRQ_S_EXT));
    this.uart = new Uart16550(UART_BASE, (level) => this.plic.setSourceLevel(UART_IRQ, level));
    this.uart.output = (byte) => this.putConsoleByte(byte);
    this.syscon = new SifiveTest(SYSCON_BASE, (event, code) => this.requestExit(event, code));

    this.layout = this.loadImages(options);
    const tree = buildVirtDeviceTree({
      harts: hartCount,
      memBytes,
      bootargs: options.bootargs,
      initrd: options.initrd === undefined ? undefined : { start: this.layout.initrdStart, end: this.layout.initrdEnd },
    });
    this.dtb = tree.toBlob();
    this.placeDeviceTree();

    const rom = new Rom(
      MROM_BASE,
      MROM_SIZE,
      resetRomImage({
        firmwareEntry: BigInt(VIRT_DRAM_BASE),
        fdtAddress: BigInt(this.layout.fdtAddress),
        nextAddress: BigInt(this.layout.kernelEntry),
      }),
    );
    for (const dev of [rom, this.syscon, this.clint, this.plic, this.uart]) this.phys.addDevice(dev);
  }

  /** The device tree blob the harts are given. */
  dumpDtb(): Uint8Array {
    return this.dtb.slice();
  }

  /** Bytes typed on the console: they arrive at the UART's receiver. */
  pushConsoleInput(bytes: Uint8Array): void {
    this.uart.pushInput(bytes);
    this.wake?.();
  }

  /**
   * Ends run() after the current instruction, as the host's quit (QEMU's
   * Ctrl-A x): run() returns reason "stopped". A later run() resumes.
   */
  stop(): void {
    this.requestExit("stopped", 0);
    this.wake?.();
  }

  /** mtime in ticks. */
  now(): number {
    if (this.icount) {
      const h = this.current;
      const steps = this.steps + (h === null ? 0 : h.sliceBudget - h.sliceLeft);
      return this.timeBase + Math.floor(steps / ICOUNT_INSNS_PER_TICK);
    }
    return this.timeBase + Math.floor((performance.now() - this.hostEpoch) * TICKS_PER_MS);
  }

  /** Runs the harts until the guest powers off, resets or fails, or `maxInsns` steps have run. */
  async run(options: VirtRunOptions = {}): Promise<VirtRunResult> {
    if (this.running) throw new Error("VirtMachine.run: already running");
    this.running = true;
    try {
      return await this.runLoop(options.maxInsns ?? Infinity);
    } finally {
      this.running = false;
      this.current = null;
      this.flushConsole();
    }
  }

  private async runLoop(maxInsns: number): Promise<VirtRunResult> {
    const start = performance.now();
    let count = 0;
    let lastYield = start;
    const watches = this.harts.map((h) => new TrapStormWatch(h));
    let storm: TrapStorm | null = null;
    const result = (reason: VirtRunResult["reason"], exitCode: number): VirtRunResult => ({
      reason,
      exitCode,
      instructions: count,
      seconds: (performance.now() - start) / 1000,
      ...(storm === null ? {} : { trapStorm: storm }),
    });
    for (;;) {
      if (this.debug?.stopped === true) await this.heldByDebugger(this.debug);
      let roundSteps = 0;
      for (let i = 0; i < this.harts.length; i++) {
        if (this.exit !== null || count >= maxInsns) break;
        const h = this.harts[i];
        this.current = h;
        const ran = this.runSlice(h, Math.min(SLICE, maxInsns - count));
        this.steps += ran;
        this.current = null;
        count += ran;
        roundSteps += ran;
        this.refreshTimers();
        // A hart in a trap storm never recovers, and would keep the machine
        // busy forever: stop, as for a guest failure.
        storm = watches[i].check(ran);
        if (storm !== null) break;
      }
      this.flushConsole();
      if (this.exit !== null) {
        const { event, code } = this.exit;
        this.exit = null;
        return result(event, code);
      }
      if (storm !== null) return result("trap-storm", -1);
      if (count >= maxInsns) return result("max-insns", -1);
      if (this.debug?.stopped === true) continue;
      if (roundSteps === 0) {
        // Every hart waits: a paced console lets its input in now (uart16550.ts).
        if (this.uart.guestIdle()) continue;
        await this.idle();
        lastYield = performance.now();
      } else if (performance.now() - lastYield >= YIELD_MS) {
        await this.platform.yieldToHost();
        lastYield = performance.now();
      }
    }
  }

  /**
   * Waits while the debugger holds the machine. Guest time stands still
   * meanwhile, as QEMU's virtual clock does while gdb has the VM stopped.
   */
  private async heldByDebugger(debug: DebugControl): Promise<void> {
    const before = this.now();
    await debug.held();
    this.timeBase -= this.now() - before;
  }

  /**
   * Every hart waits for an interrupt and none is deliverable: wait for the
   * next timer deadline or console input. In icount mode time is not the
   * host's, so it jumps to the deadline at once. With no deadline the wait
   * is for input alone; like QEMU, the machine then stays up (a timer keeps
   * the process alive) rather than return.
   */
  private async idle(): Promise<void> {
    // On the host clock a deadline may have passed since the round's last
    // refresh: raise the lines as of now, and if that wakes a hart, run it
    // (the deadline is no longer in the future, so nothing would wake it).
    const now = this.now();
    this.refreshTimers();
    if (this.harts.some((h) => h.waiting && wakesFromWfi(h))) return;
    const deadline = this.nextTimerDeadline(now);
    if (this.icount && deadline !== Infinity) {
      this.timeBase += Math.max(0, deadline - this.now());
      this.refreshTimers();
      return;
    }
    const ms = this.icount ? Infinity : (deadline - this.now()) / TICKS_PER_MS;
    await sleepHost(ms, (wake) => (this.wake = wake));
    this.refreshTimers();
  }

  /**
   * The timer lines against the current time: MTIP from each mtimecmp, and
   * the Sstc comparators (STIP from stimecmp, VSTIP from vstimecmp).
   */
  private refreshTimers(): void {
    this.clint.updateTimers();
    for (const h of this.harts) updateTimerLines(h);
  }

  /**
   * The earliest timer compare value after `after` (mtime ticks): mtimecmp,
   * stimecmp where Sstc is on, vstimecmp - htimedelta where the guest's is;
   * Infinity if none.
   */
  private nextTimerDeadline(after: number): number {
    let next = this.clint.nextDeadline(after);
    for (const h of this.harts) next = Math.min(next, nextSstcDeadline(h, after, NEVER_TICKS));
    return next;
  }

  /**
   * The syscon was written (or stop() called): stop after the current instruction. Shrinking
   * the slice to end with this instruction keeps the hart's count of
   * retired instructions (budget - left) unchanged.
   */
  private requestExit(event: SysconEvent | "stopped", code: number): void {
    this.exit = { event, code };
    this.current?.endSlice();
  }

  private putConsoleByte(byte: number): void {
    this.outBuf[this.outLen++] = byte;
    if (this.outLen === this.outBuf.length) this.flushConsole();
  }

  private flushConsole(): void {
    if (this.outLen === 0) return;
    const bytes = this.outBuf.slice(0, this.outLen);
    this.outLen = 0;
    this.onConsoleOutput(bytes);
  }

  // ---- boot (QEMU hw/riscv/boot.c)

  /** Loads firmware, kernel and initrd into RAM; returns where they went. */
  private loadImages(options: VirtMachineOptions): VirtBootLayout {
    const ram = this.phys.ram;
    const ramEnd = ram.base + ram.size;
    const firmwareEnd = this.loadImage("firmware", options.bios, VIRT_DRAM_BASE).end;

    let kernelEntry = 0;
    let kernelEnd = firmwareEnd;
    if (options.kernel !== undefined) {
      const kernel = this.loadImage("kernel", options.kernel, alignUp(firmwareEnd, KERNEL_ALIGN));
      if (kernel.entry < ram.base || kernel.entry >= ramEnd) {
        throw new Error(
          `rvhv: the kernel's entry point ${hex(kernel.entry)} is outside RAM (a vmlinux ELF? use the raw Image)`,
        );
      }
      kernelEntry = kernel.entry;
      kernelEnd = kernel.end;
    }

    let initrdStart = 0;
    let initrdEnd = 0;
    if (options.initrd !== undefined) {
      if (options.kernel === undefined) throw new Error("rvhv: an initrd needs a kernel");
      initrdStart = kernelEntry + Math.min(ram.size / 2, 128 * MiB);
      initrdEnd = initrdStart + options.initrd.length;
      if (initrdStart < kernelEnd || initrdEnd > ramEnd) {
        throw new Error(
          `rvhv: the initrd (${options.initrd.length} bytes at ${hex(initrdStart)}) does not fit in RAM ` +
            `${hex(ram.base)}..${hex(ramEnd - 1)} beside the kernel (try a larger --mem)`,
        );
      }
      ram.u8.set(options.initrd, initrdStart - ram.base);
    }
    return { firmwareEnd, kernelEntry, kernelEnd, initrdStart, initrdEnd, fdtAddress: 0 };
  }

  /** Loads an ELF at its physical addresses, or a raw image at `rawAddress`. */
  private loadImage(what: string, bytes: Uint8Array, rawAddress: number): { entry: number; end: number } {
    const ram = this.phys.ram;
    if (hasElfMagic(bytes)) {
      const image = parseElf(bytes);
      loadSegments(image, bytes, ram);
      const end = image.segments.reduce((e, s) => (s.addr + s.memSize > e ? s.addr + s.memSize : e), 0n);
      return { entry: Number(image.entry), end: Number(end) };
    }
    const end = rawAddress + bytes.length;
    if (end > ram.base + ram.size) {
      throw new Error(
        `rvhv: the ${what} (${bytes.length} bytes at ${hex(rawAddress)}) does not fit in RAM ending at ${hex(ram.base + ram.size)} (try a larger --mem)`,
      );
    }
    ram.u8.set(bytes, rawAddress - ram.base);
    return { entry: rawAddress, end };
  }

  /** riscv_load_fdt: the top of RAM (or 3 GiB), minus the blob, aligned down to 2 MiB. */
  private placeDeviceTree(): void {
    const ram = this.phys.ram;
    const top = Math.min(ram.base + ram.size, FDT_LIMIT);
    const addr = alignDown(top - this.dtb.length, FDT_ALIGN);
    const used = Math.max(this.layout.kernelEnd, this.layout.initrdEnd);
    if (addr < used || addr < ram.base) {
      throw new Error(
        `rvhv: no room for the device tree above ${hex(used)} in RAM ending at ${hex(top)} (try a larger --mem)`,
      );
    }
    ram.u8.set(this.dtb, addr - ram.base);
    this.layout.fdtAddress = addr;
  }
}
