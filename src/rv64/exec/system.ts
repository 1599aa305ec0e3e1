// Privileged instructions (Priv §3.3, §4.2) and Zifencei: ECALL, EBREAK,
// MRET, SRET, WFI, SFENCE.VMA, FENCE.I.
import type { Decoded } from "../decode/decoded.js";
import type { InsnDef } from "../decode/insn-def.js";
import { SIGNAL_STOP, type Hart } from "../hart.js";
import {
  CAUSE_BREAKPOINT,
  CAUSE_ILLEGAL_INSTRUCTION,
  CAUSE_MACHINE_ECALL,
  CAUSE_SUPERVISOR_ECALL,
  CAUSE_USER_ECALL,
  CAUSE_VIRTUAL_INSTRUCTION,
  CAUSE_VIRTUAL_SUPERVISOR_ECALL,
  CSR_HSTATUS,
  CSR_MSTATUS,
  HSTATUS_VTSR,
  HSTATUS_VTVM,
  HSTATUS_VTW,
  MSTATUS_TSR,
  MSTATUS_TVM,
  MSTATUS_TW,
  PRIV_M,
  PRIV_S,
  PRIV_U,
} from "../constants.js";
import { raiseIllegal, raiseVirtualInstruction, takeException } from "../trap.js";
import { returnFromHs, returnFromM, returnFromVs } from "../trap-return.js";

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
  takeException(h, cause, 0, 0);
}

function ebreak(h: Hart): void {
  takeException(h, CAUSE_BREAKPOINT, h.pcLo, h.pcHi);
}

/** Priv §3.3.2, §9.6.4: MRET, legal in M-mode only. */
function mret(h: Hart, d: Decoded): void {
  if (h.priv < PRIV_M) raiseIllegal(h, d.raw);
  returnFromM(h);
}

/**
 * Priv §3.3.2, §9.6.4: SRET. Illegal in U-mode and in HS-mode with
 * mstatus.TSR; a virtual instruction in VU-mode and in VS-mode with
 * hstatus.VTSR.
 */
function sret(h: Hart, d: Decoded): void {
  if (h.virt) {
    if (h.priv === PRIV_U || (h.csrLo[CSR_HSTATUS] & HSTATUS_VTSR) !== 0) raiseVirtualInstruction(h, d.raw);
    returnFromVs(h);
    return;
  }
  if (h.priv < PRIV_S || (h.priv === PRIV_S && (h.csrLo[CSR_MSTATUS] & MSTATUS_TSR) !== 0)) raiseIllegal(h, d.raw);
  returnFromHs(h);
}

/**
 * Priv §3.3.3, §9.6.1: WFI. We never complete within a bounded time, so the
 * timeout traps are immediate: below M with mstatus.TW, illegal; otherwise
 * in VU-mode, or in VS-mode with hstatus.VTW, a virtual instruction; in
 * U-mode, illegal.
 */
function wfi(h: Hart, d: Decoded): void {
  if (h.priv < PRIV_M && (h.csrLo[CSR_MSTATUS] & MSTATUS_TW) !== 0)
    return takeException(h, CAUSE_ILLEGAL_INSTRUCTION, d.raw, 0);
  if (h.virt && (h.priv === PRIV_U || (h.csrLo[CSR_HSTATUS] & HSTATUS_VTW) !== 0)) {
    return takeException(h, CAUSE_VIRTUAL_INSTRUCTION, d.raw, 0);
  }
  if (h.priv === PRIV_U) return takeException(h, CAUSE_ILLEGAL_INSTRUCTION, d.raw, 0);
  h.waiting = true;
  h.signal |= SIGNAL_STOP;
}

/**
 * Priv §4.2.1, §9.6.1: SFENCE.VMA. Illegal in U-mode and in HS-mode with
 * mstatus.TVM; a virtual instruction in VU-mode and in VS-mode with
 * hstatus.VTVM. With an address, the entries for that address go (in every
 * context and address space: a superset of what the ASID selects); without
 * one, every entry of the current level: the host's with V=0, the guest's
 * with V=1 (where SFENCE.VMA acts on the VS-stage, Priv §9.3.2).
 */
function sfenceVma(h: Hart, d: Decoded): void {
  if (h.virt) {
    if (h.priv === PRIV_U || (h.csrLo[CSR_HSTATUS] & HSTATUS_VTVM) !== 0) raiseVirtualInstruction(h, d.raw);
  } else if (h.priv === PRIV_U || (h.priv === PRIV_S && (h.csrLo[CSR_MSTATUS] & MSTATUS_TVM) !== 0)) {
    raiseIllegal(h, d.raw);
  }
  if (d.rs1 !== 0) h.mmu.flushPage(h.xl[d.rs1], h.xh[d.rs1]);
  else if (h.virt) h.mmu.flushGuest(h.mmu.currentVmid());
  else h.mmu.flushHost();
  h.signal |= SIGNAL_STOP;
}

/**
 * Zifencei (Unpriv §6): later fetches see earlier stores. Every store to a
 * page holding decoded (or compiled) code already dropped that page
 * (PhysicalMemory.noteRamWrite), so all that is left is to leave the page
 * loop, whose local view of the page may predate the store.
 */
function fenceI(h: Hart): void {
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
