// 64-bit integer arithmetic on int32 hi/lo halves. The core keeps every
// 64-bit value as two int32s (see docs/architecture.md): no big integers, no
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
  const a0 = a & 0xffff,
    a1 = a >>> 16,
    b0 = b & 0xffff,
    b1 = b >>> 16;
  const p00 = a0 * b0,
    p01 = a0 * b1,
    p10 = a1 * b0,
    p11 = a1 * b1;
  // middle terms each < 2^32; sum them with the carry out of the low half
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  r.hi = (p11 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) | 0;
  return (mid << 16) | (p00 & 0xffff) | 0;
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
  return (v % 4294967296) | 0;
}

/** High half of a non-negative integer number < 2^64 (exact below 2^53). */
export function hiOf(v: number): number {
  return Math.floor(v / 4294967296) | 0;
}

// ---- 128-bit products and 64-bit division (used by the M extension)

const TWO32 = 4294967296;

/** High 64 bits of the unsigned 64x64 -> 128 product; returns lo, high half in r.hi. */
export function mulhu64(aLo: number, aHi: number, bLo: number, bHi: number): number {
  if ((aHi | bHi) === 0) {
    r.hi = 0;
    return 0;
  }
  // Schoolbook on 32-bit digits; column sums of up to three 32-bit words
  // stay far below 2^53, so doubles carry them exactly.
  mulu32(aLo, bLo);
  const c1 = r.hi >>> 0;
  const p01lo = mulu32(aLo, bHi) >>> 0;
  const p01hi = r.hi >>> 0;
  const p10lo = mulu32(aHi, bLo) >>> 0;
  const p10hi = r.hi >>> 0;
  const p11lo = mulu32(aHi, bHi) >>> 0;
  const p11hi = r.hi >>> 0;
  const w1 = c1 + p01lo + p10lo;
  const w2 = p11lo + p01hi + p10hi + Math.floor(w1 / TWO32);
  r.hi = (p11hi + Math.floor(w2 / TWO32)) | 0;
  return w2 | 0;
}

/** High 64 bits of the signed x signed 128-bit product; returns lo, high half in r.hi. */
export function mulh64(aLo: number, aHi: number, bLo: number, bHi: number): number {
  if (aHi === aLo >> 31 && bHi === bLo >> 31) {
    // Both fit in int32: the product fits in 63 bits, so its high half is
    // all sign bits (the double product has the right sign).
    const s = aLo * bLo < 0 ? -1 : 0;
    r.hi = s;
    return s;
  }
  // Signed high = unsigned high - (a < 0 ? b : 0) - (b < 0 ? a : 0) (mod 2^64).
  let lo = mulhu64(aLo, aHi, bLo, bHi);
  let hi = r.hi;
  if (aHi < 0) {
    lo = sub64(lo, hi, bLo, bHi);
    hi = r.hi;
  }
  if (bHi < 0) {
    lo = sub64(lo, hi, aLo, aHi);
    hi = r.hi;
  }
  r.hi = hi;
  return lo;
}

/** High 64 bits of the signed a x unsigned b 128-bit product; returns lo, high half in r.hi. */
export function mulhsu64(aLo: number, aHi: number, bLo: number, bHi: number): number {
  if (aHi === aLo >> 31 && bHi === 0) {
    // |a| <= 2^31 and b < 2^32: the product fits in 64 bits signed.
    const s = aLo * (bLo >>> 0) < 0 ? -1 : 0;
    r.hi = s;
    return s;
  }
  const lo = mulhu64(aLo, aHi, bLo, bHi);
  if (aHi < 0) return sub64(lo, r.hi, bLo, bHi);
  return lo;
}

/** Remainder of the last divu64 / divs64 (low and high halves). */
export const remainder = { lo: 0, hi: 0 };

// Doubles divide exactly here: for integers 0 <= x and 0 < d with x + d <=
// 2^53, Math.floor(x / d) is the true quotient q. (x/d lies in [q, q+1 - 1/d];
// it could only round up to q+1 if 1/d were at most half an ulp of q+1, i.e.
// d(q+1) >= 2^53, but d(q+1) <= x + d.)

