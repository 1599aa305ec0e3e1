// Decoded code is dropped exactly: a store drops the page it hits, FENCE.I
// drops nothing else (Linux runs FENCE.I for every executable page it maps,
// so a FENCE.I that discarded everything would throw away all decoded and
// compiled code thousands of times per boot).
import { describe, expect, it } from "vitest";
import { runHart } from "../../src/rv64/run-loop.js";
import { makeHart, RAM_BASE } from "./support/hart.js";

function put(u8: Uint8Array, offset: number, words: number[]): void {
  const view = new DataView(u8.buffer);
  words.forEach((w, i) => view.setUint32(offset + 4 * i, w, true));
}

describe("decoded-code invalidation", () => {
  it("FENCE.I keeps other pages' decodings; a store drops only its own page", () => {
    const h = makeHart();
    const u8 = h.phys.ram.u8;
    const jal = (imm: number): number =>
      ((((imm >> 20) & 1) << 31) |
        (((imm >> 1) & 0x3ff) << 21) |
        (((imm >> 11) & 1) << 20) |
        (((imm >> 12) & 0xff) << 12) |
        0x6f) >>>
      0;
    // Page 1: addi x1, x1, 1; jal x0, 0xffc (to page 2).
    put(u8, 0x1000, [0x00108093, jal(0xffc)]);
    // Page 2: fence.i; sw x0, 0x400(x3) (x3 points into page 3); jal x0, . (spin)
    put(u8, 0x2000, [0x0000100f, 0x4001a023, jal(0)]);
    h.xl[3] = (RAM_BASE + 0x3000) | 0;
    h.pcLo = (RAM_BASE + 0x1000) | 0;
    h.phys.dropAllCode();
    const generation = (page: number): number => h.phys.codeGeneration[page];
    runHart(h, 2); // page 1 decoded
    const page1 = generation(1);
    runHart(h, 1); // fence.i
    runHart(h, 3); // the store to page 3, then spin
    h.pcLo = (RAM_BASE + 0x1000) | 0;
    runHart(h, 1); // back on page 1: its decodings survived FENCE.I
    expect(generation(1)).toBe(page1);
    expect(h.xl[1]).toBe(2);
    // A store to page 1 drops page 1 (and only it).
    const page2 = generation(2);
    h.xl[3] = (RAM_BASE + 0x1000) | 0;
    h.pcLo = (RAM_BASE + 0x2004) | 0;
    runHart(h, 1); // sw x0, 0x400(x3): into page 1
    h.pcLo = (RAM_BASE + 0x1000) | 0;
    runHart(h, 1);
    expect(generation(1)).toBe(page1 + 1);
    expect(generation(2)).toBe(page2);
  });

  it("a store that rewrites the next instruction takes effect after FENCE.I", () => {
    const h = makeHart();
    const u8 = h.phys.ram.u8;
    // sw x2, 12(x3); fence.i; nop -> becomes "addi x1, x0, 7"
    put(u8, 0, [0x0021a623, 0x0000100f, 0x00000013, 0x00000013]);
    h.xl[3] = RAM_BASE | 0;
    h.xl[2] = 0x00700093; // addi x1, x0, 7
    h.phys.dropAllCode();
    runHart(h, 3);
    expect(h.xl[1]).toBe(0);
    runHart(h, 1);
    expect(h.xl[1]).toBe(7);
  });
});
