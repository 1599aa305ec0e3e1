// The hypervisor: rvhv's TypeScript firmware. It owns M and HS on every
// hart, creates guests (RAM carved from the host's, a G-stage table, a
// device tree, vCPUs), and handles every trap from a guest into HS
// (exits.ts) before resuming it. The scheduler (scheduler.ts) decides which
// vCPU runs; the machine (src/machine/hypervisor-machine.ts) supplies RAM,
// time and the console, and runs rounds of the scheduler.
import { PRIV_S, CSR_VSTIMECMP, CSR_HTIMEDELTA } from "../src/rv64/constants.js";
import type { FirmwareTrapHandler, Hart, HartPlatform } from "../src/rv64/hart.js";
import { returnFromTrap } from "../src/rv64/firmware-access.js";
import type { PhysicalMemory } from "../src/rv64/memory.js";
import { r, sub64, toNumberU } from "../src/rv64/int64.js";
import { vsSstcEnabled } from "../src/rv64/timer.js";
import { handleExit } from "./exits.js";
import { Guest, type GuestConfig } from "./guest.js";
import { TablePool } from "./gstage.js";
import { HypervisorStats } from "./stats.js";
import type { Vcpu } from "./vcpu.js";

const MiB = 1024 * 1024;
/** Guest RAM regions start 2 MiB-aligned in host RAM, so the G-stage maps them with 2 MiB pages. */
const GUEST_ALIGN = 2 * MiB;
/** Host RAM kept for each guest's G-stage tables (Sv48x4 over 2 GiB needs under 32 KiB). */
const TABLE_BYTES_PER_GUEST = 1 * MiB;

/** What the machine provides the hypervisor. */
export interface HypervisorPlatform extends HartPlatform {
  /** Host time in ticks of the 10 MHz timebase (readTime). */
  readTime(): number;
}

export interface HypervisorOptions {
  /** Whether the harts write the transformed instruction to htinst (false: as Rocket, always 0). */
  writesTrapInstruction?: boolean;
  /** Measure host time spent handling exits (--stats). */
  timed?: boolean;
}

/** A trap the firmware cannot have caused by design (a bug in rvhv, not in the guest). */
export class HypervisorBug extends Error {}

const alignUp = (v: number, a: number): number => Math.ceil(v / a) * a;

export class Hypervisor implements FirmwareTrapHandler {
  readonly guests: Guest[] = [];
  /** Every vCPU of every guest, by hart index. */
  readonly vcpus: Vcpu[] = [];
  readonly stats = new HypervisorStats();
  private readonly guestOfHart: Guest[] = [];
  private nextHostOffset = 0;
  private readonly tables: TablePool;

  /** Host RAM the guests of `configs` need: their RAM (2 MiB-aligned) and their page tables. */
  static hostRamBytes(configs: readonly GuestConfig[]): number {
    return configs.reduce((sum, c) => sum + alignUp(c.memBytes, GUEST_ALIGN) + TABLE_BYTES_PER_GUEST, 0);
  }

  constructor(
    private readonly phys: PhysicalMemory,
    private readonly platform: HypervisorPlatform,
    private readonly options: HypervisorOptions = {},
    guestCount: number,
  ) {
    const tableBytes = guestCount * TABLE_BYTES_PER_GUEST;
    this.tables = new TablePool(phys.ram, phys.ram.size - tableBytes, phys.ram.size);
    this.stats.timed = options.timed ?? false;
  }

  createGuest(config: GuestConfig): Guest {
    const hostOffset = this.nextHostOffset;
    this.nextHostOffset = alignUp(hostOffset + config.memBytes, GUEST_ALIGN);
    const guest = new Guest(this.guests.length + 1, config, {
      phys: this.phys,
      platform: this.platform,
      hostOffset,
      tables: this.tables,
      firstHartIndex: this.vcpus.length,
      now: this.platform.readTime(),
      writesTrapInstruction: this.options.writesTrapInstruction ?? true,
    });
    for (const vcpu of guest.vcpus) {
      vcpu.hart.firmware = this;
      this.vcpus.push(vcpu);
      this.guestOfHart.push(guest);
    }
    this.guests.push(guest);
    return guest;
  }

  guestOf(vcpu: Vcpu): Guest {
    return this.guestOfHart[vcpu.hart.index];
  }

  /** FirmwareTrapHandler: every trap from a guest into HS is an exit. */
  onTrap(h: Hart, target: number, cause: number, interrupt: boolean): boolean {
    if (target !== PRIV_S) {
      throw new HypervisorBug(`rvhv: internal error: a guest trap reached M-mode (cause ${cause}); please report it`);
    }
    const stats = this.stats;
    if (interrupt) {
      // No HS-level interrupt source is wired (timers and IPIs are injected
      // through hvip, which the hart delegates to VS): just resume.
      stats.exits[64 + cause]++;
      returnFromTrap(h);
      return true;
    }
    stats.exits[cause]++;
    const vcpu = this.vcpus[h.index];
    const guest = this.guestOfHart[h.index];
    if (stats.timed) {
      const t0 = performance.now();
      handleExit(vcpu, guest, stats, cause);
      stats.handlerMs += performance.now() - t0;
    } else {
      handleExit(vcpu, guest, stats, cause);
    }
    return true;
  }

  /**
   * The earliest host time (ticks) after `after` at which a vCPU's timer
   * fires: an SBI deadline, or vstimecmp - htimedelta where the guest has
   * Sstc; Infinity if none.
   */
  nextTimerDeadline(after: number): number {
    let next = Infinity;
    for (const vcpu of this.vcpus) {
      if (vcpu.timerDeadline > after && vcpu.timerDeadline < next) next = vcpu.timerDeadline;
      const h = vcpu.hart;
      if (vsSstcEnabled(h)) {
        const lo = sub64(
          h.csrLo[CSR_VSTIMECMP],
          h.csrHi[CSR_VSTIMECMP],
          h.csrLo[CSR_HTIMEDELTA],
          h.csrHi[CSR_HTIMEDELTA],
        );
        const at = r.hi < 0 ? Infinity : toNumberU(lo, r.hi);
        if (at > after && at < next) next = at;
      }
    }
    return next;
  }
}
