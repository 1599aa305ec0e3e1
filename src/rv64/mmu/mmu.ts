// The hart's memory interface: a software TLB per access kind (fetch, load,
// store) in front of address translation, PMP and the physical map.
//
// A TLB entry maps one virtual page to a RAM offset. A hit costs a tag
// compare and a typed-array access; everything else (translation, MMIO,
// misaligned accesses that cross a page, pages with flags) takes the slow
// path. Entries exist only for RAM pages whose whole page is accessible, so
// the fast path needs no permission checks. See docs/architecture.md.
import type { Hart } from "../hart.js";
import { PAGE_CODE, PAGE_SIZE, PAGE_WATCHED, type PhysicalMemory, type Ram } from "../memory.js";
import { SIGNAL_STOP } from "../hart.js";
import {
  CSR_HGATP,
  CSR_MSTATUS,
  CSR_VSATP,
  CSR_VSSTATUS,
  MSTATUS_SUM,
  PRIV_M,
  PRIV_U,
  CAUSE_FETCH_ACCESS,
  CAUSE_LOAD_ACCESS,
  CAUSE_MISALIGNED_LOAD,
  CAUSE_MISALIGNED_STORE,
  CAUSE_STORE_ACCESS,
} from "../constants.js";
import { raiseException } from "../trap.js";
import { translate, translateAs } from "./translate.js";
import { GStageCache } from "./gstage-cache.js";
import { WALK_AMO, WALK_FETCH, WALK_HLVX, WALK_LOAD, WALK_STORE, walkOrigin } from "./page-walk.js";

export const ACCESS_FETCH = 0;
export const ACCESS_LOAD = 1;
export const ACCESS_STORE = 2;

const TLB_BITS = 8;
const TLB_SIZE = 1 << TLB_BITS;
/** Index bits of a TLB set, and where the load and store TLBs start in it (compiled blocks inline the lookup). */
export const TLB_MASK = TLB_SIZE - 1;
export const LOAD_BASE = TLB_SIZE;
export const STORE_BASE = 2 * TLB_SIZE;
/**
 * The index of virtual address `lo`'s page in a TLB (of any kind): the page
 * number's low bits folded with the next ones, so that pages a multiple of
 * 1 MiB apart do not evict each other. Linux maps its image and the linear
 * map, and places hot data, at such distances: with the plain low bits, two
 * pairs of hot data pages took 38 K walks in its boot, by turns. Pages in
 * an aligned 1 MiB keep distinct indices. Compiled code computes the same
 * (src/jit/wasm/tlb.ts, src/jit/block-links.ts).
 */
export function tlbIndex(lo: number): number {
  return ((lo >>> 12) ^ (lo >>> 20)) & TLB_MASK;
}
/** One TLB set (fetch, load, store) per translation context. */
const SET_SIZE = 3 * TLB_SIZE;
/**
 * Guest address spaces kept at once: each slot holds the VU, VS and VS+SUM
 * sets made under one (hgatp, vsatp) pair, so switching between guests (or
 * between a guest's processes) and back finds their translations still
 * there, as VMID and ASID tags allow (Priv §9.2.10, §4.1.11). Fences drop
 * what they name: HFENCE.GVMA and SFENCE.VMA with V=1 the slots of a VMID.
 */
const GUEST_SLOTS = 4;
/**
 * Translation contexts, each with its own TLB set, so a trap or xRET
 * selects a set instead of flushing: U, S, S with SUM, M, then VU, VS, VS
 * with vsstatus.SUM per guest slot.
 */
const HOST_CONTEXTS = 4;
const CONTEXTS = HOST_CONTEXTS + 3 * GUEST_SLOTS;
/** Entries in each of the TLB arrays. */
export const TLB_ENTRIES = CONTEXTS * SET_SIZE;
const M_CONTEXT = 3;
/** hgatp's VMID field (bits 57:44) in its high word (Priv §9.2.10). */
const vmidOf = (hgatpHi: number): number => (hgatpHi >>> 12) & 0x3fff;
/** An impossible tag (tags are page-aligned). */
const INVALID_TAG = 1;
/**
 * Set in the tag of a store-TLB entry whose page has a flag (memory.ts
 * PAGE_CODE, PAGE_RESERVED, PAGE_WATCHED), gained after the fill
 * (purgeStorePage) or held at it (fillStore): the fast paths miss it (the
 * tag is no longer page-aligned), and the slow path still has its
 * translation, so a store there costs the flag's work but no walk.
 */
