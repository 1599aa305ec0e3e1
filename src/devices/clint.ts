// The core-local interruptor in SiFive's CLINT layout, which is ACLINT's
// MSWI device at +0 and its MTIMER device at +0x4000 placed back to back
// (RISC-V ACLINT spec §2, §3; QEMU virt maps it at 0x0200_0000):
//
//   +0x0000 + 4*hart   msip[hart]       bit 0 drives the hart's mip.MSIP
//   +0x4000 + 8*hart   mtimecmp[hart]   mip.MTIP = (mtime >= mtimecmp)
//   +0xbff8            mtime            the shared 64-bit timer
//
// Registers may be read and written with any size; an access is applied to
// the bytes it covers, as on QEMU (whose CLINT takes 4- and 8-byte accesses).
// The time itself belongs to the machine (host clock or instruction count);
// the CLINT sees it through MachineTimer.
import type { MmioDevice } from "../rv64/memory.js";
import { IRQ_M_SOFT, IRQ_M_TIMER } from "../rv64/constants.js";
import { hiOf, loOf, toNumberU } from "../rv64/int64.js";

export const CLINT_BASE = 0x02000000;
export const CLINT_SIZE = 0x10000;
const MSIP_BASE = 0x0000;
const MTIMECMP_BASE = 0x4000;
const MTIME = 0xbff8;
/** The layout leaves room for 4095 harts (msip ends where mtimecmp starts). */
export const CLINT_MAX_HARTS = 4095;

/** Anything with interrupt lines (a Hart). */
export interface IrqTarget {
  setIrqLine(bit: number, level: boolean): void;
}

/** The machine's timer as the CLINT sees it, in ticks. */
export interface MachineTimer {
  now(): number;
  /** mtime was written (ACLINT §3.1: mtime is read-write). */
  set(ticks: number): void;
  /**
   * Optional: an mtimecmp was written, so the next deadline may have moved
   * (a machine that plans its run slices around deadlines re-plans).
   */
  compareChanged?(): void;
}

const TWO32 = 4294967296;
/**
 * Compare values from 2^53 ticks up (over 28 years at 10 MHz; software
 * writes all ones to mean "no timer") are deadlines that never arrive.
 */
export const NEVER_TICKS = 2 ** 53;

export class Clint implements MmioDevice {
  readonly name = "clint";
  readonly size = CLINT_SIZE;
  readHi = 0;
  private readonly msip: Uint8Array;
  private readonly cmpLo: Int32Array;
  private readonly cmpHi: Int32Array;
  /** Scratch for accesses: two consecutive 8-byte register windows, little-endian. */
  private readonly scratch = new DataView(new ArrayBuffer(16));

  constructor(
    readonly base: number,
    private readonly harts: readonly IrqTarget[],
    private readonly timer: MachineTimer,
  ) {
    if (harts.length > CLINT_MAX_HARTS) throw new Error(`the CLINT serves at most ${CLINT_MAX_HARTS} harts`);
    this.msip = new Uint8Array(harts.length);
    // The reset value of mtimecmp is unspecified (ACLINT §3.2); all ones
    // keeps MTIP low until firmware programs a deadline.
    this.cmpLo = new Int32Array(harts.length).fill(-1);
    this.cmpHi = new Int32Array(harts.length).fill(-1);
  }

  read(offset: number, size: number): number {
    const s = this.scratch;
    const window = offset & ~7;
    this.loadWindow(window, 0);
    if ((offset & 7) + size > 8) this.loadWindow(window + 8, 8);
    const at = offset & 7;
    switch (size) {
      case 1:
        return s.getUint8(at);
      case 2:
        return s.getUint16(at, true);
      case 4:
        return s.getInt32(at, true);
      default:
        this.readHi = s.getInt32(at + 4, true);
        return s.getInt32(at, true);
    }
  }

