// A vCPU: one guest hart. Its Hart object is the vCPU's whole hardware
// context — guest registers, VS CSRs, and the HS/M state the hypervisor
// programmed for it (hgatp with the guest's VMID, hstatus, hedeleg,
// htimedelta…) — so putting a vCPU on a processor is choosing which Hart to
// step (KVM's vcpu_load/put, without the copying). Besides the hart it
// holds what the hypervisor tracks per vCPU: the HSM state, the SBI timer,
// the steal-time area, and the SBI call in flight.
import {
  CSR_HCOUNTEREN,
  CSR_HEDELEG,
  CSR_HENVCFG,
  CSR_HGATP,
  CSR_HIDELEG,
  CSR_HSTATEEN0,
  CSR_HSTATUS,
  CSR_HTIMEDELTA,
  CSR_MCOUNTEREN,
  CSR_MEDELEG,
  CSR_MENVCFG,
  CSR_MIDELEG,
  CSR_MSTATEEN0,
  CSR_MSTATUS,
  CSR_PMPADDR0,
  CSR_PMPCFG0,
  CSR_SCOUNTEREN,
  CSR_STIMECMP,
  CSR_VSATP,
  CSR_VSSTATUS,
  HSTATUS_VTW,
  IRQ_S_EXT,
  IRQ_S_SOFT,
  IRQ_S_TIMER,
  MSTATUS_FS,
  MSTATUS_SIE,
  PRIV_S,
  STATEEN0H_ENVCFG,
  STATEENH_SE,
  VS_INTERRUPTS,
} from "../src/rv64/constants.js";
import { Hart } from "../src/rv64/hart.js";
import type { HartPlatform } from "../src/rv64/hart.js";
import type { PhysicalMemory } from "../src/rv64/memory.js";
import { readCsr, writeCsr } from "../src/rv64/firmware-access.js";
import { creditMode } from "../src/rv64/mode-counters.js";
import { SbiCall } from "../src/sbi/call.js";
import { HSM_STOPPED } from "../src/sbi/constants.js";

/**
 * Exceptions of the guest that it handles itself (hedeleg, Priv §9.2.2):
 * misaligned fetch, access faults, illegal instruction, breakpoint,
 * misaligned load/store, ECALL from VU, and page faults. ECALL from VS
 * (SBI), guest-page faults and virtual-instruction exceptions come to the
 * hypervisor.
 */
const HEDELEG_GUEST = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 15].reduce((m, c) => m | (1 << c), 0);
/** Every delegatable exception leaves M for HS (the hypervisor owns both; HS is where it handles them). */
const MEDELEG_ALL = 0x00ffffff & ~(1 << 11);
/** S-level interrupts to HS (VS-level ones and SGEI are delegated by the hart itself). */
const MIDELEG_HS = (1 << IRQ_S_SOFT) | (1 << IRQ_S_TIMER) | (1 << IRQ_S_EXT);
/** Counters the guest reads without an exit: CY, TM, IR (Priv §9.2.6). */
const COUNTERS = 7;
/** hstatus.VSXL = 2: a 64-bit guest. */
const HSTATUSH_VSXL_64 = 2;
/** menvcfg/henvcfg.STCE (bit 63): Sstc's vstimecmp is live. */
const ENVCFGH_STCE = 1 << 31;

export interface VcpuHardware {
  phys: PhysicalMemory;
  platform: HartPlatform;
  /** Index of this hart among all harts of the machine (shared per-hart tables). */
  index: number;
  hgatpLo: number;
  hgatpHi: number;
  /** htimedelta: guest time = host time + delta (Priv §9.2.7). */
  timeDeltaLo: number;
  timeDeltaHi: number;
  sstc: boolean;
  /** False models hardware that leaves htinst 0 (MMIO decode then fetches the instruction). */
  writesTrapInstruction: boolean;
}

export class Vcpu {
  readonly hart: Hart;
  /** HSM state (src/sbi/constants.ts HSM_*); every vCPU but 0 starts stopped. */
  hsmState = HSM_STOPPED;
  /** SBI timer deadline in host time ticks (Infinity: none armed). Unused with Sstc. */
  timerDeadline = Infinity;
  /** Host RAM offset of the steal-time area (STA), or -1. */
  stealArea = -1;
  /** Steal time not yet published, in time ticks. */
  stealTicks = 0;
  /** Published steal time, in nanoseconds. */
  stealNs = 0;
  /** A non-retentive suspend: where to resume, and a1 there. */
  resumePending = false;
  resumeLo = 0;
  resumeHi = 0;
  resumeOpaqueLo = 0;
  resumeOpaqueHi = 0;
  /** The SBI call record this vCPU's ECALLs use. */
  readonly sbiCall = new SbiCall();

