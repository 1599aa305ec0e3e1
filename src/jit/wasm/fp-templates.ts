// WebAssembly templates for F and D (Unpriv §20, §21): loads and stores,
// and double-precision add, subtract, multiply and divide in native f64.
//
// Each runs only when the FP unit is on (mstatus.FS, and vsstatus.FS with
// V=1; Priv §3.1.6.6, §9.2.11) and the rounding mode is round-to-nearest-
// even, which is WebAssembly's. The inexact flag comes from an error-free
// transformation of the native result: TwoSum (Knuth) for sums, Dekker's
// product with Veltkamp's splitting for products and quotients (q is exact
// when q*b == a exactly). Operands whose exponents keep every step of those
// away from overflow and underflow (2^-400 .. 2^400) can raise no other
// flag. Everything else (other modes, zeros, subnormals, infinities, NaNs,
// extreme exponents) runs the instruction's handler, which is the FP core
// (src/rv64/fp/) that the differential tests compare against.
import type { Decoded } from "../../rv64/decode/decoded.js";
import { CSR_FFLAGS, CSR_FRM, CSR_MSTATUS, CSR_VSSTATUS, MSTATUS_FS } from "../../rv64/constants.js";
import { FLAG_NX, RM_DYN, RM_RNE } from "../../rv64/fp/common.js";
import { CSR_LO } from "../../rv64/hart-state.js";
import { LOAD_BASE, STORE_BASE } from "../../rv64/mmu/mmu.js";
import {
  L_A,
  L_B,
  L_ADDR,
  L_C,
  L_FA,
  L_FB,
  L_FC,
  L_FE,
  L_FH,
  L_FL,
  L_FP,
  L_FS,
  L_FT,
  L_FU,
  L_FV,
  L_FX,
  L_STATUS,
  P_STATE,
  P_VIRT,
  type BlockBuilder,
  type FpOperands,
} from "./builder.js";
import { BLOCK_CONTINUE } from "../block-status.js";
import { Op, VOID } from "./encoder.js";
import type { Site, Template } from "./templates.js";
import { hitAddress, tlbHit } from "./tlb.js";

/** 2^27 + 1: Veltkamp's splitting constant for binary64. */
const SPLITTER = 134217729;
/** Biased exponents of 2^-400 and 2^400. */
const EXP_LOW = 1023 - 400;
const EXP_HIGH = 1023 + 400;
/** 2^-1022, the smallest normal binary64. */
const MIN_NORMAL = 2.2250738585072014e-308;
/** The sign bit in a high word. */
const SIGN = 0x80000000 | 0;

const csr = (n: number): number => CSR_LO + 4 * n;

/** Pushes whether the FP unit is on. */
function fpOn(b: BlockBuilder): void {
  const f = b.f;
  f.get(P_STATE).mem(Op.i32Load, 2, csr(CSR_MSTATUS)).i32(MSTATUS_FS).op(Op.i32And).i32(0).op(Op.i32Ne);
  f.get(P_VIRT).op(Op.i32Eqz);
  f.get(P_STATE).mem(Op.i32Load, 2, csr(CSR_VSSTATUS)).i32(MSTATUS_FS).op(Op.i32And).i32(0).op(Op.i32Ne);
  f.op(Op.i32Or).op(Op.i32And);
}

/** Marks the FP state dirty (both copies with V=1), as the handlers' markFpDirty does, unless it is known to be. */
function markDirty(b: BlockBuilder): void {
  if (b.fpKnownDirty) return;
  const f = b.f;
  f.get(P_STATE).get(P_STATE).mem(Op.i32Load, 2, csr(CSR_MSTATUS)).i32(MSTATUS_FS).op(Op.i32Or);
  f.mem(Op.i32Store, 2, csr(CSR_MSTATUS));
  f.get(P_STATE).get(P_STATE).mem(Op.i32Load, 2, csr(CSR_VSSTATUS));
  f.i32(0).get(P_VIRT).op(Op.i32Sub).i32(MSTATUS_FS).op(Op.i32And).op(Op.i32Or);
  f.mem(Op.i32Store, 2, csr(CSR_VSSTATUS));
}