export const STORE_FLAGGED = 2;

export class Mmu {
  // The TLB arrays and `set` are read by compiled blocks (src/jit/wasm/templates.ts),
  // which inline the load and store fast paths below.
  // They live in the machine memory (memory.ts Ram), at tlbBase: tagLo, then
  // tagHi and ramOff, TLB_ENTRIES words each.
  readonly tlbBase: number;
  /** Virtual page tags: per context, [fetch | load | store] x TLB_SIZE. */
  readonly tagLo: Int32Array;
  readonly tagHi: Int32Array;
  /** RAM offset of the page each entry maps. */
  readonly ramOff: Int32Array;
  /** log2 of the leaf page each entry was cut from (0: no page table; see walkOrigin.spanBits). */
  private readonly span = new Uint8Array(TLB_ENTRIES);
  /** Offset of the current context's set. */
  set = 0;
  /**
   * Contexts whose store TLB has been filled since the last full flush (bit
   * per context): a page that gains a flag is purged from these only (an LR
   * flags its page, so Linux's LR/SC loops purge often).
   */
  private storeSets = 0;
  /**
   * Contexts that may hold entries (bit per context, set at each fill,
   * cleared when the context is emptied), and those that may hold entries
   * cut from a superpage: SFENCE.VMA with an address looks at the one
   * index per TLB an address maps to in a context of 4 KiB pages, and at
   * every entry only where superpages may be.
   */
  private liveSets = 0;
  private superpageSets = 0;
  /** Per guest slot: the hgatp and vsatp (lo, hi each) its entries were made under; hgatpLo 1 when empty. */
  private readonly slotKeys = new Int32Array(4 * GUEST_SLOTS).fill(INVALID_TAG);
  /** The slot the next new guest address space replaces. */
  private nextSlot = 0;

  private readonly ram: Ram;
  private readonly u8: Uint8Array;
  private readonly u16: Uint16Array;
  private readonly i32: Int32Array;

  /** High word of the last 64-bit load. */
  hi = 0;
  /** G-stage translations, for the walks of two-stage translation (gstage-cache.ts). */
  readonly gstageCache = new GStageCache();

  constructor(
    private readonly hart: Hart,
    readonly phys: PhysicalMemory,
  ) {
    this.ram = phys.ram;
    this.tlbBase = phys.ram.allocateState(3 * 4 * TLB_ENTRIES);
    const memory = phys.ram.memory.buffer;
    this.tagLo = new Int32Array(memory, this.tlbBase, TLB_ENTRIES).fill(INVALID_TAG);
    this.tagHi = new Int32Array(memory, this.tlbBase + 4 * TLB_ENTRIES, TLB_ENTRIES);
    this.ramOff = new Int32Array(memory, this.tlbBase + 8 * TLB_ENTRIES, TLB_ENTRIES);
    this.u8 = phys.ram.u8;
    this.u16 = phys.ram.u16;
    this.i32 = phys.ram.i32;
    phys.mmus.push(this);
  }

  /**
   * Drops every cached translation of every context (MPRV/MPP/MPV, MXR,
   * envcfg or PMP changed).
   */
  flush(): void {
    this.tagLo.fill(INVALID_TAG);
    this.storeSets = this.liveSets = this.superpageSets = 0;
    this.slotKeys.fill(INVALID_TAG);
    this.gstageCache.flush();
  }

  /**
   * Drops the translations of the host's address spaces (a satp write,
   * SFENCE.VMA with V=0, Priv §4.2.1), keeping the guests': a guest switch
   * or the guest's own fences then leave the host's entries alone. M-mode's
   * context goes too: with MPRV its loads and stores translate as MPP says.
   */
  flushHost(): void {
    this.tagLo.fill(INVALID_TAG, 0, HOST_CONTEXTS * SET_SIZE);
    this.forgetContexts(0, HOST_CONTEXTS);
  }

  /** Contexts first .. first+count-1 were emptied. */
  private forgetContexts(first: number, count: number): void {
    const bits = ~(((1 << count) - 1) << first);
    this.liveSets &= bits;
    this.superpageSets &= bits;
  }

