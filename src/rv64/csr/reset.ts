// CSR values at reset (Priv §3.4): fields that are fixed or read-only one.
import { CSR_HSTATUS, CSR_MIDELEG, CSR_MSTATUS, CSR_VSSTATUS, MIDELEG_H_FIXED } from "../constants.js";
import type { Hart } from "../hart.js";
import { hasHypervisor } from "./table.js";
import { MSTATUSH_XLEN64 } from "./status.js";

export function resetCsrs(h: Hart): void {
  h.csrLo.fill(0);
  h.csrHi.fill(0);
  // UXL = SXL = 64 (mstatus bits 35:32, read-only).
  h.csrHi[CSR_MSTATUS] = MSTATUSH_XLEN64;
  if (hasHypervisor()) {
    h.csrLo[CSR_MIDELEG] = MIDELEG_H_FIXED;
    h.csrHi[CSR_HSTATUS] = 2; // VSXL = 64
    h.csrHi[CSR_VSSTATUS] = 2; // UXL = 64
  }
}
