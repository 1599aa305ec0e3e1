// Compiles one hot region of a physical code page into a WebAssembly
// module, emitted byte by byte at run time (the backend choice is explained
// in docs/performance.md).
//
// A block starts where control arrives (a jump target, or where the previous
// block ended) and runs straight on to the first branch or jump, the first
// instruction that may change what the loop caches (endsBlock), the end of
// the page, or MAX_BLOCK instructions. Each instruction either has a
// template (templates.ts) or calls its interpreter handler with the hart's
// state made exact first, so traps are precise in the middle of a block and
// instret counts exactly the instructions that retired.
//
// A region is the hot block and the blocks its direct branches and jumps
// reach on the same page (breadth first, up to MAX_REGION_BLOCKS and
// MAX_REGION_INSNS): one function runs them from block to block with the
// registers kept in locals (BlockBuilder's dispatch loop), leaving only at
// a jump out of the region, a computed jump, a handler's signal, or when
// the slice has no room for the next block.
import { Decoded } from "../../rv64/decode/decoded.js";
import { decodeInto } from "../../rv64/decode/decode.js";
import { allInstructions } from "../../rv64/decode/table.js";
import type { Hart } from "../../rv64/hart.js";
import { SIGNAL_JUMP } from "../../rv64/hart.js";
import { EXIT_LEFT, EXIT_PC_HI, EXIT_PC_LO } from "../../rv64/hart-state.js";
import { UNDECODED, type Ram } from "../../rv64/memory.js";
import { BLOCK_CONTINUE, BLOCK_STOP } from "../block-status.js";
import { BlockBuilder, HOST_GO_ON, HOST_STATUS_BIAS, REGION_FUNCTION } from "./builder.js";
import { I32, Op, encodeModule } from "./encoder.js";
import { Wasm } from "./api.js";
import { templates } from "./templates.js";

/** Longest block, in instructions. */
export const MAX_BLOCK = 64;
/** Largest region: blocks, and instructions in all of them. */
const MAX_REGION_BLOCKS = 16;
const MAX_REGION_INSNS = 256;

/**
 * A compiled block: run(stateBase, tlbSet, vaLo, vaHi, left, virt) runs it from
 * its first instruction, leaves pc and the slice counter in the hart's exit
 * words, and returns BLOCK_CONTINUE, BLOCK_STOP or BLOCK_SHORT.
 */
export type BlockFunction = (
  state: number,
  tlb: number,
  vaLo: number,
  vaHi: number,
  left: number,
  virt: number,
) => number;

/** A compiled region's entry at one of its blocks: where that block starts, its function, and its length. */
export interface Block {
  /** Page offset of the block. */
  start: number;
  run: BlockFunction;
  /** Instructions in the block: the region is entered here only when the slice has this many left. */
  count: number;
}

/** The hart running compiled code now: the blocks' handler calls act on it. */
export interface RunningHart {
  hart: Hart | null;
}

const BRANCHES = new Set(["beq", "bne", "blt", "bge", "bltu", "bgeu"]);

/** Mnemonics whose rd is an f register (the decode table's fpRd), built on first use. */
let fpRdNames: Set<string> | null = null;

/** Whether `d` writes f[rd] rather than x[rd]. */
function writesFpRd(d: Decoded): boolean {
  fpRdNames ??= new Set(allInstructions.filter((def) => def.fpRd === true).map((def) => def.name));
  return fpRdNames.has(d.name);
}

const HANDLER_IMPORT = { name: "call", params: [I32, I32, I32, I32], results: [I32] };

/** A block's instructions, their page offsets, and the offset after the last. */
interface Scanned {
  start: number;
  insns: Decoded[];
  offsets: number[];
  end: number;
}

/** The block at page offset `start` (see the file comment), or null if none can start there. */
function scanBlock(slots: Decoded[], u16: Uint16Array, parcelBase: number, start: number): Scanned | null {
  const insns: Decoded[] = [];
  const offsets: number[] = [];
  let off = start;
  while (insns.length < MAX_BLOCK && off < 4096) {
    const d = decodedAt(slots, u16, parcelBase, off);
    if (d === null) break; // straddles into the next page: the interpreter runs it uncached
    insns.push(d);
    offsets.push(off);
    off += d.len;
    const template = templates[d.name];
    if (template !== undefined ? template.kind === "end" : endsBlock(d)) break;
  }
  return insns.length === 0 ? null : { start, insns, offsets, end: off };
}

/** Page offsets control may go to directly after `block` (a computed jump has none). */
function successors(block: Scanned): number[] {
  const last = block.insns[block.insns.length - 1];
  const lastOff = block.offsets[block.offsets.length - 1];
  if (BRANCHES.has(last.name)) return [lastOff + last.imm, block.end];
  if (last.name === "jal") return [lastOff + last.imm];
  if (templates[last.name]?.kind === "end") return [];
  return [block.end];
}

