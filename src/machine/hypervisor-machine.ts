// The machine `rvhv boot` runs: harts, RAM and a clock, with rvhv's
// TypeScript hypervisor (firmware/) as the firmware that owns M and HS.
// There is no machine code below the guests: every trap from a guest into
// HS goes to the hypervisor, and the guests see only what it emulates.
//
// One or more guests share the host's processor, time-sliced by the
// hypervisor's scheduler. A guest that shuts down ends alone; one that
// reboots starts again in its place; the run ends when every guest has
// ended (or the host stops it).
//
// Scheduling and time work as on the virt machine (src/devices/virt-machine.ts):
// rounds of slices on one host thread; mtime at 10 MHz from the host clock,
// or with `icount` from the instruction count (deterministic). When every
// vCPU is halted (WFI, HSM stop or suspend) the process sleeps until the
// next guest timer or console input, so an idle guest costs no host CPU.
import { PhysicalMemory, Ram } from "../rv64/memory.js";
import { JitEngine } from "../jit/engine.js";
import type { Tracer } from "../trace/tracer.js";
import type { Hart } from "../rv64/hart.js";
import { TIMEBASE_HZ } from "../devices/virt-dtb.js";
import "../h-extension/index.js";
import { Hypervisor, type HypervisorOptions } from "../../firmware/hypervisor.js";
import type { Guest, GuestConfig } from "../../firmware/guest.js";
import { refreshTimers, runRound, type Processor } from "../../firmware/scheduler.js";
import { GUEST_RAM_BASE } from "../../firmware/guest-memory.js";
import { HSM_STOPPED, SRST_REASON_NONE } from "../sbi/constants.js";
import { wakesFromWfi } from "../rv64/interrupts.js";
import { sleepHost } from "./host-sleep.js";
import type { Platform } from "../platform/platform.js";
import { nodePlatform } from "../platform/node.js";
import type { DebugControl } from "./debug-control.js";
import { runHart } from "../rv64/run-loop.js";

/** icount mode: instruction steps per mtime tick (as the virt machine). */
const ICOUNT_INSNS_PER_TICK = 10;
const YIELD_MS = 10;
const TICKS_PER_MS = TIMEBASE_HZ / 1000;
/** The largest host RAM the core supports. */
export const MAX_HOST_RAM = 2 * 1024 * 1024 * 1024;

export interface HypervisorMachineOptions extends HypervisorOptions {
  guests: GuestConfig[];
  icount?: boolean;
  /** Run hot code through the translation engine (src/jit/); default true. false: interpret only (--no-jit). */
  jit?: boolean;
  /** The host: Node (the default) or a browser's worker (src/platform/). */
  platform?: Platform;
  /** A debugger holding the run loop (the gdb stub; see debug-control.ts). */
  debug?: DebugControl;
  /** Write a commit log (src/trace/): the tracer becomes the harts' page engine, wrapping the translation engine. */
  trace?: Tracer;
}

export interface HypervisorRunResult {
  /**
   * poweroff: every guest shut down (exit code 0, or 1 if one reported a
   * system failure); stopped by the host; max-insns.
   */
  reason: "poweroff" | "max-insns" | "stopped";
  exitCode: number;
  instructions: number;
  seconds: number;
}

export class HypervisorMachine {
  readonly phys: PhysicalMemory;
  readonly hypervisor: Hypervisor;
  readonly icount: boolean;
  readonly platform: Platform;
  /** Receives guest `guest`'s console output, in batches (the array is only valid during the call). */
  onConsoleOutput: (guest: number, bytes: Uint8Array) => void = (_guest, bytes) => this.platform.writeConsole(bytes);
  /** Called when guest `guest` reboots (it is already running again). */
  onGuestReboot: (guest: number) => void = () => {};

  private readonly outBufs: Uint8Array[];
  private readonly outLens: number[];
  private steps = 0;
  private current: Hart | null = null;
  private timeBase = 0;
  private readonly hostEpoch = performance.now();
  private stopRequested = false;
  private wake: (() => void) | null = null;
  /** Host milliseconds spent running guests (not asleep in idle). */
  private busyMs = 0;
  /** Instructions the guests have run, over every run(). */
  instructionsRun = 0;
  /** The worst shutdown reason so far: 0 none, 1 a system failure. */
  private failure = 0;
  private readonly debug: DebugControl | null;

  constructor(options: HypervisorMachineOptions) {
    this.icount = options.icount ?? false;
    this.platform = options.platform ?? nodePlatform;
    this.debug = options.debug ?? null;
    if (this.debug !== null) this.debug.wakeMachine = () => this.wake?.();
    const ramBytes = Hypervisor.hostRamBytes(options.guests);
    if (ramBytes > MAX_HOST_RAM) {
      throw new RangeError(
        `rvhv: the guests need ${Math.ceil(ramBytes / 2 ** 20)} MiB of host RAM; at most ${MAX_HOST_RAM / 2 ** 20} MiB ` +
          "are possible (try a smaller --mem or fewer --guests)",
      );
    }
    this.phys = new PhysicalMemory(new Ram(GUEST_RAM_BASE, ramBytes));
    if (options.jit ?? true) new JitEngine(this.phys);
    options.trace?.attach(this.phys);
    this.hypervisor = new Hypervisor(this.phys, { readTime: () => this.now() }, options, options.guests);
    this.outBufs = this.guests.map(() => new Uint8Array(4096));
    this.outLens = this.guests.map(() => 0);
    this.guests.forEach((guest, i) => {
      guest.console.output = (bytes) => this.putConsole(i, bytes);
    });
  }

