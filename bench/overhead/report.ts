// The overhead benchmark's figures: one table for the terminal, and a
// Markdown report with SVG charts under bench/results/.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { OpCost } from "./ops.js";
import { barChart, type Bar } from "./svg.js";
import type { BootCost, Config, WorkloadRun } from "./workloads.js";

export interface ReportInput {
  dir: string;
  stamp: string;
  ops: OpCost[];
  guestSwitch: { hostNs: number; switches: number };
  runs: WorkloadRun[];
  bootCosts: Map<Config, BootCost>;
}

/** What each workload row reports, "per guest" as a share of one host processor. */
export interface Figures {
  run: WorkloadRun;
  /** idle (settled): % of a processor per guest; cpu, console: extra processor time per guest, % of native's. */
  perGuest: number;
  /** idle only: the same in the first 20 s after boot. */
  freshPerGuest: number;
  exitsPerS: number;
  /** The workload's own exits and host ms in the hypervisor (the run's less a plain boot's, times K). */
  exits: number;
  hypervisorMs: number;
}

export function figures(input: ReportInput): Figures[] {
  const native = new Map(input.runs.filter((r) => r.config === "native").map((r) => [r.workload, r]));
  return input.runs.map((run) => {
    let perGuest: number;
    let freshPerGuest = NaN;
    if (run.workload === "idle") {
      perGuest = (100 * run.idleCpuS) / run.idleWallS / run.guests;
      freshPerGuest = (100 * run.freshCpuS) / run.freshWallS / run.guests;
    } else {
      const base = native.get(run.workload)?.spanS ?? NaN;
      perGuest = 100 * (run.spanS / run.guests / base - 1);
    }
    const boot = input.bootCosts.get(run.config) ?? { exits: NaN, hypervisorMs: NaN };
    const exits = run.exits - boot.exits * run.guests;
    const hypervisorMs = run.hypervisorMs - boot.hypervisorMs * run.guests;
    const exitsPerS = run.config === "native" ? NaN : exits / run.spanS;
    return { run, perGuest, freshPerGuest, exitsPerS, exits, hypervisorMs };
  });
}

const pct = (v: number): string => (Number.isNaN(v) ? "-" : `${v.toFixed(v < 10 && v > -10 ? 2 : 1)}%`);

/** Console-heavy work, PV against emulated devices: how many times fewer exits and less hypervisor time. */
function comparisons(figs: Figures[]): string[] {
  const lines: string[] = [];
  for (const pv of figs.filter((f) => f.run.workload === "console" && f.run.config === "pv")) {
    const emu = figs.find(
      (f) => f.run.workload === "console" && f.run.config === "emulated" && f.run.guests === pv.run.guests,
    );
    if (emu === undefined) continue;
    lines.push(
      `console-heavy, K = ${pv.run.guests}: PV makes ${(emu.exits / pv.exits).toFixed(1)}x fewer exits than emulated devices ` +
        `(${pv.exits.toFixed(0)} against ${emu.exits.toFixed(0)}) and spends ${(emu.hypervisorMs / pv.hypervisorMs).toFixed(1)}x less host time in the hypervisor ` +
        `(${pv.hypervisorMs.toFixed(0)} ms against ${emu.hypervisorMs.toFixed(0)} ms)`,
    );
  }
  return lines;
}

