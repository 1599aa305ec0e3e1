// binary16 operations for the Zfh extension (Unpriv §23). Operands and
// results are a half's 16 bits (NaN-boxing is the caller's business); flags
// are left in fres.flags.
//
// Every half is exactly a double, so each operation computes a double and
// rounds it once to half (roundToHalf) in the instruction's rounding mode.
// That gives the correctly rounded half, with its flags, in every mode when
// the double rounds to half as the exact result does. Call a number with at
// most 12 significant bits a boundary: the halves and the midpoints between
// them, where rounding to half changes its mind (also for the
// unbounded-exponent rounding that decides tininess). Then:
// - a sum, difference or product of two halves is exact in a double;
// - a quotient or square root rounded to double is never a boundary unless
//   it is exact: were q = x/y rounded a boundary, q*y and x would both be
//   multiples of ulp(q)*ulp(y), at most 2^23 of them apart, so they could not
//   differ by the 2^-53 relative error of a rounding (likewise q*q and x for
//   a root). No boundary lies between an inexact result and the exact value
//   either, or rounding to nearest would have picked it;
// - a fused multiply-add sums its exact product rounded to odd (TwoSum gives
//   the sum's error), and a round-to-odd to 53 bits rounds to 11 bits as the
//   exact value does (Boldo and Melquiond, 2008).
import {
  CANONICAL_NAN_D_HI,
  CANONICAL_NAN_H,
  CANONICAL_NAN_S,
  FLAG_DZ,
  FLAG_NV,
  FLAG_NX,
  FLAG_OF,
  FLAG_UF,
  RM_RDN,
  RM_RMM,
  RM_RNE,
  RM_RUP,
  bitsOfF32,
  bitsOfF64,
  f32FromBits,
  f64FromBits,
  fres,
  isNaND,
  isNaNH,
  isNaNS,
  isSignallingD,
  isSignallingH,
  isSignallingS,
} from "./common.js";
import { fitsNumber } from "./convert.js";

const SIGN = 0x8000;
const INF = 0x7c00;
const MAX_FINITE = 0x7bff;

/** POW2[k + 32] = 2^k for -32 <= k < 32, the scalings between halves' units and integers. */
const POW2 = new Float64Array(64);
for (let k = -32; k < 32; k++) POW2[k + 32] = 2 ** k;

/** The value of a half (exact as a double); NaN for a NaN. */
export function f16FromBits(bits: number): number {
  const e = (bits >>> 10) & 0x1f;
  const f = bits & 0x3ff;
  let v: number;
  if (e === 0) v = f * POW2[32 - 24];
  else if (e === 0x1f) v = f === 0 ? Infinity : NaN;
  else v = (f | 0x400) * POW2[32 + e - 25];
  return (bits & SIGN) !== 0 ? -v : v;
}

/** IEEE 754 §7.4: overflow gives infinity or the largest finite half, by rounding direction. */
function overflow(sign: number, rm: number): number {
  fres.flags = FLAG_OF | FLAG_NX;
  const toInf = rm === RM_RNE || rm === RM_RMM || rm === (sign !== 0 ? RM_RDN : RM_RUP);
  return sign | (toInf ? INF : MAX_FINITE);
}

/** Whether an inexact value n + frac (0 < frac < 1, magnitude, sign as given) rounds up to n + 1. */
function roundsUp(n: number, frac: number, sign: number, rm: number): boolean {
  switch (rm) {
    case RM_RNE:
      return frac > 0.5 || (frac === 0.5 && (n & 1) !== 0);
    case RM_RDN:
      return sign !== 0;
    case RM_RUP:
      return sign === 0;
    case RM_RMM:
      return frac >= 0.5;
    default:
      return false;
  }
}

/**
 * Rounds the double x (not a NaN) to a half in mode rm, raising NX, UF and
 * OF in fres.flags. Unpriv §20.4 detects tininess after rounding: x is tiny
 * when rounding it to 11 bits with an unbounded exponent stays below 2^-14.
 */
