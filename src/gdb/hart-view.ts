// How the debugger sees a hart. Two views:
//
// - the machine view (`run`, `run --machine virt`): the hart as it is:
//   every CSR, memory through the translation of its current mode
//   (privilege and V), `priv` as the RISC-V debug spec's virtual register
//   (bits 1:0 the privilege, bit 2 V);
// - the guest view (`boot`): a vCPU as its guest sees itself: the
//   unprivileged and supervisor CSRs only, each S-level CSR read from the
//   VS copy csrAccess gives a guest (sstatus is vsstatus...), memory
//   through vsatp and then hgatp, `priv` the guest's S or U.
import { csrTable } from "../rv64/csr/all.js";
import { PRIV_M, PRIV_S, PRIV_U } from "../rv64/constants.js";
import type { Hart } from "../rv64/hart.js";
import { creditMode } from "../rv64/mode-counters.js";

export interface HartView {
  /** The CSR numbers the debugger sees (the target description lists them). */
  readonly csrs: readonly number[];
  /** The CSR that holds what the debugger calls `csrno`. */
  storageOf(csrno: number): number;
  /** The privilege and V bit memory is translated with (translate.ts translateAs). */
  memoryPriv(h: Hart): number;
  memoryVirt(h: Hart): boolean;
  /** The `priv` register. */
  readPriv(h: Hart): number;
  /** Sets the `priv` register; false if the value is not a mode of this view. */
  writePriv(h: Hart, value: number): boolean;
}

/** The debug spec's virtual `priv` register: V in bit 2 (RISC-V Debug Support 1.0, §4.10.1). */
const PRIV_V = 4;

/** The CSRs the core defines (the H extension's among them once src/h-extension/ is loaded: machines load it). */
const definedCsrs = (): number[] => csrTable.flatMap((def, csrno) => (def === undefined ? [] : [csrno]));
let machineCsrs: number[] | null = null;
let guestCsrs: number[] | null = null;

/** Switches the hart's mode from the debugger, keeping the per-mode instruction counts true. */
function setMode(h: Hart, priv: number, virt: boolean): void {
  creditMode(h);
  h.priv = priv;
  h.virt = virt;
  h.mmu.selectContext();
}

export const MACHINE_VIEW: HartView = {
  get csrs() {
    return (machineCsrs ??= definedCsrs());
  },
  storageOf: (csrno) => csrno,
  memoryPriv: (h) => h.priv,
  memoryVirt: (h) => h.virt,
  readPriv: (h) => h.priv | (h.virt ? PRIV_V : 0),
  writePriv(h, value) {
    const priv = value & 3;
    if (value < 0 || value > 7 || priv === 2 || (priv === PRIV_M && (value & PRIV_V) !== 0)) return false;
    setMode(h, priv, (value & PRIV_V) !== 0);
    return true;
  },
};

/** CSR levels a guest may name: 0 unprivileged, 1 supervisor (number bits 9:8, Priv §2.1). */
const guestLevel = (csrno: number): boolean => ((csrno >>> 8) & 3) <= 1;

/** The VS copy of an S-level CSR, as csrAccess picks it under V=1 (src/rv64/exec/zicsr.ts). */
function guestStorage(csrno: number): number {
  return ((csrno >>> 8) & 3) === 1 && csrTable[csrno + 0x100] !== undefined ? csrno + 0x100 : csrno;
}

export const GUEST_VIEW: HartView = {
  get csrs() {
    return (guestCsrs ??= definedCsrs().filter(guestLevel));
  },
  storageOf: guestStorage,
  // A vCPU not yet started holds no guest mode: its guest is at S, with vsatp Bare.
  memoryPriv: (h) => (h.virt ? h.priv : PRIV_S),
  memoryVirt: () => true,
  readPriv: (h) => (h.virt ? h.priv : PRIV_S),
  writePriv(h, value) {
    if (!h.virt || (value !== PRIV_S && value !== PRIV_U)) return false;
    setMode(h, value, true);
    return true;
  },
};
