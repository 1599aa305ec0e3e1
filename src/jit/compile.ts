// Compiles the hot blocks of one physical code page into one JavaScript
// function (the backend choice is explained in docs/performance.md).
//
// A block starts where control arrives (a jump target, or where the previous
// block ended). Each instruction either has a template (templates.ts) or
// calls its interpreter handler with the hart's state made exact first, so
// traps are precise in the middle of a block and instret counts exactly the
// instructions that retired.
import { Decoded } from "../rv64/decode/decoded.js";
import { decodeInto } from "../rv64/decode/decode.js";
import { mul64, r, sll64, sra64, srl64 } from "../rv64/int64.js";
import { addD, divD, fmaD, mulD, sqrtD, subD } from "../rv64/fp/binary64.js";
import { fres } from "../rv64/fp/common.js";
import { UNDECODED, type Ram } from "../rv64/memory.js";
import { rv64m } from "../rv64/exec/m.js";
import { rv64zba } from "../rv64/exec/zba.js";
import { rv64zbb } from "../rv64/exec/zbb.js";
import { rv64zbc } from "../rv64/exec/zbc.js";
import { rv64zbkb } from "../rv64/exec/zbkb.js";
import { rv64zbkx } from "../rv64/exec/zbkx.js";
import { rv64zbs } from "../rv64/exec/zbs.js";
import { rv64zicond } from "../rv64/exec/zicond.js";
import { Emitter } from "./emitter.js";
import { templates } from "./templates.js";

/** Longest block, in instructions. */
export const MAX_BLOCK = 64;

/** A compiled block: runs it from its first instruction; returns BLOCK_CONTINUE or BLOCK_STOP. */
export type BlockFunction = (h: unknown, vaLo: number, left: number) => number;

/** A compiled block and its length. */
export interface Block {
  run: BlockFunction;
  /** Instructions in the block: it runs only when the slice has this many left. */
  count: number;
}

/** Instructions whose handlers only read and write integer registers: called without syncing pc. */
const registerOnly = new Set(
  [rv64m, rv64zba, rv64zbb, rv64zbc, rv64zbkb, rv64zbkx, rv64zbs, rv64zicond].flat().map((def) => def.name),
);

/** Helpers the generated code calls (the interpreter's own int64 routines and FP core). */
const helpers = { r, sll64, srl64, sra64, mul64, fres, addD, subD, mulD, divD, sqrtD, fmaD };

/**
 * Compiles the block starting at page offset `start`, or returns null if
 * none can start there. A block runs straight on to the first branch or
 * jump, the first instruction that may change what the loop caches
 * (endsBlock), the end of the page, or MAX_BLOCK instructions.
 */
export function compileBlock(slots: Decoded[], ram: Ram, parcelBase: number, start: number): Block | null {
  const e = new Emitter(start);
  const calls: Decoded[] = [];
  const call = (d: Decoded): string => `c${calls.push(d) - 1}(h, d${calls.length - 1});`;
  let off = start;
  let k = 0;
  /** The last instruction set pc itself (a branch or jump template). */
  let jumped = false;
  let ended = false;
  while (!ended && k < MAX_BLOCK && off < 4096) {
    const d = decodedAt(slots, ram.u16, parcelBase, off);
    if (d === null) break; // straddles into the next page: the interpreter runs it uncached
    const site = { k, off, next: off + d.len, handler: () => call(d) };
    const template = templates[d.name];
    if (template !== undefined) {
      template.emit(e, d, site);
      ended = jumped = template.kind === "end";
    } else if (registerOnly.has(d.name)) {
      e.writeBack();
      e.line(call(d));
      e.forget();
    } else {
      // Any other instruction: its handler, with the state exact, then its signal.
      e.sync(k, off);
      e.line(call(d));
      e.forget();
      e.followSignal(site.next);
      ended = endsBlock(d);
    }
    off = site.next;
    k++;
  }
  if (k === 0) return null;
  if (!jumped) {
    // Fell off the end, or the last handler raised no signal: go on after it.
    e.writeBack();
    e.line(e.jumpTo(off, k));
  }
  const constants = calls.map((_, i) => `d${i} = D[${i}], c${i} = d${i}.exec`);
  const factory = new Function(
    "D",
    "S",
    "M",
    `"use strict";\nconst u8 = M.u8, u16 = M.u16, i32 = M.i32;\n` +
      (constants.length > 0 ? `const ${constants.join(", ")};\n` : "") +
      `return function block(h, vaLo, left) {\nconst xl = h.xl, xh = h.xh, mmu = h.mmu, vaHi = h.pcHi;\n${e.body()}\n};`,
  ) as (records: Decoded[], helpers: object, ram: Ram) => BlockFunction;
  return { run: factory(calls, helpers, ram), count: k };
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
