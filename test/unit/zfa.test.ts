// Zfa (Unpriv §24) at the instruction level, for halves, singles and doubles:
// encodings (written out here from the spec's text, since binutils 2.40 and
// LLVM 14 predate Zfa), the FLI tables, FMINM/FMAXM, FROUND/FROUNDNX (on every
// half, in all five modes), FCVTMOD.W.D and FLEQ/FLTQ against the exact
// reference (fp-support/reference.ts), reserved rounding modes and mstatus.FS.
import { describe, expect, it } from "vitest";
import { CSR_FRM, CSR_MCAUSE, CSR_MSTATUS, MSTATUS_FS } from "../../src/rv64/constants.js";
import type { Hart } from "../../src/rv64/hart.js";
import { F5, FMT_D, FMT_S, Machine, encFp, hex } from "./fp-support/harness.js";
import {
  F16,
  F32,
  F64,
  type Fmt,
  NV,
  type Result,
  canonicalNaN,
  decode,
  isNaNVal,
  modularW,
  roundIntegral,
  roundScaled,
} from "./fp-support/reference.js";
import { Rng, convertOperand, finiteNear, randomFloat, randomPair } from "./fp-support/vectors.js";
import { getF, getX, makeHart, runWords, setF } from "./support/hart.js";

const FMT_H = 2;
const N = Number(process.env.FP_VECTORS ?? 1500);
const SEED = Number(process.env.FP_SEED ?? 0);
const RM_DYN = 7;
const FORMATS: [string, Fmt, number][] = [
  ["h", F16, FMT_H],
  ["s", F32, FMT_S],
  ["d", F64, FMT_D],
];
/** Bits 63:width of a NaN-boxed value of the format (none for doubles). */
const boxOf = (F: Fmt): bigint => (F.width === 64 ? 0n : ((1n << 64n) - 1n) ^ ((1n << BigInt(F.width)) - 1n));
const mask = (F: Fmt): bigint => (1n << BigInt(F.width)) - 1n;

// ---- encodings (§24): derived from the instructions they are "encoded like"

const fli = (fmt: number, rs1: number, rd: number): number => encFp(F5.mvFromX, fmt, 1, rs1, 0, rd);
const fminm = (fmt: number, isMax: boolean): number => encFp(F5.minmax, fmt, 2, 1, isMax ? 3 : 2, 3);
/** FROUND.fmt is FCVT.fmt.<other> with rs2 = 4, FROUNDNX rs2 = 5. */
const fround = (fmt: number, nx: boolean, rm: number): number => encFp(F5.cvtFF, fmt, nx ? 5 : 4, 1, rm, 3);
const fcvtmod = (rm = 1): number => encFp(F5.cvtToInt, FMT_D, 8, 1, rm, 3);
const fltq = (fmt: number, orEqual: boolean): number => encFp(F5.cmp, fmt, 2, 1, orEqual ? 4 : 5, 3);
const u = (w: number): number => w >>> 0;

describe("Zfa encodings", () => {
  it("decode as the spec names them", () => {
    const m = new Machine();
    const rows: [number, string][] = [];
    for (const [sfx, , fmt] of FORMATS) {
      rows.push([fli(fmt, 7, 3), `fli.${sfx}`]);
      rows.push([fminm(fmt, false), `fminm.${sfx}`]);
      rows.push([fminm(fmt, true), `fmaxm.${sfx}`]);
      for (const rm of [0, 4, 7]) {
        rows.push([fround(fmt, false, rm), `fround.${sfx}`]);
        rows.push([fround(fmt, true, rm), `froundnx.${sfx}`]);
      }
      rows.push([fltq(fmt, true), `fleq.${sfx}`]);
      rows.push([fltq(fmt, false), `fltq.${sfx}`]);
    }
    rows.push([fcvtmod(), "fcvtmod.w.d"]);
    expect(
      rows.filter(([w, name]) => m.nameOf(w) !== name).map(([w, name]) => `${name}: ${hex(BigInt(w), 8)}`),
    ).toEqual([]);
  });
  it("match the encodings listed for them (riscv-opcodes)", () => {
    expect([fli(FMT_S, 0, 0), fli(FMT_D, 0, 0), fli(FMT_H, 0, 0)]).toEqual([0xf0100053, 0xf2100053, 0xf4100053]);
    expect([u(fminm(FMT_H, false) & 0xfe00707f), u(fminm(FMT_D, true) & 0xfe00707f)]).toEqual([0x2c002053, 0x2a003053]);
    expect([u(fround(FMT_S, false, 0) & 0xfff0007f), u(fround(FMT_H, true, 0) & 0xfff0007f)]).toEqual([
      0x40400053, 0x44500053,
    ]);
    expect(u(fcvtmod() & 0xfff0707f)).toBe(0xc2801053);
    expect([u(fltq(FMT_S, true) & 0xfe00707f), u(fltq(FMT_D, false) & 0xfe00707f)]).toEqual([0xa0004053, 0xa2005053]);
  });
  it("FCVTMOD.W.D with rm other than RTZ is reserved: not an instruction; FMVH.X.D and FMVP.D.X are RV32-only", () => {
    const m = new Machine();
    for (const rm of [0, 2, 3, 4, 7]) expect(m.nameOf(fcvtmod(rm)), `rm=${rm}`).toBe("illegal");
    expect(m.nameOf(encFp(F5.mvToX, FMT_D, 1, 1, 0, 3))).toBe("illegal"); // fmvh.x.d
    expect(m.nameOf(encFp(0x16, FMT_D, 2, 1, 0, 3))).toBe("illegal"); // fmvp.d.x
    expect(m.nameOf(encFp(F5.cvtFF, FMT_S, 6, 1, 0, 3))).toBe("illegal"); // rs2 = 6: nothing
  });
});

