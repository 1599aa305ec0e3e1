// `boot` under the debugger: the threads are the guests' vCPUs (all guests,
// in hart order), seen as their guest sees itself (hart-view.ts
// GUEST_VIEW), and `monitor hyp` prints the hypervisor's side of them.
import { EXIT_NAMES } from "../../firmware/stats.js";
import type { Vcpu } from "../../firmware/vcpu.js";
import type { HypervisorMachine } from "../machine/hypervisor-machine.js";
import { CSR_HGATP, CSR_HSTATUS, CSR_HVIP, CSR_VSATP, CSR_VSEPC, CSR_VSSTATUS, CSR_VSTVEC } from "../rv64/constants.js";
import type { Hart } from "../rv64/hart.js";
import { HSM_STARTED, HSM_STOPPED, HSM_SUSPENDED } from "../sbi/constants.js";
import { GUEST_VIEW } from "./hart-view.js";
import { halvesToAddress } from "./hex.js";
import { modeName, type DebugTarget } from "./target.js";

const HSM_NAMES: Record<number, string> = {
  [HSM_STARTED]: "started",
  [HSM_STOPPED]: "stopped",
  [HSM_SUSPENDED]: "suspended",
};

const hex = (lo: number, hi: number): string => `0x${halvesToAddress(lo, hi).toString(16)}`;
const csr = (h: Hart, csrno: number): string => hex(h.csrLo[csrno], h.csrHi[csrno]);

export function guestTarget(machine: HypervisorMachine): DebugTarget {
  const hv = machine.hypervisor;
  const vcpuOf = (h: Hart): Vcpu => hv.vcpus[h.index];
  return {
    view: GUEST_VIEW,
    harts: () => hv.vcpus.map((v) => v.hart),
    describe(h) {
      const vcpu = vcpuOf(h);
      const guest = hv.guests.indexOf(hv.guestOf(vcpu));
      const state = HSM_NAMES[vcpu.hsmState] ?? `HSM state ${vcpu.hsmState}`;
      return `guest ${guest} vCPU ${vcpu.hartId}, ${state}${h.waiting ? ", halted in WFI" : ""}`;
    },
    monitor: {
      hyp: {
        help: "the hypervisor's view: guests, vCPUs (HS-side CSRs, HSM state, timer), exits",
        run: () => hypView(machine),
      },
    },
    kill: () => machine.stop(),
  };
}

/** What `monitor hyp` prints: what the hypervisor holds about each guest and vCPU, and its exit counters. */
function hypView(machine: HypervisorMachine): string {
  const hv = machine.hypervisor;
  const lines: string[] = [];
  hv.guests.forEach((guest, g) => {
    const p = guest.placement;
    lines.push(
      `guest ${g}: VMID ${p.vmid}, ${guest.config.memBytes / 2 ** 20} MiB at host offset 0x${p.hostOffset.toString(16)}, ` +
        `devices ${guest.deviceModel}${guest.sstc ? ", Sstc" : ""}${guest.ended ? ", ended" : ""}`,
    );
    for (const vcpu of guest.vcpus) {
      const h = vcpu.hart;
      const thread = h.index + 1;
      lines.push(
        `  vCPU ${vcpu.hartId} (thread ${thread}): ${HSM_NAMES[vcpu.hsmState] ?? `HSM state ${vcpu.hsmState}`}` +
          `${h.waiting ? ", halted in WFI" : ""}, ${modeName(h)}-mode, pc ${hex(h.pcLo, h.pcHi)}`,
      );
      lines.push(
        `    hstatus ${csr(h, CSR_HSTATUS)} hgatp ${csr(h, CSR_HGATP)} hvip ${csr(h, CSR_HVIP)} ` +
          `vsatp ${csr(h, CSR_VSATP)} vsstatus ${csr(h, CSR_VSSTATUS)} vstvec ${csr(h, CSR_VSTVEC)} vsepc ${csr(h, CSR_VSEPC)}`,
      );
      const timer = vcpu.timerDeadline === Infinity ? "none" : `at ${vcpu.timerDeadline} (now ${machine.now()})`;
      lines.push(`    SBI timer ${timer}, steal time ${vcpu.stealNs} ns published`);
    }
  });
  const stats = hv.stats;
  const exits = [...stats.exits.entries()]
    .filter(([, n]) => n > 0)
    .map(([cause, n]) => `${cause >= 64 ? `interrupt ${cause - 64}` : (EXIT_NAMES[cause] ?? `cause ${cause}`)} ${n}`);
  lines.push(`exits: ${stats.totalExits()}${exits.length > 0 ? ` (${exits.join(", ")})` : ""}`);
  lines.push(
    `WFI halts ${stats.wfiHalts}, MMIO exits ${stats.mmioExits}, timer injections ${stats.timerInjections}, ` +
      `guest RAM faults ${stats.ramFaults}, injected faults ${stats.injectedFaults}`,
  );
  return `${lines.join("\n")}\n`;
}
