// The machine `rvhv boot` runs: harts, RAM and a clock, with rvhv's
// TypeScript hypervisor (firmware/) as the firmware that owns M and HS.
// There is no machine code below the guests: every trap from a guest into
// HS goes to the hypervisor, and the guests see only what it emulates.
//
// Scheduling and time work as on the virt machine (src/devices/virt-machine.ts):
// rounds of slices on one host thread; mtime at 10 MHz from the host clock,
// or with `icount` from the instruction count (deterministic). When every
// vCPU is halted (WFI, HSM stop or suspend) the process sleeps until the
// next guest timer or console input, so an idle guest costs no host CPU.
import { PhysicalMemory, Ram } from "../rv64/memory.js";
import type { Hart } from "../rv64/hart.js";
import { TIMEBASE_HZ } from "../devices/virt-dtb.js";
import "../h-extension/index.js";
import { Hypervisor, type HypervisorOptions } from "../../firmware/hypervisor.js";
import type { Guest, GuestConfig } from "../../firmware/guest.js";
import { refreshTimers, runRound, type Processor } from "../../firmware/scheduler.js";
import { GUEST_RAM_BASE } from "../../firmware/guest-memory.js";
import { SRST_REASON_NONE } from "../sbi/constants.js";

/** icount mode: instruction steps per mtime tick (as the virt machine). */
const ICOUNT_INSNS_PER_TICK = 10;
const YIELD_MS = 10;
const MAX_SLEEP_MS = 2 ** 30;
const TICKS_PER_MS = TIMEBASE_HZ / 1000;
/** The largest host RAM the core supports. */
export const MAX_HOST_RAM = 2 * 1024 * 1024 * 1024;

export interface HypervisorMachineOptions extends HypervisorOptions {
  guests: GuestConfig[];
  icount?: boolean;
}

export interface HypervisorRunResult {
  /** poweroff: SRST shutdown (exit code 0, or 1 for reason "system failure"); reboot; stopped by the host; max-insns. */
  reason: "poweroff" | "reboot" | "max-insns" | "stopped";
  exitCode: number;
  instructions: number;
  seconds: number;
}

export class HypervisorMachine {
  readonly phys: PhysicalMemory;
  readonly hypervisor: Hypervisor;
  readonly guests: readonly Guest[];
  readonly icount: boolean;
  onConsoleOutput: (bytes: Uint8Array) => void = (bytes) => {
    process.stdout.write(bytes);
  };

  private readonly outBuf = new Uint8Array(4096);
  private outLen = 0;
  private steps = 0;
  private current: Hart | null = null;
  private timeBase = 0;
  private readonly hostEpoch = performance.now();
  private stopRequested = false;
  /** Host milliseconds spent inside run() (not asleep in idle). */
  private busyMs = 0;
  private wake: (() => void) | null = null;

  constructor(options: HypervisorMachineOptions) {
    this.icount = options.icount ?? false;
    const ramBytes = Hypervisor.hostRamBytes(options.guests);
    if (ramBytes > MAX_HOST_RAM) {
      throw new RangeError(
        `rvhv: the guests need ${ramBytes >> 20} MiB of host RAM; at most ${MAX_HOST_RAM >> 20} MiB are possible (try a smaller --mem)`,
      );
    }
    this.phys = new PhysicalMemory(new Ram(GUEST_RAM_BASE, ramBytes));
    this.hypervisor = new Hypervisor(this.phys, { readTime: () => this.now() }, options, options.guests.length);
    for (const config of options.guests) {
      const guest = this.hypervisor.createGuest(config);
      guest.console.output = (bytes) => this.putConsole(bytes);
    }
    this.guests = this.hypervisor.guests;
  }

  /** Bytes typed on the host's console go to the first guest's console. */
  pushConsoleInput(bytes: Uint8Array): void {
    this.guests[0].console.push(bytes);
    this.wake?.();
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
    const cpu: Processor = {
      now: () => this.now(),
      enter: (h) => {
        this.current = h;
      },
      leave: (steps) => {
        this.steps += steps;
        this.current = null;
      },
    };
    const stop = (): boolean => this.stopRequested || this.guests.some((g) => g.reset !== null);
    const result = (reason: HypervisorRunResult["reason"], exitCode: number): HypervisorRunResult => {
      this.flushConsole();
      return { reason, exitCode, instructions: count, seconds: (performance.now() - start) / 1000 };
    };
    for (;;) {
      const roundStart = performance.now();
      const ran = runRound(this.hypervisor, cpu, maxInsns - count, stop);
      this.busyMs += performance.now() - roundStart;
      count += ran;
      this.flushConsole();
      const reset = this.guests.find((g) => g.reset !== null);
      if (reset !== undefined) {
        if (reset.rebooting) return result("reboot", 0);
        return result("poweroff", reset.reset!.reason === SRST_REASON_NONE ? 0 : 1);
      }
      if (this.stopRequested) {
        this.stopRequested = false;
        return result("stopped", 0);
      }
      if (count >= maxInsns) return result("max-insns", -1);
      if (ran === 0) {
        await this.idle();
        lastYield = performance.now();
      } else if (performance.now() - lastYield >= YIELD_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
    }
  }

  /**
   * Every vCPU is halted: sleep until the next guest timer or console
   * input. With icount, time jumps to the deadline at once.
   */
  private async idle(): Promise<void> {
    const hv = this.hypervisor;
    const now = this.now();
    refreshTimers(hv, now);
    const deadline = hv.nextTimerDeadline(now);
    if (deadline <= now) return;
    if (this.icount && deadline !== Infinity) {
      this.timeBase += deadline - now;
      refreshTimers(hv, this.now());
      return;
    }
    // Console input may already wait (a guest that polls the console is woken by its timer).
    const ms = deadline === Infinity ? MAX_SLEEP_MS : (deadline - now) / TICKS_PER_MS;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.min(Math.max(0, Math.ceil(ms)), MAX_SLEEP_MS));
      this.wake = done;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    });
    this.wake = null;
    refreshTimers(hv, this.now());
  }

  private putConsole(bytes: Uint8Array): void {
    if (this.outLen + bytes.length > this.outBuf.length) this.flushConsole();
    if (bytes.length > this.outBuf.length) {
      this.onConsoleOutput(bytes.slice());
      return;
    }
    this.outBuf.set(bytes, this.outLen);
    this.outLen += bytes.length;
  }

  private flushConsole(): void {
    if (this.outLen === 0) return;
    const bytes = this.outBuf.slice(0, this.outLen);
    this.outLen = 0;
    this.onConsoleOutput(bytes);
  }
}
