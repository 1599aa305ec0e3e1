// The Zfa operations (Unpriv §24) on halves, singles and doubles: the FLI
// constants, IEEE 754-2019 minimum/maximum, rounding to an integral value,
// the modular conversion FCVTMOD.W.D and the quiet ordered comparisons.
// Operands and results as in binary16/32/64.ts; flags in fres.flags.
import { f16FromBits, ltH, minMaxH, roundToHalf } from "./binary16.js";
import { ltS, minMaxS } from "./binary32.js";
import { ltD, minMaxD } from "./binary64.js";
import {
  CANONICAL_NAN_D_HI,
  CANONICAL_NAN_H,
  CANONICAL_NAN_S,
  FLAG_NV,
  FLAG_NX,
  RM_RNE,
  RM_RTZ,
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
import { INT_W, floatToInt, roundToIntegral } from "./convert.js";

// ---- FLI (§24.1): 32 constants chosen by rs1, the same values in every format
// except entry 1 (the format's smallest normal), entry 29 (2^16 is infinity as
// a half) and entry 31 (the format's canonical NaN).

const FLI_VALUES = [
  -1,
  0,
  2 ** -16,
  2 ** -15,
  2 ** -8,
  2 ** -7,
  0.0625,
  0.125,
  0.25,
  0.3125,
  0.375,
  0.4375,
  0.5,
  0.625,
  0.75,
  0.875,
  1,
  1.25,
  1.5,
  1.75,
  2,
  2.5,
  3,
  4,
  8,
  16,
  128,
  256,
  2 ** 15,
  2 ** 16,
  Infinity,
  NaN,
];

/** FLI.H: the half each rs1 value loads. */
export const FLI_H = new Int32Array(32);
/** FLI.S: the single each rs1 value loads. */
export const FLI_S = new Int32Array(32);
/** FLI.D: the double each rs1 value loads, as low and high words. */
export const FLI_D_LO = new Int32Array(32);
export const FLI_D_HI = new Int32Array(32);

for (let i = 0; i < 31; i++) {
  FLI_H[i] = roundToHalf(FLI_VALUES[i], RM_RNE);
  FLI_S[i] = bitsOfF32(FLI_VALUES[i]);
  FLI_D_LO[i] = bitsOfF64(FLI_VALUES[i]);
  FLI_D_HI[i] = fres.hi;
}
FLI_H[1] = 0x0400;
FLI_S[1] = 0x00800000;
FLI_D_LO[1] = 0;
FLI_D_HI[1] = 0x00100000;
FLI_H[31] = CANONICAL_NAN_H;
FLI_S[31] = CANONICAL_NAN_S;
FLI_D_LO[31] = 0;
FLI_D_HI[31] = CANONICAL_NAN_D_HI;

// ---- FMINM / FMAXM (§24.2): like FMIN/FMAX, but any NaN operand gives the canonical NaN.

export function minimumH(a: number, b: number, isMax: boolean): number {
  if (isNaNH(a) || isNaNH(b)) {
    fres.flags = isSignallingH(a) || isSignallingH(b) ? FLAG_NV : 0;
    return CANONICAL_NAN_H;
  }
  return minMaxH(a, b, isMax);
}

export function minimumS(a: number, b: number, isMax: boolean): number {
  if (isNaNS(a) || isNaNS(b)) {
    fres.flags = isSignallingS(a) || isSignallingS(b) ? FLAG_NV : 0;
    return CANONICAL_NAN_S;
  }
  return minMaxS(a, b, isMax);
}

/** Returns the low word, the high word in fres.hi. */
export function minimumD(aLo: number, aHi: number, bLo: number, bHi: number, isMax: boolean): number {
  if (isNaND(aLo, aHi) || isNaND(bLo, bHi)) {
    fres.flags = isSignallingD(aLo, aHi) || isSignallingD(bLo, bHi) ? FLAG_NV : 0;
    fres.hi = CANONICAL_NAN_D_HI;
    return 0;
  }
  return minMaxD(aLo, aHi, bLo, bHi, isMax);
}

// ---- FROUND / FROUNDNX (§24.3): round to an integral value in the format.
// Zeros and infinities come back unchanged, a NaN as the canonical NaN (NV
// if it signals); only FROUNDNX (exact = true) raises NX, when the value changed.

export function roundIntegralH(a: number, rm: number, exact: boolean): number {
  if (isNaNH(a)) {
    fres.flags = isSignallingH(a) ? FLAG_NV : 0;
    return CANONICAL_NAN_H;
  }
  const x = f16FromBits(a);
  if (x === 0 || x - x !== 0) {
    fres.flags = 0;
    return a;
  }
  // Halves of 1024 and above are integers already, so r is a half (or a signed zero).
  const r = roundToIntegral(x, rm);
  const bits = roundToHalf(r, RM_RNE);
  fres.flags = exact && r !== x ? FLAG_NX : 0;
  return bits;
}

export function roundIntegralS(a: number, rm: number, exact: boolean): number {
  if (isNaNS(a)) {
    fres.flags = isSignallingS(a) ? FLAG_NV : 0;
    return CANONICAL_NAN_S;
  }
  const x = f32FromBits(a);
  if (x === 0 || x - x !== 0) {
    fres.flags = 0;
    return a;
  }
  const r = roundToIntegral(x, rm);
  fres.flags = exact && r !== x ? FLAG_NX : 0;
  return bitsOfF32(r);
}

/** Returns the low word, the high word in fres.hi. */
export function roundIntegralD(lo: number, hi: number, rm: number, exact: boolean): number {
  if (isNaND(lo, hi)) {
    fres.flags = isSignallingD(lo, hi) ? FLAG_NV : 0;
    fres.hi = CANONICAL_NAN_D_HI;
    return 0;
  }
  const x = f64FromBits(lo, hi);
  if (x === 0 || x - x !== 0) {
    fres.flags = 0;
    fres.hi = hi;
    return lo;
  }
  const r = roundToIntegral(x, rm);
  const flags = exact && r !== x ? FLAG_NX : 0;
  const rLo = bitsOfF64(r);
  fres.flags = flags;
  return rLo;
}

// ---- FCVTMOD.W.D (§24.4)

/**
 * The double hi:lo truncated towards zero, modulo 2^32, as a signed 32-bit
 * value (sign-extension is the caller's); NaN and infinities give 0. Flags are
 * those of FCVT.W.D with RTZ: NV out of range (NaN and infinities included),
 * else NX when inexact.
 */
export function modularInt32(lo: number, hi: number): number {
  const x = f64FromBits(lo, hi);
  floatToInt(x, RM_RTZ, INT_W);
  // ECMAScript's ToInt32 is exactly this conversion (the one FCVTMOD.W.D was added for).
  return x | 0;
}

// ---- FLEQ / FLTQ (§24.6): FLE/FLT with quiet NaNs raising nothing.

export function ltQuietH(a: number, b: number, orEqual: boolean): number {
  if (isNaNH(a) || isNaNH(b)) {
    fres.flags = isSignallingH(a) || isSignallingH(b) ? FLAG_NV : 0;
    return 0;
  }
  return ltH(a, b, orEqual);
}

export function ltQuietS(a: number, b: number, orEqual: boolean): number {
  if (isNaNS(a) || isNaNS(b)) {
    fres.flags = isSignallingS(a) || isSignallingS(b) ? FLAG_NV : 0;
    return 0;
  }
  return ltS(a, b, orEqual);
}

export function ltQuietD(aLo: number, aHi: number, bLo: number, bHi: number, orEqual: boolean): number {
  if (isNaND(aLo, aHi) || isNaND(bLo, bHi)) {
    fres.flags = isSignallingD(aLo, aHi) || isSignallingD(bLo, bHi) ? FLAG_NV : 0;
    return 0;
  }
  return ltD(aLo, aHi, bLo, bHi, orEqual);
}