/** Unsigned (aHi:aLo) / d for 0 < d < 2^32 (d an unsigned number); quotient lo, hi in r.hi; remainder in `remainder`. */
function divu64by32(aLo: number, aHi: number, d: number): number {
  const hi = aHi >>> 0;
  const qHi = Math.floor(hi / d);
  // Long division by 16-bit digits keeps every partial dividend below 2^48.
  let x = (hi - qHi * d) * 65536 + (aLo >>> 16);
  const q1 = Math.floor(x / d);
  x = (x - q1 * d) * 65536 + (aLo & 0xffff);
  const q0 = Math.floor(x / d);
  remainder.lo = (x - q0 * d) | 0;
  remainder.hi = 0;
  r.hi = qHi | 0;
  return (q1 * 65536 + q0) | 0;
}

/** Unsigned 64-bit a / b for b != 0; returns the quotient lo, hi in r.hi; remainder in `remainder`. */
export function divu64(aLo: number, aHi: number, bLo: number, bHi: number): number {
  if (bHi === 0) return divu64by32(aLo, aHi, bLo >>> 0);
  if (aHi >>> 0 < 0x100000 && bHi >>> 0 < 0x100000) {
    // Both below 2^52: one double division is exact (see above).
    const a = toNumberU(aLo, aHi);
    const b = toNumberU(bLo, bHi);
    const q = Math.floor(a / b);
    const rm = a - q * b;
    remainder.lo = rm | 0;
    remainder.hi = Math.floor(rm / TWO32) | 0;
    r.hi = 0; // b >= 2^32, so q < 2^32
    return q | 0;
  }
  // b >= 2^32, so the quotient fits in 32 bits. Estimate it from the top 32
  // bits of b normalised (Hacker's Delight §9-5): the estimate is exact or
  // one too small.
  const n = Math.clz32(bHi);
  const v1 = n === 0 ? bHi >>> 0 : ((bHi << n) | (bLo >>> (32 - n))) >>> 0;
  // (a >> 1) / v1: halving a keeps the quotient below 2^32.
  const q1 = divu64by32((aLo >>> 1) | (aHi << 31), aHi >>> 1, v1) >>> 0;
  let q = q1 >>> (31 - n); // q1 * 2^n / 2^31: undo the normalisation and the halving
  if (q !== 0) q--;
  const pLo = mul64(q | 0, 0, bLo, bHi); // q <= the true quotient: no wrap
  let rmLo = sub64(aLo, aHi, pLo, r.hi);
  let rmHi = r.hi;
  if (!ltu64(rmLo, rmHi, bLo, bHi)) {
    q++;
    rmLo = sub64(rmLo, rmHi, bLo, bHi);
    rmHi = r.hi;
  }
  remainder.lo = rmLo;
  remainder.hi = rmHi;
  r.hi = 0;
  return q | 0;
}

/**
 * Signed 64-bit a / b for b != 0, rounding towards zero; the remainder has
 * the dividend's sign. MIN / -1 wraps to MIN with remainder 0. Returns the
 * quotient lo, hi in r.hi; remainder in `remainder`.
 */
export function divs64(aLo: number, aHi: number, bLo: number, bHi: number): number {
  if ((aHi + 0x100000) >>> 0 < 0x200000 && (bHi + 0x100000) >>> 0 < 0x200000) {
    // Both within +-2^52: one double division is exact (see above).
    const a = toNumberS(aLo, aHi);
    const b = toNumberS(bLo, bHi);
    const q = Math.trunc(a / b);
    const rm = a - q * b;
    remainder.lo = rm | 0;
    remainder.hi = Math.floor(rm / TWO32) | 0;
    r.hi = Math.floor(q / TWO32) | 0;
    return q | 0;
  }
  const negA = aHi < 0;
  const negB = bHi < 0;
  let uaLo = aLo;
  let uaHi = aHi;
  if (negA) {
    uaLo = sub64(0, 0, aLo, aHi);
    uaHi = r.hi;
  }
  let ubLo = bLo;
  let ubHi = bHi;
  if (negB) {
    ubLo = sub64(0, 0, bLo, bHi);
    ubHi = r.hi;
  }
  let qLo = divu64(uaLo, uaHi, ubLo, ubHi);
  let qHi = r.hi;
  if (negA !== negB) {
    qLo = sub64(0, 0, qLo, qHi);
    qHi = r.hi;
  }
  if (negA) {
    remainder.lo = sub64(0, 0, remainder.lo, remainder.hi);
    remainder.hi = r.hi;
  }
  r.hi = qHi;
  return qLo;
}
