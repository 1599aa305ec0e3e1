// F extension (Unpriv §20): single precision in the 64-bit f registers,
// NaN-boxed (§21.2). Handlers gate on mstatus.FS and the rounding mode
// (fp/access.ts), compute in fp/, then write the result with its flags.
import type { Decoded } from "../decode/decoded.js";
import type { InsnDef } from "../decode/insn-def.js";
import type { Hart } from "../hart.js";
import { r } from "../int64.js";
import { fpAddress, readS, requireFp, roundingMode, setS, writeS, writeX } from "../fp/access.js";
import { addS, classifyS, divS, eqS, fmaS, ltS, minMaxS, mulS, sqrtS, subS } from "../fp/binary32.js";
import { f32FromBits, fres } from "../fp/common.js";
import { INT_L, INT_LU, INT_W, INT_WU, floatToInt, singleFromInt } from "../fp/convert.js";

const SIGN = 0x80000000 | 0;

// ---- loads and stores (Unpriv §20.5): bits move unchanged, NaN payloads included.

function flw(h: Hart, d: Decoded): void {
  requireFp(h, d);
  setS(h, d.rd, h.mmu.load32(fpAddress(h, d), r.hi));
}

function fsw(h: Hart, d: Decoded): void {
  requireFp(h, d);
  // §21.2: a narrower store transfers the low bits, boxed or not.
  h.mmu.store32(fpAddress(h, d), r.hi, h.fl[d.rs2]);
}

// ---- fused multiply-add (Unpriv §20.6): negations apply to the product or addend before the one rounding.

function fmadd(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeS(h, d.rd, fmaS(readS(h, d.rs1), readS(h, d.rs2), readS(h, d.rs3), rm));
}
function fmsub(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeS(h, d.rd, fmaS(readS(h, d.rs1), readS(h, d.rs2), readS(h, d.rs3) ^ SIGN, rm));
}
function fnmsub(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeS(h, d.rd, fmaS(readS(h, d.rs1) ^ SIGN, readS(h, d.rs2), readS(h, d.rs3), rm));
}
function fnmadd(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeS(h, d.rd, fmaS(readS(h, d.rs1) ^ SIGN, readS(h, d.rs2), readS(h, d.rs3) ^ SIGN, rm));
}

// ---- arithmetic (Unpriv §20.6)

function fadd(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeS(h, d.rd, addS(readS(h, d.rs1), readS(h, d.rs2), rm));
}
function fsub(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeS(h, d.rd, subS(readS(h, d.rs1), readS(h, d.rs2), rm));
}
function fmul(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeS(h, d.rd, mulS(readS(h, d.rs1), readS(h, d.rs2), rm));
}
function fdiv(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeS(h, d.rd, divS(readS(h, d.rs1), readS(h, d.rs2), rm));
}
function fsqrt(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeS(h, d.rd, sqrtS(readS(h, d.rs1), rm));
}
function fmin(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeS(h, d.rd, minMaxS(readS(h, d.rs1), readS(h, d.rs2), false));
}
function fmax(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeS(h, d.rd, minMaxS(readS(h, d.rs1), readS(h, d.rs2), true));
}

// ---- sign injection (Unpriv §20.7): bit operations, no flags.

function fsgnj(h: Hart, d: Decoded): void {
  requireFp(h, d);
  setS(h, d.rd, (readS(h, d.rs1) & ~SIGN) | (readS(h, d.rs2) & SIGN));
}
function fsgnjn(h: Hart, d: Decoded): void {
  requireFp(h, d);
  setS(h, d.rd, (readS(h, d.rs1) & ~SIGN) | (~readS(h, d.rs2) & SIGN));
}
function fsgnjx(h: Hart, d: Decoded): void {
  requireFp(h, d);
  setS(h, d.rd, readS(h, d.rs1) ^ (readS(h, d.rs2) & SIGN));
}

// ---- conversions (Unpriv §20.7)

function fcvtWS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const lo = floatToInt(f32FromBits(readS(h, d.rs1)), rm, INT_W);
  writeX(h, d.rd, lo, fres.hi);
}
function fcvtWuS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const lo = floatToInt(f32FromBits(readS(h, d.rs1)), rm, INT_WU);
  writeX(h, d.rd, lo, fres.hi);
}
function fcvtLS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const lo = floatToInt(f32FromBits(readS(h, d.rs1)), rm, INT_L);
  writeX(h, d.rd, lo, fres.hi);
}
function fcvtLuS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const lo = floatToInt(f32FromBits(readS(h, d.rs1)), rm, INT_LU);
  writeX(h, d.rd, lo, fres.hi);
}

function fcvtSW(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const v = h.xl[d.rs1];
  writeS(h, d.rd, singleFromInt(v, v >> 31, true, rm));
}
function fcvtSWu(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeS(h, d.rd, singleFromInt(h.xl[d.rs1], 0, false, rm));
}
function fcvtSL(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeS(h, d.rd, singleFromInt(h.xl[d.rs1], h.xh[d.rs1], true, rm));
}
function fcvtSLu(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeS(h, d.rd, singleFromInt(h.xl[d.rs1], h.xh[d.rs1], false, rm));
}

// ---- moves (Unpriv §20.7), comparisons (§21.8), classification (§21.9)

