// Random RV64GC programs for differential testing of the translation engine
// against the interpreter (differential.ts). A program is machine code
// written straight into RAM: a body of random instructions (integer, M,
// Zba/Zbb, loads and stores that may fault or straddle pages, forward
// branches and jumps, compressed forms, F/D, counter and FP CSRs, ECALL,
// EBREAK, illegal instructions, and stores that rewrite later
// instructions), run a few times by a loop, then a jump-to-self.
//
// Registers with a fixed role: x5 points into the data area, x6 is the
// jalr scratch, x8 points at the code (for self-modifying stores), x30
// counts loop iterations, x31 belongs to the M-mode trap handler.

/** A small deterministic PRNG (mulberry32): the same seed gives the same program. */
export class Random {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  below(n: number): number {
    return this.next() % n;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }
  chance(p: number): boolean {
    return this.next() / 4294967296 < p;
  }
  /** An int32 biased toward values where 64-bit arithmetic goes wrong (0, ±1, sign and carry edges). */
  interesting(): number {
    return this.chance(0.4)
      ? this.pick([0, 1, -1, 0x7fffffff, -0x80000000, 0x80000001 | 0, 2, 31, 32, 63, 64, 0xffff, -2])
      : this.next() | 0;
  }
}

// ---- encoders (Unpriv §2.3, §26 for the compressed forms)

