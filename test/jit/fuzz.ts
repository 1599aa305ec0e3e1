// `npm run fuzz:jit -- --count N [--seed S]`: a long differential campaign of
// the translation engine against the interpreter (differential.ts). Program
// i has seed S + i and runs in every mode, compiled on the first, the third
// and the default 32nd arrival; the first divergences are printed with the
// seed that replays them.
import { parseArgs } from "node:util";
import { HOT_THRESHOLD } from "../../src/jit/engine.js";
import { MODES, runDifferential } from "./differential.js";

const { values } = parseArgs({
  options: { count: { type: "string", default: "1000" }, seed: { type: "string", default: "1" } },
});
const count = Number(values.count);
const first = Number(values.seed);
if (!Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(first)) {
  console.error("usage: npm run fuzz:jit -- [--count N] [--seed S]");
  process.exit(2);
}
const started = Date.now();
let runs = 0;
let divergences = 0;
for (let seed = first; seed < first + count; seed++) {
  for (const mode of MODES) {
    for (const threshold of [1, 3, HOT_THRESHOLD]) {
      runs++;
      const d = runDifferential(seed, mode, threshold);
      if (d === null) continue;
      divergences++;
      if (divergences <= 10) {
        console.log(`DIVERGENCE seed ${seed}, ${mode}, hot threshold ${threshold}, after ${d.after} steps: ${d.what}`);
      }
    }
  }
  if ((seed - first + 1) % 1000 === 0) console.log(`${seed - first + 1} programs, ${divergences} divergences`);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`${count} programs (${runs} runs): ${divergences} divergences, ${seconds} s`);
process.exitCode = divergences === 0 ? 0 : 1;