  constructor(
    /** The vCPU's hart id inside its guest. */
    readonly hartId: number,
    hw: VcpuHardware,
  ) {
    const h = new Hart(hartId, hw.index, hw.phys, hw.platform);
    this.hart = h;
    h.writesTrapInstruction = hw.writesTrapInstruction;
    // PMP: one NAPOT entry over everything, RWX (the G-stage is what confines the guest).
    writeCsr(h, CSR_PMPADDR0, -1, 0x003fffff);
    writeCsr(h, CSR_PMPCFG0, 0x1f, 0);
    writeCsr(h, CSR_MEDELEG, MEDELEG_ALL, 0);
    writeCsr(h, CSR_MIDELEG, MIDELEG_HS, 0);
    writeCsr(h, CSR_HEDELEG, HEDELEG_GUEST, 0);
    writeCsr(h, CSR_HIDELEG, VS_INTERRUPTS, 0);
    writeCsr(h, CSR_MCOUNTEREN, COUNTERS, 0);
    writeCsr(h, CSR_HCOUNTEREN, COUNTERS, 0);
    // The guest's own scounteren starts as OpenSBI and KVM leave it: user mode may read CY, TM, IR.
    writeCsr(h, CSR_SCOUNTEREN, COUNTERS, 0);
    writeCsr(h, CSR_MENVCFG, 0, hw.sstc ? ENVCFGH_STCE : 0);
    writeCsr(h, CSR_HENVCFG, 0, hw.sstc ? ENVCFGH_STCE : 0);
    // Smstateen: the guest may use sstateen0 and senvcfg (the hypervisor
    // has nothing to hide there: each vCPU's are its own), opened at the M
    // level as OpenSBI does and at the H level as KVM does.
    writeCsr(h, CSR_MSTATEEN0, 0, STATEENH_SE | STATEEN0H_ENVCFG);
    writeCsr(h, CSR_HSTATEEN0, 0, STATEENH_SE | STATEEN0H_ENVCFG);
    // With menvcfg.STCE, STIP follows stimecmp: park HS's own comparator (nothing runs in HS).
    writeCsr(h, CSR_STIMECMP, -1, -1);
    writeCsr(h, CSR_HTIMEDELTA, hw.timeDeltaLo, hw.timeDeltaHi);
    writeCsr(h, CSR_HGATP, hw.hgatpLo, hw.hgatpHi);
    // FP is always on at the HS level; the guest's own vsstatus.FS governs it (Priv §9.2.11).
    writeCsr(h, CSR_MSTATUS, readCsr(h, CSR_MSTATUS) | MSTATUS_FS, 0);
    // hstatus.VTW: WFI in VS-mode exits, so an idle vCPU halts (Priv §9.2.1).
    writeCsr(h, CSR_HSTATUS, HSTATUS_VTW, HSTATUSH_VSXL_64);
  }

  /**
   * Puts the vCPU at `pc` in VS-mode as the SBI specifies for a hart that
   * starts or resumes non-retentively (SBI v2.0 §9.1): a0 = hart id, a1 =
   * opaque, satp (vsatp) = 0, sstatus.SIE = 0, other state as it was.
   */
  enterAt(pcLo: number, pcHi: number, a1Lo: number, a1Hi: number): void {
    const h = this.hart;
    creditMode(h);
    h.xl[10] = this.hartId;
    h.xh[10] = 0;
    h.xl[11] = a1Lo;
    h.xh[11] = a1Hi;
    writeCsr(h, CSR_VSATP, 0, 0);
    writeCsr(h, CSR_VSSTATUS, readCsr(h, CSR_VSSTATUS) & ~MSTATUS_SIE, 2); // UXL = 64
    h.priv = PRIV_S;
    h.virt = true;
    h.waiting = false;
    h.pcLo = pcLo;
    h.pcHi = pcHi;
    h.mmu.selectContext();
  }
}
