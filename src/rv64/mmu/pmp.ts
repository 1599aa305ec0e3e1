// Physical memory protection (Priv §3.7): 16 entries, OFF/TOR/NA4/NAPOT,
// lowest-numbered match wins, the L bit locks an entry and applies it to
// M-mode. Region bounds are kept as numbers (exact below 2^53, far above any
// device in the map).
import { PRIV_M } from "../constants.js";
import { effectivePriv } from "./translate.js";
import type { Hart } from "../hart.js";

export const PMP_ENTRIES = 16;
const PMP_R = 1;
const PMP_W = 2;
const PMP_X = 4;
const PMP_A_SHIFT = 3;
const PMP_L = 0x80;
const A_OFF = 0;
const A_TOR = 1;
const A_NA4 = 2;

/** Access kind (mmu.ts ACCESS_*) to the permission bit it needs. */
const PERM_FOR_KIND = [PMP_X, PMP_R, PMP_W];

export class Pmp {
  /** pmpNcfg bytes. */
  readonly cfg = new Uint8Array(PMP_ENTRIES);
  /** pmpaddrN, bits 53:0 split in halves. */
  readonly addrLo = new Int32Array(PMP_ENTRIES);
  readonly addrHi = new Int32Array(PMP_ENTRIES);
  /** Decoded region of each entry: [start, end) in bytes; end = 0 when OFF. */
  private readonly start = new Float64Array(PMP_ENTRIES);
  private readonly end = new Float64Array(PMP_ENTRIES);
  /** Any entry not OFF. */
  private active = false;
  /** Any locked entry (only then are M-mode accesses checked). */
  private anyLocked = false;

  /** pmpaddr value as a number of 4-byte units. */
  private addrUnits(i: number): number {
    return (this.addrHi[i] & 0x3fffff) * 4294967296 + (this.addrLo[i] >>> 0);
  }

  /** Recomputes the decoded regions after a pmpcfg/pmpaddr write. */
  update(): void {
    this.active = false;
    this.anyLocked = false;
    for (let i = 0; i < PMP_ENTRIES; i++) {
      const cfg = this.cfg[i];
      const mode = (cfg >>> PMP_A_SHIFT) & 3;
      if ((cfg & PMP_L) !== 0) this.anyLocked = true;
      this.start[i] = this.end[i] = 0;
      if (mode === A_OFF) continue;
      this.active = true;
      const units = this.addrUnits(i);
      if (mode === A_TOR) {
        this.start[i] = i === 0 ? 0 : this.addrUnits(i - 1) * 4;
        this.end[i] = units * 4;
      } else if (mode === A_NA4) {
        this.start[i] = units * 4;
        this.end[i] = units * 4 + 4;
      } else {
        // NAPOT: the trailing ones of pmpaddr give the size, 2^(ones + 3)
        // bytes; the base is pmpaddr with those ones cleared. Counted on the
        // 32-bit halves because pmpaddr has 54 bits.
        const lo = this.addrLo[i];
        const hi = this.addrHi[i] & 0x3fffff;
        const ones = lo === -1 ? 32 + Math.min(22, 31 - Math.clz32(~hi & (hi + 1))) : 31 - Math.clz32(~lo & (lo + 1));
        const size = 2 ** (ones + 3);
        const baseUnits =
          ones >= 32
            ? (hi & ~((1 << (ones - 32)) - 1)) * 4294967296
            : hi * 4294967296 + ((lo & ~((2 ** ones - 1) | 0)) >>> 0);
        const base = baseUnits * 4;
        this.start[i] = base;
        this.end[i] = base + size;
      }
    }
  }

  /** Whether a locked entry forbids writes to pmpcfg i / pmpaddr i (Priv §3.7.1.2). */
  cfgLocked(i: number): boolean {
    return (this.cfg[i] & PMP_L) !== 0;
  }

  addrLocked(i: number): boolean {
    if ((this.cfg[i] & PMP_L) !== 0) return true;
    // A locked TOR entry also locks the pmpaddr below it.
    return i + 1 < PMP_ENTRIES && (this.cfg[i + 1] & PMP_L) !== 0 && ((this.cfg[i + 1] >>> PMP_A_SHIFT) & 3) === A_TOR;
  }

  /** Whether the access [paddr, paddr+size) of `kind` by the hart's effective privilege passes PMP. */
  allows(paddr: number, size: number, kind: number, h: Hart): boolean {
    return this.allowsAt(paddr, size, kind, effectivePriv(h, kind));
  }

  /** Whether the access [paddr, paddr+size) of `kind` at privilege `priv` passes PMP. */
  allowsAt(paddr: number, size: number, kind: number, priv: number): boolean {
    if (priv === PRIV_M && !this.anyLocked) return true;
    if (!this.active) return priv === PRIV_M;
    for (let i = 0; i < PMP_ENTRIES; i++) {
      const s = this.start[i];
      const e = this.end[i];
      if (e <= s) continue;
      const overlaps = paddr < e && s < paddr + size;
      if (!overlaps) continue;
      // Priv §3.7.1.3: an access that only partly matches the entry fails.
      if (paddr < s || paddr + size > e) return false;
      const cfg = this.cfg[i];
      if (priv === PRIV_M && (cfg & PMP_L) === 0) return true;
      return (cfg & PERM_FOR_KIND[kind]) !== 0;
    }
    return priv === PRIV_M;
  }

  /** Whether every byte of the 4 KiB page at `pageAddr` gets the same PMP answer as allows() and it is "allowed". */
  coversPage(pageAddr: number, kind: number, h: Hart): boolean {
    const priv = effectivePriv(h, kind);
    if (priv === PRIV_M && !this.anyLocked) return true;
    return this.allowsAt(pageAddr, 4096, kind, priv);
  }
}
