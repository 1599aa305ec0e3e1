// Zbc carry-less multiplication (Unpriv §28.4.3, "Zbc"), which also serves
// Zbkc (§28.4.6): Zbkc is clmul and clmulh, the same instructions, so one
// implementation and one table row each. The carry-less product of two
// 64-bit values is their product as polynomials over GF(2), 127 bits wide;
// clmul returns bits 63:0, clmulh bits 127:64, clmulr bits 126:63.
import type { Decoded } from "../decode/decoded.js";
import type { InsnDef } from "../decode/insn-def.js";
import type { Hart } from "../hart.js";

// ---- the carry-less product on int32 halves

/**
 * Bits 31:0 of the carry-less product of two 32-bit words, from ordinary
 * multiplies (BearSSL's bmul32): split each operand into four masks holding
 * every fourth bit (residues 0-3). In the integer product of two such masks
 * every term lands on one residue class, at most 8 terms per bit, and a
 * count below 16 never carries into the next bit of its class 4 places up:
 * each bit of that class holds its count's parity, which is the carry-less
 * bit. XOR the four products per class and keep that class's bits.
 */
function clmulLow32(x: number, y: number): number {
  const x0 = x & 0x11111111;
  const x1 = x & 0x22222222;
  const x2 = x & 0x44444444;
  const x3 = x & 0x88888888;
  const y0 = y & 0x11111111;
  const y1 = y & 0x22222222;
  const y2 = y & 0x44444444;
  const y3 = y & 0x88888888;
  const z0 = Math.imul(x0, y0) ^ Math.imul(x1, y3) ^ Math.imul(x2, y2) ^ Math.imul(x3, y1);
  const z1 = Math.imul(x0, y1) ^ Math.imul(x1, y0) ^ Math.imul(x2, y3) ^ Math.imul(x3, y2);
  const z2 = Math.imul(x0, y2) ^ Math.imul(x1, y1) ^ Math.imul(x2, y0) ^ Math.imul(x3, y3);
  const z3 = Math.imul(x0, y3) ^ Math.imul(x1, y2) ^ Math.imul(x2, y1) ^ Math.imul(x3, y0);
  return (z0 & 0x11111111) | (z1 & 0x22222222) | (z2 & 0x44444444) | (z3 & 0x88888888);
}

/** Reverses the 32 bits of a word. */
function reverse32(v: number): number {
  v = ((v >>> 1) & 0x55555555) | ((v & 0x55555555) << 1);
  v = ((v >>> 2) & 0x33333333) | ((v & 0x33333333) << 2);
  v = ((v >>> 4) & 0x0f0f0f0f) | ((v & 0x0f0f0f0f) << 4);
  v = ((v >>> 8) & 0x00ff00ff) | ((v & 0x00ff00ff) << 8);
  return (v >>> 16) | (v << 16);
}

/**
 * Bits 63:32 of the carry-less product of x and y, given their bit
 * reversals: reversing both operands reverses the 63-bit product, so
 * clmulLow32 of the reversals, reversed again, is product bits 62:31.
 */
function clmulHigh32(xReversed: number, yReversed: number): number {
  return reverse32(clmulLow32(xReversed, yReversed)) >>> 1;
}

/** The last clmul128 product, words 0 (bits 31:0) to 3 (bits 127:96). */
const product = new Int32Array(4);

/**
 * The carry-less product (aHi:aLo) x (bHi:bLo) into `product`, with three
 * 32 x 32 products (Karatsuba; over GF(2) subtraction is XOR): low = aLo*bLo,
 * high = aHi*bHi, and the middle term (aLo^aHi)*(bLo^bHi) ^ low ^ high at
 * bit 32. Exact for all inputs, straight-line, no allocation.
 */
function clmul128(aLo: number, aHi: number, bLo: number, bHi: number): void {
  const aLoR = reverse32(aLo);
  const aHiR = reverse32(aHi);
  const bLoR = reverse32(bLo);
  const bHiR = reverse32(bHi);
  const lowLo = clmulLow32(aLo, bLo);
  const lowHi = clmulHigh32(aLoR, bLoR);
  const highLo = clmulLow32(aHi, bHi);
  const highHi = clmulHigh32(aHiR, bHiR);
  // Bit reversal is linear, so the middle operands' reversals are XORs too.
  const midLo = clmulLow32(aLo ^ aHi, bLo ^ bHi) ^ lowLo ^ highLo;
  const midHi = clmulHigh32(aLoR ^ aHiR, bLoR ^ bHiR) ^ lowHi ^ highHi;
  product[0] = lowLo;
  product[1] = lowHi ^ midLo;
  product[2] = highLo ^ midHi;
  product[3] = highHi;
}

/** Only bits 63:0: the low words' full product and the cross terms' low words. */
function clmul(h: Hart, d: Decoded): void {
  const aLo = h.xl[d.rs1];
  const bLo = h.xl[d.rs2];
  const hi = clmulHigh32(reverse32(aLo), reverse32(bLo)) ^ clmulLow32(aLo, h.xh[d.rs2]) ^ clmulLow32(h.xh[d.rs1], bLo);
  h.xl[d.rd] = clmulLow32(aLo, bLo);
  h.xh[d.rd] = hi;
}
function clmulh(h: Hart, d: Decoded): void {
  clmul128(h.xl[d.rs1], h.xh[d.rs1], h.xl[d.rs2], h.xh[d.rs2]);
  h.xl[d.rd] = product[2];
  h.xh[d.rd] = product[3];
}
/** Bits 126:63: the product shifted right by 63 (bit 127 is always 0). */
function clmulr(h: Hart, d: Decoded): void {
  clmul128(h.xl[d.rs1], h.xh[d.rs1], h.xl[d.rs2], h.xh[d.rs2]);
  h.xl[d.rd] = (product[1] >>> 31) | (product[2] << 1);
  h.xh[d.rd] = (product[2] >>> 31) | (product[3] << 1);
}

// Encodings from riscv-opcodes rv_zbc (clmul and clmulh also rv_zbkc):
// OP, funct7 0000101 (shared with min/max), funct3 001 / 011 / 010.
const R_MASK = 0xfe00707f;
export const rv64zbc: InsnDef[] = [
  { name: "clmul", mask: R_MASK, match: 0x0a001033, format: "R", exec: clmul },
  { name: "clmulh", mask: R_MASK, match: 0x0a003033, format: "R", exec: clmulh },
  { name: "clmulr", mask: R_MASK, match: 0x0a002033, format: "R", exec: clmulr },
];
