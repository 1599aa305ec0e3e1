// binary64 operations for the D extension (Unpriv §21). Operands and results
// are raw bits as int32 halves; a function returns the low word and leaves
// the high word in fres.hi and the exception flags in fres.flags.
//
// Fast path: with round-to-nearest-even (what compiled code runs in), the
// native double result is the IEEE result whenever it is finite and clear of
// the subnormal range; then the only flag left to find is NX, which an
// error-free transformation or a trailing-zero count settles without
// rounding again. Everything else goes to the exact core (softfloat.ts).
import {
  CANONICAL_NAN_D_HI,
  FLAG_NV,
  FLAG_NX,
  MIN_NORMAL_D,
  RM_RNE,
  bitsOfF64,
  f64FromBits,
  fres,
  isNaND,
  isSignallingD,
} from "./common.js";
import { FMT_D, addSlow, divSlow, fmaSlow, mulSlow, sqrtSlow } from "./softfloat.js";

/** Dekker's splitting constant 2^27 + 1 (Veltkamp split into two 26-bit halves). */
const SPLIT = 134217729;

function expField(hi: number): number {
  return (hi >>> 20) & 0x7ff;
}

/** Trailing zeros of a normal double's 53-bit significand 1.f (52 when f = 0). */
function significandTrailingZeros(lo: number, hi: number): number {
  if (lo !== 0) return 31 - Math.clz32(lo & -lo);
  const h = (hi & 0xfffff) | 0x100000;
  return 63 - Math.clz32(h & -h);
}

/**
 * Whether the exact product x * y of two normal doubles equals p, its
 * rounding to a normal double with high word pHi. The significand product
 * has 104 or 105 bits above its tz(x) + tz(y) trailing zeros; it fits in 53
 * bits if tz >= 53, never if tz < 52, and at 52 only when it is below 2^105,
 * which shows as p's exponent being the sum of the operands' exponents.
 */
function productExact(xLo: number, xHi: number, yLo: number, yHi: number, pHi: number): boolean {
  const tz = significandTrailingZeros(xLo, xHi) + significandTrailingZeros(yLo, yHi);
  if (tz >= 53) return true;
  return tz === 52 && expField(pHi) === expField(xHi) + expField(yHi) - 1023;
}

export function addD(aLo: number, aHi: number, bLo: number, bHi: number, rm: number): number {
  if (rm === RM_RNE) {
    const a = f64FromBits(aLo, aHi);
    const b = f64FromBits(bLo, bHi);
    const s = a + b;
    // A finite sum of finite operands cannot overflow, and a sum below 2^-1022
    // is exact, so it cannot underflow: only NX remains, which TwoSum's exact
    // error term (Knuth) gives.
    if (s - s === 0) {
      const bv = s - a;
      fres.flags = a - (s - bv) + (b - bv) !== 0 ? FLAG_NX : 0;
      return bitsOfF64(s);
    }
  }
  return addSlow(FMT_D, aLo, aHi, bLo, bHi, rm);
}

export function subD(aLo: number, aHi: number, bLo: number, bHi: number, rm: number): number {
  return addD(aLo, aHi, bLo, bHi ^ 0x80000000, rm);
}

export function mulD(aLo: number, aHi: number, bLo: number, bHi: number, rm: number): number {
  if (rm === RM_RNE && expField(aHi) !== 0 && expField(bHi) !== 0) {
    const p = f64FromBits(aLo, aHi) * f64FromBits(bLo, bHi);
    const m = Math.abs(p);
    if (m > MIN_NORMAL_D && m < Infinity) {
      const lo = bitsOfF64(p);
      fres.flags = productExact(aLo, aHi, bLo, bHi, fres.hi) ? 0 : FLAG_NX;
      return lo;
    }
  }
  return mulSlow(FMT_D, aLo, aHi, bLo, bHi, rm);
}

