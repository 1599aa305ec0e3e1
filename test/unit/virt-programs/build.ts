// Builds the bare-metal programs in this directory with the RISC-V cross
// toolchain into build/virt-programs/ (gitignored): an ELF and, via
// objcopy, the raw binary a firmware image would be. Test files run in
// parallel, so each build writes private temporary files and renames them.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(resolve(here, "../../.."), "build", "virt-programs");
const CC = "riscv64-unknown-elf-gcc";

export const HAVE_CROSS_GCC = !spawnSync(CC, ["--version"]).error;
export const NO_CROSS_GCC_MESSAGE = `${CC} not found: install gcc-riscv64-unknown-elf`;

/** Assembles and links <name>.S; returns the ELF and raw-binary images. */
export function buildProgram(name: string): { elf: Uint8Array; bin: Uint8Array } {
  mkdirSync(OUT, { recursive: true });
  const elf = join(OUT, `${name}.elf`);
  const bin = join(OUT, `${name}.bin`);
  const tmp = `.${process.pid}.tmp`;
  execFileSync(CC, [
    "-nostdlib",
    "-nostartfiles",
    "-march=rv64gc",
    "-mabi=lp64d",
    "-T",
    join(here, "link.ld"),
    "-o",
    elf + tmp,
    join(here, `${name}.S`),
  ]);
  execFileSync("riscv64-unknown-elf-objcopy", ["-O", "binary", elf + tmp, bin + tmp]);
  renameSync(elf + tmp, elf);
  renameSync(bin + tmp, bin);
  return { elf: readFileSync(elf), bin: readFileSync(bin) };
}
