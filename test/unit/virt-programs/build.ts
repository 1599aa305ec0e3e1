// Builds the bare-metal programs in this directory with the RISC-V cross
// toolchain into build/virt-programs/ (gitignored): an ELF and, via
// objcopy, the raw binary a firmware image would be.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, renameSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { crossCompile } from "../../support/cross-gcc.js";

const here = dirname(fileURLToPath(import.meta.url));
const CC = "riscv64-unknown-elf-gcc";

export const HAVE_CROSS_GCC = !spawnSync(CC, ["--version"]).error;
export const NO_CROSS_GCC_MESSAGE = `${CC} not found: install gcc-riscv64-unknown-elf`;

/** Assembles and links <name>.S; returns the ELF and raw-binary images. */
export function buildProgram(name: string): { elf: Uint8Array; bin: Uint8Array } {
  const elf = crossCompile("virt-programs", name, [
    "-nostdlib",
    "-nostartfiles",
    "-march=rv64gc",
    "-mabi=lp64d",
    "-T",
    join(here, "link.ld"),
    join(here, `${name}.S`),
  ]);
  const bin = elf.replace(/\.elf$/, ".bin");
  const tmp = `${bin}.${process.pid}.tmp`;
  execFileSync("riscv64-unknown-elf-objcopy", ["-O", "binary", elf, tmp]);
  renameSync(tmp, bin);
  return { elf: readFileSync(elf), bin: readFileSync(bin) };
}
