// The translation engine: runs a hart's code as compiled blocks where the
// code is hot, and through the interpreter elsewhere.
//
// Compiled code is cached per physical RAM page and shared by every hart on
// the memory, beside the page's decoded slots; a store to the page (or a
// host write) drops both together (PhysicalMemory.codeGeneration). Each
// place a block may start counts its arrivals; at the hot threshold its
// block is compiled (compile.ts). The page loop below runs compiled blocks
// where there are some and the interpreter elsewhere, until control leaves
// the page; interrupts are taken between pages and after SIGNAL_STOP, where
// the interpreter takes them (run-loop.ts).
import type { Decoded } from "../rv64/decode/decoded.js";
import type { Hart } from "../rv64/hart.js";
import type { PhysicalMemory } from "../rv64/memory.js";
import {
  NOT_COMPILABLE,
  PAGE_LEFT,
  PAGE_STOP,
  interpretInPage,
  runUncached,
  type ArrivalWatch,
} from "../rv64/run-loop.js";
import { EXIT_LEFT, EXIT_PC_HI, EXIT_PC_LO } from "../rv64/hart-state.js";
import { BLOCK_STOP } from "./block-status.js";
import { compileRegion, type Block, type RunningHart } from "./wasm/compile.js";
import { BlockLinks, type LinkedPage } from "./block-links.js";

/**
 * Arrivals at a block start before it is compiled (the profile's only
 * input). Compiling costs V8 a module compile and an instantiation per
 * block (0.1-0.3 ms), and Linux runs most of its code too few times to
 * repay it: its boot to the marker by threshold (docs/performance.md):
 * 1000 -> 3.7-5.1 s, 4000 -> 3.6-3.8 s, 16000 -> 3.3 s, 64000 -> 3.3-3.4 s,
 * no engine 3.45 s. CPU-bound loops pass 16000 within a few hundred
 * thousand instructions.
 */
export const HOT_THRESHOLD = 16000;

/**
 * Entering a compiled block from JavaScript costs more than interpreting a
 * few instructions (the call into WebAssembly, the register loads and
 * stores, the exit words). A block is watched for its first ENTRIES_WATCHED
 * entries from the page loop; if they ran fewer than MIN_RUN_PER_ENTRY
 * instructions each on average (with the blocks it chained to), the page
 * loop interprets it from then on, and only chains still reach it. Measured
 * in docs/performance.md (the PV console workload).
 */
const ENTRIES_WATCHED = 64;
const MIN_RUN_PER_ENTRY = 16;

/** What a page with compiled blocks keeps about them, by 2-byte slot (most code pages never get one). */
class CompiledSlots {
  /** Table index of the block at each slot (block-links.ts). */
  readonly indices = new Int32Array(2048);
  /** Entries from the page loop while watched, and the instructions they ran. */
  readonly entries = new Uint8Array(2048);
  readonly ran = new Int32Array(2048);
}

/** One physical page's compiled blocks and arrival counts, by 2-byte slot. */
class PageBlocks implements ArrivalWatch, LinkedPage {
  /** Instructions in the block at each slot; 0: not compiled. */
  readonly counts = new Uint8Array(2048);
  readonly arrivals = new Uint16Array(2048);
  /** Set at the page's first block. */
  compiled: CompiledSlots | null = null;
  /** The page's link table, or 0 before its first block (block-links.ts). */
  links = 0;
  constructor(
    readonly page: number,
    public generation: number,
    readonly threshold: number,
    private readonly chain: BlockLinks,
  ) {}

  /** Takes in a compiled block at page offset `start`. */
  add(start: number, block: Block): void {
    const index = this.chain.add(block.run);
    this.chain.setLink(this, start, index);
    this.compiled ??= new CompiledSlots();
    this.compiled.indices[start >>> 1] = index;
    this.counts[start >>> 1] = block.count;
  }

  dropBlocks(): void {
    this.counts.fill(0);
    const compiled = this.compiled;
    if (compiled !== null) {
      for (let slot = 0; slot < 2048; slot++) {
        if (compiled.indices[slot] !== 0) this.chain.remove(compiled.indices[slot]);
      }
      this.compiled = null;
    }
    if (this.links !== 0) this.chain.clear(this.links);
  }

  /** The page's code changed: forget its blocks and counts. */
  reset(generation: number): void {
    this.dropBlocks();
    this.arrivals.fill(0);
    this.generation = generation;
  }
}

/** Counts one entry into the block at `slot` that ran `instructions`; stops entering it when they are too few. */
function watch(blocks: PageBlocks, compiled: CompiledSlots, slot: number, instructions: number): void {
  compiled.ran[slot] += instructions;
  if (++compiled.entries[slot] === ENTRIES_WATCHED && compiled.ran[slot] < ENTRIES_WATCHED * MIN_RUN_PER_ENTRY) {
    blocks.counts[slot] = NOT_COMPILABLE;
  }
}

