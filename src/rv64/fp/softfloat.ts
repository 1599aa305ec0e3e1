// The exact soft-float core: IEEE 754-2008 binary32 and binary64 arithmetic
// in every rounding mode with every exception flag, on int32 words. The
// format-specific files (binary32.ts, binary64.ts) try native arithmetic
// first and come here when the native result cannot be trusted (directed
// rounding, special operands, results that may overflow or underflow).
//
// One representation serves both formats: a finite nonzero operand is
// sig * 2^(exp - 62) with sig a 64-bit integer whose bit 62 is set. Exact
// intermediate results (a 106-bit product, an aligned sum) live in 128-bit
// words (wide.ts) as X * 2^(e - 125), X's leading bit at 125 so that a sum's
// carry still fits; they are jammed down to 64 bits and rounded once by
// roundPack, the only place that rounds or raises UF/OF/NX.
import {
  CANONICAL_NAN_D_HI,
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
  fres,
} from "./common.js";
import { ltu64 } from "../int64.js";
import { add128, clz128, cmp128, mul64To128, set128, shiftLeft128, shiftRightJam128, sub128 } from "./wide.js";

export const FMT_S = 0;
export const FMT_D = 1;

const CLS_ZERO = 0;
const CLS_FINITE = 1;
const CLS_INF = 2;
const CLS_QNAN = 3;
const CLS_SNAN = 4;

/** An operand split into its parts; exp and sig are meaningful for CLS_FINITE only. */
class Unpacked {
  cls = CLS_ZERO;
  sign = 0;
  exp = 0;
  sigHi = 0;
  sigLo = 0;
}

const ua = new Unpacked();
const ub = new Unpacked();
const uc = new Unpacked();
const X = new Int32Array(4);
const Y = new Int32Array(4);

// ---- unpacking

function unpackS(u: Unpacked, bits: number): void {
  const e = (bits >>> 23) & 0xff;
  const f = bits & 0x7fffff;
  u.sign = bits >>> 31;
  if (e === 0xff) {
    u.cls = f === 0 ? CLS_INF : (f & 0x400000) !== 0 ? CLS_QNAN : CLS_SNAN;
  } else if (e !== 0) {
    u.cls = CLS_FINITE;
    u.exp = e - 127;
    u.sigHi = (f | 0x800000) << 7;
    u.sigLo = 0;
  } else if (f !== 0) {
    // Subnormal: f * 2^-149, normalized so that bit 62 of sig is set.
    const lz = Math.clz32(f);
    u.cls = CLS_FINITE;
    u.exp = -118 - lz;
    u.sigHi = f << (lz - 1);
    u.sigLo = 0;
  } else {
    u.cls = CLS_ZERO;
  }
}

function unpackD(u: Unpacked, lo: number, hi: number): void {
  const e = (hi >>> 20) & 0x7ff;
  const fHi = hi & 0xfffff;
  u.sign = hi >>> 31;
  if (e === 0x7ff) {
    u.cls = (fHi | lo) === 0 ? CLS_INF : (fHi & 0x80000) !== 0 ? CLS_QNAN : CLS_SNAN;
  } else if (e !== 0) {
    u.cls = CLS_FINITE;
    u.exp = e - 1023;
    u.sigHi = ((fHi | 0x100000) << 10) | (lo >>> 22);
    u.sigLo = lo << 10;
  } else if ((fHi | lo) !== 0) {
    // Subnormal: f * 2^-1074, normalized so that bit 62 of sig is set.
    const lz = fHi !== 0 ? Math.clz32(fHi) : 32 + Math.clz32(lo);
    const sh = lz - 1;
    u.cls = CLS_FINITE;
    u.exp = -1011 - lz;
    if (sh >= 32) {
      u.sigHi = lo << (sh - 32);
      u.sigLo = 0;
    } else {
      u.sigHi = (fHi << sh) | (lo >>> (32 - sh));
      u.sigLo = lo << sh;
    }
  } else {
    u.cls = CLS_ZERO;
  }
}

function unpack(u: Unpacked, fmt: number, lo: number, hi: number): void {
  if (fmt === FMT_S) unpackS(u, lo);
  else unpackD(u, lo, hi);
}

function isNaNClass(u: Unpacked): boolean {
  return u.cls >= CLS_QNAN;
}

// ---- packing special values (a single's bits are returned whole; a double's low word is returned, high in fres.hi)

function packNaN(fmt: number): number {
  if (fmt === FMT_S) return CANONICAL_NAN_S;
  fres.hi = CANONICAL_NAN_D_HI;
  return 0;
}

