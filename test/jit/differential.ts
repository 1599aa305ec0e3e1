// Differential testing of the translation engine (src/jit/) against the
// interpreter: the same random program (random-program.ts) runs on two
// identical harts, one interpreted and one with the engine, in the same
// sequence of run slices; afterwards every register, CSR, the pc, the mode,
// the retired count and all of RAM must be equal.
//
// Modes: M; S and U with bare or Sv39 translation; VS and VU with Sv39 in
// both stages (vsatp and hgatp). Every trap goes to one M-mode handler that
// skips the trapping instruction and returns (mret) to the mode it came from.
import { Hart } from "../../src/rv64/hart.js";
import { PhysicalMemory, Ram } from "../../src/rv64/memory.js";
import { runHart } from "../../src/rv64/run-loop.js";
import {
  CSR_HCOUNTEREN,
  CSR_HGATP,
  CSR_MCOUNTEREN,
  CSR_MSTATUS,
  CSR_MTVEC,
  CSR_SATP,
  CSR_SCOUNTEREN,
  CSR_VSATP,
  CSR_VSSTATUS,
  MSTATUS_FS,
  MSTATUS_MPP,
  PRIV_M,
  PRIV_S,
  PRIV_U,
} from "../../src/rv64/constants.js";
import { JitEngine } from "../../src/jit/engine.js";
import "../../src/h-extension/index.js";
import { CODE_REG, DATA_REG, I, Random, randomProgram } from "./random-program.js";

export const MODES = ["M", "S", "U", "S-sv39", "U-sv39", "VS", "VU"] as const;
export type Mode = (typeof MODES)[number];

const RAM_BASE = 0x80000000;
const RAM_SIZE = 1 << 20;
const VS_ROOT = 0x000c0000; // RAM offsets of the page tables
const G_ROOT = 0x000d0000; // 16 KiB aligned (Sv39x4)
const DATA_PAGE = 0x00080000;
const CODE_AREA = 0x00010000;

/** The M-mode trap handler at RAM_BASE: mepc += 4; mret. */
const HANDLER = [
  I(0x73, 2, 31, 0, 0x341), // csrr x31, mepc
  I(0x13, 0, 31, 31, 4), // addi x31, x31, 4
  I(0x73, 1, 0, 31, 0x341), // csrw mepc, x31
  0x30200073, // mret
];

function writeWords(u8: Uint8Array, offset: number, words: number[]): void {
  const view = new DataView(u8.buffer);
  words.forEach((w, i) => view.setUint32(offset + 4 * i, w >>> 0, true));
}

/** A leaf PTE mapping 1 GiB at physical 0x8000_0000 (Priv §4.4.1). */
function gigapage(user: boolean): [number, number] {
  const flags = 0x01 | 0x02 | 0x04 | 0x08 | 0x40 | 0x80 | (user ? 0x10 : 0);
  return [((RAM_BASE >>> 12) << 10) | flags, 0];
}

/** The bits (lo, hi) of a double of moderate size: a short fraction, or a full one scaled by 2^-20..2^20. */
function moderateDouble(rnd: Random): [number, number] {
  const v = rnd.chance(0.5)
    ? (rnd.below(2000) - 1000) / (1 << rnd.below(8))
    : (rnd.next() / 4294967296 - 0.5) * 2 ** (rnd.below(40) - 20);
  const words = new Int32Array(new Float64Array([v]).buffer);
  return [words[0], words[1]];
}

