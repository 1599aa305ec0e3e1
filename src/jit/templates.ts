// Code templates: the JavaScript each instruction compiles to, by mnemonic
// (compressed instructions decode to the mnemonic they expand to). Values
// are int32 hi/lo halves as in the interpreter (src/rv64/exec/), whose
// handlers remain the reference: the differential tests (test/unit/jit-*.ts)
// run both and compare. Instructions without a template call their
// interpreter handler from the block (compile.ts).
import type { Decoded } from "../rv64/decode/decoded.js";
import { LOAD_BASE, STORE_BASE, TLB_MASK } from "../rv64/mmu/mmu.js";
import { CSR_FFLAGS, CSR_FRM, CSR_MSTATUS, CSR_VSSTATUS, MSTATUS_FS } from "../rv64/constants.js";
import { RM_DYN, RM_RMM } from "../rv64/fp/common.js";
import { BLOCK_CONTINUE, BLOCK_STOP, setPcCode, type Emitter } from "./emitter.js";

/** Where an instruction sits in its block. */
export interface Site {
  /** Index in the block (instructions before it retire first). */
  k: number;
  /** Page offset of the instruction, and of the one after it. */
  off: number;
  next: number;
  /** The statement calling the instruction's interpreter handler (for a slow path). */
  handler(): string;
}

export interface Template {
  /** "op": computes registers only; "memory": may trap or touch a device; "end": sets pc and ends the block. */
  kind: "op" | "memory" | "end";
  emit(e: Emitter, d: Decoded, site: Site): void;
}

/** (hi:lo) of a sign-extended 32-bit immediate, as source text. */
const immHi = (imm: number): number => imm >> 31;

/** Unsigned 32-bit a < b as source text. */
const ltu = (a: string, b: string): string => `(${a} >>> 0 < ${b} >>> 0)`;

function op(emit: (e: Emitter, d: Decoded, site: Site) => void): Template {
  return { kind: "op", emit };
}

// ---- 64-bit ALU (Unpriv §4.2.1, §4.2.2)

/** rd = rs1 + (hi:lo) where the second operand is given as expressions. */
function add64(e: Emitter, d: Decoded, bLo: string, bHi: string): void {
  const a = e.lo(d.rs1);
  const ah = e.hi(d.rs1);
  e.line(`t0 = (${a} + ${bLo}) | 0; t1 = (${ah} + ${bHi} + ${ltu("t0", a)}) | 0;`);
  e.set(d.rd, "t0", "t1");
}

/** Signed or unsigned 64-bit rs1 < (bHi:bLo) as 0/1 source text. */
function less64(e: Emitter, d: Decoded, bLo: string, bHi: string, signed: boolean): string {
  const a = e.lo(d.rs1);
  const ah = e.hi(d.rs1);
  const hiLess = signed ? `${ah} < ${bHi}` : ltu(ah, bHi);
  return `(${hiLess} || (${ah} === ${bHi} && ${ltu(a, bLo)}) ? 1 : 0)`;
}

/** Bitwise op of rs1 with (bHi:bLo). */
function bitwise(e: Emitter, d: Decoded, operator: string, bLo: string, bHi: string): void {
  e.line(`t0 = ${e.lo(d.rs1)} ${operator} ${bLo}; t1 = ${e.hi(d.rs1)} ${operator} ${bHi};`);
  e.set(d.rd, "t0", "t1");
}

/** Shift rs1 left by a constant 0..63. */
function shiftLeftConst(e: Emitter, d: Decoded, sh: number): void {
  const a = e.lo(d.rs1);
  const ah = e.hi(d.rs1);
  if (sh === 0) e.line(`t0 = ${a}; t1 = ${ah};`);
  else if (sh < 32) e.line(`t1 = (${ah} << ${sh}) | (${a} >>> ${32 - sh}); t0 = ${a} << ${sh};`);
  else e.line(`t1 = ${a} << ${sh - 32}; t0 = 0;`);
  e.set(d.rd, "t0", "t1");
}

/** Shift rs1 right (arithmetic or logical) by a constant 0..63. */
function shiftRightConst(e: Emitter, d: Decoded, sh: number, arithmetic: boolean): void {
  const a = e.lo(d.rs1);
  const ah = e.hi(d.rs1);
  const shr = arithmetic ? ">>" : ">>>";
  if (sh === 0) e.line(`t0 = ${a}; t1 = ${ah};`);
  else if (sh < 32) e.line(`t0 = (${a} >>> ${sh}) | (${ah} << ${32 - sh}); t1 = (${ah} ${shr} ${sh}) | 0;`);
  else e.line(`t0 = (${ah} ${shr} ${sh - 32}) | 0; t1 = ${arithmetic ? `${ah} >> 31` : "0"};`);
  e.set(d.rd, "t0", "t1");
}

