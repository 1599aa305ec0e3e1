// A prototype WebAssembly backend for one guest basic block: the same
// decoded instructions src/jit/compile.ts turns into JavaScript, turned into
// one Wasm function instead. Guest registers are i64 locals; guest RAM, the
// register file, pc, the slice counter and a load/store TLB live in one
// WebAssembly.Memory that the host sees too (v86's layout). Only the
// instructions the benchmark's loops use are supported.
//
// The function is run(vaLo, vaHi, left) -> status, like a compiled JS block
// (h, vaLo, left): it loops while the block jumps back to its own start and
// the slice has room, then stores pc and the slice counter and returns
// BLOCK_CONTINUE; a TLB miss stores the state exact at the faulting
// instruction and returns BLOCK_STOP (the host would run it in the
// interpreter).
import type { Decoded } from "../../src/rv64/decode/decoded.js";
import { BLOCK_CONTINUE, BLOCK_STOP } from "../../src/jit/emitter.js";
import { LOAD_BASE, STORE_BASE, TLB_MASK } from "../../src/rv64/mmu/mmu.js";
import { FunctionBody, I32, I64, Op, VOID, encodeModule } from "../../src/jit/wasm/encoder.js";

/** Where things live in the Wasm memory: guest RAM from 0, then the state. */
export interface WasmLayout {
  ramSize: number;
  /** 33 i64 registers (x0..x31 and a sink). */
  regs: number;
  pcLo: number;
  pcHi: number;
  sliceLeft: number;
  /** Offset of the current context's TLB set, in entries (the MMU's `set`). */
  tlbSet: number;
  /** i64 page tags, and i32 RAM offsets, per TLB entry ([fetch | load | store] x 256). */
  tags: number;
  ramOffs: number;
  pages: number;
}

export function wasmLayout(ramSize: number): WasmLayout {
  const regs = ramSize;
  const pcLo = regs + 33 * 8;
  const tags = ramSize + 4096;
  const ramOffs = tags + 3 * (TLB_MASK + 1) * 8;
  const end = ramOffs + 3 * (TLB_MASK + 1) * 4;
  return {
    ramSize,
    regs,
    pcLo,
    pcHi: pcLo + 4,
    sliceLeft: pcLo + 8,
    tlbSet: pcLo + 12,
    tags,
    ramOffs,
    pages: Math.ceil(end / 65536),
  };
}

export interface WasmBlockOptions {
  /**
   * Load the registers at the top of each pass and store them back before
   * its branch, as the JS emitter does (src/jit/emitter.ts); otherwise they
   * stay in locals across the block's self-loop and are stored at exits.
   */
  registersEachPass: boolean;
}

/** One decoded instruction at its page offset. */
export interface Placed {
  d: Decoded;
  off: number;
}

const PARAM_VA_LO = 0;
const PARAM_VA_HI = 1;
const PARAM_LEFT = 2;

