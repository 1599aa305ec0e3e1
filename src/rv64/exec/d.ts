// D extension (Unpriv §21): double precision in the 64-bit f registers, and
// the conversions between singles and doubles. Same handler shape as f.ts.
import type { Decoded } from "../decode/decoded.js";
import type { InsnDef } from "../decode/insn-def.js";
import type { Hart } from "../hart.js";
import { r } from "../int64.js";
import { fpAddress, readS, requireFp, roundingMode, setD, writeD, writeS, writeX } from "../fp/access.js";
import { addD, classifyD, divD, eqD, fmaD, ltD, minMaxD, mulD, sqrtD, subD } from "../fp/binary64.js";
import { f64FromBits, fres } from "../fp/common.js";
import {
  INT_L,
  INT_LU,
  INT_W,
  INT_WU,
  doubleFromInt,
  doubleFromSingle,
  floatToInt,
  singleFromDouble,
} from "../fp/convert.js";

const SIGN = 0x80000000 | 0;

// ---- loads and stores (Unpriv §21.3): bits move unchanged, NaN payloads included.

function fld(h: Hart, d: Decoded): void {
  requireFp(h, d);
  const lo = h.mmu.load64(fpAddress(h, d), r.hi);
  setD(h, d.rd, lo, h.mmu.hi);
}

function fsd(h: Hart, d: Decoded): void {
  requireFp(h, d);
  h.mmu.store64(fpAddress(h, d), r.hi, h.fl[d.rs2], h.fh[d.rs2]);
}

// ---- fused multiply-add (Unpriv §20.6, §21.4): negations apply before the one rounding.

function fmadd(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const { fl, fh } = h;
  const { rs1, rs2, rs3 } = d;
  writeD(h, d.rd, fmaD(fl[rs1], fh[rs1], fl[rs2], fh[rs2], fl[rs3], fh[rs3], rm));
}
function fmsub(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const { fl, fh } = h;
  const { rs1, rs2, rs3 } = d;
  writeD(h, d.rd, fmaD(fl[rs1], fh[rs1], fl[rs2], fh[rs2], fl[rs3], fh[rs3] ^ SIGN, rm));
}
function fnmsub(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const { fl, fh } = h;
  const { rs1, rs2, rs3 } = d;
  writeD(h, d.rd, fmaD(fl[rs1], fh[rs1] ^ SIGN, fl[rs2], fh[rs2], fl[rs3], fh[rs3], rm));
}
function fnmadd(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const { fl, fh } = h;
  const { rs1, rs2, rs3 } = d;
  writeD(h, d.rd, fmaD(fl[rs1], fh[rs1] ^ SIGN, fl[rs2], fh[rs2], fl[rs3], fh[rs3] ^ SIGN, rm));
}

// ---- arithmetic (Unpriv §21.4)

function fadd(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeD(h, d.rd, addD(h.fl[d.rs1], h.fh[d.rs1], h.fl[d.rs2], h.fh[d.rs2], rm));
}
function fsub(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeD(h, d.rd, subD(h.fl[d.rs1], h.fh[d.rs1], h.fl[d.rs2], h.fh[d.rs2], rm));
}
function fmul(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeD(h, d.rd, mulD(h.fl[d.rs1], h.fh[d.rs1], h.fl[d.rs2], h.fh[d.rs2], rm));
}
function fdiv(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeD(h, d.rd, divD(h.fl[d.rs1], h.fh[d.rs1], h.fl[d.rs2], h.fh[d.rs2], rm));
}
function fsqrt(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeD(h, d.rd, sqrtD(h.fl[d.rs1], h.fh[d.rs1], rm));
}
function fmin(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeD(h, d.rd, minMaxD(h.fl[d.rs1], h.fh[d.rs1], h.fl[d.rs2], h.fh[d.rs2], false));
}
function fmax(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeD(h, d.rd, minMaxD(h.fl[d.rs1], h.fh[d.rs1], h.fl[d.rs2], h.fh[d.rs2], true));
}

// ---- sign injection (Unpriv §20.7, §21.5): bit operations, no flags.

