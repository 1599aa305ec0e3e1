// A generated program: its starting state and its items, and how it becomes
// the assembly and set-up block the harness runs.
import type { BatchEntry } from "./harness.js";

/** One instruction, or a sequence the minimiser keeps or drops whole. */
export interface Item {
  /** Assembly lines; `%L<n>` names a label local to the program. */
  lines: string[];
  /** This item is the label `%L<n>` (a branch target). */
  label?: string;
  /** This item branches to the label `%L<n>`; it is dropped when that label is. */
  target?: string;
  /** The minimiser never drops this item. */
  keep?: boolean;
}

export interface Program {
  seed: number;
  /** x1..x31 at entry. */
  x: bigint[];
  /** f0..f31 at entry (raw bits). */
  f: bigint[];
  fcsr: number;
  medeleg: bigint;
  hedeleg: bigint;
  mideleg: bigint;
  hideleg: bigint;
  counteren: number;
  dataSeed: bigint;
  items: Item[];
}

/** The items that survive: a branch whose label is gone goes too. */
export function liveItems(items: readonly Item[]): Item[] {
  const labels = new Set(items.filter((i) => i.label !== undefined).map((i) => i.label));
  return items.filter((i) => i.target === undefined || labels.has(i.target));
}

/** The program's assembly, its local labels prefixed to be unique in a batch. */
export function programCode(p: Program, prefix: string): string {
  const out: string[] = [];
  for (const item of liveItems(p.items)) {
    for (const line of item.lines.join("\n").split("\n")) {
      const text = line.replace(/%L(\d+)/g, `${prefix}$1`);
      out.push(text.endsWith(":") ? text : `  ${text}`);
    }
  }
  return out.join("\n");
}

/** The harness's view of a program placed at `index` of a batch. */
export function batchEntry(p: Program, index: number): BatchEntry {
  return {
    index,
    code: programCode(p, `.Lq${index}_`),
    x: p.x,
    f: p.f,
    fcsr: p.fcsr,
    medeleg: p.medeleg,
    hedeleg: p.hedeleg,
    mideleg: p.mideleg,
    hideleg: p.hideleg,
    counteren: p.counteren,
    dataSeed: p.dataSeed,
  };
}

const hex = (v: bigint) => `0x${BigInt.asUintN(64, v).toString(16)}`;

/** A program as a person reads it: the starting state of what it uses, then the code. */
export function describeProgram(p: Program): string {
  const code = programCode(p, ".L");
  const used = (prefix: string) =>
    new Set([...code.matchAll(new RegExp(`\\b${prefix}(\\d+)\\b`, "g"))].map((m) => Number(m[1])));
  const xs = [...used("x")].filter((n) => n >= 1).sort((a, b) => a - b);
  const fs = [...used("f")].sort((a, b) => a - b);
  const lines = [
    `# seed ${p.seed}: starts in M-mode with sp (x2) = data area + 4096 and the registers it uses as below`,
  ];
  if (xs.length) lines.push(`# ${xs.map((n) => `x${n}=${hex(p.x[n - 1])}`).join(" ")}`);
  if (fs.length) lines.push(`# ${fs.map((n) => `f${n}=${hex(p.f[n])}`).join(" ")}`);
  lines.push(
    `# fcsr=${hex(BigInt(p.fcsr))} medeleg=${hex(p.medeleg)} hedeleg=${hex(p.hedeleg)} mideleg=${hex(p.mideleg)} hideleg=${hex(p.hideleg)} counteren=${p.counteren} data seed=${hex(p.dataSeed)}`,
  );
  lines.push(code);
  return lines.join("\n");
}
