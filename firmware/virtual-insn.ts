// Virtual-instruction exits (Priv §9.6.1, as KVM's vcpu_insn.c): WFI in
// VS-mode under hstatus.VTW halts the vCPU until an interrupt is pending
// for it; every other instruction the hart refused is delivered to the
// guest as the illegal instruction it would be without the hypervisor.
import { CAUSE_ILLEGAL_INSTRUCTION, CSR_SEPC, CSR_STVAL } from "../src/rv64/constants.js";
import { returnFromTrap } from "../src/rv64/firmware-access.js";
import type { Hart } from "../src/rv64/hart.js";
import { injectException } from "./inject.js";
import { fetchTrappedInstruction, trappedInsn } from "./mmio.js";
import type { HypervisorStats } from "./stats.js";

const WFI = 0x10500073;

export function handleVirtualInstruction(h: Hart, stats: HypervisorStats): void {
  // stval holds the instruction bits (our hart always writes them); fetch it otherwise.
  let insn = h.csrLo[CSR_STVAL];
  if (insn === 0) {
    if (!fetchTrappedInstruction(h)) return;
    insn = trappedInsn.bits;
  }
  if (insn === WFI) {
    stats.wfiHalts++;
    const sepc = (h.csrLo[CSR_SEPC] + 4) | 0;
    if (sepc >>> 0 < h.csrLo[CSR_SEPC] >>> 0) h.csrHi[CSR_SEPC] = (h.csrHi[CSR_SEPC] + 1) | 0;
    h.csrLo[CSR_SEPC] = sepc;
    returnFromTrap(h);
    // The run loop keeps the hart waiting until an interrupt is pending and enabled for it.
    h.waiting = true;
    return;
  }
  stats.injectedIllegal++;
  injectException(h, CAUSE_ILLEGAL_INSTRUCTION, insn, 0);
}