/** Pushes f[r]'s 64 bits as an i64. */
function fBits(b: BlockBuilder, r: number): void {
  b.fpReg(r);
}

/** f[rd] = the i64 in local `bits`. */
function setFBits(b: BlockBuilder, rd: number, bits: number): void {
  b.f.get(bits);
  b.setFpReg(rd);
}

/**
 * The shape every FP template shares: `fast` runs inside a block it may
 * leave with `br 0` (after fpOn and the rounding-mode check failed or its
 * own conditions did) to run the handler instead. Afterwards the FP unit
 * is known on (the handler would have trapped otherwise), and known dirty
 * if the instruction always dirties it (`dirties`: it writes an f register).
 */
function guarded(
  b: BlockBuilder,
  d: Decoded,
  site: Site,
  checkMode: boolean,
  dirties: boolean,
  fast: () => void,
): void {
  const f = b.f;
  f.op(Op.block).byte(VOID); // done
  f.op(Op.block).byte(VOID); // slow
  if (!b.fpKnownOn) {
    fpOn(b);
    f.op(Op.i32Eqz).op(Op.brIf).u32(0);
  }
  const checkRne = checkMode && d.rm === RM_DYN && !b.fpKnownRne;
  if (checkRne) f.get(P_STATE).mem(Op.i32Load, 2, csr(CSR_FRM)).op(Op.brIf).u32(0);
  const before = b.dirtySet();
  fast();
  const afterFast = b.dirtySet();
  f.op(Op.br).u32(1);
  f.op(Op.end);
  b.restoreDirty(before);
  b.callHandler(d, site.k, site.off, "slow");
  if (checkRne) {
    // Past this instruction the block assumes RNE (later templates skip the
    // check): with another mode it leaves after the handler ran, and the
    // interpreter goes on.
    f.get(P_STATE).mem(Op.i32Load, 2, csr(CSR_FRM)).op(Op.if).byte(VOID);
    b.exitAt(site.next, site.k + 1, BLOCK_CONTINUE);
    f.op(Op.end);
  }
  b.mergeDirty(afterFast);
  f.op(Op.end);
  b.fpKnownOn = true;
  if (dirties) b.fpKnownDirty = true;
  if (checkMode && d.rm === RM_DYN) b.fpKnownRne = true;
}

/** Pushes the RAM address of the access (TLB set `base`), or leaves for the handler (br 0) on a miss. */
function ramAddressOrLeave(b: BlockBuilder, d: Decoded, base: number, size: number): void {
  tlbHit(b, d, base, size);
  b.f.op(Op.i32Eqz).op(Op.brIf).u32(0);
  hitAddress(b);
}

function fpLoad(size: 4 | 8): Template {
  return {
    kind: "memory",
    noRd: true,
    fp: { reads: [], writes: true },
    emit(b, d, site) {
      guarded(b, d, site, false, true, () => {
        const f = b.f;
        ramAddressOrLeave(b, d, LOAD_BASE, size);
        if (size === 8) f.mem(Op.i64Load, 0, 0);
        else f.mem(Op.i64Load32U, 0, 0).i64(0, -1).op(Op.i64Or); // NaN-boxed (Unpriv §21.2)
        b.setFpReg(d.rd);
        markDirty(b);
      });
    },
  };
}

function fpStore(size: 4 | 8): Template {
  return {
    kind: "memory",
    noRd: true,
    fp: { reads: ["rs2"], writes: false },
    emit(b, d, site) {
      guarded(b, d, site, false, false, () => {
        const f = b.f;
        ramAddressOrLeave(b, d, STORE_BASE, size);
        fBits(b, d.rs2);
        f.mem(size === 8 ? Op.i64Store : Op.i64Store32, 0, 0);
      });
    },
  };
}

