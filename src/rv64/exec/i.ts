// RV64I base integer instructions (Unpriv §2, §4). Each handler is a short
// flat body over the hi/lo register halves; pc-relative ones read h.pcLo/pcHi
// (the run loop keeps them at the current instruction).
import type { Decoded } from "../decode/decoded.js";
import type { InsnDef } from "../decode/insn-def.js";
import type { Hart } from "../hart.js";
import { lt64, ltu64, r, sll64, sra64, srl64 } from "../int64.js";

// ---- upper immediates and jumps

function lui(h: Hart, d: Decoded): void {
  h.xl[d.rd] = d.imm;
  h.xh[d.rd] = d.imm >> 31;
}

function auipc(h: Hart, d: Decoded): void {
  const lo = (h.pcLo + d.imm) | 0;
  h.xh[d.rd] = (h.pcHi + (d.imm >> 31) + (lo >>> 0 < h.pcLo >>> 0 ? 1 : 0)) | 0;
  h.xl[d.rd] = lo;
}

/** Writes the link address pc + len into rd. */
function link(h: Hart, d: Decoded): void {
  const lo = (h.pcLo + d.len) | 0;
  h.xh[d.rd] = (h.pcHi + (lo >>> 0 < h.pcLo >>> 0 ? 1 : 0)) | 0;
  h.xl[d.rd] = lo;
}

function jal(h: Hart, d: Decoded): void {
  link(h, d);
  h.jumpRelative(d.imm);
}

function jalr(h: Hart, d: Decoded): void {
  const bLo = h.xl[d.rs1];
  const bHi = h.xh[d.rs1];
  const lo = (bLo + d.imm) | 0;
  const hi = (bHi + (d.imm >> 31) + (lo >>> 0 < bLo >>> 0 ? 1 : 0)) | 0;
  link(h, d);
  // Unpriv §2.5.1: the target's bit 0 is cleared. IALIGN is 16 (C is always
  // on), so no target can be misaligned.
  h.jumpTo(lo & ~1, hi);
}

// ---- branches (Unpriv §2.5.2)

function beq(h: Hart, d: Decoded): void {
  if (h.xl[d.rs1] === h.xl[d.rs2] && h.xh[d.rs1] === h.xh[d.rs2]) h.jumpRelative(d.imm);
}
function bne(h: Hart, d: Decoded): void {
  if (h.xl[d.rs1] !== h.xl[d.rs2] || h.xh[d.rs1] !== h.xh[d.rs2]) h.jumpRelative(d.imm);
}
function blt(h: Hart, d: Decoded): void {
  if (lt64(h.xl[d.rs1], h.xh[d.rs1], h.xl[d.rs2], h.xh[d.rs2])) h.jumpRelative(d.imm);
}
function bge(h: Hart, d: Decoded): void {
  if (!lt64(h.xl[d.rs1], h.xh[d.rs1], h.xl[d.rs2], h.xh[d.rs2])) h.jumpRelative(d.imm);
}
function bltu(h: Hart, d: Decoded): void {
  if (ltu64(h.xl[d.rs1], h.xh[d.rs1], h.xl[d.rs2], h.xh[d.rs2])) h.jumpRelative(d.imm);
}
function bgeu(h: Hart, d: Decoded): void {
  if (!ltu64(h.xl[d.rs1], h.xh[d.rs1], h.xl[d.rs2], h.xh[d.rs2])) h.jumpRelative(d.imm);
}

// ---- loads and stores (Unpriv §2.6): effective address rs1 + imm.

/** Low word of rs1 + imm; the high word is left in r.hi. */
function effectiveAddress(h: Hart, d: Decoded): number {
  const bLo = h.xl[d.rs1];
  const lo = (bLo + d.imm) | 0;
  r.hi = (h.xh[d.rs1] + (d.imm >> 31) + (lo >>> 0 < bLo >>> 0 ? 1 : 0)) | 0;
  return lo;
}

