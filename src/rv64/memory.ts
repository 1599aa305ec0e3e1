// Physical memory as the core sees it: one RAM block (typed-array views over
// one WebAssembly.Memory, little-endian like RISC-V) and a list of MMIO regions.
// Devices live in src/devices and implement MmioDevice; the core never
// imports them.

import { Decoded } from "./decode/decoded.js";
import type { PageEngine } from "./run-loop.js";
import { Wasm, type WasmMemory } from "../jit/wasm/api.js";

/** The shared placeholder of a code slot never decoded (len = 0). */
export const UNDECODED = new Decoded();

export const PAGE_SHIFT = 12;
export const PAGE_SIZE = 4096;

/** RAM page flags: pages with any flag set never enter the store TLB. */
export const PAGE_CODE = 1; // holds decoded instructions (stores must invalidate them)
export const PAGE_RESERVED = 2; // holds an LR reservation (stores must clear it)
/** Stores after which a page without reservations loses PAGE_RESERVED (noteRamWrite). */
const RESERVED_LINGER = 64;
export const PAGE_WATCHED = 4; // a device watches writes here (HTIF tohost)

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error("rvhv needs a little-endian host");
}

/**
 * Bytes after RAM reserved for the harts' state (registers, TLBs; see
 * hart-state.ts; about 150 KiB a hart) and the translation engine's block
 * links (32 MiB, src/jit/block-links.ts). Pages never touched cost nothing.
 */
const STATE_AREA = 48 << 20;
const WASM_PAGE = 65536;

/**
 * Guest RAM, and after it the harts' state, in one WebAssembly.Memory (the
 * machine memory): compiled WebAssembly blocks (src/jit/wasm/) address RAM
 * from 0 and the state by offset, while the interpreter and devices use the
 * typed-array views below. Its size is fixed: growing would detach them.
 */
export class Ram {
  readonly memory: WasmMemory;
  readonly u8: Uint8Array;
  readonly u16: Uint16Array;
  readonly i32: Int32Array;
  /** Per-page flags (PAGE_CODE, PAGE_RESERVED, PAGE_WATCHED). */
  readonly pageFlags: Uint8Array;
  /** Next free byte of the state area. */
  private stateTop: number;

  constructor(
    readonly base: number,
    readonly size: number,
  ) {
    if (size % PAGE_SIZE !== 0 || size <= 0 || size > 0x80000000) {
      throw new Error(`RAM size must be a positive multiple of 4 KiB up to 2 GiB, got ${size}`);
    }
    const pages = Math.ceil((size + STATE_AREA) / WASM_PAGE);
    this.memory = new Wasm.Memory({ initial: pages, maximum: pages });
    const buf = this.memory.buffer;
    this.u8 = new Uint8Array(buf, 0, size);
    this.u16 = new Uint16Array(buf, 0, size >>> 1);
    this.i32 = new Int32Array(buf, 0, size >>> 2);
    this.pageFlags = new Uint8Array(size / PAGE_SIZE);
    this.stateTop = size;
  }

  /** Reserves `bytes` of the state area, 64-byte aligned; returns their offset in the machine memory. */
  allocateState(bytes: number): number {
    const offset = this.stateTop;
    if (offset + bytes > this.size + STATE_AREA) {
      throw new Error("rvhv: too many harts on one memory (the state area after RAM is full)");
    }
    this.stateTop = offset + ((bytes + 63) & ~63);
    return offset;
  }

  /** RAM offset of a physical address, or -1 if outside RAM. */
  offsetOf(paddr: number, size: number): number {
    const off = paddr - this.base;
    return off >= 0 && off + size <= this.size ? off : -1;
  }
}

/**
 * A memory-mapped device. Offsets are relative to the region base. 8-byte
 * accesses pass/return the high word separately (readHi after read).
 */
export interface MmioDevice {
  readonly name: string;
  readonly base: number;
  readonly size: number;
  /** Returns the low 32 bits (zero-extended for sizes < 4); for size 8 the high word is left in readHi. */
  read(offset: number, size: number): number;
  readHi: number;
  write(offset: number, size: number, lo: number, hi: number): void;
  /** Whether instructions may be fetched from this region (a ROM). */
  readonly executable?: boolean;
}

/** What PhysicalMemory needs from each hart's MMU. */
export interface StoreTlbOwner {
  purgeStorePage(page: number): void;
}

/**
 * The physical address map (RAM plus devices) and the state every hart
 * shares through it: decoded code pages and LR reservations.
 */
