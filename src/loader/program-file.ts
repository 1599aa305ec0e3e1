// Reading program files from the file system (Node only: the browser
// fetches them). Only regular files are read: a FIFO would block until a
// writer came, /dev/zero would never end.
import { readFileSync, statSync, type Stats } from "node:fs";
import { ElfError } from "./elf.js";

/** A path that names something other than a regular file (a directory, FIFO, device or socket). */
export class NotRegularFileError extends Error {
  override name = "NotRegularFileError";
  constructor(
    /** What it is instead, for a message: "a directory", "a FIFO (named pipe)"... */
    readonly kind: string,
  ) {
    super(`is ${kind}, not a regular file`);
  }
}

/** What a file is, for NotRegularFileError: "a directory", "a FIFO (named pipe)"... */
export function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return stats.isFile() ? "a regular file" : "an unknown kind of file";
}

/**
 * Reads a whole regular file. Anything else is refused before it is opened
 * (NotRegularFileError): a FIFO would block until a writer came, /dev/zero
 * would never end. Errors from the file system are Node's, with their code.
 */
export function readRegularFile(path: string): Uint8Array {
  const stats = statSync(path);
  if (!stats.isFile()) throw new NotRegularFileError(fileKind(stats));
  return readFileSync(path);
}

/**
 * Reads a program file; a missing or unreadable file is an ElfError. Like
 * every ElfError message, the message does not repeat the file name.
 */
export function readProgramFile(path: string): Uint8Array {
  try {
    return readRegularFile(path);
  } catch (e) {
    if (e instanceof NotRegularFileError) throw new ElfError(`is ${e.kind}, not a program file`);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new ElfError("no such file");
    if (code === "EACCES") throw new ElfError("permission denied");
    throw new ElfError(`cannot read (${(e as Error).message})`);
  }
}
