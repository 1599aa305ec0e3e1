// Architectural state of one hart: registers, pc, privilege and the V bit,
// CSR storage. Behaviour lives elsewhere (run-loop.ts, exec/, csr/, trap.ts).
import { CSR_HI, CSR_LO, F_HI, F_LO, HART_STATE_BYTES, X_HI, X_LO } from "./hart-state.js";
import { GEILEN, PRIV_M } from "./constants.js";
import type { PhysicalMemory } from "./memory.js";
import { Mmu } from "./mmu/mmu.js";
import type { Decoded } from "./decode/decoded.js";
import { uncached as uncachedInsn, type PageEngine } from "./run-loop.js";
import { resetCsrs } from "./csr/reset.js";
import { Pmp } from "./mmu/pmp.js";

/** Run-loop signals a handler can raise (hart.signal bits). */
export const SIGNAL_JUMP = 1; // pc was set by the handler: do not advance it
export const SIGNAL_STOP = 2; // leave the inner loop after this instruction (state the loop caches changed)

/** The platform services a hart needs that the core does not own. */
export interface HartPlatform {
  /** mtime (Priv §3.2.1) as a number of ticks. */
  readTime(): number;
  /**
   * Optional: a timer compare value or enable the hart holds (stimecmp,
   * vstimecmp, htimedelta, the envcfg STCE bits) was written, so the next
   * timer deadline may have moved. A machine that plans its run slices
   * around deadlines ends the current slice here (Hart.endSlice).
   */
  timerSettingsChanged?(): void;
}

/**
 * Firmware written in TypeScript that owns M-mode and HS-mode (the
 * hypervisor in firmware/): the hart's view of it, as a hypervisor sees the
 * hardware. Trap entry records the trap in the CSRs exactly as for machine
 * code (xepc, xcause, xtval, htval/mtval2, htinst/mtinst, hstatus.SPV/SPVP/GVA
 * or mstatus.MPV/GVA), switches to the target mode, and then calls onTrap
 * instead of jumping to the vector. The handler either handles the trap
 * and resumes the hart (firmware-access.ts: returnFromTrap, or any state it
 * sets up itself), returning true; or returns false, and the trap vectors to
 * stvec/mtvec as in hardware.
 */
export interface FirmwareTrapHandler {
  /** `target` is PRIV_M or PRIV_S (HS: V = 0); `cause` without the interrupt bit. */
  onTrap(hart: Hart, target: number, cause: number, interrupt: boolean): boolean;
}

export class Hart {
  /** Integer registers, low and high halves; slot 32 is the write sink for x0. */
  readonly xl: Int32Array;
  readonly xh: Int32Array;
  /** Floating-point registers as raw bits (singles NaN-boxed, Unpriv §21.2). */
  readonly fl: Int32Array;
  readonly fh: Int32Array;
  /** Offset of this hart's registers in the machine memory (hart-state.ts). */
  readonly stateBase: number;
  /** The whole register block as words (compiled blocks' exit words among them). */
  readonly state: Int32Array;

  pcLo = 0;
  pcHi = 0;
  /** Current privilege level (PRIV_U, PRIV_S, PRIV_M). */
  priv = PRIV_M;
  /** The virtualization mode bit V (Priv §9.2): true in VS and VU. */
  virt = false;
  /** SIGNAL_* bits raised by the instruction just executed. */
  signal = 0;
  /** Waiting for an interrupt (WFI, Priv §3.3.3). */
  waiting = false;
  /** Interrupt-pending bits driven by devices (MSIP, MTIP, MEIP, SEIP lines), ORed into mip. */
  irqLines = 0;
  /** Guest external interrupt lines (hgeip, bits GEILEN:1); see setGuestExternalInterrupt. */
  hgeipLines = 0;
  /**
   * Decoded slots of the code page executing now, or null while an uncached
   * instruction runs (run-loop.ts sets it once per page, not per
   * instruction); currentInsn() finds the instruction for trap-time details
   * such as htinst.
   */
  codeSlots: Decoded[] | null = null;

  /** Extras for the next trap entry, set by whoever raises it (trap.ts consumes and clears them). */
  trapTval2Lo = 0;
  trapTval2Hi = 0;
  trapTinst = 0;
  trapGva = false;

  /** CSR storage by CSR number, low and high halves; see csr/table.ts for meaning. */
  readonly csrLo: Int32Array;
  readonly csrHi: Int32Array;

  /** Instructions retired in each mode (mode-counters.ts), up to modeMark. */
  readonly modeInstructions = new Float64Array(8);
  modeMark = 0;

  /** Retired instructions before the current run slice. */
  instretBase = 0;
  /** Instructions the current slice may still run; counts down per retired instruction. */
  sliceLeft = 0;
  /** The slice's starting budget. */
  sliceBudget = 0;