/** Leaves for the handler (br 0) unless the biased exponent of the i64 in `bits` is in EXP_LOW..EXP_HIGH. */
function requireModerate(b: BlockBuilder, bits: number): void {
  const f = b.f;
  f.get(bits).i64(52, 0).op(Op.i64ShrU).op(Op.i32WrapI64).i32(0x7ff).op(Op.i32And).i32(EXP_LOW).op(Op.i32Sub);
  f.i32(EXP_HIGH - EXP_LOW)
    .op(Op.i32GtU)
    .op(Op.brIf)
    .u32(0);
}

/** hi and lo into locals: Veltkamp's split of the f64 in local `x` (hi has 26 bits, lo the rest). */
function split(b: BlockBuilder, x: number, hi: number, lo: number): void {
  const f = b.f;
  f.f64(SPLITTER).get(x).op(Op.f64Mul).tee(hi); // c
  f.get(hi).get(x).op(Op.f64Sub).op(Op.f64Sub).set(hi); // c - (c - x)
  f.get(x).get(hi).op(Op.f64Sub).set(lo);
}

/**
 * Pushes the rounding error of x*y, whose rounded value is in local `p`
 * (Dekker): zero exactly when the product is exact. Uses L_FH, L_FL, L_FE, L_FX.
 */
function productError(b: BlockBuilder, x: number, y: number, p: number): void {
  const f = b.f;
  split(b, x, L_FH, L_FL);
  split(b, y, L_FE, L_FX);
  f.get(L_FH).get(L_FE).op(Op.f64Mul).get(p).op(Op.f64Sub);
  f.get(L_FH).get(L_FX).op(Op.f64Mul).op(Op.f64Add);
  f.get(L_FL).get(L_FE).op(Op.f64Mul).op(Op.f64Add);
  f.get(L_FL).get(L_FX).op(Op.f64Mul).op(Op.f64Add);
}

/**
 * f[rd] = the f64 in local `result`; fflags |= the i32 `inexact` pushes (1:
 * NX, fflags bit 0). The flags accrue (Unpriv §20.2): once NX is set, the
 * error term that decides it need not be computed, and is not.
 */
function finish(b: BlockBuilder, d: Decoded, result: number, inexact: () => void): void {
  const f = b.f;
  f.get(P_STATE).mem(Op.i32Load, 2, csr(CSR_FFLAGS)).i32(FLAG_NX).op(Op.i32And).op(Op.i32Eqz);
  f.op(Op.if).byte(VOID);
  f.get(P_STATE).get(P_STATE).mem(Op.i32Load, 2, csr(CSR_FFLAGS));
  inexact();
  f.op(Op.i32Or).mem(Op.i32Store, 2, csr(CSR_FFLAGS));
  f.op(Op.end);
  f.get(result).op(Op.i64ReinterpretF64);
  b.setFpReg(d.rd);
  markDirty(b);
}

/** Loads f[r] into the f64 local `x`, its bits into the i64 local `bits`. */
function operand(b: BlockBuilder, r: number, bits: number, x: number): void {
  fBits(b, r);
  b.f.tee(bits).op(Op.f64ReinterpretI64).set(x);
}

/**
 * A double-precision operation with a native fast path; a static rounding
 * mode other than RNE always takes the handler (it raises the illegal
 * instruction for a reserved one).
 */
function arithmetic(reads: FpOperands["reads"], fast: (b: BlockBuilder, d: Decoded) => void): Template {
  return {
    kind: "memory",
    noRd: true,
    fp: { reads, writes: true },
    emit(b, d, site) {
      if (d.rm !== RM_DYN && d.rm !== RM_RNE) {
        b.callHandler(d, site.k, site.off, "main");
        return;
      }
      guarded(b, d, site, true, true, () => fast(b, d));
    },
  };
}

