// Builds the WebAssembly function of one compiled region (compile.ts): its
// blocks in a dispatch loop, guest registers in i64 locals, the exits that
// leave pc and the slice counter in the hart's exit words, and calls to
// interpreter handlers through the host.
//
// Every integer register the region names, and every f register its FP
// templates name, is loaded into an i64 local once, on entry (f registers as
// their 64 bits). Locals then stay exact: templates write them, and after a
// handler runs (it writes only its rd) rd is reloaded. Before anything that
// may read the register file or leave the function (a handler, an exit) the
// integer registers that may be newer in their locals are stored back; f
// registers are written through. Each block is straight-line code with one
// branch at the end, and what may be dirty where a block starts comes from
// its predecessors in the region, so all of this is decided at compile time.
import type { Decoded } from "../../rv64/decode/decoded.js";
import { EXIT_LEFT, EXIT_PC_HI, EXIT_PC_LO, F_HI, F_LO, X_HI, X_LO } from "../../rv64/hart-state.js";
import { BLOCK_CONTINUE, BLOCK_SHORT } from "../block-status.js";
import { F64, FunctionBody, I32, I64, Op, VOID, type FunctionSpec } from "./encoder.js";

/** Parameters of a block function: run(state, tlb, vaLo, vaHi, left, virt) -> status. */
export const P_STATE = 0; // the hart's stateBase (hart-state.ts)
export const P_TLB = 1; // byte address of the current TLB set's first tag (mmu.ts)
export const P_VA_LO = 2; // the virtual base of the block's page
export const P_VA_HI = 3;
export const P_LEFT = 4; // instructions left in the slice
export const P_VIRT = 5; // 1 with V=1 (the FP templates need it)
export const BLOCK_PARAMS = [I32, I32, I32, I32, I32, I32];
/** The region's function takes a block function's parameters and the index of the block to start at. */
const P_ENTRY = 6;
const REGION_PARAMS = [...BLOCK_PARAMS, I32];

/** Types of the scratch locals after the parameters, in order. */
const SCRATCH: number[] = [];
/** Declares the next scratch local, of WebAssembly value type `type`; returns its index. */
const scratch = (type: number): number => REGION_PARAMS.length + SCRATCH.push(type) - 1;

export const L_PAGE = scratch(I64); // the page's virtual base
export const L_VA = scratch(I64); // an effective address
export const L_T = scratch(I64);
export const L_ADDR = scratch(I32); // a TLB entry's address, then a RAM address
export const L_STATUS = scratch(I32); // a host call's answer
export const L_A = scratch(I64); // (the high multiplies, FP operand bits)
export const L_B = scratch(I64);
export const L_C = scratch(I64);
/** f64 scratch (the FP templates). */
export const L_FA = scratch(F64);
export const L_FB = scratch(F64);
export const L_FS = scratch(F64);
export const L_FE = scratch(F64);
export const L_FH = scratch(F64);
export const L_FL = scratch(F64);
export const L_FX = scratch(F64);
export const L_FP = scratch(F64);
export const L_FC = scratch(F64);
export const L_FU = scratch(F64);
export const L_FT = scratch(F64);
export const L_FV = scratch(F64);
/** The index of the region's next block (the dispatch loop's br_table). */
const L_NEXT = scratch(I32);
/**
 * The page the function last reached through a load, and through a store
 * (virtual page, RAM offset of that page): tlb.ts tries it before the TLB.
 * NO_PAGE after entry and after every handler call.
 */
export const L_LOAD_PAGE = scratch(I64);
export const L_LOAD_RAM = scratch(I32);
export const L_STORE_PAGE = scratch(I64);
export const L_STORE_RAM = scratch(I32);
/** A value the masked address of an access can never equal (bits 3..11 of it are zero). */
export const NO_PAGE = 0x800;
const FIRST_REGISTER_LOCAL = REGION_PARAMS.length + SCRATCH.length;

/**
 * A region module's functions (compile.ts): the host's handler call is
 * imported as function 0; the region function, its write-back helper, then
 * one entry function per block follow.
 */
