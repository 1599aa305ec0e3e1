// The engine's native double-precision templates (src/jit/wasm/fp-templates.ts)
// on operands chosen to reach their hard cases, against the interpreter
// (whose handlers are the FP core, src/rv64/fp/): results that fall exactly
// on or next to a rounding tie (the fused multiply-add's round-to-odd step),
// exact and inexact results (the NX flag from the error-free transformations),
// equal operands (flt against fle), signs (sign injection). Random programs
// (jit-differential.test.ts) rarely produce these.
import { describe, expect, it } from "vitest";
import { JitEngine } from "../../src/jit/engine.js";
import { CSR_FRM, CSR_MSTATUS, MSTATUS_FS } from "../../src/rv64/constants.js";
import { Hart } from "../../src/rv64/hart.js";
import { PhysicalMemory, Ram } from "../../src/rv64/memory.js";
import { runHart } from "../../src/rv64/run-loop.js";
import { B, I, J, R, Random, S } from "../jit/random-program.js";

const RAM_BASE = 0x8000_0000;
const CODE = 0x1_0000;
const DATA = 0x2_0000;
const RECORD = 40; // three operands, the result, fflags
const RECORDS = 3000;

const FLD = (fd: number, off: number): number => I(0x07, 3, fd, 5, off);
/** The instructions under test: rd = f4 (or x6 for an integer result), operands f1, f2, f3. */
interface OpUnderTest {
  word: number;
  integer?: true;
  /** A second instruction after `word` (its result is the one stored). */
  then?: number;
}
const OPS: Record<string, OpUnderTest> = {
  "fadd.d": { word: R(0x53, 7, 0x01, 4, 1, 2) },
  "fsub.d": { word: R(0x53, 7, 0x05, 4, 1, 2) },
  "fmul.d": { word: R(0x53, 7, 0x09, 4, 1, 2) },
  "fdiv.d": { word: R(0x53, 7, 0x0d, 4, 1, 2) },
  "fsqrt.d": { word: R(0x53, 7, 0x2d, 4, 1, 0) },
  "fmadd.d": { word: (R(0x43, 7, 0x01, 4, 1, 2) | (3 << 27)) >>> 0 },
  "fmsub.d": { word: (R(0x47, 7, 0x01, 4, 1, 2) | (3 << 27)) >>> 0 },
  "fnmsub.d": { word: (R(0x4b, 7, 0x01, 4, 1, 2) | (3 << 27)) >>> 0 },
  "fnmadd.d": { word: (R(0x4f, 7, 0x01, 4, 1, 2) | (3 << 27)) >>> 0 },
  "fsgnj.d": { word: R(0x53, 0, 0x11, 4, 1, 2) },
  "fsgnjn.d": { word: R(0x53, 1, 0x11, 4, 1, 2) },
  "fsgnjx.d": { word: R(0x53, 2, 0x11, 4, 1, 2) },
  "feq.d": { word: R(0x53, 2, 0x51, 6, 1, 2), integer: true },
  "flt.d": { word: R(0x53, 1, 0x51, 6, 1, 2), integer: true },
  "fle.d": { word: R(0x53, 0, 0x51, 6, 1, 2), integer: true },
  "fmv.x.d": { word: R(0x53, 0, 0x71, 6, 1, 0), integer: true },
};

/** for each record: load f1..f3, compute, store the result and fflags (then clear them). */
function program(op: OpUnderTest): number[] {
  const body = [
    FLD(1, 0),
    FLD(2, 8),
    FLD(3, 16),
    op.word,
    ...(op.then === undefined ? [] : [op.then]),
    op.integer ? S(0x23, 3, 5, 6, 24) : S(0x27, 3, 5, 4, 24),
    I(0x73, 1, 7, 0, 0x001), // csrrw x7, fflags, x0
    S(0x23, 3, 5, 7, 32),
    I(0x13, 0, 5, 5, RECORD),
    I(0x13, 0, 8, 8, -1),
  ];
  const loop = [...body, B(1, 8, 0, -4 * body.length)];
  return [...loop, J(0, 0)];
}

/** A double 2^e * (1 + k * 2^-52) with a small, a large or a random k: products and sums near ties. */
function structured(rnd: Random, e: number): number {
  const k = rnd.pick([0, 1, 2, 3, 5, 2 ** 26, 2 ** 26 + 1, 2 ** 51, 2 ** 52 - 1, rnd.below(1 << 20)]);
  return (1 + k * 2 ** -52) * 2 ** e * (rnd.chance(0.5) ? -1 : 1);
}

/** Whether x + y is exact (TwoSum's error term is zero). */
function exactSum(x: number, y: number): boolean {
  const s = x + y;
  const bv = s - x;
  return x - (s - bv) + (y - bv) === 0;
}

