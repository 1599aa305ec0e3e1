// Zbb basic bit manipulation (Unpriv §B, Zbb), RV64 forms: logic with
// negate, counts, min/max, sign/zero extension, rotates, orc.b and rev8.
import type { Decoded } from "../decode/decoded.js";
import type { InsnDef } from "../decode/insn-def.js";
import type { Hart } from "../hart.js";
import { lt64, ltu64, r, sll64, srl64 } from "../int64.js";

// ---- logic with negate

function andn(h: Hart, d: Decoded): void {
  h.xl[d.rd] = h.xl[d.rs1] & ~h.xl[d.rs2];
  h.xh[d.rd] = h.xh[d.rs1] & ~h.xh[d.rs2];
}
function orn(h: Hart, d: Decoded): void {
  h.xl[d.rd] = h.xl[d.rs1] | ~h.xl[d.rs2];
  h.xh[d.rd] = h.xh[d.rs1] | ~h.xh[d.rs2];
}
function xnor(h: Hart, d: Decoded): void {
  h.xl[d.rd] = ~(h.xl[d.rs1] ^ h.xl[d.rs2]);
  h.xh[d.rd] = ~(h.xh[d.rs1] ^ h.xh[d.rs2]);
}

// ---- counts (results 0..64, so the high word is 0)

/** Trailing zeros of a 32-bit word; 32 for 0. */
function ctz32(v: number): number {
  return v === 0 ? 32 : 31 - Math.clz32(v & -v);
}
function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

function clz(h: Hart, d: Decoded): void {
  const hi = h.xh[d.rs1];
  h.xl[d.rd] = hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(h.xl[d.rs1]);
  h.xh[d.rd] = 0;
}
function ctz(h: Hart, d: Decoded): void {
  const lo = h.xl[d.rs1];
  h.xl[d.rd] = lo !== 0 ? ctz32(lo) : 32 + ctz32(h.xh[d.rs1]);
  h.xh[d.rd] = 0;
}
function cpop(h: Hart, d: Decoded): void {
  h.xl[d.rd] = popcount32(h.xl[d.rs1]) + popcount32(h.xh[d.rs1]);
  h.xh[d.rd] = 0;
}
function clzw(h: Hart, d: Decoded): void {
  h.xl[d.rd] = Math.clz32(h.xl[d.rs1]);
  h.xh[d.rd] = 0;
}
function ctzw(h: Hart, d: Decoded): void {
  h.xl[d.rd] = ctz32(h.xl[d.rs1]);
  h.xh[d.rd] = 0;
}
function cpopw(h: Hart, d: Decoded): void {
  h.xl[d.rd] = popcount32(h.xl[d.rs1]);
  h.xh[d.rd] = 0;
}

// ---- min/max

/** rd = rs2 when `takeRs2`, else rs1. */
function select(h: Hart, d: Decoded, takeRs2: boolean): void {
  const src = takeRs2 ? d.rs2 : d.rs1;
  h.xl[d.rd] = h.xl[src];
  h.xh[d.rd] = h.xh[src];
}
function max(h: Hart, d: Decoded): void {
  select(h, d, lt64(h.xl[d.rs1], h.xh[d.rs1], h.xl[d.rs2], h.xh[d.rs2]));
}
function maxu(h: Hart, d: Decoded): void {
  select(h, d, ltu64(h.xl[d.rs1], h.xh[d.rs1], h.xl[d.rs2], h.xh[d.rs2]));
}
function min(h: Hart, d: Decoded): void {
  select(h, d, lt64(h.xl[d.rs2], h.xh[d.rs2], h.xl[d.rs1], h.xh[d.rs1]));
}
function minu(h: Hart, d: Decoded): void {
  select(h, d, ltu64(h.xl[d.rs2], h.xh[d.rs2], h.xl[d.rs1], h.xh[d.rs1]));
}

// ---- sign and zero extension

