#!/usr/bin/env node
// Differential testing of rvhv against QEMU: random programs run under both,
// first divergence printed minimised. The campaign itself is TypeScript
// (test/qemu-diff/campaign.ts); this bundles it (with the rvhv sources it
// runs in-process) into build/qemu-diff/ with esbuild and runs it.
//
// Usage: node scripts/fuzz-qemu.mjs [--count N] [--seed S] [--batch B] [--all] [--show SEED]
//        (--help for all options)
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = join(root, "build", "qemu-diff");
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, "campaign.mjs");

await build({
  absWorkingDir: root,
  entryPoints: ["test/qemu-diff/campaign.ts"],
  outfile,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: "inline",
  logLevel: "warning",
});

process.chdir(root);
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(process.argv.slice(2));
