// Floating-point CSRs fflags, frm, fcsr (Unpriv §20.2) and the mstatus.FS
// rules every F/D instruction follows (Priv §3.1.6.6).
import { CSR_FCSR, CSR_FFLAGS, CSR_FRM, CSR_MSTATUS, CSR_VSSTATUS, MSTATUS_FS } from "../constants.js";
import type { Hart } from "../hart.js";
import { CSR_ILLEGAL, CSR_OK, csrOut, defineCsr } from "./table.js";

/**
 * Whether FP state is accessible: mstatus.FS != Off, and with V=1 also
 * vsstatus.FS != Off (Priv §9.2.11). Otherwise FP instructions are illegal
 * (never virtual) instructions.
 */
export function fpEnabled(h: Hart): boolean {
  if ((h.csrLo[CSR_MSTATUS] & MSTATUS_FS) === 0) return false;
  return !h.virt || (h.csrLo[CSR_VSSTATUS] & MSTATUS_FS) !== 0;
}

/** Marks FP state dirty after an instruction writes an f register or fflags (both copies when V=1). */
export function markFpDirty(h: Hart): void {
  h.csrLo[CSR_MSTATUS] |= MSTATUS_FS;
  if (h.virt) h.csrLo[CSR_VSSTATUS] |= MSTATUS_FS;
}

function fpPredicate(h: Hart): number {
  return fpEnabled(h) ? CSR_OK : CSR_ILLEGAL;
}

defineCsr(CSR_FFLAGS, {
  name: "fflags",
  predicate: fpPredicate,
  writeKeepsRunning: true,
  read(h) {
    csrOut.hi = 0;
    return h.csrLo[CSR_FFLAGS] & 0x1f;
  },
  write(h, _csrno, lo) {
    h.csrLo[CSR_FFLAGS] = lo & 0x1f;
    markFpDirty(h);
  },
});
defineCsr(CSR_FRM, {
  name: "frm",
  predicate: fpPredicate,
  writeKeepsRunning: true,
  read(h) {
    csrOut.hi = 0;
    return h.csrLo[CSR_FRM] & 7;
  },
  write(h, _csrno, lo) {
    h.csrLo[CSR_FRM] = lo & 7;
    markFpDirty(h);
  },
});
defineCsr(CSR_FCSR, {
  name: "fcsr",
  predicate: fpPredicate,
  writeKeepsRunning: true,
  read(h) {
    csrOut.hi = 0;
    return (h.csrLo[CSR_FFLAGS] & 0x1f) | ((h.csrLo[CSR_FRM] & 7) << 5);
  },
  write(h, _csrno, lo) {
    h.csrLo[CSR_FFLAGS] = lo & 0x1f;
    h.csrLo[CSR_FRM] = (lo >>> 5) & 7;
    markFpDirty(h);
  },
});
