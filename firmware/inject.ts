// Delivering an exception to the guest from the hypervisor (as KVM's
// kvm_riscv_vcpu_trap_redirect): the trap the guest would have taken had
// hedeleg sent it there, written into the VS CSRs (Priv §9.6.2), and the
// hart resumed at vstvec in VS-mode.
import {
  CSR_MSTATUS,
  CSR_SEPC,
  CSR_VSCAUSE,
  CSR_VSEPC,
  CSR_VSSTATUS,
  CSR_VSTVAL,
  CSR_VSTVEC,
  MSTATUS_SIE,
  MSTATUS_SPIE,
  MSTATUS_SPP,
} from "../src/rv64/constants.js";
import type { Hart } from "../src/rv64/hart.js";
import { returnFromTrap } from "../src/rv64/firmware-access.js";

/**
 * Called in HS-mode while handling a trap from the guest (sepc, sstatus.SPP
 * describe where it happened). Raises exception `cause` with `tval` in the
 * guest and resumes it.
 */
export function injectException(h: Hart, cause: number, tvalLo: number, tvalHi: number): void {
  const lo = h.csrLo;
  const hi = h.csrHi;
  // The guest's trap stacking: SPP = the mode it was in (sstatus.SPP of this
  // trap), SPIE = SIE, SIE = 0.
  let vs = lo[CSR_VSSTATUS];
  vs = (lo[CSR_MSTATUS] & MSTATUS_SPP) !== 0 ? vs | MSTATUS_SPP : vs & ~MSTATUS_SPP;
  vs = (vs & MSTATUS_SIE) !== 0 ? vs | MSTATUS_SPIE : vs & ~MSTATUS_SPIE;
  lo[CSR_VSSTATUS] = vs & ~MSTATUS_SIE;
  lo[CSR_VSCAUSE] = cause;
  hi[CSR_VSCAUSE] = 0;
  lo[CSR_VSTVAL] = tvalLo;
  hi[CSR_VSTVAL] = tvalHi;
  lo[CSR_VSEPC] = lo[CSR_SEPC];
  hi[CSR_VSEPC] = hi[CSR_SEPC];
  // Exceptions always enter at vstvec's BASE (Priv §4.1.2), in VS-mode.
  lo[CSR_SEPC] = lo[CSR_VSTVEC] & ~3;
  hi[CSR_SEPC] = hi[CSR_VSTVEC];
  lo[CSR_MSTATUS] |= MSTATUS_SPP;
  returnFromTrap(h);
}
