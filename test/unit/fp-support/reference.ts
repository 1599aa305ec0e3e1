// An independent reference for IEEE 754-2008 binary16/32/64 with the
// RISC-V conventions: every result computed exactly as a BigInt rational and
// rounded once, in all five rounding modes (the hardware oracle has no RMM).
// Slow and simple on purpose; it shares no code or technique with src/rv64/fp.

export interface Fmt {
  width: number;
  /** Precision in bits, hidden bit included. */
  p: number;
  bias: number;
  emin: number;
  emax: number;
}

export const F16: Fmt = { width: 16, p: 11, bias: 15, emin: -14, emax: 15 };
export const F32: Fmt = { width: 32, p: 24, bias: 127, emin: -126, emax: 127 };
export const F64: Fmt = { width: 64, p: 53, bias: 1023, emin: -1022, emax: 1023 };

export const NX = 1;
export const UF = 2;
export const OF = 4;
export const DZ = 8;
export const NV = 16;

export const RNE = 0;
export const RTZ = 1;
export const RDN = 2;
export const RUP = 3;
export const RMM = 4;

export type Kind = "zero" | "finite" | "inf" | "qnan" | "snan";

/** A decoded operand: value (-1)^neg * m * 2^e when finite. */
export interface Val {
  kind: Kind;
  neg: boolean;
  m: bigint;
  e: number;
}

export interface Result {
  bits: bigint;
  flags: number;
}

export function decode(F: Fmt, bits: bigint): Val {
  const fracBits = F.p - 1;
  const expBits = F.width - F.p;
  const neg = ((bits >> BigInt(F.width - 1)) & 1n) === 1n;
  const E = Number((bits >> BigInt(fracBits)) & ((1n << BigInt(expBits)) - 1n));
  const frac = bits & ((1n << BigInt(fracBits)) - 1n);
  if (E === (1 << expBits) - 1) {
    if (frac === 0n) return { kind: "inf", neg, m: 0n, e: 0 };
    const quiet = (frac >> BigInt(fracBits - 1)) & 1n;
    return { kind: quiet === 1n ? "qnan" : "snan", neg, m: 0n, e: 0 };
  }
  if (E === 0) {
    if (frac === 0n) return { kind: "zero", neg, m: 0n, e: 0 };
    return { kind: "finite", neg, m: frac, e: F.emin - fracBits };
  }
  return { kind: "finite", neg, m: frac | (1n << BigInt(fracBits)), e: E - F.bias - fracBits };
}

export const isNaNVal = (v: Val): boolean => v.kind === "qnan" || v.kind === "snan";

export function canonicalNaN(F: Fmt): bigint {
  // Unpriv §20.3 (and §23 for halves): sign clear, quiet bit set, payload zero.
  return ((1n << BigInt(F.width - F.p + 1)) - 1n) << BigInt(F.p - 2);
}

function signBit(F: Fmt, neg: boolean): bigint {
  return neg ? 1n << BigInt(F.width - 1) : 0n;
}

function infBits(F: Fmt, neg: boolean): bigint {
  return signBit(F, neg) | (((1n << BigInt(F.width - F.p)) - 1n) << BigInt(F.p - 1));
}

function zeroBits(F: Fmt, neg: boolean): bigint {
  return signBit(F, neg);
}

function maxFiniteBits(F: Fmt, neg: boolean): bigint {
  return infBits(F, neg) - 1n;
}