export const REGION_FUNCTION = 1;
const WRITE_BACK_FUNCTION = 2;

/** What the host's handler call answers (compile.ts callHandler). */
export const HOST_GO_ON = 0;
/** Nonzero answers are the block's own status plus one. */
export const HOST_STATUS_BIAS = 1;

/**
 * Register slots: x0..x31 (and the write sink 32) at 0..32, f0..f31 at
 * F_SLOT..F_SLOT+31.
 */
const F_SLOT = 33;
const SLOTS = F_SLOT + 32;

/** Which of an FP template's register fields name f registers (the others, if any, name x registers). */
export interface FpOperands {
  reads: readonly ("rs1" | "rs2" | "rs3")[];
  /** rd is an f register the instruction writes. */
  writes: boolean;
}

/** A block of a region (compile.ts): its page offset, its instructions, and where it may go next. */
export interface RegionBlock {
  start: number;
  insns: readonly Decoded[];
  /** Page offsets of its direct successors (those in the region are the region's edges). */
  successors: readonly number[];
}

export class BlockBuilder {
  readonly f = new FunctionBody();
  /** The block being emitted: its index in the region, first offset and instruction count. */
  private current = 0;
  start: number;
  count: number;
  /** Where a region block starts: page offset -> index. */
  private readonly blockAt = new Map<number, number>();
  /** The compile-time dirty set at each block's start (registers stay in locals from block to block). */
  private readonly dirtyAtBlockStart: Uint8Array[];
  /** Local index of each register slot the block uses, or -1. */
  private readonly local = new Int32Array(SLOTS).fill(-1);
  private readonly locals: number[] = [...SCRATCH];
  /** Slots loaded on entry: every slot the region reads or writes (see the constructor). */
  private readonly loadOnEntry = new Uint8Array(SLOTS);
  /** The integer register slots the region writes: what writeBackFunction() stores. */
  private readonly writtenSlots: number[] = [];
  /** Slots whose local may differ from the register file here (compile-time state). */
  private readonly dirty = new Uint8Array(SLOTS);
  /** Interpreter handlers the block calls, by index (the host's table). */
  readonly calls: Decoded[] = [];
  /** Nesting depth of a template's structured control inside its block's code (for br to the loops). */
  depth = 0;
  /**
   * What the FP templates (fp-templates.ts) know here at compile time: the
   * FP unit is on (an earlier FP instruction ran without trapping), its
   * state is Dirty (one wrote an f register), and frm is RNE. Only an
   * instruction run through its handler on the main path (a CSR write, a
   * trap return) can change these, so such a call forgets them.
   */
  fpKnownOn = false;
  fpKnownDirty = false;
  /** frm is round-to-nearest-even (an FP template with a dynamic rounding mode checked it). */
  fpKnownRne = false;

