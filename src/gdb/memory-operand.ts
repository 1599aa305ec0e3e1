// The data access an instruction is about to make, for watchpoints: the
// stub looks at the instruction at pc before the hart runs it, works out
// its effective address from the registers, and stops there if a watched
// range is touched (gdb's RISC-V watchpoints are "nonsteppable": they
// report before the access, and gdb steps over it itself;
// gdb/riscv-tdep.c). This keeps the memory path of the core untouched.
//
// What it accesses comes from the decoder (src/rv64/decode/) and the
// instruction-effects table the commit log uses (src/trace/insn-effects.ts).
import { Decoded } from "../rv64/decode/decoded.js";
import { decodeInto } from "../rv64/decode/decode.js";
import type { Hart } from "../rv64/hart.js";
import { MEM_AMO, MEM_LOAD, MEM_STORE, MEM_STORE_CONDITIONAL, insnEffect } from "../trace/insn-effects.js";

export const ACCESS_READ = 1;
export const ACCESS_WRITE = 2;

/** What operandOf found: the access kind (ACCESS_* bits, 0 = none), its size and address. */
export const operand = { kind: 0, size: 0, lo: 0, hi: 0 };

/** The watch kind of each memory effect (the others: none). */
const KIND_OF_EFFECT: Record<number, number> = {
  [MEM_LOAD]: ACCESS_READ,
  [MEM_STORE]: ACCESS_WRITE,
  [MEM_STORE_CONDITIONAL]: ACCESS_WRITE,
  [MEM_AMO]: ACCESS_READ | ACCESS_WRITE,
};

const decoded = new Decoded();

/**
 * Decodes the instruction (`lo16`, and `hi16` for a 32-bit one) into
 * `operand`, with the address rs1 + imm from hart `h`'s registers. HLV/HSV
 * and the cache-block operations are not followed (their addresses are in
 * other spaces or whole blocks).
 */
export function operandOf(h: Hart, lo16: number, hi16: number): void {
  decodeInto(decoded, lo16, hi16);
  const d = decoded;
  const effect = insnEffect(d.name);
  operand.kind = d.name.startsWith("hlv") || d.name.startsWith("hsv") ? 0 : (KIND_OF_EFFECT[effect.mem] ?? 0);
  if (operand.kind === 0) return;
  operand.size = effect.width;
  const lo = (h.xl[d.rs1] + d.imm) | 0;
  operand.hi = (h.xh[d.rs1] + (d.imm >> 31) + (lo >>> 0 < h.xl[d.rs1] >>> 0 ? 1 : 0)) | 0;
  operand.lo = lo;
}