function lb(h: Hart, d: Decoded): void {
  const v = h.mmu.loadS8(effectiveAddress(h, d), r.hi);
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function lh(h: Hart, d: Decoded): void {
  const v = h.mmu.loadS16(effectiveAddress(h, d), r.hi);
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function lw(h: Hart, d: Decoded): void {
  const v = h.mmu.load32(effectiveAddress(h, d), r.hi);
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function ld(h: Hart, d: Decoded): void {
  const v = h.mmu.load64(effectiveAddress(h, d), r.hi);
  h.xh[d.rd] = h.mmu.hi;
  h.xl[d.rd] = v;
}
function lbu(h: Hart, d: Decoded): void {
  h.xl[d.rd] = h.mmu.loadU8(effectiveAddress(h, d), r.hi);
  h.xh[d.rd] = 0;
}
function lhu(h: Hart, d: Decoded): void {
  h.xl[d.rd] = h.mmu.loadU16(effectiveAddress(h, d), r.hi);
  h.xh[d.rd] = 0;
}
function lwu(h: Hart, d: Decoded): void {
  h.xl[d.rd] = h.mmu.load32(effectiveAddress(h, d), r.hi);
  h.xh[d.rd] = 0;
}

function sb(h: Hart, d: Decoded): void {
  h.mmu.store8(effectiveAddress(h, d), r.hi, h.xl[d.rs2]);
}
function sh(h: Hart, d: Decoded): void {
  h.mmu.store16(effectiveAddress(h, d), r.hi, h.xl[d.rs2]);
}
function sw(h: Hart, d: Decoded): void {
  h.mmu.store32(effectiveAddress(h, d), r.hi, h.xl[d.rs2]);
}
function sd(h: Hart, d: Decoded): void {
  h.mmu.store64(effectiveAddress(h, d), r.hi, h.xl[d.rs2], h.xh[d.rs2]);
}

// ---- register-immediate (Unpriv §2.4.1, §4.2.1)

function addi(h: Hart, d: Decoded): void {
  const aLo = h.xl[d.rs1];
  const lo = (aLo + d.imm) | 0;
  h.xh[d.rd] = (h.xh[d.rs1] + (d.imm >> 31) + (lo >>> 0 < aLo >>> 0 ? 1 : 0)) | 0;
  h.xl[d.rd] = lo;
}
function slti(h: Hart, d: Decoded): void {
  h.xl[d.rd] = lt64(h.xl[d.rs1], h.xh[d.rs1], d.imm, d.imm >> 31) ? 1 : 0;
  h.xh[d.rd] = 0;
}
function sltiu(h: Hart, d: Decoded): void {
  h.xl[d.rd] = ltu64(h.xl[d.rs1], h.xh[d.rs1], d.imm, d.imm >> 31) ? 1 : 0;
  h.xh[d.rd] = 0;
}
function xori(h: Hart, d: Decoded): void {
  h.xl[d.rd] = h.xl[d.rs1] ^ d.imm;
  h.xh[d.rd] = h.xh[d.rs1] ^ (d.imm >> 31);
}
function ori(h: Hart, d: Decoded): void {
  h.xl[d.rd] = h.xl[d.rs1] | d.imm;
  h.xh[d.rd] = h.xh[d.rs1] | (d.imm >> 31);
}
function andi(h: Hart, d: Decoded): void {
  h.xl[d.rd] = h.xl[d.rs1] & d.imm;
  h.xh[d.rd] = h.xh[d.rs1] & (d.imm >> 31);
}
function slli(h: Hart, d: Decoded): void {
  const lo = sll64(h.xl[d.rs1], h.xh[d.rs1], d.imm);
  h.xh[d.rd] = r.hi;
  h.xl[d.rd] = lo;
}
function srli(h: Hart, d: Decoded): void {
  const lo = srl64(h.xl[d.rs1], h.xh[d.rs1], d.imm);
  h.xh[d.rd] = r.hi;
  h.xl[d.rd] = lo;
}
function srai(h: Hart, d: Decoded): void {
  const lo = sra64(h.xl[d.rs1], h.xh[d.rs1], d.imm);
  h.xh[d.rd] = r.hi;
  h.xl[d.rd] = lo;
}

function addiw(h: Hart, d: Decoded): void {
  const v = (h.xl[d.rs1] + d.imm) | 0;
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function slliw(h: Hart, d: Decoded): void {
  const v = h.xl[d.rs1] << d.imm;
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function srliw(h: Hart, d: Decoded): void {
  const v = (h.xl[d.rs1] >>> d.imm) | 0;
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function sraiw(h: Hart, d: Decoded): void {
  const v = h.xl[d.rs1] >> d.imm;
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}

// ---- register-register (Unpriv §2.4.2, §4.2.2)

function add(h: Hart, d: Decoded): void {
  const aLo = h.xl[d.rs1];
  const lo = (aLo + h.xl[d.rs2]) | 0;
  h.xh[d.rd] = (h.xh[d.rs1] + h.xh[d.rs2] + (lo >>> 0 < aLo >>> 0 ? 1 : 0)) | 0;
  h.xl[d.rd] = lo;
}
function sub(h: Hart, d: Decoded): void {
  const aLo = h.xl[d.rs1];
  const bLo = h.xl[d.rs2];
  h.xh[d.rd] = (h.xh[d.rs1] - h.xh[d.rs2] - (aLo >>> 0 < bLo >>> 0 ? 1 : 0)) | 0;
  h.xl[d.rd] = (aLo - bLo) | 0;
}
function sll(h: Hart, d: Decoded): void {
  const lo = sll64(h.xl[d.rs1], h.xh[d.rs1], h.xl[d.rs2]);
  h.xh[d.rd] = r.hi;
  h.xl[d.rd] = lo;
}
function slt(h: Hart, d: Decoded): void {
  h.xl[d.rd] = lt64(h.xl[d.rs1], h.xh[d.rs1], h.xl[d.rs2], h.xh[d.rs2]) ? 1 : 0;
  h.xh[d.rd] = 0;
}
function sltu(h: Hart, d: Decoded): void {
  h.xl[d.rd] = ltu64(h.xl[d.rs1], h.xh[d.rs1], h.xl[d.rs2], h.xh[d.rs2]) ? 1 : 0;
  h.xh[d.rd] = 0;
}
function xor(h: Hart, d: Decoded): void {
  h.xl[d.rd] = h.xl[d.rs1] ^ h.xl[d.rs2];
  h.xh[d.rd] = h.xh[d.rs1] ^ h.xh[d.rs2];
}
function srl(h: Hart, d: Decoded): void {
  const lo = srl64(h.xl[d.rs1], h.xh[d.rs1], h.xl[d.rs2]);
  h.xh[d.rd] = r.hi;
  h.xl[d.rd] = lo;
}
function sra(h: Hart, d: Decoded): void {
  const lo = sra64(h.xl[d.rs1], h.xh[d.rs1], h.xl[d.rs2]);
  h.xh[d.rd] = r.hi;
  h.xl[d.rd] = lo;
}
function or(h: Hart, d: Decoded): void {
  h.xl[d.rd] = h.xl[d.rs1] | h.xl[d.rs2];
  h.xh[d.rd] = h.xh[d.rs1] | h.xh[d.rs2];
}
function and(h: Hart, d: Decoded): void {
  h.xl[d.rd] = h.xl[d.rs1] & h.xl[d.rs2];
  h.xh[d.rd] = h.xh[d.rs1] & h.xh[d.rs2];
}

function addw(h: Hart, d: Decoded): void {
  const v = (h.xl[d.rs1] + h.xl[d.rs2]) | 0;
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function subw(h: Hart, d: Decoded): void {
  const v = (h.xl[d.rs1] - h.xl[d.rs2]) | 0;
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function sllw(h: Hart, d: Decoded): void {
  const v = h.xl[d.rs1] << (h.xl[d.rs2] & 31);
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function srlw(h: Hart, d: Decoded): void {
  const v = (h.xl[d.rs1] >>> (h.xl[d.rs2] & 31)) | 0;
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function sraw(h: Hart, d: Decoded): void {
  const v = h.xl[d.rs1] >> (h.xl[d.rs2] & 31);
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}

/** FENCE, FENCE.TSO, PAUSE: one hart sees its own accesses in order; harts interleave at instruction granularity. */
function fence(): void {}

export const rv64i: InsnDef[] = [
  { name: "lui", mask: 0x7f, match: 0x37, format: "U", exec: lui },
  { name: "auipc", mask: 0x7f, match: 0x17, format: "U", exec: auipc },
  { name: "jal", mask: 0x7f, match: 0x6f, format: "J", exec: jal },
  { name: "jalr", mask: 0x707f, match: 0x67, format: "I", exec: jalr },
  { name: "beq", mask: 0x707f, match: 0x63, format: "B", exec: beq },
  { name: "bne", mask: 0x707f, match: 0x1063, format: "B", exec: bne },
  { name: "blt", mask: 0x707f, match: 0x4063, format: "B", exec: blt },
  { name: "bge", mask: 0x707f, match: 0x5063, format: "B", exec: bge },
  { name: "bltu", mask: 0x707f, match: 0x6063, format: "B", exec: bltu },
  { name: "bgeu", mask: 0x707f, match: 0x7063, format: "B", exec: bgeu },
  { name: "lb", mask: 0x707f, match: 0x03, format: "I", exec: lb },
  { name: "lh", mask: 0x707f, match: 0x1003, format: "I", exec: lh },
  { name: "lw", mask: 0x707f, match: 0x2003, format: "I", exec: lw },
  { name: "ld", mask: 0x707f, match: 0x3003, format: "I", exec: ld },
  { name: "lbu", mask: 0x707f, match: 0x4003, format: "I", exec: lbu },
  { name: "lhu", mask: 0x707f, match: 0x5003, format: "I", exec: lhu },
  { name: "lwu", mask: 0x707f, match: 0x6003, format: "I", exec: lwu },
  { name: "sb", mask: 0x707f, match: 0x23, format: "S", exec: sb },
  { name: "sh", mask: 0x707f, match: 0x1023, format: "S", exec: sh },
  { name: "sw", mask: 0x707f, match: 0x2023, format: "S", exec: sw },
  { name: "sd", mask: 0x707f, match: 0x3023, format: "S", exec: sd },
  { name: "addi", mask: 0x707f, match: 0x13, format: "I", exec: addi },
  { name: "slti", mask: 0x707f, match: 0x2013, format: "I", exec: slti },
  { name: "sltiu", mask: 0x707f, match: 0x3013, format: "I", exec: sltiu },
  { name: "xori", mask: 0x707f, match: 0x4013, format: "I", exec: xori },
  { name: "ori", mask: 0x707f, match: 0x6013, format: "I", exec: ori },
  { name: "andi", mask: 0x707f, match: 0x7013, format: "I", exec: andi },
  { name: "slli", mask: 0xfc00707f, match: 0x1013, format: "SHAMT", exec: slli },
  { name: "srli", mask: 0xfc00707f, match: 0x5013, format: "SHAMT", exec: srli },
  { name: "srai", mask: 0xfc00707f, match: 0x40005013, format: "SHAMT", exec: srai },
  { name: "add", mask: 0xfe00707f, match: 0x33, format: "R", exec: add },
  { name: "sub", mask: 0xfe00707f, match: 0x40000033, format: "R", exec: sub },
  { name: "sll", mask: 0xfe00707f, match: 0x1033, format: "R", exec: sll },
  { name: "slt", mask: 0xfe00707f, match: 0x2033, format: "R", exec: slt },
  { name: "sltu", mask: 0xfe00707f, match: 0x3033, format: "R", exec: sltu },
  { name: "xor", mask: 0xfe00707f, match: 0x4033, format: "R", exec: xor },
  { name: "srl", mask: 0xfe00707f, match: 0x5033, format: "R", exec: srl },
  { name: "sra", mask: 0xfe00707f, match: 0x40005033, format: "R", exec: sra },
  { name: "or", mask: 0xfe00707f, match: 0x6033, format: "R", exec: or },
  { name: "and", mask: 0xfe00707f, match: 0x7033, format: "R", exec: and },
  { name: "addiw", mask: 0x707f, match: 0x1b, format: "I", exec: addiw },
  { name: "slliw", mask: 0xfe00707f, match: 0x101b, format: "SHAMT", exec: slliw },
  { name: "srliw", mask: 0xfe00707f, match: 0x501b, format: "SHAMT", exec: srliw },
  { name: "sraiw", mask: 0xfe00707f, match: 0x4000501b, format: "SHAMT", exec: sraiw },
  { name: "addw", mask: 0xfe00707f, match: 0x3b, format: "R", exec: addw },
  { name: "subw", mask: 0xfe00707f, match: 0x4000003b, format: "R", exec: subw },
  { name: "sllw", mask: 0xfe00707f, match: 0x103b, format: "R", exec: sllw },
  { name: "srlw", mask: 0xfe00707f, match: 0x503b, format: "R", exec: srlw },
  { name: "sraw", mask: 0xfe00707f, match: 0x4000503b, format: "R", exec: sraw },
  // FENCE ignores its fm/pred/succ fields (FENCE.TSO and PAUSE are FENCE encodings).
  { name: "fence", mask: 0x707f, match: 0x0f, format: "NONE", exec: fence },
];
