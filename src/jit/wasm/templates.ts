// WebAssembly templates: the code each instruction compiles to, by mnemonic
// (compressed instructions decode to the mnemonic they expand to), with
// guest registers as native i64. The interpreter's handlers (src/rv64/exec/)
// remain the reference: the differential tests (test/unit/jit-*.ts) run both
// and compare. Instructions without a template call their handler from the
// block (compile.ts), and so do the slow paths here.
import type { Decoded } from "../../rv64/decode/decoded.js";
import { LOAD_BASE, STORE_BASE } from "../../rv64/mmu/mmu.js";
import { BLOCK_CONTINUE } from "../block-status.js";
import { L_A, L_B, L_C, L_PAGE, L_T, L_VA, type BlockBuilder, type FpOperands } from "./builder.js";
import { Op, VOID } from "./encoder.js";
import { fpTemplates } from "./fp-templates.js";
import { hitAddress, tlbHit } from "./tlb.js";

/** Where an instruction sits in its block. */
export interface Site {
  /** Index in the block (instructions before it retire first). */
  k: number;
  /** Page offset of the instruction, and of the one after it. */
  off: number;
  next: number;
}

export interface Template {
  /** "op": computes registers only; "memory": may trap or touch a device; "end": sets pc and ends the block. */
  kind: "op" | "memory" | "end";
  /** The instruction has no integer rd (stores, branches, FP results): its rd field is other bits or an f register. */
  noRd?: true;
  /** The f registers the template reads and writes (FP templates only; see BlockBuilder). */
  fp?: FpOperands;
  emit(b: BlockBuilder, d: Decoded, site: Site): void;
}

function op(emit: (b: BlockBuilder, d: Decoded) => void): Template {
  return { kind: "op", emit };
}

// ---- integer computation (Unpriv §2.4, §4.2, §13, Zba/Zbb/Zbs §28, Zicond §12)

/** rd = rs1 <op> rs2. */
const binary = (code: number): Template =>
  op((b, d) => {
    b.reg(d.rs1);
    b.reg(d.rs2);
    b.f.op(code);
    b.setReg(d.rd);
  });

/** rd = rs1 <op> sext(imm). */
const withImmediate = (code: number): Template =>
  op((b, d) => {
    b.reg(d.rs1);
    b.imm(d.imm);
    b.f.op(code);
    b.setReg(d.rd);
  });

/** rd = rs1 <shift> shamt (0..63). */
const shiftImmediate = (code: number): Template =>
  op((b, d) => {
    b.reg(d.rs1);
    b.f.i64(d.imm & 63, 0).op(code);
    b.setReg(d.rd);
  });

/** rd = (rs1 <cmp> second) as 0/1; `second` pushes the other operand. */
const setLess = (code: number, second: (b: BlockBuilder, d: Decoded) => void): Template =>
  op((b, d) => {
    b.reg(d.rs1);
    second(b, d);
    b.f.op(code).op(Op.i64ExtendI32U);
    b.setReg(d.rd);
  });
const rs2 = (b: BlockBuilder, d: Decoded): void => b.reg(d.rs2);
const immediate = (b: BlockBuilder, d: Decoded): void => b.imm(d.imm);

/** rd = sext32(low words of rs1 and `second` combined by the i32 op). */
const word = (code: number, second: (b: BlockBuilder, d: Decoded) => void): Template =>
  op((b, d) => {
    b.reg(d.rs1);
    b.f.op(Op.i32WrapI64);
    second(b, d);
    b.f.op(code).op(Op.i64ExtendI32S);
    b.setReg(d.rd);
  });
const rs2Word = (b: BlockBuilder, d: Decoded): void => {
  b.reg(d.rs2);
  b.f.op(Op.i32WrapI64);
};
const immWord = (b: BlockBuilder, d: Decoded): void => {
  b.f.i32(d.imm);
};
const shamtWord = (b: BlockBuilder, d: Decoded): void => {
  b.f.i32(d.imm & 31);
};

/** rd = the i64 unary op of rs1 (clz, ctz, cpop, sign extensions). */
const unary = (code: number): Template =>
  op((b, d) => {
    b.reg(d.rs1);
    b.f.op(code);
    b.setReg(d.rd);
  });

