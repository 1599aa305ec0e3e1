// What the commands write to, and the process exit statuses they return.

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** A bad command line or an unusable program file. */
export const EXIT_USAGE = 2;
/** `run --max-insns` reached its limit. */
export const EXIT_LIMIT = 3;
/** The machine stopped without the program exiting (WFI with no interrupt source, HTIF bad address). */
export const EXIT_STOPPED = 4;
