// Zfh (Unpriv §23): half precision in the 64-bit f registers, NaN-boxed in
// a single NaN-boxed in the register (bits 63:16 all ones). Zfhmin (§23.6) is
// the subset flh, fsh, fmv.x.h, fmv.h.x and the conversions to and from
// single and double; this file implements all of Zfh, so both. Same handler
// shape as f.ts.
import type { Decoded } from "../decode/decoded.js";
import type { InsnDef } from "../decode/insn-def.js";
import type { Hart } from "../hart.js";
import { r } from "../int64.js";
import {
  fpAddress,
  readH,
  readS,
  requireFp,
  roundingMode,
  setH,
  writeD,
  writeH,
  writeS,
  writeX,
} from "../fp/access.js";
import {
  addH,
  classifyH,
  divH,
  doubleFromHalf,
  eqH,
  f16FromBits,
  fmaH,
  halfFromDouble,
  halfFromInt,
  halfFromSingle,
  ltH,
  minMaxH,
  mulH,
  singleFromHalf,
  sqrtH,
  subH,
} from "../fp/binary16.js";
import { fres } from "../fp/common.js";
import { INT_L, INT_LU, INT_W, INT_WU, floatToInt } from "../fp/convert.js";

const SIGN = 0x8000;

// ---- loads and stores (Unpriv §23.1): bits move unchanged, NaN payloads included.

function flh(h: Hart, d: Decoded): void {
  requireFp(h, d);
  setH(h, d.rd, h.mmu.loadU16(fpAddress(h, d), r.hi));
}

function fsh(h: Hart, d: Decoded): void {
  requireFp(h, d);
  // §23.1: FSH ignores all but the low 16 bits of rs2, boxed or not.
  h.mmu.store16(fpAddress(h, d), r.hi, h.fl[d.rs2] & 0xffff);
}

// ---- fused multiply-add (Unpriv §23.2 as §20.6): negations apply to the product or addend before the one rounding.

function fmadd(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeH(h, d.rd, fmaH(readH(h, d.rs1), readH(h, d.rs2), readH(h, d.rs3), rm));
}
function fmsub(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeH(h, d.rd, fmaH(readH(h, d.rs1), readH(h, d.rs2), readH(h, d.rs3) ^ SIGN, rm));
}
function fnmsub(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeH(h, d.rd, fmaH(readH(h, d.rs1) ^ SIGN, readH(h, d.rs2), readH(h, d.rs3), rm));
}
function fnmadd(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeH(h, d.rd, fmaH(readH(h, d.rs1) ^ SIGN, readH(h, d.rs2), readH(h, d.rs3) ^ SIGN, rm));
}

// ---- arithmetic (Unpriv §23.2)

function fadd(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeH(h, d.rd, addH(readH(h, d.rs1), readH(h, d.rs2), rm));
}
function fsub(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeH(h, d.rd, subH(readH(h, d.rs1), readH(h, d.rs2), rm));
}
function fmul(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeH(h, d.rd, mulH(readH(h, d.rs1), readH(h, d.rs2), rm));
}
function fdiv(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeH(h, d.rd, divH(readH(h, d.rs1), readH(h, d.rs2), rm));
}
function fsqrt(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeH(h, d.rd, sqrtH(readH(h, d.rs1), rm));
}
function fmin(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeH(h, d.rd, minMaxH(readH(h, d.rs1), readH(h, d.rs2), false));
}
function fmax(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeH(h, d.rd, minMaxH(readH(h, d.rs1), readH(h, d.rs2), true));
}

// ---- sign injection (Unpriv §23.3): bit operations, no flags.

function fsgnj(h: Hart, d: Decoded): void {
  requireFp(h, d);
  setH(h, d.rd, (readH(h, d.rs1) & ~SIGN) | (readH(h, d.rs2) & SIGN));
}
function fsgnjn(h: Hart, d: Decoded): void {
  requireFp(h, d);
  setH(h, d.rd, (readH(h, d.rs1) & ~SIGN) | (~readH(h, d.rs2) & SIGN));
}
function fsgnjx(h: Hart, d: Decoded): void {
  requireFp(h, d);
  setH(h, d.rd, readH(h, d.rs1) ^ (readH(h, d.rs2) & SIGN));
}

