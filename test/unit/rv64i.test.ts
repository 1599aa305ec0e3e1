import { describe, expect, it } from "vitest";
import { runHart } from "../../src/rv64/run-loop.js";
import { getX, makeHart, RAM_BASE, runWords, setX } from "./support/hart.js";

describe("RV64I", () => {
  it("addi sign-extends its immediate to 64 bits", () => {
    const h = runWords(makeHart(), [0xfff00093]); // addi x1, x0, -1
    expect(getX(h, 1)).toBe(0xffffffffffffffffn);
  });
  it("add carries from the low word into the high word", () => {
    const h = makeHart();
    setX(h, 2, 0xffffffffn);
    setX(h, 3, 1n);
    runWords(h, [0x003100b3]); // add x1, x2, x3
    expect(getX(h, 1)).toBe(0x100000000n);
  });
  it("writes to x0 are discarded", () => {
    const h = runWords(makeHart(), [0x00500013]); // addi x0, x0, 5
    expect(getX(h, 0)).toBe(0n);
  });
  it("sd/ld round-trip a 64-bit value", () => {
    const h = makeHart();
    setX(h, 2, 0x80000800n);
    setX(h, 3, 0x123456789abcdef0n);
    runWords(h, [0x00313423, 0x00813083]); // sd x3, 8(x2); ld x1, 8(x2)
    expect(getX(h, 1)).toBe(0x123456789abcdef0n);
  });
  it("ecall traps to mtvec with mcause 11", () => {
    const h = makeHart();
    h.csrLo[0x305] = 0x80000100 | 0;
    runWords(h, [0x00000073]);
    expect(h.pcLo >>> 0).toBe(0x80000100);
    expect(h.csrLo[0x342]).toBe(11);
    expect(h.retired()).toBe(0); // a trapping instruction does not retire
  });
  it("ecall and ebreak mid-slice: the trap is taken, the handler runs next, only the others retire", () => {
    const h = makeHart();
    // 0x80000000: addi x1,x0,1; ecall; (skipped) addi x1,x1,16 ... mtvec = 0x80000010: addi x2,x0,2; ebreak
    h.csrLo[0x305] = 0x80000010 | 0;
    const words = [0x00100093, 0x00000073, 0x01008093, 0x00000013, 0x00200113, 0x00100073];
    const u8 = h.phys.ram.u8;
    words.forEach((w, i) => new DataView(u8.buffer).setUint32(i * 4, w, true));
    h.phys.dropAllCode();
    runHart(h, 4); // addi, ecall (trap), addi x2, ebreak (trap)
    expect([h.xl[1], h.xl[2]]).toEqual([1, 2]);
    expect(h.csrLo[0x342]).toBe(3); // breakpoint
    expect(h.csrLo[0x341] >>> 0).toBe(0x80000014); // mepc = the ebreak
    expect(h.pcLo >>> 0).toBe(0x80000010);
    expect(h.retired()).toBe(2);
  });
});

describe("run loop", () => {
  it("runs a 32-bit instruction that straddles a page after falling through into it (once, with its own pc)", () => {
    const h = makeHart();
    h.pcLo = (RAM_BASE + 4092) | 0;
    setX(h, 10, 0n);
    // c.addi a0, 1 at 4092, then addi a0, a0, 16 occupying 4094..4097.
    runWords(h, [0x0505, 0x01050513]);
    expect(getX(h, 10)).toBe(17n);
    expect(h.pcLo >>> 0).toBe(RAM_BASE + 4098);
  });
});