/** Invalid operation (IEEE 754 §7.2): NV and the canonical NaN (Unpriv §20.3). */
function packInvalid(fmt: number): number {
  fres.flags |= FLAG_NV;
  return packNaN(fmt);
}

/** A NaN operand: NV if any operand signals, the canonical NaN either way. */
function packNaNOperands(fmt: number, a: Unpacked, b: Unpacked, c: Unpacked | null): number {
  if (a.cls === CLS_SNAN || b.cls === CLS_SNAN || (c !== null && c.cls === CLS_SNAN)) fres.flags |= FLAG_NV;
  return packNaN(fmt);
}

function packInf(fmt: number, sign: number): number {
  if (fmt === FMT_S) return (sign << 31) | 0x7f800000;
  fres.hi = (sign << 31) | 0x7ff00000;
  return 0;
}

function packZero(fmt: number, sign: number): number {
  if (fmt === FMT_S) return sign << 31;
  fres.hi = sign << 31;
  return 0;
}

// ---- rounding

/** What to add below the rounding position: half for the nearest modes, all ones when rounding away from zero. */
function roundIncrement(sign: number, rm: number, half: number, ones: number): number {
  if (rm === RM_RNE || rm === RM_RMM) return half;
  if (rm === (sign !== 0 ? RM_RDN : RM_RUP)) return ones;
  return 0;
}

/**
 * Rounds sign * sig * 2^(exp - 62) (sig's bit 62 set; bit 0 jammed) to a
 * binary64, raising NX/UF/OF. Unpriv §20.4 takes IEEE 754's option of
 * detecting tininess after rounding: a result is tiny only if rounding it
 * to 53 bits with an unbounded exponent still leaves it below 2^-1022.
 */
function roundPackD(sign: number, exp: number, sHi: number, sLo: number, rm: number): number {
  const inc = roundIncrement(sign, rm, 0x200, 0x3ff);
  // Biased exponent minus one: the significand's leading bit adds the one back when packed.
  let e = exp + 1022;
  if (e < 0 || e >= 0x7fd) {
    const carries = ((sHi + ((sLo >>> 0) + inc > 0xffffffff ? 1 : 0)) | 0) < 0;
    if (e < 0) {
      const tiny = e < -1 || !carries;
      const n = -e;
      if (n >= 63) {
        sLo = (sHi | sLo) !== 0 ? 1 : 0;
        sHi = 0;
      } else if (n >= 32) {
        const sticky = (n === 32 ? sLo : sLo | (sHi << (64 - n))) !== 0 ? 1 : 0;
        sLo = (sHi >>> (n - 32)) | sticky;
        sHi = 0;
      } else {
        const sticky = sLo << (32 - n) !== 0 ? 1 : 0;
        sLo = (sLo >>> n) | (sHi << (32 - n)) | sticky;
        sHi = sHi >>> n;
      }
      e = 0;
      if (tiny && (sLo & 0x3ff) !== 0) fres.flags |= FLAG_UF;
    } else if (e > 0x7fd || carries) {
      // IEEE 754 §7.4: overflow gives infinity or the largest finite number, by rounding direction.
      fres.flags |= FLAG_OF | FLAG_NX;
      fres.hi = (sign << 31) | (inc !== 0 ? 0x7ff00000 : 0x7fefffff);
      return inc !== 0 ? 0 : -1;
    }
  }
  const roundBits = sLo & 0x3ff;
  if (roundBits !== 0) fres.flags |= FLAG_NX;
  const sum = (sLo >>> 0) + inc;
  let hi = (sHi + (sum > 0xffffffff ? 1 : 0)) | 0;
  let lo = (sum >>> 10) | (hi << 22) | 0;
  hi = hi >>> 10;
  if (roundBits === 0x200 && rm === RM_RNE) lo &= ~1;
  fres.hi = (sign << 31) | ((e << 20) + hi);
  return lo;
}