  /**
   * Drops the guest translations made under VMID `vmid` (-1: every VMID)
   * (HFENCE.VVMA and SFENCE.VMA with V=1 for the current VMID, HFENCE.GVMA,
   * Priv §9.3.2), and M-mode's, which MPRV with MPV may have filled.
   */
  flushGuest(vmid: number): void {
    for (let slot = 0; slot < GUEST_SLOTS; slot++) {
      if (vmid < 0 || (this.slotKeys[4 * slot] !== INVALID_TAG && vmidOf(this.slotKeys[4 * slot + 1]) === vmid)) {
        this.dropSlot(slot);
      }
    }
    this.dropContext(M_CONTEXT);
  }

  /** The current VMID (hgatp), for fences that name it. */
  currentVmid(): number {
    return vmidOf(this.hart.csrHi[CSR_HGATP]);
  }

  /**
   * hgatp or vsatp changed: the guest's address space is another one (its
   * slot is found, or taken, when next selected). M-mode's entries may
   * have come from the old one through MPRV, and the G-stage cache holds
   * the old hgatp's translations (`gstage`).
   */
  guestSpaceChanged(gstage: boolean): void {
    this.dropContext(M_CONTEXT);
    if (gstage) this.gstageCache.flush();
    this.selectContext();
  }

  private dropSlot(slot: number): void {
    this.slotKeys[4 * slot] = INVALID_TAG;
    const start = (HOST_CONTEXTS + 3 * slot) * SET_SIZE;
    this.tagLo.fill(INVALID_TAG, start, start + 3 * SET_SIZE);
    this.forgetContexts(HOST_CONTEXTS + 3 * slot, 3);
  }

  private dropContext(c: number): void {
    this.tagLo.fill(INVALID_TAG, c * SET_SIZE, (c + 1) * SET_SIZE);
    this.forgetContexts(c, 1);
  }

  /** The slot of the current (hgatp, vsatp): found, or the next one emptied and taken. */
  private guestSlot(): number {
    const h = this.hart;
    const gLo = h.csrLo[CSR_HGATP];
    const gHi = h.csrHi[CSR_HGATP];
    const vLo = h.csrLo[CSR_VSATP];
    const vHi = h.csrHi[CSR_VSATP];
    const keys = this.slotKeys;
    for (let slot = 0; slot < GUEST_SLOTS; slot++) {
      const k = 4 * slot;
      if (keys[k] === gLo && keys[k + 1] === gHi && keys[k + 2] === vLo && keys[k + 3] === vHi) return slot;
    }
    const slot = this.nextSlot;
    this.nextSlot = (slot + 1) % GUEST_SLOTS;
    this.dropSlot(slot);
    keys[4 * slot] = gLo;
    keys[4 * slot + 1] = gHi;
    keys[4 * slot + 2] = vLo;
    keys[4 * slot + 3] = vHi;
    return slot;
  }

  /**
   * Drops the entries translating virtual address (hi:lo) in every context
   * (SFENCE.VMA with rs1 != x0, Priv §4.2.1): each entry cut from a leaf
   * whose page covers the address, superpages included.
   */
  flushPage(lo: number, hi: number): void {
    for (let c = 0; c < CONTEXTS; c++) {
      const bit = 1 << c;
      if ((this.liveSets & bit) === 0) continue;
      const set = c * SET_SIZE;
      if ((this.superpageSets & bit) !== 0) {
        this.dropCovering(set, set + SET_SIZE, lo, hi);
      } else {
        // Entries of 4 KiB pages: only the address's own index can hold one for it.
        const index = set + tlbIndex(lo);
        for (let i = index; i < set + SET_SIZE; i += TLB_SIZE) this.dropCovering(i, i + 1, lo, hi);
      }
    }
  }

  /** Drops the entries from `first` to `end` (exclusive) whose leaf page covers address (hi:lo). */
  private dropCovering(first: number, end: number, lo: number, hi: number): void {
    const tagLo = this.tagLo;
    const tagHi = this.tagHi;
    const span = this.span;
    for (let i = first; i < end; i++) {
      const bits = span[i];
      if (bits === 0 || tagLo[i] === INVALID_TAG) continue;
      const hit =
        bits < 32
          ? ((tagLo[i] ^ lo) & (-1 << bits)) === 0 && tagHi[i] === hi
          : bits >= 64 || ((tagHi[i] ^ hi) & (-1 << (bits - 32))) === 0;
      if (hit) tagLo[i] = INVALID_TAG;
    }
  }

