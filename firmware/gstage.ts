// A guest's G-stage page table (Priv §9.5: Sv39x4 or Sv48x4), built in the
// host's emulated RAM so the hart's MMU walks it like any other table. Only
// the guest's RAM is ever mapped; device ranges stay unmapped, so the
// guest's accesses to them trap as guest-page faults (MMIO emulation).
//
// RAM is mapped up front with 2 MiB pages, or, as KVM does, lazily: each
// 4 KiB page on the guest's first touch (a guest-page fault the hypervisor
// answers by mapping the page and retrying the access).
import type { Ram } from "../src/rv64/memory.js";

export const HGATP_MODE_SV39X4 = 8;
export const HGATP_MODE_SV48X4 = 9;

/** Leaf permissions: V R W X, U (every G-stage leaf, Priv §9.5.1), A and D set so no A/D fault ever occurs. */
const LEAF = 0x01 | 0x02 | 0x04 | 0x08 | 0x10 | 0x40 | 0x80;
const POINTER = 0x01;
const KiB4 = 4096;
const MiB2 = 2 * 1024 * 1024;
/** The G-stage root is 16 KiB (two extra index bits, Priv §9.5.1). */
const ROOT_BYTES = 16 * 1024;

/** Hands out zeroed, page-aligned table pages from a region of host RAM. */
export class TablePool {
  private next: number;

  constructor(
    private readonly ram: Ram,
    start: number,
    private readonly end: number,
  ) {
    this.next = start;
  }

  /** A zeroed region of `bytes` (aligned to its size); returns its host RAM offset. */
  allocate(bytes: number): number {
    const off = Math.ceil(this.next / bytes) * bytes;
    if (off + bytes > this.end) throw new Error("rvhv: out of memory for G-stage page tables");
    this.ram.u8.fill(0, off, off + bytes);
    this.next = off + bytes;
    return off;
  }
}

/** Table pages a guest of `ramBytes` may need: the root, and one table per 2 MiB (lazy 4 KiB leaves) plus the levels above. */
export function tableBytesFor(ramBytes: number): number {
  return ROOT_BYTES + (Math.ceil(ramBytes / MiB2) + 8) * KiB4;
}

export class GStageTable {
  /** Host RAM offset of the root table. */
  readonly rootOffset: number;
  private readonly levels: number;
  /** Lazy mapping: which 4 KiB pages of guest RAM are mapped. */
  private readonly mapped: Uint8Array | null;

  constructor(
    private readonly ram: Ram,
    private readonly pool: TablePool,
    readonly mode: number,
    /** The guest RAM this table maps: guest-physical base, host-physical base, size. */
    private readonly ramGpa: number,
    private readonly ramHpa: number,
    ramSize: number,
    lazy: boolean,
  ) {
    this.levels = mode === HGATP_MODE_SV48X4 ? 4 : 3;
    this.rootOffset = pool.allocate(ROOT_BYTES);
    if (lazy) {
      this.mapped = new Uint8Array(Math.ceil(ramSize / KiB4));
    } else {
      this.mapped = null;
      this.map(ramGpa, ramHpa, ramSize);
    }
  }

  /** The root's physical page number, for hgatp.PPN. */
  get rootPpn(): number {
    return (this.ram.base + this.rootOffset) / KiB4;
  }

  /**
   * A guest-page fault at `gpa` in guest RAM: maps its page if this is the
   * first touch and returns true (the guest retries the access); false if
   * the page was already mapped (the fault has another cause).
   */
  mapOnFirstTouch(gpa: number): boolean {
    const page = Math.floor((gpa - this.ramGpa) / KiB4);
    if (this.mapped === null || page < 0 || page >= this.mapped.length || this.mapped[page] !== 0) return false;
    this.mapped[page] = 1;
    this.mapPage(this.ramGpa + page * KiB4, this.ramHpa + page * KiB4, 0);
    return true;
  }

  /** Maps guest-physical [gpa, gpa + size) to host-physical [hpa, ...): 2 MiB pages where aligned, 4 KiB elsewhere. */
  private map(gpa: number, hpa: number, size: number): void {
    let done = 0;
    while (done < size) {
      const g = gpa + done;
      const p = hpa + done;
      const mega = g % MiB2 === 0 && p % MiB2 === 0 && size - done >= MiB2;
      this.mapPage(g, p, mega ? 1 : 0);
      done += mega ? MiB2 : KiB4;
    }
  }

  /** Installs one leaf at `leafLevel` (0: 4 KiB, 1: 2 MiB), creating tables on the way. */
  private mapPage(gpa: number, hpa: number, leafLevel: number): void {
    let table = this.rootOffset;
    for (let level = this.levels - 1; level > leafLevel; level--) {
      const slot = table + this.index(gpa, level) * 8;
      let pteLo = this.ram.i32[slot >>> 2];
      if ((pteLo & POINTER) === 0) {
        const next = this.pool.allocate(KiB4);
        this.writePte(slot, (this.ram.base + next) / KiB4, POINTER);
        pteLo = this.ram.i32[slot >>> 2];
      }
      const pteHi = this.ram.i32[(slot >>> 2) + 1];
      const ppn = (pteHi & 0x3fffff) * 4194304 + (pteLo >>> 10);
      table = ppn * KiB4 - this.ram.base;
    }
    this.writePte(table + this.index(gpa, leafLevel) * 8, hpa / KiB4, LEAF);
  }

  /** VPN[level] of a guest-physical address; the root level has two extra bits. */
  private index(gpa: number, level: number): number {
    const bits = level === this.levels - 1 ? 11 : 9;
    return Math.floor(gpa / 2 ** (12 + 9 * level)) % 2 ** bits;
  }

  private writePte(offset: number, ppn: number, flags: number): void {
    const pte = ppn * 1024 + flags;
    this.ram.i32[offset >>> 2] = (pte % 4294967296) | 0;
    this.ram.i32[(offset >>> 2) + 1] = Math.floor(pte / 4294967296);
  }
}
