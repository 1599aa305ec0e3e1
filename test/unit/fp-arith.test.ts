// Every rounding F/D instruction against two independent oracles, through
// the real decoder and handlers: the host's x86-64 SSE/FMA hardware (oracle.c,
// modes RNE/RTZ/RDN/RUP) and a BigInt exact-rational reference (all five
// modes, RMM included). Results are compared bit for bit with the flags.
// FP_VECTORS=n sets the operand sets per instruction (default 1500), and
// FP_SEED=k varies the operands (for long soak runs).
import { describe, expect, it } from "vitest";
import { Op, type Request, runOracle } from "./fp-support/oracle.js";
import {
  F32,
  F64,
  type Fmt,
  type IntKind,
  type Result,
  add,
  convert,
  div,
  fma,
  fromInteger,
  mul,
  sqrt,
  sub,
  toInteger,
} from "./fp-support/reference.js";
import {
  Rng,
  convertOperand,
  doubleForNarrowing,
  randomFloat,
  randomIntBits,
  randomPair,
  randomTriple,
  sqrtOperand,
} from "./fp-support/vectors.js";
import { F5, FMT_D, FMT_S, Machine, encFma, encFp, hex } from "./fp-support/harness.js";

const N = Number(process.env.FP_VECTORS ?? 1500);
const SEED = Number(process.env.FP_SEED ?? 0);
const RM_DYN = 7;

interface Case {
  a: bigint;
  b: bigint;
  c: bigint;
}

type Reg = "s" | "d" | "x";

interface OpSpec {
  name: string;
  /** Oracle format: that of the operands, or of the result for int-to-float. */
  fmt: number;
  oracle: number;
  word: (rm: number) => number;
  src: Reg;
  dst: Reg;
  arity: number;
  gen: (rng: Rng) => Case;
  ref: (k: Case, rm: number) => Result;
}

const SIGN32 = 1n << 31n;
const SIGN64 = 1n << 63n;
const INT_KINDS: IntKind[] = ["w", "wu", "l", "lu"];
const INT_OPS_TO = [Op.TO_W, Op.TO_WU, Op.TO_L, Op.TO_LU];
const INT_OPS_FROM = [Op.FROM_W, Op.FROM_WU, Op.FROM_L, Op.FROM_LU];

/** The mathematical value an fcvt.*.{w,wu,l,lu} reads from a 64-bit register. */
function intValue(kind: IntKind, bits: bigint): bigint {
  switch (kind) {
    case "w":
      return BigInt.asIntN(32, bits);
    case "wu":
      return BigInt.asUintN(32, bits);
    case "l":
      return BigInt.asIntN(64, bits);
    default:
      return BigInt.asUintN(64, bits);
  }
}

function specsFor(F: Fmt): OpSpec[] {
  const fmt = F === F32 ? FMT_S : FMT_D;
  const sfx = F === F32 ? "s" : "d";
  const reg: Reg = F === F32 ? "s" : "d";
  const sign = F === F32 ? SIGN32 : SIGN64;
  const pair = (rng: Rng): Case => {
    const [a, b] = randomPair(rng, F);
    return { a, b, c: 0n };
  };
  const binary = (
    name: string,
    f5: number,
    oracle: number,
    ref: (F: Fmt, a: bigint, b: bigint, rm: number) => Result,
  ): OpSpec => ({
    name: `${name}.${sfx}`,
    fmt,
    oracle,
    word: (rm) => encFp(f5, fmt, 2, 1, rm, 3),
    src: reg,
    dst: reg,
    arity: 2,
    gen: pair,
    ref: (k, rm) => ref(F, k.a, k.b, rm),
  });
  const fused = (name: string, opcode: number, oracle: number, negA: boolean, negC: boolean): OpSpec => ({
    name: `${name}.${sfx}`,
    fmt,
    oracle,
    word: (rm) => encFma(opcode, fmt, 4, 2, 1, rm, 3),
    src: reg,
    dst: reg,
    arity: 3,
    gen: (rng) => {
      const [a, b, c] = randomTriple(rng, F);
      // The generator aims a*b+c at midpoints; undo the negations the instruction applies.
      return { a: negA ? a ^ sign : a, b, c: negC ? c ^ sign : c };
    },
    ref: (k, rm) => fma(F, negA ? k.a ^ sign : k.a, k.b, negC ? k.c ^ sign : k.c, rm),
  });
  const specs: OpSpec[] = [
    binary("fadd", F5.add, Op.ADD, add),
    binary("fsub", F5.sub, Op.SUB, sub),
    binary("fmul", F5.mul, Op.MUL, mul),
    binary("fdiv", F5.div, Op.DIV, div),
    {
      name: `fsqrt.${sfx}`,
      fmt,
      oracle: Op.SQRT,
      word: (rm) => encFp(F5.sqrt, fmt, 0, 1, rm, 3),
      src: reg,
      dst: reg,
      arity: 1,
      gen: (rng) => ({ a: sqrtOperand(rng, F), b: 0n, c: 0n }),
      ref: (k, rm) => sqrt(F, k.a, rm),
    },
    fused("fmadd", 0x43, Op.FMADD, false, false),
    fused("fmsub", 0x47, Op.FMSUB, false, true),
    fused("fnmsub", 0x4b, Op.FNMSUB, true, false),
    fused("fnmadd", 0x4f, Op.FNMADD, true, true),
  ];
  INT_KINDS.forEach((kind, i) => {
    specs.push({
      name: `fcvt.${kind}.${sfx}`,
      fmt,
      oracle: INT_OPS_TO[i],
      word: (rm) => encFp(F5.cvtToInt, fmt, i, 1, rm, 3),
      src: reg,
      dst: "x",
      arity: 1,
      gen: (rng) => ({ a: convertOperand(rng, F), b: 0n, c: 0n }),
      ref: (k, rm) => toInteger(F, k.a, rm, kind),
    });
    specs.push({
      name: `fcvt.${sfx}.${kind}`,
      fmt,
      oracle: INT_OPS_FROM[i],
      word: (rm) => encFp(F5.cvtFromInt, fmt, i, 1, rm, 3),
      src: "x",
      dst: reg,
      arity: 1,
      gen: (rng) => ({ a: randomIntBits(rng), b: 0n, c: 0n }),
      ref: (k, rm) => fromInteger(F, intValue(kind, k.a), rm),
    });
  });
  if (F === F64) {
    specs.push({
      name: "fcvt.s.d",
      fmt: FMT_D,
      oracle: Op.TO_OTHER,
      word: (rm) => encFp(F5.cvtFF, FMT_S, 1, 1, rm, 3),
      src: "d",
      dst: "s",
      arity: 1,
      gen: (rng) => ({ a: doubleForNarrowing(rng), b: 0n, c: 0n }),
      ref: (k, rm) => convert(F32, F64, k.a, rm),
    });
  } else {
    specs.push({
      name: "fcvt.d.s",
      fmt: FMT_S,
      oracle: Op.TO_OTHER,
      word: (rm) => encFp(F5.cvtFF, FMT_D, 0, 1, rm, 3),
      src: "s",
      dst: "d",
      arity: 1,
      gen: (rng) => ({ a: randomFloat(rng, F32), b: 0n, c: 0n }),
      ref: (k, rm) => convert(F64, F32, k.a, rm),
    });
  }
  return specs;
}

