// Zfh and Zfhmin (Unpriv §23) at the instruction level: encodings against
// GNU as, every rounding instruction against the exact BigInt reference
// (fp-support/reference.ts, which shares nothing with src/rv64/fp) in all
// five rounding modes — the unary ones on every half — and the rules around
// them: NaN boxing of operands and results, the raw moves, loads and stores,
// mstatus.FS, reserved rounding modes. There is no hardware oracle: x86-64
// has no half-precision arithmetic (F16C only converts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CSR_FFLAGS, CSR_FRM, CSR_MCAUSE, CSR_MSTATUS, CSR_MTVAL, MSTATUS_FS } from "../../src/rv64/constants.js";
import type { Hart } from "../../src/rv64/hart.js";
import { F5, FMT_D, FMT_S, Machine, encFma, encFp, encLoad, encStore, hex } from "./fp-support/harness.js";
import {
  F16,
  F32,
  F64,
  type IntKind,
  NV,
  NX,
  type Result,
  add,
  convert,
  div,
  fma,
  fromInteger,
  mul,
  roundScaled,
  sqrt,
  sub,
  toInteger,
} from "./fp-support/reference.js";
import { Rng, finiteNear, randomFloat, randomIntBits, randomPair, randomTriple } from "./fp-support/vectors.js";
import { RAM_BASE, getF, getX, makeHart, runWords, setF, setX } from "./support/hart.js";

const FMT_H = 2;
const N = Number(process.env.FP_VECTORS ?? 1500);
const SEED = Number(process.env.FP_SEED ?? 0);
const RM_DYN = 7;
const BOX_H = 0xffffffffffff0000n;
const BOX_S = 0xffffffff00000000n;
const SIGN16 = 0x8000n;
const INT_KINDS: IntKind[] = ["w", "wu", "l", "lu"];
const ALL_HALVES = Array.from({ length: 0x10000 }, (_, i) => BigInt(i));

// ---- encodings

function encodingTable(): [string, number][] {
  const rows: [string, number][] = [
    ["flh f5, -12(x6)", encLoad(1, 5, 6, -12)],
    ["fsh f7, 2046(x9)", encStore(1, 7, 9, 2046)],
  ];
  const rmNames = ["rne", "rtz", "rdn", "rup", "rmm", "", "", "dyn"];
  for (const rm of [0, 1, 2, 3, 4, 7]) {
    const r = rmNames[rm];
    rows.push([`fadd.h f1, f2, f3, ${r}`, encFp(F5.add, FMT_H, 3, 2, rm, 1)]);
    rows.push([`fsub.h f4, f5, f6, ${r}`, encFp(F5.sub, FMT_H, 6, 5, rm, 4)]);
    rows.push([`fmul.h f7, f8, f9, ${r}`, encFp(F5.mul, FMT_H, 9, 8, rm, 7)]);
    rows.push([`fdiv.h f10, f11, f12, ${r}`, encFp(F5.div, FMT_H, 12, 11, rm, 10)]);
    rows.push([`fsqrt.h f13, f14, ${r}`, encFp(F5.sqrt, FMT_H, 0, 14, rm, 13)]);
    rows.push([`fmadd.h f1, f2, f3, f4, ${r}`, encFma(0x43, FMT_H, 4, 3, 2, rm, 1)]);
    rows.push([`fmsub.h f5, f6, f7, f8, ${r}`, encFma(0x47, FMT_H, 8, 7, 6, rm, 5)]);
    rows.push([`fnmsub.h f9, f10, f11, f12, ${r}`, encFma(0x4b, FMT_H, 12, 11, 10, rm, 9)]);
    rows.push([`fnmadd.h f13, f14, f15, f31, ${r}`, encFma(0x4f, FMT_H, 31, 15, 14, rm, 13)]);
    INT_KINDS.forEach((k, i) => {
      rows.push([`fcvt.${k}.h x5, f6, ${r}`, encFp(F5.cvtToInt, FMT_H, i, 6, rm, 5)]);
      rows.push([`fcvt.h.${k} f7, x8, ${r}`, encFp(F5.cvtFromInt, FMT_H, i, 8, rm, 7)]);
    });
    rows.push([`fcvt.s.h f1, f2, ${r}`, encFp(F5.cvtFF, FMT_S, FMT_H, 2, rm, 1)]);
    rows.push([`fcvt.h.s f3, f4, ${r}`, encFp(F5.cvtFF, FMT_H, FMT_S, 4, rm, 3)]);
    rows.push([`fcvt.d.h f5, f6, ${r}`, encFp(F5.cvtFF, FMT_D, FMT_H, 6, rm, 5)]);
    rows.push([`fcvt.h.d f7, f8, ${r}`, encFp(F5.cvtFF, FMT_H, FMT_D, 8, rm, 7)]);
  }
  rows.push(["fsgnj.h f1, f2, f3", encFp(F5.sgnj, FMT_H, 3, 2, 0, 1)]);
  rows.push(["fsgnjn.h f1, f2, f3", encFp(F5.sgnj, FMT_H, 3, 2, 1, 1)]);
  rows.push(["fsgnjx.h f1, f2, f3", encFp(F5.sgnj, FMT_H, 3, 2, 2, 1)]);
  rows.push(["fmin.h f4, f5, f6", encFp(F5.minmax, FMT_H, 6, 5, 0, 4)]);
  rows.push(["fmax.h f4, f5, f6", encFp(F5.minmax, FMT_H, 6, 5, 1, 4)]);
  rows.push(["feq.h x1, f2, f3", encFp(F5.cmp, FMT_H, 3, 2, 2, 1)]);
  rows.push(["flt.h x1, f2, f3", encFp(F5.cmp, FMT_H, 3, 2, 1, 1)]);
  rows.push(["fle.h x1, f2, f3", encFp(F5.cmp, FMT_H, 3, 2, 0, 1)]);
  rows.push(["fclass.h x10, f11", encFp(F5.mvToX, FMT_H, 0, 11, 1, 10)]);
  rows.push(["fmv.x.h x12, f13", encFp(F5.mvToX, FMT_H, 0, 13, 0, 12)]);
  rows.push(["fmv.h.x f14, x15", encFp(F5.mvFromX, FMT_H, 0, 15, 0, 14)]);
  return rows;
}