/** As roundPackD, to binary32 (tininess: below 2^-126 after rounding to 24 bits). */
function roundPackS(sign: number, exp: number, sHi: number, sLo: number, rm: number): number {
  // The significand's leading bit moves to bit 30 of one word; the low word only jams.
  let sig = sHi | (sLo !== 0 ? 1 : 0);
  const inc = roundIncrement(sign, rm, 0x40, 0x7f);
  let e = exp + 126;
  if (e < 0 || e >= 0xfd) {
    if (e < 0) {
      const tiny = e < -1 || sig + inc < 0x80000000;
      const n = -e;
      sig = n >= 31 ? (sig !== 0 ? 1 : 0) : (sig >>> n) | (sig << (32 - n) !== 0 ? 1 : 0);
      e = 0;
      if (tiny && (sig & 0x7f) !== 0) fres.flags |= FLAG_UF;
    } else if (e > 0xfd || sig + inc >= 0x80000000) {
      fres.flags |= FLAG_OF | FLAG_NX;
      return (sign << 31) | (inc !== 0 ? 0x7f800000 : 0x7f7fffff);
    }
  }
  const roundBits = sig & 0x7f;
  if (roundBits !== 0) fres.flags |= FLAG_NX;
  sig = (sig + inc) >>> 7;
  if (roundBits === 0x40 && rm === RM_RNE) sig &= ~1;
  return (sign << 31) | ((e << 23) + sig);
}

function roundPack(fmt: number, sign: number, exp: number, sHi: number, sLo: number, rm: number): number {
  return fmt === FMT_S ? roundPackS(sign, exp, sHi, sLo, rm) : roundPackD(sign, exp, sHi, sLo, rm);
}

/** Rounds sign * X * 2^(e - 125), X nonzero with any leading-bit position. */
function roundPackWide(fmt: number, sign: number, e: number, rm: number): number {
  const sh = clz128(X) - 2;
  if (sh > 0) shiftLeft128(X, sh);
  else if (sh < 0) shiftRightJam128(X, -sh);
  shiftRightJam128(X, 63);
  return roundPack(fmt, sign, e - sh, X[1], X[0], rm);
}

/** X = the exact product of ua and ub's significands; returns e such that the product is X * 2^(e - 125). */
function productToX(): number {
  mul64To128(X, ua.sigLo, ua.sigHi, ub.sigLo, ub.sigHi);
  // Both significands are in [2^62, 2^63): the product has its leading bit at 124 or 125.
  if ((X[3] & 0x20000000) !== 0) return ua.exp + ub.exp + 1;
  shiftLeft128(X, 1);
  return ua.exp + ub.exp;
}

/** Y = u's significand placed with its leading bit at 125. */
function addendToY(u: Unpacked): void {
  set128(Y, u.sigLo, u.sigHi);
  shiftLeft128(Y, 63);
}

/**
 * Rounds (sx: X * 2^(ex-125)) + (sy: Y * 2^(ey-125)), both nonzero. Jamming
 * while aligning is exact enough: a shift of more than one bit leaves at
 * most one bit of cancellation, and the low 19 bits of both values are zero
 * (a product of two 53-bit significands spans at most 106 bits), so a
 * one-bit shift loses nothing.
 */
function addWide(fmt: number, sx: number, ex: number, sy: number, ey: number, rm: number): number {
  let e = ex;
  if (ex >= ey) shiftRightJam128(Y, ex - ey);
  else {
    shiftRightJam128(X, ey - ex);
    e = ey;
  }
  let sign = sx;
  if (sx === sy) add128(X, Y);
  else {
    const c = cmp128(X, Y);
    // IEEE 754 §6.3: an exact zero sum of opposite-signed operands is +0, or -0 when rounding down.
    if (c === 0) return packZero(fmt, rm === RM_RDN ? 1 : 0);
    if (c > 0) sub128(X, Y);
    else {
      sub128(Y, X);
      X.set(Y);
      sign = sy;
    }
  }
  return roundPackWide(fmt, sign, e, rm);
}

// ---- operations. Operands are bit patterns (a single in the low word);
// results are returned like the pack helpers; flags are left in fres.flags.

export function addSlow(fmt: number, aLo: number, aHi: number, bLo: number, bHi: number, rm: number): number {
  fres.flags = 0;
  unpack(ua, fmt, aLo, aHi);
  unpack(ub, fmt, bLo, bHi);
  if (isNaNClass(ua) || isNaNClass(ub)) return packNaNOperands(fmt, ua, ub, null);
  if (ua.cls === CLS_INF) {
    if (ub.cls === CLS_INF && ua.sign !== ub.sign) return packInvalid(fmt);
    return packInf(fmt, ua.sign);
  }
  if (ub.cls === CLS_INF) return packInf(fmt, ub.sign);
  if (ua.cls === CLS_ZERO) {
    if (ub.cls === CLS_ZERO) return packZero(fmt, ua.sign === ub.sign ? ua.sign : rm === RM_RDN ? 1 : 0);
    fres.hi = bHi;
    return bLo;
  }
  if (ub.cls === CLS_ZERO) {
    fres.hi = aHi;
    return aLo;
  }
  set128(X, ua.sigLo, ua.sigHi);
  shiftLeft128(X, 63);
  addendToY(ub);
  return addWide(fmt, ua.sign, ua.exp, ub.sign, ub.exp, rm);
}

