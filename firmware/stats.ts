// Counters for every kind of exit, in the spirit of kvm_stat: exits by
// cause, SBI calls by extension and function, WFI halts, guest-page faults
// (RAM, MMIO, injected), and host time spent in the hypervisor path.
import type { SbiExtension, SbiFunction } from "../src/sbi/call.js";

export const EXIT_NAMES: Record<number, string> = {
  10: "ecall from VS (SBI)",
  20: "guest-page fault: fetch",
  21: "guest-page fault: load",
  22: "virtual instruction",
  23: "guest-page fault: store/AMO",
};

export class HypervisorStats {
  /** Exits by cause (exceptions), and interrupts into HS (by cause + 64). */
  readonly exits = new Float64Array(128);
  readonly sbiCalls = new Map<SbiFunction, { extension: string; count: number }>();
  unknownSbiCalls = 0;
  wfiHalts = 0;
  mmioExits = 0;
  /** MMIO instructions decoded from htinst, and fetched from guest memory with HLVX (htinst 0). */
  mmioFromHtinst = 0;
  mmioFetched = 0;
  /** Guest-page faults on guest RAM: first touches of lazily mapped pages. */
  ramFaults = 0;
  /** Faults outside RAM and devices, delivered to the guest as access faults. */
  injectedFaults = 0;
  /** Virtual-instruction exits other than WFI, delivered as illegal instructions. */
  injectedIllegal = 0;
  timerInjections = 0;
  /**
   * Host milliseconds in the hypervisor (measured when `timed`): handling
   * exits, from onTrap until the guest is resumed (trap entry itself is the
   * core's), and switching vCPUs (the scheduler's work around each slice).
   */
  handlerMs = 0;
  switchMs = 0;
  timed = false;

  noteSbi(extension: SbiExtension | null, fn: SbiFunction | null): void {
    if (extension === null || fn === null) {
      this.unknownSbiCalls++;
      return;
    }
    const entry = this.sbiCalls.get(fn);
    if (entry === undefined) this.sbiCalls.set(fn, { extension: extension.name, count: 1 });
    else entry.count++;
  }

  totalExits(): number {
    return this.exits.reduce((a, b) => a + b, 0);
  }
}
