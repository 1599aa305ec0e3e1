// Conversions (Unpriv §20.7, §21.5): between single and double, from
// floating point to integers with the spec's saturation, and from integers
// to floating point. Results as in binary64.ts: a 64-bit result's low word
// is returned, its high word left in fres.hi, flags in fres.flags.
import {
  CANONICAL_NAN_D_HI,
  FLAG_NV,
  FLAG_NX,
  MIN_NORMAL_S,
  RM_RDN,
  RM_RMM,
  RM_RNE,
  RM_RTZ,
  RM_RUP,
  bitsOfF32,
  bitsOfF64,
  f32FromBits,
  f64FromBits,
  fres,
  isNaNS,
  isSignallingS,
} from "./common.js";
import { FMT_D, FMT_S, convertSlow, fromIntSlow } from "./softfloat.js";

// ---- between formats

/** fcvt.s.d: rounds the double hi:lo to a single's bits. */
export function singleFromDouble(lo: number, hi: number, rm: number): number {
  if (rm === RM_RNE) {
    const x = f64FromBits(lo, hi);
    const f = Math.fround(x);
    if (f === x) {
      fres.flags = 0;
      return bitsOfF32(f);
    }
    const m = Math.abs(f);
    if (m > MIN_NORMAL_S && m < Infinity) {
      fres.flags = FLAG_NX;
      return bitsOfF32(f);
    }
  }
  return convertSlow(FMT_S, FMT_D, lo, hi, rm);
}

/** fcvt.d.s: widens a single exactly; a NaN becomes the canonical NaN (NV if it signals). */
export function doubleFromSingle(a: number): number {
  if (isNaNS(a)) {
    fres.flags = isSignallingS(a) ? FLAG_NV : 0;
    fres.hi = CANONICAL_NAN_D_HI;
    return 0;
  }
  fres.flags = 0;
  return bitsOfF64(f32FromBits(a));
}

// ---- floating point to integer

export const INT_W = 0;
export const INT_WU = 1;
export const INT_L = 2;
export const INT_LU = 3;

// Per target: the smallest valid integer, the first integer above the range
// (both exact doubles), and the saturated results as (lo, hi) words. W and WU
// results are sign-extended to 64 bits (Unpriv §20.7).
const RANGE_MIN = [-2147483648, 0, -9223372036854775808, 0];
const RANGE_END = [2147483648, 4294967296, 9223372036854775808, 18446744073709551616];
const SAT_MIN_LO = [0x80000000 | 0, 0, 0, 0];
const SAT_MIN_HI = [-1, 0, 0x80000000 | 0, 0];
const SAT_MAX_LO = [0x7fffffff, -1, -1, -1];
const SAT_MAX_HI = [0, -1, 0x7fffffff, -1];

/** x (finite) rounded to an integral value in direction rm. */
export function roundToIntegral(x: number, rm: number): number {
  const t = Math.trunc(x);
  const f = x - t;
  if (f === 0) return t;
  switch (rm) {
    case RM_RTZ:
      return t;
    case RM_RDN:
      return f < 0 ? t - 1 : t;
    case RM_RUP:
      return f > 0 ? t + 1 : t;
    case RM_RMM:
      return Math.abs(f) >= 0.5 ? t + Math.sign(f) : t;
    default: {
      const af = Math.abs(f);
      return af > 0.5 || (af === 0.5 && t % 2 !== 0) ? t + Math.sign(f) : t;
    }
  }
}

/**
 * fcvt.{w,wu,l,lu}.{s,d} of the value x (any double, NaN included; singles
 * widen exactly). Unpriv §20.7: NaN and values above the range give
 * the largest integer, values below it the smallest, both with NV only; an
 * in-range inexact conversion raises NX. The range is checked after
 * rounding, so -0.9 converts to an unsigned 0 when rounding towards zero.
 */
export function floatToInt(x: number, rm: number, kind: number): number {
  const r = x === x && x - x === 0 ? roundToIntegral(x, rm) : x;
  if (!(r >= RANGE_MIN[kind])) {
    fres.flags = FLAG_NV;
    // NaN also fails the test above and saturates high.
    fres.hi = r !== r ? SAT_MAX_HI[kind] : SAT_MIN_HI[kind];
    return r !== r ? SAT_MAX_LO[kind] : SAT_MIN_LO[kind];
  }
  if (r >= RANGE_END[kind]) {
    fres.flags = FLAG_NV;
    fres.hi = SAT_MAX_HI[kind];
    return SAT_MAX_LO[kind];
  }
  fres.flags = r !== x ? FLAG_NX : 0;
  if (kind <= INT_WU) {
    const v = r | 0;
    fres.hi = v >> 31;
    return v;
  }
  const m = Math.abs(r);
  const hi = Math.floor(m / 4294967296);
  const lo = (m - hi * 4294967296) | 0;
  if (r < 0) {
    fres.hi = (~hi + (lo === 0 ? 1 : 0)) | 0;
    return -lo | 0;
  }
  fres.hi = hi | 0;
  return lo;
}

// ---- integer to floating point

/**
 * Whether the 64-bit integer hi:lo lies in [-2^53, 2^53) (signed) or below
 * 2^53 (unsigned): then it is an exact number.
 */
export function fitsNumber(hi: number, signed: boolean): boolean {
  return signed ? (hi + 0x200000) >>> 0 < 0x400000 : hi >>> 0 < 0x200000;
}

/** fcvt.d.{w,wu,l,lu}: returns the low word of the double, high word in fres.hi. */
export function doubleFromInt(lo: number, hi: number, signed: boolean, rm: number): number {
  if (fitsNumber(hi, signed)) {
    // Exact whatever the rounding mode.
    fres.flags = 0;
    return bitsOfF64((signed ? hi : hi >>> 0) * 4294967296 + (lo >>> 0));
  }
  return fromIntSlow(FMT_D, lo, hi, signed, rm);
}

/** fcvt.s.{w,wu,l,lu}: returns the single's bits. */
export function singleFromInt(lo: number, hi: number, signed: boolean, rm: number): number {
  if (rm === RM_RNE && fitsNumber(hi, signed)) {
    const n = (signed ? hi : hi >>> 0) * 4294967296 + (lo >>> 0);
    const f = Math.fround(n);
    fres.flags = f !== n ? FLAG_NX : 0;
    return bitsOfF32(f);
  }
  return fromIntSlow(FMT_S, lo, hi, signed, rm);
}