  /**
   * `blocks`: the region's blocks, the entry first. `hasRd`: the
   * instruction writes an integer rd (a handler-run one counts: rd is
   * reloaded after it). `fpOperands`: the f registers an instruction's
   * template reads and writes (undefined: none, or no template).
   * `writesFpRd`: the instruction, run by its handler, writes f[rd].
   */
  constructor(
    private readonly blocks: readonly RegionBlock[],
    hasRd: (d: Decoded) => boolean,
    fpOperands: (d: Decoded) => FpOperands | undefined,
    private readonly writesFpRd: (d: Decoded) => boolean,
  ) {
    this.start = blocks[0].start;
    this.count = blocks[0].insns.length;
    blocks.forEach((block, i) => this.blockAt.set(block.start, i));
    const written = new Uint8Array(SLOTS);
    const writtenBy = blocks.map(() => new Uint8Array(SLOTS));
    const read = (slot: number): void => {
      if (this.use(slot) && written[slot] === 0) this.loadOnEntry[slot] = 1;
    };
    blocks.forEach((block, i) => {
      for (const d of block.insns) {
        read(d.rs1);
        read(d.rs2);
        const fp = fpOperands(d);
        if (fp !== undefined) for (const field of fp.reads) read(F_SLOT + d[field]);
        if (hasRd(d) && this.use(d.rd)) written[d.rd] = writtenBy[i][d.rd] = 1;
        if (fp?.writes === true && this.use(F_SLOT + d.rd)) written[F_SLOT + d.rd] = 1;
      }
    });
    // Everything the region writes is loaded on entry too: a region keeps
    // registers in locals from one block (or pass) to the next, so a register
    // one block reads may have been written by another that ran before it;
    // and with every local exact from the start, a write-back may store all
    // the written registers at once (writeBack).
    const edges = blocks.map((block) =>
      block.successors.filter((off) => this.blockAt.has(off)).map((off) => this.blockAt.get(off)!),
    );
    for (let slot = 1; slot < SLOTS; slot++) {
      if (written[slot] === 0) continue;
      this.loadOnEntry[slot] = 1;
      if (slot < F_SLOT) this.writtenSlots.push(slot);
    }
    // What may be dirty where each block starts: what its predecessors in the
    // region may have left dirty (nothing, on entry), to a fixed point.
    // f registers are written through (setFpReg), never dirty.
    this.dirtyAtBlockStart = blocks.map(() => new Uint8Array(SLOTS));
    for (let changed = true; changed;) {
      changed = false;
      blocks.forEach((_, i) => {
        const out = this.dirtyAtBlockStart[i].slice();
        for (let slot = 1; slot < F_SLOT; slot++) out[slot] |= writtenBy[i][slot];
        for (const next of edges[i]) {
          const into = this.dirtyAtBlockStart[next];
          for (let slot = 1; slot < F_SLOT; slot++) {
            if (out[slot] !== 0 && into[slot] === 0) into[slot] = 1;
            else continue;
            changed = true;
          }
        }
      });
    }
  }

  /**
   * Starts emitting block `i` of the region: the compile-time state is what
   * holds wherever control comes from.
   */
  enterBlock(i: number): void {
    this.current = i;
    this.start = this.blocks[i].start;
    this.count = this.blocks[i].insns.length;
    this.dirty.set(this.dirtyAtBlockStart[i]);
    this.fpKnownOn = this.fpKnownDirty = this.fpKnownRne = false;
    // The block's own loop: a jump back to its start branches here directly.
    this.f.op(Op.loop).byte(VOID);
  }

  /**
   * The dispatch loop of a region (compile.ts emits the blocks after it):
   * `loop`, one `block` per region block, and a br_table on L_NEXT whose
   * label i lands where block i's code begins. Block i's code then sits
   * inside the blocks of i+1 .. n-1, and the loop.
   */
  openDispatch(): void {
    const f = this.f;
    const n = this.blocks.length;
    f.op(Op.loop).byte(VOID);
    if (n === 1) return;
    for (let i = 0; i < n; i++) f.op(Op.block).byte(VOID);
    f.get(L_NEXT)
      .op(Op.brTable)
      .u32(n - 1);
    for (let i = 0; i < n; i++) f.u32(i);
    f.op(Op.end);
  }

  /** Ends the code of the block being emitted (its own loop), and the wrapper around it (or the dispatch loop, after the last). */
  closeBlock(): void {
    this.f.op(Op.end).op(Op.end);
  }

  private use(r: number): boolean {
    if (r === 0 || r === 32) return false;
    if (this.local[r] < 0) {
      this.local[r] = FIRST_REGISTER_LOCAL + this.locals.length - SCRATCH.length;
      this.locals.push(I64);
    }
    return true;
  }

  /** The region function's type and locals (its code is `f`). */
  regionFunction(): FunctionSpec {
    return { params: REGION_PARAMS, results: [I32], locals: this.locals, code: this.f };
  }