export function divD(aLo: number, aHi: number, bLo: number, bHi: number, rm: number): number {
  const ea = expField(aHi);
  const eb = expField(bHi);
  // a at least 2^-1021 keeps q * b (within 2^-53 of a) clear of the subnormal range.
  if (rm === RM_RNE && ea >= 2 && ea !== 0x7ff && eb !== 0 && eb !== 0x7ff) {
    const a = f64FromBits(aLo, aHi);
    const b = f64FromBits(bLo, bHi);
    const q = a / b;
    const m = Math.abs(q);
    if (m > MIN_NORMAL_D && m < Infinity) {
      const lo = bitsOfF64(q);
      const hi = fres.hi;
      // q is exact iff q * b = a exactly: the product must fit 53 bits
      // (trailing-zero count, as in productExact, with a as the rounded product).
      const tz = significandTrailingZeros(lo, hi) + significandTrailingZeros(bLo, bHi);
      const exact = tz >= 52 && q * b === a && (tz >= 53 || ea === expField(hi) + eb - 1023);
      fres.flags = exact ? 0 : FLAG_NX;
      fres.hi = hi;
      return lo;
    }
  }
  return divSlow(FMT_D, aLo, aHi, bLo, bHi, rm);
}

export function sqrtD(aLo: number, aHi: number, rm: number): number {
  const ea = expField(aHi);
  // Positive, finite, at least 2^-1021 (so s * s stays normal): the root is normal.
  if (rm === RM_RNE && aHi > 0 && ea >= 2 && ea !== 0x7ff) {
    const a = f64FromBits(aLo, aHi);
    const s = Math.sqrt(a);
    const lo = bitsOfF64(s);
    const hi = fres.hi;
    const tz = 2 * significandTrailingZeros(lo, hi);
    const exact = tz >= 52 && s * s === a && (tz >= 53 || ea === 2 * expField(hi) - 1023);
    fres.flags = exact ? 0 : FLAG_NX;
    fres.hi = hi;
    return lo;
  }
  return sqrtSlow(FMT_D, aLo, aHi, rm);
}

/**
 * a * b + c rounded once. Fast path (Boldo & Melquiond, "Emulation of FMA
 * and correctly rounded sums: proved algorithms using rounding to odd",
 * IEEE TC 2008, Algorithm 5.4): with uh + ul = a * b exactly (Dekker) and
 * th + tl = c + uh exactly (TwoSum), RN(th + RO(tl + ul)) = RN(a*b + c),
 * where RO rounds to odd. It needs no underflow and no overflow, which the
 * exponent window below guarantees: the product's error terms stay normal,
 * the split cannot overflow, and the result is checked to be normal.
 */
export function fmaD(aLo: number, aHi: number, bLo: number, bHi: number, cLo: number, cHi: number, rm: number): number {
  const ea = expField(aHi);
  const eb = expField(bHi);
  if (
    rm === RM_RNE &&
    ea >= 28 &&
    ea <= 2018 &&
    eb >= 28 &&
    eb <= 2018 &&
    ea + eb >= 1146 &&
    ea + eb <= 3046 &&
    expField(cHi) <= 2023
  ) {
    const a = f64FromBits(aLo, aHi);
    const b = f64FromBits(bLo, bHi);
    const c = f64FromBits(cLo, cHi);
    // Dekker's exact product a * b = uh + ul.
    const uh = a * b;
    let t = SPLIT * a;
    const ah = t - (t - a);
    const al = a - ah;
    t = SPLIT * b;
    const bh = t - (t - b);
    const bl = b - bh;
    const ul = ah * bh - uh + ah * bl + al * bh + al * bl;
    // TwoSum: th + tl = c + uh.
    const th = c + uh;
    let bv = th - c;
    const tl = c - (th - bv) + (uh - bv);
    // v = RO(tl + ul): the nearest sum, moved one ulp towards the exact value when inexact and even.
    let v = tl + ul;
    bv = v - tl;
    const ve = tl - (v - bv) + (ul - bv);
    if (ve !== 0) {
      let vLo = bitsOfF64(v);
      let vHi = fres.hi;
      if ((vLo & 1) === 0) {
        if (ve > 0 === v > 0) vLo = (vLo + 1) | 0;
        else {
          if (vLo === 0) vHi = (vHi - 1) | 0;
          vLo = (vLo - 1) | 0;
        }
        v = f64FromBits(vLo, vHi);
      }
    }
    const z = th + v;
    const m = Math.abs(z);
    if (m > MIN_NORMAL_D && m < Infinity) {
      bv = z - th;
      const ze = th - (z - bv) + (v - bv);
      fres.flags = ve !== 0 || ze !== 0 ? FLAG_NX : 0;
      return bitsOfF64(z);
    }
  }
  return fmaSlow(FMT_D, aLo, aHi, bLo, bHi, cLo, cHi, rm);
}