function fmvXW(h: Hart, d: Decoded): void {
  requireFp(h, d);
  // §21.2: the low 32 bits move whether or not the register holds a boxed single.
  const v = h.fl[d.rs1];
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function fmvWX(h: Hart, d: Decoded): void {
  requireFp(h, d);
  setS(h, d.rd, h.xl[d.rs1]);
}

function feq(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeX(h, d.rd, eqS(readS(h, d.rs1), readS(h, d.rs2)), 0);
}
function flt(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeX(h, d.rd, ltS(readS(h, d.rs1), readS(h, d.rs2), false), 0);
}
function fle(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeX(h, d.rd, ltS(readS(h, d.rs1), readS(h, d.rs2), true), 0);
}

function fclass(h: Hart, d: Decoded): void {
  requireFp(h, d);
  h.xl[d.rd] = classifyS(readS(h, d.rs1));
  h.xh[d.rd] = 0;
}

// Encodings (Unpriv opcode map, RV32F/RV64F listings): OP-FP = 0x53 with funct7 in bits 31:25,
// fmt S = 00 in bits 26:25. Masks leave rm (bits 14:12) free where it is a rounding mode.
const FUNCT7 = 0xfe00007f; // funct7 + opcode
const FUNCT7_RS2 = 0xfff0007f; // + rs2 (conversions, sqrt)
const FUNCT7_F3 = 0xfe00707f; // + funct3 (sign injection, min/max, compares)
const FUNCT7_RS2_F3 = 0xfff0707f; // + rs2 + funct3 (moves, fclass)
const FMA = 0x0600007f; // opcode + fmt

export const rv64f: InsnDef[] = [
  { name: "flw", mask: 0x707f, match: 0x2007, format: "I", exec: flw, fpRd: true },
  { name: "fsw", mask: 0x707f, match: 0x2027, format: "S", exec: fsw },
  { name: "fmadd.s", mask: FMA, match: 0x43, format: "R4", exec: fmadd, fpRd: true },
  { name: "fmsub.s", mask: FMA, match: 0x47, format: "R4", exec: fmsub, fpRd: true },
  { name: "fnmsub.s", mask: FMA, match: 0x4b, format: "R4", exec: fnmsub, fpRd: true },
  { name: "fnmadd.s", mask: FMA, match: 0x4f, format: "R4", exec: fnmadd, fpRd: true },
  { name: "fadd.s", mask: FUNCT7, match: 0x00000053, format: "R", exec: fadd, fpRd: true },
  { name: "fsub.s", mask: FUNCT7, match: 0x08000053, format: "R", exec: fsub, fpRd: true },
  { name: "fmul.s", mask: FUNCT7, match: 0x10000053, format: "R", exec: fmul, fpRd: true },
  { name: "fdiv.s", mask: FUNCT7, match: 0x18000053, format: "R", exec: fdiv, fpRd: true },
  { name: "fsqrt.s", mask: FUNCT7_RS2, match: 0x58000053, format: "R", exec: fsqrt, fpRd: true },
  { name: "fsgnj.s", mask: FUNCT7_F3, match: 0x20000053, format: "R", exec: fsgnj, fpRd: true },
  { name: "fsgnjn.s", mask: FUNCT7_F3, match: 0x20001053, format: "R", exec: fsgnjn, fpRd: true },
  { name: "fsgnjx.s", mask: FUNCT7_F3, match: 0x20002053, format: "R", exec: fsgnjx, fpRd: true },
  { name: "fmin.s", mask: FUNCT7_F3, match: 0x28000053, format: "R", exec: fmin, fpRd: true },
  { name: "fmax.s", mask: FUNCT7_F3, match: 0x28001053, format: "R", exec: fmax, fpRd: true },
  { name: "fcvt.w.s", mask: FUNCT7_RS2, match: 0xc0000053 | 0, format: "R", exec: fcvtWS },
  { name: "fcvt.wu.s", mask: FUNCT7_RS2, match: 0xc0100053 | 0, format: "R", exec: fcvtWuS },
  { name: "fcvt.l.s", mask: FUNCT7_RS2, match: 0xc0200053 | 0, format: "R", exec: fcvtLS },
  { name: "fcvt.lu.s", mask: FUNCT7_RS2, match: 0xc0300053 | 0, format: "R", exec: fcvtLuS },
  { name: "fcvt.s.w", mask: FUNCT7_RS2, match: 0xd0000053 | 0, format: "R", exec: fcvtSW, fpRd: true },
  { name: "fcvt.s.wu", mask: FUNCT7_RS2, match: 0xd0100053 | 0, format: "R", exec: fcvtSWu, fpRd: true },
  { name: "fcvt.s.l", mask: FUNCT7_RS2, match: 0xd0200053 | 0, format: "R", exec: fcvtSL, fpRd: true },
  { name: "fcvt.s.lu", mask: FUNCT7_RS2, match: 0xd0300053 | 0, format: "R", exec: fcvtSLu, fpRd: true },
  { name: "fmv.x.w", mask: FUNCT7_RS2_F3, match: 0xe0000053 | 0, format: "R", exec: fmvXW },
  { name: "fclass.s", mask: FUNCT7_RS2_F3, match: 0xe0001053 | 0, format: "R", exec: fclass },
  { name: "fmv.w.x", mask: FUNCT7_RS2_F3, match: 0xf0000053 | 0, format: "R", exec: fmvWX, fpRd: true },
  { name: "feq.s", mask: FUNCT7_F3, match: 0xa0002053 | 0, format: "R", exec: feq },
  { name: "flt.s", mask: FUNCT7_F3, match: 0xa0001053 | 0, format: "R", exec: flt },
  { name: "fle.s", mask: FUNCT7_F3, match: 0xa0000053 | 0, format: "R", exec: fle },
];
