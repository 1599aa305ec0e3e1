import { describe, expect, it } from "vitest";
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