/** fadd.d, fsub.d: s = a ± b; finite sums of finite operands raise NX at most (TwoSum). */
const addOrSubtract = (subtract: boolean): Template =>
  arithmetic(["rs1", "rs2"], (b, d) => {
    const f = b.f;
    operand(b, d.rs1, L_A, L_FA);
    operand(b, d.rs2, L_B, L_FB);
    if (subtract) f.get(L_FB).op(Op.f64Neg).set(L_FB);
    f.get(L_FA).get(L_FB).op(Op.f64Add).tee(L_FS);
    f.get(L_FS).op(Op.f64Sub).f64(0).op(Op.f64Ne).op(Op.brIf).u32(0); // an infinity or NaN
    finish(b, d, L_FS, () => {
      sumError(b, L_FA, L_FB, L_FS);
      f.f64(0).op(Op.f64Ne);
    });
  });

/** rs1 and rs2 into L_FA and L_FB (bits in L_A, L_B), leaving for the handler unless both are moderate. */
function moderateOperands(b: BlockBuilder, d: Decoded): void {
  operand(b, d.rs1, L_A, L_FA);
  requireModerate(b, L_A);
  operand(b, d.rs2, L_B, L_FB);
  requireModerate(b, L_B);
}

/** fmul.d: p = a * b of moderate operands; NX when Dekker's error term is not zero. */
const multiply: Template = arithmetic(["rs1", "rs2"], (b, d) => {
  const f = b.f;
  moderateOperands(b, d);
  f.get(L_FA).get(L_FB).op(Op.f64Mul).set(L_FS);
  finish(b, d, L_FS, () => {
    productError(b, L_FA, L_FB, L_FS);
    f.f64(0).op(Op.f64Ne);
  });
});

/** fdiv.d: q = a / b of moderate operands and quotient; exact when q*b == a exactly. */
const divide: Template = arithmetic(["rs1", "rs2"], (b, d) => {
  const f = b.f;
  moderateOperands(b, d);
  f.get(L_FA).get(L_FB).op(Op.f64Div).tee(L_FS);
  f.op(Op.i64ReinterpretF64).set(L_A);
  requireModerate(b, L_A);
  finish(b, d, L_FS, () => {
    f.get(L_FS).get(L_FB).op(Op.f64Mul).set(L_FP);
    f.get(L_FP).get(L_FA).op(Op.f64Ne);
    productError(b, L_FS, L_FB, L_FP);
    f.f64(0).op(Op.f64Ne).op(Op.i32Or);
  });
});

/** The biased exponent of the i64 in local `bits`, as an i32. */
function exponent(b: BlockBuilder, bits: number): void {
  b.f.get(bits).i64(52, 0).op(Op.i64ShrU).op(Op.i32WrapI64).i32(0x7ff).op(Op.i32And);
}

/** Leaves for the handler (br 0) unless the i32 on the stack, minus `low`, is at most `high - low`. */
function requireWithin(b: BlockBuilder, low: number, high: number): void {
  b.f
    .i32(low)
    .op(Op.i32Sub)
    .i32(high - low)
    .op(Op.i32GtU)
    .op(Op.brIf)
    .u32(0);
}

/** Leaves for the handler (br 0) when |the f64 in local `x`| is not a normal number. */
function requireNormal(b: BlockBuilder, x: number): void {
  const f = b.f;
  f.get(x).op(Op.f64Abs).f64(MIN_NORMAL).op(Op.f64Lt);
  f.get(x).op(Op.f64Abs).f64(Infinity).op(Op.f64Eq).op(Op.i32Or).op(Op.brIf).u32(0);
}

/** Pushes the error of the sum s = x + y in local `s` (TwoSum, Knuth). Uses L_FE. */
function sumError(b: BlockBuilder, x: number, y: number, s: number): void {
  const f = b.f;
  f.get(s).get(x).op(Op.f64Sub).set(L_FE); // bv = s - x
  f.get(x).get(s).get(L_FE).op(Op.f64Sub).op(Op.f64Sub); // x - (s - bv)
  f.get(y).get(L_FE).op(Op.f64Sub).op(Op.f64Add); // + (y - bv)
}