export function mulSlow(fmt: number, aLo: number, aHi: number, bLo: number, bHi: number, rm: number): number {
  fres.flags = 0;
  unpack(ua, fmt, aLo, aHi);
  unpack(ub, fmt, bLo, bHi);
  if (isNaNClass(ua) || isNaNClass(ub)) return packNaNOperands(fmt, ua, ub, null);
  const sign = ua.sign ^ ub.sign;
  if (ua.cls === CLS_INF || ub.cls === CLS_INF) {
    if (ua.cls === CLS_ZERO || ub.cls === CLS_ZERO) return packInvalid(fmt);
    return packInf(fmt, sign);
  }
  if (ua.cls === CLS_ZERO || ub.cls === CLS_ZERO) return packZero(fmt, sign);
  return roundPackWide(fmt, sign, productToX(), rm);
}

/** a * b + c with one rounding (IEEE 754 §5.4.1 fusedMultiplyAdd). */
export function fmaSlow(
  fmt: number,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  cLo: number,
  cHi: number,
  rm: number,
): number {
  fres.flags = 0;
  unpack(ua, fmt, aLo, aHi);
  unpack(ub, fmt, bLo, bHi);
  unpack(uc, fmt, cLo, cHi);
  const infTimesZero = (ua.cls === CLS_INF && ub.cls === CLS_ZERO) || (ua.cls === CLS_ZERO && ub.cls === CLS_INF);
  if (isNaNClass(ua) || isNaNClass(ub) || isNaNClass(uc)) {
    // Unpriv §20.6: 0 * inf raises NV even when the addend is a quiet NaN.
    if (infTimesZero) fres.flags |= FLAG_NV;
    return packNaNOperands(fmt, ua, ub, uc);
  }
  if (infTimesZero) return packInvalid(fmt);
  const sp = ua.sign ^ ub.sign;
  if (ua.cls === CLS_INF || ub.cls === CLS_INF) {
    if (uc.cls === CLS_INF && uc.sign !== sp) return packInvalid(fmt);
    return packInf(fmt, sp);
  }
  if (uc.cls === CLS_INF) return packInf(fmt, uc.sign);
  if (ua.cls === CLS_ZERO || ub.cls === CLS_ZERO) {
    if (uc.cls === CLS_ZERO) return packZero(fmt, sp === uc.sign ? sp : rm === RM_RDN ? 1 : 0);
    fres.hi = cHi;
    return cLo;
  }
  const e = productToX();
  if (uc.cls === CLS_ZERO) return roundPackWide(fmt, sp, e, rm);
  addendToY(uc);
  return addWide(fmt, sp, e, uc.sign, uc.exp, rm);
}

export function divSlow(fmt: number, aLo: number, aHi: number, bLo: number, bHi: number, rm: number): number {
  fres.flags = 0;
  unpack(ua, fmt, aLo, aHi);
  unpack(ub, fmt, bLo, bHi);
  if (isNaNClass(ua) || isNaNClass(ub)) return packNaNOperands(fmt, ua, ub, null);
  const sign = ua.sign ^ ub.sign;
  if (ua.cls === CLS_INF) return ub.cls === CLS_INF ? packInvalid(fmt) : packInf(fmt, sign);
  if (ub.cls === CLS_INF) return packZero(fmt, sign);
  if (ub.cls === CLS_ZERO) {
    if (ua.cls === CLS_ZERO) return packInvalid(fmt);
    fres.flags |= FLAG_DZ;
    return packInf(fmt, sign);
  }
  if (ua.cls === CLS_ZERO) return packZero(fmt, sign);
  // Restoring division of the significands: 63 quotient bits, the remainder jammed into bit 0.
  const bHiS = ub.sigHi;
  const bLoS = ub.sigLo;
  let rHi = ua.sigHi;
  let rLo = ua.sigLo;
  let exp = ua.exp - ub.exp;
  if (ltu64(rLo, rHi, bLoS, bHiS)) {
    rHi = (rHi << 1) | (rLo >>> 31);
    rLo <<= 1;
    exp--;
  }
  let qHi = 0;
  let qLo = 0;
  for (let i = 0; i < 63; i++) {
    qHi = (qHi << 1) | (qLo >>> 31);
    qLo <<= 1;
    if (!ltu64(rLo, rHi, bLoS, bHiS)) {
      rHi = (rHi - bHiS - (rLo >>> 0 < bLoS >>> 0 ? 1 : 0)) | 0;
      rLo = (rLo - bLoS) | 0;
      qLo |= 1;
    }
    rHi = (rHi << 1) | (rLo >>> 31);
    rLo <<= 1;
  }
  if ((rHi | rLo) !== 0) qLo |= 1;
  return roundPack(fmt, sign, exp, qHi, qLo, rm);
}