// ---- against the exact reference

const m = new Machine();

function loadF(F: Fmt, i: number, v: bigint): void {
  m.setD(i, v | boxOf(F));
}

/** Runs a one- or two-operand instruction; returns [result, fflags] (an f result unboxed, checking the box). */
function run(F: Fmt, word: number, a: bigint, b: bigint, toX: boolean): [bigint, number] | string {
  loadF(F, 1, a);
  loadF(F, 2, b);
  m.setD(3, 0x5555555555555555n);
  m.setX(3, 0x5555555555555555n);
  m.fflags = 0;
  m.exec(word);
  if (toX) return [m.getX(3), m.fflags];
  const f = m.getF(3);
  if ((f & boxOf(F)) !== boxOf(F)) return `result not NaN-boxed: ${hex(f)}`;
  return [f & mask(F), m.fflags];
}

function mismatch(where: string, got: [bigint, number] | string, want: Result): string[] {
  if (typeof got === "string") return [`${where}: ${got}`];
  if (got[0] === want.bits && got[1] === want.flags) return [];
  return [`${where}: got ${hex(got[0])}/${got[1]}, reference ${hex(want.bits)}/${want.flags}`];
}

/** -1, 0, 1 as a < b, a = b, a > b for two non-NaN operands (-0 = +0). */
function compare(F: Fmt, a: bigint, b: bigint): number {
  const key = (bits: bigint): [number, bigint, number] => {
    const v = decode(F, bits);
    if (v.kind === "inf") return [v.neg ? -1 : 1, 0n, 0];
    if (v.kind === "zero") return [0, 0n, 0];
    return [v.neg ? -1 : 1, v.m, v.e];
  };
  const [sa, ma, ea] = key(a);
  const [sb, mb, eb] = key(b);
  const inf = (bits: bigint) => decode(F, bits).kind === "inf";
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  if (inf(a) || inf(b)) return inf(a) && inf(b) ? 0 : (inf(a) ? 1 : -1) * sa;
  const e = Math.min(ea, eb);
  const x = ma << BigInt(ea - e);
  const y = mb << BigInt(eb - e);
  return (x === y ? 0 : x < y ? -1 : 1) * sa;
}

describe("FLI", () => {
  // §24.1's table: value of each entry; entry 1 is the format's smallest normal, 31 its canonical NaN.
  const values: [bigint, number][] = [
    [-1n, 0], [0n, 0], [1n, -16], [1n, -15], [1n, -8], [1n, -7], [1n, -4], [1n, -3], [1n, -2], [5n, -4], [3n, -3],
    [7n, -4], [1n, -1], [5n, -3], [3n, -2], [7n, -3], [1n, 0], [5n, -2], [3n, -1], [7n, -2], [1n, 1], [5n, -1], [3n, 0],
    [1n, 2], [1n, 3], [1n, 4], [1n, 7], [1n, 8], [1n, 15], [1n, 16],
  ]; // prettier-ignore
  for (const [sfx, F, fmt] of FORMATS) {
    it(`fli.${sfx} loads the 32 constants of the table, NaN-boxed, without flags`, () => {
      const infBits = ((1n << BigInt(F.width - F.p)) - 1n) << BigInt(F.p - 1);
      const want = (i: number): bigint => {
        if (i === 1) return 1n << BigInt(F.p - 1);
        if (i === 30) return infBits;
        if (i === 31) return canonicalNaN(F);
        const [mant, e] = values[i];
        // 2^16 overflows a half: FLI.H's entry 29 is +inf.
        return roundScaled(F, mant < 0n, mant < 0n ? -mant : mant, e, 0).bits;
      };
      for (let i = 0; i < 32; i++) {
        m.setD(3, 0x5555555555555555n);
        m.fflags = 0;
        m.exec(fli(fmt, i, 3));
        expect(m.getF(3), `fli.${sfx} ${i}`).toBe(want(i) | boxOf(F));
        expect(m.fflags).toBe(0);
      }
      if (F === F16) expect(want(29)).toBe(0x7c00n);
    });
  }
});

