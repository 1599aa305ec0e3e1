// Unsigned 128-bit integers as four int32 words in an Int32Array (word 0
// least significant), for the exact significand arithmetic of the soft-float
// core: products of two 64-bit significands, aligned sums for fused
// multiply-add. All operations work in place; nothing allocates.
import { mulu32, r } from "../int64.js";

/** Leading zeros of the unsigned 128-bit value (128 for zero). */
export function clz128(v: Int32Array): number {
  if (v[3] !== 0) return Math.clz32(v[3]);
  if (v[2] !== 0) return 32 + Math.clz32(v[2]);
  if (v[1] !== 0) return 64 + Math.clz32(v[1]);
  return 96 + Math.clz32(v[0]);
}

export function isZero128(v: Int32Array): boolean {
  return (v[0] | v[1] | v[2] | v[3]) === 0;
}

/** v = the unsigned 64-bit value hi:lo. */
export function set128(v: Int32Array, lo: number, hi: number): void {
  v[0] = lo;
  v[1] = hi;
  v[2] = 0;
  v[3] = 0;
}

/** v <<= n for 0 <= n < 128; bits shifted out are lost (callers shift only zeros out). */
export function shiftLeft128(v: Int32Array, n: number): void {
  const q = n >>> 5;
  const s = n & 31;
  for (let i = 3; i >= 0; i--) {
    const src = i - q;
    const hi = src >= 0 ? v[src] : 0;
    const lo = src >= 1 ? v[src - 1] : 0;
    v[i] = s === 0 ? hi : (hi << s) | (lo >>> (32 - s));
  }
}

/**
 * v >>= n, ORing every bit shifted out into bit 0 ("jamming"): the result
 * still tells an exact value from an inexact one, which is all rounding
 * needs from bits far below the rounding position.
 */
export function shiftRightJam128(v: Int32Array, n: number): void {
  if (n === 0) return;
  if (n >= 128) {
    const any = !isZero128(v);
    set128(v, any ? 1 : 0, 0);
    return;
  }
  const q = n >>> 5;
  const s = n & 31;
  let sticky = 0;
  for (let i = 0; i < q; i++) sticky |= v[i];
  if (s !== 0) sticky |= v[q] << (32 - s);
  for (let i = 0; i < 4; i++) {
    const src = i + q;
    const lo = src < 4 ? v[src] : 0;
    const hi = src < 3 ? v[src + 1] : 0;
    v[i] = s === 0 ? lo : (lo >>> s) | (hi << (32 - s));
  }
  if (sticky !== 0) v[0] |= 1;
}

/** a += b (the caller guarantees no carry out of bit 127). */
export function add128(a: Int32Array, b: Int32Array): void {
  let carry = 0;
  for (let i = 0; i < 4; i++) {
    const s = (a[i] >>> 0) + (b[i] >>> 0) + carry;
    a[i] = s | 0;
    carry = s > 0xffffffff ? 1 : 0;
  }
}

/** a -= b (the caller guarantees a >= b). */
export function sub128(a: Int32Array, b: Int32Array): void {
  let borrow = 0;
  for (let i = 0; i < 4; i++) {
    const d = (a[i] >>> 0) - (b[i] >>> 0) - borrow;
    a[i] = d | 0;
    borrow = d < 0 ? 1 : 0;
  }
}

/** Unsigned comparison: negative, zero or positive as a <, =, > b. */
export function cmp128(a: Int32Array, b: Int32Array): number {
  for (let i = 3; i >= 0; i--) {
    if (a[i] !== b[i]) return a[i] >>> 0 < b[i] >>> 0 ? -1 : 1;
  }
  return 0;
}

/** out = (aHi:aLo) * (bHi:bLo), the full 128-bit product of two unsigned 64-bit values. */
export function mul64To128(out: Int32Array, aLo: number, aHi: number, bLo: number, bHi: number): void {
  const llLo = mulu32(aLo, bLo);
  const llHi = r.hi >>> 0;
  const lhLo = mulu32(aLo, bHi) >>> 0;
  const lhHi = r.hi >>> 0;
  const hlLo = mulu32(aHi, bLo) >>> 0;
  const hlHi = r.hi >>> 0;
  const hhLo = mulu32(aHi, bHi) >>> 0;
  const hhHi = r.hi >>> 0;
  // Column sums stay below 2^53, so plain number arithmetic carries exactly.
  const w1 = llHi + lhLo + hlLo;
  const c1 = Math.floor(w1 / 4294967296);
  const w2 = lhHi + hlHi + hhLo + c1;
  const c2 = Math.floor(w2 / 4294967296);
  out[0] = llLo;
  out[1] = w1 | 0;
  out[2] = w2 | 0;
  out[3] = (hhHi + c2) | 0;
}