/** A hart in `mode`, with the program and its data in RAM. */
function buildHart(mode: Mode, seed: number, jit: number): Hart {
  const rnd = new Random(seed);
  const phys = new PhysicalMemory(new Ram(RAM_BASE, RAM_SIZE));
  if (jit > 0) new JitEngine(phys, jit);
  const h = new Hart(0, 0, phys, { readTime: () => 0 });
  const u8 = phys.ram.u8;
  writeWords(u8, 0, HANDLER);
  for (let i = 0; i < 3 * 4096; i++) u8[DATA_PAGE - 4096 + i] = rnd.next() & 0xff;
  const program = randomProgram(rnd, 20 + rnd.below(60), 1 + rnd.below(4));
  // Anywhere in a page, so blocks meet page ends and instructions straddle them.
  const start = CODE_AREA + 2 * rnd.below(2048);
  const view = new DataView(u8.buffer);
  program.parcels.forEach((p, i) => view.setUint16(start + 2 * i, p, true));
  for (let r = 1; r < 32; r++) {
    h.xl[r] = rnd.interesting();
    h.xh[r] = rnd.chance(0.5) ? h.xl[r] >> 31 : rnd.interesting();
  }
  for (let f = 0; f < 32; f++) {
    if (rnd.chance(0.5)) {
      // Ordinary doubles, so the engine's native fast paths run (and some sums and products are exact).
      const [lo, hi] = moderateDouble(rnd);
      h.fl[f] = lo;
      h.fh[f] = hi;
    } else {
      h.fl[f] = rnd.interesting();
      h.fh[f] = rnd.chance(0.3) ? -1 : rnd.interesting();
    }
  }
  h.xl[DATA_REG] = (RAM_BASE + DATA_PAGE - 8) | 0; // 8 bytes below a page end
  h.xh[DATA_REG] = 0;
  h.xl[CODE_REG] = (RAM_BASE + start) | 0;
  h.xh[CODE_REG] = 0;
  h.pcLo = (RAM_BASE + start) | 0;
  h.pcHi = 0;
  // PMP entry 0 grants everything (NAPOT over the whole space): without a
  // matching entry, S and U accesses fail (Priv §3.7.1).
  h.pmp.addrLo[0] = -1;
  h.pmp.addrHi[0] = 0x3fffff;
  h.pmp.cfg[0] = 0x1f; // R, W, X, A = NAPOT
  h.pmp.update();
  h.csrLo[CSR_MTVEC] = RAM_BASE | 0;
  // FS Initial, Clean or Dirty (an FP write must make it Dirty), rarely Off.
  const fs = (): number => (rnd.chance(0.05) ? 0 : 1 + rnd.below(3)) << 13;
  h.csrLo[CSR_MSTATUS] = (h.csrLo[CSR_MSTATUS] & ~MSTATUS_FS) | fs();
  h.csrLo[CSR_VSSTATUS] = (h.csrLo[CSR_VSSTATUS] & ~MSTATUS_FS) | fs();
  h.csrLo[CSR_MCOUNTEREN] = 7;
  h.csrLo[CSR_SCOUNTEREN] = 7;
  h.csrLo[CSR_HCOUNTEREN] = 7;
  const user = mode === "U" || mode === "U-sv39" || mode === "VU";
  h.priv = mode === "M" ? PRIV_M : user ? PRIV_U : PRIV_S;
  h.virt = mode === "VS" || mode === "VU";
  // Traps return to this mode (mret to MPP, and MPV for V=1).
  h.csrLo[CSR_MSTATUS] = (h.csrLo[CSR_MSTATUS] & ~MSTATUS_MPP) | (h.priv << 11);
  const [pteLo, pteHi] = gigapage(user);
  if (mode.endsWith("sv39") || h.virt) {
    writeWords(u8, VS_ROOT + 2 * 8, [pteLo, pteHi]);
    const satp = h.virt ? CSR_VSATP : CSR_SATP;
    h.csrLo[satp] = (RAM_BASE + VS_ROOT) >>> 12;
    h.csrHi[satp] = 8 << 28; // MODE = Sv39
  }
  if (h.virt) {
    const [gLo, gHi] = gigapage(true); // G-stage leaves are user pages (Priv §9.5.1)
    writeWords(u8, G_ROOT + 2 * 8, [gLo, gHi]);
    h.csrLo[CSR_HGATP] = (RAM_BASE + G_ROOT) >>> 12;
    h.csrHi[CSR_HGATP] = 8 << 28; // MODE = Sv39x4
    h.csrHi[CSR_MSTATUS] |= 1 << 7; // MPV: traps from V=1 return there
  }
  phys.dropAllCode();
  return h;
}