  /**
   * Selects the TLB set of the hart's current context (privilege, V, and
   * the SUM bit that applies). Called whenever one of them changes.
   */
  selectContext(): void {
    const h = this.hart;
    let c: number;
    if (h.virt) {
      const base = HOST_CONTEXTS + 3 * this.guestSlot();
      c = h.priv === PRIV_U ? base : (h.csrLo[CSR_VSSTATUS] & MSTATUS_SUM) !== 0 ? base + 2 : base + 1;
    } else if (h.priv === PRIV_M) c = 3;
    else if (h.priv === PRIV_U) c = 0;
    else c = (h.csrLo[CSR_MSTATUS] & MSTATUS_SUM) !== 0 ? 2 : 1;
    this.set = c * SET_SIZE;
  }

  /** Keeps stores to RAM page `page` off the fast paths (it just gained a flag): its store-TLB entries get STORE_FLAGGED. */
  purgeStorePage(page: number): void {
    const off = page * PAGE_SIZE;
    for (let set = 0; set < TLB_ENTRIES; set += SET_SIZE) {
      if ((this.storeSets & (1 << (set / SET_SIZE))) === 0) continue;
      for (let i = set + STORE_BASE; i < set + STORE_BASE + TLB_SIZE; i++) {
        if (this.ramOff[i] === off && this.tagLo[i] !== INVALID_TAG) this.tagLo[i] |= STORE_FLAGGED;
      }
    }
  }

  // ---- loads (Unpriv §2.6). Results are sign- or zero-extended to 32 bits.

  loadS8(lo: number, hi: number): number {
    const i = this.set + (tlbIndex(lo) | LOAD_BASE);
    if (this.tagLo[i] === (lo & -4096) && this.tagHi[i] === hi) {
      return (this.u8[this.ramOff[i] + (lo & 4095)] << 24) >> 24;
    }
    return (this.loadSlow(lo, hi, 1) << 24) >> 24;
  }

  loadU8(lo: number, hi: number): number {
    const i = this.set + (tlbIndex(lo) | LOAD_BASE);
    if (this.tagLo[i] === (lo & -4096) && this.tagHi[i] === hi) {
      return this.u8[this.ramOff[i] + (lo & 4095)];
    }
    return this.loadSlow(lo, hi, 1);
  }

  loadS16(lo: number, hi: number): number {
    return (this.loadU16(lo, hi) << 16) >> 16;
  }

  loadU16(lo: number, hi: number): number {
    const i = this.set + (tlbIndex(lo) | LOAD_BASE);
    if (this.tagLo[i] === (lo & -4096) && this.tagHi[i] === hi && (lo & 1) === 0) {
      return this.u16[(this.ramOff[i] + (lo & 4095)) >>> 1];
    }
    return this.loadSlow(lo, hi, 2);
  }

  load32(lo: number, hi: number): number {
    const i = this.set + (tlbIndex(lo) | LOAD_BASE);
    if (this.tagLo[i] === (lo & -4096) && this.tagHi[i] === hi && (lo & 3) === 0) {
      return this.i32[(this.ramOff[i] + (lo & 4095)) >>> 2];
    }
    return this.loadSlow(lo, hi, 4);
  }

  /** 64-bit load: returns the low word, the high word in this.hi. */
  load64(lo: number, hi: number): number {
    const i = this.set + (tlbIndex(lo) | LOAD_BASE);
    if (this.tagLo[i] === (lo & -4096) && this.tagHi[i] === hi && (lo & 7) === 0) {
      const w = (this.ramOff[i] + (lo & 4095)) >>> 2;
      this.hi = this.i32[w + 1];
      return this.i32[w];
    }
    return this.loadSlow(lo, hi, 8);
  }

  // ---- stores

  store8(lo: number, hi: number, v: number): void {
    const i = this.set + (tlbIndex(lo) | STORE_BASE);
    if (this.tagLo[i] === (lo & -4096) && this.tagHi[i] === hi) {
      this.u8[this.ramOff[i] + (lo & 4095)] = v;
      return;
    }
    this.storeSlow(lo, hi, 1, v, 0);
  }