describe("Zfa operations against the exact reference", () => {
  FORMATS.forEach(([sfx, F, fmt], fi) => {
    it(`fminm.${sfx} / fmaxm.${sfx}: IEEE 754-2019 minimum/maximum, any NaN gives the canonical NaN`, () => {
      const rng = new Rng(200 + fi + 100000 * SEED);
      const failures: string[] = [];
      for (let i = 0; i < N; i++) {
        const [a, b] = randomPair(rng, F);
        for (const isMax of [false, true]) {
          const x = decode(F, a);
          const y = decode(F, b);
          let want: Result;
          if (isNaNVal(x) || isNaNVal(y)) {
            want = { bits: canonicalNaN(F), flags: x.kind === "snan" || y.kind === "snan" ? NV : 0 };
          } else {
            const c = compare(F, a, b);
            // -0 orders below +0.
            const aFirst = c === 0 ? x.neg : c < 0;
            want = { bits: aFirst !== isMax ? a : b, flags: 0 };
          }
          failures.push(
            ...mismatch(
              `${isMax ? "fmaxm" : "fminm"}.${sfx} ${hex(a)} ${hex(b)}`,
              run(F, fminm(fmt, isMax), a, b, false),
              want,
            ),
          );
        }
      }
      expect(failures.slice(0, 8), `${failures.length} mismatches`).toEqual([]);
    });

    it(`fleq.${sfx} / fltq.${sfx}: ordered comparisons, NV only for a signalling NaN`, () => {
      const rng = new Rng(210 + fi + 100000 * SEED);
      const failures: string[] = [];
      for (let i = 0; i < N; i++) {
        const [a, b] = rng.chance(0.1) ? [randomFloat(rng, F), randomFloat(rng, F)] : randomPair(rng, F);
        for (const orEqual of [false, true]) {
          const x = decode(F, a);
          const y = decode(F, b);
          let want: Result;
          if (isNaNVal(x) || isNaNVal(y)) want = { bits: 0n, flags: x.kind === "snan" || y.kind === "snan" ? NV : 0 };
          else {
            const c = compare(F, a, b);
            want = { bits: c < 0 || (orEqual && c === 0) ? 1n : 0n, flags: 0 };
          }
          failures.push(
            ...mismatch(
              `${orEqual ? "fleq" : "fltq"}.${sfx} ${hex(a)} ${hex(b)}`,
              run(F, fltq(fmt, orEqual), a, b, true),
              want,
            ),
          );
        }
      }
      expect(failures.slice(0, 8), `${failures.length} mismatches`).toEqual([]);
    });

    it(`fround.${sfx} / froundnx.${sfx} in every rounding mode${F === F16 ? ", on every half" : ""}`, () => {
      const rng = new Rng(220 + fi + 100000 * SEED);
      const operands =
        F === F16
          ? Array.from({ length: 0x10000 }, (_, i) => BigInt(i))
          : Array.from({ length: 2 * N }, () => (rng.chance(0.6) ? convertOperand(rng, F) : randomFloat(rng, F)));
      const failures: string[] = [];
      for (const nx of [false, true]) {
        for (let rm = 0; rm <= 4; rm++) {
          operands.forEach((a, i) => {
            // Every fifth operand goes through the dynamic mode.
            const dynamic = i % 5 === 4;
            m.frm = rm;
            const got = run(F, fround(fmt, nx, dynamic ? RM_DYN : rm), a, 0n, false);
            const where = `${nx ? "froundnx" : "fround"}.${sfx} rm=${rm}${dynamic ? " (dyn)" : ""} ${hex(a)}`;
            failures.push(...mismatch(where, got, roundIntegral(F, a, rm, nx)));
          });
        }
      }
      m.frm = 0;
      expect(failures.slice(0, 8), `${failures.length} mismatches`).toEqual([]);
    });
  });

  it("fcvtmod.w.d: truncation modulo 2^32, sign-extended; flags of fcvt.w.d with RTZ", () => {
    const rng = new Rng(230 + 100000 * SEED);
    const operands: bigint[] = [];
    for (let i = 0; i < 4 * N; i++) {
      const r = rng.below(4);
      operands.push(
        r === 0 ? randomFloat(rng, F64) : r === 1 ? finiteNear(rng, F64, 20, 90) : convertOperand(rng, F64),
      );
    }
    // Around 2^31, 2^32, 2^63, 2^64 and 2^84 (where the low 32 bits run out), and the specials.
    for (const e of [31, 32, 52, 53, 63, 64, 83, 84, 85, 1023]) {
      const p = roundScaled(F64, false, 1n, e, 0).bits;
      operands.push(p, p - 1n, p + 1n, p | (1n << 63n), (p - 1n) | (1n << 63n));
    }
    operands.push(
      0n,
      1n << 63n,
      0x7ff0000000000000n,
      0xfff0000000000000n,
      0x7ff8000000000000n,
      0x7ff0000000000001n,
      1n,
    );
    const failures = operands.flatMap((a) =>
      mismatch(`fcvtmod.w.d ${hex(a)}`, run(F64, fcvtmod(), a, 0n, true), modularW(a)),
    );
    expect(failures.slice(0, 8), `${failures.length} mismatches`).toEqual([]);
  });
});

