// A running hypervisor machine's numbers at a glance: what the web page's
// status line shows while the guest runs, and the share `rvhv boot --stats`
// prints at the end. Cheap enough to take a few times a second.
import type { HypervisorMachine } from "./hypervisor-machine.js";

export interface RunStatus {
  /** Instructions the guests have run so far. */
  instructions: number;
  /** Exits into the hypervisor so far (firmware/stats.ts). */
  exits: number;
  /** Host milliseconds spent running the machine (idle sleeps excluded). */
  hostMs: number;
  /**
   * Share of that time spent in the hypervisor (exit handling and vCPU
   * switches), 0 to 1; NaN unless the machine was made with `timed`.
   */
  hypervisorShare: number;
}

export function runStatus(machine: HypervisorMachine): RunStatus {
  const stats = machine.hypervisor.stats;
  const hostMs = machine.hostMs();
  return {
    instructions: machine.instructionsRun,
    exits: stats.totalExits(),
    hostMs,
    hypervisorShare: !stats.timed ? NaN : hostMs > 0 ? (stats.handlerMs + stats.switchMs) / hostMs : 0,
  };
}