function fsgnj(h: Hart, d: Decoded): void {
  requireFp(h, d);
  setD(h, d.rd, h.fl[d.rs1], (h.fh[d.rs1] & ~SIGN) | (h.fh[d.rs2] & SIGN));
}
function fsgnjn(h: Hart, d: Decoded): void {
  requireFp(h, d);
  setD(h, d.rd, h.fl[d.rs1], (h.fh[d.rs1] & ~SIGN) | (~h.fh[d.rs2] & SIGN));
}
function fsgnjx(h: Hart, d: Decoded): void {
  requireFp(h, d);
  setD(h, d.rd, h.fl[d.rs1], h.fh[d.rs1] ^ (h.fh[d.rs2] & SIGN));
}

// ---- conversions (Unpriv §21.5)

function fcvtSD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeS(h, d.rd, singleFromDouble(h.fl[d.rs1], h.fh[d.rs1], rm));
}
function fcvtDS(h: Hart, d: Decoded): void {
  roundingMode(h, d);
  writeD(h, d.rd, doubleFromSingle(readS(h, d.rs1)));
}

function fcvtWD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const lo = floatToInt(f64FromBits(h.fl[d.rs1], h.fh[d.rs1]), rm, INT_W);
  writeX(h, d.rd, lo, fres.hi);
}
function fcvtWuD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const lo = floatToInt(f64FromBits(h.fl[d.rs1], h.fh[d.rs1]), rm, INT_WU);
  writeX(h, d.rd, lo, fres.hi);
}
function fcvtLD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const lo = floatToInt(f64FromBits(h.fl[d.rs1], h.fh[d.rs1]), rm, INT_L);
  writeX(h, d.rd, lo, fres.hi);
}
function fcvtLuD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const lo = floatToInt(f64FromBits(h.fl[d.rs1], h.fh[d.rs1]), rm, INT_LU);
  writeX(h, d.rd, lo, fres.hi);
}

function fcvtDW(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const v = h.xl[d.rs1];
  writeD(h, d.rd, doubleFromInt(v, v >> 31, true, rm));
}
function fcvtDWu(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeD(h, d.rd, doubleFromInt(h.xl[d.rs1], 0, false, rm));
}
function fcvtDL(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeD(h, d.rd, doubleFromInt(h.xl[d.rs1], h.xh[d.rs1], true, rm));
}
function fcvtDLu(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeD(h, d.rd, doubleFromInt(h.xl[d.rs1], h.xh[d.rs1], false, rm));
}

// ---- moves (Unpriv §21.5), comparisons (§21.6), classification (§21.7)

function fmvXD(h: Hart, d: Decoded): void {
  requireFp(h, d);
  h.xl[d.rd] = h.fl[d.rs1];
  h.xh[d.rd] = h.fh[d.rs1];
}
function fmvDX(h: Hart, d: Decoded): void {
  requireFp(h, d);
  setD(h, d.rd, h.xl[d.rs1], h.xh[d.rs1]);
}

function feq(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeX(h, d.rd, eqD(h.fl[d.rs1], h.fh[d.rs1], h.fl[d.rs2], h.fh[d.rs2]), 0);
}
function flt(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeX(h, d.rd, ltD(h.fl[d.rs1], h.fh[d.rs1], h.fl[d.rs2], h.fh[d.rs2], false), 0);
}
function fle(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeX(h, d.rd, ltD(h.fl[d.rs1], h.fh[d.rs1], h.fl[d.rs2], h.fh[d.rs2], true), 0);
}

function fclass(h: Hart, d: Decoded): void {
  requireFp(h, d);
  h.xl[d.rd] = classifyD(h.fl[d.rs1], h.fh[d.rs1]);
  h.xh[d.rd] = 0;
}

// Encodings: as in f.ts with fmt D = 01 in bits 26:25.
const FUNCT7 = 0xfe00007f;
const FUNCT7_RS2 = 0xfff0007f;
const FUNCT7_F3 = 0xfe00707f;
const FUNCT7_RS2_F3 = 0xfff0707f;
const FMA = 0x0600007f;