export function roundToHalf(x: number, rm: number): number {
  fres.flags = 0;
  bitsOfF64(x);
  const sign = (fres.hi >>> 16) & SIGN;
  // The binade of |x| (-1023 for zero and double subnormals, 1024 for infinity).
  const e = ((fres.hi >>> 20) & 0x7ff) - 1023;
  if (e >= 16) return e === 1024 ? sign | INF : overflow(sign, rm);
  const a = Math.abs(x);
  if (a === 0) return sign;
  // The exponent of a unit in the half's last place: m = a / 2^q < 2^11 is exact.
  const q = e < -14 ? -24 : e - 10;
  const m = a * POW2[32 - q];
  let n = Math.floor(m);
  const frac = m - n;
  if (frac !== 0) {
    fres.flags = FLAG_NX;
    if (e < -14) {
      // Just below 2^-14 the unbounded rounding (one bit finer) may still reach 2^-14.
      let tiny = true;
      if (e === -15) {
        const m2 = 2 * m;
        const n2 = Math.floor(m2);
        tiny = !(n2 === 2047 && m2 !== n2 && roundsUp(n2, m2 - n2, sign, rm));
      }
      if (tiny) fres.flags |= FLAG_UF;
    }
    if (roundsUp(n, frac, sign, rm)) n++;
  }
  // A subnormal's bits are n; n = 1024 is the smallest normal, which encodes the same way.
  if (q === -24) return sign | n;
  // n in [1024, 2048]: n = 2048 carries into the exponent field, as it should.
  const bits = ((e + 15) << 10) + n - 1024;
  if (bits >= INF) return overflow(sign, rm);
  return sign | bits;
}

/** A NaN operand (Unpriv §20.3): the canonical NaN, NV if an operand signals. */
function nanOperands(a: number, b: number): number {
  fres.flags = isSignallingH(a) || isSignallingH(b) ? FLAG_NV : 0;
  return CANONICAL_NAN_H;
}

/** Invalid operation (IEEE 754 §7.2): NV and the canonical NaN. */
function invalid(): number {
  fres.flags = FLAG_NV;
  return CANONICAL_NAN_H;
}

// ---- arithmetic (Unpriv §23.2, defined as the single-precision §20.6)

export function addH(a: number, b: number, rm: number): number {
  if (isNaNH(a) || isNaNH(b)) return nanOperands(a, b);
  let s = f16FromBits(a) + f16FromBits(b);
  if (s !== s) return invalid();
  // IEEE 754 §6.3: an exact zero sum is -0 when rounding down unless both addends are +0.
  if (s === 0 && rm === RM_RDN && (a | b) !== 0) s = -0;
  return roundToHalf(s, rm);
}

export function subH(a: number, b: number, rm: number): number {
  return addH(a, b ^ SIGN, rm);
}

export function mulH(a: number, b: number, rm: number): number {
  if (isNaNH(a) || isNaNH(b)) return nanOperands(a, b);
  const p = f16FromBits(a) * f16FromBits(b);
  if (p !== p) return invalid();
  return roundToHalf(p, rm);
}

export function divH(a: number, b: number, rm: number): number {
  if (isNaNH(a) || isNaNH(b)) return nanOperands(a, b);
  const x = f16FromBits(a);
  const y = f16FromBits(b);
  if (y === 0 && x !== 0 && x - x === 0) {
    fres.flags = FLAG_DZ;
    return ((a ^ b) & SIGN) | INF;
  }
  const q = x / y;
  if (q !== q) return invalid();
  return roundToHalf(q, rm);
}

export function sqrtH(a: number, rm: number): number {
  if (isNaNH(a)) return nanOperands(a, a);
  const x = f16FromBits(a);
  // sqrt(-0) is -0; anything else below zero is invalid.
  if (x < 0) return invalid();
  return roundToHalf(Math.sqrt(x), rm);
}

/** a * b + c rounded once (the caller has applied the fmsub/fnmadd negations to the bits). */
export function fmaH(a: number, b: number, c: number, rm: number): number {
  const x = f16FromBits(a);
  const y = f16FromBits(b);
  const infTimesZero = (x === 0 && Math.abs(y) === Infinity) || (y === 0 && Math.abs(x) === Infinity);
  if (isNaNH(a) || isNaNH(b) || isNaNH(c)) {
    // Unpriv §20.6: 0 * inf raises NV even when the addend is a quiet NaN.
    fres.flags = infTimesZero || isSignallingH(a) || isSignallingH(b) || isSignallingH(c) ? FLAG_NV : 0;
    return CANONICAL_NAN_H;
  }
  const p = x * y;
  const z = f16FromBits(c);
  let s = p + z;
  if (s !== s) return invalid();
  if (s - s === 0) {
    // TwoSum (Knuth): err is exactly p + z - s.
    const bv = s - p;
    const err = p - (s - bv) + (z - bv);
    if (err !== 0) {
      // Round to odd: an even s moves one unit towards the exact value.
      let lo = bitsOfF64(s);
      let hi = fres.hi;
      if ((lo & 1) === 0) {
        if (s > 0 === err > 0) lo |= 1;
        else {
          if (lo === 0) hi = (hi - 1) | 0;
          lo = (lo - 1) | 0;
        }
        s = f64FromBits(lo, hi);
      }
    } else if (s === 0 && rm === RM_RDN && !(p === 0 && ((a ^ b) & SIGN) === 0 && c === 0)) {
      // IEEE 754 §6.3, as in addH: the product's sign counts for a zero product.
      s = -0;
    }
  }
  return roundToHalf(s, rm);
}

