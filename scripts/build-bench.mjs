#!/usr/bin/env node
// Builds the performance benchmark's programs: every bench/programs/*.c
// becomes a bare M-mode ELF, build/bench/<name>.elf, linked with
// bench/programs/rt/{crt0.S,link.ld}. A program is rebuilt only when its
// source, the runtime (crt0.S, link.ld, bench.h) or this script is newer than
// its ELF.
//
// With --host, the same sources are instead compiled for this machine with
// gcc -DBENCH_HOST into build/bench/host/ and run: a check of the programs'
// logic and expected values on a CPU we trust (see bench/README.md).
//
// Usage: node scripts/build-bench.mjs [--host]
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const srcDir = join(root, "bench/programs");
const rtDir = join(srcDir, "rt");
const crt0 = join(rtDir, "crt0.S");
const linkScript = join(rtDir, "link.ld");
const host = process.argv.includes("--host");
const outDir = join(root, "build/bench", host ? "host" : "");

// Both builds: -fno-math-errno lets __builtin_sqrt be the bare instruction
// (there is no libm to fall back on).
const COMMON = ["-O2", "-Wall", "-Wextra", "-fno-math-errno", "-I", srcDir];
const TARGET = {
  cc: "riscv64-unknown-elf-gcc",
  install: "apt-get install gcc-riscv64-unknown-elf",
  // medany: the image lives at 0x8000_0000, out of reach of the default
  // medlow model's absolute addressing. freestanding: gcc's own <stdint.h>,
  // since there is no libc.
  flags: [
    "-march=rv64gc",
    "-mabi=lp64d",
    "-mcmodel=medany",
    "-nostdlib",
    "-static",
    "-ffreestanding",
    ...COMMON,
    "-T",
    linkScript,
    crt0,
  ],
};
const HOST = { cc: "gcc", install: "apt-get install gcc libc6-dev", flags: [...COMMON, "-DBENCH_HOST"] };
const tool = host ? HOST : TARGET;

function mtime(p) {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return -1;
  }
}

const probe = spawnSync(tool.cc, ["--version"], { encoding: "utf8" });
if (probe.error) {
  console.error(`build-bench: ${tool.cc} not found (${tool.install})`);
  process.exit(1);
}

const shared = Math.max(...[crt0, linkScript, join(rtDir, "bench.h"), fileURLToPath(import.meta.url)].map(mtime));
const sources = readdirSync(srcDir)
  .filter((f) => f.endsWith(".c"))
  .sort()
  .map((f) => join(srcDir, f));
if (sources.length === 0) {
  console.error(`build-bench: no programs in ${relative(process.cwd(), srcDir) || srcDir}`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });

let failed = 0;
let built = 0;
for (const src of sources) {
  const name = relative(srcDir, src).replace(/\.c$/, "");
  const out = join(outDir, host ? name : `${name}.elf`);
  const rel = relative(process.cwd(), out) || out;
  if (mtime(out) > Math.max(mtime(src), shared)) {
    if (!host) console.log(`  up to date  ${rel}`);
  } else {
    const r = spawnSync(tool.cc, [...tool.flags, "-o", out, src], { encoding: "utf8" });
    process.stderr.write(r.stderr);
    if (r.status !== 0) {
      failed++;
      console.log(`  FAILED      ${rel}`);
      continue;
    }
    built++;
    if (!host) console.log(`  built       ${rel}`);
  }
  if (host) {
    const run = spawnSync(out, [], { encoding: "utf8" });
    const ok = run.status === 0;
    if (!ok) failed++;
    console.log(
      `  ${ok ? "pass" : `FAIL (exit ${run.status ?? run.signal})`}  ${name}: ${run.stdout.trim().replace(/\n/g, "; ")}`,
    );
  }
}

if (failed > 0) {
  console.error(`build-bench: ${failed} of ${sources.length} programs ${host ? "failed" : "failed to compile"}`);
  process.exit(1);
}
if (!host) {
  console.log(
    `build-bench: ${built} built, ${sources.length - built} up to date, in ${relative(process.cwd(), outDir) || outDir}`,
  );
}
