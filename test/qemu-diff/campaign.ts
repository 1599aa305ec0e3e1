// The differential-testing campaign behind `node scripts/fuzz-qemu.mjs`:
// generates programs from consecutive seeds, runs them in batches under rvhv
// and QEMU, and reports the first divergence, minimised (or every one, with
// --all). Program i of a campaign has seed S + i, so any program can be
// replayed alone: --seed <its seed> --count 1, or --show <its seed>.
import { parseArgs } from "node:util";
import { generateProgram, type GenOptions } from "./generator.js";
import { minimise } from "./minimise.js";
import { describeProgram, type Program } from "./program.js";
import { missingTools, runBatch, splitDump, type Divergence, type RunnerOptions } from "./runner.js";
import { DUMP_FIELDS } from "./layout.js";

const USAGE = `usage: node scripts/fuzz-qemu.mjs [--count N] [--seed S] [--batch B] [--all] [--no-crypto] [--cli]
       node scripts/fuzz-qemu.mjs --show SEED
  --count N     programs to run (default 1000)
  --seed S      seed of the first program; program i has seed S + i (default 1)
  --batch B     programs per ELF (default 500)
  --all         report every divergence (minimising none) instead of stopping at the first
  --no-crypto   leave out Zbc/Zbkb/Zbkx
  --cli         run rvhv as \`node bin/rvhv.js run\` (needs a current dist/) instead of in-process
  --show SEED   run one program and print it with both emulators' dumps`;

export interface CampaignStats {
  programs: number;
  agreed: number;
  divergences: Divergence[];
  excluded: Map<string, number>;
  hostCrashes: number;
  qemuFailures: number;
  seconds: number;
}

function formatStats(s: CampaignStats): string {
  const ex = [...s.excluded].map(([k, v]) => `${k} ${v}`).join(", ");
  const total = [...s.excluded.values()].reduce((a, b) => a + b, 0);
  return (
    `${s.programs} programs: ${s.agreed} agreed, ${s.divergences.length} diverged, ${total} excluded` +
    (total ? ` (${ex})` : "") +
    `, ${s.hostCrashes} rvhv host crashes, ${s.qemuFailures} QEMU failures, ${s.seconds.toFixed(1)} s`
  );
}

/** Prints a divergence: the program, minimised when asked, and what differs. */
async function report(p: Program, d: Divergence, opts: RunnerOptions, doMinimise: boolean): Promise<void> {
  console.log(`\nDIVERGENCE: seed ${p.seed}: ${d.summary}`);
  let prog = p;
  let div = d;
  if (doMinimise) {
    console.log(`minimising ${p.items.length} items...`);
    const m = await minimise(p, d, opts, (l) => console.log(l));
    prog = m.program;
    div = m.divergence;
    console.log(`minimised to ${prog.items.length} items in ${m.rounds} rounds`);
  }
  console.log("---- program (assembly; the harness in test/qemu-diff/harness.ts runs it) ----");
  console.log(describeProgram(prog));
  console.log("---- differences (rvhv vs qemu) ----");
  for (const f of div.diffs) console.log(`  ${f.field}: rvhv ${f.rvhv}  qemu ${f.qemu}`);
  console.log(`replay: node scripts/fuzz-qemu.mjs --show ${p.seed}`);
}