function sextB(h: Hart, d: Decoded): void {
  const v = (h.xl[d.rs1] << 24) >> 24;
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function sextH(h: Hart, d: Decoded): void {
  const v = (h.xl[d.rs1] << 16) >> 16;
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function zextH(h: Hart, d: Decoded): void {
  h.xl[d.rd] = h.xl[d.rs1] & 0xffff;
  h.xh[d.rd] = 0;
}

// ---- rotates: 64-bit ones by the low 6 bits of the amount, W forms by the
// low 5 bits of a 32-bit value, sign-extending the result.

/** Rotates rs1 right by sh (0..63) into rd. */
function rotateRight(h: Hart, d: Decoded, sh: number): void {
  const lo = h.xl[d.rs1];
  const hi = h.xh[d.rs1];
  const rLo = srl64(lo, hi, sh);
  const rHi = r.hi;
  // sll64 takes its count mod 64, so sh = 0 ORs the value with itself.
  const lLo = sll64(lo, hi, 64 - sh);
  h.xh[d.rd] = rHi | r.hi;
  h.xl[d.rd] = rLo | lLo;
}
/** Rotates the low word of rs1 right by sh (0..31) into rd, sign-extended. */
function rotateRightWord(h: Hart, d: Decoded, sh: number): void {
  const v = h.xl[d.rs1];
  const w = (v >>> sh) | (v << (32 - sh)); // JS shift counts are mod 32
  h.xl[d.rd] = w;
  h.xh[d.rd] = w >> 31;
}

function rol(h: Hart, d: Decoded): void {
  rotateRight(h, d, -h.xl[d.rs2] & 63);
}
function ror(h: Hart, d: Decoded): void {
  rotateRight(h, d, h.xl[d.rs2] & 63);
}
function rori(h: Hart, d: Decoded): void {
  rotateRight(h, d, d.imm);
}
function rolw(h: Hart, d: Decoded): void {
  rotateRightWord(h, d, -h.xl[d.rs2] & 31);
}
function rorw(h: Hart, d: Decoded): void {
  rotateRightWord(h, d, h.xl[d.rs2] & 31);
}
function roriw(h: Hart, d: Decoded): void {
  rotateRightWord(h, d, d.imm);
}

// ---- byte-wise operations

/** Each nonzero byte becomes 0xff, each zero byte stays 0. */
function orcByteWord(v: number): number {
  // Fold every byte's bits into its low bit, then spread the low bit.
  v |= v >>> 4;
  v |= v >>> 2;
  v |= v >>> 1;
  return Math.imul(v & 0x01010101, 0xff);
}
function bswap32(v: number): number {
  return (v << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
}

function orcB(h: Hart, d: Decoded): void {
  h.xl[d.rd] = orcByteWord(h.xl[d.rs1]);
  h.xh[d.rd] = orcByteWord(h.xh[d.rs1]);
}
function rev8(h: Hart, d: Decoded): void {
  const lo = h.xl[d.rs1];
  h.xl[d.rd] = bswap32(h.xh[d.rs1]);
  h.xh[d.rd] = bswap32(lo);
}

// Encodings from riscv-opcodes rv_zbb / rv64_zbb. zext.h and rev8 have
// RV64-specific encodings (zext.h is packw with rs2 = 0, rev8 has imm
// 0x6b8); their RV32 encodings are not RV64 Zbb instructions (pack rd,
// rs1, x0 is Zbkb pack, see zbkb.ts; imm 0x698 stays illegal). Zbkb shares
// andn, orn, xnor, the rotates and rev8 with Zbb. rori takes a 6-bit shamt;
// roriw a 5-bit one (bit 25 set is reserved).
const R_MASK = 0xfe00707f;
const UNARY_MASK = 0xfff0707f;
export const rv64zbb: InsnDef[] = [
  { name: "andn", mask: R_MASK, match: 0x40007033, format: "R", exec: andn },
  { name: "orn", mask: R_MASK, match: 0x40006033, format: "R", exec: orn },
  { name: "xnor", mask: R_MASK, match: 0x40004033, format: "R", exec: xnor },
  { name: "clz", mask: UNARY_MASK, match: 0x60001013, format: "R", exec: clz },
  { name: "ctz", mask: UNARY_MASK, match: 0x60101013, format: "R", exec: ctz },
  { name: "cpop", mask: UNARY_MASK, match: 0x60201013, format: "R", exec: cpop },
  { name: "clzw", mask: UNARY_MASK, match: 0x6000101b, format: "R", exec: clzw },
  { name: "ctzw", mask: UNARY_MASK, match: 0x6010101b, format: "R", exec: ctzw },
  { name: "cpopw", mask: UNARY_MASK, match: 0x6020101b, format: "R", exec: cpopw },
  { name: "max", mask: R_MASK, match: 0x0a006033, format: "R", exec: max },
  { name: "maxu", mask: R_MASK, match: 0x0a007033, format: "R", exec: maxu },
  { name: "min", mask: R_MASK, match: 0x0a004033, format: "R", exec: min },
  { name: "minu", mask: R_MASK, match: 0x0a005033, format: "R", exec: minu },
  { name: "sext.b", mask: UNARY_MASK, match: 0x60401013, format: "R", exec: sextB },
  { name: "sext.h", mask: UNARY_MASK, match: 0x60501013, format: "R", exec: sextH },
  { name: "zext.h", mask: UNARY_MASK, match: 0x0800403b, format: "R", exec: zextH },
  { name: "rol", mask: R_MASK, match: 0x60001033, format: "R", exec: rol },
  { name: "ror", mask: R_MASK, match: 0x60005033, format: "R", exec: ror },
  { name: "rori", mask: 0xfc00707f, match: 0x60005013, format: "SHAMT", exec: rori },
  { name: "rolw", mask: R_MASK, match: 0x6000103b, format: "R", exec: rolw },
  { name: "rorw", mask: R_MASK, match: 0x6000503b, format: "R", exec: rorw },
  { name: "roriw", mask: R_MASK, match: 0x6000501b, format: "SHAMT", exec: roriw },
  { name: "orc.b", mask: UNARY_MASK, match: 0x28705013, format: "R", exec: orcB },
  { name: "rev8", mask: UNARY_MASK, match: 0x6b805013, format: "R", exec: rev8 },
];
