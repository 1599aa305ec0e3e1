#!/usr/bin/env node
// Builds rvhv's hypervisor-extension tests: every test/hyp/*.S becomes a bare
// M-mode ELF in build/hyp/ or the directory given as the first argument. The
// tests share the ISA suite's harness and linker script
// (test/isa/include/rvhv-test.h, link.ld) and add test/hyp/include/hyp.h.
// A test is rebuilt only when its source or a shared input is newer than its ELF.
//
// Usage: node scripts/build-hyp-tests.mjs [outdir]
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const srcDir = join(root, "test/hyp");
const hypInclude = join(srcDir, "include");
const isaInclude = join(root, "test/isa/include");
const linkScript = join(isaInclude, "link.ld");
const outDir = resolve(process.argv[2] ?? join(root, "build/hyp"));

const CC = "riscv64-unknown-elf-gcc";
// GCC 12's driver rejects the single-letter H in -march; hyp.h enables it for
// the assembler with `.option arch, +h` instead.
const FLAGS = [
  "-march=rv64gc_zicsr_zifencei",
  "-mabi=lp64d",
  "-nostdlib",
  "-nostartfiles",
  "-static",
  "-I", hypInclude,
  "-I", isaInclude,
  "-T", linkScript,
  "-Wl,--no-warn-rwx-segments",
];

function mtime(p) {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return -1;
  }
}

if (spawnSync(CC, ["--version"]).error) {
  console.error(`build-hyp-tests: ${CC} not found (install gcc-riscv64-unknown-elf: apt-get install gcc-riscv64-unknown-elf)`);
  process.exit(1);
}

const sharedNewest = Math.max(
  ...[join(isaInclude, "rvhv-test.h"), linkScript, ...readdirSync(hypInclude).map((f) => join(hypInclude, f))].map(mtime),
);
const sources = readdirSync(srcDir)
  .filter((f) => f.endsWith(".S"))
  .sort()
  .map((f) => join(srcDir, f));
if (sources.length === 0) {
  console.error(`build-hyp-tests: no tests in ${relative(process.cwd(), srcDir) || srcDir}`);
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
let failed = 0;
let built = 0;
for (const src of sources) {
  const out = join(outDir, relative(srcDir, src).replace(/\.S$/, ""));
  const rel = relative(process.cwd(), out) || out;
  if (mtime(out) > Math.max(mtime(src), sharedNewest)) {
    console.log(`  up to date  ${rel}`);
    continue;
  }
  const r = spawnSync(CC, [...FLAGS, "-o", out, src], { encoding: "utf8" });
  if (r.status !== 0) {
    failed++;
    console.log(`  FAILED      ${rel}`);
    process.stderr.write(r.stderr);
  } else {
    built++;
    console.log(`  built       ${rel}`);
  }
}

if (failed > 0) {
  console.error(`build-hyp-tests: ${failed} of ${sources.length} tests failed to compile`);
  process.exit(1);
}
console.log(`build-hyp-tests: ${built} built, ${sources.length - built} up to date, in ${relative(process.cwd(), outDir) || outDir}`);