  store16(lo: number, hi: number, v: number): void {
    const i = this.set + (tlbIndex(lo) | STORE_BASE);
    if (this.tagLo[i] === (lo & -4096) && this.tagHi[i] === hi && (lo & 1) === 0) {
      this.u16[(this.ramOff[i] + (lo & 4095)) >>> 1] = v;
      return;
    }
    this.storeSlow(lo, hi, 2, v, 0);
  }

  store32(lo: number, hi: number, v: number): void {
    const i = this.set + (tlbIndex(lo) | STORE_BASE);
    if (this.tagLo[i] === (lo & -4096) && this.tagHi[i] === hi && (lo & 3) === 0) {
      this.i32[(this.ramOff[i] + (lo & 4095)) >>> 2] = v;
      return;
    }
    this.storeSlow(lo, hi, 4, v, 0);
  }

  store64(lo: number, hi: number, vLo: number, vHi: number): void {
    const i = this.set + (tlbIndex(lo) | STORE_BASE);
    if (this.tagLo[i] === (lo & -4096) && this.tagHi[i] === hi && (lo & 7) === 0) {
      const w = (this.ramOff[i] + (lo & 4095)) >>> 2;
      this.i32[w] = vLo;
      this.i32[w + 1] = vHi;
      return;
    }
    this.storeSlow(lo, hi, 8, vLo, vHi);
  }

  // ---- atomics (Unpriv §14.2, §13.4): aligned only; the access needs both
  // read and write permission, and faults report as store/AMO faults.

  /** Translates an AMO/LR/SC address; returns the physical address. */
  translateAtomic(lo: number, hi: number, size: number, isLoadReserved: boolean): number {
    if ((lo & (size - 1)) !== 0) {
      raiseException(this.hart, isLoadReserved ? CAUSE_MISALIGNED_LOAD : CAUSE_MISALIGNED_STORE, lo, hi);
    }
    // A TLB hit needs no walk: an LR is a load, and a store entry's page is
    // writable, hence readable (W without R is reserved in PTEs and in PMP).
    const i = this.set + (tlbIndex(lo) | (isLoadReserved ? LOAD_BASE : STORE_BASE));
    if ((this.tagLo[i] & ~STORE_FLAGGED) === (lo & -4096) && this.tagHi[i] === hi) {
      return this.ram.base + this.ramOff[i] + (lo & 4095);
    }
    const kind = isLoadReserved ? ACCESS_LOAD : ACCESS_STORE;
    const paddr = translate(this.hart, lo, hi, kind, isLoadReserved ? WALK_LOAD : WALK_AMO);
    const off = this.ram.offsetOf(paddr, size);
    if (off < 0 || !this.hart.pmp.allows(paddr, size, kind, this.hart)) {
      raiseException(this.hart, isLoadReserved ? CAUSE_LOAD_ACCESS : CAUSE_STORE_ACCESS, lo, hi);
    }
    // Cache the translation, so that a lock word's next AMO hits instead of
    // walking again (Linux's boot walked 52 K times for AMOs, mostly on
    // pages its LR/SCs flag): the AMO walk checked write permission and set
    // D. AMOs hit a marked store entry too (they always do the flag's work).
    if (this.hart.pmp.coversPage(paddr - (paddr % PAGE_SIZE), kind, this.hart)) {
      if (isLoadReserved) this.fill(i, lo, hi, off & -PAGE_SIZE);
      else this.fillStore(i, lo, hi, off & -PAGE_SIZE);
    }
    return paddr;
  }

  // ---- fetch

