#!/usr/bin/env node
// `npm run web`: builds the web page into build/web/ (`rvhv web` serves it):
// web/main.ts (the page, with xterm.js) and web/machine-worker.ts (the
// machine: the same library modules `rvhv boot` runs) bundled by esbuild for
// browsers, index.html, and xterm.js's style sheet. Also run by `npm ci`
// (the prepare script), so a fresh clone has the page. `--outdir DIR`
// builds elsewhere.
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Builds the page into `outdir` (relative to the repository). */
export async function buildWeb(outdir = "build/web") {
  const out = join(root, outdir);
  mkdirSync(out, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: { main: "web/main.ts", "machine-worker": "web/machine-worker.ts" },
    outdir: out,
    bundle: true,
    // Classic scripts: a classic worker runs in every current browser.
    format: "iife",
    platform: "browser",
    target: "es2022",
    sourcemap: "linked",
    logLevel: "warning",
  });
  copyFileSync(join(root, "web/index.html"), join(out, "index.html"));
  copyFileSync(join(root, "node_modules/@xterm/xterm/css/xterm.css"), join(out, "xterm.css"));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { outdir: { type: "string", default: "build/web" } } });
  await buildWeb(values.outdir);
}