/**
 * fmadd.d, fmsub.d, fnmsub.d, fnmadd.d: ±(a * b) ± c rounded once (Unpriv
 * §21.4), the FP core's fast path (binary64.ts fmaD; Boldo and Melquiond's
 * round-to-odd sum, Algorithm 5.4): with uh + ul = a * b exactly (Dekker)
 * and th + tl = c + uh exactly (TwoSum), RN(th + RO(tl + ul)) is the
 * correctly rounded result. The exponent window keeps every step clear of
 * overflow and underflow, and the result must be normal.
 */
const fused = (negateProduct: boolean, negateAddend: boolean): Template =>
  arithmetic(["rs1", "rs2", "rs3"], (b, d) => {
    const f = b.f;
    operand(b, d.rs1, L_A, L_FA);
    operand(b, d.rs2, L_B, L_FB);
    fBits(b, d.rs3);
    f.set(L_C);
    exponent(b, L_A);
    f.tee(L_ADDR);
    requireWithin(b, 28, 2018);
    exponent(b, L_B);
    f.tee(L_STATUS);
    requireWithin(b, 28, 2018);
    f.get(L_ADDR).get(L_STATUS).op(Op.i32Add);
    requireWithin(b, 1146, 3046);
    exponent(b, L_C);
    f.i32(2023).op(Op.i32GtU).op(Op.brIf).u32(0);
    if (negateProduct) f.get(L_FA).op(Op.f64Neg).set(L_FA);
    f.get(L_C).op(Op.f64ReinterpretI64);
    if (negateAddend) f.op(Op.f64Neg);
    f.set(L_FC);
    f.get(L_FA).get(L_FB).op(Op.f64Mul).set(L_FP); // uh
    productError(b, L_FA, L_FB, L_FP);
    f.set(L_FU); // ul
    f.get(L_FC).get(L_FP).op(Op.f64Add).set(L_FS); // th
    sumError(b, L_FC, L_FP, L_FS);
    f.set(L_FT); // tl
    f.get(L_FT).get(L_FU).op(Op.f64Add).set(L_FV); // v
    sumError(b, L_FT, L_FU, L_FV);
    f.set(L_FX); // ve: v's rounding error
    // Round to odd: an inexact v with an even significand moves one ulp towards the exact sum.
    f.get(L_FX).f64(0).op(Op.f64Ne);
    f.get(L_FV).op(Op.i64ReinterpretF64).tee(L_A).i64(1, 0).op(Op.i64And).op(Op.i64Eqz);
    f.op(Op.i32And).op(Op.if).byte(VOID);
    f.get(L_A).i64(1, 0).i64(-1, -1);
    f.get(L_FX).f64(0).op(Op.f64Gt).get(L_FV).f64(0).op(Op.f64Gt).op(Op.i32Eq);
    f.op(Op.select).op(Op.i64Add).op(Op.f64ReinterpretI64).set(L_FV);
    f.op(Op.end);
    f.get(L_FS).get(L_FV).op(Op.f64Add).set(L_FH); // z
    requireNormal(b, L_FH);
    finish(b, d, L_FH, () => {
      sumError(b, L_FS, L_FV, L_FH);
      f.f64(0).op(Op.f64Ne).get(L_FX).f64(0).op(Op.f64Ne).op(Op.i32Or);
    });
  });

/** fsqrt.d of a positive moderate operand: NX unless s * s == a exactly (Dekker). */
const squareRoot: Template = arithmetic(["rs1"], (b, d) => {
  const f = b.f;
  operand(b, d.rs1, L_A, L_FA);
  requireModerate(b, L_A);
  f.get(L_A).i64(0, 0).op(Op.i64LtS).op(Op.brIf).u32(0);
  f.get(L_FA).op(Op.f64Sqrt).set(L_FS);
  finish(b, d, L_FS, () => {
    f.get(L_FS).get(L_FS).op(Op.f64Mul).set(L_FP);
    f.get(L_FP).get(L_FA).op(Op.f64Ne);
    productError(b, L_FS, L_FS, L_FP);
    f.f64(0).op(Op.f64Ne).op(Op.i32Or);
  });
});

