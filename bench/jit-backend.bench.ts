// Which backend should the translation engine (src/jit/) emit: JavaScript
// built with `new Function` (what it does now), or WebAssembly whose bytes
// our own TypeScript writes at run time? A prototype measured on the same
// hot guest loops (bench/jit-backend/guest.ts):
//
//   1. steady-state MIPS: rvhv's interpreter, the engine through runHart
//      (threshold 1, and a threshold never reached), the engine's JS block
//      called directly, and the prototype Wasm block (bench/jit-backend/
//      wasm-block.ts) with registers kept in i64 locals across the loop or
//      reloaded each pass as the JS block does;
//   2. time to the first result from a cold block: compile (compileBlock /
//      encode + new WebAssembly.Module + Instance) and the first pass;
//   3. the cost of entering a block (one loop iteration per call, against
//      the block looping inside itself) and of an empty JS and JS->Wasm call:
//      how many guest instructions a Wasm block must run per entry to win.
//
// Every configuration's x8 after a pass must equal the host's BigInt value.
//
// Usage: node --import tsx bench/jit-backend.bench.ts [--quick]
//   --quick   a smoke run: tiny warm-up and timing windows
//   --source  also print the engine's JS block for each loop
import {
  CODE_PAGE,
  COPY_LOOP,
  HASH_LOOP,
  RAM_BASE,
  RAM_SIZE,
  fillBuffer,
  hartRunner,
  jsBlockRunner,
  wasmBlock,
  wasmMemory,
  wasmRunner,
  type GuestLoop,
  type Runner,
} from "./jit-backend/guest.js";
import { wasmLayout } from "./jit-backend/wasm-block.js";
import { I32, FunctionBody, Op, VOID, encodeModule } from "../src/jit/wasm/encoder.js";
import { Wasm } from "../src/jit/wasm/api.js";

const quick = process.argv.includes("--quick");
const showSource = process.argv.includes("--source");
/** Warm-up, and the length of each of the timed batches (milliseconds). */
const WARMUP_MS = quick ? 5 : 300;
const BATCH_MS = quick ? 5 : 60;
const BATCHES = quick ? 1 : 5;
/** Cold compiles measured per backend (each at a different page offset, so no cache hits). */
const COLD_RUNS = quick ? 2 : 7;
/** Page offset of the loop in the steady-state runs. */
const CODE_OFF = 0x100;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Median nanoseconds per pass, after warm-up. */
function timePass(r: Runner): number {
  for (let t0 = performance.now(); performance.now() - t0 < WARMUP_MS;) r.pass();
  const perPass: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    let n = 0;
    const t0 = performance.now();
    let t = t0;
    do {
      r.pass();
      n++;
      t = performance.now();
    } while (t - t0 < BATCH_MS);
    perPass.push(((t - t0) * 1e6) / n);
  }
  return median(perPass);
}

function hex(v: bigint): string {
  return `0x${v.toString(16).padStart(16, "0")}`;
}

/** Prints rows as a plain table, numbers right-aligned. */
function table(head: string[], rows: (string | number)[][]): void {
  const cells = [head, ...rows.map((r) => r.map((c) => (typeof c === "number" ? format(c) : c)))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]): string =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(cells[0]));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of cells.slice(1)) console.log(line(r));
  console.log();
}