export const R = (op: number, f3: number, f7: number, rd: number, rs1: number, rs2: number): number =>
  ((f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op) >>> 0;
export const I = (op: number, f3: number, rd: number, rs1: number, imm: number): number =>
  (((imm & 0xfff) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op) >>> 0;
export const S = (op: number, f3: number, rs1: number, rs2: number, imm: number): number =>
  ((((imm >> 5) & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((imm & 31) << 7) | op) >>> 0;
export const B = (f3: number, rs1: number, rs2: number, imm: number): number =>
  ((((imm >> 12) & 1) << 31) |
    (((imm >> 5) & 0x3f) << 25) |
    (rs2 << 20) |
    (rs1 << 15) |
    (f3 << 12) |
    (((imm >> 1) & 0xf) << 8) |
    (((imm >> 11) & 1) << 7) |
    0x63) >>>
  0;
export const J = (rd: number, imm: number): number =>
  ((((imm >> 20) & 1) << 31) |
    (((imm >> 1) & 0x3ff) << 21) |
    (((imm >> 11) & 1) << 20) |
    (((imm >> 12) & 0xff) << 12) |
    (rd << 7) |
    0x6f) >>>
  0;
export const U = (op: number, rd: number, imm20: number): number => (((imm20 & 0xfffff) << 12) | (rd << 7) | op) >>> 0;

/** Registers random instructions may read and write (not the fixed-role ones). */
const FREE = [1, 2, 3, 4, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29];

export const DATA_REG = 5;
export const JALR_REG = 6;
export const CODE_REG = 8;
export const LOOP_REG = 30;

/** One body item: fixed words, or a control transfer resolved once positions are known. */
type Item =
  | { kind: "words"; parcels: number[] }
  | { kind: "branch"; f3: number; rs1: number; rs2: number; ahead: number }
  | { kind: "jal"; rd: number; ahead: number }
  | { kind: "jalr"; rd: number; ahead: number }
  | { kind: "rewrite"; ahead: number };

function words(...insns: number[]): Item {
  const parcels: number[] = [];
  for (const w of insns) {
    if ((w & 3) !== 3) parcels.push(w & 0xffff);
    else parcels.push(w & 0xffff, w >>> 16);
  }
  return { kind: "words", parcels };
}

const aluR: [number, number, number][] = [
  // [opcode, funct3, funct7]: RV64I, M, Zba, Zbb register-register forms
  ...[0, 1, 2, 3, 4, 5, 6, 7].map((f3): [number, number, number] => [0x33, f3, 0]),
  [0x33, 0, 0x20],
  [0x33, 5, 0x20],
  ...[0, 1, 5].map((f3): [number, number, number] => [0x3b, f3, 0]),
  [0x3b, 0, 0x20],
  [0x3b, 5, 0x20],
  ...[0, 1, 2, 3, 4, 5, 6, 7].map((f3): [number, number, number] => [0x33, f3, 1]),
  ...[0, 4, 5, 6, 7].map((f3): [number, number, number] => [0x3b, f3, 1]),
  [0x33, 2, 0x10],
  [0x33, 4, 0x10],
  [0x33, 6, 0x10],
  [0x3b, 0, 0x04],
  [0x33, 7, 0x20],
  [0x33, 6, 0x20],
  [0x33, 4, 0x20],
  [0x33, 4, 0x05],
  [0x33, 5, 0x05],
  [0x33, 6, 0x05],
  [0x33, 7, 0x05],
  [0x33, 1, 0x30],
  [0x33, 5, 0x30],
  // Zba .uw, Zbb word rotates, Zbs, Zicond
  [0x3b, 2, 0x10],
  [0x3b, 4, 0x10],
  [0x3b, 6, 0x10],
  [0x3b, 1, 0x30],
  [0x3b, 5, 0x30],
  [0x33, 1, 0x24],
  [0x33, 5, 0x24],
  [0x33, 1, 0x34],
  [0x33, 1, 0x14],
  [0x33, 5, 0x07],
  [0x33, 7, 0x07],
];

function randomItem(rnd: Random, remaining: number): Item {
  const rd = rnd.pick(FREE);
  const rs1 = rnd.pick(FREE);
  const rs2 = rnd.pick(FREE);
  const choice = rnd.below(100);
  if (choice < 25) {
    // Half of them from RV64I's own register-register forms (the first 13 rows), which have templates.
    const [op, f3, f7] = rnd.chance(0.5) ? aluR[rnd.below(13)] : rnd.pick(aluR);
    return words(R(op, f3, f7, rd, rnd.chance(0.1) ? 0 : rs1, rs2));
  }
  if (choice < 42) {
    const f3 = rnd.pick([0, 2, 3, 4, 6, 7]);
    const imm = rnd.chance(0.5) ? rnd.below(4096) - 2048 : rnd.pick([0, 1, -1, 2047, -2048]);
    const kind = rnd.below(5);
    if (kind === 0) return words(I(0x13, rnd.pick([1, 5]), rd, rs1, rnd.below(64) | (rnd.chance(0.5) ? 0 : 0x400)));
    if (kind === 1) return words(I(0x1b, 0, rd, rs1, imm));
    if (kind === 2) return words(I(0x1b, rnd.pick([1, 5]), rd, rs1, rnd.below(32) | (rnd.chance(0.5) ? 0 : 0x400)));
    return words(I(0x13, f3, rd, rs1, imm));
  }
  if (choice < 46) return words(rnd.chance(0.5) ? U(0x37, rd, rnd.next()) : U(0x17, rd, rnd.next()));
  if (choice < 49) {
    // Zbb unary forms: clz, ctz, cpop, sext.b, sext.h (and the W ones), rev8, orc.b; rori
    const unary = rnd.pick([
      I(0x13, 1, rd, rs1, 0x600),
      I(0x13, 1, rd, rs1, 0x601),
      I(0x13, 1, rd, rs1, 0x602),
      I(0x13, 1, rd, rs1, 0x604),
      I(0x13, 1, rd, rs1, 0x605),
      I(0x1b, 1, rd, rs1, 0x600),
      I(0x1b, 1, rd, rs1, 0x602),
      I(0x13, 5, rd, rs1, 0x6b8),
      I(0x13, 5, rd, rs1, 0x287),
      I(0x13, 5, rd, rs1, 0x600 | rnd.below(64)),
      I(0x1b, 1, rd, rs1, 0x601), // ctzw
      I(0x3b, 4, rd, rs1, 0x080), // zext.h
      I(0x1b, 1, rd, rs1, 0x080 | rnd.below(64)), // slli.uw
      I(0x1b, 5, rd, rs1, 0x600 | rnd.below(32)), // roriw
      I(0x13, 1, rd, rs1, rnd.pick([0x480, 0x280, 0x680]) | rnd.below(64)), // bclri, bseti, binvi
      I(0x13, 5, rd, rs1, 0x480 | rnd.below(64)), // bexti
    ]);
    return words(unary);
  }
  if (choice < 62) {
    // Loads and stores near x5: aligned, misaligned, page-straddling (x5 sits 8 bytes
    // below a page end), or through x0 into unmapped space (an access or page fault).
    const base = rnd.chance(0.06) ? 0 : DATA_REG;
    const imm = rnd.chance(0.7) ? rnd.below(32) * 8 - 128 : rnd.below(300) - 150;
    if (rnd.chance(0.5)) return words(I(0x03, rnd.pick([0, 1, 2, 3, 4, 5, 6]), rd, base, imm));
    return words(S(0x23, rnd.pick([0, 1, 2, 3]), base, rs2, imm));
  }
  if (choice < 70 && remaining > 2) {
    const ahead = 1 + rnd.below(Math.min(6, remaining - 1));
    return { kind: "branch", f3: rnd.pick([0, 1, 4, 5, 6, 7]), rs1, rs2: rnd.chance(0.2) ? 0 : rs2, ahead };
  }
  if (choice < 73 && remaining > 2) return { kind: "jal", rd: rnd.chance(0.5) ? 0 : rd, ahead: 1 + rnd.below(3) };
  if (choice < 75 && remaining > 3) return { kind: "jalr", rd: rnd.chance(0.5) ? 0 : rd, ahead: 1 + rnd.below(3) };
  if (choice < 83) {
    // Compressed: c.addi, c.li, c.mv, c.add, c.lw/c.sw and c.ld/c.sd on x5's area through x8..x15 is
    // impossible (x5 is not a compressed register), so they go through c.lwsp-free forms only.
    const imm6 = rnd.below(64);
    const form = rnd.below(4);
    if (form === 0) return words(0x0001 | (((imm6 >> 5) & 1) << 12) | (rd << 7) | ((imm6 & 31) << 2));
    if (form === 1) return words(0x4001 | (((imm6 >> 5) & 1) << 12) | (rd << 7) | ((imm6 & 31) << 2));
    if (form === 2) return words(0x8002 | (rd << 7) | (rs2 << 2));
    return words(0x9002 | (rd << 7) | (rs2 << 2));
  }
  if (choice < 90) {
    // F/D through their handlers: arithmetic in every rounding mode, moves, conversions, compares, fld/fsd.
    const fd = rnd.below(32);
    const fs1 = rnd.below(32);
    const fs2 = rnd.below(32);
    const rm = rnd.pick([0, 1, 2, 3, 4, 7]);
    return words(
      rnd.pick([
        R(0x53, rm, 0x01, fd, fs1, fs2),
        R(0x53, rm, 0x09, fd, fs1, fs2),
        R(0x53, rm, 0x0d, fd, fs1, fs2),
        R(0x53, rm, 0x00, fd, fs1, fs2),
        R(0x53, 0, 0x79, fd, rs1, 0),
        R(0x53, 0, 0x71, rd, fs1, 0),
        R(0x53, rm, 0x69, fd, rs1, 2),
        R(0x53, rm, 0x61, rd, fs1, 2),
        R(0x53, 2, 0x51, rd, fs1, fs2), // feq.d
        R(0x53, 1, 0x51, rd, fs1, fs2), // flt.d
        R(0x53, 0, 0x51, rd, fs1, fs2), // fle.d
        R(0x53, rnd.below(3), 0x11, fd, fs1, fs2), // fsgnj.d, fsgnjn.d, fsgnjx.d
        I(0x07, 3, fd, DATA_REG, rnd.below(16) * 8 - 64),
        S(0x27, 3, DATA_REG, fs2, rnd.below(16) * 8 - 64),
        I(0x07, 2, fd, DATA_REG, rnd.below(32) * 4 - 64), // flw
        S(0x27, 2, DATA_REG, fs2, rnd.below(32) * 4 - 64), // fsw
        I(0x07, 3, fd, DATA_REG, rnd.below(300) - 150), // fld, misaligned or straddling a page
        R(0x53, rm, 0x05, fd, fs1, fs2), // fsub.d
        R(0x53, rm, 0x2d, fd, fs1, 0), // fsqrt.d
        // fmadd.d, fmsub.d, fnmsub.d, fnmadd.d (R4: rs3 in bits 31:27, fmt D = 01)
        ...[0x43, 0x47, 0x4b, 0x4f].map((op) => (R(op, rm, 0x01, fd, fs1, fs2) | (rnd.below(32) << 27)) >>> 0),
      ]),
    );
  }
  if (choice < 95) {
    // CSRs: the counters (instret and cycle must be exact at every instruction), fflags/frm/fcsr,
    // and scratch registers some modes may not access (an illegal or virtual-instruction trap).
    const csr = rnd.pick([0xc00, 0xc02, 0xb00, 0xb02, 0x001, 0x002, 0x003, 0x340, 0x140, 0x240]);
    const f3 = rnd.pick([1, 2, 3]);
    const src = f3 === 1 && csr >= 0xb00 ? 0 : rnd.chance(0.5) ? 0 : rs1;
    return words(I(0x73, csr >= 0xb00 || csr >= 0xc00 ? 2 : f3, rd, src, csr));
  }
  if (choice < 97) return { kind: "rewrite", ahead: 1 + rnd.below(4) };
  return words(rnd.pick([0x00000073, 0x00100073, 0x0000000b, 0x0000100f]));
}

export interface Program {
  /** 16-bit parcels of the body, loop and final jump-to-self. */
  parcels: number[];
}

/**
 * A random body of `length` items inside a loop run `iterations` times,
 * then `j .` (the harness runs until its instruction budget is spent).
 */
export function randomProgram(rnd: Random, length: number, iterations: number): Program {
  const items: Item[] = [];
  for (let i = 0; i < length; i++) items.push(randomItem(rnd, length - i));
  // Sizes in parcels, to resolve forward targets (a target is the start of a later item).
  const size = (it: Item): number =>
    it.kind === "words" ? it.parcels.length : it.kind === "jalr" ? 4 : it.kind === "rewrite" ? 8 : 2;
  const startOf: number[] = [];
  let pos = 4; // after the loop counter set-up (two 32-bit instructions)
  for (const it of items) {
    startOf.push(pos);
    pos += size(it);
  }
  const loopStart = 4;
  startOf.push(pos); // the loop's decrement
  const parcels: number[] = [];
  const emit = (w: number): void => {
    if ((w & 3) !== 3) parcels.push(w & 0xffff);
    else parcels.push(w & 0xffff, w >>> 16);
  };
  emit(I(0x13, 0, LOOP_REG, 0, iterations)); // li x30, iterations
  emit(I(0x13, 0, 0, 0, 0)); // nop (keeps the loop head on its own block start)
  items.forEach((it, i) => {
    const here = startOf[i];
    const target = (ahead: number): number => (startOf[Math.min(i + ahead, items.length)] - here) * 2;
    switch (it.kind) {
      case "words":
        parcels.push(...it.parcels);
        break;
      case "branch":
        emit(B(it.f3, it.rs1, it.rs2, target(it.ahead)));
        break;
      case "jal":
        emit(J(it.rd, target(it.ahead)));
        break;
      case "jalr":
        emit(U(0x17, JALR_REG, 0)); // auipc x6, 0
        emit(I(0x67, 0, it.rd, JALR_REG, target(it.ahead)));
        break;
      case "rewrite": {
        // Overwrite a later item's first word with "addi x10, x10, 1" (code is at x8 + 2 * parcel index).
        const victim = startOf[Math.min(i + it.ahead, items.length - 1)];
        emit(U(0x37, 7, 0x00150)); // lui x7, 0x00150  (x7 = 0x00150000)
        emit(I(0x13, 6, 7, 7, 0x513)); // ori x7, x7, 0x513 -> 0x00150513 = addi x10, x10, 1
        emit(S(0x23, 1, CODE_REG, 7, victim * 2)); // sh x7, victim(x8): the low parcel
        emit(I(0x13, 0, 0, 0, 0)); // nop (pads the item to its 8 parcels)
        break;
      }
    }
  });
  // addi x30, x30, -1; bnez x30, loopStart; j .
  emit(I(0x13, 0, LOOP_REG, LOOP_REG, -1));
  const bneAt = parcels.length;
  emit(B(1, LOOP_REG, 0, (loopStart - bneAt) * 2));
  emit(J(0, 0));
  return { parcels };
}
