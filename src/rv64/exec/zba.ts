// Zba address generation (Unpriv §B, Zba): rs2 + (rs1 << n), where the .uw
// forms first zero-extend the low word of rs1 (indexing with unsigned
// 32-bit values).
import type { Decoded } from "../decode/decoded.js";
import type { InsnDef } from "../decode/insn-def.js";
import type { Hart } from "../hart.js";
import { add64, r, sll64 } from "../int64.js";

/** rd = rs2 + (x << sh) where x is rs1, or its zero-extended low word when `uw`. */
function shiftAdd(h: Hart, d: Decoded, sh: number, uw: boolean): void {
  const lo = sll64(h.xl[d.rs1], uw ? 0 : h.xh[d.rs1], sh);
  const sum = add64(lo, r.hi, h.xl[d.rs2], h.xh[d.rs2]);
  h.xh[d.rd] = r.hi;
  h.xl[d.rd] = sum;
}

function addUw(h: Hart, d: Decoded): void {
  shiftAdd(h, d, 0, true);
}
function sh1add(h: Hart, d: Decoded): void {
  shiftAdd(h, d, 1, false);
}
function sh2add(h: Hart, d: Decoded): void {
  shiftAdd(h, d, 2, false);
}
function sh3add(h: Hart, d: Decoded): void {
  shiftAdd(h, d, 3, false);
}
function sh1addUw(h: Hart, d: Decoded): void {
  shiftAdd(h, d, 1, true);
}
function sh2addUw(h: Hart, d: Decoded): void {
  shiftAdd(h, d, 2, true);
}
function sh3addUw(h: Hart, d: Decoded): void {
  shiftAdd(h, d, 3, true);
}
function slliUw(h: Hart, d: Decoded): void {
  const lo = sll64(h.xl[d.rs1], 0, d.imm);
  h.xh[d.rd] = r.hi;
  h.xl[d.rd] = lo;
}

// Encodings from riscv-opcodes rv_zba / rv64_zba.
const R_MASK = 0xfe00707f;
export const rv64zba: InsnDef[] = [
  { name: "add.uw", mask: R_MASK, match: 0x0800003b, format: "R", exec: addUw },
  { name: "sh1add", mask: R_MASK, match: 0x20002033, format: "R", exec: sh1add },
  { name: "sh2add", mask: R_MASK, match: 0x20004033, format: "R", exec: sh2add },
  { name: "sh3add", mask: R_MASK, match: 0x20006033, format: "R", exec: sh3add },
  { name: "sh1add.uw", mask: R_MASK, match: 0x2000203b, format: "R", exec: sh1addUw },
  { name: "sh2add.uw", mask: R_MASK, match: 0x2000403b, format: "R", exec: sh2addUw },
  { name: "sh3add.uw", mask: R_MASK, match: 0x2000603b, format: "R", exec: sh3addUw },
  // RV64: 6-bit shamt in bits 25:20.
  { name: "slli.uw", mask: 0xfc00707f, match: 0x0800101b, format: "SHAMT", exec: slliUw },
];
