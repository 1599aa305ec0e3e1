// The guest's serial console on the process's stdin, as QEMU's -nographic
// has it. On a terminal: raw mode (every key, Ctrl-C included, goes to the
// guest) and QEMU's escape key, Ctrl-A: Ctrl-A x quits, Ctrl-A Ctrl-A types
// a Ctrl-A, Ctrl-A h prints help; the terminal is restored on every way out.
// From a pipe or file: the bytes go to the guest as they are, and the end of
// the input ends nothing (the guest runs on until it powers off).

import { CONSOLE_HELP, EscapeDecoder } from "../platform/console-escape.js";

export interface ConsoleSink {
  /** Bytes for the guest's UART. */
  input(bytes: Uint8Array): void;
  /** Ctrl-A x. */
  quit(): void;
}

export interface AttachedConsole {
  /** stdin is a terminal (raw mode, Ctrl-A commands); otherwise a script feeds it. */
  readonly interactive: boolean;
  /** Stops reading and restores the terminal. */
  detach(): void;
}

const SIGNALS: NodeJS.Signals[] = ["SIGTERM", "SIGHUP", "SIGINT", "SIGQUIT"];

/** Connects `stdin` (if any) to the guest console; see the file comment. */
export function attachConsole(
  stdin: NodeJS.ReadStream | undefined,
  stderr: { write(text: string): unknown },
  sink: ConsoleSink,
): AttachedConsole {
  if (stdin === undefined) return { interactive: false, detach() {} };
  const interactive = stdin.isTTY === true;
  const decoder = new EscapeDecoder();
  const onData = (chunk: Buffer): void => {
    if (!interactive) {
      sink.input(chunk);
      return;
    }
    decoder.decode(
      chunk,
      (bytes) => sink.input(bytes),
      (command) => (command === "quit" ? sink.quit() : stderr.write(CONSOLE_HELP)),
    );
  };

  let raw = false;
  const restore = (): void => {
    if (!raw) return;
    raw = false;
    stdin.setRawMode(false);
  };
  // A signal from outside (raw mode keeps Ctrl-C from making one): restore the
  // terminal, then die of the signal as if we had no handler.
  const onSignal = (signal: NodeJS.Signals): void => {
    removeHandlers();
    process.kill(process.pid, signal);
  };
  const removeHandlers = (): void => {
    restore();
    process.off("exit", restore);
    for (const s of SIGNALS) process.off(s, onSignal);
  };
  if (interactive) {
    stdin.setRawMode(true);
    raw = true;
    process.on("exit", restore);
    for (const s of SIGNALS) process.on(s, onSignal);
  }
  stdin.on("data", onData);
  stdin.resume();

  return {
    interactive,
    detach() {
      stdin.off("data", onData);
      // A paused stdin no longer holds the process open, even if the writer of
      // a pipe keeps it open.
      stdin.pause();
      removeHandlers();
    },
  };
}
