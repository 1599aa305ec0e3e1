// Shared vocabulary of the FP core: rounding modes and exception flags as
// fcsr encodes them (Unpriv §20.2), canonical NaNs, the per-operation result
// scratch, and a reinterpretation buffer between raw bits and JS numbers.

/** Unpriv §20.2: the rounding-mode encodings of rm and frm. */
export const RM_RNE = 0;
export const RM_RTZ = 1;
export const RM_RDN = 2;
export const RM_RUP = 3;
export const RM_RMM = 4;
/** rm = 7 selects frm (dynamic); 5 and 6 are reserved. */
export const RM_DYN = 7;

/** Unpriv §20.2: fflags bits. */
export const FLAG_NX = 1;
export const FLAG_UF = 2;
export const FLAG_OF = 4;
export const FLAG_DZ = 8;
export const FLAG_NV = 16;

/** Unpriv §20.3: the canonical NaNs every NaN-producing operation returns. */
export const CANONICAL_NAN_H = 0x7e00;
export const CANONICAL_NAN_S = 0x7fc00000;
export const CANONICAL_NAN_D_HI = 0x7ff80000;

/** The smallest normal magnitudes; a result strictly above one cannot underflow. */
export const MIN_NORMAL_S = 1.1754943508222875e-38; // 2^-126
export const MIN_NORMAL_D = 2.2250738585072014e-308; // 2^-1022

/**
 * Out-parameters of the last FP operation: the high word of a 64-bit result
 * and the exception flags it raised. Every operation overwrites `flags`.
 */
export const fres = { hi: 0, flags: 0 };

// One 8-byte buffer seen as a double, two int32 words (little-endian: [0] is
// the low word) and a float over word 0.
const scratch = new ArrayBuffer(8);
const sF64 = new Float64Array(scratch);
const sI32 = new Int32Array(scratch);
const sF32 = new Float32Array(scratch);

/** The double whose bits are hi:lo. */
export function f64FromBits(lo: number, hi: number): number {
  sI32[0] = lo;
  sI32[1] = hi;
  return sF64[0];
}

/** The bits of a double: returns the low word, the high word in fres.hi. A NaN's payload may not survive. */
export function bitsOfF64(x: number): number {
  sF64[0] = x;
  fres.hi = sI32[1];
  return sI32[0];
}

/** The single whose bits are `bits`, widened (exactly) to a double. */
export function f32FromBits(bits: number): number {
  sI32[0] = bits;
  return sF32[0];
}

/** The bits of `x` rounded to single (round to nearest, ties to even). A NaN's payload may not survive. */
export function bitsOfF32(x: number): number {
  sF32[0] = x;
  return sI32[0];
}

/** A single's bits are a NaN. */
export function isNaNS(bits: number): boolean {
  return (bits & 0x7fffffff) > 0x7f800000;
}

/** A single's bits are a signalling NaN (quiet bit 22 clear, Unpriv §20.3). */
export function isSignallingS(bits: number): boolean {
  return (bits & 0x7fc00000) === 0x7f800000 && (bits & 0x003fffff) !== 0;
}

/** A half's bits (low 16) are a NaN. */
export function isNaNH(bits: number): boolean {
  return (bits & 0x7fff) > 0x7c00;
}

/** A half's bits are a signalling NaN (quiet bit 9 clear). */
export function isSignallingH(bits: number): boolean {
  return (bits & 0x7e00) === 0x7c00 && (bits & 0x01ff) !== 0;
}

/** A double's bits are a NaN. */
export function isNaND(lo: number, hi: number): boolean {
  const h = hi & 0x7fffffff;
  return h > 0x7ff00000 || (h === 0x7ff00000 && lo !== 0);
}

/** A double's bits are a signalling NaN (quiet bit 51 clear). */
export function isSignallingD(lo: number, hi: number): boolean {
  return (hi & 0x7ff80000) === 0x7ff00000 && ((hi & 0x0007ffff) !== 0 || lo !== 0);
}
