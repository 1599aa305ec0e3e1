// Hypervisor instructions (Priv §9.3): the virtual-machine loads and stores
// HLV, HLVX, HSV, and the fences HFENCE.VVMA / HFENCE.GVMA.
import type { Decoded } from "../rv64/decode/decoded.js";
import type { InsnDef } from "../rv64/decode/insn-def.js";
import type { Hart } from "../rv64/hart.js";
import { SIGNAL_STOP } from "../rv64/hart.js";
import { CSR_HSTATUS, CSR_MSTATUS, HSTATUS_HU, HSTATUS_SPVP, MSTATUS_TVM, PRIV_S, PRIV_U } from "../rv64/constants.js";
import { raiseIllegal, raiseVirtualInstruction } from "../rv64/trap.js";

/**
 * Priv §9.3.1: valid in M and HS, and in U when hstatus.HU; a virtual
 * instruction when V=1. Returns the privilege of the access: VS when
 * hstatus.SPVP, else VU.
 */
function checkVmAccess(h: Hart, d: Decoded): number {
  if (h.virt) raiseVirtualInstruction(h, d.raw);
  const hstatus = h.csrLo[CSR_HSTATUS];
  if (h.priv === PRIV_U && (hstatus & HSTATUS_HU) === 0) raiseIllegal(h, d.raw);
  return (hstatus & HSTATUS_SPVP) !== 0 ? PRIV_S : PRIV_U;
}

/** A virtual-machine load of `size` bytes; the address in rs1 is a guest virtual address (hstatus.GVA on faults). */
function vmLoad(h: Hart, d: Decoded, size: number, hlvx: boolean): number {
  const priv = checkVmAccess(h, d);
  h.trapGva = true;
  const v = h.mmu.loadGuest(h.xl[d.rs1], h.xh[d.rs1], size, priv, hlvx);
  h.trapGva = false;
  return v;
}

