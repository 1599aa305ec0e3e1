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
import { RM_DYN, RM_RNE } from "../../rv64/fp/common.js";
import { CSR_LO, F_HI, F_LO } from "../../rv64/hart-state.js";
import { LOAD_BASE, STORE_BASE } from "../../rv64/mmu/mmu.js";
import {
  L_A,
  L_B,
  L_FA,
  L_FB,
  L_FE,
  L_FH,
  L_FL,
  L_FP,
  L_FS,
  L_FX,
  L_STATUS,
  P_STATE,
  P_VIRT,
  type BlockBuilder,
} from "./builder.js";
import { Op, VOID } from "./encoder.js";
import type { Site, Template } from "./templates.js";
import { hitAddress, tlbHit } from "./tlb.js";

/** 2^27 + 1: Veltkamp's splitting constant for binary64. */
const SPLITTER = 134217729;
/** Biased exponents of 2^-400 and 2^400. */
const EXP_LOW = 1023 - 400;
const EXP_HIGH = 1023 + 400;

const csr = (n: number): number => CSR_LO + 4 * n;

/** Pushes whether the FP unit is on. */
function fpOn(b: BlockBuilder): void {
  const f = b.f;
  f.get(P_STATE).mem(Op.i32Load, 2, csr(CSR_MSTATUS)).i32(MSTATUS_FS).op(Op.i32And).i32(0).op(Op.i32Ne);
  f.get(P_VIRT).op(Op.i32Eqz);
  f.get(P_STATE).mem(Op.i32Load, 2, csr(CSR_VSSTATUS)).i32(MSTATUS_FS).op(Op.i32And).i32(0).op(Op.i32Ne);
  f.op(Op.i32Or).op(Op.i32And);
}

/** Marks the FP state dirty (both copies with V=1), as the handlers' markFpDirty does. */
function markDirty(b: BlockBuilder): void {
  const f = b.f;
  f.get(P_STATE).get(P_STATE).mem(Op.i32Load, 2, csr(CSR_MSTATUS)).i32(MSTATUS_FS).op(Op.i32Or);
  f.mem(Op.i32Store, 2, csr(CSR_MSTATUS));
  f.get(P_STATE).get(P_STATE).mem(Op.i32Load, 2, csr(CSR_VSSTATUS));
  f.i32(0).get(P_VIRT).op(Op.i32Sub).i32(MSTATUS_FS).op(Op.i32And).op(Op.i32Or);
  f.mem(Op.i32Store, 2, csr(CSR_VSSTATUS));
}

/** Pushes f[r]'s 64 bits as an i64. */
function fBits(b: BlockBuilder, r: number): void {
  b.loadHalves(F_LO + 4 * r, F_HI + 4 * r);
}

/** Stores the i64 in local `bits` into f[rd]. */
function setFBits(b: BlockBuilder, rd: number, bits: number): void {
  b.storeHalves(bits, F_LO + 4 * rd, F_HI + 4 * rd);
}

/**
 * The shape every FP template shares: `fast` runs inside a block it may
 * leave with `br 0` (after fpOn and the rounding-mode check failed or its
 * own conditions did) to run the handler instead.
 */
function guarded(b: BlockBuilder, d: Decoded, site: Site, checkMode: boolean, fast: () => void): void {
  const f = b.f;
  f.op(Op.block).byte(VOID); // done
  f.op(Op.block).byte(VOID); // slow
  fpOn(b);
  f.op(Op.i32Eqz).op(Op.brIf).u32(0);
  if (checkMode && d.rm === RM_DYN) {
    f.get(P_STATE).mem(Op.i32Load, 2, csr(CSR_FRM)).op(Op.brIf).u32(0);
  }
  fast();
  f.op(Op.br).u32(1);
  f.op(Op.end);
  b.callHandler(d, site.k, site.off, "slow");
  f.op(Op.end);
}

function fpLoad(size: 4 | 8): Template {
  return {
    kind: "memory",
    noRd: true,
    emit(b, d, site) {
      guarded(b, d, site, false, () => {
        const f = b.f;
        tlbHit(b, d, LOAD_BASE, size);
        f.op(Op.i32Eqz).op(Op.brIf).u32(0);
        if (size === 8) {
          hitAddress(b);
          f.mem(Op.i64Load, 0, 0).set(L_A);
          setFBits(b, d.rd, L_A);
        } else {
          // NaN-boxed (Unpriv §21.2)
          f.get(P_STATE);
          hitAddress(b);
          f.mem(Op.i32Load, 0, 0).mem(Op.i32Store, 2, F_LO + 4 * d.rd);
          f.get(P_STATE)
            .i32(-1)
            .mem(Op.i32Store, 2, F_HI + 4 * d.rd);
        }
        markDirty(b);
      });
    },
  };
}