const m = new Machine();

function load(reg: Reg, i: number, v: bigint): void {
  if (reg === "s") m.setS(i, v);
  else if (reg === "d") m.setD(i, v);
  else m.setX(i, v);
}

/** Runs the instruction on one case; returns [result bits, fflags] or a description of a NaN-boxing fault. */
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
  if (spec.dst === "s") {
    if (f >> 32n !== 0xffffffffn) return `single result not NaN-boxed: ${hex(f)}`;
    return [f & 0xffffffffn, m.fflags];
  }
  return [f, m.fflags];
}

function describeCase(spec: OpSpec, rm: number, k: Case): string {
  const ops = [k.a, k.b, k.c].slice(0, spec.arity).map((v) => hex(v));
  return `${spec.name} rm=${rm} ${ops.join(" ")}`;
}

function check(spec: OpSpec, seed: number): string[] {
  const rng = new Rng(seed);
  const cases: Case[] = [];
  for (let i = 0; i < N; i++) cases.push(spec.gen(rng));
  const requests: Request[] = [];
  for (let rm = 0; rm < 4; rm++) {
    for (const k of cases) requests.push({ op: spec.oracle, fmt: spec.fmt, rm, a: k.a, b: k.b, c: k.c });
  }
  const hardware = runOracle(requests);
  const failures: string[] = [];
  for (let rm = 0; rm <= 4; rm++) {
    cases.forEach((k, i) => {
      // Every fifth case goes through the dynamic rounding mode (rm = 7, frm = mode).
      const dynamic = i % 5 === 4;
      m.frm = rm;
      const got = execute(spec, spec.word(dynamic ? RM_DYN : rm), k);
      const where = `${describeCase(spec, rm, k)}${dynamic ? " (dyn)" : ""}`;
      if (typeof got === "string") {
        failures.push(`${where}: ${got}`);
        return;
      }
      const [bits, flags] = got;
      const ref = spec.ref(k, rm);
      if (bits !== ref.bits || flags !== ref.flags) {
        failures.push(`${where}: got ${hex(bits)}/${flags}, reference ${hex(ref.bits)}/${ref.flags}`);
      }
      if (rm < 4) {
        const hw = hardware[rm * cases.length + i];
        if (bits !== hw.result || flags !== hw.flags) {
          failures.push(`${where}: got ${hex(bits)}/${flags}, hardware ${hex(hw.result)}/${hw.flags}`);
        }
      }
    });
  }
  return failures;
}

for (const F of [F32, F64]) {
  describe(`${F === F32 ? "F" : "D"} arithmetic against hardware and the exact reference`, () => {
    specsFor(F).forEach((spec, i) => {
      it(spec.name, () => {
        const failures = check(spec, 1000 * (F === F32 ? 1 : 2) + i + 100000 * SEED);
        expect(failures.slice(0, 8), `${failures.length} mismatches`).toEqual([]);
      });
    });
  });
}
