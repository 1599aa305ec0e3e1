// Privileged instructions (Priv §3.3, §4.2) and Zifencei: ECALL, EBREAK,
// MRET, SRET, WFI, SFENCE.VMA, FENCE.I.
import type { Decoded } from "../decode/decoded.js";
import type { InsnDef } from "../decode/insn-def.js";
import { SIGNAL_STOP, type Hart } from "../hart.js";
import {
  CAUSE_BREAKPOINT,
  CAUSE_MACHINE_ECALL,
  CAUSE_SUPERVISOR_ECALL,
  CAUSE_USER_ECALL,
  CAUSE_VIRTUAL_SUPERVISOR_ECALL,
  CSR_HSTATUS,
  CSR_MEPC,
  CSR_MSTATUS,
  CSR_SEPC,
  CSR_VSEPC,
  CSR_VSSTATUS,
  HSTATUS_SPV,
  HSTATUS_VTSR,
  HSTATUS_VTVM,
  HSTATUS_VTW,
  MSTATUSH_MPV,
  MSTATUS_MIE,
  MSTATUS_MPIE,
  MSTATUS_MPP,
  MSTATUS_MPP_SHIFT,
  MSTATUS_MPRV,
  MSTATUS_SIE,
  MSTATUS_SPIE,
  MSTATUS_SPP,
  MSTATUS_TSR,
  MSTATUS_TVM,
  MSTATUS_TW,
  PRIV_M,
  PRIV_S,
  PRIV_U,
} from "../constants.js";
import { raiseException, raiseIllegal, raiseVirtualInstruction } from "../trap.js";

/** Priv §9.6.1: ECALL from VS-mode has its own cause (10). */
function ecall(h: Hart): void {
  const cause =
    h.priv === PRIV_M
      ? CAUSE_MACHINE_ECALL
      : h.priv === PRIV_U
        ? CAUSE_USER_ECALL
        : h.virt
          ? CAUSE_VIRTUAL_SUPERVISOR_ECALL
          : CAUSE_SUPERVISOR_ECALL;
  raiseException(h, cause, 0, 0);
}

function ebreak(h: Hart): void {
  raiseException(h, CAUSE_BREAKPOINT, h.pcLo, h.pcHi);
}

/**
 * Switches privilege and V; the TLB set and interrupt enables depend on
 * them. `mprvCleared`: the xRET cleared mstatus.MPRV, which M-mode entries
 * may have been translated under.
 */
function setMode(h: Hart, priv: number, virt: boolean, mprvCleared: boolean): void {
  h.priv = priv;
  h.virt = virt;
  if (mprvCleared) h.mmu.flush();
  h.mmu.selectContext();
  h.signal |= SIGNAL_STOP;
}

/** Priv §3.3.2, §9.6.4: MRET. V becomes MPV unless MPP = M; MPV := 0. */
function mret(h: Hart, d: Decoded): void {
  if (h.priv < PRIV_M) raiseIllegal(h, d.raw);
  let s = h.csrLo[CSR_MSTATUS];
  const mpp = (s & MSTATUS_MPP) >>> MSTATUS_MPP_SHIFT;
  const mpv = (h.csrHi[CSR_MSTATUS] & MSTATUSH_MPV) !== 0 && mpp !== PRIV_M;
  s = s & MSTATUS_MPIE ? s | MSTATUS_MIE : s & ~MSTATUS_MIE;
  s = (s | MSTATUS_MPIE) & ~MSTATUS_MPP; // MPP := U
  if (mpp !== PRIV_M) s &= ~MSTATUS_MPRV;
  const mprvCleared = ((h.csrLo[CSR_MSTATUS] ^ s) & MSTATUS_MPRV) !== 0;
  h.csrLo[CSR_MSTATUS] = s;
  h.csrHi[CSR_MSTATUS] &= ~MSTATUSH_MPV;
  setMode(h, mpp, mpv, mprvCleared);
  h.jumpTo(h.csrLo[CSR_MEPC], h.csrHi[CSR_MEPC]);
}

/**
 * Priv §3.3.2, §9.6.4: SRET. In HS-mode it returns to SPP with V = hstatus.SPV
 * (SPV := 0); in VS-mode it uses vsstatus and vsepc and stays in V = 1.
 * Illegal in U-mode and in HS-mode with mstatus.TSR; a virtual instruction
 * in VU-mode and in VS-mode with hstatus.VTSR.
 */
