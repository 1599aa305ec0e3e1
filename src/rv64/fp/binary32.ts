// binary32 operations for the F extension (Unpriv §20). Operands and results
// are the 32 bits of a single (NaN-boxing is the caller's business); flags
// are left in fres.flags.
//
// Fast path: singles widen exactly to doubles, and for + - * / sqrt a double
// result rounded again to single is the correctly rounded single under
// round-to-nearest-even (53 >= 2 * 24 + 2: the double rounding is innocuous,
// Figueroa 1995). The result is exact when the double operation was exact and
// the single equals the double; an inexact result clear of the subnormal
// range and of overflow raises NX alone. Other cases go to the exact core.
import {
  CANONICAL_NAN_S,
  FLAG_NV,
  FLAG_NX,
  MIN_NORMAL_S,
  RM_RNE,
  bitsOfF32,
  bitsOfF64,
  f32FromBits,
  fres,
  isNaNS,
  isSignallingS,
} from "./common.js";
import { FMT_S, addSlow, divSlow, fmaSlow, mulSlow, sqrtSlow } from "./softfloat.js";

/** The bits of the last fast-path result that finished. */
let fastBits = 0;

/**
 * Finishes a fast-path result: `f` is the single rounding of the exact
 * value, `exact` whether the two are equal. Sets fastBits and fres.flags, or
 * returns false when the case needs the exact core: a NaN, or an inexact
 * result that may have overflowed or underflowed.
 */
function finished(f: number, exact: boolean): boolean {
  if (exact) {
    fres.flags = 0;
  } else {
    const m = Math.abs(f);
    if (!(m > MIN_NORMAL_S && m < Infinity)) return false;
    fres.flags = FLAG_NX;
  }
  fastBits = bitsOfF32(f);
  return true;
}

export function addS(a: number, b: number, rm: number): number {
  if (rm === RM_RNE) {
    const x = f32FromBits(a);
    const y = f32FromBits(b);
    const d = x + y;
    const f = Math.fround(d);
    // d is exact iff subtracting either operand gives back the other exactly
    // (one of the two subtractions is always exact, Fast2Sum).
    if (finished(f, f === d && d - x === y && d - y === x)) return fastBits;
  }
  return addSlow(FMT_S, a, 0, b, 0, rm);
}

export function subS(a: number, b: number, rm: number): number {
  return addS(a, b ^ 0x80000000, rm);
}

export function mulS(a: number, b: number, rm: number): number {
  if (rm === RM_RNE) {
    // The 48-bit product of two singles is exact in a double.
    const d = f32FromBits(a) * f32FromBits(b);
    const f = Math.fround(d);
    if (finished(f, f === d)) return fastBits;
  }
  return mulSlow(FMT_S, a, 0, b, 0, rm);
}

export function divS(a: number, b: number, rm: number): number {
  if (rm === RM_RNE) {
    const x = f32FromBits(a);
    const y = f32FromBits(b);
    const f = Math.fround(x / y);
    // f * y is exact in a double (24 x 24 bits), so it equals x iff the quotient is f.
    if (finished(f, f * y === x)) return fastBits;
  }
  return divSlow(FMT_S, a, 0, b, 0, rm);
}

export function sqrtS(a: number, rm: number): number {
  if (rm === RM_RNE) {
    const x = f32FromBits(a);
    const f = Math.fround(Math.sqrt(x));
    if (finished(f, f * f === x)) return fastBits;
  }
  return sqrtSlow(FMT_S, a, 0, rm);
}

/**
 * a * b + c rounded once. The product is exact in a double and TwoSum gives
 * the error of the double sum s. If s is exact, rounding it to single is the
 * one rounding. If not, rounding s still gives the right single unless s lies
 * exactly halfway between two singles (its 29 low significand bits are
 * 1000...0), where the discarded error decides the tie: that case, and any
 * result that may underflow, go to the exact core.
 */
export function fmaS(a: number, b: number, c: number, rm: number): number {
  if (rm === RM_RNE) {
    const p = f32FromBits(a) * f32FromBits(b);
    const z = f32FromBits(c);
    const s = p + z;
    const bv = s - p;
    const e = p - (s - bv) + (z - bv);
    const f = Math.fround(s);
    if (e === 0 || (bitsOfF64(s) & 0x1fffffff) !== 0x10000000) {
      if (finished(f, e === 0 && f === s)) return fastBits;
    }
  }
  return fmaSlow(FMT_S, a, 0, b, 0, c, 0, rm);
}

// ---- operations without rounding (Unpriv §20.6, §21.8, §21.9)

/** fmin.s / fmax.s: minimumNumber/maximumNumber, -0 below +0, NV for a signalling NaN. */
export function minMaxS(a: number, b: number, isMax: boolean): number {
  const aNaN = isNaNS(a);
  const bNaN = isNaNS(b);
  if (aNaN || bNaN) {
    fres.flags = isSignallingS(a) || isSignallingS(b) ? FLAG_NV : 0;
    if (aNaN && bNaN) return CANONICAL_NAN_S;
    return aNaN ? b : a;
  }
  fres.flags = 0;
  const x = f32FromBits(a);
  const y = f32FromBits(b);
  const pickA = x === y ? a < 0 !== isMax : x < y !== isMax;
  return pickA ? a : b;
}

/** feq.s: quiet comparison. */
export function eqS(a: number, b: number): number {
  if (isNaNS(a) || isNaNS(b)) {
    fres.flags = isSignallingS(a) || isSignallingS(b) ? FLAG_NV : 0;
    return 0;
  }
  fres.flags = 0;
  return f32FromBits(a) === f32FromBits(b) ? 1 : 0;
}

/** flt.s / fle.s: signalling comparisons. */
export function ltS(a: number, b: number, orEqual: boolean): number {
  if (isNaNS(a) || isNaNS(b)) {
    fres.flags = FLAG_NV;
    return 0;
  }
  fres.flags = 0;
  const x = f32FromBits(a);
  const y = f32FromBits(b);
  return x < y || (orEqual && x === y) ? 1 : 0;
}

/** fclass.s: the one-hot class mask of Unpriv §20.9. */
export function classifyS(a: number): number {
  const neg = a < 0;
  const e = (a >>> 23) & 0xff;
  const frac = a & 0x7fffff;
  if (e === 0xff) {
    if (frac === 0) return neg ? 1 << 0 : 1 << 7;
    return (frac & 0x400000) !== 0 ? 1 << 9 : 1 << 8;
  }
  if (e === 0) {
    if (frac === 0) return neg ? 1 << 3 : 1 << 4;
    return neg ? 1 << 2 : 1 << 5;
  }
  return neg ? 1 << 1 : 1 << 6;
}
