// The performance table: one row per workload and emulator configuration,
// with the ratios between rows, as aligned text for the terminal and as a
// Markdown report. Each column says here what it means; the report prints
// those meanings under the table.
import { writeFileSync } from "node:fs";
import type { Measurement } from "./measurement.js";

interface Column {
  heading: string;
  meaning: string;
  /** The cell of `m`, given every row (for the ratios); "-" when it does not apply. */
  cell(m: Measurement, all: Measurement[]): string;
}

const DASH = "-";
const known = (v: number): boolean => Number.isFinite(v);
const count = (v: number): string => (known(v) ? Math.round(v).toLocaleString("en-US") : DASH);
const fixed = (v: number, digits: number): string => (known(v) ? v.toFixed(digits) : DASH);
const mips = (instructions: number, seconds: number): string => fixed(instructions / seconds / 1e6, 1);
const ratio = (v: number): string => (known(v) ? `${v >= 1 ? v.toFixed(2) : v.toPrecision(2)}x` : DASH);

/** The row of the same workload run another way. */
function other(all: Measurement[], m: Measurement, emulator: Measurement["emulator"], samePlatform: boolean) {
  return all.find(
    (o) => o.workload === m.workload && o.emulator === emulator && (!samePlatform || o.platform === m.platform),
  );
}

const COLUMNS: Column[] = [
  {
    heading: "workload",
    meaning:
      "a CPU-bound program (bench/programs/), or the Linux guest booting natively under OpenSBI or under rvhv's hypervisor (PV)",
    cell: (m) => (m.platform === "bare" ? m.workload : `${m.workload}, ${m.platform}`),
  },
  {
    heading: "emulator",
    meaning: "rvhv with its translation engine, rvhv interpreting only (--no-jit), or qemu-system-riscv64 (TCG)",
    cell: (m) => m.emulator,
  },
  { heading: "guest RAM", meaning: "the machine's RAM", cell: (m) => `${m.guestRamMiB} MiB` },
  {
    heading: "instructions",
    meaning:
      "retired, as rvhv counts them (a program retires the same number on every emulator; Linux: boot to power-off, median)",
    cell: (m) => count(m.instructions),
  },
  {
    heading: "run s",
    meaning:
      "median seconds inside the machine's run, not building it: programs, BareMachine.run() in the bench's process; Linux, the seconds on rvhv's --stats line (to power-off)",
    cell: (m) => fixed(m.runS, 3),
  },
  { heading: "MIPS", meaning: "instructions over run s", cell: (m) => mips(m.instructions, m.runS) },
  {
    heading: "process s",
    meaning:
      "median wall seconds of the whole process (start-up and loading included) from spawn: programs to exit, Linux to the guest's marker",
    cell: (m) => fixed(m.processS, 3),
  },
  {
    heading: "process MIPS",
    meaning: "programs: instructions over process s (QEMU's MIPS, the only one it has)",
    cell: (m) => (m.platform === "bare" ? mips(m.instructions, m.processS) : DASH),
  },
  {
    heading: "peak RSS",
    meaning: "the rvhv process's peak resident memory (getrusage maxRSS at exit), the largest over its runs",
    cell: (m) => (known(m.peakRssKiB) ? `${Math.round(m.peakRssKiB / 1024)} MiB` : DASH),
  },
  {
    heading: "jit speed-up",
    meaning: "--no-jit's run s over this row's: how much faster the translation engine runs the same work",
    cell: (m, all) =>
      m.emulator === "rvhv" ? ratio((other(all, m, "rvhv --no-jit", true)?.runS ?? NaN) / m.runS) : DASH,
  },
  {
    heading: "QEMU/rvhv",
    meaning:
      "QEMU's process s over this row's: rvhv's speed as a share of QEMU's, whole process included (0.10x: rvhv takes 10 times as long); PV rows against QEMU's native boot",
    cell: (m, all) =>
      m.emulator === "qemu" ? DASH : ratio((other(all, m, "qemu", false)?.processS ?? NaN) / m.processS),
  },
];

export type TableRow = string[];

export function tableRows(measurements: Measurement[]): TableRow[] {
  return measurements.map((m) => COLUMNS.map((c) => c.cell(m, measurements)));
}

/** Plain aligned text: the first column left-aligned, the rest right-aligned. */
export function formatText(rows: TableRow[]): string {
  const headings = COLUMNS.map((c) => c.heading);
  const widths = headings.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(headings), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export interface Report {
  title: string;
  /** Where and how it ran: the header's lines. */
  setting: string[];
  rows: TableRow[];
  /** Skipped rows, failures, and the machine's load. */
  notes: string[];
}

export function writeMarkdown(path: string, report: Report): void {
  const cells = (row: string[]): string => `| ${row.join(" | ")} |`;
  const md = [
    `# ${report.title}`,
    "",
    ...report.setting.map((line) => `- ${line}`),
    "",
    cells(COLUMNS.map((c) => c.heading)),
    `|${COLUMNS.map((_, i) => (i < 2 ? "---" : "---:")).join("|")}|`,
    ...report.rows.map(cells),
    "",
    "## Columns",
    "",
    ...COLUMNS.map((c) => `- **${c.heading}**: ${c.meaning}.`),
    "",
  ];
  if (report.notes.length > 0) md.push("## Notes", "", ...report.notes.map((line) => `- ${line}`), "");
  writeFileSync(path, md.join("\n"));
}