  /**
   * The region's write-back helper, writeBack(state, x...): stores the
   * registers of writtenSlots, in order, to the register file.
   */
  writeBackFunction(): FunctionSpec {
    const f = new FunctionBody();
    this.writtenSlots.forEach((slot, i) => {
      const [lo, hi] = BlockBuilder.home(slot);
      f.get(0)
        .get(1 + i)
        .mem(Op.i64Store32, 2, lo);
      f.get(0)
        .get(1 + i)
        .i64(32, 0)
        .op(Op.i64ShrU)
        .mem(Op.i64Store32, 2, hi);
    });
    return { params: [I32, ...this.writtenSlots.map(() => I64)], results: [], locals: [], code: f };
  }

  /**
   * The region's prologue: the page base as an i64, every register's local,
   * and the block to start at. Any block can be where control enters: every
   * register the region names is loaded, and nothing is dirty yet.
   */
  prologue(): void {
    const f = this.f;
    f.get(P_VA_LO).op(Op.i64ExtendI32U).get(P_VA_HI).op(Op.i64ExtendI32U).i64(32, 0).op(Op.i64Shl).op(Op.i64Or);
    f.set(L_PAGE);
    this.forgetPages();
    for (let slot = 1; slot < SLOTS; slot++) if (this.loadOnEntry[slot] !== 0) this.loadRegister(slot);
    f.get(P_ENTRY).set(L_NEXT);
  }

  /**
   * The block function that enters the region at block `i` (a function of
   * the module numbered `region`): a block reached through a link
   * (block-links.ts) first checks that the slice has room for it.
   */
  entryFunction(i: number, region: number): FunctionSpec {
    const f = new FunctionBody();
    const { start, insns } = this.blocks[i];
    f.get(P_LEFT).i32(insns.length).op(Op.i32LtS).op(Op.if).byte(VOID);
    f.get(P_STATE).get(P_VA_LO);
    if (start !== 0) f.i32(start).op(Op.i32Or);
    f.mem(Op.i32Store, 2, EXIT_PC_LO);
    f.get(P_STATE).get(P_VA_HI).mem(Op.i32Store, 2, EXIT_PC_HI);
    f.get(P_STATE).get(P_LEFT).mem(Op.i32Store, 2, EXIT_LEFT);
    f.i32(BLOCK_SHORT).op(Op.return);
    f.op(Op.end);
    for (let p = 0; p < BLOCK_PARAMS.length; p++) f.get(p);
    f.i32(i).op(Op.call).u32(region);
    return { params: BLOCK_PARAMS, results: [I32], locals: [], code: f };
  }

  /** The pages tlb.ts remembers are unknown again (on entry; a handler may change translations). */
  private forgetPages(): void {
    this.f.i64(NO_PAGE, 0).set(L_LOAD_PAGE);
    this.f.i64(NO_PAGE, 0).set(L_STORE_PAGE);
  }

  /**
   * The compile-time set of registers whose local may be newer than the
   * register file. A template with a fast path and a slow one emits both
   * from the same set (the slow path must not write back the fast path's rd).
   */
  dirtySet(): Uint8Array {
    return this.dirty.slice();
  }

  /** Makes `set` the dirty set again (before emitting a template's other path). */
  restoreDirty(set: Uint8Array): void {
    this.dirty.set(set);
  }

  /** Adds `set` to the dirty set (where a template's two paths join). */
  mergeDirty(set: Uint8Array): void {
    for (let r = 0; r < set.length; r++) this.dirty[r] |= set[r];
  }

  /** Pushes x[r] (x0 reads 0). */
  reg(r: number): void {
    if (r === 0) this.f.i64(0, 0);
    else this.f.get(this.local[r]);
  }

  /** Pops an i64 into x[rd] (writes to x0 vanish). */
  setReg(rd: number): void {
    if (rd === 0 || rd === 32) this.f.op(Op.drop);
    else {
      this.f.set(this.local[rd]);
      this.dirty[rd] = 1;
    }
  }

  /** Pushes f[r]'s 64 bits as an i64 (the block's FP templates name r, so it has a local). */
  fpReg(r: number): void {
    this.f.get(this.local[F_SLOT + r]);
  }

