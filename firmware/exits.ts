// Exit dispatch (as KVM's vcpu_exit.c): one handler per cause of a trap
// from the guest into HS-mode. A cause without a handler is the guest's own
// exception that reached HS (hedeleg leaves it there only if the guest
// could not take it itself), so it is delivered to the guest.
import {
  CAUSE_FETCH_ACCESS,
  CAUSE_FETCH_GUEST_PAGE_FAULT,
  CAUSE_LOAD_ACCESS,
  CAUSE_LOAD_GUEST_PAGE_FAULT,
  CAUSE_STORE_ACCESS,
  CAUSE_STORE_GUEST_PAGE_FAULT,
  CAUSE_VIRTUAL_INSTRUCTION,
  CAUSE_VIRTUAL_SUPERVISOR_ECALL,
  CSR_HTVAL,
  CSR_SEPC,
  CSR_STVAL,
} from "../src/rv64/constants.js";
import { returnFromTrap } from "../src/rv64/firmware-access.js";
import { dispatchSbi, lastDispatch } from "../src/sbi/registry.js";
import type { Guest } from "./guest.js";
import { injectException } from "./inject.js";
import { emulateMmio } from "./mmio.js";
import type { HypervisorStats } from "./stats.js";
import { handleVirtualInstruction } from "./virtual-insn.js";
import type { Vcpu } from "./vcpu.js";

type ExitHandler = (vcpu: Vcpu, guest: Guest, stats: HypervisorStats, cause: number) => void;

/** ECALL from VS-mode: an SBI call (SBI v2.0 §3); the guest resumes after the ECALL. */
function sbiCallExit(vcpu: Vcpu, guest: Guest, stats: HypervisorStats): void {
  const h = vcpu.hart;
  dispatchSbi(h, vcpu.sbiCall);
  stats.noteSbi(lastDispatch.extension, lastDispatch.fn);
  const sepc = (h.csrLo[CSR_SEPC] + 4) | 0;
  if (sepc >>> 0 < h.csrLo[CSR_SEPC] >>> 0) h.csrHi[CSR_SEPC] = (h.csrHi[CSR_SEPC] + 1) | 0;
  h.csrLo[CSR_SEPC] = sepc;
  returnFromTrap(h);
}

/** The access fault a guest-page fault becomes when nothing is at the address (Priv §3.7.1). */
const ACCESS_FAULT: Record<number, number> = {
  [CAUSE_FETCH_GUEST_PAGE_FAULT]: CAUSE_FETCH_ACCESS,
  [CAUSE_LOAD_GUEST_PAGE_FAULT]: CAUSE_LOAD_ACCESS,
  [CAUSE_STORE_GUEST_PAGE_FAULT]: CAUSE_STORE_ACCESS,
};

/**
 * Guest-page fault (Priv §9.5.1; the GPA is htval << 2 plus the low bits of
 * the guest virtual address in stval): a load or store to an emulated device
 * is MMIO; the first touch of a lazily mapped RAM page maps it; anything
 * else — a fetch from a device, an address where the guest has nothing — is
 * the access fault a real machine would raise.
 */
function guestPageFaultExit(vcpu: Vcpu, guest: Guest, stats: HypervisorStats, cause: number): void {
  const h = vcpu.hart;
  const gpa = ((h.csrHi[CSR_HTVAL] >>> 0) * 4294967296 + (h.csrLo[CSR_HTVAL] >>> 0)) * 4 + (h.csrLo[CSR_STVAL] & 3);
  const device = cause === CAUSE_FETCH_GUEST_PAGE_FAULT ? undefined : guest.deviceAt(gpa);
  if (device !== undefined) {
    stats.mmioExits++;
    emulateMmio(h, device, gpa, cause === CAUSE_STORE_GUEST_PAGE_FAULT, stats);
    return;
  }
  // Lazily mapped RAM: the first touch of a page maps it, and the access is retried.
  if (
    guest.memory.contains((gpa % 4294967296) | 0, Math.floor(gpa / 4294967296)) &&
    guest.gstage.mapOnFirstTouch(gpa)
  ) {
    stats.ramFaults++;
    returnFromTrap(h);
    return;
  }
  stats.injectedFaults++;
  injectException(h, ACCESS_FAULT[cause], h.csrLo[CSR_STVAL], h.csrHi[CSR_STVAL]);
}

function virtualInstructionExit(vcpu: Vcpu, _guest: Guest, stats: HypervisorStats): void {
  handleVirtualInstruction(vcpu.hart, stats);
}

/** Any other exception from the guest: delivered to it with its own cause and tval. */
function reflectExit(vcpu: Vcpu, _guest: Guest, _stats: HypervisorStats, cause: number): void {
  const h = vcpu.hart;
  injectException(h, cause, h.csrLo[CSR_STVAL], h.csrHi[CSR_STVAL]);
}

const EXIT_HANDLERS: ExitHandler[] = [];
EXIT_HANDLERS[CAUSE_VIRTUAL_SUPERVISOR_ECALL] = sbiCallExit;
EXIT_HANDLERS[CAUSE_FETCH_GUEST_PAGE_FAULT] = guestPageFaultExit;
EXIT_HANDLERS[CAUSE_LOAD_GUEST_PAGE_FAULT] = guestPageFaultExit;
EXIT_HANDLERS[CAUSE_STORE_GUEST_PAGE_FAULT] = guestPageFaultExit;
EXIT_HANDLERS[CAUSE_VIRTUAL_INSTRUCTION] = virtualInstructionExit;

/** Handles exception `cause` from `vcpu`'s guest; the hart is in HS-mode and resumes the guest before returning. */
export function handleExit(vcpu: Vcpu, guest: Guest, stats: HypervisorStats, cause: number): void {
  (EXIT_HANDLERS[cause] ?? reflectExit)(vcpu, guest, stats, cause);
}
