#!/usr/bin/env node
// Builds bench/guests, the bare-metal VS-mode guests of the hypervisor
// overhead benchmark, with Debian's riscv64-unknown-elf-gcc:
//
//   build/bench-guests/ops.elf   bench/guests/ops.c + test/sbi-guest/common:
//                                times one operation (an SBI call, an MMIO
//                                access, a page fault…) named by bootargs
//
// They reuse the runtime of test/sbi-guest (entry, trap vector, console,
// device tree, shutdown) and its link.ld (0x8020_0000), with the flags of
// scripts/build-sbi-guest.mjs.
//
// Usage: node scripts/build-bench-guests.mjs [outdir]
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, renameSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const srcDir = join(root, "bench/guests");
const commonDir = join(root, "test/sbi-guest/common");
const outDir = resolve(process.argv[2] ?? join(root, "build/bench-guests"));
const TOOL = "riscv64-unknown-elf-";

// As scripts/build-sbi-guest.mjs: GCC 12 wants Zicsr and Zifencei named;
// medany because the image lives at 0x8020_0000.
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
  "-I",
  commonDir,
];

/** Each guest: its own sources in bench/guests, linked with all of common/. */
const PROGRAMS = [{ name: "ops", sources: ["ops.c", "fdt-prop.c"] }];

function run(cmd, args) {
  const res = spawnSync(cmd, args, { encoding: "utf8" });
  if (res.error) {
    const why =
      res.error.code === "ENOENT"
        ? "not found (apt-get install gcc-riscv64-unknown-elf)"
        : `cannot run: ${res.error.message}`;
    console.error(`build-bench-guests: ${cmd} ${why}`);
    process.exit(1);
  }
  if (res.status !== 0) {
    process.stderr.write(res.stderr);
    console.error(`build-bench-guests: ${cmd} ${args.map((a) => relative(root, a) || a).join(" ")} failed`);
    process.exit(1);
  }
  return res.stdout;
}

function compile(src, prefix) {
  const obj = join(outDir, `${prefix}-${basename(src).replace(/\.[cS]$/, "")}.o`);
  run(`${TOOL}gcc`, [...CFLAGS, "-c", "-o", obj, src]);
  return obj;
}

mkdirSync(outDir, { recursive: true });
const common = readdirSync(commonDir)
  .filter((f) => f.endsWith(".c") || f.endsWith(".S"))
  .sort()
  .map((f) => compile(join(commonDir, f), "common"));
for (const { name, sources } of PROGRAMS) {
  const objects = sources.map((f) => compile(join(srcDir, f), name));
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
  console.log(`build-bench-guests: ${relative(process.cwd(), elf) || elf}`);
}