// ---- operations without rounding (Unpriv §23.2, §23.4, §23.5, defined as for singles)

/** fmin.h / fmax.h: minimumNumber/maximumNumber, -0 below +0, NV for a signalling NaN. */
export function minMaxH(a: number, b: number, isMax: boolean): number {
  const aNaN = isNaNH(a);
  const bNaN = isNaNH(b);
  if (aNaN || bNaN) {
    fres.flags = isSignallingH(a) || isSignallingH(b) ? FLAG_NV : 0;
    if (aNaN && bNaN) return CANONICAL_NAN_H;
    return aNaN ? b : a;
  }
  fres.flags = 0;
  const x = f16FromBits(a);
  const y = f16FromBits(b);
  const pickA = x === y ? ((a & SIGN) !== 0) !== isMax : x < y !== isMax;
  return pickA ? a : b;
}

/** feq.h: quiet comparison. */
export function eqH(a: number, b: number): number {
  if (isNaNH(a) || isNaNH(b)) {
    fres.flags = isSignallingH(a) || isSignallingH(b) ? FLAG_NV : 0;
    return 0;
  }
  fres.flags = 0;
  return f16FromBits(a) === f16FromBits(b) ? 1 : 0;
}

/** flt.h / fle.h: signalling comparisons. */
export function ltH(a: number, b: number, orEqual: boolean): number {
  if (isNaNH(a) || isNaNH(b)) {
    fres.flags = FLAG_NV;
    return 0;
  }
  fres.flags = 0;
  const x = f16FromBits(a);
  const y = f16FromBits(b);
  return x < y || (orEqual && x === y) ? 1 : 0;
}

/** fclass.h: the one-hot class mask of Unpriv §20.9. */
export function classifyH(a: number): number {
  const neg = (a & SIGN) !== 0;
  const e = (a >>> 10) & 0x1f;
  const frac = a & 0x3ff;
  if (e === 0x1f) {
    if (frac === 0) return neg ? 1 << 0 : 1 << 7;
    return (frac & 0x200) !== 0 ? 1 << 9 : 1 << 8;
  }
  if (e === 0) {
    if (frac === 0) return neg ? 1 << 3 : 1 << 4;
    return neg ? 1 << 2 : 1 << 5;
  }
  return neg ? 1 << 1 : 1 << 6;
}

// ---- conversions (Unpriv §23.3): a NaN becomes the canonical NaN, NV if it signals.

/** fcvt.h.s: rounds a single's bits to a half. */
export function halfFromSingle(a: number, rm: number): number {
  if (isNaNS(a)) {
    fres.flags = isSignallingS(a) ? FLAG_NV : 0;
    return CANONICAL_NAN_H;
  }
  return roundToHalf(f32FromBits(a), rm);
}

/** fcvt.h.d: rounds the double hi:lo to a half. */
export function halfFromDouble(lo: number, hi: number, rm: number): number {
  if (isNaND(lo, hi)) {
    fres.flags = isSignallingD(lo, hi) ? FLAG_NV : 0;
    return CANONICAL_NAN_H;
  }
  return roundToHalf(f64FromBits(lo, hi), rm);
}

/** fcvt.s.h: widens a half to a single's bits, exactly. */
export function singleFromHalf(a: number): number {
  if (isNaNH(a)) {
    fres.flags = isSignallingH(a) ? FLAG_NV : 0;
    return CANONICAL_NAN_S;
  }
  fres.flags = 0;
  return bitsOfF32(f16FromBits(a));
}

/** fcvt.d.h: widens a half exactly; returns the double's low word, the high word in fres.hi. */
export function doubleFromHalf(a: number): number {
  if (isNaNH(a)) {
    fres.flags = isSignallingH(a) ? FLAG_NV : 0;
    fres.hi = CANONICAL_NAN_D_HI;
    return 0;
  }
  fres.flags = 0;
  return bitsOfF64(f16FromBits(a));
}

/** fcvt.h.{w,wu,l,lu}: the 64-bit integer hi:lo (signed or unsigned) rounded to a half. */
export function halfFromInt(lo: number, hi: number, signed: boolean, rm: number): number {
  // Beyond 2^53 in magnitude every mode overflows, as it does at 2^53 itself.
  let n = signed && hi < 0 ? -9007199254740992 : 9007199254740992;
  if (fitsNumber(hi, signed)) n = (signed ? hi : hi >>> 0) * 4294967296 + (lo >>> 0);
  return roundToHalf(n, rm);
}
