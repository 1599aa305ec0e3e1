// Block chaining (QEMU's TCG chains its translated blocks): a compiled block
// that ends by going to a place in its own page tail-calls the block
// compiled there, without returning to the engine's page loop.
//
// Every block function sits in one WebAssembly.Table that all block modules
// import. Each page with compiled code has a link table in the machine
// memory: per 2-byte slot, the table index of the block starting there, or
// 0. A block's exits read their target's entry (static targets at a fixed
// address, JALR's through the computed pc when it stays in the page) and
// return_call_indirect it if present; the target checks the slice has room
// for it. Link tables are few (LINK_TABLES); when they run out, the pages
// that hold them give them up in turn, dropping their compiled blocks.
import type { Ram } from "../rv64/memory.js";
import { Wasm, type WasmTable } from "./wasm/api.js";

/** Pages that may hold compiled code at once. */
const LINK_TABLES = 4096;
/** One link table: an i32 per 2-byte slot of a 4 KiB page. */
export const LINK_TABLE_BYTES = 2048 * 4;
const TABLE_GROWTH = 1024;

/** A page holding a link table. */
export interface LinkedPage {
  /** Byte address of its link table in the machine memory. */
  links: number;
  /** Drops the page's compiled blocks (its table is being taken away). */
  dropBlocks(): void;
}

export class BlockLinks {
  readonly table: WasmTable;
  private readonly freeIndices: number[] = [];
  private readonly freeLinkTables: number[] = [];
  private readonly linked: LinkedPage[] = [];
  private evictCursor = 0;
  private readonly words: Int32Array;
  private readonly base: number;

  constructor(ram: Ram) {
    this.base = ram.allocateState(LINK_TABLES * LINK_TABLE_BYTES);
    this.words = new Int32Array(ram.memory.buffer, this.base, (LINK_TABLES * LINK_TABLE_BYTES) >>> 2);
    for (let i = LINK_TABLES - 1; i >= 0; i--) this.freeLinkTables.push(this.base + i * LINK_TABLE_BYTES);
    // Index 0 means "no block" in link tables: never used.
    this.table = new Wasm.Table({ element: "anyfunc", initial: 1 });
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

  /** Enters `index` as the block at page offset `off` of the link table at `links`. */
  setLink(links: number, off: number, index: number): void {
    this.words[(links - this.base + 2 * off) >>> 2] = index;
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
      this.clear(links);
      this.linked[this.evictCursor] = page;
      this.evictCursor = (this.evictCursor + 1) % this.linked.length;
    } else {
      this.linked.push(page);
    }
    page.links = links;
  }
}