  /**
   * Pops an i64 into f[rd]'s 64 bits: the local and the register file both
   * (write-through). FP code keeps many registers live; written back at every
   * handler call and exit instead, they made FP-heavy regions several times
   * larger (nbody's hot region: 138 KB).
   */
  setFpReg(rd: number): void {
    const slot = F_SLOT + rd;
    this.f.set(this.local[slot]);
    const [lo, hi] = BlockBuilder.home(slot);
    this.storeHalves(this.local[slot], lo, hi);
  }

  /** Pushes the sign extension of a 32-bit immediate. */
  imm(v: number): void {
    this.f.i64(v | 0, v >> 31);
  }

  /** Pushes an exact integer |v| < 2^53 as an i64 (page-relative addresses). */
  exact(v: number): void {
    this.f.i64(v | 0, Math.floor(v / 4294967296) | 0);
  }

  /**
   * Pushes the i64 whose low and high words sit at `lo` and `hi` in the
   * hart's state (the register files keep the halves in separate arrays).
   */
  loadHalves(lo: number, hi: number): void {
    this.f.get(P_STATE).mem(Op.i64Load32U, 2, lo);
    this.f.get(P_STATE).mem(Op.i64Load32U, 2, hi).i64(32, 0).op(Op.i64Shl).op(Op.i64Or);
  }

  /** Stores the i64 in local `value` as words at `lo` and `hi` in the hart's state. */
  storeHalves(value: number, lo: number, hi: number): void {
    this.f.get(P_STATE).get(value).mem(Op.i64Store32, 2, lo);
    this.f.get(P_STATE).get(value).i64(32, 0).op(Op.i64ShrU).mem(Op.i64Store32, 2, hi);
  }

  /** Where slot's two words sit in the hart's state: [low, high]. */
  private static home(slot: number): [number, number] {
    return slot < F_SLOT
      ? [X_LO + 4 * slot, X_HI + 4 * slot]
      : [F_LO + 4 * (slot - F_SLOT), F_HI + 4 * (slot - F_SLOT)];
  }

  /** local = the register's two words in the register file. */
  private loadRegister(slot: number): void {
    const [lo, hi] = BlockBuilder.home(slot);
    this.loadHalves(lo, hi);
    this.f.set(this.local[slot]);
  }

  /**
   * Stores the registers whose locals may be newer back to the register
   * file: each in place (16 bytes of code), or, where that is longer, all
   * the region writes through the write-back helper (2 bytes a register).
   * Every local holds its register's current value (all are loaded on entry
   * and rd is reloaded after a handler), so storing one that is not dirty
   * changes nothing. Exits and slow paths are many and rarely run: this
   * keeps Linux's compiled code a third smaller, and V8 compiles it faster.
   */
  writeBack(): void {
    let dirty = 0;
    for (let slot = 1; slot < F_SLOT; slot++) dirty += this.dirty[slot];
    if (16 * dirty > 2 * this.writtenSlots.length + 4) {
      this.f.get(P_STATE);
      for (const slot of this.writtenSlots) this.f.get(this.local[slot]);
      this.f.op(Op.call).u32(WRITE_BACK_FUNCTION);
      return;
    }
    for (let slot = 1; slot < F_SLOT; slot++) {
      if (this.dirty[slot] === 0) continue;
      const [lo, hi] = BlockBuilder.home(slot);
      this.storeHalves(this.local[slot], lo, hi);
    }
  }

  /** Pushes the slice counter after `k` instructions of this pass retired. */
  private leftAfter(k: number): void {
    this.f.get(P_LEFT);
    if (k !== 0) this.f.i32(k).op(Op.i32Sub);
  }

  /** Pushes the low word of pc at page offset `off` (in the page). */
  private pcLoAt(off: number): void {
    this.f.get(P_VA_LO);
    if (off !== 0) this.f.i32(off).op(Op.i32Or);
  }

