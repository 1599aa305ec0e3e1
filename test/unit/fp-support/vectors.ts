// Operand generators for the F/D tests: a seeded PRNG and random values
// biased towards the cases that break floating-point code — zeros,
// subnormals, infinities, NaNs with payloads, signalling NaNs, values near
// the overflow and underflow thresholds, few-bit significands whose results
// land on rounding midpoints, near-equal operands that cancel.
import { F32, F64, type Fmt, RNE, decode, mul, roundRational, roundScaled } from "./reference.js";

/** sfc32: a small, fast, seedable 32-bit generator. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = seed | 0;
    for (let i = 0; i < 16; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor((this.u32() / 4294967296) * n);
  }

  chance(p: number): boolean {
    return this.u32() / 4294967296 < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }

  /** k uniformly random bits. */
  bits(k: number): bigint {
    let v = 0n;
    for (let got = 0; got < k; got += 32) v = (v << 32n) | BigInt(this.u32());
    return v & ((1n << BigInt(k)) - 1n);
  }

  /**
   * k bits in one of several textures: uniform, sparse (few ones), dense
   * (few zeros), or a run of ones that provokes carries.
   */
  texturedBits(k: number): bigint {
    const mask = (1n << BigInt(k)) - 1n;
    switch (this.below(5)) {
      case 0: {
        let v = 0n;
        for (let i = this.below(4); i >= 0; i--) v |= 1n << BigInt(this.below(k));
        return v;
      }
      case 1: {
        let v = mask;
        for (let i = this.below(4); i >= 0; i--) v &= ~(1n << BigInt(this.below(k)));
        return v;
      }
      case 2: {
        const lo = this.below(k);
        const hi = lo + this.below(k - lo) + 1;
        return ((1n << BigInt(hi)) - 1n) ^ ((1n << BigInt(lo)) - 1n);
      }
      default:
        return this.bits(k);
    }
  }
}

interface Layout {
  fracBits: number;
  expMax: number;
  bias: number;
  width: number;
}

function layout(F: Fmt): Layout {
  return { fracBits: F.p - 1, expMax: (1 << (F.width - F.p)) - 1, bias: F.bias, width: F.width };
}

export function pack(F: Fmt, neg: boolean, biasedExp: number, frac: bigint): bigint {
  const L = layout(F);
  return (
    (neg ? 1n << BigInt(L.width - 1) : 0n) |
    (BigInt(biasedExp) << BigInt(L.fracBits)) |
    (frac & ((1n << BigInt(L.fracBits)) - 1n))
  );
}

/** Special significands: zero, one ulp, two, the quiet bit, all ones... */
function specialFrac(rng: Rng, F: Fmt): bigint {
  const f = BigInt(F.p - 1);
  return rng.pick([
    0n,
    1n,
    2n,
    3n,
    1n << (f - 1n),
    (1n << (f - 1n)) | 1n,
    (1n << f) - 1n,
    (1n << f) - 2n,
    (1n << (f - 1n)) - 1n,
  ]);
}

/** A random value of format F, biased to edge cases (raw bits). */
export function randomFloat(rng: Rng, F: Fmt): bigint {
  const L = layout(F);
  const neg = rng.chance(0.5);
  const r = rng.below(100);
  if (r < 14) {
    const e = rng.pick([0, 0, 1, 2, L.bias - 1, L.bias, L.bias + 1, L.expMax - 1, L.expMax, L.expMax]);
    return pack(F, neg, e, specialFrac(rng, F));
  }
  const frac = rng.texturedBits(L.fracBits);
  if (r < 26) return pack(F, neg, 0, frac);
  if (r < 36) return pack(F, neg, L.expMax - 1 - rng.below(4), frac);
  if (r < 46) return pack(F, neg, 1 + rng.below(4), frac);
  if (r < 66) return pack(F, neg, L.bias - 12 + rng.below(25), frac);
  if (r < 80) {
    // Few significant bits: exact results and exact midpoints.
    const k = 1 + rng.below(12);
    const top = rng.bits(k) << BigInt(L.fracBits - k);
    return pack(F, neg, Math.min(L.expMax - 1, Math.max(1, L.bias - 40 + rng.below(81))), top);
  }
  return rng.bits(L.width);
}

/** A finite nonzero value with a random significand and an exponent in [bias+lo, bias+hi]. */
export function finiteNear(rng: Rng, F: Fmt, lo: number, hi: number): bigint {
  const L = layout(F);
  const e = Math.min(L.expMax - 1, Math.max(1, L.bias + lo + rng.below(hi - lo + 1)));
  return pack(F, rng.chance(0.5), e, rng.texturedBits(L.fracBits));
}

