// Zbs single-bit instructions (Unpriv §B, Zbs). The bit index is rs2 or
// the immediate, taken modulo XLEN (6 bits on RV64).
import type { Decoded } from "../decode/decoded.js";
import type { InsnDef } from "../decode/insn-def.js";
import type { Hart } from "../hart.js";

// Each handler splits index i into a word (i & 32) and a bit (i & 31;
// JS shifts use only the low 5 bits of the count).

function bitClear(h: Hart, d: Decoded, i: number): void {
  const lo = h.xl[d.rs1];
  const hi = h.xh[d.rs1];
  h.xl[d.rd] = (i & 32) === 0 ? lo & ~(1 << i) : lo;
  h.xh[d.rd] = (i & 32) !== 0 ? hi & ~(1 << i) : hi;
}
function bitInvert(h: Hart, d: Decoded, i: number): void {
  const lo = h.xl[d.rs1];
  const hi = h.xh[d.rs1];
  h.xl[d.rd] = (i & 32) === 0 ? lo ^ (1 << i) : lo;
  h.xh[d.rd] = (i & 32) !== 0 ? hi ^ (1 << i) : hi;
}
function bitSet(h: Hart, d: Decoded, i: number): void {
  const lo = h.xl[d.rs1];
  const hi = h.xh[d.rs1];
  h.xl[d.rd] = (i & 32) === 0 ? lo | (1 << i) : lo;
  h.xh[d.rd] = (i & 32) !== 0 ? hi | (1 << i) : hi;
}
function bitExtract(h: Hart, d: Decoded, i: number): void {
  h.xl[d.rd] = (((i & 32) === 0 ? h.xl[d.rs1] : h.xh[d.rs1]) >>> i) & 1;
  h.xh[d.rd] = 0;
}

function bclr(h: Hart, d: Decoded): void {
  bitClear(h, d, h.xl[d.rs2]);
}
function bclri(h: Hart, d: Decoded): void {
  bitClear(h, d, d.imm);
}
function binv(h: Hart, d: Decoded): void {
  bitInvert(h, d, h.xl[d.rs2]);
}
function binvi(h: Hart, d: Decoded): void {
  bitInvert(h, d, d.imm);
}
function bset(h: Hart, d: Decoded): void {
  bitSet(h, d, h.xl[d.rs2]);
}
function bseti(h: Hart, d: Decoded): void {
  bitSet(h, d, d.imm);
}
function bext(h: Hart, d: Decoded): void {
  bitExtract(h, d, h.xl[d.rs2]);
}
function bexti(h: Hart, d: Decoded): void {
  bitExtract(h, d, d.imm);
}

// Encodings from riscv-opcodes rv_zbs / rv64_zbs; the immediate forms take
// a 6-bit shamt in bits 25:20 (RV64).
const R_MASK = 0xfe00707f;
const SHAMT_MASK = 0xfc00707f;
export const rv64zbs: InsnDef[] = [
  { name: "bclr", mask: R_MASK, match: 0x48001033, format: "R", exec: bclr },
  { name: "bext", mask: R_MASK, match: 0x48005033, format: "R", exec: bext },
  { name: "binv", mask: R_MASK, match: 0x68001033, format: "R", exec: binv },
  { name: "bset", mask: R_MASK, match: 0x28001033, format: "R", exec: bset },
  { name: "bclri", mask: SHAMT_MASK, match: 0x48001013, format: "SHAMT", exec: bclri },
  { name: "bexti", mask: SHAMT_MASK, match: 0x48005013, format: "SHAMT", exec: bexti },
  { name: "binvi", mask: SHAMT_MASK, match: 0x68001013, format: "SHAMT", exec: binvi },
  { name: "bseti", mask: SHAMT_MASK, match: 0x28001013, format: "SHAMT", exec: bseti },
];