function fpStore(size: 4 | 8): Template {
  return {
    kind: "memory",
    noRd: true,
    emit(b, d, site) {
      guarded(b, d, site, false, () => {
        const f = b.f;
        tlbHit(b, d, STORE_BASE, size);
        f.op(Op.i32Eqz).op(Op.brIf).u32(0);
        hitAddress(b);
        if (size === 8) {
          fBits(b, d.rs2);
          f.mem(Op.i64Store, 0, 0);
        } else {
          f.get(P_STATE)
            .mem(Op.i32Load, 2, F_LO + 4 * d.rs2)
            .mem(Op.i32Store, 0, 0);
        }
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

/** f[rd] = the f64 in local `result`; fflags |= the i32 on the stack (1: NX, fflags bit 0). */
function finish(b: BlockBuilder, d: Decoded, result: number): void {
  const f = b.f;
  f.set(L_STATUS);
  f.get(P_STATE).get(P_STATE).mem(Op.i32Load, 2, csr(CSR_FFLAGS)).get(L_STATUS).op(Op.i32Or);
  f.mem(Op.i32Store, 2, csr(CSR_FFLAGS));
  f.get(result).op(Op.i64ReinterpretF64).set(L_B);
  setFBits(b, d.rd, L_B);
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
function arithmetic(fast: (b: BlockBuilder, d: Decoded) => void): Template {
  return {
    kind: "memory",
    noRd: true,
    emit(b, d, site) {
      if (d.rm !== RM_DYN && d.rm !== RM_RNE) {
        b.callHandler(d, site.k, site.off, "main");
        return;
      }
      guarded(b, d, site, true, () => fast(b, d));
    },
  };
}

/** fadd.d, fsub.d: s = a ± b; finite sums of finite operands raise NX at most (TwoSum). */
const addOrSubtract = (subtract: boolean): Template =>
  arithmetic((b, d) => {
    const f = b.f;
    operand(b, d.rs1, L_A, L_FA);
    operand(b, d.rs2, L_B, L_FB);
    if (subtract) f.get(L_FB).op(Op.f64Neg).set(L_FB);
    f.get(L_FA).get(L_FB).op(Op.f64Add).tee(L_FS);
    f.get(L_FS).op(Op.f64Sub).f64(0).op(Op.f64Ne).op(Op.brIf).u32(0); // an infinity or NaN
    f.get(L_FS).get(L_FA).op(Op.f64Sub).set(L_FE); // bv = s - a
    f.get(L_FA).get(L_FS).get(L_FE).op(Op.f64Sub).op(Op.f64Sub); // a - (s - bv)
    f.get(L_FB).get(L_FE).op(Op.f64Sub).op(Op.f64Add); // + (b - bv)
    f.f64(0).op(Op.f64Ne);
    finish(b, d, L_FS);
  });

/** rs1 and rs2 into L_FA and L_FB (bits in L_A, L_B), leaving for the handler unless both are moderate. */
function moderateOperands(b: BlockBuilder, d: Decoded): void {
  operand(b, d.rs1, L_A, L_FA);
  requireModerate(b, L_A);
  operand(b, d.rs2, L_B, L_FB);
  requireModerate(b, L_B);
}

/** fmul.d: p = a * b of moderate operands; NX when Dekker's error term is not zero. */
const multiply: Template = arithmetic((b, d) => {
  const f = b.f;
  moderateOperands(b, d);
  f.get(L_FA).get(L_FB).op(Op.f64Mul).set(L_FS);
  productError(b, L_FA, L_FB, L_FS);
  f.f64(0).op(Op.f64Ne);
  finish(b, d, L_FS);
});

/** fdiv.d: q = a / b of moderate operands and quotient; exact when q*b == a exactly. */
const divide: Template = arithmetic((b, d) => {
  const f = b.f;
  moderateOperands(b, d);
  f.get(L_FA).get(L_FB).op(Op.f64Div).tee(L_FS);
  f.op(Op.i64ReinterpretF64).set(L_A);
  requireModerate(b, L_A);
  f.get(L_FS).get(L_FB).op(Op.f64Mul).set(L_FP);
  f.get(L_FP).get(L_FA).op(Op.f64Ne);
  productError(b, L_FS, L_FB, L_FP);
  f.f64(0).op(Op.f64Ne).op(Op.i32Or);
  finish(b, d, L_FS);
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
};
