// Block chaining across pages (src/jit/block-links.ts): a loop whose blocks
// sit on two code pages runs inside WebAssembly from one page to the other,
// and a store that rewrites code on the second page must stop the runner
// from entering that page's old blocks. The engine (compiling every block)
// must end in exactly the interpreter's state.
import { describe, expect, it } from "vitest";
import { JitEngine } from "../../src/jit/engine.js";
import { Hart } from "../../src/rv64/hart.js";
import { PhysicalMemory, Ram } from "../../src/rv64/memory.js";
import { runHart } from "../../src/rv64/run-loop.js";
import { B, I, J, S } from "../jit/random-program.js";

const RAM_BASE = 0x8000_0000;
const PAGE_A = 0x1_0000;
const PAGE_B = 0x1_1000;
const ADDI = (rd: number, rs1: number, imm: number): number => I(0x13, 0, rd, rs1, imm);

/** Page A: the loop head, which rewrites B's first instruction half-way; page B: the loop's tail. */
function program(): { a: number[]; b: number[] } {
  const loop = 0x0;
  const a = [
    ADDI(10, 10, 1), // loop: x10++
    ADDI(13, 12, -25), // x13 = x12 - 25
    B(1, 13, 0, 8), // bne x13, x0, +8 (skip the rewrite)
    S(0x23, 2, 8, 7, 0), // sw x7, 0(x8): B's first instruction becomes x7
    J(0, PAGE_B - (PAGE_A + 0x10)), // jal x0, B
  ];
  const b = [
    ADDI(11, 11, 1), // x11 += 1 (rewritten to += 100)
    ADDI(12, 12, -1), // x12--
    B(0, 12, 0, 8), // beq x12, x0, +8 (done)
    J(0, PAGE_A + loop - (PAGE_B + 0xc)), // jal x0, loop
    J(0, 0), // done: j .
  ];
  return { a, b };
}

function buildHart(jit: boolean): Hart {
  const phys = new PhysicalMemory(new Ram(RAM_BASE, 1 << 20));
  if (jit) new JitEngine(phys, 1);
  const h = new Hart(0, 0, phys, { readTime: () => 0 });
  const view = new DataView(phys.ram.u8.buffer, 0, phys.ram.size);
  const { a, b } = program();
  a.forEach((w, i) => view.setUint32(PAGE_A + 4 * i, w >>> 0, true));
  b.forEach((w, i) => view.setUint32(PAGE_B + 4 * i, w >>> 0, true));
  h.xl[7] = ADDI(11, 11, 100) | 0;
  h.xl[8] = (RAM_BASE + PAGE_B) | 0;
  h.xl[12] = 50;
  h.pcLo = (RAM_BASE + PAGE_A) | 0;
  phys.dropAllCode();
  return h;
}

describe("block chaining across pages", () => {
  it("runs a two-page loop and sees the rewrite of the second page", () => {
    const reference = buildHart(false);
    const engine = buildHart(true);
    for (let slice = 0; slice < 40; slice++) {
      runHart(reference, 50);
      runHart(engine, 50);
      expect([engine.pcLo, engine.xl[10], engine.xl[11], engine.xl[12]]).toEqual([
        reference.pcLo,
        reference.xl[10],
        reference.xl[11],
        reference.xl[12],
      ]);
    }
    // 25 passes before the rewrite added 1 each, the 25 after it 100 each.
    expect(engine.xl[11]).toBe(25 + 25 * 100);
    expect((engine.jit as JitEngine).blocksCompiled).toBeGreaterThan(4);
  });
});
