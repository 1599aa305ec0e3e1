// Block chaining (QEMU's TCG chains its translated blocks): control goes from
// one compiled block to the next inside WebAssembly, without coming back to
// the engine's JavaScript page loop between them, within a page and into
// other pages the fetch TLB maps.
//
// Every block function sits in one WebAssembly.Table. A small runner
// function, the only module that imports the table (V8 makes instantiating
// a module that imports a table cost as much as the table is long), calls
// a block through it, and while the block ends with BLOCK_CONTINUE at a
// place that has a compiled block, calls that one next. Nothing in between
// can change the mode or the translation context: whatever could, raised
// SIGNAL_STOP and the block returned BLOCK_STOP.
// Each page with compiled code has a link table in the machine memory: per
// 2-byte slot, the table index of the block starting there, or 0. Link
// tables are few (LINK_TABLES); when they run out, the pages holding them
// give them up in turn, dropping their compiled blocks.
import { EXIT_LEFT, EXIT_PC_HI, EXIT_PC_LO } from "../rv64/hart-state.js";
import type { Ram } from "../rv64/memory.js";
import { TLB_ENTRIES, TLB_MASK } from "../rv64/mmu/mmu.js";
import { BLOCK_CONTINUE } from "./block-status.js";
import { FunctionBody, I32, Op, VOID, encodeModule } from "./wasm/encoder.js";
import { BLOCK_PARAMS } from "./wasm/builder.js";
import type { BlockFunction } from "./wasm/compile.js";
import { Wasm, type WasmTable } from "./wasm/api.js";

/** Pages that may hold compiled code at once. */
const LINK_TABLES = 4096;
/** One link table: an i32 per 2-byte slot of a 4 KiB page. */
const LINK_TABLE_BYTES = 2048 * 4;
const TABLE_GROWTH = 1024;

/**
 * run(state, tlb, vaLo, vaHi, left, virt, links, index): runs block `index` and
 * the blocks it leads to in the page whose link table is at `links`;
 * returns the last block's status, its exit words set.
 */
export type Runner = (...args: [...Parameters<BlockFunction>, links: number, index: number]) => number;

/** A page holding a link table. */
export interface LinkedPage {
  /** Its RAM page number. */
  readonly page: number;
  /** Byte address of its link table in the machine memory. */
  links: number;
  /** Drops the page's compiled blocks (its table is being taken away). */
  dropBlocks(): void;
}

export class BlockLinks {
  readonly run: Runner;
  private readonly table: WasmTable;
  private readonly freeIndices: number[] = [];
  private readonly freeLinkTables: number[] = [];
  private readonly linked: LinkedPage[] = [];
  private evictCursor = 0;
  private readonly words: Int32Array;
  private readonly base: number;
  /** Per RAM page: the address of its link table while it has blocks, else 0 (read by the runner). */
  private readonly pageLinks: Int32Array;

  constructor(ram: Ram) {
    this.base = ram.allocateState(LINK_TABLES * LINK_TABLE_BYTES);
    this.words = new Int32Array(ram.memory.buffer, this.base, (LINK_TABLES * LINK_TABLE_BYTES) >>> 2);
    for (let i = LINK_TABLES - 1; i >= 0; i--) this.freeLinkTables.push(this.base + i * LINK_TABLE_BYTES);
    // Index 0 means "no block" in link tables: never used.
    this.table = new Wasm.Table({ element: "anyfunc", initial: 1 });
    const pageLinksBase = ram.allocateState(4 * (ram.size >>> 12));
    this.pageLinks = new Int32Array(ram.memory.buffer, pageLinksBase, ram.size >>> 12);
    const module = new Wasm.Module(runnerModule(ram.memory.buffer.byteLength >>> 16, pageLinksBase));
    this.run = new Wasm.Instance(module, { env: { mem: ram.memory, blocks: this.table } }).exports.run as Runner;
  }

  /** Puts a block function in the table; returns its index. */
  add(run: unknown): number {
    if (this.freeIndices.length === 0) {
      const first = this.table.grow(TABLE_GROWTH);
      for (let i = first + TABLE_GROWTH - 1; i >= first; i--) this.freeIndices.push(i);
    }
    const index = this.freeIndices.pop()!;
    this.table.set(index, run);
    return index;
  }

  /** Takes a block function out of the table. */
  remove(index: number): void {
    this.table.set(index, null);
    this.freeIndices.push(index);
  }

  /** Enters `index` as the block at page offset `off` of `page`'s link table. */
  setLink(page: LinkedPage, off: number, index: number): void {
    this.words[(page.links - this.base + 2 * off) >>> 2] = index;
    this.pageLinks[page.page] = page.links;
  }

