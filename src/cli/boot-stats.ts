// `rvhv boot --stats`: a table in the spirit of kvm_stat — exits by
// reason, SBI calls by extension and function, WFI halts, guest-page
// faults, the share of host time spent in the hypervisor, and where the
// guest's instructions ran (VS = its kernel, VU = its user space).
import { EXIT_NAMES } from "../../firmware/stats.js";
import type { HypervisorMachine } from "../machine/hypervisor-machine.js";
import { runStatus } from "../machine/run-status.js";
import { creditMode, modeIndex } from "../rv64/mode-counters.js";
import { PRIV_M, PRIV_S, PRIV_U } from "../rv64/constants.js";

const MODES: [string, number, boolean][] = [
  ["VS (guest kernel)", PRIV_S, true],
  ["VU (guest user)", PRIV_U, true],
  ["HS", PRIV_S, false],
  ["U", PRIV_U, false],
  ["M", PRIV_M, false],
];

function table(title: string, rows: [string, string][]): string {
  const width = Math.max(...rows.map(([name]) => name.length), 10);
  return [title, ...rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value.padStart(12)}`)].join("\n");
}

export function formatBootStats(machine: HypervisorMachine): string {
  const hv = machine.hypervisor;
  const stats = hv.stats;
  const out: string[] = [`rvhv boot statistics (${hv.guests.length} guest${hv.guests.length === 1 ? "" : "s"})`];

  const exitRows: [string, string][] = [];
  stats.exits.forEach((count, cause) => {
    if (count === 0) return;
    const name = cause >= 64 ? `interrupt ${cause - 64} into HS` : (EXIT_NAMES[cause] ?? `exception ${cause}`);
    exitRows.push([name, String(count)]);
  });
  exitRows.push(["total", String(stats.totalExits())]);
  out.push(table("exits by reason", exitRows));

  const sbiRows: [string, string][] = [...stats.sbiCalls.entries()]
    .sort((a, b) => b[1].count - a[1].count)
    .map(([fn, { extension, count }]) => [`${extension} ${fn.name}`, String(count)]);
  if (stats.unknownSbiCalls > 0) sbiRows.push(["(not supported)", String(stats.unknownSbiCalls)]);
  out.push(table("SBI calls", sbiRows.length > 0 ? sbiRows : [["none", "0"]]));

  out.push(
    table("events", [
      ["WFI halts", String(stats.wfiHalts)],
      ["guest-page faults: MMIO", String(stats.mmioExits)],
      ["  decoded from htinst", String(stats.mmioFromHtinst)],
      ["  fetched at sepc (HLVX)", String(stats.mmioFetched)],
      ["guest-page faults: RAM first touch", String(stats.ramFaults)],
      ["faults injected as access faults", String(stats.injectedFaults)],
      ["virtual instructions injected as illegal", String(stats.injectedIllegal)],
    ]),
  );

  const byMode = new Float64Array(8);
  for (const vcpu of hv.vcpus) {
    creditMode(vcpu.hart);
    for (let i = 0; i < 8; i++) byMode[i] += vcpu.hart.modeInstructions[i];
  }
  const total = byMode.reduce((a, b) => a + b, 0);
  out.push(
    table(
      "instructions retired by mode",
      MODES.map(([name, priv, virt]) => {
        const n = byMode[modeIndex(priv, virt)];
        return [name, `${n} (${total > 0 ? ((100 * n) / total).toFixed(1) : "0.0"}%)`];
      }),
    ),
  );

  if (stats.timed) {
    const { hostMs, hypervisorShare } = runStatus(machine);
    out.push(
      table("host time", [
        ["in the hypervisor (exit handling)", `${stats.handlerMs.toFixed(1)} ms`],
        ["in the hypervisor (vCPU switches)", `${stats.switchMs.toFixed(1)} ms`],
        ["running the machine", `${hostMs.toFixed(1)} ms`],
        ["hypervisor share", `${(100 * hypervisorShare).toFixed(2)}%`],
      ]),
    );
  }
  return out.join("\n");
}
