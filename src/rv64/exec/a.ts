// A extension (Unpriv §14): LR/SC and AMOs, .W and .D. Aligned only
// (misaligned ones raise address-misaligned, Unpriv §14.4); they act on RAM
// only (elsewhere: access fault). Harts interleave at instruction
// granularity, so each AMO is atomic by construction.
import type { Decoded } from "../decode/decoded.js";
import type { InsnDef } from "../decode/insn-def.js";
import type { Hart } from "../hart.js";
import { lt64, ltu64, r } from "../int64.js";

/** Physical address of the AMO's rs1 operand (faults raised here). */
function amoAddress(h: Hart, d: Decoded, size: number, isLoadReserved: boolean): number {
  return h.mmu.translateAtomic(h.xl[d.rs1], h.xh[d.rs1], size, isLoadReserved);
}

function ramWord(h: Hart, paddr: number): number {
  return (paddr - h.phys.ram.base) >>> 2;
}

// ---- LR/SC (Unpriv §14.2). The reservation set is the aligned doubleword;
// any store to it (by any hart), a trap, or an SC clears it.

function lrW(h: Hart, d: Decoded): void {
  const paddr = amoAddress(h, d, 4, true);
  const v = h.phys.ram.i32[ramWord(h, paddr)];
  h.phys.reserve(h.index, paddr);
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}

function lrD(h: Hart, d: Decoded): void {
  const paddr = amoAddress(h, d, 8, true);
  const w = ramWord(h, paddr);
  const lo = h.phys.ram.i32[w];
  const hi = h.phys.ram.i32[w + 1];
  h.phys.reserve(h.index, paddr);
  h.xl[d.rd] = lo;
  h.xh[d.rd] = hi;
}

function storeConditional(h: Hart, d: Decoded, size: number): void {
  const paddr = amoAddress(h, d, size, false);
  const ok = h.phys.reservation[h.index] === paddr;
  h.phys.reservation[h.index] = -1;
  if (ok) {
    h.mmu.storePhysical(paddr, size, h.xl[d.rs2], h.xh[d.rs2], h.xl[d.rs1], h.xh[d.rs1], false);
  }
  h.xl[d.rd] = ok ? 0 : 1;
  h.xh[d.rd] = 0;
}

function scW(h: Hart, d: Decoded): void {
  storeConditional(h, d, 4);
}
function scD(h: Hart, d: Decoded): void {
  storeConditional(h, d, 8);
}

// ---- AMOs (Unpriv §14.4): rd = old value; memory = op(old, rs2).

type Op32 = (old: number, src: number) => number;

function amo32(op: Op32) {
  return (h: Hart, d: Decoded): void => {
    const paddr = amoAddress(h, d, 4, false);
    const old = h.phys.ram.i32[ramWord(h, paddr)];
    const v = op(old, h.xl[d.rs2]);
    h.mmu.storePhysical(paddr, 4, v, 0, h.xl[d.rs1], h.xh[d.rs1], false);
    h.xl[d.rd] = old;
    h.xh[d.rd] = old >> 31;
  };
}

/** A 64-bit operation: returns the new low word, the new high word in r.hi. */
type Op64 = (oLo: number, oHi: number, sLo: number, sHi: number) => number;

function amo64(op: Op64) {
  return (h: Hart, d: Decoded): void => {
    const paddr = amoAddress(h, d, 8, false);
    const w = ramWord(h, paddr);
    const oLo = h.phys.ram.i32[w];
    const oHi = h.phys.ram.i32[w + 1];
    const lo = op(oLo, oHi, h.xl[d.rs2], h.xh[d.rs2]);
    h.mmu.storePhysical(paddr, 8, lo, r.hi, h.xl[d.rs1], h.xh[d.rs1], false);
    h.xl[d.rd] = oLo;
    h.xh[d.rd] = oHi;
  };
}

function pick(takeSrc: boolean, oLo: number, oHi: number, sLo: number, sHi: number): number {
  r.hi = takeSrc ? sHi : oHi;
  return takeSrc ? sLo : oLo;
}

const amoW: [string, number, Op32][] = [
  ["amoswap.w", 0x08000000, (_o, s) => s],
  ["amoadd.w", 0x00000000, (o, s) => (o + s) | 0],
  ["amoxor.w", 0x20000000, (o, s) => o ^ s],
  ["amoand.w", 0x60000000, (o, s) => o & s],
  ["amoor.w", 0x40000000, (o, s) => o | s],
  ["amomin.w", 0x80000000, (o, s) => (s < o ? s : o)],
  ["amomax.w", 0xa0000000, (o, s) => (s > o ? s : o)],
  ["amominu.w", 0xc0000000, (o, s) => (s >>> 0 < o >>> 0 ? s : o)],
  ["amomaxu.w", 0xe0000000, (o, s) => (s >>> 0 > o >>> 0 ? s : o)],
];

const amoD: [string, number, Op64][] = [
  ["amoswap.d", 0x08000000, (_oLo, _oHi, sLo, sHi) => ((r.hi = sHi), sLo)],
  [
    "amoadd.d",
    0x00000000,
    (oLo, oHi, sLo, sHi) => {
      const lo = (oLo + sLo) | 0;
      r.hi = (oHi + sHi + (lo >>> 0 < oLo >>> 0 ? 1 : 0)) | 0;
      return lo;
    },
  ],
  ["amoxor.d", 0x20000000, (oLo, oHi, sLo, sHi) => ((r.hi = oHi ^ sHi), oLo ^ sLo)],
  ["amoand.d", 0x60000000, (oLo, oHi, sLo, sHi) => ((r.hi = oHi & sHi), oLo & sLo)],
  ["amoor.d", 0x40000000, (oLo, oHi, sLo, sHi) => ((r.hi = oHi | sHi), oLo | sLo)],
  ["amomin.d", 0x80000000, (oLo, oHi, sLo, sHi) => pick(lt64(sLo, sHi, oLo, oHi), oLo, oHi, sLo, sHi)],
  ["amomax.d", 0xa0000000, (oLo, oHi, sLo, sHi) => pick(lt64(oLo, oHi, sLo, sHi), oLo, oHi, sLo, sHi)],
  ["amominu.d", 0xc0000000, (oLo, oHi, sLo, sHi) => pick(ltu64(sLo, sHi, oLo, oHi), oLo, oHi, sLo, sHi)],
  ["amomaxu.d", 0xe0000000, (oLo, oHi, sLo, sHi) => pick(ltu64(oLo, oHi, sLo, sHi), oLo, oHi, sLo, sHi)],
];

// funct5 in bits 31:27; aq/rl (bits 26:25) are ignored: accesses are already
// sequentially consistent here.
const AMO_MASK = 0xf800707f;
export const rv64a: InsnDef[] = [
  { name: "lr.w", mask: 0xf9f0707f, match: 0x1000202f, format: "R", exec: lrW },
  { name: "sc.w", mask: AMO_MASK, match: 0x1800202f, format: "R", exec: scW },
  { name: "lr.d", mask: 0xf9f0707f, match: 0x1000302f, format: "R", exec: lrD },
  { name: "sc.d", mask: AMO_MASK, match: 0x1800302f, format: "R", exec: scD },
  ...amoW.map(([name, f5, op]) => ({
    name,
    mask: AMO_MASK,
    match: f5 | 0x202f | 0,
    format: "R" as const,
    exec: amo32(op),
  })),
  ...amoD.map(([name, f5, op]) => ({
    name,
    mask: AMO_MASK,
    match: f5 | 0x302f | 0,
    format: "R" as const,
    exec: amo64(op),
  })),
];