export class JitEngine {
  private readonly pages: (PageBlocks | undefined)[];
  /** The hart whose blocks run now (their handler calls act on it). */
  private readonly running: RunningHart = { hart: null };
  private readonly links: BlockLinks;
  /** Regions compiled so far, and the block entries they gave. */
  regionsCompiled = 0;
  blocksCompiled = 0;

  /**
   * The engine of the harts that will be created on `phys` (create it
   * first). `hotThreshold`: arrivals before a block is compiled (1 compiles
   * every block on first arrival, as the differential tests do).
   */
  constructor(
    private readonly phys: PhysicalMemory,
    private readonly hotThreshold = HOT_THRESHOLD,
  ) {
    if (phys.jit !== null) throw new Error("rvhv: this memory already has a translation engine");
    this.pages = new Array<PageBlocks | undefined>(phys.ram.size >>> 12);
    this.links = new BlockLinks(phys.ram);
    phys.jit = this;
  }

  /**
   * The page loop (run-loop.ts runPage, with compiled code): runs from the
   * page holding pc until control leaves it, the slice ends, or an
   * instruction raises SIGNAL_STOP (returns true then).
   */
  runPage(h: Hart): boolean {
    const vaHi = h.pcHi;
    const vaBase = h.pcLo & -4096;
    const pageOff = h.mmu.fetchPage(h.pcLo, vaHi);
    if (pageOff < 0) {
      runUncached(h);
      return true;
    }
    const page = pageOff >>> 12;
    const slots = this.phys.codePage(page);
    h.codeSlots = slots;
    const blocks = this.blocksOf(page);
    const exit = h.state;
    this.running.hart = h;
    // Arrivals from outside the page and from blocks are counted here; the
    // interpreter counts those of the jumps it runs (ArrivalWatch).
    let counted = false;
    for (;;) {
      const off = h.pcLo & 4095;
      const slot = off >>> 1;
      let count = blocks.counts[slot];
      if (count === 0 && (counted ? blocks.arrivals[slot] : ++blocks.arrivals[slot]) >= this.hotThreshold) {
        count = this.compile(blocks, slots, pageOff, off);
      }
      if (count !== 0 && count !== NOT_COMPILABLE && count <= h.sliceLeft) {
        const tlb = h.mmu.tlbBase + (h.mmu.set << 2);
        const before = h.sliceLeft;
        const compiled = blocks.compiled!; // a block is compiled at this slot
        const status = this.links.run(
          h.stateBase,
          tlb,
          vaBase,
          vaHi,
          h.sliceLeft,
          h.virt ? 1 : 0,
          blocks.links,
          compiled.indices[slot],
        );
        h.pcLo = exit[EXIT_PC_LO >>> 2];
        h.pcHi = exit[EXIT_PC_HI >>> 2];
        h.sliceLeft = exit[EXIT_LEFT >>> 2];
        if (compiled.entries[slot] < ENTRIES_WATCHED) watch(blocks, compiled, slot, before - h.sliceLeft);
        if (status === BLOCK_STOP) return true;
        counted = false;
      } else {
        const status = interpretInPage(h, slots, pageOff, blocks);
        if (status === PAGE_STOP) return true;
        if (status === PAGE_LEFT) return false;
        counted = true;
      }
      if (h.pcHi !== vaHi || (h.pcLo & -4096) !== vaBase || h.sliceLeft <= 0) return false;
    }
  }

  /** RAM page `page`'s code changed (a store, a loader): chains must not enter its blocks. */
  codeDropped(page: number): void {
    this.links.codeChanged(page);
  }

  /** The page's blocks, emptied if its code changed since they were compiled. */
  private blocksOf(page: number): PageBlocks {
    const generation = this.phys.codeGeneration[page];
    let blocks = this.pages[page];
    if (blocks === undefined)
      this.pages[page] = blocks = new PageBlocks(page, generation, this.hotThreshold, this.links);
    else if (blocks.generation !== generation) blocks.reset(generation);
    return blocks;
  }

  /**
   * Compiles the region rooted at page offset `start`; returns the root
   * block's count (or NOT_COMPILABLE). The region's other blocks become
   * entries too where the page has none yet.
   */
  private compile(blocks: PageBlocks, slots: Decoded[], pageOff: number, start: number): number {
    if (blocks.links === 0) this.links.attach(blocks);
    const entries = compileRegion(slots, this.phys.ram, pageOff >>> 1, start, this.running);
    if (entries === null) {
      blocks.counts[start >>> 1] = NOT_COMPILABLE;
      return NOT_COMPILABLE;
    }
    for (const entry of entries) {
      if (entry.start !== start && blocks.counts[entry.start >>> 1] !== 0) continue;
      blocks.add(entry.start, entry);
      this.blocksCompiled++;
    }
    this.regionsCompiled++;
    return entries[0].count;
  }
}
