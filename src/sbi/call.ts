// One SBI call as the implementation sees it (SBI v2.0 §3): the calling
// vCPU's registers a0-a7 (EID in a7, FID in a6), the result to return
// (a0 = error, a1 = value; legacy calls return a0 only), and SbiHost, the
// hypervisor's services each extension is written against. src/sbi/
// decodes arguments and applies the specification's rules and error codes;
// the hypervisor (firmware/) implements the mechanisms.
import type { Hart } from "../rv64/hart.js";

/** What the hypervisor offers the SBI extensions for the calling guest. */
export interface SbiHost {
  /** vCPUs of the calling guest have hart ids 0 .. hartCount - 1. */
  readonly hartCount: number;
  /** The calling vCPU's hart (for mvendorid and friends, and legacy pointer arguments). */
  readonly hart: Hart;
  /** The calling vCPU's hart id. */
  readonly hartId: number;

  // TIME and legacy set_timer: the next timer event at guest time (hi:lo); clears the pending timer interrupt.
  setTimer(lo: number, hi: number): void;

  // IPI: raise the supervisor software interrupt of a vCPU; or (legacy
  // clear_ipi) clear the caller's, returning whether one was pending.
  sendIpi(hartId: number): void;
  clearIpi(): boolean;

  // RFENCE on one vCPU: instruction fetches see earlier stores; drop
  // translations of [start, start + size) (size 0 or all ones: everything).
  fenceI(hartId: number): void;
  sfenceVma(hartId: number, startLo: number, startHi: number, sizeLo: number, sizeHi: number): void;

  // HSM (SBI v2.0 §9).
  hartState(hartId: number): number;
  startHart(hartId: number, addrLo: number, addrHi: number, opaqueLo: number, opaqueHi: number): void;
  stopHart(): void;
  /** Suspends the calling vCPU until an interrupt is pending for it; non-retentive resumes at (addr) with a1 = opaque. */
  suspendHart(nonRetentive: boolean, addrLo: number, addrHi: number, opaqueLo: number, opaqueHi: number): void;

  // SRST.
  systemReset(type: number, reason: number): void;

  /**
   * Guest physical memory: the offset into `ram` of [gpa, gpa + length)
   * when the whole range is the calling guest's RAM, else -1. No SBI call
   * touches anything else.
   */
  guestRamOffset(gpaLo: number, gpaHi: number, length: number): number;
  readonly ram: Uint8Array;
  /** Whether the calling vCPU may execute at guest physical address (hi:lo) in S-mode (HSM start/resume addresses). */
  isExecutable(lo: number, hi: number): boolean;
  /** Reads 8 bytes at a guest virtual address as the vCPU's S-mode would (legacy hart-mask pointers); null on a fault. */
  loadGuestVirtual64(lo: number, hi: number): { lo: number; hi: number } | null;

  // The console (DBCN, legacy putchar/getchar).
  consoleWrite(bytes: Uint8Array): void;
  /** Takes up to `max` pending input bytes into `into`; returns how many. */
  consoleRead(into: Uint8Array, max: number): number;

  // STA: the calling vCPU's steal-time area at guest physical address `gpa`, or null to stop updates.
  setStealTimeArea(gpa: number | null): void;
}

/** The registers of one call and its result. One instance is reused for every call (no allocation per call). */
export class SbiCall {
  host!: SbiHost;
  eid = 0;
  fid = 0;
  /** a0-a5, low and high words. */
  readonly argLo = new Int32Array(6);
  readonly argHi = new Int32Array(6);
  /** a0 on return (SBI v2.0 §3: struct sbiret.error). */
  error = 0;
  /** a1 on return (sbiret.value). */
  valueLo = 0;
  valueHi = 0;
  /** The call does not return to the caller in the ordinary way (hart_stop, suspend, reset, hart state set up anew). */
  noReturn = false;

  /** Argument i as an unsigned number (exact below 2^53; larger values lose low bits but stay large). */
  arg(i: number): number {
    return (this.argHi[i] >>> 0) * 4294967296 + (this.argLo[i] >>> 0);
  }

  /** Whether argument i is all ones (-1: "all harts", "disable"). */
  isAllOnes(i: number): boolean {
    return this.argLo[i] === -1 && this.argHi[i] === -1;
  }

  /** The low 32 bits of argument i, unsigned (arguments the spec declares as uint32). */
  arg32(i: number): number {
    return this.argLo[i] >>> 0;
  }

  ok(valueLo = 0, valueHi = 0): void {
    this.error = 0;
    this.valueLo = valueLo;
    this.valueHi = valueHi;
  }

  fail(error: number): void {
    this.error = error;
    this.valueLo = 0;
    this.valueHi = 0;
  }
}

/** One function of an extension. */
export interface SbiFunction {
  name: string;
  handle(call: SbiCall): void;
}

/** An SBI extension: its EID and functions indexed by FID (SBI v2.0 §3). */
export interface SbiExtension {
  name: string;
  eid: number;
  /** Functions by FID; a missing FID is SBI_ERR_NOT_SUPPORTED. */
  functions: readonly (SbiFunction | undefined)[];
  /** Legacy v0.1 extensions (EIDs 0x00-0x0F) return a0 only and ignore a6. */
  legacy?: boolean;
}
