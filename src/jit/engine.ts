// The translation engine: runs a hart's code as compiled blocks where the
// code is hot, and through the interpreter elsewhere.
//
// Blocks are cached per physical RAM page and shared by every hart on the
// memory, beside the page's decoded slots; a store to the page (or a host
// write) drops both together (PhysicalMemory.codeGeneration). Each place a
// block may start counts its arrivals; at HOT_THRESHOLD the block is
// compiled. The page loop below follows control from block to block while it
// stays in the page, so a loop runs compiled blocks back to back; interrupts
// are taken between blocks, where the interpreter takes them (run-loop.ts).
import type { Decoded } from "../rv64/decode/decoded.js";
import type { Hart } from "../rv64/hart.js";
import type { PhysicalMemory } from "../rv64/memory.js";
import { PAGE_LEFT, PAGE_STOP, interpretInPage, runUncached } from "../rv64/run-loop.js";
import { BLOCK_STOP } from "./emitter.js";
import { compileBlock, type Block } from "./compile.js";

/** Arrivals at a block start before it is compiled (the profile's only input). */
export const HOT_THRESHOLD = 32;

/** No block can start here (the first instruction straddles the page end): interpret. */
const NOT_COMPILABLE: Block = { run: () => 0, count: Number.MAX_SAFE_INTEGER };

/** One physical page's compiled blocks and arrival counts, by 2-byte slot. */
class PageBlocks {
  readonly blocks: (Block | undefined)[] = new Array<Block | undefined>(2048);
  readonly arrivals = new Uint8Array(2048);
  constructor(public generation: number) {}

  reset(generation: number): void {
    this.blocks.fill(undefined);
    this.arrivals.fill(0);
    this.generation = generation;
  }
}

export class JitEngine {
  private readonly pages: (PageBlocks | undefined)[];
  /** Blocks compiled so far, and the milliseconds spent compiling them. */
  blocksCompiled = 0;
  compileMs = 0;

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
    phys.jit = this;
  }

  /**
   * The page loop (run-loop.ts runPage, with compiled blocks): runs from the
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
    for (;;) {
      const slot = (h.pcLo & 4095) >>> 1;
      let block = blocks.blocks[slot];
      if (block === undefined && ++blocks.arrivals[slot] >= this.hotThreshold) {
        block = this.compile(slots, pageOff, slot << 1);
        blocks.blocks[slot] = block;
      }
      if (block !== undefined && block.count <= h.sliceLeft) {
        if (block.run(h, vaBase, h.sliceLeft) === BLOCK_STOP) return true;
      } else {
        const status = interpretInPage(h, slots, pageOff, true);
        if (status === PAGE_STOP) return true;
        if (status === PAGE_LEFT) return false;
      }
      if (h.pcHi !== vaHi || (h.pcLo & -4096) !== vaBase || h.sliceLeft <= 0) return false;
    }
  }

  /** The page's blocks, emptied if its code changed since they were compiled. */
  private blocksOf(page: number): PageBlocks {
    const generation = this.phys.codeGeneration[page];
    let blocks = this.pages[page];
    if (blocks === undefined) this.pages[page] = blocks = new PageBlocks(generation);
    else if (blocks.generation !== generation) blocks.reset(generation);
    return blocks;
  }

  private compile(slots: Decoded[], pageOff: number, start: number): Block {
    const t0 = performance.now();
    const block = compileBlock(slots, this.phys.ram.u16, pageOff >>> 1, start);
    this.compileMs += performance.now() - t0;
    if (block === null) return NOT_COMPILABLE;
    this.blocksCompiled++;
    return block;
  }
}
