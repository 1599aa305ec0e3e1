// The breakpoints and watchpoints gdb inserted (Z0-Z4, GDB manual "Packets"
// > "insert breakpoint or watchpoint"). Software (Z0) and hardware (Z1)
// breakpoints are the same thing here: the stub checks pc before each
// instruction, so no breakpoint instruction is written into memory.
// Watchpoints (Z2 write, Z3 read, Z4 access) cover byte ranges of virtual
// addresses. Addresses are kept as int32 halves for the per-instruction
// checks.
import { ACCESS_READ, ACCESS_WRITE } from "./memory-operand.js";

export const Z_SOFTWARE = 0;
export const Z_HARDWARE = 1;
export const Z_WRITE = 2;
export const Z_READ = 3;
export const Z_ACCESS = 4;

/** Which accesses each watchpoint type catches (ACCESS_* bits). */
const WATCHED: Record<number, number> = {
  [Z_WRITE]: ACCESS_WRITE,
  [Z_READ]: ACCESS_READ,
  [Z_ACCESS]: ACCESS_READ | ACCESS_WRITE,
};

/** The stop reply field naming each watchpoint type (GDB manual, "Stop Reply Packets"). */
const WATCH_REASON: Record<number, string> = { [Z_WRITE]: "watch", [Z_READ]: "rwatch", [Z_ACCESS]: "awatch" };

interface Point {
  type: number;
  lo: number;
  hi: number;
  /** Bytes watched (watchpoints); the breakpoint kind for breakpoints (2 or 4, unused). */
  length: number;
}

export class Breakpoints {
  private code: Point[] = [];
  private watches: Point[] = [];

  get empty(): boolean {
    return this.code.length === 0 && this.watches.length === 0;
  }

  get watching(): boolean {
    return this.watches.length > 0;
  }

  /** Inserts a point of type Z_*; false for an unknown type or a zero-length watchpoint. */
  insert(type: number, lo: number, hi: number, length: number): boolean {
    if (type === Z_SOFTWARE || type === Z_HARDWARE) {
      if (this.find(this.code, type, lo, hi, -1) < 0) this.code.push({ type, lo, hi, length });
      return true;
    }
    if (WATCHED[type] === undefined || length <= 0) return false;
    if (this.find(this.watches, type, lo, hi, length) < 0) this.watches.push({ type, lo, hi, length });
    return true;
  }

  /** Removes a point; false if there was none such (gdb's z for a point it never set). */
  remove(type: number, lo: number, hi: number, length: number): boolean {
    const list = type === Z_SOFTWARE || type === Z_HARDWARE ? this.code : this.watches;
    const i = this.find(list, type, lo, hi, type <= Z_HARDWARE ? -1 : length);
    if (i < 0) return false;
    list.splice(i, 1);
    return true;
  }

  clear(): void {
    this.code = [];
    this.watches = [];
  }

  /** The breakpoint at pc (hi:lo): "swbreak" or "hwbreak" for the stop reply, or null. */
  breakpointAt(lo: number, hi: number): string | null {
    for (const p of this.code) {
      if (p.lo === lo && p.hi === hi) return p.type === Z_SOFTWARE ? "swbreak" : "hwbreak";
    }
    return null;
  }

  /**
   * The watchpoint an access of `size` bytes at (hi:lo) of kind `kind`
   * (ACCESS_* bits) triggers: the stop reply's reason ("watch", "rwatch",
   * "awatch") and the first watched address accessed; or null.
   */
  watchHit(kind: number, lo: number, hi: number, size: number): { reason: string; lo: number; hi: number } | null {
    for (const p of this.watches) {
      if ((WATCHED[p.type] & kind) === 0) continue;
      // access - start, exact while the high words are near each other (far apart: no overlap).
      const dHi = (hi >>> 0) - (p.hi >>> 0);
      if (dHi < -1 || dHi > 1) continue;
      const delta = dHi * 4294967296 + (lo >>> 0) - (p.lo >>> 0);
      if (delta >= p.length || delta <= -size) continue;
      return delta >= 0
        ? { reason: WATCH_REASON[p.type], lo, hi }
        : { reason: WATCH_REASON[p.type], lo: p.lo, hi: p.hi };
    }
    return null;
  }

  private find(list: Point[], type: number, lo: number, hi: number, length: number): number {
    return list.findIndex((p) => p.type === type && p.lo === lo && p.hi === hi && (length < 0 || p.length === length));
  }
}
