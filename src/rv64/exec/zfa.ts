// Zfa (Unpriv §24): additional floating-point instructions for halves (with
// Zfh), singles and doubles: FLI, FMINM/FMAXM, FROUND/FROUNDNX, FCVTMOD.W.D
// and FLEQ/FLTQ. FMVH.X.D and FMVP.D.X are RV32-only and FMVH.X.Q/FMVP.Q.X
// need Q, so none of them exists here. Same handler shape as f.ts.
import type { Decoded } from "../decode/decoded.js";
import type { InsnDef } from "../decode/insn-def.js";
import type { Hart } from "../hart.js";
import {
  readH,
  readS,
  requireFp,
  roundingMode,
  setD,
  setH,
  setS,
  writeD,
  writeH,
  writeS,
  writeX,
} from "../fp/access.js";
import {
  FLI_D_HI,
  FLI_D_LO,
  FLI_H,
  FLI_S,
  ltQuietD,
  ltQuietH,
  ltQuietS,
  minimumD,
  minimumH,
  minimumS,
  modularInt32,
  roundIntegralD,
  roundIntegralH,
  roundIntegralS,
} from "../fp/zfa.js";

// ---- FLI (§24.1): rs1 selects a constant; no flags.

function fliH(h: Hart, d: Decoded): void {
  requireFp(h, d);
  setH(h, d.rd, FLI_H[d.rs1]);
}
function fliS(h: Hart, d: Decoded): void {
  requireFp(h, d);
  setS(h, d.rd, FLI_S[d.rs1]);
}
function fliD(h: Hart, d: Decoded): void {
  requireFp(h, d);
  setD(h, d.rd, FLI_D_LO[d.rs1], FLI_D_HI[d.rs1]);
}

// ---- FMINM / FMAXM (§24.2)

function fminmH(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeH(h, d.rd, minimumH(readH(h, d.rs1), readH(h, d.rs2), false));
}
function fmaxmH(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeH(h, d.rd, minimumH(readH(h, d.rs1), readH(h, d.rs2), true));
}
function fminmS(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeS(h, d.rd, minimumS(readS(h, d.rs1), readS(h, d.rs2), false));
}
function fmaxmS(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeS(h, d.rd, minimumS(readS(h, d.rs1), readS(h, d.rs2), true));
}
function fminmD(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeD(h, d.rd, minimumD(h.fl[d.rs1], h.fh[d.rs1], h.fl[d.rs2], h.fh[d.rs2], false));
}
function fmaxmD(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeD(h, d.rd, minimumD(h.fl[d.rs1], h.fh[d.rs1], h.fl[d.rs2], h.fh[d.rs2], true));
}

// ---- FROUND / FROUNDNX (§24.3): rounded under rm (or frm), reserved modes illegal.

function froundH(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeH(h, d.rd, roundIntegralH(readH(h, d.rs1), rm, false));
}
function froundnxH(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeH(h, d.rd, roundIntegralH(readH(h, d.rs1), rm, true));
}
function froundS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeS(h, d.rd, roundIntegralS(readS(h, d.rs1), rm, false));
}
function froundnxS(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeS(h, d.rd, roundIntegralS(readS(h, d.rs1), rm, true));
}
function froundD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeD(h, d.rd, roundIntegralD(h.fl[d.rs1], h.fh[d.rs1], rm, false));
}
function froundnxD(h: Hart, d: Decoded): void {
  const rm = roundingMode(h, d);
  writeD(h, d.rd, roundIntegralD(h.fl[d.rs1], h.fh[d.rs1], rm, true));
}

// ---- FCVTMOD.W.D (§24.4): rm is fixed to RTZ by the encoding (other values are reserved: no match).

function fcvtmodWD(h: Hart, d: Decoded): void {
  requireFp(h, d);
  const v = modularInt32(h.fl[d.rs1], h.fh[d.rs1]);
  writeX(h, d.rd, v, v >> 31);
}

// ---- FLEQ / FLTQ (§24.6)