  /** RAM page `page`'s code changed: the runner must not enter its blocks (they are dropped when next visited). */
  codeChanged(page: number): void {
    this.pageLinks[page] = 0;
  }

  /** Empties the link table at `links`. */
  clear(links: number): void {
    const first = (links - this.base) >>> 2;
    this.words.fill(0, first, first + LINK_TABLE_BYTES / 4);
  }

  /** Gives `page` a link table (`page.links`), taking one from another page if none is free. */
  attach(page: LinkedPage): void {
    let links = this.freeLinkTables.pop();
    if (links === undefined) {
      const victim = this.linked[this.evictCursor];
      victim.dropBlocks();
      links = victim.links;
      victim.links = 0;
      this.pageLinks[victim.page] = 0;
      this.linked[this.evictCursor] = page;
      this.evictCursor = (this.evictCursor + 1) % this.linked.length;
    } else {
      this.linked.push(page);
    }
    page.links = links;
  }
}

/**
 * The runner's module (see Runner): imports the memory and the table of
 * blocks. Control may go on into another page when the current context's
 * fetch TLB maps it and it has compiled blocks (`pageLinksBase`).
 */
function runnerModule(memoryPages: number, pageLinksBase: number): Uint8Array {
  const [STATE, TLB, VA_LO, VA_HI, LEFT, VIRT, LINKS, INDEX] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [STATUS, PC_LO, PC_HI, ENTRY] = [8, 9, 10, 11];
  const f = new FunctionBody();
  const continueIf = (): void => {
    f.op(Op.if).byte(VOID).i32(BLOCK_CONTINUE).op(Op.return).op(Op.end);
  };
  f.op(Op.loop).byte(VOID);
  f.get(STATE).get(TLB).get(VA_LO).get(VA_HI).get(LEFT).get(VIRT).get(INDEX);
  f.op(Op.callIndirect).u32(1).u32(0).tee(STATUS);
  f.op(Op.if).byte(VOID).get(STATUS).op(Op.return).op(Op.end);
  // BLOCK_CONTINUE: go on while the slice has room and a block starts at pc.
  f.get(STATE).mem(Op.i32Load, 2, EXIT_LEFT).tee(LEFT).i32(0).op(Op.i32LeS);
  continueIf();
  f.get(STATE).mem(Op.i32Load, 2, EXIT_PC_LO).set(PC_LO);
  f.get(STATE).mem(Op.i32Load, 2, EXIT_PC_HI).tee(PC_HI).get(VA_HI).op(Op.i32Ne);
  f.get(PC_LO).i32(-4096).op(Op.i32And).get(VA_LO).op(Op.i32Ne).op(Op.i32Or);
  f.op(Op.if).byte(VOID);
  {
    // Another page: its fetch TLB entry (mmu.ts fetchPage, tlbIndex), then its link table.
    f.get(TLB).get(PC_LO).i32(12).op(Op.i32ShrU).get(PC_LO).i32(20).op(Op.i32ShrU).op(Op.i32Xor);
    f.i32(TLB_MASK).op(Op.i32And).i32(2).op(Op.i32Shl);
    f.op(Op.i32Add).set(ENTRY);
    f.get(ENTRY).mem(Op.i32Load, 2, 0).get(PC_LO).i32(-4096).op(Op.i32And).op(Op.i32Ne);
    f.get(ENTRY)
      .mem(Op.i32Load, 2, 4 * TLB_ENTRIES)
      .get(PC_HI)
      .op(Op.i32Ne)
      .op(Op.i32Or);
    continueIf();
    f.get(ENTRY)
      .mem(Op.i32Load, 2, 8 * TLB_ENTRIES)
      .i32(12)
      .op(Op.i32ShrU)
      .i32(2)
      .op(Op.i32Shl);
    f.mem(Op.i32Load, 2, pageLinksBase).tee(LINKS).op(Op.i32Eqz);
    continueIf();
    f.get(PC_LO).i32(-4096).op(Op.i32And).set(VA_LO);
    f.get(PC_HI).set(VA_HI);
  }
  f.op(Op.end);
  f.get(PC_LO).i32(4094).op(Op.i32And).i32(1).op(Op.i32Shl).get(LINKS).op(Op.i32Add);
  f.mem(Op.i32Load, 2, 0).tee(INDEX).op(Op.i32Eqz);
  continueIf();
  f.op(Op.br).u32(0);
  f.op(Op.end).op(Op.unreachable);
  return encodeModule(
    {
      functions: [
        {
          params: [I32, I32, I32, I32, I32, I32, I32, I32],
          results: [I32],
          locals: [I32, I32, I32, I32],
          code: f,
          export: "run",
        },
      ],
      table: "blocks",
      callTypes: [{ params: BLOCK_PARAMS, results: [I32] }],
    },
    memoryPages,
  );
}
