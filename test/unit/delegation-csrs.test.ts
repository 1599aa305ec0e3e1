import { describe, expect, it } from "vitest";
import { getX, makeHart, runWords, setX } from "./support/hart.js";

describe("medeleg / hedeleg writable bits (Priv §3.1.8, §9.2.2 table of hedeleg bits)", () => {
  it("medeleg keeps every delegable exception, never ecall from M", () => {
    const h = makeHart();
    setX(h, 1, -1n);
    runWords(h, [0x30209073, 0x30202173]); // csrw medeleg, x1; csrr x2, medeleg
    // 0-10, 12, 13, 15, 18, 19, 20-23
    expect(getX(h, 2)).toBe(0xfcb7ffn);
  });
  it("hedeleg keeps what VS-mode can take: not ecalls from HS/VS/M, guest-page faults or virtual instructions", () => {
    const h = makeHart();
    setX(h, 1, -1n);
    runWords(h, [0x60209073, 0x602021f3]); // csrw hedeleg, x1; csrr x3, hedeleg
    // 0-8, 12, 13, 15, 18, 19
    expect(getX(h, 3)).toBe(0xcb1ffn);
  });
});