  /**
   * Translates the page of a fetch address; returns the RAM offset of the
   * page, or -1 for an executable MMIO region (ROM), which the run loop reads
   * without caching. Raises fetch faults.
   */
  fetchPage(lo: number, hi: number): number {
    const i = this.set + tlbIndex(lo);
    if (this.tagLo[i] === (lo & -4096) && this.tagHi[i] === hi) return this.ramOff[i];
    const paddr = translate(this.hart, lo, hi, ACCESS_FETCH, WALK_FETCH);
    const off = this.ram.offsetOf(paddr, 2);
    if (off < 0) {
      const dev = this.phys.findDevice(paddr, 2);
      if (dev === undefined || !dev.executable) raiseException(this.hart, CAUSE_FETCH_ACCESS, lo, hi);
      return -1;
    }
    if (!this.hart.pmp.allows(paddr, 2, ACCESS_FETCH, this.hart)) raiseException(this.hart, CAUSE_FETCH_ACCESS, lo, hi);
    const pageOff = off & -PAGE_SIZE;
    if (this.hart.pmp.coversPage(paddr - (paddr % PAGE_SIZE), ACCESS_FETCH, this.hart)) {
      this.fill(i, lo, hi, pageOff);
    }
    return pageOff;
  }

  /** Reads a 16-bit parcel for fetch through the slow path (page-straddling or ROM code). */
  fetchParcel(lo: number, hi: number): number {
    const i = this.set + tlbIndex(lo);
    if (this.tagLo[i] === (lo & -4096) && this.tagHi[i] === hi) {
      // A RAM page the fetch TLB maps (PMP allowed all of it when it was filled).
      const off = this.ramOff[i] + (lo & 4095);
      return this.u8[off] | (this.u8[off + 1] << 8);
    }
    const paddr = translate(this.hart, lo, hi, ACCESS_FETCH, WALK_FETCH);
    if (!this.hart.pmp.allows(paddr, 2, ACCESS_FETCH, this.hart)) raiseException(this.hart, CAUSE_FETCH_ACCESS, lo, hi);
    const off = this.ram.offsetOf(paddr, 2);
    if (off >= 0) return this.u8[off] | (this.u8[off + 1] << 8);
    const dev = this.phys.findDevice(paddr, 2);
    if (dev === undefined || !dev.executable) raiseException(this.hart, CAUSE_FETCH_ACCESS, lo, hi);
    return dev.read(paddr - dev.base, 2) & 0xffff;
  }

  // ---- HLV, HLVX, HSV (Priv §9.3.1): explicit accesses as though V=1 at
  // privilege hstatus.SPVP, never through (or into) the TLB.

  /** Privilege of the virtual-machine access in progress, or -1. */
  private guestPriv = -1;
  /** The access in progress is HLVX: execute permission instead of read. */
  private guestHlvx = false;

  /** Runs a load as HLV/HLVX: returns the low word (sign- or zero-extension is the caller's), high word in this.hi. */
  loadGuest(lo: number, hi: number, size: number, priv: number, hlvx: boolean): number {
    this.guestPriv = priv;
    this.guestHlvx = hlvx;
    try {
      return this.loadSlow(lo, hi, size);
    } finally {
      this.guestPriv = -1;
      this.guestHlvx = false;
    }
  }

  /** Runs a store as HSV. */
  storeGuest(lo: number, hi: number, size: number, vLo: number, vHi: number, priv: number): void {
    this.guestPriv = priv;
    try {
      this.storeSlow(lo, hi, size, vLo, vHi);
    } finally {
      this.guestPriv = -1;
    }
  }

  /** Translation for a data access: normal, or as the virtual-machine access in progress. */
  private translateData(lo: number, hi: number, kind: number, walkKind: number): number {
    if (this.guestPriv < 0) return translate(this.hart, lo, hi, kind, walkKind);
    return translateAs(this.hart, lo, hi, this.guestHlvx ? WALK_HLVX : walkKind, this.guestPriv, true);
  }

  /**
   * PMP for a data access. A virtual-machine access is checked at its own
   * privilege (VS as S, VU as U); HLVX needs both execute and read (Priv §9.3.1).
   */
  private pmpAllows(paddr: number, size: number, kind: number): boolean {
    const pmp = this.hart.pmp;
    if (this.guestPriv < 0) return pmp.allows(paddr, size, kind, this.hart);
    if (this.guestHlvx && !pmp.allowsAt(paddr, size, ACCESS_FETCH, this.guestPriv)) return false;
    return pmp.allowsAt(paddr, size, kind, this.guestPriv);
  }

  // ---- slow paths