/** What differs between the two harts, or null. */
function compare(a: Hart, b: Hart): string | null {
  const hex = (lo: number, hi: number): string =>
    `0x${(hi >>> 0).toString(16).padStart(8, "0")}${(lo >>> 0).toString(16).padStart(8, "0")}`;
  if (a.pcLo !== b.pcLo || a.pcHi !== b.pcHi) return `pc ${hex(a.pcLo, a.pcHi)} vs ${hex(b.pcLo, b.pcHi)}`;
  if (a.priv !== b.priv || a.virt !== b.virt) return `mode ${a.priv}/${a.virt} vs ${b.priv}/${b.virt}`;
  if (a.retired() !== b.retired()) return `retired ${a.retired()} vs ${b.retired()}`;
  for (let r = 1; r < 32; r++) {
    if (a.xl[r] !== b.xl[r] || a.xh[r] !== b.xh[r]) return `x${r} ${hex(a.xl[r], a.xh[r])} vs ${hex(b.xl[r], b.xh[r])}`;
  }
  for (let f = 0; f < 32; f++) {
    if (a.fl[f] !== b.fl[f] || a.fh[f] !== b.fh[f]) return `f${f} ${hex(a.fl[f], a.fh[f])} vs ${hex(b.fl[f], b.fh[f])}`;
  }
  for (let c = 0; c < 4096; c++) {
    if (a.csrLo[c] !== b.csrLo[c] || a.csrHi[c] !== b.csrHi[c]) {
      return `CSR 0x${c.toString(16)} ${hex(a.csrLo[c], a.csrHi[c])} vs ${hex(b.csrLo[c], b.csrHi[c])}`;
    }
  }
  const ma = a.phys.ram.i32;
  const mb = b.phys.ram.i32;
  for (let i = 0; i < ma.length; i++) {
    if (ma[i] !== mb[i]) return `RAM word 0x${(RAM_BASE + 4 * i).toString(16)}: ${hex(ma[i], 0)} vs ${hex(mb[i], 0)}`;
  }
  return null;
}

export interface Divergence {
  seed: number;
  mode: Mode;
  /** Instructions run (by slices) when the states first differed. */
  after: number;
  what: string;
}

/**
 * Runs program `seed` in `mode` on the interpreter and on the engine
 * (compiling at `hotThreshold` arrivals), slice by slice, comparing after
 * each slice. Returns the first divergence, or null; adds the blocks the
 * engine compiled (block entries, and the regions they belong to) to `compiled`.
 */
export function runDifferential(
  seed: number,
  mode: Mode,
  hotThreshold: number,
  budget = 3000,
  compiled: { blocks: number; regions: number } = { blocks: 0, regions: 0 },
): Divergence | null {
  const reference = buildHart(mode, seed, 0);
  const engine = buildHart(mode, seed, hotThreshold);
  try {
    return compareRuns(seed, mode, reference, engine, budget);
  } finally {
    compiled.blocks += (engine.jit as JitEngine).blocksCompiled;
    compiled.regions += (engine.jit as JitEngine).regionsCompiled;
  }
}

function compareRuns(seed: number, mode: Mode, reference: Hart, engine: Hart, budget: number): Divergence | null {
  const slices = new Random(seed ^ 0x5eed);
  let steps = 0;
  while (steps < budget) {
    const n = slices.chance(0.3) ? 1 + slices.below(8) : 16 + slices.below(400);
    runHart(reference, n);
    runHart(engine, n);
    steps += n;
    const what = compare(reference, engine);
    if (what !== null) return { seed, mode, after: steps, what };
  }
  return null;
}