export const rv64d: InsnDef[] = [
  { name: "fld", mask: 0x707f, match: 0x3007, format: "I", exec: fld, fpRd: true },
  { name: "fsd", mask: 0x707f, match: 0x3027, format: "S", exec: fsd },
  { name: "fmadd.d", mask: FMA, match: 0x02000043, format: "R4", exec: fmadd, fpRd: true },
  { name: "fmsub.d", mask: FMA, match: 0x02000047, format: "R4", exec: fmsub, fpRd: true },
  { name: "fnmsub.d", mask: FMA, match: 0x0200004b, format: "R4", exec: fnmsub, fpRd: true },
  { name: "fnmadd.d", mask: FMA, match: 0x0200004f, format: "R4", exec: fnmadd, fpRd: true },
  { name: "fadd.d", mask: FUNCT7, match: 0x02000053, format: "R", exec: fadd, fpRd: true },
  { name: "fsub.d", mask: FUNCT7, match: 0x0a000053, format: "R", exec: fsub, fpRd: true },
  { name: "fmul.d", mask: FUNCT7, match: 0x12000053, format: "R", exec: fmul, fpRd: true },
  { name: "fdiv.d", mask: FUNCT7, match: 0x1a000053, format: "R", exec: fdiv, fpRd: true },
  { name: "fsqrt.d", mask: FUNCT7_RS2, match: 0x5a000053, format: "R", exec: fsqrt, fpRd: true },
  { name: "fsgnj.d", mask: FUNCT7_F3, match: 0x22000053, format: "R", exec: fsgnj, fpRd: true },
  { name: "fsgnjn.d", mask: FUNCT7_F3, match: 0x22001053, format: "R", exec: fsgnjn, fpRd: true },
  { name: "fsgnjx.d", mask: FUNCT7_F3, match: 0x22002053, format: "R", exec: fsgnjx, fpRd: true },
  { name: "fmin.d", mask: FUNCT7_F3, match: 0x2a000053, format: "R", exec: fmin, fpRd: true },
  { name: "fmax.d", mask: FUNCT7_F3, match: 0x2a001053, format: "R", exec: fmax, fpRd: true },
  { name: "fcvt.s.d", mask: FUNCT7_RS2, match: 0x40100053, format: "R", exec: fcvtSD, fpRd: true },
  { name: "fcvt.d.s", mask: FUNCT7_RS2, match: 0x42000053, format: "R", exec: fcvtDS, fpRd: true },
  { name: "fcvt.w.d", mask: FUNCT7_RS2, match: 0xc2000053 | 0, format: "R", exec: fcvtWD },
  { name: "fcvt.wu.d", mask: FUNCT7_RS2, match: 0xc2100053 | 0, format: "R", exec: fcvtWuD },
  { name: "fcvt.l.d", mask: FUNCT7_RS2, match: 0xc2200053 | 0, format: "R", exec: fcvtLD },
  { name: "fcvt.lu.d", mask: FUNCT7_RS2, match: 0xc2300053 | 0, format: "R", exec: fcvtLuD },
  { name: "fcvt.d.w", mask: FUNCT7_RS2, match: 0xd2000053 | 0, format: "R", exec: fcvtDW, fpRd: true },
  { name: "fcvt.d.wu", mask: FUNCT7_RS2, match: 0xd2100053 | 0, format: "R", exec: fcvtDWu, fpRd: true },
  { name: "fcvt.d.l", mask: FUNCT7_RS2, match: 0xd2200053 | 0, format: "R", exec: fcvtDL, fpRd: true },
  { name: "fcvt.d.lu", mask: FUNCT7_RS2, match: 0xd2300053 | 0, format: "R", exec: fcvtDLu, fpRd: true },
  { name: "fmv.x.d", mask: FUNCT7_RS2_F3, match: 0xe2000053 | 0, format: "R", exec: fmvXD },
  { name: "fclass.d", mask: FUNCT7_RS2_F3, match: 0xe2001053 | 0, format: "R", exec: fclass },
  { name: "fmv.d.x", mask: FUNCT7_RS2_F3, match: 0xf2000053 | 0, format: "R", exec: fmvDX, fpRd: true },
  { name: "feq.d", mask: FUNCT7_F3, match: 0xa2002053 | 0, format: "R", exec: feq },
  { name: "flt.d", mask: FUNCT7_F3, match: 0xa2001053 | 0, format: "R", exec: flt },
  { name: "fle.d", mask: FUNCT7_F3, match: 0xa2000053 | 0, format: "R", exec: fle },
];
