// QEMU's escape key on a guest console (chardev/char-mux.c), the same on a
// terminal (src/cli/console.ts) and in the web page (web/main.ts): Ctrl-A x
// quits, Ctrl-A Ctrl-A types a Ctrl-A, Ctrl-A h prints help.

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
