// Bundles the rvhv command (and its `rvhv test` worker) and the library
// entry (src/index.ts) into dist/ with esbuild: ESM for Node 20, no runtime
// dependencies. Run by `npm run build`
// and by `npm install`/`npm ci` (the prepare script). `--outdir DIR` builds
// elsewhere.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ options: { outdir: { type: "string", default: "dist" } } });

await build({
  absWorkingDir: root,
  entryPoints: { rvhv: "src/cli/main.ts", "test-worker": "src/cli/test-worker.ts", index: "src/index.ts" },
  outdir: values.outdir,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
});
