// The guest's serial console on the process's stdin, as QEMU's -nographic
// has it. On a terminal: raw mode (every key, Ctrl-C included, goes to the
// guest) and QEMU's escape key, Ctrl-A: Ctrl-A x quits, Ctrl-A Ctrl-A types
// a Ctrl-A, Ctrl-A h prints help; the terminal is restored on every way out.
// From a pipe or file: the bytes go to the guest as they are, and the end of
// the input ends nothing (the guest runs on until it powers off).

/** The escape key, Ctrl-A (QEMU's -echr default). */
export const CTRL_A = 0x01;

export const CONSOLE_HELP = "\r\nC-a h    print this help\r\nC-a x    exit rvhv\r\nC-a C-a  type a C-a\r\n";

export type ConsoleCommand = "quit" | "help";

/** Splits keys typed on a terminal into the guest's bytes and the Ctrl-A commands. */
export class EscapeDecoder {
  private escaped = false;

  /** Calls `toGuest` and `command` in the order the keys came. */
  decode(bytes: Uint8Array, toGuest: (bytes: Uint8Array) => void, command: (c: ConsoleCommand) => void): void {
    let start = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (!this.escaped) {
        if (b !== CTRL_A) continue;
        if (i > start) toGuest(bytes.subarray(start, i));
        this.escaped = true;
        start = i + 1;
        continue;
      }
      this.escaped = false;
      start = i + 1;
      // QEMU's mux_proc_byte: a repeated escape types it; unknown keys are dropped.
      if (b === CTRL_A) toGuest(bytes.subarray(i, i + 1));
      else if (b === 0x78 /* x */) command("quit");
      else if (b === 0x68 /* h */ || b === 0x3f /* ? */) command("help");
    }
    if (!this.escaped && start < bytes.length) toGuest(bytes.subarray(start));
  }
}

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
