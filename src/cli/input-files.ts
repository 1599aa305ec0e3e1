// Files named on the command line (firmware, kernel, initrd): read whole,
// with one-line errors that say what is wrong (exit status 2).
import { ElfError, hasElfMagic, parseElf } from "../loader/elf.js";
import { NotRegularFileError, readRegularFile } from "../loader/program-file.js";

/** A file given on the command line that cannot be used: one line, exit 2. */
export class InputError extends Error {}

export function readInput(what: string, path: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(path);
  } catch (e) {
    throw new InputError(`cannot read the ${what} ${path}: ${whyUnreadable(e)}`);
  }
  if (bytes.length === 0) throw new InputError(`the ${what} ${path} is an empty file`);
  return bytes;
}

function whyUnreadable(e: unknown): string {
  if (e instanceof NotRegularFileError) return e.kind === "a directory" ? "is a directory" : e.message;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES") return "permission denied";
  return (e as Error).message;
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

/**
 * --bios and --kernel of `run --machine virt`: as readImage, and a raw image
 * that is plainly text (a script, a README, a config file) is refused: run
 * as code it would only trap, and with no word from rvhv when firmware
 * handles the traps.
 */
export function readCode(option: "--bios" | "--kernel", path: string): Uint8Array {
  const [what, aWhat] = option === "--bios" ? ["firmware", "firmware"] : ["kernel", "a kernel"];
  const bytes = readImage(what, path);
  if (!hasElfMagic(bytes) && looksLikeText(bytes))
    throw new InputError(`${option} ${path} looks like text, not ${aWhat}`);
  return bytes;
}

/** How much of a file looksLikeText judges by. */
const TEXT_SAMPLE = 4096;

/**
 * Whether the start of `bytes` is text: valid UTF-8 with no control
 * characters other than tab, newline, carriage return, form feed and escape.
 * Machine code never is: every 32-bit RISC-V instruction's low byte ends in
 * binary 11, and most such bytes (0x03, 0x13, 0x17, 0x1b...) are control
 * characters, as are the zero bytes of register x0 and of padding; a raw
 * firmware such as OpenSBI's fw_jump.bin has them in its first instructions.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  let sample = bytes.subarray(0, TEXT_SAMPLE);
  for (const b of sample) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) return false;
    if (b === 0x7f) return false;
  }
  // A sample cut inside a multi-byte character: judge the whole ones.
  if (bytes.length > TEXT_SAMPLE) {
    let end = sample.length;
    for (let back = 0; back < 3 && end > 0 && (sample[end - 1] & 0xc0) === 0x80; back++) end--;
    if (end > 0 && sample[end - 1] >= 0xc0) end--;
    sample = sample.subarray(0, end);
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample);
    return true;
  } catch {
    return false;
  }
}
