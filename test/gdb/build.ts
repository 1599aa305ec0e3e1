// Builds the programs the gdb-multiarch tests debug (this directory) with
// the RISC-V cross compiler into build/gdb/, with debug information.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { crossCompile } from "../support/cross-gcc.js";

const here = dirname(fileURLToPath(import.meta.url));

/** Compiles <name>-start.S and <name>.c with <name>-link.ld (-g -O0); returns the ELF's path. */
export function buildGdbProgram(name: "bare" | "guest"): string {
  return crossCompile("gdb", name, [
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
    join(here, `${name}-start.S`),
    join(here, `${name}.c`),
  ]);
}
