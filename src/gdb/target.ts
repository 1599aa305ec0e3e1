// What the stub debugs: the harts gdb sees as threads, the view it sees
// them through (hart-view.ts), `monitor` commands, and how to end the run.
// machineTarget serves `run` and `run --machine virt`; guestTarget
// (guest-target.ts) serves `boot`.
import { PRIV_S } from "../rv64/constants.js";
import { hasHypervisor } from "../rv64/csr/table.js";
import type { Hart } from "../rv64/hart.js";
import { MACHINE_VIEW, type HartView } from "./hart-view.js";

const MODE_NAMES = ["U", "S", "?", "M"];

/** A `monitor` command: one line of help, and what it prints. */
export interface MonitorCommand {
  help: string;
  run(): string;
}

export interface DebugTarget {
  readonly view: HartView;
  /** The threads: thread id N is harts()[N - 1]. */
  harts(): readonly Hart[];
  /** A few words about a thread for gdb's `info threads` (qThreadExtraInfo). */
  describe(h: Hart): string;
  readonly monitor: Readonly<Record<string, MonitorCommand>>;
  /** Ends the machine's run (gdb's kill): the machine stops before its next slice. */
  kill(): void;
}

/** A hart's mode as the privileged spec names it: M, HS (S with the H extension), U, VS, VU. */
export function modeName(h: Hart): string {
  if (h.virt) return `V${MODE_NAMES[h.priv]}`;
  return h.priv === PRIV_S && hasHypervisor() ? "HS" : MODE_NAMES[h.priv];
}

/** The harts of a machine (`run`, `run --machine virt`) as they are. */
export function machineTarget(harts: readonly Hart[], stop: () => void): DebugTarget {
  return {
    view: MACHINE_VIEW,
    harts: () => harts,
    describe: (h) => `hart ${h.hartId}, ${modeName(h)}-mode${h.waiting ? ", in WFI" : ""}`,
    monitor: {},
    kill: stop,
  };
}