  /** Caches the translation just made (walkOrigin.spanBits describes it). */
  private fill(i: number, lo: number, hi: number, pageOff: number): void {
    const set = (i / SET_SIZE) | 0;
    if (i - set * SET_SIZE >= STORE_BASE) this.storeSets |= 1 << set;
    this.liveSets |= 1 << set;
    if (walkOrigin.spanBits > 12) this.superpageSets |= 1 << set;
    this.tagLo[i] = lo & -4096;
    this.tagHi[i] = hi;
    this.ramOff[i] = pageOff;
    this.span[i] = walkOrigin.spanBits;
  }

  /**
   * Caches a store translation just made; an entry for a page that has a
   * flag is marked STORE_FLAGGED: its stores keep to the slow path, which
   * does the flag's work, but walk no more (a page of lock words took
   * 4.6 K walks in Linux's boot when flagged pages got no entry).
   */
  private fillStore(i: number, lo: number, hi: number, pageOff: number): void {
    this.fill(i, lo, hi, pageOff);
    if (this.ram.pageFlags[pageOff >>> 12] !== 0) this.tagLo[i] |= STORE_FLAGGED;
  }

  private loadSlow(lo: number, hi: number, size: number): number {
    if ((lo & (size - 1)) !== 0 && (lo & 4095) + size > PAGE_SIZE) return this.loadSplit(lo, hi, size);
    const i = this.set + (tlbIndex(lo) | LOAD_BASE);
    if (this.guestPriv < 0 && this.tagLo[i] === (lo & -4096) && this.tagHi[i] === hi) {
      // A misaligned load within a page the TLB maps: no walk.
      return this.loadPhysical(this.ram.base + this.ramOff[i] + (lo & 4095), size, lo, hi, false);
    }
    const paddr = this.translateData(lo, hi, ACCESS_LOAD, WALK_LOAD);
    return this.loadPhysical(paddr, size, lo, hi, true);
  }

  /** A misaligned load that crosses a page: byte by byte, each byte translated (Priv §3.6: handled in place). */
  private loadSplit(lo: number, hi: number, size: number): number {
    let vLo = 0;
    let vHi = 0;
    for (let k = 0; k < size; k++) {
      const aLo = (lo + k) | 0;
      const aHi = (hi + (aLo >>> 0 < lo >>> 0 ? 1 : 0)) | 0;
      const b = this.loadPhysical(this.translateData(aLo, aHi, ACCESS_LOAD, WALK_LOAD), 1, aLo, aHi, false);
      if (k < 4) vLo |= b << (8 * k);
      else vHi |= b << (8 * (k - 4));
    }
    this.hi = vHi;
    return vLo;
  }

  /** Reads `size` bytes at a physical address; `vLo/vHi` is the virtual address for faults. */
  loadPhysical(paddr: number, size: number, vLo: number, vHi: number, mayFill: boolean): number {
    const hart = this.hart;
    if (!this.pmpAllows(paddr, size, ACCESS_LOAD)) raiseException(hart, CAUSE_LOAD_ACCESS, vLo, vHi);
    const off = this.ram.offsetOf(paddr, size);
    if (off >= 0) {
      if (mayFill && this.guestPriv < 0 && hart.pmp.coversPage(paddr - (paddr % PAGE_SIZE), ACCESS_LOAD, hart)) {
        this.fill(this.set + (tlbIndex(vLo) | LOAD_BASE), vLo, vHi, off & -PAGE_SIZE);
      }
      const u8 = this.u8;
      switch (size) {
        case 1:
          return u8[off];
        case 2:
          return u8[off] | (u8[off + 1] << 8);
        case 4:
          return u8[off] | (u8[off + 1] << 8) | (u8[off + 2] << 16) | (u8[off + 3] << 24);
        default:
          this.hi = u8[off + 4] | (u8[off + 5] << 8) | (u8[off + 6] << 16) | (u8[off + 7] << 24);
          return u8[off] | (u8[off + 1] << 8) | (u8[off + 2] << 16) | (u8[off + 3] << 24);
      }
    }
    const dev = this.phys.findDevice(paddr, size);
    if (dev === undefined) raiseException(hart, CAUSE_LOAD_ACCESS, vLo, vHi);
    const v = dev.read(paddr - dev.base, size);
    if (size === 8) this.hi = dev.readHi;
    return v;
  }