function fleqH(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeX(h, d.rd, ltQuietH(readH(h, d.rs1), readH(h, d.rs2), true), 0);
}
function fltqH(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeX(h, d.rd, ltQuietH(readH(h, d.rs1), readH(h, d.rs2), false), 0);
}
function fleqS(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeX(h, d.rd, ltQuietS(readS(h, d.rs1), readS(h, d.rs2), true), 0);
}
function fltqS(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeX(h, d.rd, ltQuietS(readS(h, d.rs1), readS(h, d.rs2), false), 0);
}
function fleqD(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeX(h, d.rd, ltQuietD(h.fl[d.rs1], h.fh[d.rs1], h.fl[d.rs2], h.fh[d.rs2], true), 0);
}
function fltqD(h: Hart, d: Decoded): void {
  requireFp(h, d);
  writeX(h, d.rd, ltQuietD(h.fl[d.rs1], h.fh[d.rs1], h.fl[d.rs2], h.fh[d.rs2], false), 0);
}

// Encodings (§24): FLI is FMV.fmt.X with rs2 = 1; FMINM/FMAXM are FMIN/FMAX
// with bit 13 set; FROUND/FROUNDNX are FCVT.fmt.* with rs2 = 4/5; FCVTMOD.W.D
// is FCVT.W.D with rs2 = 8 and rm = RTZ; FLEQ/FLTQ are FLE/FLT with bit 14 set.
const FUNCT7_RS2 = 0xfff0007f;
const FUNCT7_F3 = 0xfe00707f;
const FUNCT7_RS2_F3 = 0xfff0707f;

export const rv64zfa: InsnDef[] = [
  { name: "fli.s", mask: FUNCT7_RS2_F3, match: 0xf0100053 | 0, format: "R", exec: fliS, fpRd: true },
  { name: "fli.d", mask: FUNCT7_RS2_F3, match: 0xf2100053 | 0, format: "R", exec: fliD, fpRd: true },
  { name: "fli.h", mask: FUNCT7_RS2_F3, match: 0xf4100053 | 0, format: "R", exec: fliH, fpRd: true },
  { name: "fminm.s", mask: FUNCT7_F3, match: 0x28002053, format: "R", exec: fminmS, fpRd: true },
  { name: "fmaxm.s", mask: FUNCT7_F3, match: 0x28003053, format: "R", exec: fmaxmS, fpRd: true },
  { name: "fminm.d", mask: FUNCT7_F3, match: 0x2a002053, format: "R", exec: fminmD, fpRd: true },
  { name: "fmaxm.d", mask: FUNCT7_F3, match: 0x2a003053, format: "R", exec: fmaxmD, fpRd: true },
  { name: "fminm.h", mask: FUNCT7_F3, match: 0x2c002053, format: "R", exec: fminmH, fpRd: true },
  { name: "fmaxm.h", mask: FUNCT7_F3, match: 0x2c003053, format: "R", exec: fmaxmH, fpRd: true },
  { name: "fround.s", mask: FUNCT7_RS2, match: 0x40400053, format: "R", exec: froundS, fpRd: true },
  { name: "froundnx.s", mask: FUNCT7_RS2, match: 0x40500053, format: "R", exec: froundnxS, fpRd: true },
  { name: "fround.d", mask: FUNCT7_RS2, match: 0x42400053, format: "R", exec: froundD, fpRd: true },
  { name: "froundnx.d", mask: FUNCT7_RS2, match: 0x42500053, format: "R", exec: froundnxD, fpRd: true },
  { name: "fround.h", mask: FUNCT7_RS2, match: 0x44400053, format: "R", exec: froundH, fpRd: true },
  { name: "froundnx.h", mask: FUNCT7_RS2, match: 0x44500053, format: "R", exec: froundnxH, fpRd: true },
  { name: "fcvtmod.w.d", mask: FUNCT7_RS2_F3, match: 0xc2801053 | 0, format: "R", exec: fcvtmodWD },
  { name: "fleq.s", mask: FUNCT7_F3, match: 0xa0004053 | 0, format: "R", exec: fleqS },
  { name: "fltq.s", mask: FUNCT7_F3, match: 0xa0005053 | 0, format: "R", exec: fltqS },
  { name: "fleq.d", mask: FUNCT7_F3, match: 0xa2004053 | 0, format: "R", exec: fleqD },
  { name: "fltq.d", mask: FUNCT7_F3, match: 0xa2005053 | 0, format: "R", exec: fltqD },
  { name: "fleq.h", mask: FUNCT7_F3, match: 0xa4004053 | 0, format: "R", exec: fleqH },
  { name: "fltq.h", mask: FUNCT7_F3, match: 0xa4005053 | 0, format: "R", exec: fltqH },
];
