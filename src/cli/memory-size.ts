// Memory sizes as QEMU's -m takes them: a number of MiB, or a number with a
// K, M, G (or KiB, MiB, GiB) suffix, such as 512M or 1G.
import { UsageError } from "./args.js";

const UNITS: Record<string, number> = { "": 2 ** 20, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 };
/** Smallest and largest guest RAM (the core's RAM is at most 2 GiB). */
const MIN_BYTES = 4 * 2 ** 20;
const MAX_BYTES = 2 ** 31;

/** Bytes for a --mem value; a UsageError for anything else. */
export function parseMemorySize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?$/i.exec(text.trim());
  if (m === null) throw new UsageError(`--mem takes a size such as 512M or 1G, not '${text}'`);
  const bytes = Math.round(Number(m[1]) * UNITS[m[2].toLowerCase()]);
  if (bytes < MIN_BYTES || bytes > MAX_BYTES) throw new UsageError(`--mem must be from 4M to 2G, not '${text}'`);
  if (bytes % 4096 !== 0) throw new UsageError(`--mem must be a whole number of 4 KiB pages, not '${text}'`);
  return bytes;
}