// ---- operations without rounding

/**
 * fmin.d / fmax.d (Unpriv §20.6, §21.4; IEEE 754-2019 minimumNumber/maximumNumber):
 * a NaN operand yields the other operand, two NaNs the canonical NaN, any
 * signalling NaN raises NV, and -0 orders below +0.
 */
export function minMaxD(aLo: number, aHi: number, bLo: number, bHi: number, isMax: boolean): number {
  const aNaN = isNaND(aLo, aHi);
  const bNaN = isNaND(bLo, bHi);
  if (aNaN || bNaN) {
    fres.flags = isSignallingD(aLo, aHi) || isSignallingD(bLo, bHi) ? FLAG_NV : 0;
    if (aNaN && bNaN) {
      fres.hi = CANONICAL_NAN_D_HI;
      return 0;
    }
    fres.hi = aNaN ? bHi : aHi;
    return aNaN ? bLo : aLo;
  }
  fres.flags = 0;
  const a = f64FromBits(aLo, aHi);
  const b = f64FromBits(bLo, bHi);
  // Equal values differ at most in the sign of zero: the sign bit decides.
  const pickA = a === b ? aHi < 0 !== isMax : a < b !== isMax;
  fres.hi = pickA ? aHi : bHi;
  return pickA ? aLo : bLo;
}

/** feq.d: quiet comparison, NV only for a signalling NaN (Unpriv §20.8, §21.6). */
export function eqD(aLo: number, aHi: number, bLo: number, bHi: number): number {
  if (isNaND(aLo, aHi) || isNaND(bLo, bHi)) {
    fres.flags = isSignallingD(aLo, aHi) || isSignallingD(bLo, bHi) ? FLAG_NV : 0;
    return 0;
  }
  fres.flags = 0;
  return f64FromBits(aLo, aHi) === f64FromBits(bLo, bHi) ? 1 : 0;
}

/** flt.d / fle.d: signalling comparisons, NV for any NaN operand (Unpriv §20.8, §21.6). */
export function ltD(aLo: number, aHi: number, bLo: number, bHi: number, orEqual: boolean): number {
  if (isNaND(aLo, aHi) || isNaND(bLo, bHi)) {
    fres.flags = FLAG_NV;
    return 0;
  }
  fres.flags = 0;
  const a = f64FromBits(aLo, aHi);
  const b = f64FromBits(bLo, bHi);
  return a < b || (orEqual && a === b) ? 1 : 0;
}

/** fclass.d: the one-hot class mask of Unpriv §20.9. */
export function classifyD(lo: number, hi: number): number {
  const neg = hi < 0;
  const e = expField(hi);
  const fracZero = (hi & 0xfffff) === 0 && lo === 0;
  if (e === 0x7ff) {
    if (fracZero) return neg ? 1 << 0 : 1 << 7;
    return (hi & 0x80000) !== 0 ? 1 << 9 : 1 << 8;
  }
  if (e === 0) {
    if (fracZero) return neg ? 1 << 3 : 1 << 4;
    return neg ? 1 << 2 : 1 << 5;
  }
  return neg ? 1 << 1 : 1 << 6;
}
