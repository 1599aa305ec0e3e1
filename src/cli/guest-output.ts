// Where each guest's console output goes for `rvhv boot`: with one guest,
// straight to stdout; with several, to stdout with every line prefixed
// `[gN] `, or to one file per guest (--console-dir DIR: DIR/gN.log).
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { join } from "node:path";

export interface GuestOutput {
  write(guest: number, bytes: Uint8Array): void;
  /** Whether the terminal's cursor is at the start of a line (rvhv's own messages start on a fresh line). */
  readonly atLineStart: boolean;
  close(): Promise<void>;
}

const NEWLINE = 0x0a;

export function guestOutput(
  stdout: { write(data: string | Uint8Array): unknown },
  guests: number,
  consoleDir: string | undefined,
): GuestOutput {
  if (consoleDir !== undefined) return fileOutput(consoleDir, guests);
  if (guests === 1) {
    let atLineStart = true;
    return {
      write(_guest, bytes) {
        if (bytes.length === 0) return;
        stdout.write(bytes.slice());
        atLineStart = bytes[bytes.length - 1] === NEWLINE;
      },
      get atLineStart() {
        return atLineStart;
      },
      close: async () => {},
    };
  }
  // Several guests: every line gets its guest's prefix. A guest whose line
  // is still open on the terminal when another writes has it closed first,
  // and its continuation goes on a new line marked `[gN]+ `, so a reader can
  // join the pieces again.
  let openGuest = -1;
  /** Guests whose current line was cut by another guest's output. */
  const cut = new Array<boolean>(guests).fill(false);
  const encoder = new TextEncoder();
  const prefixes = Array.from({ length: guests }, (_, i) => encoder.encode(`[g${i}] `));
  const continuations = Array.from({ length: guests }, (_, i) => encoder.encode(`[g${i}]+ `));
  return {
    write(guest, bytes) {
      const parts: Uint8Array[] = [];
      let from = 0;
      while (from < bytes.length) {
        const nl = bytes.indexOf(NEWLINE, from);
        const end = nl < 0 ? bytes.length : nl + 1;
        if (openGuest !== guest) {
          if (openGuest !== -1) {
            parts.push(Uint8Array.of(NEWLINE));
            cut[openGuest] = true;
          }
          parts.push(cut[guest] ? continuations[guest] : prefixes[guest]);
          cut[guest] = false;
          openGuest = guest;
        }
        parts.push(bytes.subarray(from, end));
        if (nl >= 0) openGuest = -1;
        from = end;
      }
      if (parts.length > 0) stdout.write(concat(parts));
    },
    get atLineStart() {
      return openGuest === -1;
    },
    close: async () => {},
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function fileOutput(dir: string, guests: number): GuestOutput {
  mkdirSync(dir, { recursive: true });
  const files: WriteStream[] = Array.from({ length: guests }, (_, i) => createWriteStream(join(dir, `g${i}.log`)));
  return {
    write(guest, bytes) {
      files[guest].write(bytes.slice());
    },
    atLineStart: true,
    close: () => Promise.all(files.map((f) => new Promise<void>((resolve) => f.end(resolve)))).then(() => undefined),
  };
}