/**
 * a, b, c with c + RN(a*b) exactly on a rounding tie of a sum near 2^k, and
 * a*b's rounding error tiny: the fused result then depends on that error
 * alone, which only the round-to-odd step keeps (fmadd(1 + 2^-52, 1 + 2^-52,
 * 3) is one such case). a and b are 1 ± 2^-d, scaled.
 */
function nearTie(rnd: Random): [number, number, number] {
  for (;;) {
    const d = 27 + rnd.below(14);
    const ea = rnd.below(20) - 10;
    const eb = rnd.below(20) - 10;
    const a = (1 + (rnd.chance(0.5) ? 1 : -1) * 2 ** -d) * 2 ** ea;
    const b = (1 + (rnd.chance(0.5) ? 1 : -1) * 2 ** -d) * 2 ** eb * (rnd.chance(0.5) ? 1 : -1);
    const p = a * b;
    const k = ea + eb + 20 + rnd.below(40);
    const sum = Math.sign(p) * 2 ** k * (1 + rnd.below(8) * 2 ** -52);
    const halfUlp = (rnd.chance(0.5) ? 1 : -1) * 2 ** (k - 53);
    if (exactSum(sum, -p) && exactSum(sum - p, halfUlp))
      return [a, b, (sum - p + halfUlp) * (rnd.chance(0.5) ? 1 : -1)];
  }
}

/** Three operands: mostly structured, c near ±a*b or far from it, sometimes b = a; a quarter near ties. */
function operands(rnd: Random): [number, number, number] {
  if (rnd.chance(0.25)) return nearTie(rnd);
  const a = structured(rnd, rnd.below(40) - 20);
  const b = rnd.chance(0.2) ? a : structured(rnd, rnd.below(40) - 20);
  const scale = Math.floor(Math.log2(Math.abs(a * b)));
  const c = rnd.pick([
    () => -a * b + structured(rnd, scale - 50 - rnd.below(60)),
    () => structured(rnd, scale + rnd.below(120) - 60),
    () => 0,
  ])();
  return [a, b, c];
}

function buildHart(op: OpUnderTest, jit: boolean, seed: number, frm = 0): Hart {
  const phys = new PhysicalMemory(new Ram(RAM_BASE, 1 << 20));
  if (jit) new JitEngine(phys, 1);
  const h = new Hart(0, 0, phys, { readTime: () => 0 });
  const view = new DataView(phys.ram.u8.buffer, 0, phys.ram.size);
  program(op).forEach((w, i) => view.setUint32(CODE + 4 * i, w >>> 0, true));
  const rnd = new Random(seed);
  for (let i = 0; i < RECORDS; i++) {
    const [a, b, c] = operands(rnd);
    view.setFloat64(DATA + RECORD * i, a, true);
    view.setFloat64(DATA + RECORD * i + 8, b, true);
    view.setFloat64(DATA + RECORD * i + 16, c, true);
  }
  h.csrLo[CSR_MSTATUS] |= MSTATUS_FS;
  h.csrLo[CSR_FRM] = frm;
  h.xl[5] = (RAM_BASE + DATA) | 0;
  h.xh[5] = 0;
  h.xl[8] = RECORDS;
  h.pcLo = (RAM_BASE + CODE) | 0;
  h.pcHi = 0;
  phys.dropAllCode();
  return h;
}

/** Runs `op` over the records on the interpreter and on the engine (every block compiled); both must store the same. */
function agree(op: OpUnderTest, frm = 0): void {
  const reference = buildHart(op, false, 7, frm);
  const engine = buildHart(op, true, 7, frm);
  const steps = RECORDS * 12 + 10;
  runHart(reference, steps);
  runHart(engine, steps);
  const records = (h: Hart): Uint8Array => h.phys.ram.u8.slice(DATA, DATA + RECORD * RECORDS);
  const ref = records(reference);
  const got = records(engine);
  let first = -1;
  for (let i = 0; i < ref.length && first < 0; i++) if (ref[i] !== got[i]) first = Math.floor(i / RECORD);
  const show = (u8: Uint8Array): string =>
    first < 0 ? "" : Buffer.from(u8.subarray(first * RECORD, first * RECORD + RECORD)).toString("hex");
  expect(show(got), `record ${first}`).toBe(show(ref));
  expect(engine.pcLo).toBe(reference.pcLo);
  expect((engine.jit as JitEngine).blocksCompiled).toBeGreaterThan(0);
}

describe("native double-precision templates against the FP core", () => {
  for (const [name, op] of Object.entries(OPS)) {
    it(`${name} agrees on ${RECORDS} operand triples near its hard cases`, () => agree(op));
  }
  it("under frm = RDN, a block's later dynamic-mode operations round down too", () => {
    // The first one's check fails and its handler runs; the block must not
    // then run the second in round-to-nearest-even.
    agree({ word: OPS["fadd.d"].word, then: R(0x53, 7, 0x09, 4, 4, 3) }, 2);
  });
});
