// mcycle and minstret (Priv §3.1.10) are independent counters: a write to
// one never moves the other, every 64-bit value reads back exactly, and the
// reads are the same however the run loop slices the program (one
// instruction per slice or all in one) and across a trap.
import { describe, expect, it } from "vitest";
import { runHart } from "../../src/rv64/run-loop.js";
import type { Hart } from "../../src/rv64/hart.js";
import { RAM_BASE, getX, makeHart, setX } from "./support/hart.js";

const MCYCLE = 0xb00;
const MINSTRET = 0xb02;
const CYCLE = 0xc00;
const INSTRET = 0xc02;
const MTVEC = 0x305;
const M64 = (1n << 64n) - 1n;

const csrw = (csr: number, rs1: number) => ((csr << 20) | (rs1 << 15) | (1 << 12) | 0x73) >>> 0;
const csrr = (rd: number, csr: number) => ((csr << 20) | (2 << 12) | (rd << 7) | 0x73) >>> 0;
const ILLEGAL = 0; // the all-zero parcel is an illegal instruction

/**
 * Writes mcycle = x5 (A) and minstret = x6 (B) and reads the counters
 * around the writes into x10..x17; an illegal instruction traps (to mtvec,
 * the next word) between two reads. A written value is what the next
 * instruction reads; the comments give each read's expected value.
 */
const PROGRAM = [
  csrr(10, MINSTRET), // 0
  csrw(MCYCLE, 5),
  csrr(12, MCYCLE), // A
  csrr(11, MINSTRET), // 3: the mcycle write did not move it
  csrw(MINSTRET, 6),
  csrr(14, MINSTRET), // B
  csrr(13, MCYCLE), // A + 4: the minstret write did not move it
  ILLEGAL, // traps to mtvec = the next instruction; does not retire
  csrr(15, CYCLE), // A + 5
  csrr(16, INSTRET), // B + 3
  csrr(17, MCYCLE), // A + 7
];
const STEPS = PROGRAM.length; // the trap uses a step of the slice too

function load(h: Hart): void {
  const view = new DataView(h.phys.ram.u8.buffer);
  PROGRAM.forEach((w, i) => view.setUint32(i * 4, w, true));
  h.phys.dropAllCode();
  h.pcLo = RAM_BASE | 0;
  h.pcHi = 0;
  h.csrLo[MTVEC] = (RAM_BASE + 4 * PROGRAM.indexOf(ILLEGAL) + 4) | 0;
}

/** Runs PROGRAM in slices of `slice` steps; returns x10..x17. */
function run(a: bigint, b: bigint, slice: number): bigint[] {
  const h = makeHart();
  load(h);
  setX(h, 5, a);
  setX(h, 6, b);
  for (let left = STEPS; left > 0; left -= slice) runHart(h, Math.min(slice, left));
  return [10, 11, 12, 13, 14, 15, 16, 17].map((i) => getX(h, i));
}

describe("mcycle and minstret", () => {
  const values: [bigint, bigint][] = [
    [0x1000n, 0x2000n],
    [0n, 0n],
    [M64, M64], // wraps to 0 as it counts on
    [0x123456789abcdef0n, 0x0fedcba987654321n], // beyond 2^53: still exact
    [0xfffffffffffffffen, 0x00000000fffffffen], // carries across the word boundary
  ];
  for (const [a, b] of values) {
    it(`writing mcycle = ${a.toString(16)} and minstret = ${b.toString(16)}: neither moves the other`, () => {
      const add = (v: bigint, n: bigint) => (v + n) & M64;
      const want = [0n, 3n, a, add(a, 4n), b, add(a, 5n), add(b, 3n), add(a, 7n)];
      for (const slice of [STEPS, 1, 2, 3, 5]) {
        expect(run(a, b, slice), `slices of ${slice}`).toEqual(want);
      }
    });
  }

  it("the hart's retired count is not rewritten by counter writes", () => {
    const h = makeHart();
    load(h);
    setX(h, 5, 1n << 40n);
    setX(h, 6, 1n << 50n);
    runHart(h, STEPS);
    expect(h.retired()).toBe(STEPS - 1);
  });
});