/** Runs programs [seed, seed + count) in batches; stops at the first divergence unless `all`. */
export async function runCampaign(
  seed: number,
  count: number,
  batch: number,
  gen: GenOptions,
  opts: RunnerOptions,
  all: boolean,
  progress: (s: CampaignStats) => void = () => {},
  /** Names the batch files in build/qemu-diff (one name per concurrent user). */
  name = "campaign",
): Promise<{ stats: CampaignStats; first: { program: Program; divergence: Divergence } | null }> {
  const t0 = performance.now();
  const stats: CampaignStats = {
    programs: 0,
    agreed: 0,
    divergences: [],
    excluded: new Map(),
    hostCrashes: 0,
    qemuFailures: 0,
    seconds: 0,
  };
  let first: { program: Program; divergence: Divergence } | null = null;
  let next = seed;
  const end = seed + count;
  while (next < end) {
    const programs: Program[] = [];
    for (let s = next; s < Math.min(next + batch, end); s++) programs.push(generateProgram(s, gen));
    const r = await runBatch(programs, opts, name);
    if (r.rvhv.crashed) stats.hostCrashes++;
    if (r.qemu.problem !== undefined) stats.qemuFailures++;
    // Programs after one that stopped an emulator never ran: run them again in the next batch.
    let ran = programs.length;
    const firstMissing = programs.findIndex((_, i) => !r.rvhv.dumps.has(i) || !r.qemu.dumps.has(i));
    if (firstMissing >= 0) {
      ran = firstMissing + 1;
      const why = [r.rvhv.problem, r.qemu.problem].filter((x) => x !== undefined).join("; ");
      console.log(`seed ${programs[firstMissing].seed}: a dump is missing (${why || "no reason given"})`);
    }
    for (const d of r.divergences) {
      if (d.index >= ran) continue;
      stats.divergences.push(d);
      first ??= { program: programs[d.index], divergence: d };
      if (all) console.log(`DIVERGENCE: seed ${d.seed}: ${d.summary}`);
    }
    for (const [i, why] of r.excluded) if (i < ran) stats.excluded.set(why, (stats.excluded.get(why) ?? 0) + 1);
    stats.agreed += [...Array(ran).keys()].filter(
      (i) => !r.divergences.some((d) => d.index === i) && !r.excluded.has(i),
    ).length;
    stats.programs += ran;
    next += ran;
    stats.seconds = (performance.now() - t0) / 1000;
    progress(stats);
    if (first !== null && !all) break;
  }
  stats.seconds = (performance.now() - t0) / 1000;
  return { stats, first };
}

async function show(seed: number, gen: GenOptions, opts: RunnerOptions): Promise<number> {
  const p = generateProgram(seed, gen);
  const r = await runBatch([p], opts, "show");
  console.log(describeProgram(p));
  for (const [who, run] of [
    ["rvhv", r.rvhv],
    ["qemu", r.qemu],
  ] as const) {
    const dump = run.dumps.get(0);
    console.log(`---- ${who}${run.problem ? ` (${run.problem})` : ""} ----`);
    if (dump === undefined) continue;
    const { values, traps } = splitDump(dump);
    console.log(values.map((v, i) => `${DUMP_FIELDS[i]}=${v}`).join(" "));
    for (const t of traps)
      console.log(`  trap tag=${t[0]} cause=${t[1]} tval=${t[2]} epc=${t[3]} status=${t[4]} tval2=${t[5]}`);
  }
  const ex = r.excluded.get(0);
  if (ex) console.log(`excluded: a known QEMU deviation (docs/qemu-differences.md#${ex})`);
  for (const d of r.divergences) for (const f of d.diffs) console.log(`  ${f.field}: rvhv ${f.rvhv}  qemu ${f.qemu}`);
  return r.divergences.length === 0 ? 0 : 1;
}

/** `node scripts/fuzz-qemu.mjs ...`; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        count: { type: "string" },
        seed: { type: "string" },
        batch: { type: "string" },
        all: { type: "boolean" },
        "no-crypto": { type: "boolean" },
        cli: { type: "boolean" },
        show: { type: "string" },
        help: { type: "boolean" },
      },
    }));
  } catch (e) {
    console.error(`fuzz-qemu: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const num = (v: string | undefined, d: number, name: string) => {
    const n = v === undefined ? d : Number(v);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} needs a whole number`);
    return n;
  };
  const missing = missingTools();
  if (missing !== null) {
    console.error(`fuzz-qemu: ${missing}`);
    return 1;
  }
  const crypto = values["no-crypto"] !== true;
  const gen: GenOptions = { crypto };
  const opts: RunnerOptions = { crypto, useCli: values.cli === true };
  if (values.show !== undefined) return show(num(values.show, 0, "show"), gen, opts);
  const count = num(values.count, 1000, "count");
  const seed = num(values.seed, 1, "seed");
  const batch = Math.max(1, num(values.batch, 500, "batch"));
  console.log(`fuzz-qemu: ${count} programs from seed ${seed}, ${batch} per batch`);
  const { stats, first } = await runCampaign(seed, count, batch, gen, opts, values.all === true, (s) =>
    console.log(formatStats(s)),
  );
  if (first !== null && values.all !== true) await report(first.program, first.divergence, opts, true);
  console.log(`\n${formatStats(stats)}`);
  return stats.divergences.length === 0 && stats.hostCrashes === 0 ? 0 : 1;
}