function format(v: number): string {
  if (!Number.isFinite(v)) return "-";
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/** The host's expected x8 for a loop. */
function expected(loop: GuestLoop): bigint {
  const u8 = new Uint8Array(RAM_SIZE);
  fillBuffer(u8);
  return loop.expected(u8);
}

function check(loop: GuestLoop, what: string, r: Runner): void {
  const want = expected(loop);
  if (r.result() !== want) throw new Error(`${loop.name}, ${what}: x8 = ${hex(r.result())}, expected ${hex(want)}`);
}

interface Steady {
  /** ns per guest instruction, looping inside the block (JS direct, Wasm in locals). */
  jsInsn: number;
  wasmInsn: number;
  interpInsn: number;
  /** ns per block entry beyond the looped cost (one iteration per call). */
  jsEntry: number;
  wasmEntry: number;
  count: number;
}

const INTERPRETER = "interpreter (no engine)";
const JS_DIRECT = "JS block, direct";
const WASM_LOCALS = "Wasm block, regs in locals";
const JS_ENTRY = "JS block, 1 iteration per call";
const WASM_ENTRY = "Wasm block, 1 iteration per call";

function steadyState(loop: GuestLoop): Steady {
  const memory = wasmMemory(wasmLayout(RAM_SIZE));
  const memoryEach = wasmMemory(wasmLayout(RAM_SIZE));
  const wasmLocals = wasmBlock(loop, CODE_OFF, memory, false);
  const wasmEach = wasmBlock(loop, CODE_OFF, memoryEach, true);
  const js = jsBlockRunner(loop, CODE_OFF, "loop");
  const count = js.count;
  const configs: [string, Runner][] = [
    [INTERPRETER, hartRunner(loop, CODE_OFF, 0)],
    ["engine, threshold never reached", hartRunner(loop, CODE_OFF, 1e9)],
    ["engine, threshold 1 (runHart)", hartRunner(loop, CODE_OFF, 1)],
    [JS_DIRECT, js],
    [WASM_LOCALS, wasmRunner(loop, CODE_OFF, memory, wasmLocals.run, false)],
    ["Wasm block, regs reloaded per pass", wasmRunner(loop, CODE_OFF, memoryEach, wasmEach.run, false)],
    ["JS block, regs in locals (hand-edited)", jsBlockRunner(loop, CODE_OFF, "registers-in-locals")],
    [JS_ENTRY, jsBlockRunner(loop, CODE_OFF, "entry-per-iteration")],
    [WASM_ENTRY, wasmRunner(loop, CODE_OFF, memory, wasmLocals.run, true)],
  ];
  const ns: number[] = [];
  const rows: (string | number)[][] = [];
  for (const [name, r] of configs) {
    r.pass();
    check(loop, name, r);
    const perPass = timePass(r);
    check(loop, name, r);
    ns.push(perPass / loop.instructions);
    rows.push([name, loop.instructions / (perPass / 1e3), perPass / loop.instructions, hex(r.result())]);
  }
  const interp = ns[0];
  for (let i = 0; i < rows.length; i++) rows[i].splice(3, 0, `${(interp / ns[i]).toFixed(2)}x`);
  console.log(`${loop.name}: ${loop.instructions} instructions per pass, ${count} per block entry`);
  if (showSource) console.log(`${js.source}\nWasm block: ${wasmLocals.bytes} bytes\n`);
  table(["configuration", "MIPS", "ns/insn", "vs interp", "x8 after a pass"], rows);
  const n = count;
  const at = (name: string): number => ns[configs.findIndex(([c]) => c === name)];
  return {
    jsInsn: at(JS_DIRECT),
    wasmInsn: at(WASM_LOCALS),
    interpInsn: at(INTERPRETER),
    jsEntry: (at(JS_ENTRY) - at(JS_DIRECT)) * n,
    wasmEntry: (at(WASM_ENTRY) - at(WASM_LOCALS)) * n,
    count: n,
  };
}

/** Cold starts: a fresh block at a new page offset each time (no V8 compile-cache hits). */
function coldStart(loop: GuestLoop): void {
  const js: number[][] = [];
  const wasm: number[][] = [];
  const interp: number[] = [];
  let wasmBytes = 0;
  for (let i = 0; i < COLD_RUNS; i++) {
    const off = 0x200 + 0x40 * i;
    const engine = hartRunner(loop, off, 1);
    const t0 = performance.now();
    engine.pass();
    const t1 = performance.now();
    engine.pass();
    const t2 = performance.now();
    check(loop, "cold engine", engine);
    js.push([engine.engine!.compileMs, t1 - t0, t2 - t1]);

    const memory = wasmMemory(wasmLayout(RAM_SIZE));
    const w0 = performance.now();
    const block = wasmBlock(loop, off, memory, false);
    const runner = wasmRunner(loop, off, memory, block.run, false);
    runner.pass();
    const w1 = performance.now();
    runner.pass();
    const w2 = performance.now();
    check(loop, "cold Wasm", runner);
    wasmBytes = block.bytes;
    wasm.push([block.encodeMs, block.compileMs + block.instantiateMs, w1 - w0, w2 - w1]);

    const interpreter = hartRunner(loop, off, 0);
    const i0 = performance.now();
    interpreter.pass();
    interp.push(performance.now() - i0);
  }
  const col = (rows: number[][], c: number): number => median(rows.map((r) => r[c]));
  console.log(`${loop.name}: cold start, median of ${COLD_RUNS} (ms; first pass = ${loop.instructions} instructions)`);
  table(
    ["backend", "generate", "compile+instantiate", "first result", "second pass"],
    [
      ["JS (compileBlock: emit + new Function)", col(js, 0), "-", col(js, 1), col(js, 2)],
      [`Wasm (encode ${wasmBytes} bytes; Module + Instance)`, col(wasm, 0), col(wasm, 1), col(wasm, 2), col(wasm, 3)],
      ["interpreter (no compile)", "-", "-", median(interp), "-"],
    ],
  );
}

/**
 * ns per call of an empty function taking 3 int32s, from one call site over
 * 4 distinct targets (not inlinable): JS->JS, JS->Wasm, and Wasm->JS (a
 * Wasm loop calling an imported JS function, as a Wasm block would for a
 * TLB miss or an instruction run by its interpreter handler).
 */
function emptyCalls(): { js: number; wasm: number; wasmToJs: number } {
  type F = (a: number, b: number, c: number) => number;
  const jsFns: F[] = [];
  const wasmFns: F[] = [];
  const memory = new Wasm.Memory({ initial: 1 });
  for (let i = 0; i < 4; i++) {
    jsFns.push(new Function("a", "b", "c", `"use strict"; return (a + ${i}) | 0;`) as F);
    const code = new FunctionBody().get(0).i32(i).op(Op.i32Add);
    const module = new Wasm.Module(encodeModule({ params: [I32, I32, I32], results: [I32], locals: [], code }, 1));
    wasmFns.push(new Wasm.Instance(module, { env: { mem: memory } }).exports.run as F);
  }
  const calls = quick ? 100_000 : 4_000_000;
  const best = (runOnce: () => void): number => {
    runOnce();
    const ts: number[] = [];
    for (let b = 0; b < (quick ? 1 : 5); b++) {
      const t0 = performance.now();
      runOnce();
      ts.push(((performance.now() - t0) * 1e6) / calls);
    }
    return median(ts);
  };
  const time = (fns: F[]): number =>
    best(() => {
      let s = 0;
      for (let i = 0; i < calls; i++) s = fns[i & 3](s, i, 0);
    });
  // run(n): acc = host(acc) n times.
  const LOCAL_ACC = 1;
  const loop = new FunctionBody().op(Op.loop).byte(VOID);
  loop.get(LOCAL_ACC).op(Op.call).u32(0).set(LOCAL_ACC);
  loop.get(0).i32(1).op(Op.i32Sub).tee(0).op(Op.brIf).u32(0).op(Op.end).get(LOCAL_ACC);
  const spec = {
    params: [I32],
    results: [I32],
    locals: [I32],
    code: loop,
    imports: [{ name: "host", params: [I32], results: [I32] }],
  };
  const host = (a: number): number => (a + 1) | 0;
  const caller = new Wasm.Instance(new Wasm.Module(encodeModule(spec, 1)), { env: { mem: memory, host } }).exports
    .run as (n: number) => number;
  return { js: time(jsFns), wasm: time(wasmFns), wasmToJs: best(() => caller(calls)) };
}

function main(): void {
  console.log(
    `node ${process.version}, ${quick ? "quick smoke run" : "full run"}; code page 0x${(RAM_BASE + CODE_PAGE).toString(16)}\n`,
  );
  const steady = [HASH_LOOP, COPY_LOOP].map((loop) => ({ loop, s: steadyState(loop) }));
  for (const loop of [HASH_LOOP, COPY_LOOP]) coldStart(loop);
  const calls = emptyCalls();
  console.log(
    "Block entry: ns per call beyond the looped cost of its instructions; instructions per entry\n" +
      "a Wasm block must run to beat the JS block (entry extra / ns saved per instruction) and the interpreter",
  );
  const rows: (string | number)[][] = [
    ["empty call, 3 int32 args (JS->JS, JS->Wasm)", calls.js, calls.wasm, calls.wasm - calls.js, "-", "-", "-"],
    ["empty call, 1 int32 arg, Wasm->JS import", "-", calls.wasmToJs, "-", "-", "-", "-"],
  ];
  const breakEven = (extra: number, saved: number): number => (extra <= 0 ? 0 : saved > 0 ? extra / saved : Infinity);
  for (const { loop, s } of steady) {
    const extra = s.wasmEntry - s.jsEntry;
    const saved = s.jsInsn - s.wasmInsn;
    rows.push([
      `block entry: ${loop.name.split(" ")[0]} (${s.count} insns)`,
      s.jsEntry,
      s.wasmEntry,
      extra,
      saved,
      breakEven(extra, saved),
      breakEven(s.wasmEntry, s.interpInsn - s.wasmInsn),
    ]);
  }
  table(["entry", "JS", "Wasm", "Wasm extra", "ns saved/insn", "vs JS", "vs interp"], rows);
}

main();
