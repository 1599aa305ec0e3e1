#!/usr/bin/env node
// Builds test/virt-hyp, a bare-metal M-mode hypervisor test program for the
// virt machine, into build/virt-hyp/virt-hyp.elf with Debian's
// riscv64-unknown-elf-gcc:
//
//   1. the guest (test/virt-hyp/guest/*) is compiled and linked on its own
//      into guest.o (ld -r); it must leave no symbol undefined, since it
//      runs in VS-mode where the hypervisor's code is not mapped;
//   2. the hypervisor (test/virt-hyp/*.c, *.S) is compiled and linked with
//      guest.o by test/virt-hyp/link.ld.
//
// Run it with: npx rvhv run --machine virt --bios build/virt-hyp/virt-hyp.elf
// (or qemu-system-riscv64 -M virt -nographic -m 256M -bios <elf>).
//
// Usage: node scripts/build-virt-hyp.mjs [outdir]
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, renameSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const srcDir = join(root, "test/virt-hyp");
const guestDir = join(srcDir, "guest");
const outDir = resolve(process.argv[2] ?? join(root, "build/virt-hyp"));
const TOOL = "riscv64-unknown-elf-";

// GCC 12's driver rejects the single-letter H in -march: the sources enable
// it for the assembler with `.option arch, +h` and name H CSRs by number.
// medany: the image lives at 0x8000_0000, out of reach of medlow.
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

function run(cmd, args) {
  const res = spawnSync(cmd, args, { encoding: "utf8" });
  if (res.error) {
    const hint = res.error.code === "ENOENT" ? " (apt-get install gcc-riscv64-unknown-elf)" : "";
    console.error(`build-virt-hyp: cannot run ${cmd}: ${res.error.message}${hint}`);
    process.exit(1);
  }
  if (res.status !== 0) {
    process.stderr.write(res.stderr);
    console.error(`build-virt-hyp: ${cmd} ${args.map((a) => relative(root, a) || a).join(" ")} failed`);
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
  const obj = join(outDir, `${prefix}${basename(src).replace(/\.[cS]$/, "")}.o`);
  run(`${TOOL}gcc`, [...CFLAGS, "-c", "-o", obj, src]);
  return obj;
}

mkdirSync(outDir, { recursive: true });

const guestObjects = sources(guestDir).map((src) => compile(src, "guest-"));
const guest = join(outDir, "guest.o");
run(`${TOOL}ld`, ["-r", "-o", guest, ...guestObjects]);
// link.ld defines these for it.
const LINKER_SYMBOLS = new Set(["guest_bss_start", "guest_bss_end"]);
const undefinedSymbols = run(`${TOOL}nm`, ["-u", guest])
  .split("\n")
  .map((line) => line.trim().replace(/^U\s+/, ""))
  .filter((name) => name !== "" && !LINKER_SYMBOLS.has(name));
if (undefinedSymbols.length > 0) {
  console.error(`build-virt-hyp: the guest uses symbols it does not define: ${undefinedSymbols.join(", ")}`);
  process.exit(1);
}

const hypObjects = sources(srcDir).map((src) => compile(src, "hyp-"));
const elf = join(outDir, "virt-hyp.elf");
const tmp = `${elf}.${process.pid}.tmp`;
run(`${TOOL}gcc`, [...CFLAGS, "-static", "-T", join(srcDir, "link.ld"), "-o", tmp, ...hypObjects, guest, "-lgcc"]);
renameSync(tmp, elf);
console.log(`build-virt-hyp: ${relative(process.cwd(), elf) || elf}`);
