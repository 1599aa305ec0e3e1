// The guest loops of the backend benchmark (jit-backend.bench.ts) and one
// runner per way of executing them: rvhv's interpreter, its translation
// engine through runHart, a JS block from the real compiler called directly,
// and the prototype Wasm block (wasm-block.ts). Every runner runs one pass
// of a loop from the same initial state, and reads back the same register.
import { Decoded } from "../../src/rv64/decode/decoded.js";
import { decodeInto } from "../../src/rv64/decode/decode.js";
import { Hart } from "../../src/rv64/hart.js";
import { PhysicalMemory, Ram } from "../../src/rv64/memory.js";
import { mul64, r, sll64, sra64, srl64 } from "../../src/rv64/int64.js";
import { runHart } from "../../src/rv64/run-loop.js";
import { JitEngine } from "../../src/jit/engine.js";
import { compileBlock, type BlockFunction } from "../../src/jit/compile.js";
import { LOAD_BASE, STORE_BASE, TLB_MASK } from "../../src/rv64/mmu/mmu.js";
import { B, I, R, S } from "../../test/jit/random-program.js";
import { encodeBlock, wasmLayout, type Placed, type WasmLayout } from "./wasm-block.js";
import { Wasm, type WasmMemory } from "../../src/jit/wasm/api.js";

export const RAM_BASE = 0x80000000;
export const RAM_SIZE = 1 << 20;
/** RAM offsets: the loop's page, its source buffer and its destination buffer. */
export const CODE_PAGE = 0x10000;
const SRC = 0x20000;
const DST = 0x40000;
const BUFFER_BYTES = 0x10000;

export interface GuestLoop {
  name: string;
  /** The loop's code as 16-bit parcels (little-endian halves of each instruction). */
  parcels: number[];
  /** Instructions per pass (the loop runs over the whole buffer once). */
  instructions: number;
  /** Initial registers [r, value] (x8 is the result). */
  registers: [number, bigint][];
  /** x8 after one pass, computed on the host with BigInt. */
  expected(src: Uint8Array): bigint;
}

const words = (ws: number[]): number[] => ws.flatMap((w) => [w & 0xffff, w >>> 16]);
const MASK64 = (1n << 64n) - 1n;
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const addr = (off: number): bigint => BigInt(RAM_BASE + off);

/** hash.c's FNV-1a inner loop as GCC compiled it (build/bench/hash.elf, main+0x100). */
export const HASH_LOOP: GuestLoop = {
  name: "fnv1a (lbu, addi, xor, mul, bne)",
  parcels: [
    ...words([0x0007c703]), // lbu   a4, 0(a5)
    0x0785, //                 c.addi a5, 1
    0x8c39, //                 c.xor  s0, a4
    ...words([0x03240433]), // mul   s0, s0, s2
    ...words([0xfef49ae3]), // bne   s1, a5, loop
  ],
  instructions: 5 * BUFFER_BYTES,
  registers: [
    [15, addr(SRC)],
    [9, addr(SRC + BUFFER_BYTES)],
    [8, FNV_OFFSET],
    [18, FNV_PRIME],
  ],
  expected(src) {
    let h = FNV_OFFSET;
    for (let i = 0; i < BUFFER_BYTES; i++) h = ((h ^ BigInt(src[SRC + i])) * FNV_PRIME) & MASK64;
    return h;
  },
};

/** A copy-and-checksum loop over 64-bit words (ld, sd, add, srli, xor, addi, bne). */
export const COPY_LOOP: GuestLoop = {
  name: "copy+sum (ld, sd, add, srli, xor, addi, bne)",
  parcels: words([
    I(0x03, 3, 14, 15, 0), // ld   a4, 0(a5)
    S(0x23, 3, 16, 14, 0), // sd   a4, 0(a6)
    R(0x33, 0, 0, 8, 8, 14), // add  s0, s0, a4
    I(0x13, 5, 17, 14, 7), // srli a7, a4, 7
    R(0x33, 4, 0, 8, 8, 17), // xor  s0, s0, a7
    I(0x13, 0, 15, 15, 8), // addi a5, a5, 8
    I(0x13, 0, 16, 16, 8), // addi a6, a6, 8
    B(1, 15, 9, -28), // bne  a5, s1, loop
  ]),
  instructions: 8 * (BUFFER_BYTES / 8),
  registers: [
    [15, addr(SRC)],
    [16, addr(DST)],
    [9, addr(SRC + BUFFER_BYTES)],
    [8, 0n],
  ],
  expected(src) {
    const view = new DataView(src.buffer);
    let s = 0n;
    for (let i = 0; i < BUFFER_BYTES; i += 8) {
      const v = view.getBigUint64(SRC + i, true);
      s = (((s + v) & MASK64) ^ (v >> 7n)) & MASK64;
    }
    return s;
  },
};

