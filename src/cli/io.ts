// What the commands read and write, and the process exit statuses they return.

export interface Io {
  stdout: { write(data: string | Uint8Array): unknown };
  stderr: { write(text: string): unknown };
  /** The guest console's keyboard (`run --machine virt`); absent: no input. */
  stdin?: NodeJS.ReadStream;
}

/** A bad command line or an unusable program file. */
export const EXIT_USAGE = 2;
/** `run --max-insns` reached its limit. */
export const EXIT_LIMIT = 3;
/** The machine stopped without the program exiting (WFI with no interrupt source, HTIF bad address). */
export const EXIT_STOPPED = 4;
/** A hart trapped at its trap vector over and over: the program has no working trap handler. */
export const EXIT_TRAP_STORM = 5;

/** The largest --mem, in MiB. */
export const MAX_MEM_MIB = 2048;

/** --stats: instructions, seconds and MIPS on one line. */
export function statsLine(instructions: number, seconds: number): string {
  const mips = seconds > 0 ? instructions / seconds / 1e6 : 0;
  return `instructions=${instructions} seconds=${seconds.toFixed(3)} mips=${mips.toFixed(1)}\n`;
}