export class PhysicalMemory {
  readonly devices: MmioDevice[] = [];
  /** Every hart's MMU, so flagging a page can purge their store TLBs. */
  readonly mmus: StoreTlbOwner[] = [];
  /**
   * Decoded instructions per RAM page (indexed by page number; one slot per
   * 2 bytes). Slots start as UNDECODED; the run loop gives each slot its own
   * record on first use and reuses it after invalidation.
   */
  readonly codePages: (Decoded[] | undefined)[];
  /**
   * Per page: 1 while its decodings are current. A store to the page (or a
   * host write) clears it, and the page's slots are reset when next used.
   */
  private readonly codePageValid: Uint8Array;
  /**
   * Per page: bumped each time its decodings are reset, so caches built on
   * them (the translation engine's compiled blocks, src/jit/) can tell.
   */
  readonly codeGeneration: Int32Array;
  /** LR reservation per hart: physical address, or -1 for none (Unpriv §14.2). */
  readonly reservation: number[] = [];
  /**
   * Per page: stores to it since it last held a reservation, while it stays
   * flagged PAGE_RESERVED (see noteRamWrite).
   */
  private readonly storesSinceReserved: Uint8Array;
  /**
   * The page engine of the harts created on this memory: the translation
   * engine (src/jit/engine.ts), the commit-log tracer (src/trace/), or null:
   * they only interpret (--no-jit).
   */
  jit: PageEngine | null = null;
  /** Called after a store to a PAGE_WATCHED page, with its physical address and size in bytes. */
  onWatchedWrite: ((paddr: number, size: number) => void) | null = null;

  constructor(readonly ram: Ram) {
    this.codePages = new Array(ram.size / PAGE_SIZE);
    this.codePageValid = new Uint8Array(ram.size / PAGE_SIZE);
    this.codeGeneration = new Int32Array(ram.size / PAGE_SIZE);
    this.storesSinceReserved = new Uint8Array(ram.size / PAGE_SIZE);
  }

  /** Sets a flag on a RAM page and keeps stores to it off every fast path. */
  flagPage(page: number, flag: number): void {
    if ((this.ram.pageFlags[page] & flag) !== 0) return;
    this.ram.pageFlags[page] |= flag;
    for (const mmu of this.mmus) mmu.purgeStorePage(page);
  }

  /** The decoded-instruction slots of a RAM page, created on first use. */
  codePage(page: number): Decoded[] {
    let slots = this.codePages[page];
    if (slots === undefined) {
      slots = new Array<Decoded>(PAGE_SIZE / 2).fill(UNDECODED);
      this.codePages[page] = slots;
    } else if (this.codePageValid[page] === 0) {
      // Invalidated since last use: forget the decodings but keep the records,
      // so re-decoding allocates nothing.
      for (let i = 0; i < slots.length; i++) slots[i].len = 0;
      this.codeGeneration[page]++;
    }
    this.codePageValid[page] = 1;
    if ((this.ram.pageFlags[page] & PAGE_CODE) === 0) this.flagPage(page, PAGE_CODE);
    return slots;
  }

  /**
   * Drops all decoded code: the host rewrote RAM behind the harts' backs
   * (loading a program). Every page is reset when next used. FENCE.I does not
   * need this: every store to a code page already drops that page.
   */
  dropAllCode(): void {
    const flags = this.ram.pageFlags;
    for (let page = 0; page < flags.length; page++) {
      if ((flags[page] & PAGE_CODE) !== 0) this.dropCodePage(page);
    }
  }

  /** A store hit a code page: reset its slots when next used. */
  private dropCodePage(page: number): void {
    this.codePageValid[page] = 0;
    this.jit?.codeDropped(page);
    this.ram.pageFlags[page] &= ~PAGE_CODE;
  }

  /** Registers hart `hartIndex`'s LR reservation on `paddr` (RAM). */
  reserve(hartIndex: number, paddr: number): void {
    this.reservation[hartIndex] = paddr;
    const page = (paddr - this.ram.base) >>> PAGE_SHIFT;
    this.storesSinceReserved[page] = 0;
    this.flagPage(page, PAGE_RESERVED);
  }

  /**
   * A store hit a flagged RAM page: invalidate decoded code there, and clear
   * every reservation the written bytes overlap (reservation sets are 8-byte
   * aligned doublewords). A page keeps PAGE_RESERVED for RESERVED_LINGER
   * stores after its last reservation went: flagging a page purges it from
   * every store TLB (flagPage), and a lock loop's LR would otherwise pay
   * that purge on every pass (its SC clears the reservation).
   */
  noteRamWrite(paddr: number, size: number, page: number, flags: number): void {
    if ((flags & PAGE_CODE) !== 0) this.dropCodePage(page);
    if ((flags & PAGE_RESERVED) !== 0) {
      let any = false;
      for (let h = 0; h < this.reservation.length; h++) {
        const r = this.reservation[h];
        if (r < 0) continue;
        const set = r - (r % 8);
        if (paddr < set + 8 && set < paddr + size) this.reservation[h] = -1;
        else if ((r - this.ram.base) >>> PAGE_SHIFT === page) any = true;
      }
      if (any) this.storesSinceReserved[page] = 0;
      else if (++this.storesSinceReserved[page] >= RESERVED_LINGER) this.ram.pageFlags[page] &= ~PAGE_RESERVED;
    }
  }

  addDevice(dev: MmioDevice): void {
    for (const other of this.devices) {
      if (dev.base < other.base + other.size && other.base < dev.base + dev.size) {
        throw new Error(`device ${dev.name} overlaps ${other.name}`);
      }
    }
    this.devices.push(dev);
  }

  findDevice(paddr: number, size: number): MmioDevice | undefined {
    for (let i = 0; i < this.devices.length; i++) {
      const dev = this.devices[i];
      if (paddr >= dev.base && paddr + size <= dev.base + dev.size) return dev;
    }
    return undefined;
  }
}
