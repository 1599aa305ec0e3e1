#!/usr/bin/env node
// Builds rvhv's own assembly test suites into bare M-mode ELFs with Debian's
// riscv64-unknown-elf-gcc:
//   isa - test/isa/**/*.S  (harness test/isa/include/rvhv-test.h, link.ld)
//   hyp - test/hyp/**/*.S  (the same harness plus test/hyp/include/hyp.h)
// A test is rebuilt only when its source or a shared include is newer than
// its ELF. Output: build/<suite>/ or the directory given.
//
// Usage: node scripts/build-asm-tests.mjs <isa|hyp> [outdir]
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const isaInclude = join(root, "test/isa/include");

const SUITES = {
  // Debian 12's binutils 2.40 does not know Zicond: the tests emit czero.*
  // with .insn, so it is left out of -march.
  isa: { src: "test/isa", includes: [isaInclude], march: "rv64gc_zba_zbb_zbs_zicsr_zifencei" },
  // GCC 12's driver rejects the single-letter H in -march; hyp.h enables it
  // for the assembler with `.option arch, +h` instead.
  hyp: { src: "test/hyp", includes: [join(root, "test/hyp/include"), isaInclude], march: "rv64gc_zicsr_zifencei" },
};

const suiteName = process.argv[2];
const suite = SUITES[suiteName];
if (suite === undefined) {
  console.error(`usage: node scripts/build-asm-tests.mjs <${Object.keys(SUITES).join("|")}> [outdir]`);
  process.exit(2);
}
const tag = `build-asm-tests ${suiteName}`;
const srcDir = join(root, suite.src);
const linkScript = join(isaInclude, "link.ld");
const outDir = resolve(process.argv[3] ?? join(root, "build", suiteName));

const CC = "riscv64-unknown-elf-gcc";
const FLAGS = [
  `-march=${suite.march}`,
  "-mabi=lp64d",
  "-nostdlib",
  "-nostartfiles",
  "-static",
  ...suite.includes.flatMap((dir) => ["-I", dir]),
  "-T",
  linkScript,
];

function findFiles(dir, accept) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!suite.includes.includes(p)) out.push(...findFiles(p, accept));
    } else if (accept(entry.name)) {
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

if (spawnSync(CC, ["--version"]).error) {
  console.error(`${tag}: ${CC} not found (install gcc-riscv64-unknown-elf: apt-get install gcc-riscv64-unknown-elf)`);
  process.exit(1);
}

const shared = suite.includes.flatMap((dir) => readdirSync(dir).map((f) => join(dir, f)));
const sharedNewest = Math.max(...shared.map(mtime));
const sources = findFiles(srcDir, (name) => name.endsWith(".S"));
if (sources.length === 0) {
  console.error(`${tag}: no tests found under ${relative(process.cwd(), srcDir) || srcDir}`);
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
  console.error(`${tag}: ${failed} of ${sources.length} tests failed to compile`);
  process.exit(1);
}
console.log(
  `${tag}: ${built} built, ${sources.length - built} up to date, in ${relative(process.cwd(), outDir) || outDir}`,
);