  get guests(): readonly Guest[] {
    return this.hypervisor.guests;
  }

  /** Bytes typed on the host's console go to guest `guest`'s console (the first by default). */
  pushConsoleInput(bytes: Uint8Array, guest = 0): void {
    this.guests[guest].console.push(bytes);
    this.wake?.();
  }

  /** Script input (not a person typing): emulated UARTs hand it over only as the guest reads (uart16550.ts). */
  set pacedInput(paced: boolean) {
    for (const guest of this.guests) guest.uart.pacedInput = paced;
  }

  /** Ends run() after the current slice (the host's quit, Ctrl-A x). */
  stop(): void {
    this.stopRequested = true;
    this.current?.endSlice();
    this.wake?.();
  }

  /** Host milliseconds the machine spent running guests (idle sleeps excluded). */
  hostMs(): number {
    return this.busyMs;
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

  async run(options: { maxInsns?: number } = {}): Promise<HypervisorRunResult> {
    const maxInsns = options.maxInsns ?? Infinity;
    const start = performance.now();
    let count = 0;
    let lastYield = start;
    const debug = this.debug;
    const cpu: Processor = {
      run: debug === null ? runHart : (h, budget) => debug.runSlice(h, budget),
      now: () => this.now(),
      enter: (h) => {
        this.current = h;
      },
      leave: (steps) => {
        this.steps += steps;
        this.current = null;
      },
    };
    const stop = (): boolean => this.stopRequested || this.guests.some((g) => g.reset !== null && !g.ended);
    const result = (reason: HypervisorRunResult["reason"], exitCode: number): HypervisorRunResult => {
      this.flushConsole();
      return { reason, exitCode, instructions: count, seconds: (performance.now() - start) / 1000 };
    };
    for (;;) {
      if (debug?.stopped === true) {
        // Guest time stands still while the debugger holds the machine (as QEMU's virtual clock).
        const before = this.now();
        await debug.held();
        this.timeBase -= this.now() - before;
        lastYield = performance.now();
      }
      const roundStart = performance.now();
      const ran = runRound(this.hypervisor, cpu, maxInsns - count, stop);
      this.busyMs += performance.now() - roundStart;
      count += ran;
      this.instructionsRun += ran;
      this.flushConsole();
      this.handleResets();
      if (this.guests.every((g) => g.ended)) return result("poweroff", this.failure);
      if (this.stopRequested) {
        this.stopRequested = false;
        return result("stopped", 0);
      }
      if (count >= maxInsns) return result("max-insns", -1);
      if (debug?.stopped === true) continue;
      if (ran === 0) {
        await this.idle();
        lastYield = performance.now();
      } else if (performance.now() - lastYield >= YIELD_MS) {
        await this.platform.yieldToHost();
        lastYield = performance.now();
      }
    }
  }

  /** A guest that shut down ends; one that rebooted starts again in its place. */
  private handleResets(): void {
    this.guests.forEach((guest, i) => {
      if (guest.reset === null || guest.ended) return;
      if (guest.rebooting) {
        const fresh = this.hypervisor.restartGuest(guest);
        fresh.uart.pacedInput = guest.uart.pacedInput;
        this.onGuestReboot(i);
        return;
      }
      if (guest.reset.reason !== SRST_REASON_NONE) this.failure = 1;
      this.hypervisor.endGuest(guest);
    });
  }

  /**
   * Every vCPU is halted: sleep until the next guest timer or console
   * input. With icount, time jumps to the deadline at once.
   */
  private async idle(): Promise<void> {
    const hv = this.hypervisor;
    // A paced emulated UART lets queued input in once its reader waits for it.
    if (this.guests.some((g) => !g.ended && g.uart.guestIdle())) return;
    // On the host clock a deadline may have passed since the round's last
    // refresh: raise the timer lines as of now, and if that wakes a vCPU, run
    // it (its deadline is no longer in the future, so nothing would wake it).
    const now = this.now();
    refreshTimers(hv, now);
    if (hv.vcpus.some((v) => v.hart.waiting && v.hsmState !== HSM_STOPPED && wakesFromWfi(v.hart))) return;
    const deadline = hv.nextTimerDeadline(now);
    if (deadline <= now) return;
    if (this.icount && deadline !== Infinity) {
      this.timeBase += deadline - now;
      refreshTimers(hv, this.now());
      return;
    }
    const ms = (deadline - now) / TICKS_PER_MS; // Infinity: until input (or the longest timer)
    await sleepHost(ms, (wake) => (this.wake = wake));
    refreshTimers(hv, this.now());
  }

  private putConsole(guest: number, bytes: Uint8Array): void {
    const buf = this.outBufs[guest];
    if (this.outLens[guest] + bytes.length > buf.length) this.flushGuestConsole(guest);
    if (bytes.length > buf.length) {
      this.onConsoleOutput(guest, bytes);
      return;
    }
    buf.set(bytes, this.outLens[guest]);
    this.outLens[guest] += bytes.length;
  }

  private flushConsole(): void {
    for (let i = 0; i < this.outBufs.length; i++) this.flushGuestConsole(i);
  }

  private flushGuestConsole(guest: number): void {
    const len = this.outLens[guest];
    if (len === 0) return;
    this.outLens[guest] = 0;
    this.onConsoleOutput(guest, this.outBufs[guest].subarray(0, len));
  }
}
