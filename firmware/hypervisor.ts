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
import { Guest, type GuestConfig, type GuestHost, type GuestPlacement } from "./guest.js";
import { GuestConsole } from "./guest-console.js";
import { GUEST_RAM_BASE } from "./guest-memory.js";
import { GStageTable, HGATP_MODE_SV39X4, TablePool, tableBytesFor } from "./gstage.js";
import { HSM_STOPPED } from "../src/sbi/constants.js";
import { HypervisorStats } from "./stats.js";
import type { Vcpu } from "./vcpu.js";

const MiB = 1024 * 1024;
/** Guest RAM regions start 2 MiB-aligned in host RAM, so the G-stage can map them with 2 MiB pages. */
const GUEST_ALIGN = 2 * MiB;

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

  /** Host RAM the guests of `configs` need: their RAM (2 MiB-aligned) and their G-stage tables. */
  static hostRamBytes(configs: readonly GuestConfig[]): number {
    return configs.reduce((sum, c) => sum + alignUp(c.memBytes, GUEST_ALIGN) + tableBytesFor(c.memBytes), 0);
  }

  constructor(
    private readonly phys: PhysicalMemory,
    private readonly platform: HypervisorPlatform,
    private readonly options: HypervisorOptions = {},
    configs: readonly GuestConfig[],
  ) {
    const tableBytes = configs.reduce((sum, c) => sum + tableBytesFor(c.memBytes), 0);
    this.tables = new TablePool(phys.ram, phys.ram.size - tableBytes, phys.ram.size);
    this.stats.timed = options.timed ?? false;
    for (const config of configs) this.createGuest(config);
  }

  /** A new guest: its own VMID, RAM region, G-stage table and console. */
  private createGuest(config: GuestConfig): void {
    const hostOffset = this.nextHostOffset;
    this.nextHostOffset = alignUp(hostOffset + config.memBytes, GUEST_ALIGN);
    const placement: GuestPlacement = {
      vmid: this.guests.length + 1,
      hostOffset,
      gstage: new GStageTable(
        this.phys.ram,
        this.tables,
        config.gstageMode ?? HGATP_MODE_SV39X4,
        GUEST_RAM_BASE,
        this.phys.ram.base + hostOffset,
        config.memBytes,
        config.lazyGstage ?? false,
      ),
      firstHartIndex: this.vcpus.length,
      console: new GuestConsole(),
    };
    const guest = new Guest(config, placement, this.guestHost());
    this.guests.push(guest);
    for (const vcpu of guest.vcpus) {
      vcpu.hart.firmware = this;
      this.vcpus.push(vcpu);
      this.guestOfHart.push(guest);
    }
  }

  private guestHost(): GuestHost {
    return {
      phys: this.phys,
      platform: this.platform,
      writesTrapInstruction: this.options.writesTrapInstruction ?? true,
    };
  }

  /**
   * SRST reboot: the guest starts again in its place (same VMID, RAM
   * region, G-stage table and console), from zeroed RAM with fresh vCPUs.
   */
  restartGuest(old: Guest): Guest {
    const index = this.guests.indexOf(old);
    this.retire(old);
    const memory = old.memory;
    memory.u8.fill(0, memory.hostOffset, memory.hostOffset + memory.size);
    memory.noteWrite(memory.hostOffset, memory.size);
    const guest = new Guest(old.config, old.placement, this.guestHost());
    this.guests[index] = guest;
    for (const vcpu of guest.vcpus) {
      vcpu.hart.firmware = this;
      this.vcpus[vcpu.hart.index] = vcpu;
      this.guestOfHart[vcpu.hart.index] = guest;
    }
    return guest;
  }

  /** SRST shutdown: the guest's vCPUs stop for good. */
  endGuest(guest: Guest): void {
    guest.ended = true;
    for (const vcpu of guest.vcpus) vcpu.hsmState = HSM_STOPPED;
  }

  /** Drops the old vCPUs' harts from the memory system (their MMUs no longer need store-TLB purges). */
  private retire(guest: Guest): void {
    for (const vcpu of guest.vcpus) {
      const i = this.phys.mmus.indexOf(vcpu.hart.mmu);
      if (i >= 0) this.phys.mmus.splice(i, 1);
    }
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
