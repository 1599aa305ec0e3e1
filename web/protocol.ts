// The messages between the page (main.ts: terminal, progress, status line)
// and the worker that runs the machine (machine-worker.ts), which keeps the
// emulator off the page's thread.
import type { RunStatus } from "../src/machine/run-status.js";

export type ToWorker =
  /** Boot the guest: the kernel Image and the initramfs, transferred. */
  | { type: "boot"; image: ArrayBuffer; initrd: ArrayBuffer }
  /** Keys typed into the terminal, for the guest's console. */
  | { type: "input"; bytes: Uint8Array }
  /** Ctrl-A x. */
  | { type: "stop" };

export type FromWorker =
  /** Guest console output. */
  | { type: "output"; bytes: Uint8Array }
  /** A sample of the machine's numbers, a few times a second. */
  | { type: "status"; status: RunStatus }
  /** The machine ended: "poweroff", "stopped", or "error" with a message. */
  | { type: "ended"; reason: string; message?: string; status: RunStatus };

/** How often the worker samples the status. */
export const STATUS_INTERVAL_MS = 500;
