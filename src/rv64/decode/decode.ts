// Instruction decoder: maps instruction bits to a handler and its operands
// through the opcode table (decode/table.ts). Runs once per instruction slot
// of a code page; the result is cached (run-loop.ts), so this is not hot.
import { Decoded } from "./decoded.js";
import type { InsnDef } from "./insn-def.js";
import { allInstructions } from "./table.js";
import { expandCompressed } from "./compressed.js";
import { illegalInstruction } from "../exec/illegal.js";

/** Integer writes to x0 land in this slot, so handlers never test rd !== 0. */
export const X0_SINK = 32;

/** Defs bucketed by major opcode (bits 6:0), most specific mask first; built on first use. */
let buckets: InsnDef[][] | null = null;

let builtFrom = 0;

function popcount(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

function buildBuckets(defs: readonly InsnDef[]): InsnDef[][] {
  const out: InsnDef[][] = [];
  for (let i = 0; i < 128; i++) out.push([]);
  for (const def of defs) {
    if ((def.mask & 0x7f) !== 0x7f) throw new Error(`opcode table: ${def.name} does not fix the major opcode`);
    out[def.match & 0x7f].push(def);
  }
  for (const bucket of out) bucket.sort((a, b) => popcount(b.mask) - popcount(a.mask));
  return out;
}

/** Finds the table row for a 32-bit instruction, or undefined if none matches. */
export function lookup(insn: number): InsnDef | undefined {
  if (buckets === null || builtFrom !== allInstructions.length) {
    buckets = buildBuckets(allInstructions);
    builtFrom = allInstructions.length;
  }
  const bucket = buckets[insn & 0x7f];
  for (let i = 0; i < bucket.length; i++) {
    const def = bucket[i];
    if ((insn & def.mask) === (def.match | 0)) return def;
  }
  return undefined;
}

/**
 * Decodes the instruction whose low 16 bits are `lo16` and, for a 32-bit
 * instruction, high 16 bits `hi16`, into `d`. Illegal encodings decode to
 * the illegal-instruction handler with d.raw holding the original bits.
 */
export function decodeInto(d: Decoded, lo16: number, hi16: number): void {
  let insn: number;
  if ((lo16 & 3) !== 3) {
    d.len = 2;
    d.raw = lo16;
    insn = expandCompressed(lo16);
    if (insn === 0) return setIllegal(d);
  } else {
    d.len = 4;
    insn = lo16 | (hi16 << 16) | 0;
    d.raw = insn;
  }
  const def = lookup(insn);
  if (def === undefined) return setIllegal(d);
  fillOperands(d, insn, def);
}

function setIllegal(d: Decoded): void {
  d.exec = illegalInstruction;
  d.name = "illegal";
  d.rd = X0_SINK;
  d.rs1 = d.rs2 = d.rs3 = d.imm = d.rm = 0;
}

function fillOperands(d: Decoded, insn: number, def: InsnDef): void {
  d.exec = def.exec;
  d.name = def.name;
  const rd = (insn >>> 7) & 31;
  d.rd = rd === 0 && !def.fpRd ? X0_SINK : rd;
  d.rs1 = (insn >>> 15) & 31;
  d.rs2 = (insn >>> 20) & 31;
  d.rs3 = insn >>> 27;
  d.rm = (insn >>> 12) & 7;
  switch (def.format) {
    case "I":
      d.imm = insn >> 20;
      break;
    case "S":
      d.imm = ((insn >> 25) << 5) | ((insn >>> 7) & 31);
      break;
    case "B":
      d.imm =
        ((insn >> 31) << 12) | (((insn >>> 7) & 1) << 11) | (((insn >>> 25) & 63) << 5) | (((insn >>> 8) & 15) << 1);
      break;
    case "U":
      d.imm = insn & 0xfffff000;
      break;
    case "J":
      d.imm =
        ((insn >> 31) << 20) |
        (((insn >>> 12) & 255) << 12) |
        (((insn >>> 20) & 1) << 11) |
        (((insn >>> 21) & 1023) << 1);
      break;
    case "SHAMT":
      d.imm = (insn >>> 20) & 63;
      break;
    case "CSR":
      d.imm = insn >>> 20;
      break;
    default:
      d.imm = 0;
  }
}

/** Decodes one 32-bit or compressed instruction into a fresh record (tools and tests). */
export function decode(insn: number): Decoded {
  const d = new Decoded();
  decodeInto(d, insn & 0xffff, insn >>> 16);
  return d;
}