function sret(h: Hart, d: Decoded): void {
  if (h.virt) {
    if (h.priv === PRIV_U || (h.csrLo[CSR_HSTATUS] & HSTATUS_VTSR) !== 0) raiseVirtualInstruction(h, d.raw);
    const vs = h.csrLo[CSR_VSSTATUS];
    h.csrLo[CSR_VSSTATUS] = unstackS(vs);
    setMode(h, (vs & MSTATUS_SPP) !== 0 ? PRIV_S : PRIV_U, true, false);
    h.jumpTo(h.csrLo[CSR_VSEPC], h.csrHi[CSR_VSEPC]);
    return;
  }
  const s0 = h.csrLo[CSR_MSTATUS];
  if (h.priv < PRIV_S || (h.priv === PRIV_S && (s0 & MSTATUS_TSR) !== 0)) raiseIllegal(h, d.raw);
  const spv = (h.csrLo[CSR_HSTATUS] & HSTATUS_SPV) !== 0;
  h.csrLo[CSR_HSTATUS] &= ~HSTATUS_SPV;
  h.csrLo[CSR_MSTATUS] = unstackS(s0) & ~MSTATUS_MPRV; // the new mode is below M
  setMode(h, (s0 & MSTATUS_SPP) !== 0 ? PRIV_S : PRIV_U, spv, (s0 & MSTATUS_MPRV) !== 0);
  h.jumpTo(h.csrLo[CSR_SEPC], h.csrHi[CSR_SEPC]);
}

/** sstatus/vsstatus on SRET: SIE = SPIE, SPIE = 1, SPP = U. */
function unstackS(s: number): number {
  s = s & MSTATUS_SPIE ? s | MSTATUS_SIE : s & ~MSTATUS_SIE;
  return (s | MSTATUS_SPIE) & ~MSTATUS_SPP;
}

/**
 * Priv §3.3.3, §9.6.1: WFI. We never complete within a bounded time, so the
 * timeout traps are immediate: below M with mstatus.TW, illegal; otherwise
 * in VU-mode, or in VS-mode with hstatus.VTW, a virtual instruction; in
 * U-mode, illegal.
 */
function wfi(h: Hart, d: Decoded): void {
  if (h.priv < PRIV_M && (h.csrLo[CSR_MSTATUS] & MSTATUS_TW) !== 0) raiseIllegal(h, d.raw);
  if (h.virt && (h.priv === PRIV_U || (h.csrLo[CSR_HSTATUS] & HSTATUS_VTW) !== 0)) raiseVirtualInstruction(h, d.raw);
  if (h.priv === PRIV_U) raiseIllegal(h, d.raw);
  h.waiting = true;
  h.signal |= SIGNAL_STOP;
}

/**
 * Priv §4.2.1, §9.6.1: SFENCE.VMA. Illegal in U-mode and in HS-mode with
 * mstatus.TVM; a virtual instruction in VU-mode and in VS-mode with
 * hstatus.VTVM. With an address, the entries for that address go (in every
 * context and address space: a superset of what the ASID selects); without
 * one, everything.
 */
function sfenceVma(h: Hart, d: Decoded): void {
  if (h.virt) {
    if (h.priv === PRIV_U || (h.csrLo[CSR_HSTATUS] & HSTATUS_VTVM) !== 0) raiseVirtualInstruction(h, d.raw);
  } else if (h.priv === PRIV_U || (h.priv === PRIV_S && (h.csrLo[CSR_MSTATUS] & MSTATUS_TVM) !== 0)) {
    raiseIllegal(h, d.raw);
  }
  if (d.rs1 !== 0) h.mmu.flushPage(h.xl[d.rs1], h.xh[d.rs1]);
  else h.mmu.flush();
  h.signal |= SIGNAL_STOP;
}

/** Zifencei: later fetches see earlier stores; drop every decoded instruction. */
function fenceI(h: Hart): void {
  h.phys.flushCode();
  h.signal |= SIGNAL_STOP;
}

export const system: InsnDef[] = [
  { name: "ecall", mask: 0xffffffff, match: 0x73, format: "NONE", exec: ecall },
  { name: "ebreak", mask: 0xffffffff, match: 0x100073, format: "NONE", exec: ebreak },
  { name: "mret", mask: 0xffffffff, match: 0x30200073, format: "NONE", exec: mret },
  { name: "sret", mask: 0xffffffff, match: 0x10200073, format: "NONE", exec: sret },
  { name: "wfi", mask: 0xffffffff, match: 0x10500073, format: "NONE", exec: wfi },
  { name: "sfence.vma", mask: 0xfe007fff, match: 0x12000073, format: "R", exec: sfenceVma },
  { name: "fence.i", mask: 0x707f, match: 0x100f, format: "NONE", exec: fenceI },
];