  readonly mmu: Mmu;
  readonly pmp = new Pmp();
  /** The page engine running this hart's code (its memory's: translation engine or tracer), or null for the interpreter alone (--no-jit). */
  readonly jit: PageEngine | null;
  /** The TypeScript firmware, or null when machine code owns M and HS (OpenSBI, bare-metal tests). */
  firmware: FirmwareTrapHandler | null = null;
  /**
   * Whether trap entry writes the transformed trapping instruction into
   * htinst/mtinst (Priv §9.6.3). Zero is always allowed: false models
   * hardware that leaves them 0 (Rocket), so firmware must fetch the
   * instruction itself.
   */
  writesTrapInstruction = true;
  /**
   * While true, a synchronous exception is recorded in `capturedFault`
   * instead of entering a trap (firmware-access.ts probes guest memory this
   * way; QEMU's get_physical_address reports a fault, raising it is a
   * separate step).
   */
  captureFaults = false;

  constructor(
    readonly hartId: number,
    /** Index of this hart in the machine (for shared per-hart tables). */
    readonly index: number,
    readonly phys: PhysicalMemory,
    readonly platform: HartPlatform,
  ) {
    const memory = phys.ram.memory.buffer;
    this.stateBase = phys.ram.allocateState(HART_STATE_BYTES);
    this.state = new Int32Array(memory, this.stateBase, HART_STATE_BYTES >>> 2);
    this.xl = new Int32Array(memory, this.stateBase + X_LO, 33);
    this.xh = new Int32Array(memory, this.stateBase + X_HI, 33);
    this.fl = new Int32Array(memory, this.stateBase + F_LO, 32);
    this.fh = new Int32Array(memory, this.stateBase + F_HI, 32);
    this.csrLo = new Int32Array(memory, this.stateBase + CSR_LO, 4096);
    this.csrHi = new Int32Array(memory, this.stateBase + CSR_HI, 4096);
    this.mmu = new Mmu(this, phys);
    this.jit = phys.jit;
    phys.reservation[index] = -1;
    resetCsrs(this);
  }

  /**
   * Drives a platform interrupt line (an mip bit such as MTIP = 7). Raises
   * SIGNAL_STOP so a hart that changed its own line by an MMIO store
   * re-checks interrupts after that instruction.
   */
  setIrqLine(bit: number, level: boolean): void {
    const mask = 1 << bit;
    const lines = level ? this.irqLines | mask : this.irqLines & ~mask;
    if (lines === this.irqLines) return;
    this.irqLines = lines;
    this.signal |= SIGNAL_STOP;
  }

  /**
   * Ends the current run slice right after the executing instruction (a
   * device asked the machine to stop: poweroff, HTIF exit). Shrinking the
   * budget keeps retired() exact.
   */
  endSlice(): void {
    if (this.sliceLeft > 1) {
      this.sliceBudget -= this.sliceLeft - 1;
      this.sliceLeft = 1;
    }
    this.signal |= SIGNAL_STOP;
  }

  /** The instruction executing now. */
  currentInsn(): Decoded {
    return this.codeSlots !== null ? this.codeSlots[(this.pcLo & 4095) >>> 1] : uncachedInsn;
  }

  /**
   * The guest external interrupt file (Priv §9.2.4): drives hgeip bit
   * `guest` (1..GEILEN), as an interrupt controller (or the TS firmware) does
   * for a virtual hart. Selected by hstatus.VGEIN it is VSEIP; enabled in
   * hgeie it raises SGEIP.
   */
  setGuestExternalInterrupt(guest: number, level: boolean): void {
    if (guest < 1 || guest > GEILEN) throw new RangeError(`guest external interrupt ${guest} is outside 1..${GEILEN}`);
    const lines = level ? this.hgeipLines | (1 << guest) : this.hgeipLines & ~(1 << guest);
    if (lines === this.hgeipLines) return;
    this.hgeipLines = lines;
    this.signal |= SIGNAL_STOP;
  }

  /**
   * Instructions retired so far, including the current slice; it only grows.
   * minstret and mcycle read as this plus an offset of their own, which a
   * write to them sets (csr/counters.ts).
   */
  retired(): number {
    return this.instretBase + (this.sliceBudget - this.sliceLeft);
  }

  /** pc + delta (delta a sign-extended int32); sets the pc and raises SIGNAL_JUMP. */
  jumpRelative(delta: number): void {
    const lo = (this.pcLo + delta) | 0;
    this.pcHi = (this.pcHi + (delta >> 31) + (lo >>> 0 < this.pcLo >>> 0 ? 1 : 0)) | 0;
    this.pcLo = lo;
    this.signal |= SIGNAL_JUMP;
  }

  /** Sets the pc to an absolute address and raises SIGNAL_JUMP. */
  jumpTo(lo: number, hi: number): void {
    this.pcLo = lo;
    this.pcHi = hi;
    this.signal |= SIGNAL_JUMP;
  }
}