  private storeSlow(lo: number, hi: number, size: number, vLo: number, vHi: number): void {
    if ((lo & (size - 1)) !== 0 && (lo & 4095) + size > PAGE_SIZE) {
      // Misaligned and page-crossing: translate every byte before writing any,
      // so a fault leaves memory untouched.
      const paddrs: number[] = [];
      for (let k = 0; k < size; k++) {
        const aLo = (lo + k) | 0;
        const aHi = (hi + (aLo >>> 0 < lo >>> 0 ? 1 : 0)) | 0;
        const p = this.translateData(aLo, aHi, ACCESS_STORE, WALK_STORE);
        this.checkStorable(p, 1, aLo, aHi);
        paddrs.push(p);
      }
      for (let k = 0; k < size; k++) {
        this.storePhysical(paddrs[k], 1, k < 4 ? vLo >>> (8 * k) : vHi >>> (8 * (k - 4)), 0, lo, hi, false);
      }
      return;
    }
    const i = this.set + (tlbIndex(lo) | STORE_BASE);
    if (this.guestPriv < 0 && (this.tagLo[i] & ~STORE_FLAGGED) === (lo & -4096) && this.tagHi[i] === hi) {
      // A flagged page or a misaligned store: the entry's translation holds,
      // and storePhysical does the flag's work. Once the page has no flag
      // left, the entry serves the fast path again. (Not a fill: the entry
      // keeps the span of the walk that made it.)
      this.storePhysical(this.ram.base + this.ramOff[i] + (lo & 4095), size, vLo, vHi, lo, hi, false);
      if (this.ram.pageFlags[this.ramOff[i] >>> 12] === 0) this.tagLo[i] &= ~STORE_FLAGGED;
      return;
    }
    const paddr = this.translateData(lo, hi, ACCESS_STORE, WALK_STORE);
    this.storePhysical(paddr, size, vLo, vHi, lo, hi, true);
  }

  private checkStorable(paddr: number, size: number, vLo: number, vHi: number): void {
    if (!this.pmpAllows(paddr, size, ACCESS_STORE)) raiseException(this.hart, CAUSE_STORE_ACCESS, vLo, vHi);
    if (this.ram.offsetOf(paddr, size) < 0 && this.phys.findDevice(paddr, size) === undefined) {
      raiseException(this.hart, CAUSE_STORE_ACCESS, vLo, vHi);
    }
  }

  /**
   * Writes `size` bytes at a physical address; `aLo/aHi` is the virtual
   * address for faults. `mayFill`: the translation was just walked
   * (walkOrigin describes it), so the store TLB may cache it.
   */
  storePhysical(
    paddr: number,
    size: number,
    vLo: number,
    vHi: number,
    aLo: number,
    aHi: number,
    mayFill: boolean,
  ): void {
    const hart = this.hart;
    if (!this.pmpAllows(paddr, size, ACCESS_STORE)) raiseException(hart, CAUSE_STORE_ACCESS, aLo, aHi);
    const off = this.ram.offsetOf(paddr, size);
    if (off < 0) {
      const dev = this.phys.findDevice(paddr, size);
      if (dev === undefined) raiseException(hart, CAUSE_STORE_ACCESS, aLo, aHi);
      dev.write(paddr - dev.base, size, size === 8 ? vLo : size === 4 ? vLo : vLo & ((1 << (8 * size)) - 1), vHi);
      return;
    }
    const u8 = this.u8;
    for (let k = 0; k < size; k++) u8[off + k] = k < 4 ? vLo >>> (8 * k) : vHi >>> (8 * (k - 4));
    const page = off >>> 12;
    const flags = this.ram.pageFlags[page];
    if (flags !== 0) {
      this.phys.noteRamWrite(paddr, size, page, flags);
      if ((flags & PAGE_CODE) !== 0) hart.signal |= SIGNAL_STOP;
      if ((flags & PAGE_WATCHED) !== 0 && this.phys.onWatchedWrite !== null) this.phys.onWatchedWrite(paddr, size);
    }
    if (mayFill && this.guestPriv < 0 && hart.pmp.coversPage(paddr - (paddr % PAGE_SIZE), ACCESS_STORE, hart)) {
      this.fillStore(this.set + (tlbIndex(aLo) | STORE_BASE), aLo, aHi, off & -PAGE_SIZE);
    }
  }
}
