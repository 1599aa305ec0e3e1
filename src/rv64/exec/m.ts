// M extension (Unpriv §M): integer multiply and divide, RV64 and the .W
// forms. Division never traps: division by zero and signed overflow give the
// fixed results of the spec's table "Semantics for division by zero and
// division overflow", applied in the handlers below.
import type { Decoded } from "../decode/decoded.js";
import type { InsnDef } from "../decode/insn-def.js";
import type { Hart } from "../hart.js";
import { divs64, divu64, mul64, mulh64, mulhsu64, mulhu64, r, remainder } from "../int64.js";

// ---- multiplication (Unpriv §M, Multiplication Operations)

function mul(h: Hart, d: Decoded): void {
  const lo = mul64(h.xl[d.rs1], h.xh[d.rs1], h.xl[d.rs2], h.xh[d.rs2]);
  h.xh[d.rd] = r.hi;
  h.xl[d.rd] = lo;
}
function mulh(h: Hart, d: Decoded): void {
  const lo = mulh64(h.xl[d.rs1], h.xh[d.rs1], h.xl[d.rs2], h.xh[d.rs2]);
  h.xh[d.rd] = r.hi;
  h.xl[d.rd] = lo;
}
function mulhsu(h: Hart, d: Decoded): void {
  const lo = mulhsu64(h.xl[d.rs1], h.xh[d.rs1], h.xl[d.rs2], h.xh[d.rs2]);
  h.xh[d.rd] = r.hi;
  h.xl[d.rd] = lo;
}
function mulhu(h: Hart, d: Decoded): void {
  const lo = mulhu64(h.xl[d.rs1], h.xh[d.rs1], h.xl[d.rs2], h.xh[d.rs2]);
  h.xh[d.rd] = r.hi;
  h.xl[d.rd] = lo;
}
function mulw(h: Hart, d: Decoded): void {
  const v = Math.imul(h.xl[d.rs1], h.xl[d.rs2]);
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}

// ---- division (Unpriv §M, Division Operations). Division by zero: the
// quotient has all bits set and the remainder is the dividend. Signed
// overflow (MIN / -1): the quotient is the dividend and the remainder 0,
// which is what two's-complement wrap-around gives, so only zero divisors
// need a branch.

function div(h: Hart, d: Decoded): void {
  const bLo = h.xl[d.rs2];
  const bHi = h.xh[d.rs2];
  if ((bLo | bHi) === 0) {
    h.xl[d.rd] = -1;
    h.xh[d.rd] = -1;
    return;
  }
  const lo = divs64(h.xl[d.rs1], h.xh[d.rs1], bLo, bHi);
  h.xh[d.rd] = r.hi;
  h.xl[d.rd] = lo;
}
function divu(h: Hart, d: Decoded): void {
  const bLo = h.xl[d.rs2];
  const bHi = h.xh[d.rs2];
  if ((bLo | bHi) === 0) {
    h.xl[d.rd] = -1;
    h.xh[d.rd] = -1;
    return;
  }
  const lo = divu64(h.xl[d.rs1], h.xh[d.rs1], bLo, bHi);
  h.xh[d.rd] = r.hi;
  h.xl[d.rd] = lo;
}
function rem(h: Hart, d: Decoded): void {
  const bLo = h.xl[d.rs2];
  const bHi = h.xh[d.rs2];
  if ((bLo | bHi) === 0) {
    h.xl[d.rd] = h.xl[d.rs1];
    h.xh[d.rd] = h.xh[d.rs1];
    return;
  }
  divs64(h.xl[d.rs1], h.xh[d.rs1], bLo, bHi);
  h.xl[d.rd] = remainder.lo;
  h.xh[d.rd] = remainder.hi;
}
function remu(h: Hart, d: Decoded): void {
  const bLo = h.xl[d.rs2];
  const bHi = h.xh[d.rs2];
  if ((bLo | bHi) === 0) {
    h.xl[d.rd] = h.xl[d.rs1];
    h.xh[d.rd] = h.xh[d.rs1];
    return;
  }
  divu64(h.xl[d.rs1], h.xh[d.rs1], bLo, bHi);
  h.xl[d.rd] = remainder.lo;
  h.xh[d.rd] = remainder.hi;
}

// The .W forms divide the low words; every result, even the unsigned ones
// and those of division by zero, is sign-extended from bit 31. On int32
// operands a double division is exact, and (x | 0) wraps 2^31 (the quotient
// of MIN / -1) back to MIN.

function divw(h: Hart, d: Decoded): void {
  const b = h.xl[d.rs2];
  const v = b === 0 ? -1 : (h.xl[d.rs1] / b) | 0;
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function divuw(h: Hart, d: Decoded): void {
  const b = h.xl[d.rs2] >>> 0;
  const v = b === 0 ? -1 : ((h.xl[d.rs1] >>> 0) / b) | 0;
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function remw(h: Hart, d: Decoded): void {
  const a = h.xl[d.rs1];
  const b = h.xl[d.rs2];
  const v = b === 0 ? a : (a % b) | 0;
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function remuw(h: Hart, d: Decoded): void {
  const a = h.xl[d.rs1];
  const b = h.xl[d.rs2] >>> 0;
  const v = b === 0 ? a : ((a >>> 0) % b) | 0;
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}

// funct7 = 0000001 in bits 31:25 (riscv-opcodes rv_m, rv64_m).
const R_MASK = 0xfe00707f;
export const rv64m: InsnDef[] = [
  { name: "mul", mask: R_MASK, match: 0x02000033, format: "R", exec: mul },
  { name: "mulh", mask: R_MASK, match: 0x02001033, format: "R", exec: mulh },
  { name: "mulhsu", mask: R_MASK, match: 0x02002033, format: "R", exec: mulhsu },
  { name: "mulhu", mask: R_MASK, match: 0x02003033, format: "R", exec: mulhu },
  { name: "div", mask: R_MASK, match: 0x02004033, format: "R", exec: div },
  { name: "divu", mask: R_MASK, match: 0x02005033, format: "R", exec: divu },
  { name: "rem", mask: R_MASK, match: 0x02006033, format: "R", exec: rem },
  { name: "remu", mask: R_MASK, match: 0x02007033, format: "R", exec: remu },
  { name: "mulw", mask: R_MASK, match: 0x0200003b, format: "R", exec: mulw },
  { name: "divw", mask: R_MASK, match: 0x0200403b, format: "R", exec: divw },
  { name: "divuw", mask: R_MASK, match: 0x0200503b, format: "R", exec: divuw },
  { name: "remw", mask: R_MASK, match: 0x0200603b, format: "R", exec: remw },
  { name: "remuw", mask: R_MASK, match: 0x0200703b, format: "R", exec: remuw },
];
