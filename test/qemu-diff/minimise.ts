// Shrinks a diverging program: drops items (ddmin over chunks, then single
// items) while it still diverges the same way. Each round puts every
// candidate into one batch, so a round costs one QEMU start and one rvhv run.
import type { Item, Program } from "./program.js";
import { runBatch, type Divergence, type FieldDiff, type RunnerOptions } from "./runner.js";

/** What a divergence is about, independent of trap numbering: "x10", "trap.cause", "dump"... */
export function signature(diffs: readonly FieldDiff[]): Set<string> {
  return new Set(diffs.map((d) => d.field.replace(/^trap\d+\./, "trap.")));
}

function sameKind(sig: Set<string>, d: Divergence): boolean {
  for (const f of signature(d.diffs)) if (sig.has(f)) return true;
  return false;
}

export interface MinimiseResult {
  program: Program;
  divergence: Divergence;
  rounds: number;
}

/** Minimises `program`, which diverges as `divergence` does. */
export async function minimise(
  program: Program,
  divergence: Divergence,
  opts: RunnerOptions = {},
  log: (line: string) => void = () => {},
): Promise<MinimiseResult> {
  const sig = signature(divergence.diffs);
  let best = program;
  let bestDiv = divergence;
  let rounds = 0;
  const removable = (items: readonly Item[]) => items.map((it, i) => (it.keep ? -1 : i)).filter((i) => i >= 0);
  let chunk = Math.max(1, Math.floor(removable(best.items).length / 2));
  for (;;) {
    const idx = removable(best.items);
    if (idx.length === 0) break;
    chunk = Math.min(chunk, idx.length);
    const candidates: Program[] = [];
    for (let start = 0; start < idx.length; start += chunk) {
      const drop = new Set(idx.slice(start, start + chunk));
      candidates.push({ ...best, items: best.items.filter((_, i) => !drop.has(i)) });
    }
    rounds++;
    const result = await runBatch(candidates, opts, "minimise");
    const hit = result.divergences.find((d) => sameKind(sig, d));
    if (hit !== undefined) {
      best = candidates[hit.index];
      bestDiv = { ...hit, index: 0 };
      log(`  minimise: ${best.items.length} items (chunk ${chunk})`);
      continue; // same granularity again on the smaller program
    }
    if (chunk === 1) break;
    chunk = Math.max(1, Math.floor(chunk / 2));
  }
  return { program: best, divergence: bestDiv, rounds };
}
