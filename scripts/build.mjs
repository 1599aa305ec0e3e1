// Bundles the rvhv command (dist/rvhv.cjs), its `rvhv test` worker and the
// library entry (src/index.ts) into dist/ with esbuild for Node 20, with no
// runtime dependencies. Run by `npm run build`
// and by `npm install`/`npm ci` (the prepare script). `--outdir DIR` builds
// elsewhere.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ options: { outdir: { type: "string", default: "dist" } } });

const common = {
  absWorkingDir: root,
  outdir: values.outdir,
  bundle: true,
  platform: "node",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
};
await build({
  ...common,
  entryPoints: { "test-worker": "src/cli/test-worker.ts", index: "src/index.ts" },
  format: "esm",
});
// The command is CommonJS so that bin/rvhv.js can compile it with a V8 code
// cache (vm.Script; Node 20 has no code cache for ES modules).
await build({
  ...common,
  entryPoints: { rvhv: "src/cli/main.ts" },
  format: "cjs",
  outExtension: { ".js": ".cjs" },
  define: { "import.meta.url": "bundleUrl" },
  banner: { js: 'const bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
});