/** rd = zext(the i32 unary op of rs1's low word) (clzw, ctzw, cpopw). */
const unaryWord = (code: number): Template =>
  op((b, d) => {
    b.reg(d.rs1);
    b.f.op(Op.i32WrapI64).op(code).op(Op.i64ExtendI32U);
    b.setReg(d.rd);
  });

/** rd = rs1 or rs2, whichever `code` (a comparison of rs1 with rs2) picks: rs1 when true. */
const pick = (code: number): Template =>
  op((b, d) => {
    b.reg(d.rs1);
    b.reg(d.rs2);
    b.reg(d.rs1);
    b.reg(d.rs2);
    b.f.op(code).op(Op.select);
    b.setReg(d.rd);
  });

/** rd = (zext32(rs1) << n) + rs2 (Zba's .uw forms) or (rs1 << n) + rs2. */
const shiftAdd = (n: number, unsignedWord: boolean): Template =>
  op((b, d) => {
    b.reg(d.rs1);
    if (unsignedWord) b.f.i64(-1, 0).op(Op.i64And);
    if (n !== 0) b.f.i64(n, 0).op(Op.i64Shl);
    b.reg(d.rs2);
    b.f.op(Op.i64Add);
    b.setReg(d.rd);
  });

/** rd = rs1 with bit (rs2 or shamt) changed: `apply` combines rs1 with the bit mask. */
const singleBit = (byImmediate: boolean, apply: (b: BlockBuilder) => void): Template =>
  op((b, d) => {
    b.reg(d.rs1);
    b.f.i64(1, 0);
    if (byImmediate) b.f.i64(d.imm & 63, 0);
    else b.reg(d.rs2);
    b.f.op(Op.i64Shl);
    apply(b);
    b.setReg(d.rd);
  });

/** rd = (rs1 >> shamt) & 1 (bext, bexti). */
const bitExtract = (byImmediate: boolean): Template =>
  op((b, d) => {
    b.reg(d.rs1);
    if (byImmediate) b.f.i64(d.imm & 63, 0);
    else b.reg(d.rs2);
    b.f.op(Op.i64ShrU).i64(1, 0).op(Op.i64And);
    b.setReg(d.rd);
  });

/** czero.eqz / czero.nez: rd = 0 when rs2 is (or is not) zero, else rs1. */
const conditionalZero = (zeroWhenZero: boolean): Template =>
  op((b, d) => {
    b.reg(d.rs1);
    b.f.i64(0, 0);
    b.reg(d.rs2);
    b.f.op(Op.i64Eqz);
    if (zeroWhenZero) b.f.op(Op.i32Eqz);
    b.f.op(Op.select);
    b.setReg(d.rd);
  });

/**
 * Division (Unpriv §13.2): by zero gives all ones (quotient) or the
 * dividend (remainder); the signed overflow -2^(XLEN-1) / -1 gives the
 * dividend (quotient) or 0 (remainder). WebAssembly traps on both, so they
 * are tested first. `word`: the 32-bit forms, sign-extended.
 */
function divide(code: number, kind: "quotient" | "remainder", signed: boolean, word: boolean): Template {
  return op((b, d) => {
    const f = b.f;
    const operand = (r: number): void => {
      b.reg(r);
      if (word) f.op(Op.i32WrapI64).op(signed ? Op.i64ExtendI32S : Op.i64ExtendI32U);
    };
    const result = (): void => {
      if (word) f.op(Op.i32WrapI64).op(Op.i64ExtendI32S);
      f.set(L_T);
    };
    operand(d.rs2);
    f.op(Op.i64Eqz).op(Op.if).byte(VOID);
    if (kind === "quotient") f.i64(-1, -1);
    else operand(d.rs1);
    result();
    f.op(Op.else);
    if (signed) {
      // The overflow case: divisor -1 and the most negative dividend.
      operand(d.rs2);
      f.i64(-1, -1).op(Op.i64Eq);
      operand(d.rs1);
      if (word) f.i64(0x80000000 | 0, -1);
      else f.i64(0, 0x80000000 | 0);
      f.op(Op.i64Eq).op(Op.i32And).op(Op.if).byte(VOID);
      if (kind === "quotient") operand(d.rs1);
      else f.i64(0, 0);
      result();
      f.op(Op.else);
    }
    operand(d.rs1);
    operand(d.rs2);
    f.op(code);
    result();
    if (signed) f.op(Op.end);
    f.op(Op.end);
    f.get(L_T);
    b.setReg(d.rd);
  });
}

