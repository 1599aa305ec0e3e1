// How the F, D and Zfh instruction handlers (exec/f.ts, d.ts, zfh.ts) reach the
// hart's FP state: the mstatus.FS gate, the rounding mode, NaN-boxed singles and halves,
// fflags accrual, and the load/store effective address.
import { CSR_FFLAGS, CSR_FRM } from "../constants.js";
import { fpEnabled, markFpDirty } from "../csr/fp.js";
import type { Decoded } from "../decode/decoded.js";
import type { Hart } from "../hart.js";
import { r } from "../int64.js";
import { raiseIllegal } from "../trap.js";
import { CANONICAL_NAN_H, CANONICAL_NAN_S, RM_DYN, RM_RMM, fres } from "./common.js";

/** Priv §3.1.6.6: with mstatus.FS = Off every F/D instruction is illegal. */
export function requireFp(h: Hart, d: Decoded): void {
  if (!fpEnabled(h)) raiseIllegal(h, d.raw);
}

/**
 * The instruction's rounding mode (also checks FS): rm, or frm when rm is
 * DYN. Unpriv §20.2 leaves reserved modes (rm = 5 or 6, or DYN with
 * frm >= 5) reserved; like the ratified F 2.2 we make them illegal, also
 * for instructions the mode cannot affect (fcvt.d.s, fcvt.d.w).
 */
export function roundingMode(h: Hart, d: Decoded): number {
  requireFp(h, d);
  const rm = d.rm === RM_DYN ? h.csrLo[CSR_FRM] : d.rm;
  if (rm > RM_RMM) raiseIllegal(h, d.raw);
  return rm;
}

/** Unpriv §21.2: a single operand that is not properly NaN-boxed (upper 32 bits all ones) reads as the canonical NaN. */
export function readS(h: Hart, i: number): number {
  return h.fh[i] === -1 ? h.fl[i] : CANONICAL_NAN_S;
}

/**
 * Unpriv §23 (Zfh): a half is NaN-boxed in a single, itself boxed in the
 * 64-bit register, so it is valid only with bits 63:16 all ones; otherwise
 * it reads as the canonical NaN.
 */
export function readH(h: Hart, i: number): number {
  const lo = h.fl[i];
  return h.fh[i] === -1 && lo >>> 16 === 0xffff ? lo & 0xffff : CANONICAL_NAN_H;
}

/** Writes a half NaN-boxed (bits 63:16 set, Unpriv §23) and marks FP state dirty; no flags. */
export function setH(h: Hart, rd: number, bits: number): void {
  h.fl[rd] = bits | 0xffff0000;
  h.fh[rd] = -1;
  markFpDirty(h);
}

/** Writes a half result NaN-boxed and accrues the flags its operation left in fres. */
export function writeH(h: Hart, rd: number, bits: number): void {
  h.fl[rd] = bits | 0xffff0000;
  h.fh[rd] = -1;
  h.csrLo[CSR_FFLAGS] |= fres.flags;
  markFpDirty(h);
}

/** Writes a single NaN-boxed (Unpriv §21.2) and marks FP state dirty; no flags. */
export function setS(h: Hart, rd: number, bits: number): void {
  h.fl[rd] = bits;
  h.fh[rd] = -1;
  markFpDirty(h);
}

/** Writes a double's bits and marks FP state dirty; no flags. */
export function setD(h: Hart, rd: number, lo: number, hi: number): void {
  h.fl[rd] = lo;
  h.fh[rd] = hi;
  markFpDirty(h);
}

/** Writes a single result and accrues the flags its operation left in fres. */
export function writeS(h: Hart, rd: number, bits: number): void {
  h.fl[rd] = bits;
  h.fh[rd] = -1;
  h.csrLo[CSR_FFLAGS] |= fres.flags;
  markFpDirty(h);
}

/** Writes a double result (low word given, high word in fres.hi) and accrues fres.flags. */
export function writeD(h: Hart, rd: number, lo: number): void {
  h.fl[rd] = lo;
  h.fh[rd] = fres.hi;
  h.csrLo[CSR_FFLAGS] |= fres.flags;
  markFpDirty(h);
}

/** Writes an integer result of an FP instruction; FP state turns dirty only if it raised flags. */
export function writeX(h: Hart, rd: number, lo: number, hi: number): void {
  h.xl[rd] = lo;
  h.xh[rd] = hi;
  if (fres.flags !== 0) {
    h.csrLo[CSR_FFLAGS] |= fres.flags;
    markFpDirty(h);
  }
}

/** FLH/FLW/FLD/FSH/FSW/FSD address rs1 + imm (Unpriv §20.5): returns the low word, high word in r.hi. */
export function fpAddress(h: Hart, d: Decoded): number {
  const bLo = h.xl[d.rs1];
  const lo = (bLo + d.imm) | 0;
  r.hi = (h.xh[d.rs1] + (d.imm >> 31) + (lo >>> 0 < bLo >>> 0 ? 1 : 0)) | 0;
  return lo;
}
