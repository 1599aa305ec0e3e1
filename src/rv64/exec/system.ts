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
  CSR_MEPC,
  CSR_MSTATUS,
  CSR_SEPC,
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
import { raiseException, raiseIllegal } from "../trap.js";

const ECALL_CAUSE = [CAUSE_USER_ECALL, CAUSE_SUPERVISOR_ECALL, 0, CAUSE_MACHINE_ECALL];

function ecall(h: Hart): void {
  raiseException(h, ECALL_CAUSE[h.priv], 0, 0);
}

function ebreak(h: Hart): void {
  raiseException(h, CAUSE_BREAKPOINT, h.pcLo, h.pcHi);
}

/** Switches privilege; cached translations and interrupt enables depend on it. */
function setPriv(h: Hart, priv: number): void {
  h.priv = priv;
  h.mmu.flush();
  h.signal |= SIGNAL_STOP;
}

/** Priv §3.3.2: MRET. */
function mret(h: Hart, d: Decoded): void {
  if (h.priv < PRIV_M) raiseIllegal(h, d.raw);
  let s = h.csrLo[CSR_MSTATUS];
  const mpp = (s & MSTATUS_MPP) >>> MSTATUS_MPP_SHIFT;
  s = s & MSTATUS_MPIE ? s | MSTATUS_MIE : s & ~MSTATUS_MIE;
  s = (s | MSTATUS_MPIE) & ~MSTATUS_MPP; // MPP := U
  if (mpp !== PRIV_M) s &= ~MSTATUS_MPRV;
  h.csrLo[CSR_MSTATUS] = s;
  setPriv(h, mpp);
  h.jumpTo(h.csrLo[CSR_MEPC], h.csrHi[CSR_MEPC]);
}

/** Priv §3.3.2: SRET; illegal in U, and in S when mstatus.TSR. */
function sret(h: Hart, d: Decoded): void {
  const s0 = h.csrLo[CSR_MSTATUS];
  if (h.priv < PRIV_S || (h.priv === PRIV_S && (s0 & MSTATUS_TSR) !== 0)) raiseIllegal(h, d.raw);
  let s = s0;
  const spp = (s & MSTATUS_SPP) !== 0 ? PRIV_S : PRIV_U;
  s = s & MSTATUS_SPIE ? s | MSTATUS_SIE : s & ~MSTATUS_SIE;
  s = (s | MSTATUS_SPIE) & ~MSTATUS_SPP;
  s &= ~MSTATUS_MPRV; // the new mode is below M
  h.csrLo[CSR_MSTATUS] = s;
  setPriv(h, spp);
  h.jumpTo(h.csrLo[CSR_SEPC], h.csrHi[CSR_SEPC]);
}

/**
 * Priv §3.3.3: WFI. Illegal in U-mode, and below M when mstatus.TW (we
 * never complete within a bounded time, so the trap is immediate).
 */
function wfi(h: Hart, d: Decoded): void {
  if (h.priv === PRIV_U || (h.priv < PRIV_M && (h.csrLo[CSR_MSTATUS] & MSTATUS_TW) !== 0)) raiseIllegal(h, d.raw);
  h.waiting = true;
  h.signal |= SIGNAL_STOP;
}

/** Priv §4.2.1: SFENCE.VMA; illegal in U-mode and in S-mode when mstatus.TVM. */
function sfenceVma(h: Hart, d: Decoded): void {
  if (h.priv === PRIV_U || (h.priv === PRIV_S && (h.csrLo[CSR_MSTATUS] & MSTATUS_TVM) !== 0)) raiseIllegal(h, d.raw);
  h.mmu.flush();
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