// ---- conversions between formats (Unpriv §23.3). Widening is exact but,
// as for fcvt.d.s, a reserved rm is still illegal (fp/access.ts).

function fcvtSH(h: Hart, d: Decoded): void {
  roundingMode(h, d);
  writeS(h, d.rd, singleFromHalf(readH(h, d.rs1)));
}
function fcvtHS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeH(h, d.rd, halfFromSingle(readS(h, d.rs1), rm));
}
function fcvtDH(h: Hart, d: Decoded): void {
  roundingMode(h, d);
  writeD(h, d.rd, doubleFromHalf(readH(h, d.rs1)));
}
function fcvtHD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeH(h, d.rd, halfFromDouble(h.fl[d.rs1], h.fh[d.rs1], rm));
}

// ---- conversions to and from integers (Unpriv §23.3, saturating as §20.7)

function fcvtWH(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const lo = floatToInt(f16FromBits(readH(h, d.rs1)), rm, INT_W);
  writeX(h, d.rd, lo, fres.hi);
}
function fcvtWuH(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const lo = floatToInt(f16FromBits(readH(h, d.rs1)), rm, INT_WU);
  writeX(h, d.rd, lo, fres.hi);
}
function fcvtLH(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const lo = floatToInt(f16FromBits(readH(h, d.rs1)), rm, INT_L);
  writeX(h, d.rd, lo, fres.hi);
}
function fcvtLuH(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const lo = floatToInt(f16FromBits(readH(h, d.rs1)), rm, INT_LU);
  writeX(h, d.rd, lo, fres.hi);
}

function fcvtHW(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  const v = h.xl[d.rs1];
  writeH(h, d.rd, halfFromInt(v, v >> 31, true, rm));
}
function fcvtHWu(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeH(h, d.rd, halfFromInt(h.xl[d.rs1], 0, false, rm));
}
function fcvtHL(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeH(h, d.rd, halfFromInt(h.xl[d.rs1], h.xh[d.rs1], true, rm));
}
function fcvtHLu(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeH(h, d.rd, halfFromInt(h.xl[d.rs1], h.xh[d.rs1], false, rm));
}

// ---- moves (Unpriv §23.3), comparisons (§23.4), classification (§23.5)