/** The region rooted at `start`: its blocks, breadth first from the root (see the file comment). */
function scanRegion(slots: Decoded[], u16: Uint16Array, parcelBase: number, start: number): Scanned[] {
  const blocks: Scanned[] = [];
  const queue = [start];
  const seen = new Set(queue);
  let insns = 0;
  while (queue.length > 0 && blocks.length < MAX_REGION_BLOCKS) {
    const block = scanBlock(slots, u16, parcelBase, queue.shift()!);
    if (block === null) continue;
    if (blocks.length > 0 && insns + block.insns.length > MAX_REGION_INSNS) break;
    blocks.push(block);
    insns += block.insns.length;
    for (const next of successors(block)) {
      if (next >= 0 && next < 4096 && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return blocks;
}

/**
 * Compiles the region rooted at page offset `start`: an entry at each of
 * its blocks, the root's first (control reaches a block inside the region
 * from elsewhere too, and the engine resumes a slice that ended inside a
 * block at the next block start). Returns null if no block can start there.
 */
export function compileRegion(
  slots: Decoded[],
  ram: Ram,
  parcelBase: number,
  start: number,
  running: RunningHart,
): Block[] | null {
  const region = scanRegion(slots, ram.u16, parcelBase, start);
  if (region.length === 0) return null;
  const b = new BlockBuilder(
    region.map((block) => ({ start: block.start, insns: block.insns, successors: successors(block) })),
    (d) => templates[d.name]?.noRd !== true && !writesFpRd(d),
    (d) => templates[d.name]?.fp,
    writesFpRd,
  );
  b.prologue();
  b.openDispatch();
  region.forEach((block, i) => {
    b.enterBlock(i);
    let jumped = false;
    block.insns.forEach((d, k) => {
      const template = templates[d.name];
      const off = block.offsets[k];
      if (template !== undefined) {
        template.emit(b, d, { k, off, next: off + d.len });
        jumped = template.kind === "end";
      } else {
        b.callHandler(d, k, off, "main");
      }
    });
    // Fell off the end, or the last handler raised no signal: go on after it.
    if (!jumped) b.jumpTo(block.end);
    b.closeBlock();
  });
  b.f.op(Op.unreachable);

  // Function indices: the handler import, the region, its write-back helper, then the entries (builder.ts).
  const entries = region.map((_, i) => ({ ...b.entryFunction(i, REGION_FUNCTION), export: `${i}` }));
  const bytes = encodeModule(
    { functions: [b.regionFunction(), b.writeBackFunction(), ...entries], imports: [HANDLER_IMPORT] },
    ram.memory.buffer.byteLength >>> 16,
  );
  const calls = b.calls;
  const call = (index: number, pcLo: number, pcHi: number, left: number): number => {
    const h = running.hart!;
    const d = calls[index];
    // The block may have been reached by a chain from another page (block-links.ts).
    h.codeSlots = slots;
    h.pcLo = pcLo;
    h.pcHi = pcHi;
    h.sliceLeft = left;
    d.exec(h, d);
    return h.signal === 0 ? HOST_GO_ON : followSignal(h, d.len);
  };
  const { exports } = new Wasm.Instance(new Wasm.Module(bytes), { env: { mem: ram.memory, call } });
  return region.map((block, i) => ({
    start: block.start,
    run: exports[`${i}`] as BlockFunction,
    count: block.insns.length,
  }));
}

/** The decoded instruction at page offset `off`, decoding it into its slot on first use; null if it straddles the page end. */
function decodedAt(slots: Decoded[], u16: Uint16Array, parcelBase: number, off: number): Decoded | null {
  let d = slots[off >>> 1];
  if (d.len !== 0) return d;
  const lo16 = u16[parcelBase + (off >>> 1)];
  if (off === 4094 && (lo16 & 3) === 3) return null;
  if (d === UNDECODED) slots[off >>> 1] = d = new Decoded();
  decodeInto(d, lo16, off === 4094 ? 0 : u16[parcelBase + (off >>> 1) + 1]);
  return d;
}

/**
 * After a handler raised a signal: what the interpreter's page loop does
 * (run-loop.ts), with pc and the slice counter left in the exit words.
 * Returns the block's status, biased for the host call's answer.
 */
function followSignal(h: Hart, len: number): number {
  h.sliceLeft--;
  const signal = h.signal;
  h.signal = 0;
  let status = BLOCK_STOP;
  if ((signal & SIGNAL_JUMP) === 0) {
    const lo = (h.pcLo + len) | 0;
    if (lo >>> 0 < h.pcLo >>> 0) h.pcHi = (h.pcHi + 1) | 0;
    h.pcLo = lo;
  } else if (signal === SIGNAL_JUMP) {
    status = BLOCK_CONTINUE;
  }
  const exit = h.state;
  exit[EXIT_PC_LO >>> 2] = h.pcLo;
  exit[EXIT_PC_HI >>> 2] = h.pcHi;
  exit[EXIT_LEFT >>> 2] = h.sliceLeft;
  return status + HOST_STATUS_BIAS;
}

/**
 * Whether a handler-run instruction ends its block: anything that may
 * change privilege, translation, interrupt state or pc (the system
 * instructions and CSR accesses), or that always traps.
 */
function endsBlock(d: Decoded): boolean {
  const name = d.name;
  return (
    name.startsWith("csr") ||
    name.startsWith("hfence") ||
    name === "ecall" ||
    name === "ebreak" ||
    name === "mret" ||
    name === "sret" ||
    name === "wfi" ||
    name === "sfence.vma" ||
    name === "fence.i" ||
    name === "illegal"
  );
}
