// Test support: building RISC-V programs with Debian's cross compiler into
// build/<dir>/ (gitignored). Test files run in parallel, so each build writes
// a private temporary file and renames it into place.
import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root. */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Runs riscv64-unknown-elf-gcc `args` into build/<dir>/<name>.elf; returns that path. */
export function crossCompile(dir: string, name: string, args: string[]): string {
  const outDir = join(REPO, "build", dir);
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `${name}.elf`);
  const tmp = `${out}.${process.pid}.tmp`;
  execFileSync("riscv64-unknown-elf-gcc", [...args, "-o", tmp]);
  renameSync(tmp, out);
  return out;
}
