// What TypeScript firmware (the hypervisor in firmware/) may do to a hart
// from inside FirmwareTrapHandler.onTrap, as machine code in M or HS would:
//
// - returnFromTrap: MRET or SRET, by the mode the trap entered;
// - readCsr/writeCsr: through the CSR table's rows, so WARL rules, TLB
//   flushes and the run loop's signals apply (QEMU's riscv_csrrw_debug);
// - loadGuest/storeGuest: accesses as HLV/HLVX/HSV make them (VS-stage,
//   then G-stage, at the privilege in hstatus.SPVP) that report a fault
//   instead of raising it (QEMU's get_physical_address returns TRANSLATE_*
//   codes; raising is a separate step).
//
// The general registers (xl/xh) and the pc are plain hart fields.
import { PRIV_M, PRIV_S, CSR_HSTATUS, HSTATUS_SPVP, PRIV_U } from "./constants.js";
import { SIGNAL_STOP, type Hart } from "./hart.js";
import { csrTable } from "./csr/all.js";
import { TRAP, capturedFault } from "./trap.js";
import { returnFromHs, returnFromM } from "./trap-return.js";

/** loadGuest/storeGuest succeeded. Otherwise they return the exception cause (capturedFault has the details). */
export const GUEST_ACCESS_OK = -1;

/** The fault of the last loadGuest/storeGuest that failed (cause, tval, htval, htinst as trap entry would write). */
export { capturedFault as guestFault };

/** Resumes the hart as MRET (trap into M) or SRET (trap into HS) would: pc = xepc, mode and V from the status fields. */
export function returnFromTrap(h: Hart): void {
  if (h.priv === PRIV_M) returnFromM(h);
  else if (h.priv === PRIV_S && !h.virt) returnFromHs(h);
  else throw new Error(`returnFromTrap: the hart is not in M or HS (priv ${h.priv}, V ${h.virt})`);
}

/** Reads a CSR through its table row (no privilege check: firmware runs in M/HS). High word in csrOut.hi. */
export function readCsr(h: Hart, csrno: number): number {
  const def = csrTable[csrno];
  if (def === undefined) throw new Error(`readCsr: no CSR 0x${csrno.toString(16)}`);
  return def.read(h, csrno);
}

/** Writes a CSR through its table row: WARL legalisation, flushes and side effects as for CSRRW. */
export function writeCsr(h: Hart, csrno: number, lo: number, hi: number): void {
  const def = csrTable[csrno];
  if (def === undefined || def.write === undefined)
    throw new Error(`writeCsr: no writable CSR 0x${csrno.toString(16)}`);
  def.write(h, csrno, lo, hi);
  h.signal |= SIGNAL_STOP;
}

/** The privilege HLV/HSV access at: VS when hstatus.SPVP, else VU (Priv §9.3.1). */
function guestPriv(h: Hart): number {
  return (h.csrLo[CSR_HSTATUS] & HSTATUS_SPVP) !== 0 ? PRIV_S : PRIV_U;
}

/** The value of the last successful loadGuest (zero-extended). */
export const guestValue = { lo: 0, hi: 0 };

/**
 * Loads `size` bytes (1, 2, 4, 8) at guest virtual address (hi:lo) as HLV
 * does, or as HLVX (`execute`: execute permission instead of read, for
 * fetching a guest's instruction). Returns GUEST_ACCESS_OK with the value in
 * guestValue, or the cause of the fault it would have raised.
 */
export function loadGuest(h: Hart, lo: number, hi: number, size: number, execute: boolean): number {
  h.captureFaults = true;
  try {
    guestValue.lo = h.mmu.loadGuest(lo, hi, size, guestPriv(h), execute);
    guestValue.hi = size === 8 ? h.mmu.hi : 0;
    return GUEST_ACCESS_OK;
  } catch (e) {
    if (e !== TRAP) throw e;
    return capturedFault.cause;
  } finally {
    h.captureFaults = false;
  }
}

/** Stores `size` bytes at guest virtual address (hi:lo) as HSV does; returns GUEST_ACCESS_OK or the fault's cause. */
export function storeGuest(h: Hart, lo: number, hi: number, size: number, vLo: number, vHi: number): number {
  h.captureFaults = true;
  try {
    h.mmu.storeGuest(lo, hi, size, vLo, vHi, guestPriv(h));
    return GUEST_ACCESS_OK;
  } catch (e) {
    if (e !== TRAP) throw e;
    return capturedFault.cause;
  } finally {
    h.captureFaults = false;
  }
}
