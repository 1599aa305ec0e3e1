#!/usr/bin/env node
// Launcher for the rvhv command. The command itself is bundled into dist/ by
// scripts/build.mjs, which `npm install`/`npm ci` run (the prepare script).
import { existsSync } from "node:fs";

const bundle = new URL("../dist/rvhv.js", import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write("rvhv: the built command (dist/rvhv.js) is missing; run: npm run build\n");
  process.exit(2);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
