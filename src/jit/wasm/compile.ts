// Compiles one hot block of a physical code page into a WebAssembly module,
// emitted byte by byte at run time (the backend choice is explained in
// docs/performance.md).
//
// A block starts where control arrives (a jump target, or where the previous
// block ended) and runs straight on to the first branch or jump, the first
// instruction that may change what the loop caches (endsBlock), the end of
// the page, or MAX_BLOCK instructions. Each instruction either has a
// template (templates.ts) or calls its interpreter handler with the hart's
// state made exact first, so traps are precise in the middle of a block and
// instret counts exactly the instructions that retired.
import { Decoded } from "../../rv64/decode/decoded.js";
import { decodeInto } from "../../rv64/decode/decode.js";
import { allInstructions } from "../../rv64/decode/table.js";
import type { Hart } from "../../rv64/hart.js";
import { SIGNAL_JUMP } from "../../rv64/hart.js";
import { EXIT_LEFT, EXIT_PC_HI, EXIT_PC_LO } from "../../rv64/hart-state.js";
import { UNDECODED, type Ram } from "../../rv64/memory.js";
import { BLOCK_CONTINUE, BLOCK_STOP } from "../block-status.js";
import { BLOCK_PARAMS, BlockBuilder, HOST_GO_ON, HOST_STATUS_BIAS } from "./builder.js";
import { I32, Op, VOID, encodeModule } from "./encoder.js";
import { Wasm } from "./api.js";
import { templates } from "./templates.js";

/** Longest block, in instructions. */
export const MAX_BLOCK = 64;

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

/** A compiled block and its length. */
export interface Block {
  run: BlockFunction;
  /** Instructions in the block: it runs only when the slice has this many left. */
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

/**
 * Compiles the block starting at page offset `start`, or returns null if
 * none can start there.
 */
export function compileBlock(
  slots: Decoded[],
  ram: Ram,
  parcelBase: number,
  start: number,
  running: RunningHart,
): Block | null {
  const insns: Decoded[] = [];
  const offsets: number[] = [];
  let off = start;
  while (insns.length < MAX_BLOCK && off < 4096) {
    const d = decodedAt(slots, ram.u16, parcelBase, off);
    if (d === null) break; // straddles into the next page: the interpreter runs it uncached
    insns.push(d);
    offsets.push(off);
    off += d.len;
    const template = templates[d.name];
    if (template !== undefined ? template.kind === "end" : endsBlock(d)) break;
  }
  if (insns.length === 0) return null;

  const last = insns[insns.length - 1];
  const lastOff = offsets[offsets.length - 1];
  const loops = (last.name === "jal" || BRANCHES.has(last.name)) && lastOff + last.imm === start;
  const b = new BlockBuilder(
    start,
    insns.length,
    insns,
    loops,
    (d) => templates[d.name]?.noRd !== true && !writesFpRd(d),
    (d) => templates[d.name]?.fp,
    writesFpRd,
  );
  b.prologue();
  b.f.op(Op.loop).byte(VOID);
  let jumped = false;
  insns.forEach((d, k) => {
    const template = templates[d.name];
    if (template !== undefined) {
      template.emit(b, d, { k, off: offsets[k], next: offsets[k] + d.len });
      jumped = template.kind === "end";
    } else {
      b.callHandler(d, k, offsets[k], "main");
    }
  });
  // Fell off the end, or the last handler raised no signal: go on after it.
  if (!jumped) b.jumpTo(off);
  b.f.op(Op.end).op(Op.unreachable);

  const bytes = encodeModule(
    {
      params: BLOCK_PARAMS,
      results: [I32],
      locals: b.localTypes(),
      code: b.f,
      imports: [HANDLER_IMPORT],
    },
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
  const instance = new Wasm.Instance(new Wasm.Module(bytes), { env: { mem: ram.memory, call } });
  return { run: instance.exports.run as BlockFunction, count: insns.length };
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