/** binutils 2.40 encodes the exact widenings (fcvt.s.h, fcvt.d.h) with rm = 0 and takes no rm operand. */
const EXACT_WIDENING = /^fcvt\.[sd]\.h /;

function assemble(lines: string[]): number[] | null {
  const dir = mkdtempSync(join(tmpdir(), "rvhv-zfh-as-"));
  try {
    const src = join(dir, "t.s");
    writeFileSync(src, `.option norvc\n${lines.join("\n")}\n`);
    const as = spawnSync("riscv64-unknown-elf-as", ["-march=rv64ifd_zfh", "-o", join(dir, "t.o"), src], {
      encoding: "utf8",
    });
    if (as.error !== undefined) return null;
    if (as.status !== 0) throw new Error(as.stderr);
    const cp = spawnSync("riscv64-unknown-elf-objcopy", [
      "-O",
      "binary",
      "-j",
      ".text",
      join(dir, "t.o"),
      join(dir, "t.bin"),
    ]);
    if (cp.error !== undefined) return null;
    const bin = readFileSync(join(dir, "t.bin"));
    const words: number[] = [];
    for (let i = 0; i < bin.length; i += 4) words.push(bin.readUInt32LE(i));
    return words;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hasAssembler = spawnSync("riscv64-unknown-elf-as", ["--version"]).error === undefined;

describe("Zfh encodings", () => {
  const table = encodingTable();
  it.skipIf(!hasAssembler)("our encoders agree with GNU as on every Zfh instruction", () => {
    const rows = table
      .filter(([text, word]) => !EXACT_WIDENING.test(text) || ((word >>> 12) & 7) === 0)
      .map(([text, word]): [string, number] => [EXACT_WIDENING.test(text) ? text.replace(/, \w+$/, "") : text, word]);
    const words = assemble(rows.map(([text]) => text));
    expect(words).not.toBeNull();
    const diffs = rows.flatMap(([text, word], i) =>
      words![i] === word ? [] : [`${text}: as ${hex(BigInt(words![i]), 8)}, ours ${hex(BigInt(word), 8)}`],
    );
    expect(diffs).toEqual([]);
  });
  it("the decoder names every instruction as the assembler spells it", () => {
    const m = new Machine();
    const wrong = table.flatMap(([text, word]) => {
      const mnemonic = text.split(" ")[0];
      return m.nameOf(word) === mnemonic ? [] : [`${text}: decoded as ${m.nameOf(word)}`];
    });
    expect(wrong).toEqual([]);
  });
  it("sqrt, conversions and moves with a wrong rs2 or funct3 are not Zfh instructions", () => {
    const m = new Machine();
    expect(m.nameOf(encFp(F5.sqrt, FMT_H, 1, 2, 0, 1))).toBe("illegal");
    expect(m.nameOf(encFp(F5.cvtToInt, FMT_H, 4, 2, 0, 1))).toBe("illegal");
    expect(m.nameOf(encFp(F5.mvToX, FMT_H, 0, 2, 2, 1))).toBe("illegal");
    expect(m.nameOf(encFp(F5.sgnj, FMT_H, 3, 2, 3, 1))).toBe("illegal");
    expect(m.nameOf(encFp(F5.cvtFF, FMT_H, FMT_H, 2, 0, 1))).toBe("illegal"); // fcvt.h.h
    expect(m.nameOf(encLoad(1, 1, 2, 0) | (1 << 14))).toBe("illegal"); // LOAD-FP width 101
  });
});

// ---- against the exact reference

type Reg = "h" | "s" | "d" | "x";

interface Case {
  a: bigint;
  b: bigint;
  c: bigint;
}

interface OpSpec {
  name: string;
  word: (rm: number) => number;
  src: Reg;
  dst: Reg;
  arity: number;
  ref: (k: Case, rm: number) => Result;
}

/** The mathematical value an fcvt.h.{w,wu,l,lu} reads from a 64-bit register. */
function intValue(kind: IntKind, bits: bigint): bigint {
  if (kind === "w") return BigInt.asIntN(32, bits);
  if (kind === "wu") return BigInt.asUintN(32, bits);
  if (kind === "l") return BigInt.asIntN(64, bits);
  return BigInt.asUintN(64, bits);
}

const m = new Machine();

function load(reg: Reg, i: number, v: bigint): void {
  if (reg === "h") m.setD(i, v | BOX_H);
  else if (reg === "s") m.setS(i, v);
  else if (reg === "d") m.setD(i, v);
  else m.setX(i, v);
}

/** Runs the instruction on one case: [result bits, fflags], or what went wrong with the NaN box. */
function execute(spec: OpSpec, word: number, k: Case): [bigint, number] | string {
  load(spec.src, 1, k.a);
  if (spec.arity > 1) load(spec.src, 2, k.b);
  if (spec.arity > 2) load(spec.src, 4, k.c);
  m.setD(3, 0x5555555555555555n);
  m.setX(3, 0x5555555555555555n);
  m.fflags = 0;
  m.exec(word);
  if (spec.dst === "x") return [m.getX(3), m.fflags];
  const f = m.getF(3);
  if (spec.dst === "h") {
    if ((f & BOX_H) !== BOX_H) return `half result not NaN-boxed: ${hex(f)}`;
    return [f & 0xffffn, m.fflags];
  }
  if (spec.dst === "s") {
    if ((f & BOX_S) !== BOX_S) return `single result not NaN-boxed: ${hex(f)}`;
    return [f & 0xffffffffn, m.fflags];
  }
  return [f, m.fflags];
}

/** Runs every case in all five modes (every fifth through rm = DYN with frm = the mode); returns the mismatches. */
function check(spec: OpSpec, cases: Case[], modes = [0, 1, 2, 3, 4]): string[] {
  const failures: string[] = [];
  for (const rm of modes) {
    cases.forEach((k, i) => {
      const dynamic = i % 5 === 4;
      m.frm = rm;
      const got = execute(spec, spec.word(dynamic ? RM_DYN : rm), k);
      const ops = [k.a, k.b, k.c].slice(0, spec.arity).map((v) => hex(v, 4));
      const where = `${spec.name} rm=${rm}${dynamic ? " (dyn)" : ""} ${ops.join(" ")}`;
      if (typeof got === "string") {
        failures.push(`${where}: ${got}`);
        return;
      }
      const ref = spec.ref(k, rm);
      if (got[0] !== ref.bits || got[1] !== ref.flags) {
        failures.push(`${where}: got ${hex(got[0], 4)}/${got[1]}, reference ${hex(ref.bits, 4)}/${ref.flags}`);
      }
    });
  }
  return failures;
}

function casesOf(n: number, seed: number, gen: (rng: Rng) => Case): Case[] {
  const rng = new Rng(seed + 100000 * SEED);
  return Array.from({ length: n }, () => gen(rng));
}

const unary = (a: bigint): Case => ({ a, b: 0n, c: 0n });

/** A single around the half range: overflow, the subnormals, and half midpoints (low 13 significand bits 1000...0, or one off). */
function singleForHalf(rng: Rng): bigint {
  const r = rng.below(5);
  if (r === 0) return randomFloat(rng, F32);
  const v = finiteNear(rng, F32, -27, 17);
  if (r < 3) return v;
  return (v & ~0x1fffn) | (0x1000n + BigInt(rng.below(3)) - 1n);
}

/** A double around the half range, midpoints included (low 42 significand bits). */
function doubleForHalf(rng: Rng): bigint {
  const r = rng.below(5);
  if (r === 0) return randomFloat(rng, F64);
  const v = finiteNear(rng, F64, -27, 17);
  if (r < 3) return v;
  const mid = 1n << 41n;
  return (v & ~((mid << 1n) - 1n)) | (mid + BigInt(rng.below(3)) - 1n);
}

/** An integer around the half range: 11-bit heads with midpoint tails, up to 2^17; or any 64-bit pattern. */
function intForHalf(rng: Rng): bigint {
  if (rng.chance(0.3)) return randomIntBits(rng);
  const len = 1 + rng.below(18);
  let v = BigInt(rng.below(1 << len)) | (1n << BigInt(len - 1));
  if (len > 12 && rng.chance(0.5)) {
    const tail = BigInt(len - 11);
    v = ((v >> tail) << tail) | ((1n << (tail - 1n)) + BigInt(rng.below(3)) - 1n);
  }
  return BigInt.asUintN(64, rng.chance(0.4) ? -v : v);
}

function binary(name: string, f5: number, ref: (a: bigint, b: bigint, rm: number) => Result): OpSpec {
  return {
    name,
    word: (rm) => encFp(f5, FMT_H, 2, 1, rm, 3),
    src: "h",
    dst: "h",
    arity: 2,
    ref: (k, rm) => ref(k.a, k.b, rm),
  };
}

function fused(name: string, opcode: number, negA: boolean, negC: boolean): OpSpec {
  return {
    name,
    word: (rm) => encFma(opcode, FMT_H, 4, 2, 1, rm, 3),
    src: "h",
    dst: "h",
    arity: 3,
    ref: (k, rm) => fma(F16, negA ? k.a ^ SIGN16 : k.a, k.b, negC ? k.c ^ SIGN16 : k.c, rm),
  };
}

describe("Zfh arithmetic against the exact reference", () => {
  const pairs = (seed: number) =>
    casesOf(N, seed, (rng) => {
      const [a, b] = randomPair(rng, F16);
      return { a, b, c: 0n };
    });
  const specs: [OpSpec, number][] = [
    [binary("fadd.h", F5.add, (a, b, rm) => add(F16, a, b, rm)), 1],
    [binary("fsub.h", F5.sub, (a, b, rm) => sub(F16, a, b, rm)), 2],
    [binary("fmul.h", F5.mul, (a, b, rm) => mul(F16, a, b, rm)), 3],
    [binary("fdiv.h", F5.div, (a, b, rm) => div(F16, a, b, rm)), 4],
  ];
  for (const [spec, seed] of specs) {
    it(spec.name, () => {
      const failures = check(spec, pairs(seed));
      expect(failures.slice(0, 8), `${failures.length} mismatches`).toEqual([]);
    });
  }

  const fusedSpecs: [OpSpec, boolean, boolean][] = [
    [fused("fmadd.h", 0x43, false, false), false, false],
    [fused("fmsub.h", 0x47, false, true), false, true],
    [fused("fnmsub.h", 0x4b, true, false), true, false],
    [fused("fnmadd.h", 0x4f, true, true), true, true],
  ];
  fusedSpecs.forEach(([spec, negA, negC], i) => {
    it(spec.name, () => {
      const cases = casesOf(N, 10 + i, (rng) => {
        // The generator aims a*b+c at midpoints; undo the negations the instruction applies.
        const [a, b, c] = randomTriple(rng, F16);
        return { a: negA ? a ^ SIGN16 : a, b, c: negC ? c ^ SIGN16 : c };
      });
      const failures = check(spec, cases);
      expect(failures.slice(0, 8), `${failures.length} mismatches`).toEqual([]);
    });
  });

  it("fsqrt.h on every half", () => {
    const spec: OpSpec = {
      name: "fsqrt.h",
      word: (rm) => encFp(F5.sqrt, FMT_H, 0, 1, rm, 3),
      src: "h",
      dst: "h",
      arity: 1,
      ref: (k, rm) => sqrt(F16, k.a, rm),
    };
    const failures = check(spec, ALL_HALVES.map(unary));
    expect(failures.slice(0, 8), `${failures.length} mismatches`).toEqual([]);
  });
});

describe("Zfh conversions against the exact reference", () => {
  it("fcvt.s.h and fcvt.d.h widen every half exactly", () => {
    const toS: OpSpec = {
      name: "fcvt.s.h",
      word: (rm) => encFp(F5.cvtFF, FMT_S, FMT_H, 1, rm, 3),
      src: "h",
      dst: "s",
      arity: 1,
      ref: (k, rm) => convert(F32, F16, k.a, rm),
    };
    const toD: OpSpec = { ...toS, name: "fcvt.d.h", word: (rm) => encFp(F5.cvtFF, FMT_D, FMT_H, 1, rm, 3), dst: "d" };
    toD.ref = (k, rm) => convert(F64, F16, k.a, rm);
    const all = ALL_HALVES.map(unary);
    const failures = [...check(toS, all, [0]), ...check(toD, all, [0])];
    expect(failures.slice(0, 8), `${failures.length} mismatches`).toEqual([]);
  });

  it("fcvt.h.s and fcvt.h.d round in every mode", () => {
    const fromS: OpSpec = {
      name: "fcvt.h.s",
      word: (rm) => encFp(F5.cvtFF, FMT_H, FMT_S, 1, rm, 3),
      src: "s",
      dst: "h",
      arity: 1,
      ref: (k, rm) => convert(F16, F32, k.a, rm),
    };
    const fromD: OpSpec = {
      name: "fcvt.h.d",
      word: (rm) => encFp(F5.cvtFF, FMT_H, FMT_D, 1, rm, 3),
      src: "d",
      dst: "h",
      arity: 1,
      ref: (k, rm) => convert(F16, F64, k.a, rm),
    };
    const failures = [
      ...check(
        fromS,
        casesOf(2 * N, 20, (rng) => unary(singleForHalf(rng))),
      ),
      ...check(
        fromD,
        casesOf(2 * N, 21, (rng) => unary(doubleForHalf(rng))),
      ),
    ];
    expect(failures.slice(0, 8), `${failures.length} mismatches`).toEqual([]);
  });

  INT_KINDS.forEach((kind, i) => {
    it(`fcvt.${kind}.h on every half`, () => {
      const spec: OpSpec = {
        name: `fcvt.${kind}.h`,
        word: (rm) => encFp(F5.cvtToInt, FMT_H, i, 1, rm, 3),
        src: "h",
        dst: "x",
        arity: 1,
        ref: (k, rm) => toInteger(F16, k.a, rm, kind),
      };
      const failures = check(spec, ALL_HALVES.map(unary));
      expect(failures.slice(0, 8), `${failures.length} mismatches`).toEqual([]);
    });
    it(`fcvt.h.${kind}`, () => {
      const spec: OpSpec = {
        name: `fcvt.h.${kind}`,
        word: (rm) => encFp(F5.cvtFromInt, FMT_H, i, 1, rm, 3),
        src: "x",
        dst: "h",
        arity: 1,
        ref: (k, rm) => fromInteger(F16, intValue(kind, k.a), rm),
      };
      const failures = check(
        spec,
        casesOf(2 * N, 30 + i, (rng) => unary(intForHalf(rng))),
      );
      expect(failures.slice(0, 8), `${failures.length} mismatches`).toEqual([]);
    });
  });
});

// ---- the operations that do not round, against the spec's rules written out here

const isNaN16 = (v: bigint): boolean => (v & 0x7fffn) > 0x7c00n;
const isSNaN16 = (v: bigint): boolean => isNaN16(v) && (v & 0x200n) === 0n;
/** The value of a half as a JS number (exact), for ordering. */
function value16(v: bigint): number {
  const e = Number((v >> 10n) & 0x1fn);
  const f = Number(v & 0x3ffn);
  const mag = e === 0 ? f * 2 ** -24 : e === 31 ? (f === 0 ? Infinity : NaN) : (f + 1024) * 2 ** (e - 25);
  return v & SIGN16 ? -mag : mag;
}

describe("Zfh operations without rounding", () => {
  const rng = new Rng(40 + 100000 * SEED);
  const pairs = Array.from({ length: 4 * N }, () => randomPair(rng, F16));
  // Equal pairs and signed zeros, which random pairs rarely give.
  pairs.push([0n, 0x8000n], [0x8000n, 0n], [0x3c00n, 0x3c00n], [0x7c01n, 0x7e00n], [0x7e00n, 0x7e00n]);

  it("fmin.h / fmax.h: minimumNumber and maximumNumber, -0 < +0, NV for signalling NaNs", () => {
    const failures: string[] = [];
    for (const [a, b] of pairs) {
      for (const isMax of [false, true]) {
        let want: bigint;
        if (isNaN16(a) && isNaN16(b)) want = 0x7e00n;
        else if (isNaN16(a)) want = b;
        else if (isNaN16(b)) want = a;
        else {
          const x = value16(a);
          const y = value16(b);
          const aFirst = x === y ? (a & SIGN16) !== 0n : x < y;
          want = aFirst !== isMax ? a : b;
        }
        const flags = isSNaN16(a) || isSNaN16(b) ? NV : 0;
        load("h", 1, a);
        load("h", 2, b);
        m.fflags = 0;
        m.exec(encFp(F5.minmax, FMT_H, 2, 1, isMax ? 1 : 0, 3));
        if (m.getF(3) !== (BOX_H | want) || m.fflags !== flags)
          failures.push(`${isMax ? "fmax" : "fmin"} ${hex(a, 4)} ${hex(b, 4)}: got ${hex(m.getF(3))}/${m.fflags}`);
      }
    }
    expect(failures.slice(0, 8)).toEqual([]);
  });

  it("feq.h is quiet, flt.h and fle.h signal on any NaN", () => {
    const failures: string[] = [];
    for (const [a, b] of pairs) {
      const x = value16(a);
      const y = value16(b);
      const anyNaN = isNaN16(a) || isNaN16(b);
      const rows: [string, number, bigint, number][] = [
        ["feq", 2, x === y ? 1n : 0n, isSNaN16(a) || isSNaN16(b) ? NV : 0],
        ["flt", 1, x < y ? 1n : 0n, anyNaN ? NV : 0],
        ["fle", 0, x <= y ? 1n : 0n, anyNaN ? NV : 0],
      ];
      for (const [name, f3, want, flags] of rows) {
        load("h", 1, a);
        load("h", 2, b);
        m.fflags = 0;
        m.exec(encFp(F5.cmp, FMT_H, 2, 1, f3, 3));
        if (m.getX(3) !== want || m.fflags !== flags)
          failures.push(`${name} ${hex(a, 4)} ${hex(b, 4)}: got ${m.getX(3)}/${m.fflags}`);
      }
    }
    expect(failures.slice(0, 8)).toEqual([]);
  });

  it("fclass.h classifies every half", () => {
    const failures: string[] = [];
    for (const a of ALL_HALVES) {
      const neg = (a & SIGN16) !== 0n;
      const e = (a >> 10n) & 0x1fn;
      const f = a & 0x3ffn;
      let bit: number;
      if (e === 31n) bit = f === 0n ? (neg ? 0 : 7) : (f & 0x200n) !== 0n ? 9 : 8;
      else if (e === 0n) bit = f === 0n ? (neg ? 3 : 4) : neg ? 2 : 5;
      else bit = neg ? 1 : 6;
      load("h", 1, a);
      m.fflags = 0;
      m.exec(encFp(F5.mvToX, FMT_H, 0, 1, 1, 3));
      if (m.getX(3) !== 1n << BigInt(bit) || m.fflags !== 0) failures.push(`fclass.h ${hex(a, 4)}: ${m.getX(3)}`);
    }
    expect(failures.slice(0, 8)).toEqual([]);
  });

  it("fsgnj.h, fsgnjn.h, fsgnjx.h take rs1's magnitude and a sign from rs2, quietly", () => {
    for (const [a, b] of pairs.slice(0, 500)) {
      const mag = a & 0x7fffn;
      const signs: bigint[] = [b & SIGN16, ~b & SIGN16, (a ^ b) & SIGN16];
      signs.forEach((sign, f3) => {
        load("h", 1, a);
        load("h", 2, b);
        m.fflags = 0;
        m.exec(encFp(F5.sgnj, FMT_H, 2, 1, f3, 3));
        expect(m.getF(3), `${f3} ${hex(a, 4)} ${hex(b, 4)}`).toBe(BOX_H | mag | sign);
        expect(m.fflags).toBe(0);
      });
    }
  });
});

// ---- NaN boxing, moves, loads and stores, FS, rounding modes

function runOne(h: Hart, word: number): Hart {
  return runWords(h, [word]);
}

function trapped(h: Hart): boolean {
  return h.csrLo[CSR_MCAUSE] === 2;
}

describe("Zfh NaN boxing (Unpriv §23: a half is boxed in a boxed single)", () => {
  const fadd = encFp(F5.add, FMT_H, 2, 1, 0, 3);
  it("an operand whose bits 63:16 are not all ones reads as the canonical NaN, without NV", () => {
    for (const bad of [0x0000000000003c00n, 0xffffffff00003c00n, 0xfffffffffffe3c00n, 0x7fffffffffff3c00n]) {
      m.setD(1, bad);
      load("h", 2, 0x3c00n);
      m.fflags = 0;
      m.exec(fadd);
      expect(m.getF(3), hex(bad)).toBe(BOX_H | 0x7e00n);
      expect(m.fflags).toBe(0);
    }
    // A boxed half is used as is: 1 + 1 = 2.
    m.setD(1, BOX_H | 0x3c00n);
    m.exec(fadd);
    expect(m.getF(3)).toBe(BOX_H | 0x4000n);
  });
  it("fsgnj.h reads an unboxed rs1 as the canonical NaN and boxes the result", () => {
    m.setD(1, 0x3c00n);
    load("h", 2, 0x8000n);
    m.exec(encFp(F5.sgnj, FMT_H, 2, 1, 0, 3));
    expect(m.getF(3)).toBe(BOX_H | 0xfe00n);
  });
  it("fcvt.s.h of an unboxed half gives the canonical single NaN; fcvt.h.s reads a boxed half as a (NaN) single", () => {
    m.setD(1, 0xffffffff00003c00n);
    m.fflags = 0;
    m.exec(encFp(F5.cvtFF, FMT_S, FMT_H, 1, 0, 3));
    expect(m.getF(3)).toBe(BOX_S | 0x7fc00000n);
    expect(m.fflags).toBe(0);
    // 0xffff3c00 as a single is a quiet NaN (negative): the half result is the canonical NaN.
    m.setD(1, BOX_H | 0x3c00n);
    m.exec(encFp(F5.cvtFF, FMT_H, FMT_S, 1, 0, 3));
    expect(m.getF(3)).toBe(BOX_H | 0x7e00n);
    expect(m.fflags).toBe(0);
  });
  it("fcvt.h.d reads all 64 bits as a double: no boxing", () => {
    m.setD(1, 0x3ff0000000000000n); // 1.0
    m.exec(encFp(F5.cvtFF, FMT_H, FMT_D, 1, 0, 3));
    expect(m.getF(3)).toBe(BOX_H | 0x3c00n);
  });
  it("fmv.x.h moves bits 15:0 as they are, boxed or not, sign-extended", () => {
    const word = encFp(F5.mvToX, FMT_H, 0, 1, 0, 3);
    for (const [f, x] of [
      [BOX_H | 0x3c00n, 0x3c00n],
      [BOX_H | 0xbc00n, 0xffffffffffffbc00n],
      [0x0000000012348001n, 0xffffffffffff8001n], // unboxed: bits move anyway
      [0x123456787c01n, 0x7c01n], // a signalling-NaN payload survives
    ]) {
      m.setD(1, f);
      m.fflags = 0;
      m.exec(word);
      expect(m.getX(3), hex(f)).toBe(x);
      expect(m.fflags).toBe(0);
    }
  });
  it("fmv.h.x takes bits 15:0 of rs1 and NaN-boxes them", () => {
    m.setX(1, 0x123456789abc7c01n);
    m.exec(encFp(F5.mvFromX, FMT_H, 0, 1, 0, 3));
    expect(m.getF(3)).toBe(BOX_H | 0x7c01n);
  });
});

describe("Zfh programs through the run loop", () => {
  it("flh boxes what it loads and keeps NaN payloads; fsh stores bits 15:0, boxed or not", () => {
    const h = makeHart();
    const view = new DataView(h.phys.ram.u8.buffer, h.phys.ram.u8.byteOffset);
    view.setUint16(0x1000, 0x7c01, true); // a signalling NaN
    view.setUint16(0x1002, 0x3e00, true); // 1.5
    view.setUint32(0x1008, 0xaaaaaaaa, true);
    setX(h, 10, 0x80001000n);
    setF(h, 5, 0x000000001234abcdn); // not a boxed half
    runWords(h, [
      encLoad(1, 1, 10, 0), // flh f1, 0(x10)
      encLoad(1, 2, 10, 2), // flh f2, 2(x10)
      encFp(F5.mul, FMT_H, 2, 2, 0, 3), // fmul.h f3, f2, f2 = 2.25
      encStore(1, 3, 10, 4), // fsh f3, 4(x10)
      encStore(1, 5, 10, 8), // fsh f5, 8(x10): low 16 bits of an unboxed value
      encStore(1, 1, 10, 6), // fsh f1, 6(x10)
      encFp(F5.cvtToInt, FMT_H, 0, 3, 1, 11), // fcvt.w.h x11, f3, rtz
    ]);
    expect(getF(h, 1)).toBe(BOX_H | 0x7c01n);
    expect(getF(h, 2)).toBe(BOX_H | 0x3e00n);
    expect(view.getUint16(0x1004, true)).toBe(0x4080);
    expect(view.getUint16(0x1006, true)).toBe(0x7c01);
    expect(view.getUint32(0x1008, true)).toBe(0xaaaaabcd);
    expect(getX(h, 11)).toBe(2n);
    expect(h.pcLo >>> 0).toBe(RAM_BASE + 28);
    expect(h.csrLo[CSR_FFLAGS]).toBe(NX); // only the truncation was inexact
  });

  it("a misaligned flh/fsh works in place", () => {
    const h = makeHart();
    const view = new DataView(h.phys.ram.u8.buffer, h.phys.ram.u8.byteOffset);
    view.setUint16(0x1001, 0xc000, true);
    setX(h, 10, 0x80001000n);
    runWords(h, [encLoad(1, 1, 10, 1), encStore(1, 1, 10, 0x21)]);
    expect(getF(h, 1)).toBe(BOX_H | 0xc000n);
    expect(view.getUint16(0x1021, true)).toBe(0xc000);
  });
});

describe("Zfh and mstatus.FS", () => {
  const samples: [string, number][] = [
    ["flh", encLoad(1, 1, 10, 0)],
    ["fsh", encStore(1, 1, 10, 0)],
    ["fadd.h", encFp(F5.add, FMT_H, 2, 1, 0, 3)],
    ["fmadd.h", encFma(0x43, FMT_H, 4, 2, 1, 0, 3)],
    ["fsgnj.h", encFp(F5.sgnj, FMT_H, 2, 1, 0, 3)],
    ["fmin.h", encFp(F5.minmax, FMT_H, 2, 1, 0, 3)],
    ["feq.h", encFp(F5.cmp, FMT_H, 2, 1, 2, 3)],
    ["fclass.h", encFp(F5.mvToX, FMT_H, 0, 1, 1, 3)],
    ["fmv.x.h", encFp(F5.mvToX, FMT_H, 0, 1, 0, 3)],
    ["fmv.h.x", encFp(F5.mvFromX, FMT_H, 0, 1, 0, 3)],
    ["fcvt.w.h", encFp(F5.cvtToInt, FMT_H, 0, 1, 0, 3)],
    ["fcvt.h.l", encFp(F5.cvtFromInt, FMT_H, 2, 1, 0, 3)],
    ["fcvt.s.h", encFp(F5.cvtFF, FMT_S, FMT_H, 1, 0, 3)],
    ["fcvt.h.d", encFp(F5.cvtFF, FMT_H, FMT_D, 1, 0, 3)],
  ];
  for (const [name, word] of samples) {
    it(`${name} is an illegal instruction while FS is Off`, () => {
      const h = makeHart();
      h.csrLo[CSR_MSTATUS] &= ~MSTATUS_FS;
      setX(h, 10, 0x80001000n);
      setX(h, 3, 77n);
      setF(h, 3, 0x1234n);
      runOne(h, word);
      expect(trapped(h)).toBe(true);
      expect(h.csrLo[CSR_MTVAL] >>> 0).toBe(word);
      expect(getX(h, 3)).toBe(77n);
      expect(getF(h, 3)).toBe(0x1234n);
    });
  }

  it("turns Dirty when an instruction writes an f register or raises flags, not otherwise", () => {
    const FS_INITIAL = 1 << 13;
    const cases: [string, number, (h: Hart) => void, boolean][] = [
      ["fadd.h", encFp(F5.add, FMT_H, 2, 1, 0, 3), () => {}, true],
      ["flh", encLoad(1, 3, 10, 0), () => {}, true],
      ["fmv.h.x", encFp(F5.mvFromX, FMT_H, 0, 1, 0, 3), () => {}, true],
      ["fsh", encStore(1, 1, 10, 0), () => {}, false],
      ["fmv.x.h", encFp(F5.mvToX, FMT_H, 0, 1, 0, 3), () => {}, false],
      ["fclass.h", encFp(F5.mvToX, FMT_H, 0, 1, 1, 3), () => {}, false],
      ["feq.h (sNaN: NV)", encFp(F5.cmp, FMT_H, 2, 1, 2, 3), (h) => setF(h, 1, BOX_H | 0x7c01n), true],
      ["fcvt.w.h (exact)", encFp(F5.cvtToInt, FMT_H, 0, 1, 0, 3), (h) => setF(h, 1, BOX_H | 0x3c00n), false],
      ["fcvt.w.h (inexact)", encFp(F5.cvtToInt, FMT_H, 0, 1, 0, 3), (h) => setF(h, 1, BOX_H | 0x3e00n), true],
    ];
    for (const [name, word, setup, dirty] of cases) {
      const h = makeHart();
      h.csrLo[CSR_MSTATUS] = (h.csrLo[CSR_MSTATUS] & ~MSTATUS_FS) | FS_INITIAL;
      setX(h, 10, 0x80001000n);
      setup(h);
      runOne(h, word);
      expect(trapped(h), name).toBe(false);
      expect(h.csrLo[CSR_MSTATUS] & MSTATUS_FS, name).toBe(dirty ? MSTATUS_FS : FS_INITIAL);
    }
  });
});

describe("Zfh rounding-mode field", () => {
  const rounding: [string, (rm: number) => number][] = [
    ["fadd.h", (rm) => encFp(F5.add, FMT_H, 2, 1, rm, 3)],
    ["fsqrt.h", (rm) => encFp(F5.sqrt, FMT_H, 0, 1, rm, 3)],
    ["fnmadd.h", (rm) => encFma(0x4f, FMT_H, 4, 2, 1, rm, 3)],
    ["fcvt.w.h", (rm) => encFp(F5.cvtToInt, FMT_H, 0, 1, rm, 3)],
    ["fcvt.h.w", (rm) => encFp(F5.cvtFromInt, FMT_H, 0, 1, rm, 3)],
    ["fcvt.s.h", (rm) => encFp(F5.cvtFF, FMT_S, FMT_H, 1, rm, 3)],
    ["fcvt.d.h", (rm) => encFp(F5.cvtFF, FMT_D, FMT_H, 1, rm, 3)],
    ["fcvt.h.s", (rm) => encFp(F5.cvtFF, FMT_H, FMT_S, 1, rm, 3)],
    ["fcvt.h.d", (rm) => encFp(F5.cvtFF, FMT_H, FMT_D, 1, rm, 3)],
  ];
  for (const [name, word] of rounding) {
    it(`${name}: rm 5 and 6, and rm 7 with frm 5..7, are illegal; rm 0..4 and dynamic 0..4 are not`, () => {
      for (const rm of [5, 6]) {
        const h = runOne(makeHart(), word(rm));
        expect(trapped(h), `rm=${rm}`).toBe(true);
        expect(h.csrLo[CSR_MTVAL] >>> 0).toBe(word(rm));
      }
      for (const frm of [5, 6, 7]) {
        const h = makeHart();
        h.csrLo[CSR_FRM] = frm;
        expect(trapped(runOne(h, word(7))), `frm=${frm}`).toBe(true);
      }
      for (const rm of [0, 1, 2, 3, 4]) {
        expect(trapped(runOne(makeHart(), word(rm))), `rm=${rm}`).toBe(false);
        const h = makeHart();
        h.csrLo[CSR_FRM] = rm;
        expect(trapped(runOne(h, word(7))), `frm=${rm}`).toBe(false);
      }
    });
  }

  it("the dynamic mode follows frm", () => {
    // 1 + 2^-11 (a half midpoint) rounds to 1 in RNE/RTZ/RDN, to 1 + 2^-10 in RUP/RMM.
    const expected = [0x3c00n, 0x3c00n, 0x3c00n, 0x3c01n, 0x3c01n];
    expected.forEach((want, frm) => {
      m.frm = frm;
      m.setD(1, roundScaled(F64, false, 2049n, -11, 0).bits);
      m.exec(encFp(F5.cvtFF, FMT_H, FMT_D, 1, 7, 3));
      expect(m.getF(3), `frm=${frm}`).toBe(BOX_H | want);
    });
    m.frm = 0;
  });
});
