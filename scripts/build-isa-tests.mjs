#!/usr/bin/env node
// Builds rvhv's own ISA tests: every test/isa/**/*.S becomes a bare M-mode
// ELF (see test/isa/include/rvhv-test.h) in build/isa/ or the directory
// given as the first argument. A test is rebuilt only when its source, the
// header or the linker script is newer than its ELF.
//
// Usage: node scripts/build-isa-tests.mjs [outdir]
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const srcDir = join(root, "test/isa");
const includeDir = join(srcDir, "include");
const linkScript = join(includeDir, "link.ld");
const outDir = resolve(process.argv[2] ?? join(root, "build/isa"));

const CC = "riscv64-unknown-elf-gcc";
// Debian 12's binutils 2.40 does not know Zicond: the tests emit czero.* with
// .insn, so it is left out of -march.
const FLAGS = [
  "-march=rv64gc_zba_zbb_zbs_zicsr_zifencei",
  "-mabi=lp64d",
  "-nostdlib",
  "-nostartfiles",
  "-static",
  "-I",
  includeDir,
  "-T",
  linkScript,
  "-Wl,--no-warn-rwx-segments",
];

function findSources(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (p !== includeDir) out.push(...findSources(p));
    } else if (entry.name.endsWith(".S")) {
      out.push(p);
    }
  }
  return out.sort();
}

function mtime(p) {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return -1;
  }
}

const probe = spawnSync(CC, ["--version"], { encoding: "utf8" });
if (probe.error) {
  console.error(`build-isa-tests: ${CC} not found (install gcc-riscv64-unknown-elf: apt-get install gcc-riscv64-unknown-elf)`);
  process.exit(1);
}

const sharedInputs = [join(includeDir, "rvhv-test.h"), linkScript].map(mtime);
const sharedNewest = Math.max(...sharedInputs);
const sources = findSources(srcDir);
if (sources.length === 0) {
  console.error(`build-isa-tests: no tests found under ${relative(process.cwd(), srcDir) || srcDir}`);
  process.exit(1);
}

let failed = 0;
let built = 0;
for (const src of sources) {
  const name = relative(srcDir, src).replace(/\.S$/, "");
  const out = join(outDir, name);
  const rel = relative(process.cwd(), out) || out;
  if (mtime(out) > Math.max(mtime(src), sharedNewest)) {
    console.log(`  up to date  ${rel}`);
    continue;
  }
  mkdirSync(dirname(out), { recursive: true });
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
  console.error(`build-isa-tests: ${failed} of ${sources.length} tests failed to compile`);
  process.exit(1);
}
console.log(`build-isa-tests: ${built} built, ${sources.length - built} up to date, in ${relative(process.cwd(), outDir) || outDir}`);