const nanResult = (F: Fmt, signal: boolean): Result => ({ bits: canonicalNaN(F), flags: signal ? NV : 0 });
const invalid = (F: Fmt): Result => ({ bits: canonicalNaN(F), flags: NV });

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** Rounds the integer q (the value's truncation) up in magnitude as the mode and the discarded fraction say. */
function roundInteger(q: bigint, cls: number, neg: boolean, rm: number): bigint {
  // cls: 0 exact, 1 below half, 2 exactly half, 3 above half.
  switch (rm) {
    case RNE:
      return cls === 3 || (cls === 2 && (q & 1n) === 1n) ? q + 1n : q;
    case RTZ:
      return q;
    case RDN:
      return neg && cls !== 0 ? q + 1n : q;
    case RUP:
      return !neg && cls !== 0 ? q + 1n : q;
    default:
      return cls >= 2 ? q + 1n : q;
  }
}

/** Truncation of num/den * 2^s and the class of what was cut off. */
function scaledQuotient(num: bigint, den: bigint, s: number): [bigint, number] {
  let n = num;
  let d = den;
  if (s >= 0) n <<= BigInt(s);
  else d <<= BigInt(-s);
  const q = n / d;
  const r = n - q * d;
  const cls = r === 0n ? 0 : 2n * r < d ? 1 : 2n * r === d ? 2 : 3;
  return [q, cls];
}

/** Rounds (-1)^neg * num/den (num, den > 0) to F: IEEE 754 §4.3, §7.4, §7.5 with tininess after rounding. */
export function roundRational(F: Fmt, neg: boolean, num: bigint, den: bigint, rm: number): Result {
  let e = bitLength(num) - bitLength(den);
  const below = e >= 0 ? num < den << BigInt(e) : num << BigInt(-e) < den;
  if (below) e--;
  // Now 2^e <= num/den < 2^(e+1). Unbounded-exponent rounding decides tininess.
  const [qu, clsu] = scaledQuotient(num, den, F.p - 1 - e);
  const roundedU = roundInteger(qu, clsu, neg, rm);
  const tiny = e < F.emin && roundedU < 1n << BigInt(F.p - 1 + F.emin - e);
  let E = Math.max(e, F.emin);
  const [q0, cls] = scaledQuotient(num, den, F.p - 1 - E);
  let q = roundInteger(q0, cls, neg, rm);
  if (q === 1n << BigInt(F.p)) {
    q >>= 1n;
    E++;
  }
  let flags = cls !== 0 ? NX : 0;
  if (tiny && cls !== 0) flags |= UF;
  if (E > F.emax) {
    const toInf = rm === RNE || rm === RMM || (rm === RUP && !neg) || (rm === RDN && neg);
    return { bits: toInf ? infBits(F, neg) : maxFiniteBits(F, neg), flags: OF | NX };
  }
  const hidden = 1n << BigInt(F.p - 1);
  const biased = q < hidden ? 0n : BigInt(E + F.bias);
  return { bits: signBit(F, neg) | (biased << BigInt(F.p - 1)) | (q & (hidden - 1n)), flags };
}

/** Rounds (-1)^neg * m * 2^e, m > 0. */
export function roundScaled(F: Fmt, neg: boolean, m: bigint, e: number, rm: number): Result {
  return e >= 0 ? roundRational(F, neg, m << BigInt(e), 1n, rm) : roundRational(F, neg, m, 1n << BigInt(-e), rm);
}

interface Term {
  neg: boolean;
  m: bigint;
  e: number;
}

/** Rounds s + t exactly; zero terms carry their sign (IEEE 754 §6.3 for zero sums). */
function roundSum(F: Fmt, s: Term, t: Term, rm: number): Result {
  if (s.m === 0n && t.m === 0n) return { bits: zeroBits(F, s.neg === t.neg ? s.neg : rm === RDN), flags: 0 };
  const e = Math.min(s.m === 0n ? Infinity : s.e, t.m === 0n ? Infinity : t.e);
  const sv = s.m === 0n ? 0n : (s.neg ? -s.m : s.m) << BigInt(s.e - e);
  const tv = t.m === 0n ? 0n : (t.neg ? -t.m : t.m) << BigInt(t.e - e);
  const v = sv + tv;
  if (v === 0n) return { bits: zeroBits(F, rm === RDN), flags: 0 };
  return roundScaled(F, v < 0n, v < 0n ? -v : v, e, rm);
}

const term = (v: Val): Term => ({ neg: v.neg, m: v.kind === "zero" ? 0n : v.m, e: v.e });

export function add(F: Fmt, a: bigint, b: bigint, rm: number): Result {
  const x = decode(F, a);
  const y = decode(F, b);
  if (isNaNVal(x) || isNaNVal(y)) return nanResult(F, x.kind === "snan" || y.kind === "snan");
  if (x.kind === "inf" && y.kind === "inf" && x.neg !== y.neg) return invalid(F);
  if (x.kind === "inf") return { bits: infBits(F, x.neg), flags: 0 };
  if (y.kind === "inf") return { bits: infBits(F, y.neg), flags: 0 };
  return roundSum(F, term(x), term(y), rm);
}

export function sub(F: Fmt, a: bigint, b: bigint, rm: number): Result {
  return add(F, a, b ^ (1n << BigInt(F.width - 1)), rm);
}

export function mul(F: Fmt, a: bigint, b: bigint, rm: number): Result {
  const x = decode(F, a);
  const y = decode(F, b);
  if (isNaNVal(x) || isNaNVal(y)) return nanResult(F, x.kind === "snan" || y.kind === "snan");
  const neg = x.neg !== y.neg;
  if (x.kind === "inf" || y.kind === "inf") {
    if (x.kind === "zero" || y.kind === "zero") return invalid(F);
    return { bits: infBits(F, neg), flags: 0 };
  }
  if (x.kind === "zero" || y.kind === "zero") return { bits: zeroBits(F, neg), flags: 0 };
  return roundScaled(F, neg, x.m * y.m, x.e + y.e, rm);
}

/** a * b + c, one rounding; RISC-V raises NV for 0 * inf even with a quiet-NaN addend. */
export function fma(F: Fmt, a: bigint, b: bigint, c: bigint, rm: number): Result {
  const x = decode(F, a);
  const y = decode(F, b);
  const z = decode(F, c);
  const infZero = (x.kind === "inf" && y.kind === "zero") || (x.kind === "zero" && y.kind === "inf");
  if (isNaNVal(x) || isNaNVal(y) || isNaNVal(z)) {
    return nanResult(F, infZero || x.kind === "snan" || y.kind === "snan" || z.kind === "snan");
  }
  if (infZero) return invalid(F);
  const neg = x.neg !== y.neg;
  if (x.kind === "inf" || y.kind === "inf") {
    if (z.kind === "inf" && z.neg !== neg) return invalid(F);
    return { bits: infBits(F, neg), flags: 0 };
  }
  if (z.kind === "inf") return { bits: infBits(F, z.neg), flags: 0 };
  const product: Term = { neg, m: x.m * y.m, e: x.e + y.e };
  return roundSum(F, product, term(z), rm);
}

export function div(F: Fmt, a: bigint, b: bigint, rm: number): Result {
  const x = decode(F, a);
  const y = decode(F, b);
  if (isNaNVal(x) || isNaNVal(y)) return nanResult(F, x.kind === "snan" || y.kind === "snan");
  const neg = x.neg !== y.neg;
  if (x.kind === "inf") return y.kind === "inf" ? invalid(F) : { bits: infBits(F, neg), flags: 0 };
  if (y.kind === "inf") return { bits: zeroBits(F, neg), flags: 0 };
  if (y.kind === "zero") return x.kind === "zero" ? invalid(F) : { bits: infBits(F, neg), flags: DZ };
  if (x.kind === "zero") return { bits: zeroBits(F, neg), flags: 0 };
  const d = x.e - y.e;
  return roundRational(F, neg, x.m << BigInt(Math.max(d, 0)), y.m << BigInt(Math.max(-d, 0)), rm);
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

export function sqrt(F: Fmt, a: bigint, rm: number): Result {
  const x = decode(F, a);
  if (isNaNVal(x)) return nanResult(F, x.kind === "snan");
  if (x.kind === "zero") return { bits: a, flags: 0 };
  if (x.neg) return invalid(F);
  if (x.kind === "inf") return { bits: a, flags: 0 };
  let m = x.m;
  let e = x.e;
  if (e % 2 !== 0) {
    m <<= 1n;
    e -= 1;
  }
  // sqrt(m * 2^e) = sqrt(m * 2^2K) * 2^(e/2 - K); an inexact root is replaced
  // by s + 1/2, which rounds the same way at far fewer than K bits.
  const K = 2 * F.p + 8;
  const n = m << BigInt(2 * K);
  const s = isqrt(n);
  if (s * s === n) return roundScaled(F, false, s, e / 2 - K, rm);
  return roundScaled(F, false, 2n * s + 1n, e / 2 - K - 1, rm);
}

/** fcvt between formats. */
export function convert(to: Fmt, from: Fmt, a: bigint, rm: number): Result {
  const x = decode(from, a);
  if (isNaNVal(x)) return nanResult(to, x.kind === "snan");
  if (x.kind === "inf") return { bits: infBits(to, x.neg), flags: 0 };
  if (x.kind === "zero") return { bits: zeroBits(to, x.neg), flags: 0 };
  return roundScaled(to, x.neg, x.m, x.e, rm);
}

/** fcvt from an integer (given as its mathematical value). */
export function fromInteger(F: Fmt, v: bigint, rm: number): Result {
  if (v === 0n) return { bits: 0n, flags: 0 };
  return roundScaled(F, v < 0n, v < 0n ? -v : v, 0, rm);
}

export type IntKind = "w" | "wu" | "l" | "lu";

const INT_RANGE: Record<IntKind, [bigint, bigint]> = {
  w: [-(1n << 31n), (1n << 31n) - 1n],
  wu: [0n, (1n << 32n) - 1n],
  l: [-(1n << 63n), (1n << 63n) - 1n],
  lu: [0n, (1n << 64n) - 1n],
};

/**
 * fcvt to an integer: the 64-bit register value (W results sign-extended),
 * saturating with NV per the Unpriv F chapter's table.
 */
export function toInteger(F: Fmt, a: bigint, rm: number, kind: IntKind): Result {
  const [lo, hi] = INT_RANGE[kind];
  const reg = (v: bigint): bigint =>
    kind === "w" || kind === "wu" ? BigInt.asUintN(64, BigInt.asIntN(32, v)) : BigInt.asUintN(64, v);
  const x = decode(F, a);
  if (isNaNVal(x)) return { bits: reg(hi), flags: NV };
  if (x.kind === "inf") return { bits: reg(x.neg ? lo : hi), flags: NV };
  let q = 0n;
  let cls = 0;
  if (x.kind === "finite") {
    if (x.e >= 0) q = x.m << BigInt(x.e);
    else [q, cls] = scaledQuotient(x.m, 1n, x.e);
  }
  const mag = roundInteger(q, cls, x.neg, rm);
  const v = x.neg ? -mag : mag;
  if (v < lo) return { bits: reg(lo), flags: NV };
  if (v > hi) return { bits: reg(hi), flags: NV };
  return { bits: reg(v), flags: cls !== 0 ? NX : 0 };
}

/** Zfa FROUND (exact = false) / FROUNDNX (exact = true): rounds to an integral value in the format. */
export function roundIntegral(F: Fmt, a: bigint, rm: number, exact: boolean): Result {
  const x = decode(F, a);
  if (isNaNVal(x)) return nanResult(F, x.kind === "snan");
  if (x.kind !== "finite") return { bits: a, flags: 0 };
  let q: bigint;
  let cls = 0;
  if (x.e >= 0) q = x.m << BigInt(x.e);
  else [q, cls] = scaledQuotient(x.m, 1n, x.e);
  const mag = roundInteger(q, cls, x.neg, rm);
  const bits = mag === 0n ? zeroBits(F, x.neg) : roundScaled(F, x.neg, mag, 0, RNE).bits;
  return { bits, flags: exact && cls !== 0 ? NX : 0 };
}

/**
 * Zfa FCVTMOD.W.D: truncation towards zero, bits 31:0 of the unbounded
 * integer sign-extended; NaN and infinities give 0. Flags as FCVT.W.D RTZ.
 */
export function modularW(a: bigint): Result {
  const x = decode(F64, a);
  if (x.kind !== "finite") return { bits: 0n, flags: x.kind === "zero" ? 0 : NV };
  let q: bigint;
  let cls = 0;
  if (x.e >= 0) q = x.m << BigInt(x.e);
  else [q, cls] = scaledQuotient(x.m, 1n, x.e);
  const v = x.neg ? -q : q;
  const inRange = v >= -(1n << 31n) && v < 1n << 31n;
  return { bits: BigInt.asUintN(64, BigInt.asIntN(32, v)), flags: !inRange ? NV : cls !== 0 ? NX : 0 };
}
