// Test support: a hart on bare RAM, and helpers to run single instructions.
import { Hart } from "../../../src/rv64/hart.js";
import { PhysicalMemory, Ram } from "../../../src/rv64/memory.js";
import { runHart } from "../../../src/rv64/run-loop.js";
import { CSR_MSTATUS, MSTATUS_FS } from "../../../src/rv64/constants.js";
import "../../../src/h-extension/index.js";

export const RAM_BASE = 0x80000000;

export function makeHart(ramSize = 1 << 20): Hart {
  const phys = new PhysicalMemory(new Ram(RAM_BASE, ramSize));
  const h = new Hart(0, 0, phys, { readTime: () => 0 });
  h.pcLo = RAM_BASE | 0;
  h.pcHi = 0;
  h.csrLo[CSR_MSTATUS] |= MSTATUS_FS; // FP on, as firmware would set it
  return h;
}

/** Sets x[i] from a bigint (two's complement, 64 bits). */
export function setX(h: Hart, i: number, v: bigint): void {
  const u = BigInt.asUintN(64, v);
  h.xl[i] = Number(u & 0xffffffffn) | 0;
  h.xh[i] = Number(u >> 32n) | 0;
}

/** x[i] as an unsigned 64-bit bigint. */
export function getX(h: Hart, i: number): bigint {
  return (BigInt(h.xh[i] >>> 0) << 32n) | BigInt(h.xl[i] >>> 0);
}

export function setF(h: Hart, i: number, bits: bigint): void {
  const u = BigInt.asUintN(64, bits);
  h.fl[i] = Number(u & 0xffffffffn) | 0;
  h.fh[i] = Number(u >> 32n) | 0;
}

export function getF(h: Hart, i: number): bigint {
  return (BigInt(h.fh[i] >>> 0) << 32n) | BigInt(h.fl[i] >>> 0);
}

/**
 * Writes instruction words (32-bit, or 16-bit when < 0x10000 and low bits != 3)
 * at pc and runs exactly that many instructions. Returns the hart.
 */
export function runWords(h: Hart, words: number[]): Hart {
  let addr = (h.pcLo >>> 0) - RAM_BASE;
  const u8 = h.phys.ram.u8;
  for (const w of words) {
    const len = (w & 3) === 3 ? 4 : 2;
    for (let k = 0; k < len; k++) u8[addr + k] = (w >>> (8 * k)) & 0xff;
    addr += len;
  }
  h.phys.dropAllCode();
  runHart(h, words.length);
  return h;
}