/** Shift by rs2's low 6 bits through the interpreter's int64 helpers (closure constants S.*). */
function shiftByRegister(helper: string): Template {
  return op((e, d) => {
    e.line(`t0 = S.${helper}(${e.lo(d.rs1)}, ${e.hi(d.rs1)}, ${e.lo(d.rs2)} & 63); t1 = S.r.hi;`);
    e.set(d.rd, "t0", "t1");
  });
}

// ---- loads and stores (Unpriv §2.6): the MMU's TLB fast path inlined
// (src/rv64/mmu/mmu.ts); a miss, a misaligned address or MMIO goes through
// the MMU's method with the state made exact first, since it may trap. Fast
// store entries never map code or watched pages, so only the slow path can
// raise a signal.

/** Effective address rs1 + imm into t0 (low) and t1 (high). */
function effectiveAddress(e: Emitter, d: Decoded): void {
  const a = e.lo(d.rs1);
  e.line(`t0 = (${a} + ${d.imm}) | 0; t1 = (${e.hi(d.rs1)} + ${immHi(d.imm)} + ${ltu("t0", a)}) | 0;`);
}

/** A TLB hit for address t0/t1 in the TLB at `base`, t2 the entry; `size` checks alignment. */
function tlbHit(base: number, size: number): string {
  const aligned = size > 1 ? ` && (t0 & ${size - 1}) === 0` : "";
  return (
    `(t2 = mmu.set + (((t0 >>> 12) & ${TLB_MASK}) | ${base}), ` +
    `tagLo[t2] === (t0 & -4096) && tagHi[t2] === t1${aligned})`
  );
}

/** RAM byte offset of the hit in entry t2. */
const hitOffset = "(ramOff[t2] + (t0 & 4095))";

interface LoadShape {
  method: string;
  size: number;
  /** Reads the value at a hit into t0 (and t1 for 64 bits). */
  fast: string;
  /** The register's high half from t0 (and t1). */
  hi: string;
}

function load(shape: LoadShape): Template {
  return {
    kind: "memory",
    emit(e, d, site) {
      effectiveAddress(e, d);
      e.usesMemory();
      const slowHi = shape.size === 8 ? " t1 = mmu.hi;" : "";
      const rdBack = d.rd === 0 || d.rd === 32 ? "" : `xl[${d.rd}] = t0; xh[${d.rd}] = ${shape.hi}; `;
      e.line(
        `if ${tlbHit(LOAD_BASE, shape.size)} { ${shape.fast} } else { ${e.writeBackCode()}${e.syncCode(site.k, site.off)} ` +
          `t0 = mmu.${shape.method}(t0, t1);${slowHi} ` +
          `if (h.signal !== 0) { ${rdBack}h.sliceLeft--; h.signal = 0; ${setPcCode(site.next)} return ${BLOCK_STOP}; } }`,
      );
      e.set(d.rd, "t0", shape.hi);
    },
  };
}

function store(method: string, size: number, fast: (v: string, vh: string) => string): Template {
  return {
    kind: "memory",
    emit(e, d, site) {
      effectiveAddress(e, d);
      e.usesMemory();
      const v = e.lo(d.rs2);
      const vh = e.hi(d.rs2);
      const args = size === 8 ? `${v}, ${vh}` : v;
      e.line(
        `if ${tlbHit(STORE_BASE, size)} { ${fast(v, vh)} } else { ${e.writeBackCode()}${e.syncCode(site.k, site.off)} ` +
          `mmu.${method}(t0, t1, ${args}); ` +
          `if (h.signal !== 0) { h.sliceLeft--; h.signal = 0; ${setPcCode(site.next)} return ${BLOCK_STOP}; } }`,
      );
    },
  };
}

// ---- control transfer (Unpriv §2.5): the block's last instruction.

function branch(condition: (e: Emitter, d: Decoded) => string): Template {
  return {
    kind: "end",
    emit(e, d, site) {
      const taken = condition(e, d);
      e.writeBack();
      e.line(`if (${taken}) { ${e.jumpTo(site.off + d.imm, site.k + 1)} } else { ${e.jumpTo(site.next, site.k + 1)} }`);
    },
  };
}

const eq64 = (e: Emitter, d: Decoded): string =>
  `${e.lo(d.rs1)} === ${e.lo(d.rs2)} && ${e.hi(d.rs1)} === ${e.hi(d.rs2)}`;

