import { describe, expect, it } from "vitest";
import { Pmp } from "../../src/rv64/mmu/pmp.js";
import { PRIV_M, PRIV_S, PRIV_U } from "../../src/rv64/constants.js";

const R = 1,
  W = 2,
  X = 4,
  L = 0x80;
const TOR = 1 << 3,
  NA4 = 2 << 3,
  NAPOT = 3 << 3;
const LOAD = 1,
  STORE = 2,
  FETCH = 0;

function setAddr(p: Pmp, i: number, units: bigint): void {
  p.addrLo[i] = Number(units & 0xffffffffn) | 0;
  p.addrHi[i] = Number(units >> 32n) | 0;
}

describe("PMP (Priv §3.7)", () => {
  it("with no entry active, M passes and S/U fail", () => {
    const p = new Pmp();
    p.update();
    expect(p.allowsAt(0x80000000, 4, LOAD, PRIV_M)).toBe(true);
    expect(p.allowsAt(0x80000000, 4, LOAD, PRIV_S)).toBe(false);
    expect(p.allowsAt(0x80000000, 4, LOAD, PRIV_U)).toBe(false);
  });
  it("NAPOT with all 54 address bits set covers the whole space", () => {
    const p = new Pmp();
    setAddr(p, 0, (1n << 54n) - 1n);
    p.cfg[0] = NAPOT | R | W | X;
    p.update();
    expect(p.allowsAt(0, 8, STORE, PRIV_U)).toBe(true);
    expect(p.allowsAt(0xfffff000 * 16, 8, STORE, PRIV_U)).toBe(true);
  });
  it("NAPOT sizes come from the trailing ones", () => {
    const p = new Pmp();
    // 64 KiB at 0x80010000: units = base/4 | (size/8 - 1)
    setAddr(p, 0, (0x80010000n >> 2n) | ((0x10000n >> 3n) - 1n));
    p.cfg[0] = NAPOT | R;
    p.update();
    expect(p.allowsAt(0x80010000, 4, LOAD, PRIV_S)).toBe(true);
    expect(p.allowsAt(0x8001fffc, 4, LOAD, PRIV_S)).toBe(true);
    expect(p.allowsAt(0x80020000, 4, LOAD, PRIV_S)).toBe(false);
    expect(p.allowsAt(0x8000fffc, 4, LOAD, PRIV_S)).toBe(false);
    expect(p.allowsAt(0x80010000, 4, STORE, PRIV_S)).toBe(false);
  });
  it("TOR uses the previous entry as the bottom; NA4 covers four bytes", () => {
    const p = new Pmp();
    setAddr(p, 0, 0x1000n >> 2n);
    setAddr(p, 1, 0x2000n >> 2n);
    p.cfg[1] = TOR | X;
    setAddr(p, 2, 0x3000n >> 2n);
    p.cfg[2] = NA4 | W | R;
    p.update();
    expect(p.allowsAt(0x1000, 2, FETCH, PRIV_U)).toBe(true);
    expect(p.allowsAt(0x1ffe, 2, FETCH, PRIV_U)).toBe(true);
    expect(p.allowsAt(0x2000, 2, FETCH, PRIV_U)).toBe(false);
    expect(p.allowsAt(0x3000, 4, STORE, PRIV_U)).toBe(true);
    expect(p.allowsAt(0x3004, 4, STORE, PRIV_U)).toBe(false);
  });
  it("an access that straddles an entry boundary fails", () => {
    const p = new Pmp();
    setAddr(p, 0, 0x1000n >> 2n);
    p.cfg[0] = TOR | R;
    p.update();
    expect(p.allowsAt(0xffc, 8, LOAD, PRIV_S)).toBe(false);
  });
  it("the lowest-numbered matching entry wins; L applies it to M-mode", () => {
    const p = new Pmp();
    setAddr(p, 0, 0x3000n >> 2n);
    p.cfg[0] = NA4 | L; // no permissions, locked
    setAddr(p, 1, (1n << 54n) - 1n);
    p.cfg[1] = NAPOT | R | W | X;
    p.update();
    expect(p.allowsAt(0x3000, 4, LOAD, PRIV_S)).toBe(false);
    expect(p.allowsAt(0x3000, 4, LOAD, PRIV_M)).toBe(false);
    expect(p.allowsAt(0x3004, 4, LOAD, PRIV_M)).toBe(true);
    expect(p.cfgLocked(0)).toBe(true);
  });
});
