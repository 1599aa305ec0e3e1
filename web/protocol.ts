// The messages between the page (main.ts: terminal, progress, status line)
// and the worker that runs the machine (machine-worker.ts), which keeps the
// emulator off the page's thread.
import type { HypervisorRunResult } from "../src/machine/hypervisor-machine.js";
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
  /** The machine ended: as HypervisorMachine.run says, or an error with its message. */
  | { type: "ended"; reason: HypervisorRunResult["reason"] | "error"; message?: string };

/** How often the worker samples the status. */
export const STATUS_INTERVAL_MS = 500;