export function writeReport(input: ReportInput): {
  path: string;
  rows: Record<string, string>[];
  comparisons: string[];
} {
  const figs = figures(input);
  const compared = comparisons(figs);
  const rows = figs.map((f) => ({
    workload: f.run.workload,
    config: f.run.config,
    K: String(f.run.guests),
    "span s": f.run.spanS.toFixed(2),
    "per guest": pct(f.perGuest),
    "idle, first 20 s": pct(f.freshPerGuest),
    "exits/s": Number.isNaN(f.exitsPerS) ? "-" : f.exitsPerS.toFixed(0),
    "hypervisor share": f.run.config === "native" ? "-" : pct(f.run.hypervisorShare),
  }));

  const charts: [string, string][] = [];
  const chart = (name: string, svg: string): void => {
    writeFileSync(join(input.dir, `${input.stamp}-${name}.svg`), svg);
    charts.push([name, `${input.stamp}-${name}.svg`]);
  };
  for (const workload of ["idle", "cpu", "console"] as const) {
    const bars: Bar[] = figs
      .filter((f) => f.run.workload === workload)
      .map((f) => ({
        group: f.run.config,
        label: `K = ${f.run.guests}`,
        value: Math.max(0, f.perGuest),
        text: pct(f.perGuest),
      }));
    if (bars.length === 0) continue;
    const title =
      workload === "idle"
        ? "Idle guest: host CPU per guest"
        : `${workload === "cpu" ? "CPU-bound" : "Console-heavy"} work: overhead per guest vs native`;
    chart(workload, barChart(title, "% of one host processor", bars));
  }
  if (input.ops.length > 0) {
    const bars: Bar[] = input.ops.map((o) => ({
      label: o.op,
      value: Math.max(0, o.hostNs),
      text: `${o.hostNs.toFixed(0)} ns`,
    }));
    if (!Number.isNaN(input.guestSwitch.hostNs)) {
      bars.push({
        label: "guest switch",
        value: Math.max(0, input.guestSwitch.hostNs),
        text: `${input.guestSwitch.hostNs.toFixed(0)} ns`,
      });
    }
    chart("operations", barChart("Per-operation cost", "host ns per operation", bars));
  }

  const md: string[] = [
    `# rvhv overhead benchmark (${input.stamp})`,
    "",
    "Produced by `npm run bench:overhead` on this machine. Definitions:",
    "",
    "- **idle, per guest**: the rvhv process's CPU time (user + system, /proc) while all K guests sat idle (`sleep 50`), from 30 s after they all started until the first ended (about 20 s), divided by the wall time of that window and by K: the share of one host processor each settled idle guest costs. **idle, first 20 s**: the same over the first 20 s after they all started, while the guests still finish boot-time work (the PV console, hvc0, polls for input at an interval that grows from 10 ms to 2 s over about two minutes).",
    "- **cpu / console, per guest**: the host processor time each guest's work took (the wall time from its start marker to its end marker, averaged over the K guests, divided by K, since the K guests share the processor), over the time the same work took natively under OpenSBI on `rvhv run --machine virt`, minus 1: the extra share of a processor the hypervisor costs per guest for that work.",
    "- **exits/s**: exits during the run minus the exits of a boot that powers off at once (times K), over the span.",
    "- **hypervisor share**: host time inside the hypervisor's exit handling over host time running the machine (`--stats`), for the whole run.",
    "",
    "| workload | config | K | span s | per guest | idle, first 20 s | exits/s | hypervisor share |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.workload} | ${r.config} | ${r.K} | ${r["span s"]} | ${r["per guest"]} | ${r["idle, first 20 s"]} | ${r["exits/s"]} | ${r["hypervisor share"]} |`,
    ),
    "",
  ];
  if (input.ops.length > 0) {
    md.push(
      "## Per-operation costs",
      "",
      "Host nanoseconds beyond an empty loop iteration, guest instructions, and exits, per operation (bare VS-mode guests, bench/guests/ops.c). Guest instructions are those that retire beyond the loop's: the trapping instruction itself (the ECALL, the MMIO access, the first store to a page) does not retire, so an operation that is one trapping instruction shows 0.",
      "",
      "| operation | host ns | guest insns | exits |",
      "|---|---|---|---|",
      ...input.ops.map(
        (o) => `| ${o.what} | ${o.hostNs.toFixed(0)} | ${o.guestInsns.toFixed(1)} | ${o.exits.toFixed(2)} |`,
      ),
      `| guest switch (the scheduler's work around a slice, ${input.guestSwitch.switches.toFixed(0)} switches between two spinning guests) | ${input.guestSwitch.hostNs.toFixed(0)} | 0 | 0 |`,
      "",
    );
  }
  if (compared.length > 0)
    md.push("## PV against emulated devices, console-heavy", "", ...compared.map((l) => `- ${l}`), "");
  for (const [name, file] of charts) md.push(`![${name}](${file})`, "");
  const path = join(input.dir, `${input.stamp}-overhead.md`);
  writeFileSync(path, md.join("\n"));
  return { path, rows, comparisons: compared };
}