/** The Wasm module bytes for the block `insns` (ending in a branch), starting at page offset insns[0].off. */
export function encodeBlock(insns: Placed[], layout: WasmLayout, options: WasmBlockOptions): Uint8Array {
  const start = insns[0].off;
  const count = insns.length;
  // Locals after the 3 params: set (i32), idx (i32), va (i64), then one i64 per guest register used.
  const LOCAL_SET = 3;
  const LOCAL_IDX = 4;
  const LOCAL_VA = 5;
  const locals = [I32, I32, I64];
  const regLocal = new Int32Array(33).fill(-1);
  const use = (r: number): void => {
    if (r !== 0 && r !== 32 && regLocal[r] < 0) {
      regLocal[r] = 3 + locals.length;
      locals.push(I64);
    }
  };
  for (const { d } of insns) {
    use(d.rd);
    use(d.rs1);
    use(d.rs2);
  }
  const dirty = new Uint8Array(33);
  const f = new FunctionBody();
  const reg = (r: number): void => {
    if (r === 0) f.i64(0, 0);
    else f.get(regLocal[r]);
  };
  /** Stores the value on the stack into rd (x0's writes go to the sink: dropped). */
  const setReg = (r: number): void => {
    if (r === 0 || r === 32) f.op(Op.drop);
    else {
      f.set(regLocal[r]);
      dirty[r] = 1;
    }
  };
  const loadRegisters = (): void => {
    for (let r = 1; r < 32; r++) {
      if (regLocal[r] < 0) continue;
      f.i32(0)
        .mem(Op.i64Load, 3, layout.regs + 8 * r)
        .set(regLocal[r]);
    }
  };
  const writeBack = (): void => {
    for (let r = 1; r < 32; r++)
      if (dirty[r] !== 0)
        f.i32(0)
          .get(regLocal[r])
          .mem(Op.i64Store, 3, layout.regs + 8 * r);
  };
  /** Stores pc = page base + off and left - k, returns `status` (registers written back first). */
  const exit = (off: number, k: number, status: number): void => {
    if (off < 0 || off >= 4096) throw new Error("prototype: off-page targets not supported");
    writeBack();
    f.i32(0).get(PARAM_VA_LO).i32(off).op(Op.i32Or).mem(Op.i32Store, 2, layout.pcLo);
    f.i32(0).get(PARAM_VA_HI).mem(Op.i32Store, 2, layout.pcHi);
    f.i32(0).get(PARAM_LEFT);
    if (k !== 0) f.i32(k).op(Op.i32Sub);
    f.mem(Op.i32Store, 2, layout.sliceLeft);
    f.i32(status).op(Op.return);
  };
  /** va = rs1 + imm; idx = the TLB entry; leaves "hit" (i32) on the stack. */
  const tlbLookup = (d: Decoded, base: number, size: number): void => {
    reg(d.rs1);
    f.i64(d.imm, d.imm >> 31)
      .op(Op.i64Add)
      .tee(LOCAL_VA);
    f.i64(12, 0).op(Op.i64ShrU).op(Op.i32WrapI64).i32(TLB_MASK).op(Op.i32And).i32(base).op(Op.i32Or);
    f.get(LOCAL_SET).op(Op.i32Add).tee(LOCAL_IDX);
    f.i32(3).op(Op.i32Shl).mem(Op.i64Load, 3, layout.tags);
    f.get(LOCAL_VA).i64(-4096, -1).op(Op.i64And).op(Op.i64Eq);
    if (size > 1)
      f.get(LOCAL_VA)
        .op(Op.i32WrapI64)
        .i32(size - 1)
        .op(Op.i32And)
        .op(Op.i32Eqz)
        .op(Op.i32And);
  };
  /** The RAM byte offset of the hit (i32) on the stack. */
  const hitOffset = (): void => {
    f.get(LOCAL_IDX).i32(2).op(Op.i32Shl).mem(Op.i32Load, 2, layout.ramOffs);
    f.get(LOCAL_VA).op(Op.i32WrapI64).i32(4095).op(Op.i32And).op(Op.i32Add);
  };
  /** Goes to page offset `target` at the block's end (`depth` labels inside the loop). */
  const jumpTo = (target: number, depth: number): void => {
    if (target === start) {
      f.get(PARAM_LEFT).i32(count).op(Op.i32GeS).op(Op.if).byte(VOID);
      f.op(Op.br)
        .u32(depth + 1)
        .op(Op.end);
    }
    exit(target, 0, BLOCK_CONTINUE);
  };

  f.i32(0).mem(Op.i32Load, 2, layout.tlbSet).set(LOCAL_SET);
  if (!options.registersEachPass) {
    loadRegisters();
    // After the first pass every register the block writes differs from memory, wherever it exits.
    for (const { d } of insns) if (d.rd !== 0 && d.rd !== 32) dirty[d.rd] = 1;
  }
  f.op(Op.loop).byte(VOID);
  if (options.registersEachPass) loadRegisters();
  insns.forEach(({ d, off }, k) => {
    const binary = (code: number): void => {
      reg(d.rs1);
      reg(d.rs2);
      f.op(code);
      setReg(d.rd);
    };
    const shift = (code: number): void => {
      reg(d.rs1);
      f.i64(d.imm & 63, 0).op(code);
      setReg(d.rd);
    };
    const load = (code: number, size: number): void => {
      tlbLookup(d, LOAD_BASE, size);
      f.op(Op.i32Eqz).op(Op.if).byte(VOID);
      exit(off, k, BLOCK_STOP);
      f.op(Op.end);
      hitOffset();
      f.mem(code, 0, 0);
      setReg(d.rd);
    };
    const store = (code: number, size: number): void => {
      tlbLookup(d, STORE_BASE, size);
      f.op(Op.i32Eqz).op(Op.if).byte(VOID);
      exit(off, k, BLOCK_STOP);
      f.op(Op.end);
      hitOffset();
      reg(d.rs2);
      f.mem(code, 0, 0);
    };
    const branch = (code: number): void => {
      if (k !== count - 1) throw new Error("prototype: a branch must end the block");
      if (options.registersEachPass) {
        writeBack();
        dirty.fill(0);
      }
      f.get(PARAM_LEFT).i32(count).op(Op.i32Sub).set(PARAM_LEFT);
      reg(d.rs1);
      reg(d.rs2);
      f.op(code).op(Op.if).byte(VOID);
      jumpTo(off + d.imm, 1);
      f.op(Op.end);
      jumpTo(off + d.len, 0);
    };
    switch (d.name) {
      case "addi":
        reg(d.rs1);
        f.i64(d.imm, d.imm >> 31).op(Op.i64Add);
        setReg(d.rd);
        break;
      case "add":
        return binary(Op.i64Add);
      case "sub":
        return binary(Op.i64Sub);
      case "xor":
        return binary(Op.i64Xor);
      case "or":
        return binary(Op.i64Or);
      case "and":
        return binary(Op.i64And);
      case "mul":
        return binary(Op.i64Mul);
      case "slli":
        return shift(Op.i64Shl);
      case "srli":
        return shift(Op.i64ShrU);
      case "srai":
        return shift(Op.i64ShrS);
      case "lbu":
        return load(Op.i64Load8U, 1);
      case "ld":
        return load(Op.i64Load, 8);
      case "sd":
        return store(Op.i64Store, 8);
      case "beq":
        return branch(Op.i64Eq);
      case "bne":
        return branch(Op.i64Ne);
      case "blt":
        return branch(Op.i64LtS);
      case "bge":
        return branch(Op.i64GeS);
      case "bltu":
        return branch(Op.i64LtU);
      case "bgeu":
        return branch(Op.i64GeU);
      default:
        throw new Error(`prototype: no Wasm template for ${d.name}`);
    }
  });
  f.op(Op.end).op(Op.unreachable);
  return encodeModule({ params: [I32, I32, I32], results: [I32], locals, code: f }, layout.pages);
}
