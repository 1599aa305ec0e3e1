// Builds the programs the gdb-multiarch tests debug (this directory) with
// the RISC-V cross compiler into build/gdb/ (gitignored), with debug
// information. Test files run in parallel: each build writes a private
// temporary file and renames it into place.
import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(resolve(here, "../.."), "build", "gdb");

/** Compiles <name>-start.S and <name>.c with <name>-link.ld (-g -O0); returns the ELF's path. */
export function buildGdbProgram(name: "bare" | "guest"): string {
  mkdirSync(OUT, { recursive: true });
  const out = join(OUT, `${name}.elf`);
  const tmp = `${out}.${process.pid}.tmp`;
  execFileSync("riscv64-unknown-elf-gcc", [
    "-g",
    "-O0",
    "-march=rv64gc",
    "-mabi=lp64d",
    "-mcmodel=medany",
    "-ffreestanding",
    "-nostdlib",
    "-nostartfiles",
    "-Wl,--no-warn-rwx-segments",
    "-T",
    join(here, `${name}-link.ld`),
    "-o",
    tmp,
    join(here, `${name}-start.S`),
    join(here, `${name}.c`),
  ]);
  renameSync(tmp, out);
  return out;
}