// ---- NaN boxing, rounding modes, FS

function trapped(h: Hart): boolean {
  return h.csrLo[CSR_MCAUSE] === 2;
}

describe("Zfa and the F rules around it", () => {
  it("half and single operands that are not NaN-boxed read as the canonical NaN", () => {
    m.setD(1, 0x000000000000bc00n); // not a boxed half
    loadF(F16, 2, 0x3c00n);
    m.fflags = 0;
    m.exec(fltq(FMT_H, false));
    expect(m.getX(3)).toBe(0n);
    expect(m.fflags).toBe(0); // a quiet NaN: FLTQ raises nothing
    m.exec(fminm(FMT_H, false));
    expect(m.getF(3)).toBe(0xffffffffffff7e00n);
    m.setD(1, 0x3ff0000000000000n); // a double read as a single
    m.exec(fround(FMT_S, true, 0));
    expect(m.getF(3)).toBe(0xffffffff7fc00000n);
  });

  const rounding: [string, (rm: number) => number][] = [
    ["fround.h", (rm) => fround(FMT_H, false, rm)],
    ["froundnx.s", (rm) => fround(FMT_S, true, rm)],
    ["fround.d", (rm) => fround(FMT_D, false, rm)],
  ];
  for (const [name, word] of rounding) {
    it(`${name}: rm 5 and 6, and DYN with frm 5..7, are illegal`, () => {
      for (const rm of [5, 6]) expect(trapped(runWords(makeHart(), [word(rm)])), `rm=${rm}`).toBe(true);
      for (const frm of [5, 6, 7]) {
        const h = makeHart();
        h.csrLo[CSR_FRM] = frm;
        expect(trapped(runWords(h, [word(7)])), `frm=${frm}`).toBe(true);
      }
      expect(trapped(runWords(makeHart(), [word(4)]))).toBe(false);
    });
  }

  it("FLI, FMINM, FLEQ and FCVTMOD ignore frm, even a reserved one", () => {
    for (const word of [fli(FMT_D, 16, 3), fminm(FMT_S, true), fltq(FMT_H, true), fcvtmod()]) {
      const h = makeHart();
      h.csrLo[CSR_FRM] = 7;
      expect(trapped(runWords(h, [word])), hex(BigInt(word), 8)).toBe(false);
    }
  });

  it("every Zfa instruction is illegal while mstatus.FS is Off", () => {
    const words = [fli(FMT_H, 1, 3), fminm(FMT_D, false), fround(FMT_S, false, 0), fcvtmod(), fltq(FMT_D, true)];
    for (const word of words) {
      const h = makeHart();
      h.csrLo[CSR_MSTATUS] &= ~MSTATUS_FS;
      setF(h, 3, 0x1234n);
      runWords(h, [word]);
      expect(trapped(h), hex(BigInt(word), 8)).toBe(true);
      expect(getF(h, 3)).toBe(0x1234n);
      expect(getX(h, 3)).toBe(0n);
    }
  });
});