function fmvXH(h: Hart, d: Decoded): void {
  requireFp(h, d);
  // §23.3: bits 15:0 move as they are, boxed or not, sign-extended to XLEN.
  const v = (h.fl[d.rs1] << 16) >> 16;
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function fmvHX(h: Hart, d: Decoded): void {
  requireFp(h, d);
  setH(h, d.rd, h.xl[d.rs1] & 0xffff);
}

function feq(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeX(h, d.rd, eqH(readH(h, d.rs1), readH(h, d.rs2)), 0);
}
function flt(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeX(h, d.rd, ltH(readH(h, d.rs1), readH(h, d.rs2), false), 0);
}
function fle(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeX(h, d.rd, ltH(readH(h, d.rs1), readH(h, d.rs2), true), 0);
}

function fclass(h: Hart, d: Decoded): void {
  requireFp(h, d);
  h.xl[d.rd] = classifyH(readH(h, d.rs1));
  h.xh[d.rd] = 0;
}

// Encodings: as in f.ts with fmt H = 10 in bits 26:25 (Unpriv §23.2); FLH and
// FSH are LOAD-FP and STORE-FP with width (funct3) 001 (§23.1).
const FUNCT7 = 0xfe00007f;
const FUNCT7_RS2 = 0xfff0007f;
const FUNCT7_F3 = 0xfe00707f;
const FUNCT7_RS2_F3 = 0xfff0707f;
const FMA = 0x0600007f;

export const rv64zfh: InsnDef[] = [
  { name: "flh", mask: 0x707f, match: 0x1007, format: "I", exec: flh, fpRd: true },
  { name: "fsh", mask: 0x707f, match: 0x1027, format: "S", exec: fsh },
  { name: "fmadd.h", mask: FMA, match: 0x04000043, format: "R4", exec: fmadd, fpRd: true },
  { name: "fmsub.h", mask: FMA, match: 0x04000047, format: "R4", exec: fmsub, fpRd: true },
  { name: "fnmsub.h", mask: FMA, match: 0x0400004b, format: "R4", exec: fnmsub, fpRd: true },
  { name: "fnmadd.h", mask: FMA, match: 0x0400004f, format: "R4", exec: fnmadd, fpRd: true },
  { name: "fadd.h", mask: FUNCT7, match: 0x04000053, format: "R", exec: fadd, fpRd: true },
  { name: "fsub.h", mask: FUNCT7, match: 0x0c000053, format: "R", exec: fsub, fpRd: true },
  { name: "fmul.h", mask: FUNCT7, match: 0x14000053, format: "R", exec: fmul, fpRd: true },
  { name: "fdiv.h", mask: FUNCT7, match: 0x1c000053, format: "R", exec: fdiv, fpRd: true },
  { name: "fsqrt.h", mask: FUNCT7_RS2, match: 0x5c000053, format: "R", exec: fsqrt, fpRd: true },
  { name: "fsgnj.h", mask: FUNCT7_F3, match: 0x24000053, format: "R", exec: fsgnj, fpRd: true },
  { name: "fsgnjn.h", mask: FUNCT7_F3, match: 0x24001053, format: "R", exec: fsgnjn, fpRd: true },
  { name: "fsgnjx.h", mask: FUNCT7_F3, match: 0x24002053, format: "R", exec: fsgnjx, fpRd: true },
  { name: "fmin.h", mask: FUNCT7_F3, match: 0x2c000053, format: "R", exec: fmin, fpRd: true },
  { name: "fmax.h", mask: FUNCT7_F3, match: 0x2c001053, format: "R", exec: fmax, fpRd: true },
  { name: "fcvt.s.h", mask: FUNCT7_RS2, match: 0x40200053, format: "R", exec: fcvtSH, fpRd: true },
  { name: "fcvt.h.s", mask: FUNCT7_RS2, match: 0x44000053, format: "R", exec: fcvtHS, fpRd: true },
  { name: "fcvt.d.h", mask: FUNCT7_RS2, match: 0x42200053, format: "R", exec: fcvtDH, fpRd: true },
  { name: "fcvt.h.d", mask: FUNCT7_RS2, match: 0x44100053, format: "R", exec: fcvtHD, fpRd: true },
  { name: "fcvt.w.h", mask: FUNCT7_RS2, match: 0xc4000053 | 0, format: "R", exec: fcvtWH },
  { name: "fcvt.wu.h", mask: FUNCT7_RS2, match: 0xc4100053 | 0, format: "R", exec: fcvtWuH },
  { name: "fcvt.l.h", mask: FUNCT7_RS2, match: 0xc4200053 | 0, format: "R", exec: fcvtLH },
  { name: "fcvt.lu.h", mask: FUNCT7_RS2, match: 0xc4300053 | 0, format: "R", exec: fcvtLuH },
  { name: "fcvt.h.w", mask: FUNCT7_RS2, match: 0xd4000053 | 0, format: "R", exec: fcvtHW, fpRd: true },
  { name: "fcvt.h.wu", mask: FUNCT7_RS2, match: 0xd4100053 | 0, format: "R", exec: fcvtHWu, fpRd: true },
  { name: "fcvt.h.l", mask: FUNCT7_RS2, match: 0xd4200053 | 0, format: "R", exec: fcvtHL, fpRd: true },
  { name: "fcvt.h.lu", mask: FUNCT7_RS2, match: 0xd4300053 | 0, format: "R", exec: fcvtHLu, fpRd: true },
  { name: "fmv.x.h", mask: FUNCT7_RS2_F3, match: 0xe4000053 | 0, format: "R", exec: fmvXH },
  { name: "fclass.h", mask: FUNCT7_RS2_F3, match: 0xe4001053 | 0, format: "R", exec: fclass },
  { name: "fmv.h.x", mask: FUNCT7_RS2_F3, match: 0xf4000053 | 0, format: "R", exec: fmvHX, fpRd: true },
  { name: "feq.h", mask: FUNCT7_F3, match: 0xa4002053 | 0, format: "R", exec: feq },
  { name: "flt.h", mask: FUNCT7_F3, match: 0xa4001053 | 0, format: "R", exec: flt },
  { name: "fle.h", mask: FUNCT7_F3, match: 0xa4000053 | 0, format: "R", exec: fle },
];