function hlvB(h: Hart, d: Decoded): void {
  const v = (vmLoad(h, d, 1, false) << 24) >> 24;
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function hlvBu(h: Hart, d: Decoded): void {
  h.xl[d.rd] = vmLoad(h, d, 1, false) & 0xff;
  h.xh[d.rd] = 0;
}
function hlvH(h: Hart, d: Decoded): void {
  const v = (vmLoad(h, d, 2, false) << 16) >> 16;
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function hlvHu(h: Hart, d: Decoded): void {
  h.xl[d.rd] = vmLoad(h, d, 2, false) & 0xffff;
  h.xh[d.rd] = 0;
}
function hlvxHu(h: Hart, d: Decoded): void {
  h.xl[d.rd] = vmLoad(h, d, 2, true) & 0xffff;
  h.xh[d.rd] = 0;
}
function hlvW(h: Hart, d: Decoded): void {
  const v = vmLoad(h, d, 4, false);
  h.xl[d.rd] = v;
  h.xh[d.rd] = v >> 31;
}
function hlvWu(h: Hart, d: Decoded): void {
  h.xl[d.rd] = vmLoad(h, d, 4, false);
  h.xh[d.rd] = 0;
}
function hlvxWu(h: Hart, d: Decoded): void {
  h.xl[d.rd] = vmLoad(h, d, 4, true);
  h.xh[d.rd] = 0;
}
function hlvD(h: Hart, d: Decoded): void {
  const lo = vmLoad(h, d, 8, false);
  h.xh[d.rd] = h.mmu.hi;
  h.xl[d.rd] = lo;
}

function vmStore(h: Hart, d: Decoded, size: number): void {
  const priv = checkVmAccess(h, d);
  h.trapGva = true;
  h.mmu.storeGuest(h.xl[d.rs1], h.xh[d.rs1], size, h.xl[d.rs2], h.xh[d.rs2], priv);
  h.trapGva = false;
}
function hsvB(h: Hart, d: Decoded): void {
  vmStore(h, d, 1);
}
function hsvH(h: Hart, d: Decoded): void {
  vmStore(h, d, 2);
}
function hsvW(h: Hart, d: Decoded): void {
  vmStore(h, d, 4);
}
function hsvD(h: Hart, d: Decoded): void {
  vmStore(h, d, 8);
}

/** VMID bits in rs2 of HFENCE.GVMA (hgatp.VMID is 14 bits wide here). */
const VMID_MASK = 0x3fff;

/**
 * Priv §9.3.2: HFENCE.VVMA and HFENCE.GVMA, valid in M and HS (illegal in
 * U, a virtual instruction when V=1); HFENCE.GVMA is illegal in HS-mode
 * under mstatus.TVM. The TLB holds combined (VS-stage and G-stage)
 * translations: HFENCE.VVMA drops those of the VMID in hgatp, HFENCE.GVMA
 * those of the VMID in rs2 (every VMID with rs2 = x0) and the G-stage
 * cache. The host's entries stay.
 */
function hfenceVvma(h: Hart, d: Decoded): void {
  if (h.virt) raiseVirtualInstruction(h, d.raw);
  if (h.priv === PRIV_U) raiseIllegal(h, d.raw);
  h.mmu.flushGuest(h.mmu.currentVmid());
  h.signal |= SIGNAL_STOP;
}
function hfenceGvma(h: Hart, d: Decoded): void {
  if (h.virt) raiseVirtualInstruction(h, d.raw);
  if (h.priv === PRIV_U || (h.priv === PRIV_S && (h.csrLo[CSR_MSTATUS] & MSTATUS_TVM) !== 0)) raiseIllegal(h, d.raw);
  h.mmu.flushGuest(d.rs2 === 0 ? -1 : h.xl[d.rs2] & VMID_MASK);
  h.mmu.gstageCache.flush();
  h.signal |= SIGNAL_STOP;
}

// SYSTEM opcode, funct3 = 100 for the loads and stores; encodings from the
// privileged spec's instruction listing.
const LOAD_MASK = 0xfff0707f;
const STORE_MASK = 0xfe007fff;
export const hypervisorInstructions: InsnDef[] = [
  { name: "hlv.b", mask: LOAD_MASK, match: 0x60004073, format: "R", exec: hlvB },
  { name: "hlv.bu", mask: LOAD_MASK, match: 0x60104073, format: "R", exec: hlvBu },
  { name: "hlv.h", mask: LOAD_MASK, match: 0x64004073, format: "R", exec: hlvH },
  { name: "hlv.hu", mask: LOAD_MASK, match: 0x64104073, format: "R", exec: hlvHu },
  { name: "hlvx.hu", mask: LOAD_MASK, match: 0x64304073, format: "R", exec: hlvxHu },
  { name: "hlv.w", mask: LOAD_MASK, match: 0x68004073, format: "R", exec: hlvW },
  { name: "hlv.wu", mask: LOAD_MASK, match: 0x68104073, format: "R", exec: hlvWu },
  { name: "hlvx.wu", mask: LOAD_MASK, match: 0x68304073, format: "R", exec: hlvxWu },
  { name: "hlv.d", mask: LOAD_MASK, match: 0x6c004073, format: "R", exec: hlvD },
  { name: "hsv.b", mask: STORE_MASK, match: 0x62004073, format: "R", exec: hsvB },
  { name: "hsv.h", mask: STORE_MASK, match: 0x66004073, format: "R", exec: hsvH },
  { name: "hsv.w", mask: STORE_MASK, match: 0x6a004073, format: "R", exec: hsvW },
  { name: "hsv.d", mask: STORE_MASK, match: 0x6e004073, format: "R", exec: hsvD },
  { name: "hfence.vvma", mask: 0xfe007fff, match: 0x22000073, format: "R", exec: hfenceVvma },
  { name: "hfence.gvma", mask: 0xfe007fff, match: 0x62000073, format: "R", exec: hfenceGvma },
];