/**
 * The high 64 bits of the 128-bit product (mulh, mulhsu, mulhu; Unpriv
 * §13.1): the unsigned product from 32-bit halves, then for a signed
 * operand that is negative, minus the other operand (two's complement).
 */
function multiplyHigh(signed1: boolean, signed2: boolean): Template {
  return op((b, d) => {
    const f = b.f;
    const low = (local: number): void => {
      f.get(local).i64(-1, 0).op(Op.i64And);
    };
    const high = (local: number): void => {
      f.get(local).i64(32, 0).op(Op.i64ShrU);
    };
    b.reg(d.rs1);
    f.set(L_A);
    b.reg(d.rs2);
    f.set(L_B);
    low(L_A);
    high(L_B);
    f.op(Op.i64Mul).set(L_C); // a.lo * b.hi
    high(L_A);
    low(L_B);
    f.op(Op.i64Mul).set(L_VA); // a.hi * b.lo
    // The middle column with the carry from a.lo * b.lo.
    low(L_A);
    low(L_B);
    f.op(Op.i64Mul).i64(32, 0).op(Op.i64ShrU);
    low(L_C);
    f.op(Op.i64Add);
    low(L_VA);
    f.op(Op.i64Add).set(L_T);
    high(L_A);
    high(L_B);
    f.op(Op.i64Mul);
    high(L_C);
    f.op(Op.i64Add);
    high(L_VA);
    f.op(Op.i64Add);
    high(L_T);
    f.op(Op.i64Add);
    if (signed1) f.get(L_A).i64(63, 0).op(Op.i64ShrS).get(L_B).op(Op.i64And).op(Op.i64Sub);
    if (signed2) f.get(L_B).i64(63, 0).op(Op.i64ShrS).get(L_A).op(Op.i64And).op(Op.i64Sub);
    b.setReg(d.rd);
  });
}

// ---- loads and stores (Unpriv §2.6): the MMU's TLB fast path inlined
// (src/rv64/mmu/mmu.ts); a miss, a misaligned address or MMIO runs the
// instruction's handler with the state exact, since it may trap. Fast store
// entries never map code or watched pages, so only the slow path can raise
// a signal.

function load(code: number, size: number): Template {
  return {
    kind: "memory",
    emit(b, d, site) {
      tlbHit(b, d, LOAD_BASE, size);
      b.f.op(Op.i32Eqz).op(Op.if).byte(VOID);
      b.callHandler(d, site.k, site.off, "slow");
      if (d.rd !== 0 && d.rd !== 32) {
        b.f.op(Op.else);
        hitAddress(b);
        b.f.mem(code, 0, 0);
        b.setReg(d.rd);
      }
      b.f.op(Op.end);
    },
  };
}

function store(code: number, size: number): Template {
  return {
    kind: "memory",
    noRd: true,
    emit(b, d, site) {
      tlbHit(b, d, STORE_BASE, size);
      b.f.op(Op.i32Eqz).op(Op.if).byte(VOID);
      b.callHandler(d, site.k, site.off, "slow");
      b.f.op(Op.else);
      hitAddress(b);
      b.reg(d.rs2);
      b.f.mem(code, 0, 0);
      b.f.op(Op.end);
    },
  };
}

// ---- control transfer (Unpriv §2.5): the block's last instruction.

function branch(code: number): Template {
  return {
    kind: "end",
    noRd: true,
    emit(b, d, site) {
      b.reg(d.rs1);
      b.reg(d.rs2);
      b.f.op(code).op(Op.if).byte(VOID);
      b.depth++;
      b.jumpTo(site.off + d.imm);
      b.depth--;
      b.f.op(Op.end);
      b.jumpTo(site.next);
    },
  };
}