  /**
   * Leaves the block at page offset `off` (which may lie outside the page)
   * after `k` instructions retired, returning `status`.
   */
  exitAt(off: number, k: number, status: number): void {
    const f = this.f;
    this.writeBack();
    if (off >= 0 && off < 4096) {
      f.get(P_STATE);
      this.pcLoAt(off);
      f.mem(Op.i32Store, 2, EXIT_PC_LO);
      f.get(P_STATE).get(P_VA_HI).mem(Op.i32Store, 2, EXIT_PC_HI);
    } else {
      f.get(L_PAGE);
      this.exact(off);
      f.op(Op.i64Add).set(L_T);
      this.storePcFrom(L_T);
    }
    f.get(P_STATE);
    this.leftAfter(k);
    f.mem(Op.i32Store, 2, EXIT_LEFT);
    f.i32(status).op(Op.return);
  }

  /** Leaves the block at the pc in i64 local `pc` after `k` instructions retired. */
  exitToComputed(pc: number, k: number, status: number): void {
    const f = this.f;
    this.writeBack();
    this.storePcFrom(pc);
    f.get(P_STATE);
    this.leftAfter(k);
    f.mem(Op.i32Store, 2, EXIT_LEFT);
    f.i32(status).op(Op.return);
  }

  private storePcFrom(pc: number): void {
    this.storeHalves(pc, EXIT_PC_LO, EXIT_PC_HI);
  }

  /**
   * Goes to page offset `target` as the block's last instruction (count
   * instructions retired this pass). To a block of the region, the function
   * runs that block next while the slice has room for it, instead of
   * returning to the page loop: nothing else can raise an interrupt
   * meanwhile (devices and other harts act between slices), and anything in
   * the block that could has returned already.
   */
  jumpTo(target: number): void {
    const f = this.f;
    const next = this.blockAt.get(target);
    if (next === undefined) {
      this.exitAt(target, this.count, BLOCK_CONTINUE);
      return;
    }
    f.get(P_LEFT).i32(this.count).op(Op.i32Sub).tee(P_LEFT);
    f.i32(this.blocks[next].insns.length).op(Op.i32GeS).op(Op.if).byte(VOID);
    if (next === this.current) {
      // Out of the if and the template's own nesting, to the block's loop.
      f.op(Op.br).u32(1 + this.depth);
    } else {
      // ... and further out of the block's loop and its enclosing wrappers, to the dispatch loop.
      f.i32(next).set(L_NEXT);
      f.op(Op.br).u32(2 + this.depth + (this.blocks.length - 1 - this.current));
    }
    f.op(Op.end);
    this.exitAt(target, 0, BLOCK_CONTINUE);
  }

  /**
   * Runs instruction `d` (number k, at page offset `off`) through its
   * interpreter handler, with the register file, pc and the slice counter
   * exact, then follows its signal as the interpreter would: the host
   * answers HOST_GO_ON, or the status to return (the exit words written).
   * A slow path must be emitted before its template's fast path, so that it
   * writes back only what was dirty before the instruction.
   */
  callHandler(d: Decoded, k: number, off: number, path: "main" | "slow"): void {
    const f = this.f;
    const index = this.calls.push(d) - 1;
    this.writeBack();
    // On the main path the register file is now exact; a slow path inside a
    // template's branch leaves the other branch's state as it was.
    if (path === "main") {
      this.dirty.fill(0);
      this.fpKnownOn = this.fpKnownDirty = this.fpKnownRne = false;
    }
    f.i32(index);
    this.pcLoAt(off);
    f.get(P_VA_HI);
    this.leftAfter(k);
    f.op(Op.call).u32(0).tee(L_STATUS);
    f.op(Op.if).byte(VOID);
    f.get(L_STATUS).i32(HOST_STATUS_BIAS).op(Op.i32Sub).op(Op.return);
    f.op(Op.end);
    this.forgetPages();
    if (this.writesFpRd(d)) {
      if (this.local[F_SLOT + d.rd] >= 0) this.loadRegister(F_SLOT + d.rd);
    } else if (d.rd !== 0 && d.rd !== 32 && this.local[d.rd] >= 0) this.loadRegister(d.rd);
  }
}
