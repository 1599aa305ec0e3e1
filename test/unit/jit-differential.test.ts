// The translation engine against the interpreter (issue 13 §3): random
// programs (test/jit/random-program.ts) in every privilege mode, including
// VS/VU behind two-stage translation, run on an interpreted hart and on a
// hart with the engine, slice by slice; registers, CSRs, pc, mode, the
// retired count and RAM must agree after every slice. Fixed seeds here;
// `npm run fuzz:jit -- --count N` runs a long campaign.
import { describe, expect, it } from "vitest";
import { MODES, runDifferential, type Divergence } from "../jit/differential.js";

const SEEDS = 100;

describe("translation engine against the interpreter", () => {
  for (const mode of MODES) {
    it(`agrees on ${SEEDS} random programs in ${mode} mode`, () => {
      const divergences: Divergence[] = [];
      const compiled = { blocks: 0, regions: 0 };
      for (let seed = 1; seed <= SEEDS; seed++) {
        // Compile on first arrival (every block is compiled code) or on the third (a mix).
        const d = runDifferential(seed, mode, seed % 2 === 0 ? 1 : 3, 3000, compiled);
        if (d !== null) divergences.push(d);
      }
      expect(divergences).toEqual([]);
      // The comparison means something only if compiled code ran.
      expect(compiled.blocks).toBeGreaterThan(10 * SEEDS);
      // Regions of several blocks are entered at each of them, not only at their roots.
      expect(compiled.blocks).toBeGreaterThan(compiled.regions);
    });
  }
});
