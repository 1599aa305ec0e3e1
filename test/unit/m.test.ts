// RV64M against BigInt reference implementations: the int64.ts helpers
// directly (many random operands) and every instruction through the decoder
// and run loop (edge cases plus random operands).
import { describe, expect, it } from "vitest";
import { divs64, divu64, mul64, mulh64, mulhsu64, mulhu64, r, remainder } from "../../src/rv64/int64.js";
import { runHart } from "../../src/rv64/run-loop.js";
import type { Hart } from "../../src/rv64/hart.js";
import { RAM_BASE, getX, makeHart, runWords, setX } from "./support/hart.js";

const M64 = (1n << 64n) - 1n;
const u64 = (v: bigint): bigint => BigInt.asUintN(64, v);
const s64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const sext32 = (v: bigint): bigint => u64(BigInt.asIntN(32, v));
const MIN64 = 1n << 63n;

// ---- reference semantics (Unpriv §M; results as unsigned 64-bit)

function refDiv(a: bigint, b: bigint, signed: boolean, bits: 32 | 64): { q: bigint; r: bigint } {
  const conv = (v: bigint) => (signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v));
  const x = conv(a);
  const y = conv(b);
  const ext = (v: bigint) => (bits === 32 ? sext32(v) : u64(v));
  if (y === 0n) return { q: ext(-1n), r: ext(x) };
  // BigInt division truncates towards zero, as RISC-V does; MIN / -1 wraps.
  return { q: ext(x / y), r: ext(x % y) };
}

const reference: Record<string, (a: bigint, b: bigint) => bigint> = {
  mul: (a, b) => u64(a * b),
  mulh: (a, b) => u64((s64(a) * s64(b)) >> 64n),
  mulhsu: (a, b) => u64((s64(a) * u64(b)) >> 64n),
  mulhu: (a, b) => u64((u64(a) * u64(b)) >> 64n),
  div: (a, b) => refDiv(a, b, true, 64).q,
  divu: (a, b) => refDiv(a, b, false, 64).q,
  rem: (a, b) => refDiv(a, b, true, 64).r,
  remu: (a, b) => refDiv(a, b, false, 64).r,
  mulw: (a, b) => sext32(a * b),
  divw: (a, b) => refDiv(a, b, true, 32).q,
  divuw: (a, b) => refDiv(a, b, false, 32).q,
  remw: (a, b) => refDiv(a, b, true, 32).r,
  remuw: (a, b) => refDiv(a, b, false, 32).r,
};

// Encodings from riscv-opcodes (rv_m, rv64_m): funct7 = 1, funct3, opcode.
const encoding: Record<string, [number, number]> = {
  mul: [0, 0x33],
  mulh: [1, 0x33],
  mulhsu: [2, 0x33],
  mulhu: [3, 0x33],
  div: [4, 0x33],
  divu: [5, 0x33],
  rem: [6, 0x33],
  remu: [7, 0x33],
  mulw: [0, 0x3b],
  divw: [4, 0x3b],
  divuw: [5, 0x3b],
  remw: [6, 0x3b],
  remuw: [7, 0x3b],
};
function encode(name: string, rd: number, rs1: number, rs2: number): number {
  const [f3, op] = encoding[name];
  return ((1 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op) >>> 0;
}

// ---- operands: edge values and a seeded random mix biased to boundaries

const EDGES: bigint[] = [];
for (const base of [0n, 1n << 31n, 1n << 32n, 1n << 52n, 1n << 53n, 1n << 63n, 1n << 20n, 1n << 16n]) {
  for (const delta of [-2n, -1n, 0n, 1n, 2n]) {
    EDGES.push(u64(base + delta), u64(-(base + delta)));
  }
}
EDGES.push(0x7fffffffffffffffn, 0x8000000000000000n, 0xffffffff00000000n, 0x00000000ffffffffn, 3n, 7n, 10n);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
}