/** An instruction that needs only the FP unit on (no rounding, no flags from the fast path). */
function unrounded(reads: FpOperands["reads"], fast: (b: BlockBuilder, d: Decoded) => void): Template {
  return {
    kind: "memory",
    noRd: true,
    fp: { reads, writes: true },
    emit(b, d, site) {
      guarded(b, d, site, false, true, () => fast(b, d));
    },
  };
}

/** fsgnj.d, fsgnjn.d, fsgnjx.d (Unpriv §21.5): rs1's magnitude, a sign from rs2's. */
const signInjection = (combine: "copy" | "negate" | "xor"): Template =>
  unrounded(["rs1", "rs2"], (b, d) => {
    const f = b.f;
    fBits(b, d.rs1);
    if (combine === "xor") {
      fBits(b, d.rs2);
      f.i64(0, SIGN).op(Op.i64And).op(Op.i64Xor);
    } else {
      f.i64(-1, ~SIGN).op(Op.i64And);
      fBits(b, d.rs2);
      if (combine === "negate") f.i64(-1, -1).op(Op.i64Xor);
      f.i64(0, SIGN).op(Op.i64And).op(Op.i64Or);
    }
    f.set(L_A);
    setFBits(b, d.rd, L_A);
    markDirty(b);
  });

/** fmv.x.d (Unpriv §21.5): x[rd] = f[rs1]'s bits. */
const moveToInteger: Template = {
  kind: "memory",
  fp: { reads: ["rs1"], writes: false },
  emit(b, d, site) {
    guarded(b, d, site, false, false, () => {
      fBits(b, d.rs1);
      b.setReg(d.rd);
    });
  },
};

/** fmv.d.x (Unpriv §21.5): f[rd] = x[rs1]'s bits. */
const moveFromInteger: Template = unrounded([], (b, d) => {
  b.reg(d.rs1);
  b.f.set(L_A);
  setFBits(b, d.rd, L_A);
  markDirty(b);
});

/** feq.d, flt.d, fle.d (Unpriv §21.6) of two numbers; a NaN operand (flags) takes the handler. */
const comparison = (code: number): Template => ({
  kind: "memory",
  fp: { reads: ["rs1", "rs2"], writes: false },
  emit(b, d, site) {
    guarded(b, d, site, false, false, () => {
      const f = b.f;
      operand(b, d.rs1, L_A, L_FA);
      operand(b, d.rs2, L_B, L_FB);
      f.get(L_FA).get(L_FA).op(Op.f64Ne).get(L_FB).get(L_FB).op(Op.f64Ne).op(Op.i32Or).op(Op.brIf).u32(0);
      f.get(L_FA).get(L_FB).op(code).op(Op.i64ExtendI32U);
      b.setReg(d.rd);
    });
  },
});

export const fpTemplates: Record<string, Template> = {
  flw: fpLoad(4),
  fld: fpLoad(8),
  fsw: fpStore(4),
  fsd: fpStore(8),
  "fadd.d": addOrSubtract(false),
  "fsub.d": addOrSubtract(true),
  "fmul.d": multiply,
  "fdiv.d": divide,
  "fsqrt.d": squareRoot,
  "fmadd.d": fused(false, false),
  "fmsub.d": fused(false, true),
  "fnmsub.d": fused(true, false),
  "fnmadd.d": fused(true, true),
  "fsgnj.d": signInjection("copy"),
  "fsgnjn.d": signInjection("negate"),
  "fsgnjx.d": signInjection("xor"),
  "fmv.x.d": moveToInteger,
  "fmv.d.x": moveFromInteger,
  "feq.d": comparison(Op.f64Eq),
  "flt.d": comparison(Op.f64Lt),
  "fle.d": comparison(Op.f64Le),
};