  write(offset: number, size: number, lo: number, hi: number): void {
    const s = this.scratch;
    const window = offset & ~7;
    const crosses = (offset & 7) + size > 8;
    this.loadWindow(window, 0);
    if (crosses) this.loadWindow(window + 8, 8);
    const at = offset & 7;
    switch (size) {
      case 1:
        s.setUint8(at, lo);
        break;
      case 2:
        s.setUint16(at, lo, true);
        break;
      case 4:
        s.setInt32(at, lo, true);
        break;
      default:
        s.setInt32(at, lo, true);
        s.setInt32(at + 4, hi, true);
    }
    this.storeWindow(window, 0);
    if (crosses) this.storeWindow(window + 8, 8);
  }

  /** Re-evaluates every hart's MTIP against the current time (called when time has moved). */
  updateTimers(): void {
    const now = this.timer.now();
    for (let i = 0; i < this.harts.length; i++) this.updateTimer(i, now);
  }

  /**
   * The earliest mtimecmp later than `after` (default: now), in ticks, or
   * Infinity: when nothing else happens, the next MTIP change.
   */
  nextDeadline(after = this.timer.now()): number {
    let next = Infinity;
    for (let i = 0; i < this.harts.length; i++) {
      const cmp = toNumberU(this.cmpLo[i], this.cmpHi[i]);
      if (cmp > after && cmp < next && cmp < NEVER_TICKS) next = cmp;
    }
    return next;
  }

  private updateTimer(i: number, now: number): void {
    const nowHi = Math.floor(now / TWO32);
    const nowLo = now - nowHi * TWO32;
    const cmpHi = this.cmpHi[i] >>> 0;
    const due = cmpHi < nowHi || (cmpHi === nowHi && this.cmpLo[i] >>> 0 <= nowLo);
    this.harts[i].setIrqLine(IRQ_M_TIMER, due);
  }

  /** Puts the 8-byte register window at `window` into scratch[at..at+8]. */
  private loadWindow(window: number, at: number): void {
    let lo = 0;
    let hi = 0;
    if (window < MTIMECMP_BASE) {
      const i = (window - MSIP_BASE) >>> 2;
      lo = i < this.msip.length ? this.msip[i] : 0;
      hi = i + 1 < this.msip.length ? this.msip[i + 1] : 0;
    } else if (window === MTIME) {
      const now = this.timer.now();
      lo = loOf(now);
      hi = hiOf(now);
    } else {
      const i = (window - MTIMECMP_BASE) >>> 3;
      if (i < this.harts.length) {
        lo = this.cmpLo[i];
        hi = this.cmpHi[i];
      }
    }
    this.scratch.setInt32(at, lo, true);
    this.scratch.setInt32(at + 4, hi, true);
  }

  /** Writes scratch[at..at+8] back to the register window at `window`. */
  private storeWindow(window: number, at: number): void {
    const lo = this.scratch.getInt32(at, true);
    const hi = this.scratch.getInt32(at + 4, true);
    if (window < MTIMECMP_BASE) {
      // ACLINT §2.1: only bit 0 of msip is writable.
      this.setMsip((window - MSIP_BASE) >>> 2, lo & 1);
      this.setMsip(((window - MSIP_BASE) >>> 2) + 1, hi & 1);
    } else if (window === MTIME) {
      this.timer.set(toNumberU(lo, hi));
      this.updateTimers();
    } else {
      const i = (window - MTIMECMP_BASE) >>> 3;
      if (i >= this.harts.length) return;
      this.cmpLo[i] = lo;
      this.cmpHi[i] = hi;
      this.updateTimer(i, this.timer.now());
      this.timer.compareChanged?.();
    }
  }

  private setMsip(i: number, bit: number): void {
    if (i >= this.msip.length || this.msip[i] === bit) return;
    this.msip[i] = bit;
    this.harts[i].setIrqLine(IRQ_M_SOFT, bit !== 0);
  }
}
