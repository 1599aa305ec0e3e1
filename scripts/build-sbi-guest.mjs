#!/usr/bin/env node
// Builds test/sbi-guest, three bare-metal guests for rvhv's hypervisor that
// exercise its SBI v2.0 implementation from VS-mode, with Debian's
// riscv64-unknown-elf-gcc:
//
//   build/sbi-guest/sbi-guest.elf    test/sbi-guest/common + test/sbi-guest:
//                                    every function of every extension, good
//                                    and bad arguments, one PASS/FAIL line each
//   build/sbi-guest/sbi-garbage.elf  test/sbi-guest/common + test/sbi-guest/garbage:
//                                    random arguments to every call; it must survive
//   build/sbi-guest/sbi-isolation.elf  test/sbi-guest/common + test/sbi-guest/isolation:
//                                    scans its guest-physical space beside other guests
//
// All are linked at 0x8020_0000 by test/sbi-guest/common/link.ld and end
// the run with an SRST shutdown (reason: none, or system failure). They
// expect 4 harts and 64 MiB of guest RAM (the device tree says otherwise
// if it differs).
//
// Usage: node scripts/build-sbi-guest.mjs [outdir]
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, renameSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const srcDir = join(root, "test/sbi-guest");
const commonDir = join(srcDir, "common");
const outDir = resolve(process.argv[2] ?? join(root, "build/sbi-guest"));
const TOOL = "riscv64-unknown-elf-";

// GCC 12 wants Zicsr and Zifencei named: rv64gc alone no longer has them.
// medany: the image lives at 0x8020_0000, out of reach of medlow.
const CFLAGS = [
  "-march=rv64gc_zicsr_zifencei",
  "-mabi=lp64d",
  "-mcmodel=medany",
  "-O2",
  "-g",
  "-Wall",
  "-Wextra",
  "-Werror",
  "-ffreestanding",
  "-fno-tree-loop-distribute-patterns",
  "-fno-pic",
  "-nostdlib",
];

const PROGRAMS = [
  { name: "sbi-guest", dir: srcDir },
  { name: "sbi-garbage", dir: join(srcDir, "garbage") },
  { name: "sbi-isolation", dir: join(srcDir, "isolation") },
];

function run(cmd, args) {
  const res = spawnSync(cmd, args, { encoding: "utf8" });
  if (res.error) {
    const why =
      res.error.code === "ENOENT"
        ? "not found (apt-get install gcc-riscv64-unknown-elf)"
        : `cannot run: ${res.error.message}`;
    console.error(`build-sbi-guest: ${cmd} ${why}`);
    process.exit(1);
  }
  if (res.status !== 0) {
    process.stderr.write(res.stderr);
    console.error(`build-sbi-guest: ${cmd} ${args.map((a) => relative(root, a) || a).join(" ")} failed`);
    process.exit(1);
  }
  return res.stdout;
}

const sources = (dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".c") || f.endsWith(".S"))
    .sort()
    .map((f) => join(dir, f));

function compile(src, prefix) {
  const obj = join(outDir, `${prefix}-${basename(src).replace(/\.[cS]$/, "")}.o`);
  run(`${TOOL}gcc`, [...CFLAGS, "-c", "-o", obj, src]);
  return obj;
}

mkdirSync(outDir, { recursive: true });
const common = sources(commonDir).map((src) => compile(src, "common"));
for (const { name, dir } of PROGRAMS) {
  const objects = sources(dir).map((src) => compile(src, name));
  const elf = join(outDir, `${name}.elf`);
  const tmp = `${elf}.${process.pid}.tmp`;
  run(`${TOOL}gcc`, [
    ...CFLAGS,
    "-static",
    "-T",
    join(commonDir, "link.ld"),
    "-o",
    tmp,
    ...common,
    ...objects,
    "-lgcc",
  ]);
  renameSync(tmp, elf);
  console.log(`build-sbi-guest: ${relative(process.cwd(), elf) || elf}`);
}
