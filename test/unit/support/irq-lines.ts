// Test support: an interrupt target that records its lines (a stand-in for a Hart).
import type { IrqTarget } from "../../../src/devices/clint.js";

export class IrqLines implements IrqTarget {
  lines = 0;
  changes = 0;

  setIrqLine(bit: number, level: boolean): void {
    const next = level ? this.lines | (1 << bit) : this.lines & ~(1 << bit);
    if (next !== this.lines) this.changes++;
    this.lines = next;
  }

  has(bit: number): boolean {
    return ((this.lines >>> bit) & 1) !== 0;
  }
}