/** rd = the address after this instruction (pc + len). */
function link(e: Emitter, d: Decoded, site: Site): void {
  if (d.rd === 32) return;
  e.line(`t0 = (vaLo + ${site.next}) | 0; t1 = (vaHi + ${ltu("t0", "vaLo")}) | 0;`);
  e.set(d.rd, "t0", "t1");
}

const jal: Template = {
  kind: "end",
  emit(e, d, site) {
    link(e, d, site);
    e.writeBack();
    e.line(e.jumpTo(site.off + d.imm, site.k + 1));
  },
};

const jalr: Template = {
  kind: "end",
  emit(e, d, site) {
    // Target first: rd may be rs1. Bit 0 cleared (Unpriv §2.5.1).
    const a = e.lo(d.rs1);
    e.line(`t2 = (${a} + ${d.imm}) | 0; t3 = (${e.hi(d.rs1)} + ${immHi(d.imm)} + ${ltu("t2", a)}) | 0;`);
    e.line(`h.pcLo = t2 & -2; h.pcHi = t3;`);
    link(e, d, site);
    e.writeBack();
    e.line(`h.sliceLeft = left - ${site.k + 1}; return ${BLOCK_CONTINUE};`);
  },
};

// ---- F and D (Unpriv §20, §21): loads, stores and the arithmetic of the
// interpreter's FP core (src/rv64/fp/), called directly. Each runs only
// when the FP unit is on (mstatus.FS, and vsstatus.FS with V=1) and the
// rounding mode is valid; otherwise the interpreter's handler raises the
// illegal-instruction trap with the state made exact.

/** FP state on (Unpriv §20.1, Priv §3.1.6.6, §9.2.11) as source text. */
const FP_ON = `(h.csrLo[${CSR_MSTATUS}] & ${MSTATUS_FS}) !== 0 && (!h.virt || (h.csrLo[${CSR_VSSTATUS}] & ${MSTATUS_FS}) !== 0)`;
/** Marks FP state dirty (both copies with V=1), as markFpDirty does. */
const FP_DIRTY = `h.csrLo[${CSR_MSTATUS}] |= ${MSTATUS_FS}; if (h.virt) h.csrLo[${CSR_VSSTATUS}] |= ${MSTATUS_FS};`;

/** The handler with the state exact: raises the trap the fast path ruled out (or does the access). */
function slowPath(e: Emitter, site: Site): string {
  return `${e.writeBackCode()}${e.syncCode(site.k, site.off)} ${site.handler()} ${e.followSignalCode(site.next)}`;
}

function fpLoad(size: 4 | 8): Template {
  return {
    kind: "memory",
    emit(e, d, site) {
      effectiveAddress(e, d);
      e.usesMemory();
      const value =
        size === 8
          ? `t2 = ${hitOffset} >>> 2; fl[${d.rd}] = i32[t2]; fh[${d.rd}] = i32[t2 + 1];`
          : `fl[${d.rd}] = i32[${hitOffset} >>> 2]; fh[${d.rd}] = -1;`; // NaN-boxed (Unpriv §21.2)
      e.line(`if (${FP_ON} && ${tlbHit(LOAD_BASE, size)}) { ${value} ${FP_DIRTY} } else { ${slowPath(e, site)} }`);
    },
  };
}

function fpStore(size: 4 | 8): Template {
  return {
    kind: "memory",
    emit(e, d, site) {
      effectiveAddress(e, d);
      e.usesMemory();
      const value =
        size === 8
          ? `t2 = ${hitOffset} >>> 2; i32[t2] = fl[${d.rs2}]; i32[t2 + 1] = fh[${d.rs2}];`
          : `i32[${hitOffset} >>> 2] = fl[${d.rs2}];`;
      e.line(`if (${FP_ON} && ${tlbHit(STORE_BASE, size)}) { ${value} } else { ${slowPath(e, site)} }`);
    },
  };
}

/**
 * A double-precision operation of the FP core: `call` gives its arguments
 * after the function name, with RM for the rounding mode; the result goes
 * to f[rd] with its flags accrued (writeD).
 */