/** One way of running a loop: `pass` runs it once from the initial state; `result` reads x8. */
export interface Runner {
  pass(): void;
  result(): bigint;
}

/** A physical memory with the loop at page offset `codeOff` of CODE_PAGE and the source buffer filled. */
function guestMemory(loop: GuestLoop, codeOff: number): PhysicalMemory {
  const phys = new PhysicalMemory(new Ram(RAM_BASE, RAM_SIZE));
  fillBuffer(phys.ram.u8);
  const view = new DataView(phys.ram.u8.buffer);
  loop.parcels.forEach((p, i) => view.setUint16(CODE_PAGE + codeOff + 2 * i, p, true));
  return phys;
}

/** The same pseudo-random source bytes for every memory (xorshift32). */
export function fillBuffer(u8: Uint8Array): void {
  let x = 0x9e3779b9;
  for (let i = 0; i < BUFFER_BYTES; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    u8[SRC + i] = x & 0xff;
  }
}

function setRegisters(h: Hart, loop: GuestLoop, codeOff: number): void {
  for (const [r, v] of loop.registers) {
    h.xl[r] = Number(v & 0xffffffffn) | 0;
    h.xh[r] = Number(v >> 32n) | 0;
  }
  h.pcLo = (RAM_BASE + CODE_PAGE + codeOff) | 0;
  h.pcHi = 0;
}

const x8 = (h: Hart): bigint => (BigInt(h.xh[8] >>> 0) << 32n) | BigInt(h.xl[8] >>> 0);

/** rvhv through runHart: the interpreter (threshold 0: no engine) or the engine at `threshold`. */
export function hartRunner(loop: GuestLoop, codeOff: number, threshold: number): Runner & { engine: JitEngine | null } {
  const phys = guestMemory(loop, codeOff);
  const engine = threshold > 0 ? new JitEngine(phys, threshold) : null;
  const h = new Hart(0, 0, phys, { readTime: () => 0 });
  const exitPc = (RAM_BASE + CODE_PAGE + codeOff + 2 * loop.parcels.length) | 0;
  return {
    engine,
    pass() {
      setRegisters(h, loop, codeOff);
      runHart(h, loop.instructions);
      if (h.pcLo !== exitPc) throw new Error(`${loop.name}: pass ended at pc 0x${(h.pcLo >>> 0).toString(16)}`);
    },
    result: () => x8(h),
  };
}

/** How a JS block runs a pass. */
export type JsMode =
  /** The engine's block, the whole pass as its slice (it loops inside itself). */
  | "loop"
  /** The engine's block with a slice of one iteration per call: one entry per iteration. */
  | "entry-per-iteration"
  /** The engine's block edited by hand to keep registers in locals across its loop, as the Wasm block does. */
  | "registers-in-locals";

/** The JS block the engine compiles for the loop (compileBlock), called directly. */
export function jsBlockRunner(
  loop: GuestLoop,
  codeOff: number,
  mode: JsMode,
): Runner & { source: string; count: number } {
  const phys = guestMemory(loop, codeOff);
  const h = new Hart(0, 0, phys, { readTime: () => 0 });
  h.mmu.selectContext();
  const page = CODE_PAGE >>> 12;
  const block = compileBlock(phys.codePage(page), phys.ram, CODE_PAGE >>> 1, codeOff);
  if (block === null) throw new Error("no block");
  let run: BlockFunction = block.run;
  if (mode === "registers-in-locals") {
    const factory = new Function(
      "S",
      "M",
      `"use strict";\nconst u8 = M.u8, u16 = M.u16, i32 = M.i32;\nreturn ${registersInLocals(run.toString())};`,
    ) as (helpers: object, ram: Ram) => BlockFunction;
    run = factory({ r, mul64, sll64, srl64, sra64 }, phys.ram);
  }
  const vaBase = (RAM_BASE + CODE_PAGE) | 0;
  const count = block.count;
  return {
    source: run.toString(),
    count,
    pass() {
      setRegisters(h, loop, codeOff);
      if (mode !== "entry-per-iteration") run(h, vaBase, loop.instructions);
      else for (let left = loop.instructions; left > 0; left -= count) run(h, vaBase, count);
    },
    result: () => x8(h),
  };
}

/**
 * A looping block's source with its register loads hoisted above the loop
 * and its write-back moved to the loop's exits (the TLB slow paths keep
 * theirs: the benchmark's loops miss only on their first pass, where no
 * register has been written yet).
 */