/** A second operand related to a: same or nearby exponent, a few ulps away, or a chosen alignment. */
export function related(rng: Rng, F: Fmt, a: bigint): bigint {
  const L = layout(F);
  const eA = Number((a >> BigInt(L.fracBits)) & BigInt(L.expMax));
  const neg = rng.chance(0.5);
  switch (rng.below(5)) {
    case 0: {
      // a few ulps from a (or from -a): cancellation
      const delta = BigInt(rng.below(5)) - 2n;
      const v = (a & ((1n << BigInt(L.width - 1)) - 1n)) + delta;
      return pack(F, neg, 0, 0n) | (v < 0n ? 0n : v);
    }
    case 1: {
      const e = eA + rng.below(7) - 3;
      return pack(F, neg, Math.min(L.expMax, Math.max(0, e)), rng.texturedBits(L.fracBits));
    }
    case 2: {
      // exponent gap around the precision: sticky and round-bit alignments
      const gap = rng.pick([F.p - 2, F.p - 1, F.p, F.p + 1, F.p + 2, 2 * F.p, 2 * F.p + 2]);
      const e = eA - gap;
      return pack(F, neg, Math.min(L.expMax, Math.max(0, e)), rng.texturedBits(L.fracBits));
    }
    case 3: {
      // few-bit significand at a nearby exponent
      const k = 1 + rng.below(F.p - 1);
      return pack(
        F,
        neg,
        Math.min(L.expMax - 1, Math.max(1, eA + rng.below(5) - 2)),
        rng.bits(k) << BigInt(L.fracBits - k),
      );
    }
    default:
      return randomFloat(rng, F);
  }
}

/**
 * b such that a*b (or a/b) lands near the underflow or the overflow threshold,
 * where tininess, subnormal rounding and overflow are decided.
 */
function thresholdPartner(rng: Rng, F: Fmt, a: bigint): bigint {
  const L = layout(F);
  const eA = Math.max(1, Number((a >> BigInt(L.fracBits)) & BigInt(L.expMax)));
  // Target biased result exponent: around 1 (reaching into the subnormals) or around the maximum.
  const target = rng.chance(0.7) ? 1 - rng.below(F.p + 2) + rng.below(3) : L.expMax - 2 + rng.below(3);
  const forDivision = rng.chance(0.5);
  const eB = forDivision ? eA - target + L.bias : target - eA + L.bias;
  return pack(F, rng.chance(0.5), Math.min(L.expMax - 1, Math.max(0, eB)), rng.texturedBits(L.fracBits));
}

/**
 * A value just below the smallest normal, 2^emin * (1 - w * 2^-(p+5)) for
 * w in [1, 64), as [m, e] with value m * 2^e. Rounded to nearest it becomes
 * 2^emin or the largest subnormal, and it is tiny after rounding or not
 * depending on w: the cases where tininess before and after rounding differ.
 */
function belowMinNormal(rng: Rng, F: Fmt): [bigint, number] {
  return [(1n << BigInt(F.p + 5)) - BigInt(1 + rng.below(63)), F.emin - F.p - 5];
}

/** RN(m * 2^e / v) for a finite nonzero v (bits), as bits. */
function quotientBits(F: Fmt, m: bigint, e: number, v: bigint): bigint {
  const x = decode(F, v);
  const neg = m < 0n !== x.neg;
  const mag = m < 0n ? -m : m;
  const d = e - x.e;
  return roundRational(F, neg, mag << BigInt(Math.max(d, 0)), x.m << BigInt(Math.max(-d, 0)), RNE).bits;
}

/** a, b with a*b or a/b just below the smallest normal (see belowMinNormal). */
function underflowPair(rng: Rng, F: Fmt): [bigint, bigint] {
  const [m, e] = belowMinNormal(rng, F);
  const a = finiteNear(rng, F, -8, 8);
  if (rng.chance(0.5)) return [a, quotientBits(F, m, e, a)];
  // a' / a ~ t: a' = RN(t * a)
  const x = decode(F, a);
  return [roundScaled(F, x.neg, m * x.m, e + x.e, RNE).bits, a];
}

/** Operands for a binary operation. */
export function randomPair(rng: Rng, F: Fmt): [bigint, bigint] {
  const a = randomFloat(rng, F);
  const r = rng.below(20);
  if (r < 2) return underflowPair(rng, F);
  const b = r < 8 ? related(rng, F, a) : r < 12 ? thresholdPartner(rng, F, a) : randomFloat(rng, F);
  return rng.chance(0.5) ? [a, b] : [b, a];
}

/** a, b, c with a*b + c just below the smallest normal: c on the grid near 2^emin, a*b the small residual. */
function underflowTriple(rng: Rng, F: Fmt): [bigint, bigint, bigint] {
  const [m, e] = belowMinNormal(rng, F);
  // c = 2^emin - j ulps (subnormal spacing 2^(emin-p+1)), j in [-2, 3]
  const j = BigInt(rng.below(6)) - 2n;
  const cm = (1n << BigInt(F.p - 1)) - j;
  const ce = F.emin - F.p + 1;
  const c = roundScaled(F, false, cm, ce, RNE).bits;
  const r = m - (cm << BigInt(ce - e)); // t - c at exponent e
  const a = finiteNear(rng, F, -4, 4);
  const b = r === 0n ? 0n : quotientBits(F, r, e, a);
  const flip = rng.chance(0.5) ? 1n << BigInt(F.width - 1) : 0n;
  return [a ^ flip, b, c ^ flip];
}