/** rd = the address after this instruction (pc + len). */
function link(b: BlockBuilder, d: Decoded, site: Site): void {
  if (d.rd === 0 || d.rd === 32) return;
  b.f.get(L_PAGE);
  b.exact(site.next);
  b.f.op(Op.i64Add);
  b.setReg(d.rd);
}

const jal: Template = {
  kind: "end",
  emit(b, d, site) {
    link(b, d, site);
    b.jumpTo(site.off + d.imm);
  },
};

const jalr: Template = {
  kind: "end",
  emit(b, d, site) {
    // Target first: rd may be rs1. Bit 0 cleared (Unpriv §2.5.1).
    b.reg(d.rs1);
    b.imm(d.imm);
    b.f.op(Op.i64Add).i64(-2, -1).op(Op.i64And).set(L_T);
    link(b, d, site);
    b.exitToComputed(L_T, b.count, BLOCK_CONTINUE);
  },
};

export const templates: Record<string, Template> = {
  lui: op((b, d) => {
    b.imm(d.imm);
    b.setReg(d.rd);
  }),
  auipc: {
    kind: "op",
    emit(b, d, site) {
      b.f.get(L_PAGE);
      b.exact(site.off + d.imm);
      b.f.op(Op.i64Add);
      b.setReg(d.rd);
    },
  },
  jal,
  jalr,
  beq: branch(Op.i64Eq),
  bne: branch(Op.i64Ne),
  blt: branch(Op.i64LtS),
  bge: branch(Op.i64GeS),
  bltu: branch(Op.i64LtU),
  bgeu: branch(Op.i64GeU),

  lb: load(Op.i64Load8S, 1),
  lh: load(Op.i64Load16S, 2),
  lw: load(Op.i64Load32S, 4),
  ld: load(Op.i64Load, 8),
  lbu: load(Op.i64Load8U, 1),
  lhu: load(Op.i64Load16U, 2),
  lwu: load(Op.i64Load32U, 4),
  sb: store(Op.i64Store8, 1),
  sh: store(Op.i64Store16, 2),
  sw: store(Op.i64Store32, 4),
  sd: store(Op.i64Store, 8),

  addi: withImmediate(Op.i64Add),
  slti: setLess(Op.i64LtS, immediate),
  sltiu: setLess(Op.i64LtU, immediate),
  xori: withImmediate(Op.i64Xor),
  ori: withImmediate(Op.i64Or),
  andi: withImmediate(Op.i64And),
  slli: shiftImmediate(Op.i64Shl),
  srli: shiftImmediate(Op.i64ShrU),
  srai: shiftImmediate(Op.i64ShrS),
  add: binary(Op.i64Add),
  sub: binary(Op.i64Sub),
  // WebAssembly's 64-bit shifts take the count mod 64, as RV64's do (Unpriv §4.2.2).
  sll: binary(Op.i64Shl),
  srl: binary(Op.i64ShrU),
  sra: binary(Op.i64ShrS),
  slt: setLess(Op.i64LtS, rs2),
  sltu: setLess(Op.i64LtU, rs2),
  xor: binary(Op.i64Xor),
  or: binary(Op.i64Or),
  and: binary(Op.i64And),

  // RV64I word instructions (Unpriv §4.2): 32-bit result, sign-extended;
  // 32-bit shifts take the count mod 32.
  addiw: word(Op.i32Add, immWord),
  slliw: word(Op.i32Shl, shamtWord),
  srliw: word(Op.i32ShrU, shamtWord),
  sraiw: word(Op.i32ShrS, shamtWord),
  addw: word(Op.i32Add, rs2Word),
  subw: word(Op.i32Sub, rs2Word),
  sllw: word(Op.i32Shl, rs2Word),
  srlw: word(Op.i32ShrU, rs2Word),
  sraw: word(Op.i32ShrS, rs2Word),

  // FENCE orders memory for other harts and devices; harts here interleave
  // at instruction granularity, so it has nothing to do (as in exec/i.ts).
  fence: op(() => {}),

  // M (Unpriv §13)
  mul: binary(Op.i64Mul),
  mulh: multiplyHigh(true, true),
  mulhsu: multiplyHigh(true, false),
  mulhu: multiplyHigh(false, false),
  mulw: word(Op.i32Mul, rs2Word),
  div: divide(Op.i64DivS, "quotient", true, false),
  divu: divide(Op.i64DivU, "quotient", false, false),
  rem: divide(Op.i64RemS, "remainder", true, false),
  remu: divide(Op.i64RemU, "remainder", false, false),
  divw: divide(Op.i64DivS, "quotient", true, true),
  divuw: divide(Op.i64DivU, "quotient", false, true),
  remw: divide(Op.i64RemS, "remainder", true, true),
  remuw: divide(Op.i64RemU, "remainder", false, true),

  // Zba
  "add.uw": shiftAdd(0, true),
  sh1add: shiftAdd(1, false),
  sh2add: shiftAdd(2, false),
  sh3add: shiftAdd(3, false),
  "sh1add.uw": shiftAdd(1, true),
  "sh2add.uw": shiftAdd(2, true),
  "sh3add.uw": shiftAdd(3, true),
  "slli.uw": op((b, d) => {
    b.reg(d.rs1);
    b.f
      .i64(-1, 0)
      .op(Op.i64And)
      .i64(d.imm & 63, 0)
      .op(Op.i64Shl);
    b.setReg(d.rd);
  }),

  // Zbb (orc.b and rev8 go to their handlers)
  andn: op((b, d) => {
    b.reg(d.rs1);
    b.reg(d.rs2);
    b.f.i64(-1, -1).op(Op.i64Xor).op(Op.i64And);
    b.setReg(d.rd);
  }),
  orn: op((b, d) => {
    b.reg(d.rs1);
    b.reg(d.rs2);
    b.f.i64(-1, -1).op(Op.i64Xor).op(Op.i64Or);
    b.setReg(d.rd);
  }),
  xnor: op((b, d) => {
    b.reg(d.rs1);
    b.reg(d.rs2);
    b.f.op(Op.i64Xor).i64(-1, -1).op(Op.i64Xor);
    b.setReg(d.rd);
  }),
  clz: unary(Op.i64Clz),
  ctz: unary(Op.i64Ctz),
  cpop: unary(Op.i64Popcnt),
  clzw: unaryWord(Op.i32Clz),
  ctzw: unaryWord(Op.i32Ctz),
  cpopw: unaryWord(Op.i32Popcnt),
  max: pick(Op.i64GtS),
  maxu: pick(Op.i64GtU),
  min: pick(Op.i64LtS),
  minu: pick(Op.i64LtU),
  "sext.b": unary(Op.i64Extend8S),
  "sext.h": unary(Op.i64Extend16S),
  "zext.h": op((b, d) => {
    b.reg(d.rs1);
    b.f.i64(0xffff, 0).op(Op.i64And);
    b.setReg(d.rd);
  }),
  rol: binary(Op.i64Rotl),
  ror: binary(Op.i64Rotr),
  rori: shiftImmediate(Op.i64Rotr),
  rolw: word(Op.i32Rotl, rs2Word),
  rorw: word(Op.i32Rotr, rs2Word),
  roriw: word(Op.i32Rotr, shamtWord),

  // Zbs
  bclr: singleBit(false, (b) => b.f.i64(-1, -1).op(Op.i64Xor).op(Op.i64And)),
  bclri: singleBit(true, (b) => b.f.i64(-1, -1).op(Op.i64Xor).op(Op.i64And)),
  bset: singleBit(false, (b) => b.f.op(Op.i64Or)),
  bseti: singleBit(true, (b) => b.f.op(Op.i64Or)),
  binv: singleBit(false, (b) => b.f.op(Op.i64Xor)),
  binvi: singleBit(true, (b) => b.f.op(Op.i64Xor)),
  bext: bitExtract(false),
  bexti: bitExtract(true),

  // Zicond
  "czero.eqz": conditionalZero(true),
  "czero.nez": conditionalZero(false),

  ...fpTemplates,
};
