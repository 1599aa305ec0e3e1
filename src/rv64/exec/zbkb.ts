// Zbkb bit manipulation for cryptography (Unpriv §28.4.5, "Zbkb"; scalar
// crypto §32.3.1), RV64 forms. Most of Zbkb is in Zbb already, with the same
// encodings: rol, ror, rori, rolw, rorw, roriw, andn, orn, xnor and rev8 are
// zbb.ts's rows. This file holds the rest: pack, packh, packw and brev8
// (zip and unzip are RV32-only).
import type { Decoded } from "../decode/decoded.js";
import type { InsnDef } from "../decode/insn-def.js";
import type { Hart } from "../hart.js";

// ---- packing: the low halves of rs1 and rs2, side by side

/** rs1[31:0] in the low word, rs2[31:0] in the high word. */
function pack(h: Hart, d: Decoded): void {
  const lo = h.xl[d.rs1];
  h.xh[d.rd] = h.xl[d.rs2];
  h.xl[d.rd] = lo;
}
/** rs2[7:0] : rs1[7:0], zero-extended. */
function packh(h: Hart, d: Decoded): void {
  h.xl[d.rd] = (h.xl[d.rs1] & 0xff) | ((h.xl[d.rs2] & 0xff) << 8);
  h.xh[d.rd] = 0;
}
/** rs2[15:0] : rs1[15:0], sign-extended from bit 31. */
function packw(h: Hart, d: Decoded): void {
  const w = (h.xl[d.rs1] & 0xffff) | (h.xl[d.rs2] << 16);
  h.xl[d.rd] = w;
  h.xh[d.rd] = w >> 31;
}

// ---- bit order within bytes

/** Reverses the bits of each byte of a word. */
function reverseBitsInBytes(v: number): number {
  v = ((v >>> 1) & 0x55555555) | ((v & 0x55555555) << 1);
  v = ((v >>> 2) & 0x33333333) | ((v & 0x33333333) << 2);
  return ((v >>> 4) & 0x0f0f0f0f) | ((v & 0x0f0f0f0f) << 4);
}

/** brev8 (called rev.b in the B chapter's tables). */
function brev8(h: Hart, d: Decoded): void {
  h.xl[d.rd] = reverseBitsInBytes(h.xl[d.rs1]);
  h.xh[d.rd] = reverseBitsInBytes(h.xh[d.rs1]);
}

// Encodings from riscv-opcodes rv_zbkb / rv64_zbkb. RV64 zext.h (Zbb) is
// packw rd, rs1, x0, with the same result: zbb.ts keeps that encoding as
// its own row (the more specific mask wins in the decoder), and this packw
// row decodes every other rs2. pack rd, rs1, x0 is RV32's zext.h; on RV64
// it is simply pack (rs1[31:0] zero-extended). brev8 is OP-IMM with
// funct3 101 and immediate 0x687, next to rev8's 0x6b8.
const R_MASK = 0xfe00707f;
const UNARY_MASK = 0xfff0707f;
export const rv64zbkb: InsnDef[] = [
  { name: "pack", mask: R_MASK, match: 0x08004033, format: "R", exec: pack },
  { name: "packh", mask: R_MASK, match: 0x08007033, format: "R", exec: packh },
  { name: "packw", mask: R_MASK, match: 0x0800403b, format: "R", exec: packw },
  { name: "brev8", mask: UNARY_MASK, match: 0x68705013, format: "R", exec: brev8 },
];