/** An exact square (so sqrt is exact or near a midpoint), or a random value. */
export function sqrtOperand(rng: Rng, F: Fmt): bigint {
  if (rng.chance(0.3)) {
    const k = 1 + rng.below(Math.floor(F.p / 2) + 2);
    const r = rng.bits(k) | 1n;
    const e = rng.below(60) - 30;
    return roundScaled(F, false, r * r, 2 * e, RNE).bits;
  }
  return randomFloat(rng, F);
}

/** Operands for a*b+c: random, a cancelling addend, or an addend that puts the sum near a rounding midpoint. */
export function randomTriple(rng: Rng, F: Fmt): [bigint, bigint, bigint] {
  const [a, b] = randomPair(rng, F);
  const x = decode(F, a);
  const y = decode(F, b);
  const r = rng.below(10);
  if (r === 0) return underflowTriple(rng, F);
  if (r < 4 || x.kind !== "finite" || y.kind !== "finite") return [a, b, randomFloat(rng, F)];
  const pm = x.m * y.m;
  const pe = x.e + y.e;
  const pneg = x.neg !== y.neg;
  if (r < 6) {
    // c = -(a*b rounded), a few ulps off: massive cancellation
    const p = mul(F, a, b, RNE).bits ^ (1n << BigInt(F.width - 1));
    return [a, b, p + BigInt(rng.below(5)) - 2n];
  }
  // Target t = the product scaled by 2^k, then c = RN(t' - a*b) where t' is t
  // or the midpoint above t, so the exact sum sits at or next to a midpoint.
  const k = rng.below(8) - 2;
  const t = roundScaled(F, pneg, pm, pe + k, RNE).bits;
  const tv = decode(F, t);
  if (tv.kind !== "finite") return [a, b, randomFloat(rng, F)];
  const tm = tv.m * 2n + (rng.chance(0.7) ? 1n : 0n); // the midpoint above t, or t
  const te = tv.e - 1;
  const e = Math.min(te, pe);
  const tn = (tv.neg ? -tm : tm) << BigInt(te - e);
  const pn = (pneg ? -pm : pm) << BigInt(pe - e);
  const diff = tn - pn;
  if (diff === 0n) return [a, b, 0n];
  return [a, b, roundScaled(F, diff < 0n, diff < 0n ? -diff : diff, e, RNE).bits];
}

/** A value near an integer-conversion boundary: k + {0, ±1/2, ±tiny}, k spanning the int32/int64 limits. */
export function convertOperand(rng: Rng, F: Fmt): bigint {
  if (rng.chance(0.35)) return randomFloat(rng, F);
  const base = rng.pick([0n, 1n, 2n, 3n, 1n << 31n, 1n << 32n, 1n << 63n, 1n << 64n, 1n << 52n, 1n << 23n]);
  const k = (base + BigInt(rng.below(5)) - 2n) * (rng.chance(0.4) ? -1n : 1n);
  // (2k + f) / 2 with f in {0, ±1, ±small}: exact integers, halves, and near misses.
  const f = rng.pick([0n, 1n, -1n, 0n]);
  const scale = 1 + rng.below(60);
  let num = (2n * k + f) << BigInt(scale);
  num += BigInt(rng.below(3)) - 1n; // nudge by 2^-(scale+1)
  if (num === 0n) return 0n;
  return roundScaled(F, num < 0n, num < 0n ? -num : num, -(scale + 1), RNE).bits;
}

/** A 64-bit integer pattern (unsigned bits) for int-to-float conversions: varied lengths and rounding-boundary tails. */
export function randomIntBits(rng: Rng): bigint {
  const r = rng.below(4);
  if (r === 0) return rng.bits(64);
  const len = 1 + rng.below(64);
  let v = rng.texturedBits(len) | (1n << BigInt(len - 1));
  if (r === 1 && len > 25) {
    // tail 1000...0 or 0111...1 below a 24- or 53-bit head: midpoints and near misses
    const p = rng.pick([24, 53]);
    if (len > p) {
      const tail = len - p;
      const head = v >> BigInt(tail);
      const mid = 1n << BigInt(tail - 1);
      v = (head << BigInt(tail)) | (mid + BigInt(rng.below(3)) - 1n);
    }
  }
  return BigInt.asUintN(64, rng.chance(0.4) ? -v : v);
}

/** A double near the single range, for fcvt.s.d: in range, subnormal, overflowing, or on a single midpoint. */
export function doubleForNarrowing(rng: Rng): bigint {
  switch (rng.below(5)) {
    case 0:
      return randomFloat(rng, F64);
    case 1:
      return finiteNear(rng, F64, -160, -120);
    case 2:
      return finiteNear(rng, F64, 120, 130);
    case 3: {
      if (rng.chance(0.3)) {
        const [m, e] = belowMinNormal(rng, F32);
        return roundScaled(F64, rng.chance(0.5), m, e, RNE).bits;
      }
      // low 29 significand bits 100...0 (a single midpoint) or one off it
      const v = finiteNear(rng, F64, -150, 130);
      return (v & ~0x1fffffffn) | (0x10000000n + BigInt(rng.below(3)) - 1n);
    }
    default:
      return finiteNear(rng, F64, -30, 30);
  }
}
