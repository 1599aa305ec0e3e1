// Files named on the command line (firmware, kernel, initrd): read whole,
// with one-line errors that say what is wrong (exit status 2).
import { readFileSync } from "node:fs";
import { ElfError, hasElfMagic, parseElf } from "../loader/elf.js";

/** A file given on the command line that cannot be used: one line, exit 2. */
export class InputError extends Error {}

export function readInput(what: string, path: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory"
          : code === "EACCES"
            ? "permission denied"
            : (e as Error).message;
    throw new InputError(`cannot read the ${what} ${path}: ${why}`);
  }
  if (bytes.length === 0) throw new InputError(`the ${what} ${path} is an empty file`);
  return bytes;
}

/** Firmware or kernel: an ELF must be a valid RV64 executable; anything else loads raw. */
export function readImage(what: string, path: string): Uint8Array {
  const bytes = readInput(what, path);
  if (hasElfMagic(bytes)) {
    try {
      parseElf(bytes);
    } catch (e) {
      if (!(e instanceof ElfError)) throw e;
      throw new InputError(`${path}: ${e.message}`);
    }
  }
  return bytes;
}