function fpArith(fn: string, args: (d: Decoded) => string): Template {
  return {
    kind: "memory",
    emit(e, d, site) {
      // A reserved static mode is illegal (Unpriv §20.2): the handler raises it.
      if (d.rm !== RM_DYN && d.rm > RM_RMM) {
        e.line(slowPath(e, site));
        return;
      }
      const rmOk = d.rm === RM_DYN ? ` && (t3 = h.csrLo[${CSR_FRM}]) <= ${RM_RMM}` : "";
      const rm = d.rm === RM_DYN ? "t3" : `${d.rm}`;
      e.line(
        `if (${FP_ON}${rmOk}) { t0 = S.${fn}(${args(d).replace("RM", rm)}); ` +
          `fl[${d.rd}] = t0; fh[${d.rd}] = S.fres.hi; h.csrLo[${CSR_FFLAGS}] |= S.fres.flags; ${FP_DIRTY} } ` +
          `else { ${slowPath(e, site)} }`,
      );
    },
  };
}

const SIGN = "0x80000000";
const two = (d: Decoded): string => `fl[${d.rs1}], fh[${d.rs1}], fl[${d.rs2}], fh[${d.rs2}], RM`;
/** Fused multiply-add with the signs of the product and of the addend (Unpriv §21.4). */
const fused =
  (negateProduct: boolean, negateAddend: boolean) =>
  (d: Decoded): string =>
    `fl[${d.rs1}], fh[${d.rs1}]${negateProduct ? ` ^ ${SIGN}` : ""}, fl[${d.rs2}], fh[${d.rs2}], ` +
    `fl[${d.rs3}], fh[${d.rs3}]${negateAddend ? ` ^ ${SIGN}` : ""}, RM`;