/** A random 64-bit value of a random bit length, sign and boundary closeness. */
function operandSource(seed: number): () => bigint {
  const next = rng(seed);
  const rand64 = () => (BigInt(next()) << 32n) | BigInt(next());
  return () => {
    const kind = next() % 8;
    if (kind === 0) return EDGES[next() % EDGES.length];
    if (kind === 1) return rand64();
    const bits = BigInt(next() % 64) + 1n;
    let v = rand64() & ((1n << bits) - 1n);
    if (kind === 2) v = (1n << (bits - 1n)) + BigInt((next() % 5) - 2); // near a power of two
    return u64(next() & 1 ? -v : v);
  };
}

function split(v: bigint): [number, number] {
  return [Number(v & 0xffffffffn) | 0, Number((v >> 32n) & 0xffffffffn) | 0];
}
function join(lo: number, hi: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

// ---- the int64.ts helpers directly

describe("int64 multiply-high and divide helpers", () => {
  const N = 200_000;
  it("mul64, mulhu64, mulh64, mulhsu64 match the 128-bit product", () => {
    const gen = operandSource(1);
    for (let i = 0; i < N; i++) {
      const a = gen();
      const b = gen();
      const [aLo, aHi] = split(a);
      const [bLo, bHi] = split(b);
      let lo = mul64(aLo, aHi, bLo, bHi);
      if (join(lo, r.hi) !== reference.mul(a, b)) expect([a, b, join(lo, r.hi)]).toBe("mul64");
      lo = mulhu64(aLo, aHi, bLo, bHi);
      if (join(lo, r.hi) !== reference.mulhu(a, b)) expect([a, b, join(lo, r.hi)]).toBe("mulhu64");
      lo = mulh64(aLo, aHi, bLo, bHi);
      if (join(lo, r.hi) !== reference.mulh(a, b)) expect([a, b, join(lo, r.hi)]).toBe("mulh64");
      lo = mulhsu64(aLo, aHi, bLo, bHi);
      if (join(lo, r.hi) !== reference.mulhsu(a, b)) expect([a, b, join(lo, r.hi)]).toBe("mulhsu64");
    }
  });

  it("divu64 and divs64 give the truncated quotient and remainder", () => {
    const gen = operandSource(2);
    for (let i = 0; i < N; i++) {
      const a = gen();
      let b = gen();
      if (b === 0n) b = 1n;
      const [aLo, aHi] = split(a);
      const [bLo, bHi] = split(b);
      const qu = divu64(aLo, aHi, bLo, bHi);
      const gotU = [join(qu, r.hi), join(remainder.lo, remainder.hi)];
      const wantU = refDiv(a, b, false, 64);
      if (gotU[0] !== wantU.q || gotU[1] !== wantU.r) expect([a, b, ...gotU]).toEqual([a, b, wantU.q, wantU.r]);
      const qs = divs64(aLo, aHi, bLo, bHi);
      const gotS = [join(qs, r.hi), join(remainder.lo, remainder.hi)];
      const wantS = refDiv(a, b, true, 64);
      if (gotS[0] !== wantS.q || gotS[1] !== wantS.r) expect([a, b, ...gotS]).toEqual([a, b, wantS.q, wantS.r]);
    }
  });

  it("divu64 is exact where its quotient estimate is tight", () => {
    // Divisors at or just above 2^32 and dividends near 2^64 stress the
    // normalised estimate and its one-step correction.
    const cases: [bigint, bigint][] = [];
    for (const a of [M64, M64 - 1n, 1n << 63n, (1n << 63n) - 1n, 0xfffffffe00000001n, 0xffffffff00000000n]) {
      for (const b of [
        1n << 32n,
        (1n << 32n) + 1n,
        0x1ffffffffn,
        0xffffffffn,
        (1n << 63n) + 1n,
        1n << 63n,
        M64,
        0x100000001n * 3n,
      ]) {
        cases.push([a, b]);
      }
    }
    for (const [a, b] of cases) {
      const [aLo, aHi] = split(a);
      const [bLo, bHi] = split(b);
      const q = divu64(aLo, aHi, bLo, bHi);
      expect([join(q, r.hi), join(remainder.lo, remainder.hi)]).toEqual([a / b, a % b]);
    }
  });
});

// ---- every instruction through the decoder and the run loop

/** Places one instruction at RAM_BASE and returns a function that runs it once. */
function single(h: Hart, insn: number): () => void {
  h.pcLo = RAM_BASE | 0;
  h.pcHi = 0;
  runWords(h, [insn]); // writes and decodes it once
  return () => {
    h.pcLo = RAM_BASE | 0;
    h.pcHi = 0;
    runHart(h, 1);
  };
}

describe("RV64M instructions", () => {
  for (const name of Object.keys(reference)) {
    it(`${name} matches the reference on edge and random operands`, () => {
      const h = makeHart();
      const step = single(h, encode(name, 10, 11, 12));
      const check = (a: bigint, b: bigint) => {
        setX(h, 11, a);
        setX(h, 12, b);
        step();
        const got = getX(h, 10);
        const want = reference[name](a, b);
        if (got !== want) expect({ name, a, b, got }).toEqual({ name, a, b, got: want });
      };
      for (const a of EDGES) for (const b of EDGES) check(a, b);
      const gen = operandSource(name.length * 7919 + name.charCodeAt(0));
      for (let i = 0; i < 20_000; i++) check(gen(), gen());
    });
  }

  it("division by zero and overflow give the spec's table values", () => {
    const h = makeHart();
    const run = (name: string, a: bigint, b: bigint) => {
      setX(h, 11, a);
      setX(h, 12, b);
      runWords(h, [encode(name, 10, 11, 12)]);
      h.pcLo = RAM_BASE | 0;
      return getX(h, 10);
    };
    const x = 0x123456789abcdef0n;
    expect(run("div", x, 0n)).toBe(M64);
    expect(run("divu", x, 0n)).toBe(M64);
    expect(run("rem", x, 0n)).toBe(x);
    expect(run("remu", x, 0n)).toBe(x);
    expect(run("div", MIN64, M64)).toBe(MIN64);
    expect(run("rem", MIN64, M64)).toBe(0n);
    // .W forms: 32-bit results sign-extended, including by-zero remainders.
    expect(run("divw", x, 0n)).toBe(M64);
    expect(run("divuw", x, 0n)).toBe(M64);
    expect(run("remw", x, 0n)).toBe(0xffffffff9abcdef0n);
    expect(run("remuw", x, 0n)).toBe(0xffffffff9abcdef0n);
    expect(run("divw", 0x80000000n, M64)).toBe(0xffffffff80000000n);
    expect(run("remw", 0x80000000n, M64)).toBe(0n);
    // The .W forms ignore the upper halves of their operands.
    expect(run("divw", 0xdead000000000064n, 0xbeef00000000000an)).toBe(10n);
  });

  it("handles rd aliasing a source and discards writes to x0", () => {
    const h = makeHart();
    setX(h, 5, 6n);
    setX(h, 6, 7n);
    runWords(h, [encode("mul", 5, 5, 6), encode("mul", 0, 5, 6), encode("div", 6, 5, 6)]);
    expect(getX(h, 5)).toBe(42n);
    expect(getX(h, 0)).toBe(0n);
    expect(getX(h, 6)).toBe(6n);
  });

  it("M encodings with other funct7 values stay illegal", () => {
    const h = makeHart();
    h.csrLo[0x305] = (RAM_BASE + 0x100) | 0; // mtvec
    const bad = (encode("mul", 1, 2, 3) | (1 << 26)) >>> 0; // funct7 = 0100001
    runWords(h, [bad]);
    expect(h.csrLo[0x342]).toBe(2); // mcause: illegal instruction
    expect(h.csrLo[0x343] >>> 0).toBe(bad); // mtval: the instruction bits
  });
});
