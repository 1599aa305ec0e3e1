// Interesting starting values for integer and FP registers: edges of the
// integer ranges, IEEE 754 specials (signed zeros, infinities, quiet and
// signalling NaNs, subnormals, the largest and smallest normals), values at
// the edges of the integer conversions, and random bits.
import type { Prng } from "./prng.js";

const M64 = (1n << 64n) - 1n;
const sx32 = (v: bigint) => BigInt.asUintN(64, BigInt.asIntN(32, v));

const INT_EDGES: readonly bigint[] = [
  0n,
  1n,
  2n,
  M64, // -1
  M64 - 1n,
  0x7fffffffffffffffn,
  0x8000000000000000n,
  0x7fffffffn,
  0x80000000n,
  sx32(0x80000000n),
  0xffffffffn,
  0x100000000n,
  0xffffn,
  0x8000n,
  0xffn,
  0x80n,
  0x5555555555555555n,
  0xaaaaaaaaaaaaaaaan,
  0x0123456789abcdefn,
  63n,
  64n,
  31n,
  32n,
];

/** A 64-bit integer register value. */
export function intValue(rng: Prng): bigint {
  switch (rng.below(6)) {
    case 0:
    case 1:
      return rng.pick(INT_EDGES);
    case 2:
      return BigInt.asUintN(64, BigInt(rng.range(-64, 64)));
    case 3:
      return sx32(BigInt(rng.u32()));
    case 4: {
      // a single bit, or all but one
      const b = 1n << BigInt(rng.below(64));
      return rng.chance(0.5) ? b : M64 ^ b;
    }
    default:
      return rng.u64();
  }
}

// Binary64 (Unpriv §21): sign | 11-bit exponent | 52-bit fraction.
const D_SPECIAL: readonly bigint[] = [
  0x0000000000000000n, // +0
  0x8000000000000000n, // -0
  0x3ff0000000000000n, // 1
  0xbff0000000000000n, // -1
  0x3ff8000000000000n, // 1.5
  0x4000000000000000n, // 2
  0x3fe0000000000000n, // 0.5
  0xbfe0000000000000n, // -0.5
  0x3fd5555555555555n, // 1/3
  0x400921fb54442d18n, // pi
  0x7ff0000000000000n, // +inf
  0xfff0000000000000n, // -inf
  0x7ff8000000000000n, // canonical qNaN
  0xfff8000000000001n, // qNaN with payload, negative
  0x7ff0000000000001n, // sNaN
  0x7ff4000000000000n, // sNaN
  0x7fefffffffffffffn, // largest normal
  0xffefffffffffffffn,
  0x0010000000000000n, // smallest normal
  0x8010000000000000n,
  0x0000000000000001n, // smallest subnormal
  0x000fffffffffffffn, // largest subnormal
  0x800fffffffffffffn,
  0x41dfffffffc00000n, // 2^31 - 1
  0x41e0000000000000n, // 2^31
  0xc1e0000000000000n, // -2^31
  0xc1e0000000200000n, // -2^31 - 1
  0x41efffffffe00000n, // 2^32 - 1
  0x41f0000000000000n, // 2^32
  0x43e0000000000000n, // 2^63
  0xc3e0000000000000n, // -2^63
  0x43f0000000000000n, // 2^64
  0x4340000000000000n, // 2^53
  0x4330000000000001n, // 2^52 + 1
  0x3ca0000000000000n, // 2^-53
  0x47efffffe0000000n, // the largest single, as a double
  0x36a0000000000000n, // the smallest single subnormal, as a double
  0x3690000000000000n, // half of it
  0x4004000000000000n, // 2.5
  0xc00c000000000000n, // -3.5
];

// Binary32 (Unpriv §20).
const S_SPECIAL: readonly number[] = [
  0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x3fc00000, 0x40000000, 0x3f000000, 0xbf000000, 0x3eaaaaab,
  0x40490fdb, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00001, 0x7f800001, 0x7fa00000, 0x7f7fffff, 0xff7fffff,
  0x00800000, 0x80800000, 0x00000001, 0x007fffff, 0x807fffff, 0x4effffff, 0x4f000000, 0xcf000000, 0xcf000001,
  0x4f7fffff, 0x4f800000, 0x5f000000, 0xdf000000, 0x5f800000, 0x4b800000, 0x4b000001, 0x33800000, 0x40200000,
  0xc0600000, 0x3f7fffff, 0x34000000,
];

const BOX = 0xffffffff00000000n;

function randomDouble(rng: Prng): bigint {
  // A random sign and fraction with an exponent near 1.0, near the edges, or anywhere.
  const sign = rng.chance(0.5) ? 1n : 0n;
  const exp = rng.weighted<number>([
    [4, 1023 + rng.range(-8, 8)],
    [1, rng.range(0, 3)],
    [1, 2047 - rng.range(1, 3)],
    [1, 1023 + rng.range(50, 66)],
    [2, rng.below(2048)],
  ]);
  const frac = rng.u64() & ((1n << 52n) - 1n);
  return (sign << 63n) | (BigInt(exp) << 52n) | frac;
}

function randomSingle(rng: Prng): bigint {
  const sign = rng.chance(0.5) ? 1 : 0;
  const exp = rng.weighted<number>([
    [4, 127 + rng.range(-8, 8)],
    [1, rng.range(0, 3)],
    [1, 255 - rng.range(1, 3)],
    [1, 127 + rng.range(20, 34)],
    [2, rng.below(256)],
  ]);
  const frac = rng.u32() & 0x7fffff;
  return BigInt(((sign << 31) | (exp << 23) | frac) >>> 0);
}

/** A 64-bit FP register value: a double, a NaN-boxed single, or (rarely) a single whose box is broken. */
export function fpValue(rng: Prng): bigint {
  switch (rng.below(7)) {
    case 0:
    case 1:
      return rng.pick(D_SPECIAL);
    case 2:
      return randomDouble(rng);
    case 3:
    case 4:
      return BOX | BigInt(rng.pick(S_SPECIAL) >>> 0);
    case 5:
      return BOX | randomSingle(rng);
    default:
      // Unpriv §21.2: a single operand without its 1s box reads as the canonical NaN.
      return rng.chance(0.5) ? randomSingle(rng) : (BigInt(rng.u32()) << 32n) | randomSingle(rng);
  }
}

/** An integer that, moved into an FP register, is an interesting FP value (fmv.d.x / fmv.w.x sources). */
export function fpBitsAsInt(rng: Prng): bigint {
  return rng.chance(0.5) ? rng.pick(D_SPECIAL) : sx32(BigInt(rng.pick(S_SPECIAL) >>> 0));
}
