// 64-bit integer arithmetic on int32 hi/lo halves. The core keeps every
// 64-bit value as two int32s (see docs/architecture.md): no BigInt, no
// allocation. Functions that produce a 64-bit result return the low half and
// leave the high half in `r.hi`.

/** Scratch result register for the high half of the last 64-bit operation. */
export const r = { hi: 0 };

/** Unsigned 32-bit less-than on int32 inputs. */
export function ltu32(a: number, b: number): boolean {
  return a >>> 0 < b >>> 0;
}

/** (aHi:aLo) + (bHi:bLo); returns lo, high half in r.hi. */
export function add64(aLo: number, aHi: number, bLo: number, bHi: number): number {
  const lo = (aLo + bLo) | 0;
  r.hi = (aHi + bHi + (lo >>> 0 < aLo >>> 0 ? 1 : 0)) | 0;
  return lo;
}

/** (aHi:aLo) - (bHi:bLo); returns lo, high half in r.hi. */
export function sub64(aLo: number, aHi: number, bLo: number, bHi: number): number {
  const lo = (aLo - bLo) | 0;
  r.hi = (aHi - bHi - (aLo >>> 0 < bLo >>> 0 ? 1 : 0)) | 0;
  return lo;
}

/** Signed 64-bit a < b. */
export function lt64(aLo: number, aHi: number, bLo: number, bHi: number): boolean {
  return aHi < bHi || (aHi === bHi && aLo >>> 0 < bLo >>> 0);
}

/** Unsigned 64-bit a < b. */
export function ltu64(aLo: number, aHi: number, bLo: number, bHi: number): boolean {
  return aHi >>> 0 < bHi >>> 0 || (aHi === bHi && aLo >>> 0 < bLo >>> 0);
}

/** Logical left shift by 0..63; returns lo, high half in r.hi. */
export function sll64(lo: number, hi: number, sh: number): number {
  sh &= 63;
  if (sh === 0) {
    r.hi = hi;
    return lo;
  }
  if (sh < 32) {
    r.hi = (hi << sh) | (lo >>> (32 - sh));
    return lo << sh;
  }
  r.hi = lo << (sh - 32);
  return 0;
}

/** Logical right shift by 0..63; returns lo, high half in r.hi. */
export function srl64(lo: number, hi: number, sh: number): number {
  sh &= 63;
  if (sh === 0) {
    r.hi = hi;
    return lo;
  }
  if (sh < 32) {
    r.hi = hi >>> sh;
    return (lo >>> sh) | (hi << (32 - sh));
  }
  r.hi = 0;
  return hi >>> (sh - 32);
}

/** Arithmetic right shift by 0..63; returns lo, high half in r.hi. */
export function sra64(lo: number, hi: number, sh: number): number {
  sh &= 63;
  if (sh === 0) {
    r.hi = hi;
    return lo;
  }
  if (sh < 32) {
    r.hi = hi >> sh;
    return (lo >>> sh) | (hi << (32 - sh));
  }
  r.hi = hi >> 31;
  return hi >> (sh - 32);
}

/** Unsigned 32x32 -> 64 multiply; returns lo, high half in r.hi. */
export function mulu32(a: number, b: number): number {
  const a0 = a & 0xffff, a1 = a >>> 16, b0 = b & 0xffff, b1 = b >>> 16;
  const p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  // middle terms each < 2^32; sum them with the carry out of the low half
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  r.hi = (p11 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) | 0;
  return ((mid << 16) | (p00 & 0xffff)) | 0;
}

/** Low 64 bits of a 64x64 multiply; returns lo, high half in r.hi. */
export function mul64(aLo: number, aHi: number, bLo: number, bHi: number): number {
  const lo = mulu32(aLo, bLo);
  r.hi = (r.hi + Math.imul(aLo, bHi) + Math.imul(aHi, bLo)) | 0;
  return lo;
}

/** Number (exact integer, |v| < 2^53) from a 64-bit unsigned value. */
export function toNumberU(lo: number, hi: number): number {
  return (hi >>> 0) * 4294967296 + (lo >>> 0);
}

/** Number (exact integer, |v| < 2^53) from a 64-bit signed value. */
export function toNumberS(lo: number, hi: number): number {
  return hi * 4294967296 + (lo >>> 0);
}

/** Low half of a non-negative integer number < 2^64 (exact below 2^53). */
export function loOf(v: number): number {
  return v % 4294967296 | 0;
}

/** High half of a non-negative integer number < 2^64 (exact below 2^53). */
export function hiOf(v: number): number {
  return Math.floor(v / 4294967296) | 0;
}