function registersInLocals(source: string): string {
  const lines = source.split("\n");
  const isLoad = (l: string): boolean => /^x\d+[lh] = x[lh]\[\d+\];$/.test(l);
  const isWriteBack = (l: string): boolean => /^x[lh]\[\d+\] = /.test(l);
  const loads = lines.filter(isLoad);
  const writeBack = lines.find(isWriteBack) ?? "";
  const body = lines.filter((l) => !isLoad(l) && !isWriteBack(l));
  const loopAt = body.indexOf("for (;;) {");
  if (loopAt < 0 || writeBack === "") throw new Error("not a looping block");
  body.splice(loopAt, 0, ...loads);
  return body.map((l) => (l.includes("continue;") ? l.replaceAll("h.pcLo = ", `${writeBack}h.pcLo = `) : l)).join("\n");
}

/** The loop's instructions, decoded from its parcels. */
function decodeLoop(loop: GuestLoop, codeOff: number): Placed[] {
  const insns: Placed[] = [];
  for (let i = 0; i < loop.parcels.length;) {
    const d = new Decoded();
    decodeInto(d, loop.parcels[i], loop.parcels[i + 1] ?? 0);
    insns.push({ d, off: codeOff + 2 * i });
    i += d.len >>> 1;
  }
  return insns;
}

type WasmRun = (vaLo: number, vaHi: number, left: number) => number;

/** A Wasm memory holding guest RAM, registers and a TLB filled for the loop's buffers (context 0). */
export function wasmMemory(layout: WasmLayout): WasmMemory {
  const memory = new Wasm.Memory({ initial: layout.pages });
  const u8 = new Uint8Array(memory.buffer);
  fillBuffer(u8);
  const tags = new BigInt64Array(memory.buffer, layout.tags, 3 * (TLB_MASK + 1));
  const offs = new Int32Array(memory.buffer, layout.ramOffs, 3 * (TLB_MASK + 1));
  tags.fill(1n); // an impossible tag, as the MMU's INVALID_TAG
  const map = (base: number, off: number): void => {
    const va = RAM_BASE + off;
    const i = ((va >>> 12) & TLB_MASK) | base;
    tags[i] = BigInt(va);
    offs[i] = off;
  };
  for (let p = 0; p < BUFFER_BYTES; p += 4096) {
    map(LOAD_BASE, SRC + p);
    map(STORE_BASE, DST + p);
  }
  return memory;
}

/** Encodes, compiles and instantiates the loop's Wasm block; the phases' milliseconds. */
export function wasmBlock(
  loop: GuestLoop,
  codeOff: number,
  memory: WasmMemory,
  registersEachPass: boolean,
): { run: WasmRun; bytes: number; encodeMs: number; compileMs: number; instantiateMs: number } {
  const layout = wasmLayout(RAM_SIZE);
  const t0 = performance.now();
  const bytes = encodeBlock(decodeLoop(loop, codeOff), layout, { registersEachPass });
  const t1 = performance.now();
  const module = new Wasm.Module(bytes);
  const t2 = performance.now();
  const instance = new Wasm.Instance(module, { env: { mem: memory } });
  const t3 = performance.now();
  return {
    run: instance.exports.run as WasmRun,
    bytes: bytes.length,
    encodeMs: t1 - t0,
    compileMs: t2 - t1,
    instantiateMs: t3 - t2,
  };
}

/** The Wasm block run from JS, like jsBlockRunner (`run` from wasmBlock on `memory`). */
export function wasmRunner(
  loop: GuestLoop,
  codeOff: number,
  memory: WasmMemory,
  run: WasmRun,
  onePassPerCall: boolean,
): Runner {
  const layout = wasmLayout(RAM_SIZE);
  const regs = new BigInt64Array(memory.buffer, layout.regs, 33);
  const state = new Int32Array(memory.buffer, layout.pcLo, 4);
  const vaBase = (RAM_BASE + CODE_PAGE) | 0;
  const count = decodeLoop(loop, codeOff).length;
  const exitPc = (RAM_BASE + CODE_PAGE + codeOff + 2 * loop.parcels.length) | 0;
  return {
    pass() {
      for (const [r, v] of loop.registers) regs[r] = BigInt.asIntN(64, v);
      let status = 0;
      if (!onePassPerCall) status = run(vaBase, 0, loop.instructions);
      else for (let left = loop.instructions; left > 0 && status === 0; left -= count) status = run(vaBase, 0, count);
      if (status !== 0 || state[0] !== exitPc) throw new Error(`${loop.name}: Wasm block stopped (${status})`);
    },
    result: () => BigInt.asUintN(64, regs[8]),
  };
}