export function sqrtSlow(fmt: number, aLo: number, aHi: number, rm: number): number {
  fres.flags = 0;
  unpack(ua, fmt, aLo, aHi);
  if (isNaNClass(ua)) return packNaNOperands(fmt, ua, ua, null);
  if (ua.cls === CLS_ZERO) return packZero(fmt, ua.sign);
  if (ua.sign !== 0) return packInvalid(fmt);
  if (ua.cls === CLS_INF) return packInf(fmt, 0);
  // Make the exponent even: value = N * 2^(E - 62), so sqrt = sqrt(N * 2^60) * 2^(E/2 - 61).
  let nHi = ua.sigHi;
  let nLo = ua.sigLo;
  let exp = ua.exp;
  if ((exp & 1) !== 0) {
    nHi = (nHi << 1) | (nLo >>> 31);
    nLo <<= 1;
    exp--;
  }
  // Digit-by-digit square root of the 124-bit N * 2^60, two radicand bits per
  // step: Q = floor(sqrt) has 62 bits; the remainder stays below 2^63.
  let qHi = 0;
  let qLo = 0;
  let rHi = 0;
  let rLo = 0;
  for (let k = 0; k < 62; k++) {
    const pair = k < 16 ? (nHi >>> (30 - 2 * k)) & 3 : k < 32 ? (nLo >>> (62 - 2 * k)) & 3 : 0;
    rHi = (rHi << 2) | (rLo >>> 30);
    rLo = (rLo << 2) | pair;
    const tHi = (qHi << 2) | (qLo >>> 30);
    const tLo = (qLo << 2) | 1;
    qHi = (qHi << 1) | (qLo >>> 31);
    qLo <<= 1;
    if (!ltu64(rLo, rHi, tLo, tHi)) {
      rHi = (rHi - tHi - (rLo >>> 0 < tLo >>> 0 ? 1 : 0)) | 0;
      rLo = (rLo - tLo) | 0;
      qLo |= 1;
    }
  }
  // sig = 2Q (leading bit 62) with the remainder jammed into bit 0.
  const sHi = (qHi << 1) | (qLo >>> 31);
  const sLo = (qLo << 1) | ((rHi | rLo) !== 0 ? 1 : 0);
  return roundPack(fmt, 0, exp >> 1, sHi, sLo, rm);
}

/** Converts between formats (the exact path of fcvt.s.d). */
export function convertSlow(toFmt: number, fromFmt: number, lo: number, hi: number, rm: number): number {
  fres.flags = 0;
  unpack(ua, fromFmt, lo, hi);
  if (isNaNClass(ua)) return packNaNOperands(toFmt, ua, ua, null);
  if (ua.cls === CLS_INF) return packInf(toFmt, ua.sign);
  if (ua.cls === CLS_ZERO) return packZero(toFmt, ua.sign);
  return roundPack(toFmt, ua.sign, ua.exp, ua.sigHi, ua.sigLo, rm);
}

/** Converts the 64-bit integer hi:lo (signed or unsigned) to fmt. */
export function fromIntSlow(fmt: number, lo: number, hi: number, signed: boolean, rm: number): number {
  fres.flags = 0;
  let sign = 0;
  if (signed && hi < 0) {
    sign = 1;
    hi = (~hi + (lo === 0 ? 1 : 0)) | 0;
    lo = -lo | 0;
  }
  if ((hi | lo) === 0) return packZero(fmt, 0);
  // value = m = sig * 2^(exp - 62) with sig's leading bit moved to 62.
  const lz = hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(lo);
  let sHi: number;
  let sLo: number;
  if (lz === 0) {
    sLo = (lo >>> 1) | (hi << 31) | (lo & 1);
    sHi = hi >>> 1;
  } else {
    const sh = lz - 1;
    if (sh >= 32) {
      sHi = lo << (sh - 32);
      sLo = 0;
    } else {
      sHi = sh === 0 ? hi : (hi << sh) | (lo >>> (32 - sh));
      sLo = lo << sh;
    }
  }
  return roundPack(fmt, sign, 63 - lz, sHi, sLo, rm);
}