export const templates: Record<string, Template> = {
  lui: op((e, d) => e.set(d.rd, `${d.imm}`, `${immHi(d.imm)}`)),
  auipc: op((e, d, site) => {
    e.line(`t0 = (vaLo + ${site.off + d.imm}) | 0; t1 = (vaHi + ${immHi(d.imm)} + ${ltu("t0", "vaLo")}) | 0;`);
    e.set(d.rd, "t0", "t1");
  }),
  jal,
  jalr,
  beq: branch(eq64),
  bne: branch((e, d) => `!(${eq64(e, d)})`),
  blt: branch((e, d) => `${less64(e, d, e.lo(d.rs2), e.hi(d.rs2), true)} === 1`),
  bge: branch((e, d) => `${less64(e, d, e.lo(d.rs2), e.hi(d.rs2), true)} === 0`),
  bltu: branch((e, d) => `${less64(e, d, e.lo(d.rs2), e.hi(d.rs2), false)} === 1`),
  bgeu: branch((e, d) => `${less64(e, d, e.lo(d.rs2), e.hi(d.rs2), false)} === 0`),

  lb: load({ method: "loadS8", size: 1, fast: `t0 = (u8[${hitOffset}] << 24) >> 24;`, hi: "t0 >> 31" }),
  lh: load({ method: "loadS16", size: 2, fast: `t0 = (u16[${hitOffset} >>> 1] << 16) >> 16;`, hi: "t0 >> 31" }),
  lw: load({ method: "load32", size: 4, fast: `t0 = i32[${hitOffset} >>> 2];`, hi: "t0 >> 31" }),
  ld: load({ method: "load64", size: 8, fast: `t2 = ${hitOffset} >>> 2; t0 = i32[t2]; t1 = i32[t2 + 1];`, hi: "t1" }),
  lbu: load({ method: "loadU8", size: 1, fast: `t0 = u8[${hitOffset}];`, hi: "0" }),
  lhu: load({ method: "loadU16", size: 2, fast: `t0 = u16[${hitOffset} >>> 1];`, hi: "0" }),
  lwu: load({ method: "load32", size: 4, fast: `t0 = i32[${hitOffset} >>> 2];`, hi: "0" }),
  sb: store("store8", 1, (v) => `u8[${hitOffset}] = ${v};`),
  sh: store("store16", 2, (v) => `u16[${hitOffset} >>> 1] = ${v};`),
  sw: store("store32", 4, (v) => `i32[${hitOffset} >>> 2] = ${v};`),
  sd: store("store64", 8, (v, vh) => `t2 = ${hitOffset} >>> 2; i32[t2] = ${v}; i32[t2 + 1] = ${vh};`),

  addi: op((e, d) => add64(e, d, `${d.imm}`, `${immHi(d.imm)}`)),
  slti: op((e, d) => e.set(d.rd, less64(e, d, `${d.imm}`, `${immHi(d.imm)}`, true), "0")),
  sltiu: op((e, d) => e.set(d.rd, less64(e, d, `${d.imm}`, `${immHi(d.imm)}`, false), "0")),
  xori: op((e, d) => bitwise(e, d, "^", `${d.imm}`, `${immHi(d.imm)}`)),
  ori: op((e, d) => bitwise(e, d, "|", `${d.imm}`, `${immHi(d.imm)}`)),
  andi: op((e, d) => bitwise(e, d, "&", `${d.imm}`, `${immHi(d.imm)}`)),
  slli: op((e, d) => shiftLeftConst(e, d, d.imm)),
  srli: op((e, d) => shiftRightConst(e, d, d.imm, false)),
  srai: op((e, d) => shiftRightConst(e, d, d.imm, true)),
  add: op((e, d) => add64(e, d, e.lo(d.rs2), e.hi(d.rs2))),
  sub: op((e, d) => {
    const a = e.lo(d.rs1);
    const b = e.lo(d.rs2);
    e.line(`t0 = (${a} - ${b}) | 0; t1 = (${e.hi(d.rs1)} - ${e.hi(d.rs2)} - ${ltu(a, b)}) | 0;`);
    e.set(d.rd, "t0", "t1");
  }),
  sll: shiftByRegister("sll64"),
  srl: shiftByRegister("srl64"),
  sra: shiftByRegister("sra64"),
  slt: op((e, d) => e.set(d.rd, less64(e, d, e.lo(d.rs2), e.hi(d.rs2), true), "0")),
  sltu: op((e, d) => e.set(d.rd, less64(e, d, e.lo(d.rs2), e.hi(d.rs2), false), "0")),
  xor: op((e, d) => bitwise(e, d, "^", e.lo(d.rs2), e.hi(d.rs2))),
  or: op((e, d) => bitwise(e, d, "|", e.lo(d.rs2), e.hi(d.rs2))),
  and: op((e, d) => bitwise(e, d, "&", e.lo(d.rs2), e.hi(d.rs2))),

  // RV64I word instructions (Unpriv §4.2): 32-bit result, sign-extended.
  addiw: op((e, d) => e.setSigned32(d.rd, `(${e.lo(d.rs1)} + ${d.imm}) | 0`)),
  slliw: op((e, d) => e.setSigned32(d.rd, `${e.lo(d.rs1)} << ${d.imm & 31}`)),
  srliw: op((e, d) => e.setSigned32(d.rd, `(${e.lo(d.rs1)} >>> ${d.imm & 31}) | 0`)),
  sraiw: op((e, d) => e.setSigned32(d.rd, `${e.lo(d.rs1)} >> ${d.imm & 31}`)),
  addw: op((e, d) => e.setSigned32(d.rd, `(${e.lo(d.rs1)} + ${e.lo(d.rs2)}) | 0`)),
  subw: op((e, d) => e.setSigned32(d.rd, `(${e.lo(d.rs1)} - ${e.lo(d.rs2)}) | 0`)),
  sllw: op((e, d) => e.setSigned32(d.rd, `${e.lo(d.rs1)} << (${e.lo(d.rs2)} & 31)`)),
  srlw: op((e, d) => e.setSigned32(d.rd, `(${e.lo(d.rs1)} >>> (${e.lo(d.rs2)} & 31)) | 0`)),
  sraw: op((e, d) => e.setSigned32(d.rd, `${e.lo(d.rs1)} >> (${e.lo(d.rs2)} & 31)`)),

  // FENCE orders memory for other harts and devices; harts here interleave
  // at instruction granularity, so it has nothing to do (as in exec/i.ts).
  fence: op(() => {}),

  // M (Unpriv §13.1): the multiplies; division goes to the handlers.
  mul: op((e, d) => {
    e.line(`t0 = S.mul64(${e.lo(d.rs1)}, ${e.hi(d.rs1)}, ${e.lo(d.rs2)}, ${e.hi(d.rs2)}); t1 = S.r.hi;`);
    e.set(d.rd, "t0", "t1");
  }),
  mulw: op((e, d) => e.setSigned32(d.rd, `Math.imul(${e.lo(d.rs1)}, ${e.lo(d.rs2)})`)),

  flw: fpLoad(4),
  fld: fpLoad(8),
  fsw: fpStore(4),
  fsd: fpStore(8),
  "fadd.d": fpArith("addD", two),
  "fsub.d": fpArith("subD", two),
  "fmul.d": fpArith("mulD", two),
  "fdiv.d": fpArith("divD", two),
  "fsqrt.d": fpArith("sqrtD", (d) => `fl[${d.rs1}], fh[${d.rs1}], RM`),
  "fmadd.d": fpArith("fmaD", fused(false, false)),
  "fmsub.d": fpArith("fmaD", fused(false, true)),
  "fnmsub.d": fpArith("fmaD", fused(true, false)),
  "fnmadd.d": fpArith("fmaD", fused(true, true)),
};
